'use strict';
// require('nodebuf:retention'): report() on demand, snapshot() and diff() between two moments.
const retention = require('nodebuf:retention');
const before = retention.snapshot();
const parents = [];
const headers = [];
for (let i = 0; i < 3; i++) {
  parents.push(Buffer.alloc(2 * 1024 * 1024));
  for (let j = 0; j < 1000; j++) headers.push(parents[i].subarray(j * 4, j * 4 + 4));
}
const after = retention.snapshot();
const growth = retention.diff(before, after);
console.log(JSON.stringify(growth.allocations));
console.log(JSON.stringify(growth.views));
parents.length = 0;
setTimeout(() => {
  gc();
  const report = retention.report();
  console.log(report.stores.length, report.stores.map((s) => [s.bytes, s.owner, s.views, s.viewBytes, s.pinned]));
  console.log(retention.format(report).split('\n').filter((l) => l.includes('=>')).join('\n'));
  console.log(headers.length);
}, 1);
