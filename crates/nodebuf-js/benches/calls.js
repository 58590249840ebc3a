// Per-call cost of small Buffer operations: `nodebuf calls.js` vs `node calls.js`.
// Best of 5 runs of N calls each, minus nothing (the loop's own cost is printed first).
'use strict';

function bench(name, n, fn) {
  fn(0);
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn(i);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / n);
  }
  console.log(name.padEnd(24), best.toFixed(0).padStart(6), 'ns/call');
}

const N = 200000;
const b = Buffer.alloc(64, 7);
const small = Buffer.from('hello world');
const view = b.subarray(0, 10);
const dv = new DataView(b.buffer, b.byteOffset, b.length);
bench('loop (baseline)', N, () => {});
bench('DataView.getUint32', N, (i) => dv.getUint32(i & 31, true));
bench('readUInt8', N, (i) => b.readUInt8(i & 31));
bench('readUInt32LE', N, (i) => b.readUInt32LE(i & 31));
bench('readInt32BE', N, (i) => b.readInt32BE(i & 31));
bench('readDoubleLE', N, (i) => b.readDoubleLE(i & 31));
bench('readBigUInt64LE', N, (i) => b.readBigUInt64LE(i & 31));
bench('writeUInt8', N, (i) => b.writeUInt8(i & 255, i & 31));
bench('writeUInt32LE', N, (i) => b.writeUInt32LE(i, i & 31));
bench('writeUInt16LE', N, (i) => b.writeUInt16LE(i & 0xffff, i & 31));
bench('writeDoubleLE', N, (i) => b.writeDoubleLE(i, i & 31));
bench('indexOf(byte)', N, () => small.indexOf(0x6f));
bench("indexOf('wor')", N, () => small.indexOf('wor'));
bench('toString() 11 B', N, () => small.toString());
bench("toString('hex') 11 B", N, () => small.toString('hex'));
bench('equals', N, () => small.equals(small));
bench("write('abc', 2)", N, () => b.write('abc', 2));
bench('allocUnsafe(10)', N, () => Buffer.allocUnsafe(10));
bench('alloc(10)', N, () => Buffer.alloc(10));
bench("from('hello world')", N, () => Buffer.from('hello world'));
bench('from(buffer 10 B)', N, () => Buffer.from(view));
bench('subarray(1, 5)', N, () => b.subarray(1, 5));
bench('slice(1, 5)', N, () => b.slice(1, 5));
bench('compare', N, () => small.compare(small));
bench('Buffer.compare', N, () => Buffer.compare(small, small));
bench("byteLength('hello')", N, () => Buffer.byteLength('hello'));
// Engine floors for the allocating rows: what creating a view or a buffer costs by itself.
const u8 = new Uint8Array(64);
const ab = new ArrayBuffer(64);
bench('new Uint8Array(10)', N, () => new Uint8Array(10));
bench('new Uint8Array(ab,0,10)', N, () => new Uint8Array(ab, 0, 10));
bench('Uint8Array subarray', N, () => u8.subarray(1, 5));
