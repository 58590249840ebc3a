import { parentPort, workerData } from 'node:worker_threads';

const counters = new Int32Array(workerData);
parentPort.postMessage('waiting');
const outcome = Atomics.wait(counters, 2, 0, 5000);
Atomics.store(counters, 3, Atomics.load(counters, 2) + 1);
// 'ok' or 'not-equal' depending on who got there first; never a timeout.
parentPort.postMessage(`woke: ${outcome !== 'timed-out'}`);
