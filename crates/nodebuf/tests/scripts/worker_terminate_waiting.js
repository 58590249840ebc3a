// worker.terminate() wakes a worker blocked in Atomics.wait (forever, or with a long timeout):
// no JS after the wait runs, not even a `finally`, the exit code is 1 and terminate() resolves
// with it. A worker calling process.exit() meanwhile ends only itself.
const { Worker } = require('worker_threads');

const sab = new SharedArrayBuffer(16);
const i32 = new Int32Array(sab);

function blockedWorker(timeout) {
  const w = new Worker(`
const { workerData } = require('worker_threads');
const i32 = new Int32Array(workerData.sab);
Atomics.add(i32, 1, 1);
Atomics.notify(i32, 1);
try {
  const r = Atomics.wait(i32, 0, 0, workerData.timeout);
  console.log('woke up', r);
} finally {
  console.log('finally ran');
}
`, { eval: true, workerData: { sab, timeout } });
  w.on('exit', (code) => console.log('exit event', timeout, code));
  return w;
}

const forever = blockedWorker(Infinity);
const long = blockedWorker(60000);
// Both are waiting once the counter reached 2.
while (Atomics.load(i32, 1) < 2) Atomics.wait(i32, 1, Atomics.load(i32, 1), 5000);

const quitter = new Worker('process.exit(7)', { eval: true });
quitter.on('exit', async (code) => {
  console.log('quitter exit', code);
  console.log('terminate resolved', await forever.terminate());
  console.log('terminate resolved', await long.terminate());
  console.log('again', await long.terminate());
  console.log('value untouched', Atomics.load(i32, 0));
});
