// One side of a conversation over a MessagePort handed over in workerData: 'ping' sides count
// up, the 'pong' side answers; results go to the parent.
const { workerData, parentPort } = require('worker_threads');
const { role, port } = workerData;
const seen = [];
port.on('message', (n) => {
  seen.push(n);
  if (role === 'pong') {
    port.postMessage(n * 10);
    if (n === 5) {
      parentPort.postMessage({ role, seen });
      port.close();
    }
  } else if (n < 50) {
    port.postMessage(n / 10 + 1);
  }
});
port.on('close', () => {
  if (role === 'ping') parentPort.postMessage({ role, seen });
});
if (role === 'ping') port.postMessage(1);
