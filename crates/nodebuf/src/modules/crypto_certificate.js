// `crypto.Certificate` (`internal/crypto/certificate`): Netscape SPKAC requests (a base64
// DER `SignedPublicKeyAndChallenge`, as HTML's old <keygen> made them). exportChallenge and
// exportPublicKey read the request; verifySpkac checks its signature with the key it carries
// (through crypto.verify). Unreadable requests give '' (export) or false (verify), as in Node.
'use strict';

const { bufferOf, getArrayBufferOrView } = require('internal/crypto/util');

// The signature algorithms an SPKAC may name (RSA PKCS#1 v1.5 and ECDSA), by OID DER body.
const signatureDigests = {
  '2a8648ce3d0401': 'sha1',
  '2a8648ce3d040301': 'sha224',
  '2a8648ce3d040302': 'sha256',
  '2a8648ce3d040303': 'sha384',
  '2a8648ce3d040304': 'sha512',
  '2a864886f70d010104': 'md5',
  '2a864886f70d010105': 'sha1',
  '2a864886f70d01010b': 'sha256',
  '2a864886f70d01010c': 'sha384',
  '2a864886f70d01010d': 'sha512',
  '2a864886f70d01010e': 'sha224',
};

// One DER element at `pos`: its tag and where its contents start and end; null when cut short.
function element(bytes, pos, end) {
  if (pos + 2 > end) return null;
  const tag = bytes[pos];
  let length = bytes[pos + 1];
  let body = pos + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || body + count > end) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[body + i];
    body += count;
  }
  if (body + length > end) return null;
  return { tag, start: pos, body, end: body + length };
}

// OpenSSL's block decoding: whole groups of four, '=' read as zero bits wherever it stands
// (what follows the DER is ignored).
function decodeBase64Blocks(text) {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/=]*$/.test(text)) return null;
  return Buffer.from(text.replace(/=/g, 'A'), 'base64');
}

// The parts of a request, or null: the DER of PublicKeyAndChallenge and of the key inside,
// the challenge, the signature algorithm's OID and the signature.
function parseSpkac(input) {
  const text = bufferOf(input).toString('latin1').replace(/^\s+|\s+$/g, '');
  const der = decodeBase64Blocks(text);
  if (der === null) return null;
  const outer = element(der, 0, der.length);
  if (outer === null || outer.tag !== 0x30) return null;
  const signed = element(der, outer.body, outer.end);
  if (signed === null || signed.tag !== 0x30) return null;
  const key = element(der, signed.body, signed.end);
  if (key === null || key.tag !== 0x30) return null;
  const challenge = element(der, key.end, signed.end);
  if (challenge === null || challenge.tag !== 0x16) return null;
  const algorithm = element(der, signed.end, outer.end);
  if (algorithm === null || algorithm.tag !== 0x30) return null;
  const oid = element(der, algorithm.body, algorithm.end);
  if (oid === null || oid.tag !== 0x06) return null;
  const signature = element(der, algorithm.end, outer.end);
  if (signature === null || signature.tag !== 0x03 || signature.end === signature.body) return null;
  // OpenSSL decodes the key with the request: a request with an unreadable key is unreadable.
  const publicKey = publicKeyOf(der.subarray(key.start, key.end));
  if (publicKey === null) return null;
  return {
    signedDer: der.subarray(signed.start, signed.end),
    publicKey,
    challenge: der.subarray(challenge.body, challenge.end),
    digest: signatureDigests[der.subarray(oid.body, oid.end).toString('hex')],
    signature: der.subarray(signature.body + 1, signature.end),
  };
}

function publicKeyOf(keyDer) {
  try {
    return require('crypto').createPublicKey({ key: keyDer, format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

// Node answers '' for empty input, whichever the method.
function isEmpty(input) {
  return input.byteLength === 0;
}

function verifySpkac(spkac, encoding) {
  const input = getArrayBufferOrView(spkac, 'spkac', encoding);
  if (isEmpty(input)) return '';
  const request = parseSpkac(input);
  if (request === null || request.digest === undefined) return false;
  try {
    return require('crypto').verify(request.digest, request.signedDer, request.publicKey, request.signature);
  } catch {
    return false;
  }
}

function exportPublicKey(spkac, encoding) {
  const input = getArrayBufferOrView(spkac, 'spkac', encoding);
  const request = isEmpty(input) ? null : parseSpkac(input);
  if (request === null) return '';
  return Buffer.from(request.publicKey.export({ type: 'spki', format: 'pem' }));
}

function exportChallenge(spkac, encoding) {
  const input = getArrayBufferOrView(spkac, 'spkac', encoding);
  const request = isEmpty(input) ? null : parseSpkac(input);
  if (request === null) return '';
  return Buffer.from(request.challenge);
}

/** `Certificate()`: an object with the static methods as its prototype's (legacy API). */
function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}

Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;
Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;

module.exports = { Certificate };
