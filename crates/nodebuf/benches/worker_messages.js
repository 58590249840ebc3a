// Benchmark (not a test): `nodebuf benches/worker_messages.js` vs `node benches/worker_messages.js`.
// Round trips of small messages to an echo worker, one-way 1 MiB ArrayBuffer transfers and
// copies, and Atomics.add throughput from 4 workers on one SharedArrayBuffer.
const { Worker } = require('worker_threads');

const echo = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => {
    if (m === 'stop') parentPort.close();
    else parentPort.postMessage(m);
  });
`, { eval: true });

function roundTrips(count, message) {
  return new Promise((resolve) => {
    let left = count;
    const start = performance.now();
    const onMessage = () => {
      if (--left === 0) {
        echo.off('message', onMessage);
        resolve(performance.now() - start);
      } else {
        echo.postMessage(message);
      }
    };
    echo.on('message', onMessage);
    echo.postMessage(message);
  });
}

async function buffers(count, transfer) {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const ab = new ArrayBuffer(1 << 20);
    echo.postMessage(ab, transfer ? [ab] : []);
    await new Promise((resolve) => echo.once('message', resolve));
  }
  return performance.now() - start;
}

function atomics(workers, adds) {
  const sab = new SharedArrayBuffer(4);
  const start = performance.now();
  return new Promise((resolve) => {
    let done = 0;
    for (let i = 0; i < workers; i++) {
      const w = new Worker(`
        const { workerData } = require('worker_threads');
        const a = new Int32Array(workerData.sab);
        for (let i = 0; i < workerData.adds; i++) Atomics.add(a, 0, 1);
      `, { eval: true, workerData: { sab, adds } });
      w.on('exit', () => {
        if (++done === workers) resolve([performance.now() - start, new Int32Array(sab)[0]]);
      });
    }
  });
}

(async () => {
  const small = await roundTrips(20000, { id: 1, name: 'x', list: [1, 2, 3] });
  console.log(`small object round trip: ${(small * 1000 / 20000).toFixed(1)} us`);
  const moved = await buffers(200, true);
  console.log(`1 MiB ArrayBuffer transferred and back: ${(moved / 200).toFixed(3)} ms`);
  const copied = await buffers(200, false);
  console.log(`1 MiB ArrayBuffer copied and back: ${(copied / 200).toFixed(3)} ms`);
  const [ms, total] = await atomics(4, 250000);
  console.log(`4 workers x 250k Atomics.add: ${ms.toFixed(0)} ms (sum ${total}), incl. start-up`);
  const t0 = performance.now();
  await new Promise((resolve) => { const w = new Worker('', { eval: true }); w.on('exit', resolve); });
  console.log(`empty worker start to exit: ${(performance.now() - t0).toFixed(1)} ms`);
  echo.postMessage('stop');
})();
