// ArrayBuffers are copied, or moved (the source detached) when listed in the transfer list;
// SharedArrayBuffers are shared; ports move to the worker.
const { Worker, MessageChannel, markAsUntransferable } = require('worker_threads');
const path = require('path');

const w = new Worker(path.join(__dirname, 'worker_files', 'keeper.js'));

const copied = new Uint8Array([1, 2, 3]);
w.postMessage(copied);
console.log('copied source intact', copied.length, copied.buffer.byteLength);

const moved = new ArrayBuffer(4);
new Uint8Array(moved).set([9, 8, 7, 6]);
const view = new Uint16Array(moved);
w.postMessage(moved, [moved]);
console.log('moved source detached', moved.byteLength, view.length, view.byteLength);

const viaView = new Uint8Array([5, 5, 5, 5, 5, 5]).subarray(2, 4);
w.postMessage(viaView, [viaView.buffer]);
console.log('view source detached', viaView.length, viaView.byteOffset, viaView.buffer.byteLength);

const kept = new ArrayBuffer(2);
markAsUntransferable(kept);
w.postMessage(new Uint8Array(kept), [kept]);
console.log('untransferable kept', kept.byteLength);

try {
  w.postMessage(moved, [moved, moved]);
} catch (e) {
  console.log(e.name, e.message);
}

const sab = new SharedArrayBuffer(4);
let step = 0;
w.on('message', (m) => {
  step++;
  if (m === 'stored') {
    w.postMessage('report');
  } else if (Array.isArray(m)) {
    console.log('worker holds', m);
    w.postMessage({ sab });
  } else if (m === 'wrote') {
    console.log('main sees worker write', new Uint8Array(sab)[0]);
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (text) => {
      console.log('port1 got', text);
    });
    port1.on('close', () => {
      console.log('port1 closed');
      w.terminate().then((code) => console.log('terminated', code));
    });
    w.postMessage({ port: port2 }, [port2]);
    try {
      port2.postMessage('after transfer');
      console.log('posting on a transferred port is a no-op');
    } catch (e) {
      console.log('threw', e.message);
    }
  }
});
w.on('exit', (code) => console.log('exit', code, 'steps', step));
