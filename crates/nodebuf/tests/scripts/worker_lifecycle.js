// Worker lifecycle: online, eval workers, argv/env, terminate (even of a busy loop), unref, and
// argument validation.
const { Worker, isMainThread, threadId, parentPort, workerData, MessageChannel } = require('worker_threads');

console.log('main', isMainThread, threadId, parentPort, workerData);

const steps = [
  function evalWorker(done) {
    const w = new Worker(`
      const { parentPort, workerData, isMainThread } = require('worker_threads');
      parentPort.postMessage({ argv: process.argv.slice(2), env: process.env.WORKER_TEST, workerData, isMainThread,
        file: __filename, typeofRequire: typeof require, typeofModule: typeof module });
    `, { eval: true, argv: ['a', 2, true], env: { WORKER_TEST: 'yes' }, workerData: { list: [1, 2] } });
    // 'online' and messages travel on different channels in Node: count them apart.
    let online = 0;
    const messages = [];
    w.on('online', () => online++);
    w.on('message', (m) => messages.push(m));
    w.on('exit', (code) => {
      console.log('online', online, messages, 'exit', code);
      done();
    });
  },
  function busyLoop(done) {
    const w = new Worker('for (;;) {}', { eval: true });
    w.on('online', () => {
      w.terminate().then((code) => {
        console.log('busy loop terminated', code, w.threadId);
        done();
      });
    });
  },
  function waitingWorker(done) {
    const w = new Worker(`require('worker_threads').parentPort.on('message', () => {})`, { eval: true });
    w.on('online', async () => {
      const code = await w.terminate();
      console.log('listening worker terminated', code, await w.terminate());
      done();
    });
  },
  function exitWhileMessages(done) {
    const w = new Worker(`
      const { parentPort } = require('worker_threads');
      for (let i = 0; i < 100; i++) parentPort.postMessage(i);
    `, { eval: true });
    let sum = 0;
    w.on('message', (n) => { sum += n; });
    w.on('exit', (code) => {
      console.log('all messages before exit', sum, code);
      done();
    });
  },
  function validation(done) {
    for (const args of [['relative.js'], [42], ['x', { eval: true, argv: 'no' }]]) {
      try {
        new Worker(...args);
        console.log('no throw');
      } catch (e) {
        console.log(e.name, e.code, e.message);
      }
    }
    const { port1 } = new MessageChannel();
    for (const args of [[], [1, 5], [1, [{}]], [1, [port1]], [() => {}], [Symbol('s')], [new WeakMap()]]) {
      try {
        port1.postMessage(...args);
        console.log('posted');
      } catch (e) {
        console.log(e.name, e.code, e.message);
      }
    }
    port1.close();
    done();
  },
  function unrefWorker() {
    const w = new Worker('setInterval(() => {}, 1000)', { eval: true });
    w.unref();
    console.log('unref: the main thread exits without waiting');
  },
];

let i = 0;
function next() {
  const step = steps[i++];
  if (step) step(next);
}
next();
process.on('exit', (code) => console.log('exit', code));
