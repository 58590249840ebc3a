// Four workers add to one SharedArrayBuffer created in JS on the main thread: every addition
// lands in the same memory, so the sum is exact.
const { Worker } = require('worker_threads');
const path = require('path');

const shared = new SharedArrayBuffer(20);
const counter = new Int32Array(shared, 0, 1);
const slots = new Int32Array(shared, 4, 4);
const rounds = 20000;
const before = process.memoryUsage().arrayBuffers;
console.log('arrayBuffers counts the SharedArrayBuffer:', before >= 20);

const reports = [];
let exited = 0;
for (let id = 0; id < 4; id++) {
  const w = new Worker(path.join(__dirname, 'worker_files', 'adder.js'), { workerData: { shared, rounds, id } });
  w.on('message', (m) => reports.push(m));
  w.on('exit', (code) => {
    if (code !== 0) console.log('worker failed', code);
    if (++exited === 4) done();
  });
}

function done() {
  reports.sort((a, b) => a.id - b.id);
  console.log(reports);
  console.log('sum', Atomics.load(counter, 0), 'expected', 4 * rounds);
  console.log('slots', Array.from(slots));
  // The main thread's view is the same memory the workers wrote.
  counter[0] = 7;
  const copy = new Int32Array(shared.slice(0, 4));
  console.log('slice copies', copy[0]);
}
