// A worker's parentPort and a Worker object with Node v20's event shapes: parentPort is a
// MessagePort (NodeEventTarget): `on('message')` gets the data, `addEventListener`/`onmessage`
// a MessageEvent carrying the transferred ports, in registration order; worker.on('message')
// gets the data; a port sent to the worker delivers to its listeners there; environment data
// reaches the worker; parentPort inspect output.
'use strict';
const { Worker, setEnvironmentData, getEnvironmentData, BroadcastChannel: BC } = require('worker_threads');

const wt = require('worker_threads');
console.log(Object.keys(wt).filter((k) => k !== 'moveMessagePortToContext' && k !== 'postMessageToThread'));
setEnvironmentData('config', { level: 3, list: [1, 2] });
setEnvironmentData('gone', 1);
setEnvironmentData('gone', undefined);
console.log(getEnvironmentData('config'), getEnvironmentData('gone'), BC === BroadcastChannel);

const source = `
  const { parentPort, getEnvironmentData } = require('worker_threads');
  const util = require('util');
  const seen = [];
  const side = [];
  let pending = 2;
  const finish = () => {
    if (--pending > 0) return;
    parentPort.postMessage({ seen, side, env: getEnvironmentData('config'), gone: getEnvironmentData('gone'),
      shape: util.inspect(parentPort, { depth: 0 }).split('\\n').slice(0, 3).join(' '),
      names: parentPort.eventNames() });
    parentPort.close();
  };
  parentPort.on('message', (data) => seen.push('on:' + util.inspect(data, { depth: 0 })));
  parentPort.addEventListener('message', (event) => {
    seen.push('event:' + event.constructor.name + ':' + util.inspect(event.data, { depth: 0 }) + ':' + event.ports.length);
    for (const port of event.ports) {
      port.on('message', (m) => {
        side.push('side:' + m);
        port.postMessage('side reply');
        port.close();
        finish();
      });
    }
    if (event.data === 'last') finish();
  });
  parentPort.onmessage = (event) => seen.push('onmessage:' + typeof event.data);
`;
const w = new Worker(source, { eval: true });
const got = [];
w.on('message', (m) => got.push(m));
w.addListener('message', (m) => {
  if (m.seen) console.log(m);
});
const side = new MessageChannel();
let sideGot;
side.port2.on('message', (m) => {
  sideGot = m;
  side.port2.close();
});
w.postMessage({ n: 1 });
w.postMessage('with port', [side.port1]);
side.port2.postMessage('hello side');
w.postMessage([1, 2, 3]);
w.postMessage('last');
w.on('exit', (code) => setImmediate(() => console.log('exit', code, got.length, 'side port got', sideGot)));
