// worker_threads.postMessageToThread as in Node v20.20: main -> worker, worker -> main and
// worker -> worker by threadId, 'workerMessage' (value, sender) on the receiving process, the
// promise's outcomes (delivered, no such thread, no listener, listener threw, timeout, same
// thread), argument checks, transferred buffers. A 'workerMessage' listener does not keep a
// worker alive (its parentPort listener does here). Outputs are gathered and printed in a
// fixed order (the threads' own console lines would race).
'use strict';
const { postMessageToThread, Worker, threadId } = require('worker_threads');

const results = [];
const outcome = (label, promise) => promise.then(
  (v) => results.push(`${label}: ok ${v}`),
  (e) => results.push(`${label}: ${e.name} ${e.code} ${e.message}`),
);
const early = [];
for (const id of ['1', -1, 1.5, 2 ** 40, NaN, threadId]) early.push(outcome(`early ${String(id)}`, postMessageToThread(id, 1)));
early.push(outcome('timeout x', postMessageToThread(1, 1, [], 'x')));
early.push(outcome('timeout -1', postMessageToThread(1, 1, -1)));
early.push(outcome('transfer as timeout', postMessageToThread(1, 1, 5)));

const got = [];
process.on('workerMessage', (value, from) => got.push([value, from]));

const source = `
  const { postMessageToThread, parentPort, workerData } = require('worker_threads');
  const got = [];
  process.on('workerMessage', (value, from) => {
    got.push([value, from]);
    if (value === 'boom') throw new Error('boom');
    if (value === 'report') parentPort.postMessage({ got });
    if (value === 'stop') process.removeAllListeners('workerMessage');
  });
  parentPort.on('message', (m) => { if (m === 'close') parentPort.close(); });
  if (workerData.peer !== undefined) {
    postMessageToThread(workerData.peer, { from: 'w' + workerData.n, buf: new Uint8Array([1, 2]).buffer })
      .then(() => parentPort.postMessage('peer ok'), (e) => parentPort.postMessage('peer ' + e.code));
  }
  parentPort.postMessage('ready');
`;

Promise.all(early).then(async () => {
  const w1 = new Worker(source, { eval: true, workerData: { n: 1 } });
  await new Promise((resolve) => w1.once('message', resolve));
  const w2 = new Worker(source, { eval: true, workerData: { n: 2, peer: w1.threadId } });
  const w2Messages = [];
  w2.on('message', (m) => w2Messages.push(m));
  await new Promise((resolve) => w2.on('message', () => { if (w2Messages.length === 2) resolve(); }));
  const buffer = new ArrayBuffer(4);
  await outcome('to w1', postMessageToThread(w1.threadId, { n: 1, buffer }, [buffer]));
  results.push(`moved buffer length ${buffer.byteLength}`);
  await outcome('boom', postMessageToThread(w1.threadId, 'boom'));
  await outcome('nobody', postMessageToThread(99, 'x'));
  await outcome('timeout 0 reached', postMessageToThread(w2.threadId, 'quick', 1000));
  const report = new Promise((resolve) => w1.once('message', resolve));
  await outcome('report', postMessageToThread(w1.threadId, 'report'));
  const w1got = (await report).got;
  await outcome('stop', postMessageToThread(w1.threadId, 'stop'));
  await outcome('after stop', postMessageToThread(w1.threadId, 'late'));
  w2.postMessage('close');
  w1.postMessage('close');
  let exits = 0;
  const done = (code) => {
    results.push(`exit ${code}`);
    if (++exits < 2) return;
    for (const line of results) console.log(line);
    console.log('w2 said', w2Messages);
    console.log('w1 got', w1got.map(([v, from]) => [v, from === w2.threadId ? 'w2' : from]));
    console.log('main got', got.map(([v, from]) => [v, from === w2.threadId ? 'w2' : from]));
  };
  w1.on('exit', done);
  w2.on('exit', done);
});
