// Atomics.waitAsync as V8 gives it to Node v20: immediate answers, V8's argument errors, promises
// that a notify (same thread or another) resolves with 'ok' and a timeout with 'timed-out', the
// order of those resolutions against ticks, microtasks, immediates and timers, Atomics.notify
// counting async waiters with blocking ones, and a pending wait not keeping the process alive.
// Seeded (NODEBUF_SEED, NODEBUF_DIFF_CASES) rounds of waits and notifies on random elements.
'use strict';
const { Worker } = require('worker_threads');

let seed = Number(process.env.NODEBUF_SEED || 20261206) >>> 0;
const rounds = Number(process.env.NODEBUF_DIFF_CASES || 40);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const log = (...args) => console.log(...args);
const sab = new SharedArrayBuffer(64);
const i32 = new Int32Array(sab);
const i64 = new BigInt64Array(sab, 32);

log(typeof Atomics.waitAsync, Atomics.waitAsync.length, Atomics.waitAsync.name,
  Object.getOwnPropertyDescriptor(Atomics, 'waitAsync').enumerable);
for (const args of [[i32, 0, 1], [i32, 0, 0, 0], [i32, 0, 0, -5], [i64, 0, 1n], [i64, 0, 0n, 0],
  [new Int32Array(4), 0, 0], [new Float64Array(sab), 0, 0], [new Uint32Array(sab), 0, 0], [i32, 16, 0],
  [i32, -1, 0], [i32, '1', 1], [i64, 0, 0], [i64, 0, '1'], [{}, 0, 0], [[1], 0, 0], [1, 0, 0],
  [i32, { valueOf() { log('index read'); return 0; } }, { valueOf() { log('value read'); return 1; } }]]) {
  try {
    const r = Atomics.waitAsync(...args);
    log(Object.keys(r), r.async, r.value);
  } catch (err) {
    log(err.name, err.message);
  }
}

// Same thread: resolution order against the loop's queues.
{
  const r = Atomics.waitAsync(i32, 1, 0);
  r.value.then((v) => log('resolved', v));
  log(r.async, r.value instanceof Promise, String(r.value));
  process.nextTick(() => log('tick'));
  Promise.resolve().then(() => log('microtask'));
  setImmediate(() => log('immediate'));
  log('notify', Atomics.notify(i32, 1), Atomics.notify(i32, 1));
}

function round(index) {
  return new Promise((done) => {
    const element = 2 + rand(4);
    const waits = 1 + rand(4);
    const events = [];
    const promises = [];
    for (let w = 0; w < waits; w++) {
      const timeout = [undefined, Infinity, NaN, 5, 1e9][rand(5)];
      const r = Atomics.waitAsync(i32, element, 0, timeout);
      promises.push(r.value.then((v) => events.push(`w${w}:${v}`)));
    }
    const count = rand(waits + 2);
    events.push(`notify(${count})=${Atomics.notify(i32, element, count)}`);
    // Whatever is left: woken by a final notify after the short timeouts passed.
    setTimeout(() => {
      events.push(`rest=${Atomics.notify(i32, element)}`);
      Promise.all(promises).then(() => {
        log(`round ${index}: ${events.join(' ')}`);
        done();
      });
    }, 15);
  });
}

setTimeout(async () => {
  for (let i = 0; i < rounds; i++) await round(i);
  acrossThreads();
}, 10);

// A worker notifies this thread's async waiters and waits itself (blocking) on another
// element, which this thread's notify counts together with an async waiter; results are
// printed at the end in a fixed order (the threads race otherwise).
function acrossThreads() {
  const source = `
    const { workerData: { sab }, parentPort } = require('worker_threads');
    const i32 = new Int32Array(sab);
    parentPort.on('message', (m) => {
      if (m === 'notify') parentPort.postMessage('worker notified ' + Atomics.notify(i32, 8, 2));
      if (m === 'block') {
        parentPort.postMessage('blocking');
        const r = Atomics.wait(i32, 9, 0, 5000);
        parentPort.postMessage('worker woke ' + r);
        parentPort.close();
      }
    });
  `;
  const results = {};
  const w = new Worker(source, { eval: true, workerData: { sab } });
  const a = Atomics.waitAsync(i32, 8, 0);
  const b = Atomics.waitAsync(i32, 8, 0);
  const c = Atomics.waitAsync(i32, 8, 0);
  const settled = Promise.all([a.value, b.value]).then((v) => { results.mainWaits = v; });
  w.on('message', (m) => {
    if (m.startsWith('worker notified')) {
      results.notified = m;
      // The third waiter is still queued: only two were woken.
      results.third = Atomics.notify(i32, 8);
      c.value.then((v) => { results.thirdValue = v; });
      w.postMessage('block');
    } else if (m === 'blocking') {
      const poll = setInterval(() => {
        // Once the worker sleeps, one notify wakes it and a queued async waiter together.
        const late = Atomics.waitAsync(i32, 9, 0);
        const n = Atomics.notify(i32, 9);
        late.value.then((v) => { if (n >= 2) results.late = `${v} woken ${n}`; });
        if (n >= 2) clearInterval(poll);
      }, 5);
    } else {
      results.worker = m;
    }
  });
  w.on('exit', (code) => {
    settled.then(() => setTimeout(() => {
      // (In a fixed key order: the main thread's waits settle before or after the worker's
      // first message, as the threads race.)
      const ordered = {};
      for (const key of ['mainWaits', 'notified', 'third', 'thirdValue', 'late', 'worker']) {
        if (key in results) ordered[key] = results[key];
      }
      log('across threads', ordered, 'exit', code);
      // Nothing keeps the process alive: these never settle and the process exits.
      Atomics.waitAsync(i32, 12, 0).value.then(() => log('never'));
      Atomics.waitAsync(i32, 12, 0, 100000).value.then(() => log('never either'));
    }, 5));
  });
  w.postMessage('notify');
}
