// worker.terminate() ends a worker blocked in a FIFO: opening its reading end with no writer
// (`read`), its writing end with no reader (`write`), or writing more than the pipe holds while
// nobody reads (`full`). The FIFO path comes from the test (argv[3]), the case from argv[2].
const { Worker } = require('worker_threads');
const [, , kind, fifo] = process.argv;
const w = new Worker(`
const { parentPort, workerData: { kind, fifo } } = require('worker_threads');
const fs = require('fs');
parentPort.postMessage('blocking in ' + kind);
try {
  if (kind === 'read') fs.openSync(fifo, 'r');
  else if (kind === 'write') fs.openSync(fifo, 'w');
  else fs.writeSync(fs.openSync(fifo, 'r+'), Buffer.alloc(1 << 20, 1));
} finally {
  parentPort.postMessage('never: the call returned or a finally ran');
}
`, { eval: true, workerData: { kind, fifo } });
w.on('message', (m) => {
  console.log('worker says', m);
  setTimeout(() => w.terminate().then((code) => console.log('terminate resolved', code)), 50);
});
w.on('exit', (code) => console.log('exit event', code));
