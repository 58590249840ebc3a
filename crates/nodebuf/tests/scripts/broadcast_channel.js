// BroadcastChannel as Node v20 has it (global and worker_threads'): every other open channel of
// the same name gets each message as a MessageEvent, in this thread and in workers; the poster
// never hears itself; close/ref/unref, errors and inspect output. Seeded (NODEBUF_SEED,
// NODEBUF_DIFF_CASES) sequences of posts from random channels print what every channel got.
'use strict';
const util = require('util');
const { Worker, BroadcastChannel: WorkerBroadcastChannel } = require('worker_threads');

let seed = Number(process.env.NODEBUF_SEED || 20261206) >>> 0;
const posts = Number(process.env.NODEBUF_DIFF_CASES || 40);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const log = (...args) => console.log(...args);
const tryLog = (label, fn) => {
  try {
    log(label, fn());
  } catch (err) {
    log(label, 'threw', err.name, err.code, err.message, err instanceof DOMException);
  }
};

log(WorkerBroadcastChannel === BroadcastChannel, BroadcastChannel.length, BroadcastChannel.name);
log(Object.getOwnPropertyNames(BroadcastChannel.prototype), Object.getPrototypeOf(BroadcastChannel) === EventTarget);
tryLog('no name', () => new BroadcastChannel());
tryLog('name getter wrong this', () => Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'name').get.call({}));
{
  const c = new BroadcastChannel(1);
  log(c.name, typeof c.name, util.inspect(c), util.inspect({ c }, { depth: 0 }), Object.keys(c));
  tryLog('no message', () => c.postMessage());
  tryLog('function', () => c.postMessage(() => {}));
  log(c.ref() === c, c.unref() === c, c.onmessage, c.onmessageerror);
  c.close();
  c.close();
  log(util.inspect(c));
  tryLog('closed', () => c.postMessage(1));
}

// Within one thread: several channels per name, seeded posts.
const names = ['a', 'b', 'a', 'b', 'c'];
const channels = names.map((name) => new BroadcastChannel(name));
const got = channels.map(() => []);
channels.forEach((c, i) => {
  if (i % 2 === 1) c.addEventListener('message', (e) => got[i].push(`ael:${util.inspect(e.data)}`));
  else c.onmessage = (e) => got[i].push(`${e.constructor.name}:${util.inspect(e.data)}:${e.target === c}:${e.ports.length}:${e.origin}`);
});
const values = [1, 'x', { y: [2] }, null, new Set([3]), 4n, new Uint16Array([5, 6])];
for (let i = 0; i < posts; i++) channels[rand(channels.length)].postMessage(values[rand(values.length)]);

// The messages arrive in the loop's first poll phase, before its immediates (a timer could
// come first on a slow machine).
setImmediate(() => {
  channels.forEach((c, i) => log(`channel ${i} (${c.name}): ${got[i].join(' ')}`));
  for (const c of channels) c.close();
  acrossWorkers();
});

// Across threads: two workers and this thread share 'room'; each worker posts its own seeded
// numbers once all three joined, then prints what it got.
function acrossWorkers() {
  const room = new BroadcastChannel('room');
  const heard = [];
  let ready = 0;
  let exited = 0;
  const reports = {};
  const source = `
    const { workerData, parentPort } = require('worker_threads');
    const room = new BroadcastChannel('room');
    const heard = [];
    room.onmessage = (e) => {
      if (e.data === 'go') {
        for (const n of workerData.numbers) room.postMessage({ from: workerData.name, n });
        room.postMessage({ from: workerData.name, done: true });
      } else {
        heard.push(e.data.done ? e.data.from + ' done' : e.data.from + e.data.n);
        if (heard.filter((h) => h.endsWith('done')).length === 1 && heard.length === workerData.expect) {
          parentPort.postMessage(heard.join(' '));
          room.close();
        }
      }
    };
    parentPort.postMessage('joined');
  `;
  const count = 1 + rand(5);
  const plan = ['w1', 'w2'].map((name) => ({ name, numbers: Array.from({ length: count }, () => rand(100)) }));
  const workers = plan.map((data, i) => {
    const w = new Worker(source, { eval: true, workerData: { ...data, expect: plan[1 - i].numbers.length + 1 } });
    w.on('message', (m) => {
      if (m === 'joined') {
        if (++ready === 2) room.postMessage('go');
      } else {
        reports[data.name] = `${data.name} heard: ${m}`;
      }
    });
    w.on('exit', () => {
      if (++exited === 2) {
        log(reports.w1);
        log(reports.w2);
        log(`main heard: ${heard.filter((h) => h.startsWith('w1')).join(' ')} / ${heard.filter((h) => h.startsWith('w2')).join(' ')}`);
        room.close();
      }
    });
    return w;
  });
  room.onmessage = (e) => heard.push(e.data.done ? `${e.data.from} done` : `${e.data.from}${e.data.n}`);
  void workers;
}
