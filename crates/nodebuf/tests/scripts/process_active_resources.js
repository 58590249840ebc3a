// process.getActiveResourcesInfo / _getActiveRequests / _getActiveHandles: pending fs requests
// (the one whose callback runs included), the stdio pipes made so far, one 'Timeout' per ref'd
// timer and one 'Immediate' per ref'd immediate.
const fs = require('fs');

const first = process.getActiveResourcesInfo();
console.log('at start', first);
console.log('after a log', process.getActiveResourcesInfo(), process._getActiveHandles().map((h) => h.fd));
// (stat first: it completes first in both runtimes.)
fs.stat(__filename, () => {});
fs.readFile(__filename, () => {
  console.log('in readFile callback', process.getActiveResourcesInfo());
  setTimeout(() => {
    console.log('in a timer', process.getActiveResourcesInfo());
    setImmediate(() => console.log('in an immediate', process.getActiveResourcesInfo()));
  }, 5);
});
console.log('two fs requests', process.getActiveResourcesInfo(), process._getActiveRequests().map((r) => r.constructor.name));
const t1 = setTimeout(() => {}, 1);
const t2 = setTimeout(() => {}, 1);
t2.unref();
const iv = setInterval(() => {}, 5);
const i1 = setImmediate(() => {});
const i2 = setImmediate(() => {});
i2.unref();
console.log('timers and immediates', process.getActiveResourcesInfo());
clearTimeout(t1);
clearImmediate(i1);
clearInterval(iv);
console.log('cleared', process.getActiveResourcesInfo());
process.on('exit', () => console.log('at exit', process.getActiveResourcesInfo()));
console.log(process.getActiveResourcesInfo.name, process.getActiveResourcesInfo.length, 'prototype' in process.getActiveResourcesInfo);
