// Consumer: waits for the producer's flag, reads the value, answers with value * 2.
const { workerData } = require('worker_threads');
const cell = new Int32Array(workerData);
// cell[0]: 1 when a value is ready, 0 when the answer is ready; cell[1]: value; cell[2]: answer.
for (;;) {
  Atomics.wait(cell, 0, 0);
  const value = Atomics.load(cell, 1);
  if (value < 0) break;
  Atomics.store(cell, 2, value * 2);
  Atomics.store(cell, 0, 0);
  Atomics.notify(cell, 0);
}
Atomics.store(cell, 3, 1);
