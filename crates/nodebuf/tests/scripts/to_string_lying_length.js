'use strict';
// buf.toString and buf.write where a script redefined what `length` reads: Node's JS reads
// `this.length` (toString once, write up to three times), bounds the range by it, and its
// native refuses a range past the real bytes (toString: "Index out of range") or clamps to
// them (write). transcode of a source detached after its `length` was read.
const { transcode } = require('buffer');
let reads = 0;
const lying = (n) => {
  const b = Buffer.from('abcdefgh');
  Object.defineProperty(b, 'length', { get() { reads++; return n; } });
  return b;
};
const calls = [
  (b) => b.toString(), (b) => b.toString('hex'), (b) => b.toString('utf8', 1),
  (b) => b.toString('latin1', 1, 20), (b) => b.toString(undefined, 2, 3),
  (b) => b.toString('bogus', 0, 2), (b) => b.toString('base64', 5, 4),
  (b) => b.write('xy'), (b) => b.write('xy', 7), (b) => b.write('xyz', 1, 'latin1'),
  (b) => b.write('xy', 6, 5), (b) => b.write('xy', 1, 1, 'hex'), (b) => b.write('xy', 'ucs2'),
  (b) => b.write('xy', 2, 'bogus'), (b) => b.write('xy', -1), (b) => b.write('xy', 0, {}),
];
for (const n of [64, 8, 3, 0]) {
  for (const f of calls) {
    reads = 0;
    let out;
    try { out = JSON.stringify(f(lying(n))); } catch (e) { out = `${e.name} ${e.code}: ${e.message}`; }
    console.log(n, out, `(length read ${reads} times)`);
  }
}
for (const [from, to] of [['ascii', 'ucs2'], ['ucs2', 'utf8'], ['ucs2', 'latin1'], ['utf8', 'utf8']]) {
  const b = new Uint8Array(8);
  Object.defineProperty(b, 'length', { get() { structuredClone(b.buffer, { transfer: [b.buffer] }); return 8; } });
  try { console.log(from, to, transcode(b, from, to).length); } catch (e) { console.log(from, to, e.code, e.message); }
}
