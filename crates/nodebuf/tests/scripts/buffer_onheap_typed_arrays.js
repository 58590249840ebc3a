// flags: --expose-internals
// Small typed arrays live on the engine's heap until their ArrayBuffer is needed, as V8's do:
// which constructors make them (64 bytes at most), which operations give them their buffer,
// and that every path reads and writes the same bytes before and after the buffer exists.
'use strict';
const { internalBinding } = require('internal/test/binding');
const { arrayBufferViewHasBuffer: has } = internalBinding('util');

const ctors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];

// Which constructions keep their bytes on the heap, at sizes around the limit.
for (const C of ctors) {
  const per = C.BYTES_PER_ELEMENT;
  const out = [];
  for (const n of [0, 1, 64 / per - 1, 64 / per, 64 / per + 1, 1024 / per]) {
    const big = C.name.startsWith('Big');
    const fill = (i) => (big ? BigInt(i) : i);
    const made = {
      len: new C(n),
      array: new C(Array.from({ length: n }, (_, i) => fill(i))),
      iterable: new C(new Set(Array.from({ length: n }, (_, i) => fill(i)))),
      arrayLike: new C(Object.assign({ length: n }, Array.from({ length: n }, (_, i) => fill(i)))),
      typed: new C(new C(n)),
      from: C.from(new C(n)),
      slice: new C(n + 2).slice(1, n + 1),
      map: new C(n).map((x) => x),
      filter: new C(n).filter(() => true),
      toReversed: new C(n).toReversed(),
      toSorted: new C(n).toSorted(),
    };
    if (n > 0) made.with = new C(n).with(0, fill(1));
    out.push(`${n}:` + Object.values(made).map((v) => (has(v) ? 'B' : 'h')).join(''));
  }
  // Letters: len array iterable arrayLike typed from slice map filter toReversed toSorted with
  // (h: bytes on the heap, B: has its ArrayBuffer).
  console.log(C.name, out.join(' '));
}
console.log('subclass', has(new (class X extends Uint8Array {})(4)), has(new (class Y extends Float64Array {})(9)));
console.log('views over a buffer', has(new Uint8Array(new ArrayBuffer(4))), has(new DataView(new ArrayBuffer(4))));
console.log('Buffer', has(Buffer.alloc(0)), has(Buffer.alloc(64)), has(Buffer.alloc(65)),
  has(Buffer.allocUnsafeSlow(0)), has(Buffer.allocUnsafeSlow(64)), has(Buffer.allocUnsafeSlow(65)),
  has(Buffer.allocUnsafe(8)), has(Buffer.from('abc')), has(require('buffer').SlowBuffer(8)));
for (const args of [[4, 1], [4, 0], [4, 'a'], [4, ''], [4, 'é'], [4, 'é', 'latin1'], [4, 'a', 'binary'],
  [4, 'a', 'ascii'], [4, 'ab', 'hex'], [4, '€', 'latin1'], [4, 1.5], [4, NaN], [4, true],
  [4, Buffer.from([1, 2])], [4, new Uint8Array([3])], [0, 'abc'], [64, 'x'], [64, 'xy']]) {
  const b = Buffer.alloc(...args);
  console.log('Buffer.alloc', JSON.stringify(args.map(String)), has(b), b.toString('hex'));
}

