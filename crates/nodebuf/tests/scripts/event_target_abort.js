// EventTarget, Event, AbortController/AbortSignal and the events helpers that take signals.
'use strict';
const events = require('events');
const { EventEmitter, once, on } = events;

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}

const e = new Event('foo', { cancelable: true });
console.log(Object.keys(e), Object.getOwnPropertyNames(e), typeof e.timeStamp);
console.log(Object.getOwnPropertyNames(Event.prototype));
console.log(Object.getOwnPropertyNames(EventTarget.prototype));
console.log(Object.getOwnPropertyNames(AbortSignal.prototype), Object.getOwnPropertyNames(AbortSignal));
console.log(Object.getOwnPropertyNames(AbortController.prototype));
console.log(Object.prototype.toString.call(e), Event.NONE, Event.AT_TARGET, e.AT_TARGET, e.isTrusted);
const ac = new AbortController();
console.log(ac, ac.signal);
attempt('new AbortSignal', () => new AbortSignal());
attempt('new Event()', () => new Event());
attempt('new Event(x, 5)', () => new Event('x', 5));
attempt('type getter', () => Event.prototype.type);
attempt('aborted getter', () => AbortSignal.prototype.aborted);
const t = new EventTarget();
attempt('dispatch {}', () => t.dispatchEvent({}));
attempt('listener 5', () => t.addEventListener('x', 5));
attempt('missing args', () => t.addEventListener('x'));
console.log(t);

t.addEventListener('foo', function (ev) {
  console.log('L1', this === t, ev.currentTarget === t, ev.eventPhase, ev.composedPath().length, ev.target === t);
  ev.preventDefault();
});
const obj = { handleEvent(ev) { console.log('L2', this === obj, ev.type); } };
t.addEventListener('foo', obj);
t.addEventListener('foo', obj); // duplicate: ignored
console.log(t.dispatchEvent(e), e.currentTarget, e.target === t, e.eventPhase, e.defaultPrevented, e.returnValue);
t.addEventListener('bar', (ev) => attempt('recursion', () => t.dispatchEvent(ev)));
t.dispatchEvent(new Event('bar'));
t.addEventListener('once', () => console.log('once fired'), { once: true });
t.dispatchEvent(new Event('once'));
t.dispatchEvent(new Event('once'));
t.addEventListener('stop', (ev) => { console.log('first'); ev.stopImmediatePropagation(); });
t.addEventListener('stop', () => console.log('never'));
t.dispatchEvent(new Event('stop'));
const lc = new AbortController();
t.addEventListener('sig', () => console.log('sig listener'), { signal: lc.signal });
t.dispatchEvent(new Event('sig'));
lc.abort();
t.dispatchEvent(new Event('sig'));
console.log('sig listeners left', events.getEventListeners(t, 'sig').length);

ac.signal.onabort = (ev) => console.log('onabort', ev.type, ev.isTrusted, ev.constructor.name);
ac.signal.addEventListener('abort', (ev) => console.log('listener', ev.type));
ac.abort();
ac.abort();
console.log(ac.signal, ac.signal.reason.name, ac.signal.reason.message, ac.signal.reason.code);
attempt('throwIfAborted', () => ac.signal.throwIfAborted());
console.log(AbortSignal.abort('r').reason, AbortSignal.timeout(10));
attempt('timeout(-1)', () => AbortSignal.timeout(-1));
attempt('timeout(1.5)', () => AbortSignal.timeout(1.5));
attempt('any([1])', () => AbortSignal.any([1]));
attempt('any(1)', () => AbortSignal.any(1));
const anyAborted = AbortSignal.any([ac.signal]);
console.log(anyAborted.aborted, anyAborted.reason.name);

t.addEventListener('z', () => { throw new Error('boom'); });
process.on('uncaughtException', (er) => console.log('uncaught', er.message));
t.dispatchEvent(new Event('z'));
console.log('after dispatch');
for (let i = 0; i < 11; i++) t.addEventListener('y', () => {});
console.log(events.getEventListeners(t, 'y').length, typeof events.on, typeof events.once);

(async () => {
  const ee = new EventEmitter();
  const c1 = new AbortController();
  const p = once(ee, 'foo', { signal: c1.signal });
  c1.abort('why');
  try { await p; } catch (er) { console.log(er.name, er.code, er.message, er.cause, Object.keys(er), String(er)); }
  try { await once(ee, 'foo', { signal: 5 }); } catch (er) { console.log(er.code, er.message); }
  try { await once(ee, 'foo', { signal: AbortSignal.abort() }); } catch (er) { console.log(er.code, er.cause.name); }
  setTimeout(() => t.dispatchEvent(new Event('x')), 1);
  const [ev] = await once(t, 'x');
  console.log(ev.type, ev.constructor.name);
  setTimeout(() => { ee.emit('d', 1); ee.emit('d', 2); ee.emit('d', 3); }, 1);
  const c2 = new AbortController();
  let n = 0;
  try {
    for await (const args of on(ee, 'd', { signal: c2.signal })) {
      console.log('on', args);
      if (++n === 3) c2.abort();
    }
  } catch (er) { console.log('loop', er.name, er.code); }
  setTimeout(() => { ee.emit('e', 1); ee.emit('error', new Error('bad')); }, 1);
  try { for await (const a of on(ee, 'e')) console.log('e', a); } catch (er) { console.log('err', er.message); }
  console.log(ee.listenerCount('e'), ee.listenerCount('error'));
  const c3 = new AbortController();
  events.addAbortListener(c3.signal, (event) => console.log('aborted listener', event.type));
  c3.abort();
  attempt('addAbortListener(1)', () => events.addAbortListener(1, () => {}));
  const small = new EventTarget();
  events.setMaxListeners(1, small, ee);
  console.log(events.getMaxListeners(small), events.getMaxListeners(ee), ee.getMaxListeners());
  small.addEventListener('q', () => {});
  small.addEventListener('q', () => {});
  attempt('setMaxListeners(-1)', () => events.setMaxListeners(-1));
  attempt('setMaxListeners(x)', () => events.setMaxListeners('x'));
  console.log(EventEmitter.captureRejectionSymbol);
  const it = on(ee, 'z');
  console.log(typeof it.next, typeof it.return, typeof it.throw, ee.listenerCount('z'));
  await it.return();
  console.log(ee.listenerCount('z'));
  const c4 = new AbortController();
  const s4 = AbortSignal.any([c4.signal, AbortSignal.timeout(100000)]);
  s4.onabort = () => console.log('any aborted', s4.reason);
  c4.abort('manual');
  const s5 = AbortSignal.timeout(1);
  // The signal's timer does not keep the process alive (in Node neither), so without a timer
  // that does, whether the process waits for it depends on the machine's speed.
  const keepAlive = setTimeout(() => {}, 10000);
  await new Promise((resolve) => s5.addEventListener('abort', resolve));
  clearTimeout(keepAlive);
  console.log('timeout', s5.reason.name, s5.reason.message);
})();
