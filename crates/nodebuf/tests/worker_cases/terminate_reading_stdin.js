// A worker blocked reading a pipe (the process's stdin, kept open by the test) is stopped by
// worker.terminate(): nothing after the read runs, the exit code is 1.
const { Worker } = require('worker_threads');

const w = new Worker(`
const fs = require('fs');
const { parentPort } = require('worker_threads');
const b = Buffer.alloc(16);
parentPort.postMessage('reading');
const n = fs.readSync(0, b, 0, 16, null);
console.log('read returned', n);
`, { eval: true });
w.on('message', (m) => {
  console.log('worker says', m);
  setTimeout(async () => console.log('terminate resolved', await w.terminate()), 50);
});
w.on('exit', (code) => console.log('exit event', code));
