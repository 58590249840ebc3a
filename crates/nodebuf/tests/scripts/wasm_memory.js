'use strict';
// WebAssembly.Memory: memory.buffer is the linear memory itself (writes through Buffers and
// typed arrays are seen by wasm and the other way round), every grow (from JS or from wasm)
// detaches the old buffer and the next read gives a new one, descriptors and V8's errors.
const W = require('./_wasm_encoder');
const { op } = W;
const assert = require('assert');

const bytes = W.module({
  types: [[['i32'], ['i32']], [['i32', 'i32'], []], [[], ['i32']], [['i32'], []]],
  imports: [
    { module: 'env', name: 'mem', kind: 'memory', min: 1, max: 10 },
    { module: 'env', name: 'peek', kind: 'func', type: 3 },
  ],
  funcs: [
    { type: 0, body: [op.local_get(0), op.i32_load8_u()] },
    { type: 1, body: [op.local_get(0), op.local_get(1), op.i32_store8()] },
    { type: 0, body: [op.local_get(0), op.memory_grow] },
    { type: 2, body: [op.memory_size] },
    { type: 0, body: [op.local_get(0), op.memory_grow, op.drop, op.local_get(0), op.call(0), op.memory_size] },
    { type: 0, body: [op.local_get(0), op.i32_load()] },
  ],
  exports: [
    { name: 'load8', kind: 'func', index: 1 },
    { name: 'store8', kind: 'func', index: 2 },
    { name: 'grow', kind: 'func', index: 3 },
    { name: 'size', kind: 'func', index: 4 },
    { name: 'growThenPeek', kind: 'func', index: 5 },
    { name: 'load32', kind: 'func', index: 6 },
  ],
  data: [{ offset: 16, bytes: [0xde, 0xad, 0xbe, 0xef] }],
});

const memory = new WebAssembly.Memory({ initial: 1, maximum: 10 });
const seen = [];
const { exports: e } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
  env: {
    mem: memory,
    peek(pages) {
      // Called from inside wasm right after it grew the memory: the old buffer is gone.
      seen.push([pages, first.byteLength, memory.buffer.byteLength, memory.buffer === first]);
    },
  },
});

const first = memory.buffer;
console.log(first, first.byteLength, memory.buffer === first, Object.prototype.toString.call(first));
const view = Buffer.from(first);
console.log(view.subarray(16, 20), view.readUInt32BE(16), e.load32(16).toString(16));

// JS writes seen by wasm.
view.write('hello', 100, 'latin1');
console.log(e.load8(100), e.load8(104), String.fromCharCode(e.load8(101)));
new Uint32Array(first)[64] = 0x01020304;
console.log(e.load32(256), e.load8(256), e.load8(259));
new DataView(first).setFloat64(512, Math.PI, true);
console.log(e.load32(512), e.load32(516));

// Wasm writes seen by JS.
e.store8(1000, 0xab);
e.store8(65535, 7);
console.log(view[1000], view[65535], view.toString('hex', 998, 1002), new Uint8Array(first)[65535]);
for (const i of [0, 65535, 65536, -1, 2 ** 31]) {
  try {
    console.log(i, e.load8(i));
  } catch (error) {
    console.log(i, error.name, error.message);
  }
}

// grow() from JS: the old buffer is detached, views over it are empty, a new one appears.
const u8 = new Uint8Array(first, 8, 16);
console.log(memory.grow(1), first.byteLength, view.length, u8.length, u8.byteOffset);
const second = memory.buffer;
console.log(second.byteLength, second === first, new Uint8Array(second)[1000], e.load8(1000), e.size());
assert.throws(() => view.readUInt8(0), RangeError);
console.log(memory.grow(0), second.byteLength, memory.buffer.byteLength, memory.buffer === second);

// grow from wasm: detached before any JS runs again (the import sees it, and so does the caller).
const third = memory.buffer;
console.log(e.grow(2), third.byteLength, memory.buffer.byteLength, e.size());
console.log(e.growThenPeek(1), JSON.stringify(seen));
console.log(e.grow(100), memory.buffer.byteLength, e.size());
const last = Buffer.from(memory.buffer);
last[last.length - 1] = 9;
console.log(last.length, e.load8(last.length - 1), last.subarray(16, 20));

