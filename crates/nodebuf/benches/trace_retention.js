// Cost of --trace-retention: 100,000 `slice(0, 10)` views of a 50 MiB Buffer kept in an array,
// and 100,000 `allocUnsafe(10)` pool slices, timed in-process (best of 7 rounds, ns per call).
// bench/trace_retention.sh runs it untraced and traced under nodebuf and under node (with the
// preload) and prints the ratios; the retention report itself goes to /dev/null.
'use strict';

const N = 100000;
const ROUNDS = 7;
const big = Buffer.alloc(50 * 1024 * 1024);

function best(fn) {
  let min = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    let kept = new Array(N);
    const start = process.hrtime.bigint();
    fn(kept);
    const ns = Number(process.hrtime.bigint() - start) / N;
    if (ns < min) min = ns;
    kept = null;
  }
  return min;
}

const slice = best((kept) => { for (let i = 0; i < N; i++) kept[i] = big.slice(0, 10); });
const subarray = best((kept) => { for (let i = 0; i < N; i++) kept[i] = big.subarray(i, i + 10); });
const pooled = best((kept) => { for (let i = 0; i < N; i++) kept[i] = Buffer.allocUnsafe(10); });
const u8 = best((kept) => { for (let i = 0; i < N; i++) kept[i] = new Uint8Array(big.buffer, i, 10); });
console.log(JSON.stringify({ slice, subarray, allocUnsafe: pooled, newUint8Array: u8 }));
