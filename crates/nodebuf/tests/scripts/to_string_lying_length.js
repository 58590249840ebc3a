'use strict';
// buf.toString where a script redefined what `length` reads: Node's JS reads `this.length`
// once, clamps the range to it, and its native slice refuses a range past the real bytes
// ("Index out of range"). transcode of a source detached after its `length` was read.
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
