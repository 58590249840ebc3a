// Asymmetric crypto as a script sees it: KeyObject shapes and inspect output, the class
// hierarchy, callback ordering of generateKeyPair/sign/verify against timers and ticks,
// Sign/Verify as writable streams (write/end/pipe), ECDH objects, KeyObject.from and the
// option errors. Keys are random, so only what does not depend on their bytes is printed.
'use strict';
const crypto = require('crypto');
const util = require('util');
const { Readable } = require('stream');

const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
console.log(util.inspect(publicKey), util.inspect(privateKey));
console.log(publicKey.asymmetricKeyType, publicKey.asymmetricKeyDetails, util.inspect(publicKey));
console.log(Object.getOwnPropertyNames(crypto.KeyObject.prototype));
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(publicKey)), Object.getOwnPropertyNames(Object.getPrototypeOf(privateKey)));
const asym = Object.getPrototypeOf(Object.getPrototypeOf(publicKey));
console.log(asym.constructor.name, Object.getOwnPropertyNames(asym), Object.getOwnPropertyNames(crypto.KeyObject));
console.log(publicKey instanceof crypto.KeyObject, Object.prototype.toString.call(privateKey));
console.log(publicKey.asymmetricKeyDetails === publicKey.asymmetricKeyDetails);
console.log(publicKey.equals(crypto.createPublicKey(privateKey)), privateKey.equals(publicKey));

const ed = crypto.generateKeyPairSync('ed25519');
console.log(ed.publicKey.asymmetricKeyDetails, ed.publicKey.asymmetricKeyDetails === ed.publicKey.asymmetricKeyDetails);
console.log(Object.keys(ed.privateKey.export({ format: 'jwk' })), ed.publicKey.export({ format: 'pem', type: 'spki' }).split('\n').length);

const order = [];
setImmediate(() => order.push('immediate'));
process.nextTick(() => order.push('tick'));
crypto.generateKeyPair('x25519', {}, (err, pub, priv) => {
  order.push(`keypair ${err} ${pub.type} ${priv.type} ${pub.asymmetricKeyType}`);
});
crypto.generateKeyPair('ed25519', { publicKeyEncoding: { type: 'spki', format: 'der' } }, (err, pub) => {
  order.push(`encoded ${Buffer.isBuffer(pub)} ${pub.length}`);
});
crypto.sign(null, Buffer.from('data'), ed.privateKey, (err, sig) => {
  order.push(`signed ${err} ${sig.length}`);
  crypto.verify(null, Buffer.from('data'), ed.publicKey, sig, (e, ok) => order.push(`verified ${e} ${ok}`));
});
// The thread-pool callbacks finish in no fixed order (in Node too): the tick comes first, the
// rest is compared as a set.
process.on('exit', () => console.log(order[0], order.slice(1).sort()));

// Sign and Verify are writable streams.
const signer = crypto.createSign('sha256');
console.log(typeof signer.write, typeof signer.pipe, signer.writable);
signer.write('part one, ');
signer.end('part two');
const signature = signer.sign(privateKey);
const verifier = crypto.createVerify('SHA256');
Readable.from([Buffer.from('part one, '), Buffer.from('part two')]).pipe(verifier).on('finish', () => {
  console.log('piped verify', verifier.verify(publicKey, signature));
});
console.log('sign+verify', crypto.verify('sha256', Buffer.from('part one, part two'), publicKey, signature));
console.log('p1363 length', crypto.sign('sha256', Buffer.from('x'), { key: privateKey, dsaEncoding: 'ieee-p1363' }).length);

// ECDH objects.
const alice = crypto.createECDH('prime256v1');
const bob = crypto.createECDH('prime256v1');
console.log(util.inspect(alice).split('\n')[0], Object.keys(alice));
alice.generateKeys();
bob.generateKeys();
console.log('ecdh equal', alice.computeSecret(bob.getPublicKey()).equals(bob.computeSecret(alice.getPublicKey('hex'), 'hex')));
console.log(alice.getPublicKey('hex', 'compressed').length, alice.getPublicKey(null, 'uncompressed').length);
console.log(crypto.ECDH.convertKey(alice.getPublicKey(), 'prime256v1', undefined, 'hex', 'compressed') === alice.getPublicKey('hex', 'compressed'));
const x1 = crypto.generateKeyPairSync('x25519');
const x2 = crypto.generateKeyPairSync('x25519');
console.log('x25519 equal', crypto.diffieHellman({ privateKey: x1.privateKey, publicKey: x2.publicKey })
  .equals(crypto.diffieHellman({ privateKey: x2.privateKey, publicKey: x1.publicKey })));

// KeyObject.from on a WebCrypto secret key; secret KeyObjects still work.
crypto.subtle.importKey('raw', Buffer.from('key bytes'), { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']).then((k) => {
  const ko = crypto.KeyObject.from(k);
  console.log('from', util.inspect(ko), ko.type, ko.symmetricKeySize, ko === crypto.KeyObject.from(k));
});
try {
  crypto.KeyObject.from({});
} catch (e) {
  console.log(e.name, e.code, e.message);
}

for (const f of [
  () => crypto.createPrivateKey(publicKey),
  () => crypto.createPublicKey(publicKey),
  () => crypto.createSign('sha256').update('x').sign(),
  () => crypto.createSign('sha256').update('x').sign(ed.privateKey),
  () => crypto.sign('sha256', Buffer.from('x'), ed.privateKey),
  () => crypto.privateDecrypt(privateKey, Buffer.alloc(8)),
  () => crypto.generateKeyPairSync('rsa-pss', { modulusLength: 512, hash: 'sha256', hashAlgorithm: 'sha1' }),
  () => new crypto.KeyObject('public', {}),
  () => new crypto.KeyObject('foo'),
]) {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log(String(e), e.code);
  }
}

// crypto.constants: the RSA values the options above take.
const { constants } = crypto;
console.log(Object.keys(constants).length, Object.getPrototypeOf(constants), constants.RSA_PKCS1_PSS_PADDING,
  constants.RSA_PSS_SALTLEN_DIGEST, constants.POINT_CONVERSION_HYBRID, Object.getOwnPropertyDescriptor(crypto, 'constants').writable);
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
const pss = { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST };
console.log('pss constants', crypto.verify('sha256', Buffer.from('m'), { ...pss, key: rsa.publicKey }, crypto.sign('sha256', Buffer.from('m'), pss)));
