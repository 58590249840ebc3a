// Module workers: `new Worker(URL)` and `new Worker(path)` of `.mjs` files that import
// worker_threads by name, share a SharedArrayBuffer with the main thread and meet through
// Atomics (add, store, notify / wait).
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const shared = new SharedArrayBuffer(16);
const counters = new Int32Array(shared);
const workers = [];
for (let i = 0; i < 3; i++) {
  workers.push(new Worker(new URL('./adder.mjs', import.meta.url), { workerData: { shared, rounds: 1000 } }));
}
const exits = workers.map((w) => once(w, 'exit'));
const results = await Promise.all(workers.map((w) => once(w, 'message')));
const byPath = new Worker(fileURLToPath(new URL('./signal.mjs', import.meta.url)), { workerData: shared });
exits.push(once(byPath, 'exit'));
console.log('adders said', results.map(([m]) => m));
console.log('sum', Atomics.load(counters, 0));
// The signal worker waits on slot 2 until we store and notify.
const [ready] = await once(byPath, 'message');
console.log(ready);
Atomics.store(counters, 2, 42);
Atomics.notify(counters, 2);
const [reply] = await once(byPath, 'message');
console.log(reply, Atomics.load(counters, 3));
console.log('exit codes', (await Promise.all(exits)).map(([code]) => code));
console.log('all exited');
