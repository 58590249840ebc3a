// AsyncLocalStorage as Node v20 propagates it: through promise callbacks and `await` (value at
// then/await time), process.nextTick, setTimeout/setInterval/setImmediate, queueMicrotask,
// timers/promises, EventEmitter listeners (no propagation: they run in the emitter's
// context), stream callbacks, AsyncResource scopes and bind, snapshot, enterWith, exit,
// disable, nested run, several storages at once, and errors thrown out of run.
'use strict';
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const { EventEmitter } = require('events');
const { Readable, Transform, Writable, pipeline } = require('stream');
const timersPromises = require('timers/promises');

const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
const out = [];
const log = (label) => out.push(`${label}=${JSON.stringify(als.getStore())}/${JSON.stringify(other.getStore())}`);

log('top');
const emitter = new EventEmitter();
emitter.on('ping', () => log('listener'));

als.run('A', () => {
  log('run-sync');
  Promise.resolve().then(() => log('then'));
  process.nextTick(() => log('tick'));
  setTimeout(() => {
    log('timeout');
    als.run('A2', () => setImmediate(() => log('nested-immediate')));
  }, 1);
  setImmediate(() => log('immediate'));
  queueMicrotask(() => log('microtask'));
  const interval = setInterval(() => {
    log('interval');
    clearInterval(interval);
  }, 1);
  (async () => {
    await null;
    log('await1');
    als.enterWith('E');
    await new Promise((resolve) => setTimeout(resolve, 15));
    log('await-after-enterWith');
  })();
  timersPromises.setTimeout(3).then(() => log('timers-promises'));
  other.run('O', () => {
    log('two-storages');
    als.exit(() => {
      log('exit');
      setTimeout(() => log('timeout-from-exit'), 1);
    });
    log('after-exit');
  });
  new Promise((resolve) => setTimeout(resolve, 1)).then(() => log('then-after-timeout'));
  const resource = new AsyncResource('Mine');
  als.run('B', () => {
    log('inner-run');
    resource.runInAsyncScope(() => log('resource-scope'));
    const bound = AsyncLocalStorage.bind(() => log('bound-in-B'));
    const snap = AsyncLocalStorage.snapshot();
    als.run('C', () => {
      bound();
      snap(() => log('snapshot-from-B'));
    });
  });
  emitter.emit('ping');
  Readable.from(['x']).on('data', () => log('stream-data'));
  pipeline(Readable.from(['y']), new Transform({
    transform(chunk, enc, cb) { log('transform'); cb(null, chunk); },
  }), new Writable({ write(chunk, enc, cb) { log('write'); cb(); } }), (err) => log(`pipeline-done-${err}`));
  log('run-end');
});
log('after-run');
try {
  als.run('T', () => { throw new Error('boom'); });
} catch (err) {
  log(`caught-${err.message}`);
}
process.nextTick(() => emitter.emit('ping'));
const store = { n: 1 };
als.run(store, () => {
  Promise.resolve().then(() => out.push(`same-object=${als.getStore() === store}`));
  als.disable();
  log('disabled');
  setTimeout(() => log('timeout-after-disable'), 1);
});
setTimeout(() => als.run('R', () => log('re-enabled')), 30);
// Printed at exit, sorted: which callback runs first (a 1 ms timer or an immediate, a timer
// or an await on a loaded machine) is a race in Node too.
process.on('exit', () => console.log(out.sort().join('\n')));
