// lastIndexOf with a NaN offset starts at `this.length || this.byteLength`, read as properties;
// buf.compare with ends reads target.length and this.length as properties (own properties,
// subclass getters and replaced prototype getters run, as in Node), and buf.copy from a source
// a hook shrank to nothing after its sourceStart was checked.
const reads = [];
function lying(view, length) {
  Object.defineProperty(view, 'length', { get() { reads.push(length); return length; } });
  return view;
}
const cases = [
  () => Buffer.alloc(16, 1).compare(lying(new Uint8Array(8), 64), 0, 70),
  () => Buffer.alloc(16, 1).compare(lying(new Uint8Array(8), 64), 0, 3, 0, {}),
  () => Buffer.alloc(16, 1).compare(lying(new Uint8Array(8), 64), 0, 3, 2, 1),
  () => Buffer.alloc(16, 1).compare(lying(new Uint8Array(8), 64), 0, 3, 2),
  () => lying(Buffer.alloc(8, 2), 3).compare(Buffer.alloc(8, 2), 0, 3),
  () => lying(Buffer.alloc(8, 2), 3).compare(Buffer.alloc(8, 2), 0, 8, 0, 4),
  () => lying(Buffer.alloc(8, 2), 3).compare(Buffer.alloc(8, 2), 1.5),
  () => Buffer.alloc(8).compare(lying(new Uint8Array(4), undefined), 0),
  () => Buffer.alloc(8).compare(lying(new Uint8Array(4), 2), 3),
];
for (const offset of [undefined, NaN, 'latin1', 2]) {
  cases.push(() => lying(Buffer.from('abcabcab'), 3).lastIndexOf('c', offset));
  cases.push(() => lying(Buffer.from('abcabcab'), 0).lastIndexOf(0x63, offset));
  cases.push(() => lying(Buffer.from('abcabcab'), 1000).lastIndexOf(Buffer.from('ab'), offset));
}
for (const ss of [8, 0, 3, undefined, NaN]) {
  cases.push(() => {
    const ab = new ArrayBuffer(16, { maxByteLength: 64 });
    const t = Buffer.from(ab, 4, 8);
    return t.copy(new Uint8Array(12), NaN, ss, { valueOf() { ab.resize(0); return 8; } });
  });
}
for (const c of cases) {
  reads.length = 0;
  try {
    console.log(c(), reads.join(','));
  } catch (e) {
    console.log(e.name, e.code, e.message, reads.join(','));
  }
}
