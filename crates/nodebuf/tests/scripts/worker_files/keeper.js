// Keeps what it is sent; on 'report' describes what it holds; writes into shared memory.
const { parentPort } = require('worker_threads');
const held = [];
parentPort.on('message', (m) => {
  if (m === 'report') {
    parentPort.postMessage(held.map((v) => {
      if (v instanceof ArrayBuffer) return `ArrayBuffer(${v.byteLength}) [${new Uint8Array(v)}]`;
      if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${v.length}) [${Array.from(v)}] of ${v.buffer.byteLength}`;
      return String(v);
    }));
    return;
  }
  if (m && m.sab) {
    new Uint8Array(m.sab)[0] = 42;
    parentPort.postMessage('wrote');
    return;
  }
  if (m && m.port) {
    m.port.postMessage('hello through a transferred port');
    m.port.close();
    return;
  }
  held.push(m);
  if (held.length === 4) parentPort.postMessage('stored');
});
