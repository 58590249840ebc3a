// crypto.DiffieHellman / DiffieHellmanGroup: shapes, the MODP groups, fixed-key agreements,
// encodings, generated parameters, verifyError flags and Node's errors.
const c = require('crypto');
const sha = (b) => c.createHash('sha256').update(b).digest('hex').slice(0, 16);
const big = (b) => BigInt('0x' + (b.length ? b.toString('hex') : '0'));
const show = (label, f) => {
  try { const r = f(); console.log(label, r); } catch (e) { console.log(label, e.name, e.code, e.message, Object.keys(e), String(e.stack).split('\n')[0]); }
};

// Shapes.
for (const name of ['DiffieHellman', 'DiffieHellmanGroup', 'createDiffieHellman', 'createDiffieHellmanGroup', 'getDiffieHellman']) {
  const f = c[name];
  console.log(name, f.name, f.length, Object.keys(f.prototype), Object.getOwnPropertyNames(f.prototype));
}
console.log(c.getDiffieHellman === c.createDiffieHellmanGroup);
for (const k of Object.getOwnPropertyNames(c.DiffieHellman.prototype)) {
  const f = c.DiffieHellman.prototype[k];
  console.log(k, f.name, f.length, c.DiffieHellmanGroup.prototype[k] === f);
}
const g1 = c.getDiffieHellman('modp1');
console.log(g1, g1 instanceof c.DiffieHellmanGroup, g1 instanceof c.DiffieHellman, Object.keys(g1));
console.log(Object.getOwnPropertyDescriptor(g1, 'verifyError'));
const small = c.createDiffieHellman(Buffer.from([23]), 5);
console.log(small, c.DiffieHellman(Buffer.from([23])) instanceof c.DiffieHellman, c.DiffieHellmanGroup('modp2') instanceof c.DiffieHellmanGroup);
small.verifyError = 1;
console.log(small.verifyError);

// The groups.
for (const name of ['modp1', 'modp2', 'modp5', 'modp14', 'modp15', 'modp16', 'modp17', 'modp18']) {
  const a = c.getDiffieHellman(name);
  const b = c.createDiffieHellmanGroup(name);
  const p = a.getPrime();
  console.log(name, p.length, sha(p), a.getGenerator('hex'), a.verifyError, p.length <= 128 ? c.checkPrimeSync(p) : '-');
  if (p.length <= 256) {
    const pubA = a.generateKeys();
    b.generateKeys();
    const s1 = a.computeSecret(b.getPublicKey());
    const s2 = b.computeSecret(pubA);
    console.log(' agree', s1.equals(s2), s1.length, pubA.length <= p.length, a.generateKeys().equals(pubA));
  }
}
// Private key sizes: full length less two bits for unnamed groups, the named length for RFC 3526.
for (const name of ['modp1', 'modp2', 'modp5', 'modp14']) {
  const sizes = new Set();
  for (let i = 0; i < 8; i++) {
    const d = c.getDiffieHellman(name);
    d.generateKeys();
    const bits = big(d.getPrivateKey()).toString(2).length;
    sizes.add(name === 'modp1' || name === 'modp2' ? bits : bits <= { modp5: 200, modp14: 225 }[name]);
  }
  console.log(name, 'private bits', [...sizes]);
}

