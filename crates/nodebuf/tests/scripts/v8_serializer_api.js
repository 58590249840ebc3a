// The v8 module's Serializer/Deserializer API as scripts use it: the classes' shapes, the
// delegate hooks (`_writeHostObject`, `_readHostObject`, `_getSharedArrayBufferId`,
// `_getDataCloneError`), transfers, raw reads and writes with their coercions and failures,
// getters that run, delete and throw during serialization, hostile views and inputs, and the
// rest of the module (heap statistics' shape, promise hooks, startup snapshot, flags).
'use strict';
const v8 = require('v8');
const util = require('util');

const hex = (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
function attempt(label, fn) {
  try {
    const result = fn();
    console.log(label, 'ok', typeof result === 'object' && result !== null && ArrayBuffer.isView(result) ? hex(result) : util.inspect(result, { depth: 4, breakLength: Infinity }));
  } catch (e) {
    console.log(label, 'throws', e.name, e.code, e.message, e.constructor === Error);
  }
}

// Shapes.
console.log(Object.getOwnPropertyNames(v8.Serializer.prototype), Object.getOwnPropertyNames(v8.Deserializer.prototype));
console.log(Object.getOwnPropertyNames(v8.DefaultSerializer.prototype), Object.getOwnPropertyNames(v8.DefaultDeserializer.prototype));
console.log(v8.Serializer.name, v8.Serializer.length, v8.Deserializer.length, v8.Serializer.prototype._getDataCloneError === Error);
console.log(Object.keys(new v8.Serializer()), Object.keys(new v8.Deserializer(Buffer.alloc(1))));
attempt('call Serializer', () => v8.Serializer());
attempt('call Deserializer', () => v8.Deserializer(Buffer.alloc(1)));
for (const input of [undefined, 'ab', new ArrayBuffer(2), [1], 5]) attempt(`Deserializer(${util.inspect(input)})`, () => new v8.Deserializer(input));
attempt('writeValue on {}', () => v8.Serializer.prototype.writeValue.call({}, 1));
attempt('readValue on {}', () => v8.Deserializer.prototype.readValue.call({}));

// Raw writes and their coercions.
{
  const s = new v8.Serializer();
  let calls = 0;
  const counted = { valueOf() { calls++; return 300; } };
  for (const v of [0, 1, 127, 128, 300, 2 ** 32 - 1, 2 ** 32 + 5, -1, 1.9, NaN, 'a', '17', counted]) s.writeUint32(v);
  s.writeUint64(1, 2); s.writeUint64(2 ** 32 - 1, 2 ** 32 - 1); s.writeUint64(); s.writeUint64(counted, -1);
  for (const v of [1.5, -0, NaN, 'x', '2', undefined, counted]) s.writeDouble(v);
  s.writeRawBytes(Buffer.from('abc')); s.writeRawBytes(new Uint16Array([0x102, 0x304]).subarray(1)); s.writeRawBytes(new DataView(new ArrayBuffer(3), 1));
  attempt('writeRawBytes(string)', () => s.writeRawBytes('ab'));
  attempt('writeRawBytes(ArrayBuffer)', () => s.writeRawBytes(new ArrayBuffer(2)));
  console.log('raw', hex(s.releaseBuffer()), 'again', hex(s.releaseBuffer()), 'calls', calls);
}

// Raw reads.
{
  const s = new v8.Serializer();
  s.writeUint32(300); s.writeUint64(1, 2); s.writeDouble(1.5); s.writeRawBytes(Buffer.from('hello'));
  const bytes = s.releaseBuffer();
  const d = new v8.Deserializer(bytes);
  attempt('readUint32', () => d.readUint32());
  attempt('readUint64', () => d.readUint64());
  attempt('readDouble', () => d.readDouble());
  const raw = d.readRawBytes(5);
  console.log('readRawBytes', raw, raw.buffer === bytes.buffer, raw.byteOffset);
  attempt('readUint32 at end', () => d.readUint32());
  attempt('readDouble at end', () => d.readDouble());
  attempt('readUint64 at end', () => d.readUint64());
  attempt('_readRawBytes(1) at end', () => d._readRawBytes(1));
  attempt('readRawBytes(0) at end', () => d.readRawBytes(0));
  attempt('_readRawBytes(-1)', () => new v8.Deserializer(Buffer.alloc(4))._readRawBytes(-1));
  attempt('_readRawBytes("2")', () => new v8.Deserializer(Buffer.alloc(4))._readRawBytes('2'));
  attempt('getWireFormatVersion', () => d.getWireFormatVersion());
  for (const h of ['ffffffffff0f', 'ffffffffffff01', '8080', 'ff', '80808080808080808001', 'ffffffffffffffffffff01']) {
    const d2 = new v8.Deserializer(Buffer.from(h, 'hex'));
    attempt(`uint32 ${h}`, () => [d2.readUint32(), d2._readRawBytes(0)]);
    const d3 = new v8.Deserializer(Buffer.from(h, 'hex'));
    attempt(`uint64 ${h}`, () => [d3.readUint64(), d3._readRawBytes(0)]);
  }
}

// Headers and versions.
for (const h of ['', 'ff', 'ff0f', 'ff0d', 'ff0c', 'ff10', 'ff00', '5f', 'ff8f00', 'fe0f']) {
  const d = new v8.Deserializer(Buffer.from(h, 'hex'));
  attempt(`readHeader ${h}`, () => [d.readHeader(), d.getWireFormatVersion()]);
  attempt(`then readValue ${h}`, () => d.readValue());
}

// Hooks.
{
  const sab = new SharedArrayBuffer(4);
  const s = new v8.Serializer();
  attempt('sab without hook', () => s.writeValue(sab));
  s._getSharedArrayBufferId = function (buffer) { return buffer === sab ? '7' : 3; };
  s.writeValue([sab, sab]);
  console.log('sab ids', hex(s.releaseBuffer()));
  const s2 = new v8.Serializer();
  s2._setTreatArrayBufferViewsAsHostObjects(true);
  attempt('view host without hook', () => s2.writeValue(new Uint8Array(2)));
  console.log('partial', hex(s2.releaseBuffer()));
  s2._writeHostObject = function (view) { this.writeUint32(view.length); return 'ignored'; };
  s2.writeValue([new Uint8Array(2), new Float64Array(3)]);
  console.log('host', hex(s2.releaseBuffer()));
  s2._writeHostObject = function () { throw new RangeError('from hook'); };
  attempt('host hook throws', () => s2.writeValue({ a: new Int8Array(1) }));
  const s3 = new v8.Serializer();
  s3._getDataCloneError = function (message) { return { custom: message }; };
  attempt('custom clone error', () => s3.writeValue(Symbol('q')));
  s3._getDataCloneError = class MyCloneError extends Error {};
  attempt('class clone error', () => s3.writeValue(() => 1));

  const d = new v8.Deserializer(Buffer.from('5c055c', 'hex'));
  attempt('read host without hook', () => d.readValue());
  const d2 = new v8.Deserializer(Buffer.from('41025c5c240002', 'hex'));
  let n = 0;
  d2._readHostObject = function () { return { n: n++ }; };
  attempt('read host hook', () => d2.readValue());
  const d3 = new v8.Deserializer(Buffer.from('5c', 'hex'));
  d3._readHostObject = () => 5;
  attempt('read host returns primitive', () => d3.readValue());
  const d4 = new v8.Deserializer(Buffer.from('5c', 'hex'));
  d4._readHostObject = () => { throw new TypeError('host read'); };
  attempt('read host throws', () => d4.readValue());
}

// Transfers.
{
  const ab = new ArrayBuffer(4);
  const s = new v8.Serializer();
  attempt('transfer non-buffer', () => s.transferArrayBuffer(1, new Uint8Array(1)));
  attempt('transfer sab', () => s.transferArrayBuffer(1, new SharedArrayBuffer(1)));
  s.transferArrayBuffer('3', ab);
  s.writeHeader();
  s.writeValue([ab, new Uint16Array(ab, 2, 1), ab]);
  const bytes = s.releaseBuffer();
  console.log('transfer', hex(bytes));
  const d = new v8.Deserializer(bytes);
  attempt('missing transfer', () => { d.readHeader(); return d.readValue(); });
  const d2 = new v8.Deserializer(bytes);
  d2.transferArrayBuffer(3, new ArrayBuffer(6));
  attempt('with transfer', () => { d2.readHeader(); return d2.readValue(); });
  const d3 = new v8.Deserializer(bytes);
  attempt('transfer non-buffer in', () => d3.transferArrayBuffer(3, {}));
  d3.transferArrayBuffer(3, new SharedArrayBuffer(4));
  attempt('with shared transfer', () => { d3.readHeader(); return d3.readValue(); });
}

// Getters during serialization: they run, in key order; deleted keys are skipped; thrown
// errors pass through; keys added during the walk are not written.
{
  const log = [];
  const o = {
    get a() { log.push('a'); delete this.c; this.z = 1; return 1; },
    b: 2,
    c: 3,
    get d() { log.push('d'); return [this.b]; },
  };
  attempt('getters', () => hex(v8.serialize(o)));
  console.log(log, Object.keys(o));
  attempt('throwing getter', () => v8.serialize({ x: 1, get y() { throw new EvalError('getter'); } }));
  const arr = [1, 2, 3];
  Object.defineProperty(arr, 0, { get() { arr.length = 1; return 'first'; }, enumerable: true, configurable: true });
  attempt('array getter shrinking', () => hex(v8.serialize(arr)));
  const err = new Error('m');
  Object.defineProperty(err, 'name', { get() { return 'RangeError'; } });
  attempt('error name getter', () => hex(v8.serialize(Object.assign(err, { stack: 'S' }))));
  const err2 = new TypeError('m');
  Object.defineProperty(err2, 'message', { get() { return 'never'; }, configurable: true });
  err2.stack = undefined;
  attempt('error message accessor', () => hex(v8.serialize(err2)));
  const err3 = new Error('m', { cause: 1 });
  err3.stack = { toString() { return 'obj'; } };
  attempt('error stack object', () => hex(v8.serialize(err3)));
}

// Views and buffers from the runtime's own pool and hostile views.
{
  const pooled = Buffer.from('pooled');
  attempt('pooled buffer', () => hex(v8.serialize(pooled)));
  const lying = Buffer.from('abcdef');
  Object.defineProperty(lying, 'byteLength', { value: 2 });
  attempt('lying byteLength', () => hex(v8.serialize(lying)));
  const other = Buffer.from('xyz');
  other.constructor = Float32Array;
  attempt('constructor swapped', () => hex(v8.serialize(other)));
  class Sub extends Uint8Array {}
  attempt('subclass', () => hex(v8.serialize(new Sub([9, 8]))));
  const tagged = new Uint8Array(2);
  Object.defineProperty(tagged, Symbol.toStringTag, { value: 'Nope' });
  attempt('toStringTag', () => hex(v8.serialize(tagged)));
  const detached = new ArrayBuffer(8);
  structuredClone(detached, { transfer: [detached] });
  attempt('detached buffer', () => v8.serialize(detached));
  attempt('view on detached', () => v8.serialize([new ArrayBuffer(1), detached]));
  const rab = new ArrayBuffer(8, { maxByteLength: 16 });
  const tracking = new Uint16Array(rab, 2);
  const s = new v8.Serializer();
  s.writeHeader();
  s.writeValue([rab, tracking, new DataView(rab, 1, 2)]);
  const bytes = s.releaseBuffer();
  console.log('resizable views', hex(bytes));
  const reader = new v8.Deserializer(bytes);
  reader.readHeader();
  const back = reader.readValue();
  back[0].resize(12);
  console.log(back[1].length, back[2].byteLength, back[0].maxByteLength);
  const big = Buffer.alloc(20000, 7);
  const bigBack = v8.deserialize(v8.serialize(big));
  console.log('big', bigBack.length, bigBack[19999], Buffer.isBuffer(bigBack));
  const aligned = v8.deserialize(v8.serialize([new Uint8Array(1), new Float64Array([1.5, 2.5])]));
  console.log('alignment', aligned[1], aligned[1].byteOffset % 8);
}

// Deserializing from a view into a larger buffer, with offsets and a detach mid-way.
{
  const payload = v8.serialize({ list: [1, 'two', 3n], when: new Date(5) });
  const big = new Uint8Array(payload.length + 10);
  big.set(payload, 5);
  attempt('offset view', () => v8.deserialize(big.subarray(5, 5 + payload.length)));
  attempt('as DataView', () => v8.deserialize(new DataView(big.buffer, 5, payload.length)));
  attempt('as Uint16Array', () => v8.deserialize(new Uint16Array(v8.serialize('ab').buffer)));
  // (A Deserializer whose input is detached mid-way is not compared: Node goes on reading the
  // memory the input gave away; nodebuf reads the end of the data and fails.)
}

// The rest of the module.
{
  const stats = v8.getHeapStatistics();
  console.log(Object.keys(stats), Object.values(stats).every((v) => typeof v === 'number'), stats.heap_size_limit >= stats.used_heap_size);
  console.log(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Object.keys(s)]));
  console.log(Object.keys(v8.getHeapCodeStatistics()), typeof v8.cachedDataVersionTag(), v8.cachedDataVersionTag() === v8.cachedDataVersionTag());
  attempt('setFlagsFromString(1)', () => v8.setFlagsFromString(1));
  attempt('setFlagsFromString(--allow-natives-syntax)', () => v8.setFlagsFromString('--allow-natives-syntax'));
  for (const v of ['a', 1.5, 0, 2 ** 32, 3]) attempt(`setHeapSnapshotNearHeapLimit(${v})`, () => v8.setHeapSnapshotNearHeapLimit(v));
  console.log(Object.keys(v8.startupSnapshot), v8.startupSnapshot.isBuildingSnapshot());
  for (const name of ['addSerializeCallback', 'addDeserializeCallback', 'setDeserializeMainFunction']) attempt(name, () => v8.startupSnapshot[name](() => {}));
  attempt('takeCoverage', () => v8.takeCoverage());
  attempt('stopCoverage', () => v8.stopCoverage());
  console.log(Object.keys(v8.promiseHooks));
  attempt('onInit(1)', () => v8.promiseHooks.onInit(1));
  attempt('createHook bad', () => v8.promiseHooks.createHook({ settled: 'x' }));
  const seen = [];
  const stop = v8.promiseHooks.createHook({
    init(promise, parent) { seen.push(['init', parent !== undefined]); },
    before() { seen.push('before'); },
    after() { seen.push('after'); },
    settled() { seen.push('settled'); },
  });
  const stopInit = v8.promiseHooks.onInit(() => seen.push('onInit'));
  Promise.resolve(1).then(() => {});
  setTimeout(() => {
    stop();
    stopInit();
    stopInit();
    Promise.resolve(2);
    console.log(seen);
  }, 5);
}

// An array whose length passes 2^31 with no elements (the engine keeps it dense but empty; its
// length is no int): written sparse, as V8 writes it.
{
  const huge = [];
  huge.length = 2 ** 32 - 1;
  const bytes = v8.serialize(huge);
  console.log('huge empty array', bytes.length, v8.deserialize(bytes).length);
}
