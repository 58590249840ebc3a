// timers/promises with Node's options (signal, ref) and errors, setInterval as an async
// iterator, scheduler; refresh() re-arming a timer from its own callback or after it ran, but
// not after clearTimeout; sub-millisecond delays due in insertion order; unref'd immediates
// that run only while something else keeps the loop alive; `-pe`; the deprecated
// enroll/active/unenroll API (and its warnings); intervals stopped from their callback; Symbol.dispose.
'use strict';
const tp = require('timers/promises');
const { execFileSync } = require('child_process');
const log = (...a) => console.log(...a);
log(Object.keys(tp).join(), tp === require('timers').promises, tp.setInterval.constructor.name, tp.setTimeout.length);

async function main() {
  log('timeout', await tp.setTimeout(1, 'v'), await tp.setImmediate('w'));
  for (const bad of [1, '', false, null]) {
    await tp.setTimeout(1, 0, bad).then(() => log('no'), (e) => log('options', String(bad), e.code));
  }
  for (const signal of [1, null, {}]) {
    await tp.setImmediate(0, { signal }).then(() => log('no'), (e) => log('signal', e.code));
  }
  await tp.setTimeout(1, 0, { ref: 'x' }).then(() => log('no'), (e) => log('ref', e.code, e.message));
  const ac = new AbortController();
  const pending = tp.setTimeout(1000, 'late', { signal: ac.signal });
  ac.abort('why');
  await pending.then(() => log('no'), (e) => log('aborted', e.name, e.code, e.cause));
  await tp.setTimeout(1, 0, { signal: AbortSignal.abort(3) }).then(() => log('no'), (e) => log('pre-aborted', e.name, e.cause));
  let n = 0;
  for await (const v of tp.setInterval(2, 'tick')) {
    log('interval', v);
    if (++n === 3) break;
  }
  const ac2 = new AbortController();
  try {
    for await (const v of tp.setInterval(2, 'x', { signal: ac2.signal })) {
      log('until abort', v);
      ac2.abort();
    }
  } catch (e) {
    log('interval aborted', e.name);
  }
  await tp.scheduler.wait(1);
  await tp.scheduler.yield();
  log('scheduler', typeof tp.scheduler.wait, (() => { try { new tp.scheduler.constructor(); } catch (e) { return e.code; } })());

  // refresh
  let calls = 0;
  await new Promise((resolve) => {
    const t = setTimeout(() => {
      calls++;
      if (calls === 1) t.refresh();
      else resolve();
    }, 1);
  });
  const done = setTimeout(() => log('refreshed after running'), 1);
  await tp.setTimeout(5);
  done.refresh();
  await tp.setTimeout(5);
  const cleared = setTimeout(() => log('never'), 1);
  clearTimeout(cleared);
  cleared.refresh();
  log('refresh calls', calls, cleared._idleTimeout);

  const order = [];
  setTimeout(() => order.push(1), 1);
  setTimeout(() => order.push(2), 1.8);
  setTimeout(() => order.push(3), 1.1);
  setTimeout(() => order.push(4), 1);
  await tp.setTimeout(10);
  log('order', order.join());

  const timers = require('timers');
  log(Object.keys(timers).join());
  const item = { _onTimeout() { log('enrolled fired', typeof this._idleStart); } };
  timers.enroll(item, 2);
  timers.active(item);
  await tp.setTimeout(10);
  const stopped = { _onTimeout() { log('never'); } };
  timers.enroll(stopped, 2);
  timers._unrefActive(stopped);
  timers.unenroll(stopped);
  log('unenrolled', stopped._idleTimeout);
  for (const bad of ['1', -1, Infinity]) {
    try { timers.enroll({}, bad); } catch (e) { log('enroll', e.code, e.message); }
  }
  let ticks = 0;
  const iv = setInterval(() => { ticks++; iv._idleTimeout = -1; }, 1);
  const iv2 = setInterval(() => { ticks++; iv2._onTimeout = null; }, 1);
  const iv3 = setInterval(() => { ticks++; timers.unenroll(iv3); }, 1);
  await tp.setTimeout(15);
  log('interval ticks', ticks);
  const disposed = setTimeout(() => log('never'), 1);
  disposed[Symbol.dispose]();
  setImmediate(() => log('never'))[Symbol.dispose]();

  log(execFileSync(process.execPath, ['-pe', '6 * 7']).toString().trim());
  log(JSON.stringify(execFileSync(process.execPath, ['-e', 'setImmediate(() => console.log("ran")).unref()']).toString()));
  log(JSON.stringify(execFileSync(process.execPath, ['-e', 'setImmediate(() => console.log("ran")).unref(); setTimeout(() => {}, 5)']).toString()));
}
main();
