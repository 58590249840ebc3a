// process.exit() in the main thread while a worker is blocked in Atomics.wait ends the whole
// process at once with that code ('exit' listeners of the main thread run, the worker's not).
const { Worker } = require('worker_threads');

const sab = new SharedArrayBuffer(8);
const i32 = new Int32Array(sab);
const w = new Worker(`
const { workerData } = require('worker_threads');
const i32 = new Int32Array(workerData);
process.on('exit', () => console.log('worker exit listener'));
Atomics.store(i32, 1, 1);
Atomics.notify(i32, 1);
Atomics.wait(i32, 0, 0);
console.log('never');
`, { eval: true, workerData: sab });
w.on('exit', (code) => console.log('worker exit event', code));
process.on('exit', (code) => console.log('process exit', code));
Atomics.wait(i32, 1, 0, 5000);
setTimeout(() => {
  console.log('exiting');
  process.exit(3);
}, 20);
