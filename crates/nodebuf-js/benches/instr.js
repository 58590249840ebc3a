// One row of calls.js, run N times, for instruction counting under callgrind (instr.sh):
// `OP=readUInt8 N=1000 nodebuf instr.js`. The per-call count is the difference between two N.
'use strict';
const b = Buffer.alloc(64, 7);
const small = Buffer.from('hello world');
const view = b.subarray(0, 10);
const dv = new DataView(b.buffer, b.byteOffset, b.length);
const u8 = new Uint8Array(64);
const ab = new ArrayBuffer(64);
const array16 = Array.from({ length: 16 }, (_, i) => i);
const ops = {
  'loop': () => {},
  'DataView.getUint32': (i) => dv.getUint32(i & 31, true),
  'DataView.setUint32': (i) => dv.setUint32(i & 31, i),
  'writeUInt32BE': (i) => b.writeUInt32BE(i, i & 31),
  'allocUnsafe(100)': () => Buffer.allocUnsafe(100),
  'alloc(100)': () => Buffer.alloc(100),
  'new Uint8Array(100)': () => new Uint8Array(100),
  'from(array16)': () => Buffer.from(array16),
  'new Uint8Array(array16)': () => new Uint8Array(array16),
  'readUInt8': (i) => b.readUInt8(i & 31),
  'readUInt32LE': (i) => b.readUInt32LE(i & 31),
  'readInt32BE': (i) => b.readInt32BE(i & 31),
  'readDoubleLE': (i) => b.readDoubleLE(i & 31),
  'readBigUInt64LE': (i) => b.readBigUInt64LE(i & 31),
  'writeUInt8': (i) => b.writeUInt8(i & 255, i & 31),
  'writeUInt32LE': (i) => b.writeUInt32LE(i, i & 31),
  'writeUInt16LE': (i) => b.writeUInt16LE(i & 0xffff, i & 31),
  'writeDoubleLE': (i) => b.writeDoubleLE(i, i & 31),
  'indexOf(byte)': () => small.indexOf(0x6f),
  "indexOf('wor')": () => small.indexOf('wor'),
  'toString()': () => small.toString(),
  'fill(0x61)': () => small.fill(0x61),
  "fill('ab', 1, 5)": () => view.fill('ab', 1, 5),
  'alloc(10, 1)': () => Buffer.alloc(10, 1),
  "toString('hex')": () => small.toString('hex'),
  'equals': () => small.equals(small),
  "write('abc', 2)": () => b.write('abc', 2),
  'allocUnsafe(10)': () => Buffer.allocUnsafe(10),
  'alloc(10)': () => Buffer.alloc(10),
  "from('hello world')": () => Buffer.from('hello world'),
  'from(buffer 10 B)': () => Buffer.from(view),
  'subarray(1, 5)': () => b.subarray(1, 5),
  'slice(1, 5)': () => b.slice(1, 5),
  'compare': () => small.compare(small),
  'Buffer.compare': () => Buffer.compare(small, small),
  "byteLength('hello')": () => Buffer.byteLength('hello'),
  'new Uint8Array(10)': () => new Uint8Array(10),
  // On the engine's heap (at most 64 bytes), then with the ArrayBuffer made on first access.
  'new Uint8Array(16)': () => new Uint8Array(16),
  'new Uint8Array(16).buffer': () => new Uint8Array(16).buffer,
  'new Float64Array(6)': () => new Float64Array(6),
  'alloc(16)': () => Buffer.alloc(16),
  'allocUnsafeSlow(16)': () => Buffer.allocUnsafeSlow(16),
  'new Uint8Array(ab,0,10)': () => new Uint8Array(ab, 0, 10),
  'Uint8Array subarray': () => u8.subarray(1, 5),
  'from(u8 64 B)': () => Buffer.from(u8),
  'concat([small, view])': () => Buffer.concat([small, view]),
  'concat([small, view], 16)': () => Buffer.concat([small, view], 16),
  'copy(b, 2)': () => small.copy(b, 2),
  'copyBytesFrom(u8, 1, 8)': () => Buffer.copyBytesFrom(u8, 1, 8),
  'from(ab, 0, 8)': () => Buffer.from(ab, 0, 8),
};
const fn = ops[process.env.OP];
if (fn === undefined) throw new Error(`OP must be one of: ${Object.keys(ops).join(', ')}`);
const n = Number(process.env.N || 1000);
for (let i = 0; i < n; i++) fn(i);
