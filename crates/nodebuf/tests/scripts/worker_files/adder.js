// Adds 1 to counter[0] `rounds` times with Atomics.add, and its id to slot[id] plainly.
const { workerData, parentPort, threadId, isMainThread } = require('worker_threads');
const { shared, rounds, id } = workerData;
const counter = new Int32Array(shared, 0, 1);
const slots = new Int32Array(shared, 4, 4);
for (let i = 0; i < rounds; i++) Atomics.add(counter, 0, 1);
Atomics.store(slots, id, id + 100);
parentPort.postMessage({ id, isMainThread, hasThreadId: threadId > 0 });
