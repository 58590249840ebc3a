// Asymmetric crypto throughput: run under node and nodebuf, compare the ms per operation
// (bench/README: same machine, same run).
'use strict';
const crypto = require('crypto');
const msg = Buffer.alloc(1024, 7);
function time(label, n, f) {
  f();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / n;
  console.log(`${label}\t${ms.toFixed(3)} ms/op`);
}
const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = crypto.generateKeyPairSync('ed25519');
const x1 = crypto.generateKeyPairSync('x25519');
const x2 = crypto.generateKeyPairSync('x25519');
const rsaSig = crypto.sign('sha256', msg, rsa.privateKey);
const ecSig = crypto.sign('sha256', msg, ec.privateKey);
const edSig = crypto.sign(null, msg, ed.privateKey);
time('rsa-2048 keygen', 5, () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }));
time('rsa-2048 sign pkcs1', 50, () => crypto.sign('sha256', msg, rsa.privateKey));
time('rsa-2048 verify pkcs1', 500, () => crypto.verify('sha256', msg, rsa.publicKey, rsaSig));
time('p-256 keygen', 200, () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }));
time('p-256 sign', 200, () => crypto.sign('sha256', msg, ec.privateKey));
time('p-256 verify', 200, () => crypto.verify('sha256', msg, ec.publicKey, ecSig));
time('ed25519 sign', 500, () => crypto.sign(null, msg, ed.privateKey));
time('ed25519 verify', 500, () => crypto.verify(null, msg, ed.publicKey, edSig));
time('x25519 diffieHellman', 500, () => crypto.diffieHellman({ privateKey: x1.privateKey, publicKey: x2.publicKey }));
const pem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' });
time('rsa-2048 createPrivateKey(pem)', 200, () => crypto.createPrivateKey(pem));
