// The top stack frame of user callbacks run by the event loop and the modules (ticks, microtasks,
// timers, immediates, fs callbacks and promises, emitters, streams, EventTarget,
// MessagePort, child_process, http): each reads as Node prints it (a plain function has no
// receiver: `at file:line:col`). Printed sorted at exit, as callback order across phases varies.
// Not here: V8 names an AbortSignal listener's receiver `EventTarget` (Node makes signals as
// EventTargets and swaps their prototype; V8 keeps the first constructor's name).
'use strict';
const seen = [];
// Frame 2: the callback that called top().
const top = (label) => seen.push(`${label} ${new Error(label).stack.split('\n')[2].trim()}`);
process.on('exit', () => { seen.push('exit'); console.log(seen.sort().join('\n')); });
process.nextTick(() => top('tick'));
Promise.resolve().then(() => top('then'));
setTimeout(() => top('timer'), 1);
setImmediate(() => top('immediate'));
require('fs').readFile(__filename, () => top('fs.readFile'));
queueMicrotask(() => top('microtask'));
const iv = setInterval(() => { top('interval'); clearInterval(iv); }, 1);
const EE = require('events');
const e = new EE();
e.on('x', function () { top('emitter'); });
e.on('y', () => top('emitter-arrow'));
e.emit('x');
e.emit('y');
require('fs').promises.readFile(__filename).then(() => top('fs.promises'));
require('fs').stat(__filename, () => top('fs.stat'));
const { Readable, PassThrough } = require('stream');
const r = Readable.from(['a']);
r.on('data', () => top('stream-data'));
r.on('end', () => top('stream-end'));
const p = new PassThrough();
p.on('data', function () { top('pt-data'); });
p.write('x');
setTimeout(() => {
  const et = new EventTarget();
  et.addEventListener('z', () => top('event-target'));
  et.dispatchEvent(new Event('z'));
  [1].forEach(() => top('forEach'));
  const { MessageChannel } = require('worker_threads');
  const mc = new MessageChannel();
  mc.port1.on('message', () => { top('port-message'); mc.port1.close(); });
  mc.port2.postMessage(1);
  require('child_process').exec('true', () => top('exec-cb'));
  const http = require('http');
  const srv = http.createServer((req, res) => { top('http-request'); res.end('ok'); }).listen(0, () => {
    top('listen-cb');
    http.get(`http://127.0.0.1:${srv.address().port}`, (res) => {
      top('http-response');
      res.resume();
      res.on('end', () => { top('res-end'); srv.close(() => top('close-cb')); });
    });
  });
}, 5);
