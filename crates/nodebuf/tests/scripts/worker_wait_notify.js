// Producer (main thread) and consumer (worker) hand values back and forth through one
// SharedArrayBuffer with Atomics.wait / Atomics.notify; both sides block.
const { Worker } = require('worker_threads');
const path = require('path');

const shared = new SharedArrayBuffer(16);
const cell = new Int32Array(shared);
const w = new Worker(path.join(__dirname, 'worker_files', 'consumer.js'), { workerData: shared });
const answers = [];
for (const value of [1, 2, 3, 21, 1000]) {
  Atomics.store(cell, 1, value);
  Atomics.store(cell, 0, 1);
  Atomics.notify(cell, 0);
  // Wait until the consumer put the flag back to 0.
  while (Atomics.load(cell, 0) === 1) Atomics.wait(cell, 0, 1, 5000);
  answers.push(Atomics.load(cell, 2));
}
console.log('answers', answers);
Atomics.store(cell, 1, -1);
Atomics.store(cell, 0, 1);
Atomics.notify(cell, 0);
w.on('exit', (code) => console.log('consumer exit', code, 'done flag', Atomics.load(cell, 3)));

// Argument checks and results that do not depend on timing.
const local = new Int32Array(4);
try { Atomics.wait(local, 0, 0, 0); } catch (e) { console.log(e.name); }
console.log(Atomics.wait(cell, 2, 12345, 0));
console.log(Atomics.wait(new Int32Array(new SharedArrayBuffer(8)), 0, 0, 1));
console.log(Atomics.notify(new Int32Array(new SharedArrayBuffer(8)), 0));
