// publicDecrypt with PKCS#1 padding of blocks made bad in each way (a raw privateEncrypt of a
// chosen block): the error code, message and OpenSSL stack name the first fault as OpenSSL
// finds it (invalid padding, block type is not 01, bad fixed header decrypt, null before block
// missing, bad pad byte count). A random signature checked with the wrong key used to fail
// with a different reason than Node's now and then.
'use strict';
const crypto = require('crypto');
const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 512 });
const k = 64;
function tryEm(label, em) {
  const ct = crypto.privateEncrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, em);
  try { const r = crypto.publicDecrypt({ key: publicKey, padding: crypto.constants.RSA_PKCS1_PADDING }, ct); console.log(label, 'ok', r.toString('hex')); }
  catch (e) { console.log(label, e.code, e.message, JSON.stringify(e.opensslErrorStack)); }
}
const base = () => { const em = Buffer.alloc(k, 0xff); em[0] = 0; em[1] = 1; em[k - 5] = 0; return em; };
tryEm('valid', base());
let em = base(); em[0] = 0x01; tryEm('first byte 01', em);
em = base(); em[1] = 2; tryEm('second byte 02', em);
em = base(); em[1] = 0; em[2] = 1; tryEm('two zeros then 01', em);
em = base(); em[5] = 0x7f; tryEm('bad filler byte', em);
em = base(); em[k - 5] = 0xff; tryEm('no separator', em);
em = base(); em[6] = 0; tryEm('short padding', em);
em = base(); em[1] = 0; em[2] = 0; tryEm('three zeros', em);
em = base(); em[1] = 0x80; tryEm('second byte 80', em);
em = base(); em[2] = 0; tryEm('separator right after 01', em);