// Fixed private keys: reproducible public keys and secrets.
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
const bytes = (n) => Buffer.from(Array.from({ length: n }, () => rand() & 255));
for (const name of ['modp1', 'modp2', 'modp5', 'modp14']) {
  const p = c.getDiffieHellman(name).getPrime();
  for (let i = 0; i < 3; i++) {
    const alice = c.createDiffieHellman(p, 2);
    const bob = c.createDiffieHellman(p.toString('hex'), 'hex', 2);
    alice.setPrivateKey(bytes(20 + i * 7));
    bob.setPrivateKey(bytes(24 + i).toString('base64'), 'base64');
    const pa = alice.generateKeys('hex');
    const pb = bob.generateKeys('base64');
    const sa = alice.computeSecret(pb, 'base64', 'hex');
    const sb = bob.computeSecret(Buffer.from(pa, 'hex'));
    console.log(name, i, sha(pa), sha(pb), sha(sa), sa === sb.toString('hex'), sb.length, alice.verifyError);
  }
}
const fixed = c.createDiffieHellman(c.getDiffieHellman('modp1').getPrime(), 5);
fixed.setPrivateKey(Buffer.from([0, 0, 1, 2, 3]));
console.log(fixed.getPrivateKey(), fixed.generateKeys('hex').slice(0, 32), fixed.getPublicKey('latin1').length);
console.log(fixed.computeSecret(Buffer.from([2]), undefined, 'base64url').slice(0, 20));
console.log(fixed.computeSecret('AgM=', 'base64').subarray(0, 8), fixed.computeSecret(new Uint16Array([515]).buffer).subarray(0, 8));
fixed.setPublicKey('00000102', 'hex');
console.log(fixed.getPublicKey(), fixed.getPrime('base64').slice(0, 12), fixed.getGenerator('hex'), fixed.getGenerator('buffer'));
show('bogus encoding', () => fixed.getPrime('bogus'));

// Keys: errors and edges.
const m1 = c.getDiffieHellman('modp1');
show('no public', () => m1.getPublicKey());
show('no private', () => m1.getPrivateKey());
show('secret without keys', () => m1.computeSecret(Buffer.from([2])));
m1.generateKeys();
const prime1 = m1.getPrime();
const minus = (buf, n) => { const b = Buffer.from(buf); b[b.length - 1] -= n; return b; };
show('key 0', () => m1.computeSecret(Buffer.from([0])));
show('key 1', () => m1.computeSecret(Buffer.from([1])));
show('key empty', () => m1.computeSecret(Buffer.alloc(0)));
show('key p', () => m1.computeSecret(prime1));
show('key p-1', () => m1.computeSecret(minus(prime1, 1)));
show('key p-2', () => m1.computeSecret(minus(prime1, 2)).length);
// Keys past the prime count modulo the prime, but are refused by their given size.
const hexOf = (n) => { const h = n.toString(16); return Buffer.from(h.length % 2 ? `0${h}` : h, 'hex'); };
const p1 = big(prime1);
const same = (a, b) => m1.computeSecret(hexOf(a)).equals(m1.computeSecret(hexOf(b)));
show('key p+2', () => same(p1 + 2n, 2n));
show('key 2^768', () => same(1n << 768n, (1n << 768n) % p1));
show('key p+2^700', () => same(p1 + (1n << 700n), 1n << 700n));
for (const k of [p1 + 1n, 2n * p1, p1 * p1]) show('key past p', () => m1.computeSecret(hexOf(k)));
show('key object', () => m1.computeSecret({}));
show('key number', () => m1.computeSecret(5));
show('setPublicKey number', () => small.setPublicKey(5));
show('setPrivateKey object', () => small.setPrivateKey({}));
show('small generateKeys', () => small.generateKeys());
small.setPrivateKey(Buffer.from([0, 3]));
show('small private', () => small.getPrivateKey());
show('small public', () => small.getPublicKey());
show('small secret', () => small.computeSecret(Buffer.from([10])));
show('small secret 1', () => small.computeSecret(Buffer.from([1])));
show('small secret empty', () => c.createDiffieHellman(Buffer.from([0, 0, 23])).computeSecret(Buffer.alloc(0)));
small.setPrivateKey(Buffer.alloc(0));
show('zero private', () => small.getPrivateKey());
show('group setters', () => [typeof m1.setPublicKey, typeof m1.setPrivateKey]);

