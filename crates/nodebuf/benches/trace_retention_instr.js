// One loop for callgrind (bench/trace_retention.sh): N (env) `slice(0, 10)` views of a 50 MiB
// Buffer kept in an array, or with OP=allocUnsafe N pooled `allocUnsafe(10)`.
'use strict';
const N = Number(process.env.N || 1000);
const big = Buffer.alloc(50 * 1024 * 1024);
const kept = new Array(N);
if (process.env.OP === 'allocUnsafe') for (let i = 0; i < N; i++) kept[i] = Buffer.allocUnsafe(10);
else for (let i = 0; i < N; i++) kept[i] = big.slice(0, 10);
