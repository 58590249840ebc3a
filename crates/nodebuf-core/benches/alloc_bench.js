// Node's side of the allocation benchmark (examples/alloc_bench.rs runs it and compares).
// Prints one line per case: name, nanoseconds per call (best of 5 rounds of `calls` calls).
'use strict';
const KiB = 1024, MiB = 1024 * 1024;
const cases = [
  ['alloc(100)', 10000, () => Buffer.alloc(100)],
  ['allocUnsafe(100)', 10000, () => Buffer.allocUnsafe(100)],
  ['alloc(10KiB)', 10000, () => Buffer.alloc(10 * KiB)],
  ['allocUnsafe(10KiB)', 10000, () => Buffer.allocUnsafe(10 * KiB)],
  ['alloc(64KiB)', 5000, () => Buffer.alloc(64 * KiB)],
  ['allocUnsafe(64KiB)', 5000, () => Buffer.allocUnsafe(64 * KiB)],
  ['allocUnsafe(64KiB)+fill', 5000, () => Buffer.allocUnsafe(64 * KiB).fill(7)],
  ['alloc(1MiB)', 2000, () => Buffer.alloc(MiB)],
  ['allocUnsafe(1MiB)', 2000, () => Buffer.allocUnsafe(MiB)],
  ['allocUnsafeSlow(1MiB)', 2000, () => Buffer.allocUnsafeSlow(MiB)],
  ['allocUnsafe(1MiB)+fill', 1000, () => Buffer.allocUnsafe(MiB).fill(7)],
  ['from(bytes 100)', 10000, (src) => Buffer.from(src.small)],
  ['from(bytes 1MiB)', 2000, (src) => Buffer.from(src.big)],
  ['subarray(10,20)', 100000, (src) => src.small.subarray(10, 20)],
];
const src = { small: Buffer.alloc(100, 1), big: Buffer.alloc(MiB, 1) };
let sink = 0;
for (const [name, calls, f] of cases) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) sink += f(src).length;
    const ns = Number(process.hrtime.bigint() - t) / calls;
    if (ns < best) best = ns;
  }
  console.log(name + '\t' + best.toFixed(1));
}
if (sink === 42) console.log('');
