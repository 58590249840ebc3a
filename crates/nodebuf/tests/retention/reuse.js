'use strict';
// Large Buffers released at once, so the allocator hands the next ones the same addresses;
// every fiftieth keeps a slice. Each kept store must be reported with its allocation site, even
// when it sits where a released store was.
const retention = require('nodebuf:retention');
const kept = [];
for (const size of [2 * 1024 * 1024, 100000]) {
  for (let i = 0; i < 200; i++) {
    const message = Buffer.allocUnsafe(size);
    if (i % 50 === 49) kept.push(message.slice(0, 10));
  }
}
const report = retention.report({ threshold: 100000 });
const lines = report.stores.map((s) => [s.bytes, s.views, s.viewBytes, s.allocatedBy, s.owner].join());
console.log(lines.sort().join('\n'));
console.log(kept.length);
