// flags: --expose-gc
// process.memoryUsage().arrayBuffers counts what V8 counts: every ArrayBuffer the engine
// allocates (new ArrayBuffer, typed arrays above 64 bytes, slice, structured clones), not small
// typed arrays kept on the heap until their buffer is asked for, not resizable ArrayBuffers,
// and each leaves the count when it is freed or its memory moves away. Seeded sizes around
// the 64-byte limit; every delta is exact.
'use strict';
const count = () => process.memoryUsage().arrayBuffers;
const delta = (f) => {
  gc(); gc();
  const before = count();
  const kept = f();
  const after = count();
  return [after - before, kept];
};
let seed = 20240611;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor(seed / 65536) % n;
};
const ctors = [Uint8Array, Int8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
const kinds = {
  arrayBuffer: (n) => new ArrayBuffer(n),
  typed: (n, C) => new C(Math.floor(n / C.BYTES_PER_ELEMENT)),
  typedBuffer: (n, C) => new C(Math.floor(n / C.BYTES_PER_ELEMENT)).buffer,
  typedSubarray: (n, C) => new C(Math.floor(n / C.BYTES_PER_ELEMENT)).subarray(0),
  fromArray: (n) => new Uint8Array(Array.from({ length: n }, (_, i) => i)),
  bufferAlloc: (n) => Buffer.alloc(n),
  bufferAllocFilled: (n) => Buffer.alloc(n, 7),
  bufferAllocSlow: (n) => Buffer.allocUnsafeSlow(n),
  bufferAllocBuffer: (n) => Buffer.alloc(n).buffer,
  dataView: (n) => new DataView(new ArrayBuffer(n)),
  resizable: (n) => new ArrayBuffer(n, { maxByteLength: n * 2 + 8 }),
  // The source is kept too: dropped, it would leave the count at once here (reference
  // counting) but only at node's next collection.
  clone: (n) => { const source = new Uint8Array(n); return [source, structuredClone(source)]; },
};
for (let i = 0; i < 120; i++) {
  const name = Object.keys(kinds)[rand(Object.keys(kinds).length)];
  const C = ctors[rand(ctors.length)];
  const n = rand(4) === 0 ? rand(4096) : rand(130);
  const [d, kept] = delta(() => kinds[name](n, C));
  // Keep each object alive until its delta is read, then let it go: the next case's gc frees it.
  console.log(name, C.name, n, d, kept !== undefined);
}

// Every path that gives a small array its buffer counts the buffer then, once.
{
  const a = new Float64Array(4);
  console.log('before buffer', delta(() => 0)[0]);
  console.log('buffer', delta(() => a.buffer)[0], delta(() => a.buffer)[0]);
  const b = new Uint8Array(8);
  console.log('subarray', delta(() => b.subarray(2))[0]);
  const c = new Int32Array(2);
  console.log('atomics', delta(() => Atomics.load(c, 0))[0]);
  const d = new Uint8Array(8);
  console.log('structuredClone', delta(() => structuredClone(d))[0]);
}
// Freeing: a dropped ArrayBuffer leaves the count after collection.
{
  let big = new Uint8Array(5000);
  let small = new Uint8Array(40);
  void small.buffer;
  console.log('free', delta(() => { big = null; small = null; gc(); gc(); })[0]);
}
// Transfers move the memory: the count stays.
{
  let ab = new ArrayBuffer(3000);
  console.log('transfer', delta(() => { ab = structuredClone(ab, { transfer: [ab] }); return ab; })[0]);
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = ({ data }) => {
    console.log('received', data.byteLength);
    port1.close();
  };
  const [d] = delta(() => {
    const t = new ArrayBuffer(2000);
    port1.postMessage(t, [t]);
    return t.byteLength;
  });
  console.log('posted', d);
}
// Resizable buffers are not counted, whatever their size.
{
  const r = new ArrayBuffer(10, { maxByteLength: 10000 });
  console.log('resize', delta(() => r.resize(5000))[0], delta(() => r.resize(1))[0]);
}
