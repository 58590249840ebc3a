// Sends back every message it gets (with its type), until told 'stop'.
const { parentPort } = require('worker_threads');
const types = require('util').types;
parentPort.on('message', (m) => {
  if (m === 'stop') {
    parentPort.close();
    return;
  }
  const kind = m === null ? 'null' : typeof m === 'object' ? Object.prototype.toString.call(m) : typeof m;
  parentPort.postMessage({ kind, value: m, isView: ArrayBuffer.isView(m), isSab: types.isSharedArrayBuffer(m) });
});
