import { parentPort, workerData, isMainThread } from 'worker_threads';

const counters = new Int32Array(workerData.shared);
for (let i = 0; i < workerData.rounds; i++) Atomics.add(counters, 0, 1);
const { basename } = await import('node:path');
parentPort.postMessage(`${basename(import.meta.filename)} done, main thread: ${isMainThread}`);