// Transfer copies (V8's wasm buffers are not detachable), the memory keeps its buffer.
const before = memory.buffer;
const clone = structuredClone(before, { transfer: [before] });
console.log(before.byteLength, clone.byteLength, memory.buffer === before, new Uint8Array(clone)[1000]);

// Limits.
try {
  memory.grow(10);
} catch (error) {
  console.log(error.name, error.message);
}
console.log(e.grow(100), e.size());
for (const desc of [{}, { initial: -1 }, { initial: 2, maximum: 1 }, { initial: 70000 }, { initial: 1, maximum: 70000 },
  { initial: 1, shared: true }, 5, null, { initial: 'x' }, { initial: '2' }, { initial: 1.9, maximum: 3.2 }, { initial: 0 }]) {
  try {
    const m = new WebAssembly.Memory(desc);
    console.log(m, m.buffer.byteLength, m.grow(0));
  } catch (error) {
    console.log(error.name, error.message);
  }
}
for (const bad of [-1, 'a', 2 ** 32, NaN, Infinity]) {
  try {
    memory.grow(bad);
  } catch (error) {
    console.log(error.name, error.message);
  }
}
for (const call of [() => WebAssembly.Memory({ initial: 1 }), () => WebAssembly.Memory.prototype.buffer,
  () => WebAssembly.Memory.prototype.grow.call({}, 1)]) {
  try {
    call();
  } catch (error) {
    console.log(error.name, error.message);
  }
}

// An empty memory has an empty buffer; zero-page growth works.
const empty = new WebAssembly.Memory({ initial: 0 });
console.log(empty.buffer.byteLength, empty.grow(1), empty.buffer.byteLength, Buffer.from(empty.buffer).every((b) => b === 0));

// Memory exported by a module: the same object every time, its bytes from the data segment.
const own = new WebAssembly.Instance(new WebAssembly.Module(W.module({
  memories: [{ min: 1 }],
  exports: [{ name: 'm', kind: 'memory', index: 0 }],
  data: [{ offset: 3, bytes: [...Buffer.from('wasm')] }],
}))).exports;
console.log(own.m, own.m === own.m, Buffer.from(own.m.buffer, 0, 8), own.m.buffer === own.m.buffer);
// Linear memory counts in `external`, not in `arrayBuffers` (the buffers are views of it).
const usage = process.memoryUsage();
const big = new WebAssembly.Memory({ initial: 100 });
new Uint8Array(big.buffer).fill(1);
const grown = process.memoryUsage();
console.log(grown.arrayBuffers - usage.arrayBuffers, grown.external - usage.external >= 100 * 65536);

// An import that grows the memory while wasm is running: wasm sees the new size and the bytes
// JS wrote through the new buffer.
const shared = new WebAssembly.Memory({ initial: 1 });
const growing = new WebAssembly.Instance(new WebAssembly.Module(W.module({
  types: [[[], ['i32']], [[], []]],
  imports: [{ module: 'm', name: 'mem', kind: 'memory', min: 1 }, { module: 'm', name: 'grow', kind: 'func', type: 1 }],
  funcs: [{ type: 0, body: [op.i32_const(0), op.i32_const(77), op.i32_store8(), op.call(0), op.i32_const(70000), op.i32_load8_u()] }],
  exports: [{ name: 'run', kind: 'func', index: 1 }],
})), {
  m: {
    mem: shared,
    grow() {
      const before = shared.buffer;
      shared.grow(1);
      new Uint8Array(shared.buffer)[70000] = 5;
      console.log('in import', before.byteLength, new Uint8Array(shared.buffer)[0]);
    },
  },
});
console.log(growing.exports.run(), shared.buffer.byteLength);

// JS -> wasm -> JS recursion ends in a RangeError, not a crash.
const rec = new WebAssembly.Instance(new WebAssembly.Module(W.module({
  types: [[['i32'], ['i32']]],
  imports: [{ module: 'm', name: 'f', kind: 'func', type: 0 }],
  funcs: [{ type: 0, body: [op.local_get(0), op.i32_const(1), op.i32_add, op.call(0)] }],
  exports: [{ name: 'g', kind: 'func', index: 1 }],
})), { m: { f: (x) => rec.exports.g(x) } });
try {
  rec.exports.g(0);
} catch (error) {
  console.log(error.name, error.message);
}
