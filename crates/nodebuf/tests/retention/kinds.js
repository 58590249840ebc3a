'use strict';
// Every kind of view the tracer records, few enough that each has its own site: the report must
// be the same (after gc) whether views are counted from the engine's lists (nodebuf), recorded one by one
// (nodebuf with overlap checking) or recorded by Node's preload.
const retention = require('nodebuf:retention');
const big = Buffer.alloc(2 * 1024 * 1024);
const ab = new ArrayBuffer(3 * 1024 * 1024);
const sab = new SharedArrayBuffer(2 * 1024 * 1024);
const kept = [];
for (let i = 0; i < 3; i++) kept.push(big.slice(i * 8, i * 8 + 4));
for (let i = 0; i < 2; i++) kept.push(big.subarray(100 + i * 8, 104 + i * 8));
kept.push(Buffer.from(ab, 16, 8));
kept.push(new Uint16Array(ab, 64, 4));
kept.push(new DataView(ab, 128, 16));
kept.push(new Float64Array(sab, 0, 2), new Int32Array(sab, 64, 4).subarray(1));
kept.push(new Uint8Array(big.buffer, 4096, 10));
const own = Buffer.alloc(2 * 1024 * 1024);
own.subarray = function subarray(start, end) { return new DataView(this.buffer, start, end - start); };
kept.push(own.slice(0, 4), own.slice(8, 12));
const unsafe = Buffer.allocUnsafe(2 * 1024 * 1024);
kept.push(unsafe.slice(1, 2));
// Dropped views leave the counts.
big.slice(0, 100);
kept.push(big.subarray(7, 9));
kept.pop();
// Collected views leave the counts once the engine has finalized them (a later turn in V8).
setTimeout(() => {
  gc();
  setTimeout(() => {
    const report = retention.report();
    for (const s of report.stores) {
      console.log(s.bytes, s.type, s.allocatedBy, s.owner, s.views, s.viewBytes,
        s.sites.map((x) => `${x.views}x${x.bytes} ${x.site} ${x.api}`).join('; '));
    }
    console.log(kept.length, big.length, ab.byteLength, sab.byteLength, own.length, unsafe.length);
  }, 10);
}, 1);