// Operations: whether each gives the array its buffer, and the bytes every path sees.
const ops = {
  none: () => {},
  buffer: (a) => a.buffer.byteLength,
  byteOffset: (a) => a.byteOffset,
  byteLength: (a) => a.byteLength,
  length: (a) => a.length,
  subarray: (a) => a.subarray(1, 3).join(),
  slice: (a) => a.slice(1, 3).join(),
  set: (a) => a.set([7, 8], 1),
  setTyped: (a) => a.set(new Uint8Array([9, 9]), 2),
  setFrom: (a) => new Uint8Array(16).set(a.subarray(0, 0)),
  copyWithin: (a) => a.copyWithin(0, 2),
  fill: (a) => a.fill(5, 1, 4),
  reverse: (a) => a.reverse(),
  sort: (a) => a.sort(),
  indexOf: (a) => a.indexOf(3),
  join: (a) => a.join(),
  entries: (a) => [...a.entries()].length,
  structuredClone: (a) => structuredClone(a).join(),
  atomicsAdd: (a) => Atomics.add(a, 0, 1),
  atomicsLoad: (a) => Atomics.load(a, 1),
  dataView: (a) => new DataView(a.buffer).getUint8(2),
  reflectBuffer: (a) => Reflect.get(Object.getPrototypeOf(Uint8Array.prototype), 'buffer', a).byteLength,
  utilTypes: (a) => require('util').types.isUint8Array(a),
  inspect: (a) => require('util').inspect(a),
  isView: (a) => ArrayBuffer.isView(a),
  textDecoder: (a) => new TextDecoder().decode(a).length,
  bufferFromView: (a) => Buffer.from(a).toString('hex'),
  bufferFromBuffer: (a) => Buffer.from(a.buffer, 1, 2).toString('hex'),
  bufferCompare: (a) => Buffer.compare(a, new Uint8Array(16)),
  bufferConcat: (a) => Buffer.concat([a, a]).length,
  bufferEquals: (a) => Buffer.prototype.equals.call(a, new Uint8Array(16)),
  bufferHex: (a) => Buffer.prototype.hexSlice.call(a, 0, 4),
  bufferRead: (a) => Buffer.prototype.readUInt32LE.call(a, 0),
  bufferByteLength: (a) => Buffer.byteLength(a),
  json: (a) => JSON.stringify(a),
  freeze: (a) => { try { Object.freeze(a); } catch (e) { return e.constructor.name; } },
  seal: (a) => Object.isSealed(Object.seal(new Uint8Array(0))),
  preventExtensions: (a) => Object.isExtensible(Object.preventExtensions(a)),
  postMessage: (a) => { const { port1 } = new MessageChannel(); port1.postMessage(a); port1.close(); },
};
for (const [name, op] of Object.entries(ops)) {
  const a = new Uint8Array(16).map((_, i) => i);
  let r;
  try { r = op(a); } catch (e) { r = `${e.name}: ${e.message}`; }
  if (ArrayBuffer.isView(r)) r = `${r.constructor.name} ${r === a}`;
  const made = has(a);
  const before = a.join();
  const buf = new Uint8Array(a.buffer);
  console.log(name, JSON.stringify(r), made, before === buf.join(), before);
  // After the buffer exists, writes through either side are seen by the other.
  a[0] = 200; buf[1] = 201;
  console.log(' ', a[1], buf[0], a.buffer === a.buffer, a.buffer.byteLength, a.byteOffset);
}

// A buffer made from an on-heap array outlives it and keeps the bytes.
let keep;
{
  const a = Float64Array.of(1.5, -2, 3e300);
  keep = a.buffer;
}
console.log([...new Float64Array(keep)].join(), keep.byteLength);

// Detach and resize after the buffer exists: the array follows its buffer.
{
  const a = new Uint8Array(8).fill(3);
  const ab = a.buffer;
  structuredClone(ab, { transfer: [ab] });
  console.log('detached', a.length, a.byteLength, a.byteOffset, ab.byteLength, has(a));
  try { a.set([1]); } catch (e) { console.log(e.name); }
}
// BigInt arrays, DataViews and Atomics on the materialised buffer.
{
  const a = new BigInt64Array(2);
  a[0] = -5n;
  console.log(Atomics.add(a, 0, 2n), a[0], has(a), new DataView(a.buffer).getBigInt64(0, true));
  const i = new Int32Array(4);
  console.log(Atomics.compareExchange(i, 1, 0, 9), Atomics.exchange(i, 2, 4), i.join(), has(i));
  try { Atomics.wait(new Int32Array(4), 0, 0, 0); } catch (e) { console.log(e.name); }
}
// Many small arrays, some materialised, survive collection with their contents.
{
  const list = [];
  for (let i = 0; i < 2000; i++) {
    const a = new Uint8Array(i % 65).fill(i & 255);
    if (i % 3 === 0) void a.buffer;
    list.push(a);
  }
  let sum = 0;
  for (const a of list) for (const x of a) sum += x;
  console.log('sum', sum, list.filter(has).length);
}
// Buffer views over small arrays and empty Buffers (what the retention tracer samples).
console.log(Buffer.prototype.subarray.call({}, 0).length, has(Buffer.prototype.subarray.call({}, 0)),
  Buffer.prototype.slice.call(new Uint8Array(8), 2).length, Buffer.alloc(8).subarray(1).length,
  Buffer.from(new Uint8Array(4)).length, Buffer.concat([new Uint8Array(3)]).length);
console.log('empty', [Buffer.allocUnsafe(0), Buffer.allocUnsafe(-0), Buffer.allocUnsafe(0.5), Buffer.from(''),
  Buffer.from('', 'hex'), Buffer.from('a', 'hex'), Buffer.alloc(0), Buffer.from([]), Buffer.concat([]),
  Buffer.from(new ArrayBuffer(0))].map(has).join());
try { Buffer.from('', 'bogus'); } catch (e) { console.log(e.code); }
