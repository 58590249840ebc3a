// Buffers across threads: a SharedArrayBuffer viewed by Buffers on both sides, a Buffer arriving
// as a Uint8Array, and a pooled Buffer whose slab is copied, not detached, when "transferred".
const { Worker, isMainThread, parentPort, MessageChannel } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  const sab = new SharedArrayBuffer(16);
  const view = Buffer.from(sab);
  w.on('message', (m) => {
    console.log('got', m, Buffer.isBuffer(m), view.toString('hex'));
    const pooled = Buffer.from('xyz');
    const { port1, port2 } = new MessageChannel();
    port2.on('message', (v) => { console.log('port', v, pooled.buffer.byteLength, pooled.toString()); port2.close(); });
    port1.postMessage(pooled, [pooled.buffer]);
  });
  w.postMessage(sab);
} else {
  parentPort.once('message', (sab) => {
    const b = Buffer.from(sab);
    b.write('hello from worker');
    parentPort.postMessage(Buffer.from('abc'));
  });
}