// Construction: encodings, generators, verifyError.
const cases = [
  [Buffer.from([23]), 5], [Buffer.from([23])], [Buffer.from([23]), 'hex'], [Buffer.from([23]), 1],
  [Buffer.from([23]), 0], [Buffer.from([23]), Buffer.from([1])], [Buffer.from([23]), Buffer.alloc(0)],
  [Buffer.from([23]), Buffer.from([0, 0, 5])], [Buffer.alloc(0), 2], [Buffer.alloc(0), 1], [Buffer.from([0]), 1],
  [Buffer.from([21]), 2], [Buffer.from([0, 23]), 2], ['17', 'hex', 2], ['17', 'hex', '02', 'hex'],
  ['17', 'hex', '02'], [Buffer.from([23]), 'hex', 2, 'hex'], [23, 2], [Buffer.from([23]), 2.5],
  [Buffer.from([23]), -2], [Buffer.from([23]), 2 ** 31], [Buffer.from([23]), {}], [Buffer.from([23]), null],
  [Buffer.from([23]), undefined], [Buffer.from([23]), NaN], [Buffer.from([23]), ''], ['17', {}],
  ['17', 'bogus'], ['17', 'bogus', 'hex'], ['\u00ff\u00fe', 'latin1'], ['abc'], [{}], [1.5], [2 ** 31],
  [16], [0], [511], [-1], [10001], [2 ** 31 - 1], [16, 1], [600, 1], [512, Buffer.from([5])], [512, '05', 'hex'],
  [new Uint16Array([23, 0]), 2], [new ArrayBuffer(2), 2], [Buffer.from([23]), 23], [Buffer.from([23]), 22],
  [Buffer.from([23]), 21], [Buffer.from([25]), 2], [Buffer.from([0x2f]), 2],
  [c.getDiffieHellman('modp1').getPrime(), 3], [c.getDiffieHellman('modp14').getPrime(), 5],
  [c.getDiffieHellman('modp2').getPrime().subarray(0, 100), 2], [Buffer.alloc(64, 0xff), 2],
];
for (const args of cases) {
  show(`create(${args.map((a) => (typeof a === 'object' && a !== null ? a.constructor.name + a.byteLength : typeof a === 'string' ? JSON.stringify(a) : String(a))).join(', ')})`, () => {
    const d = c.createDiffieHellman(...args);
    return [d.verifyError, d.getPrime('hex').slice(0, 16), d.getGenerator()];
  });
}
show('group 5', () => c.getDiffieHellman(5));
show('group x', () => c.getDiffieHellman('modp3'));
show('group none', () => c.createDiffieHellmanGroup());
show('group case', () => c.getDiffieHellman('MODP1'));

// Generated parameters: safe primes of the size asked with OpenSSL's congruences.
for (const [bits, g] of [[512, 2], [512, 5], [520, 3], [576, undefined]]) {
  const d = c.createDiffieHellman(bits, g);
  const p = big(d.getPrime());
  console.log(bits, g, d.verifyError, p.toString(2).length, d.getGenerator('hex'), g === 5 ? p % 60n : g === 3 ? p % 12n : p % 24n,
    c.checkPrimeSync(p), c.checkPrimeSync(p >> 1n));
  const e = c.createDiffieHellman(d.getPrime(), d.getGenerator());
  d.generateKeys();
  e.generateKeys();
  console.log(' agree', d.computeSecret(e.getPublicKey()).equals(e.computeSecret(d.getPublicKey())));
}

// ECDH: a public key set over a private key must still match it to compute a secret.
const ecdh = c.createECDH('prime256v1');
ecdh.setPrivateKey(Buffer.alloc(32, 7));
const peer = c.createECDH('prime256v1');
peer.setPrivateKey(Buffer.alloc(32, 9));
console.log(sha(ecdh.computeSecret(peer.getPublicKey())));
ecdh.setPublicKey(peer.getPublicKey());
show('ecdh mismatched pair', () => ecdh.computeSecret(peer.getPublicKey()));
ecdh.setPublicKey(c.createECDH('prime256v1').setPrivateKey(Buffer.alloc(32, 7)).getPublicKey('hex', 'compressed'), 'hex');
console.log(sha(ecdh.computeSecret(peer.getPublicKey())));
