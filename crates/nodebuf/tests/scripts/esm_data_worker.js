// Workers from data: URLs run as ES modules; other URL schemes are refused; a data: worker that
// throws reports the error to its 'error' listeners. Run one after the other for a fixed order.
const { Worker } = require('worker_threads');

try { new Worker(new URL('http://x/y.js')); } catch (e) { console.log(e.code, e.message); }
const w = new Worker(new URL('data:text/javascript,import {parentPort, workerData} from "worker_threads"; parentPort.postMessage(workerData * 6)'), { workerData: 7 });
w.on('message', (m) => console.log('data: worker says', m));
w.on('exit', (code) => {
  console.log('exit', code);
  const bad = new Worker(new URL('data:text/javascript,throw new Error("data worker failed")'));
  bad.on('error', (e) => console.log('error event:', e.message));
  bad.on('exit', (c) => console.log('bad exit', c));
});
