'use strict';
// Views made in a worker are recorded in that worker: its report() counts them and says it
// covers that thread; the main thread's report does not include them.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
const retention = require('nodebuf:retention');
if (isMainThread) {
  const sab = new SharedArrayBuffer(2 * 1024 * 1024);
  const worker = new Worker(__filename, { workerData: sab });
  worker.on('message', (msg) => {
    // Held here so that the main thread's store is alive at the report in both runtimes (the
    // engine frees an unreferenced one at once, V8 at its next collection).
    void sab;
    console.log('worker:', msg);
    const mine = retention.report();
    console.log('main:', mine.covers, mine.stores.map((s) => [s.type, s.views]));
  });
} else {
  const sab = workerData;
  const views = [];
  for (let i = 0; i < 500; i++) views.push(new Uint8Array(sab, i * 8, 8));
  const report = retention.report();
  parentPort.postMessage([report.covers, report.stores.map((s) => [s.type, s.bytes, s.views, s.viewBytes, s.sites[0].site])]);
}
