// Memory and time per live view: 1,000,000 `subarray` views of one 1 MiB Buffer, all kept
// alive in an array. Prints "<ms to make them>\t<peak RSS MiB>\t<RSS MiB before>"; run by
// bench/views.sh under each runtime (peak RSS is measured there, by the OS).
'use strict';
const { Buffer } = require('buffer');
const N = 1000000;
const parent = Buffer.alloc(1024 * 1024);
const views = new Array(N);
const t0 = process.hrtime.bigint();
for (let i = 0; i < N; i++) views[i] = parent.subarray(i & 1023, (i & 1023) + 16);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
let sum = 0;
for (let i = 0; i < N; i += 1000) sum += views[i].length;
console.log(`${ms.toFixed(0)}\t${sum}`);
