// crypto.generatePrime(Sync) / checkPrime(Sync): shapes, results on fixed inputs, generated
// primes' sizes and congruences, option validation and OpenSSL's errors, callback timing.
const c = require('crypto');
const show = (label, f) => {
  try { const r = f(); console.log(label, r); } catch (e) { console.log(label, e.name, e.code, e.message, Object.keys(e), String(e.stack).split('\n')[0]); }
};
for (const name of ['generatePrime', 'generatePrimeSync', 'checkPrime', 'checkPrimeSync']) console.log(name, c[name].name, c[name].length);

// checkPrimeSync on known numbers.
const known = [0n, 1n, 2n, 3n, 4n, 9n, 97n, 561n, 7919n, 2n ** 61n - 1n, 2n ** 89n - 1n, 2n ** 127n - 1n,
  (2n ** 127n - 1n) * (2n ** 61n - 1n), 3215031751n, 2n ** 521n - 1n, 2n ** 523n - 1n, 341550071728321n];
console.log(known.map((n) => c.checkPrimeSync(n)).join(' '));
let seed = 99;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
const row = [];
for (let i = 0; i < 200; i++) {
  const n = BigInt(rand()) * BigInt(rand()) + BigInt(rand());
  if (c.checkPrimeSync(n)) row.push(n);
}
console.log(row.length, row.slice(0, 5).join(','));
console.log(c.checkPrimeSync(Buffer.from([7])), c.checkPrimeSync(new Uint16Array([7])), c.checkPrimeSync(new ArrayBuffer(0)),
  c.checkPrimeSync(new DataView(new Uint8Array([0, 0, 0, 13]).buffer)), c.checkPrimeSync(9n, { checks: 1 }), c.checkPrimeSync(2n ** 127n - 1n, { checks: 100 }));
for (const [label, f] of [
  ['number', () => c.checkPrimeSync(7)], ['string', () => c.checkPrimeSync('7')], ['negative', () => c.checkPrimeSync(-7n)],
  ['checks -1', () => c.checkPrimeSync(9n, { checks: -1 })], ['checks 1.5', () => c.checkPrimeSync(9n, { checks: 1.5 })],
  ['checks big', () => c.checkPrimeSync(9n, { checks: 2 ** 31 })], ['checks string', () => c.checkPrimeSync(9n, { checks: '1' })],
  ['options 5', () => c.checkPrimeSync(9n, 5)], ['options null', () => c.checkPrimeSync(9n, null)],
  ['async no callback', () => c.checkPrime(7n)], ['async bad candidate', () => c.checkPrime('7', () => {})],
  ['async bad options', () => c.checkPrime(7n, 'x', () => {})],
]) show(label, f);

// generatePrimeSync: sizes, top bits, safety, congruences.
for (const bits of [2, 3, 8, 16, 31, 32, 33, 64, 100, 256]) {
  for (const safe of [false, true]) {
    if (safe && bits < 6 && bits !== 3) continue;
    const p = c.generatePrimeSync(bits, { safe, bigint: true });
    const ok = c.checkPrimeSync(p) && (!safe || c.checkPrimeSync((p - 1n) / 2n));
    console.log(bits, safe, p.toString(2).length, ok, bits > 2 ? (p >> BigInt(bits - 2)) === 3n : p);
  }
}
const ab = c.generatePrimeSync(40);
console.log(ab instanceof ArrayBuffer, ab.byteLength, c.checkPrimeSync(ab));
for (const [add, rem, safe] of [[12n, 11n, false], [Buffer.from([12]), Buffer.from([11]), false], [12n, undefined, false],
  [24n, 23n, true], [60n, 59n, true], [new Uint8Array([0, 0, 7]).buffer, 3n, false], [1000n, 7n, false]]) {
  const p = c.generatePrimeSync(32, { add, rem, safe, bigint: true });
  const a = typeof add === 'bigint' ? add : BigInt('0x' + Buffer.from(add.buffer ? add : new Uint8Array(add)).toString('hex'));
  console.log('congruence', p % a, c.checkPrimeSync(p), !safe || c.checkPrimeSync(p >> 1n));
}
console.log(c.generatePrimeSync(16, { rem: 11n, bigint: true }) > 0n);
for (const [label, f] of [
  ['size 1', () => c.generatePrimeSync(1)], ['size 0', () => c.generatePrimeSync(0)], ['size -1', () => c.generatePrimeSync(-1)],
  ['size 1.5', () => c.generatePrimeSync(1.5)], ['size 2**31', () => c.generatePrimeSync(2 ** 31)],
  ['size 2**31-1', () => c.generatePrimeSync(2 ** 31 - 1)], ['too long', () => c.generatePrimeSync(2 ** 29 + 64)],
  ['size string', () => c.generatePrimeSync('8')], ['options null', () => c.generatePrimeSync(8, null)],
  ['options string', () => c.generatePrimeSync(8, 'x')], ['safe 1', () => c.generatePrimeSync(8, { safe: 1 })],
  ['safe 2 bits', () => c.generatePrimeSync(2, { safe: true })], ['safe 4 bits', () => c.generatePrimeSync(4, { safe: true })],
  ['safe 5 bits', () => c.generatePrimeSync(5, { safe: true })], ['bigint 1', () => c.generatePrimeSync(8, { bigint: 1 })],
  ['add number', () => c.generatePrimeSync(8, { add: 5 })], ['rem string', () => c.generatePrimeSync(8, { add: 5n, rem: '1' })],
  ['add too big', () => c.generatePrimeSync(8, { add: 1000n })], ['add 256', () => c.generatePrimeSync(8, { add: 256n })],
  ['rem = add', () => c.generatePrimeSync(16, { add: 12n, rem: 12n })], ['rem > add', () => c.generatePrimeSync(16, { add: 12n, rem: 13n })],
  ['add negative', () => c.generatePrimeSync(16, { add: -12n })], ['rem negative', () => c.generatePrimeSync(16, { add: 12n, rem: -1n })],
  ['add 0', () => c.generatePrimeSync(16, { add: 0n })], ['add empty', () => c.generatePrimeSync(16, { add: new ArrayBuffer(1) })],
  ['async no callback', () => c.generatePrime(16)], ['async bad callback', () => c.generatePrime(16, {}, 5)],
  ['async bad size', () => c.generatePrime('x', () => {})], ['async bad options', () => c.generatePrime(16, 'x', () => {})],
  ['async null options', () => c.generatePrime(16, null)],
]) show(label, f);

// Callbacks: on a later turn, (err, value) with err undefined on success. Node's jobs finish in
// any order on its thread pool: the reports are printed in a fixed order once all are in.
const reports = [];
let pending = 0;
const report = (label, describe) => {
  pending++;
  return (...args) => {
    reports.push([label, describe(...args)]);
    if (--pending === 0) for (const [l, text] of reports.sort((a, b) => (a[0] < b[0] ? -1 : 1))) console.log(l, text);
  };
};
c.generatePrime(16, { bigint: true }, report('generatePrime', (...args) => [args.length, args[0], typeof args[1], c.checkPrimeSync(args[1])]));
c.generatePrime(24, report('generatePrime buffer', (err, p) => [err, p instanceof ArrayBuffer, p.byteLength]));
c.generatePrime(1, report('generatePrime error', (...args) => [args.length, args[0].message, Object.keys(args[0])]));
c.generatePrime(16, { add: 0n }, report('generatePrime add 0', (err) => err.message));
c.checkPrime(7n, report('checkPrime', (...args) => args));
c.checkPrime(Buffer.from([8]), {}, report('checkPrime options', (...args) => args));
console.log('sync end');
