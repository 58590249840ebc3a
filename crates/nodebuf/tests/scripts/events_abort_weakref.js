// flags: --expose-gc
// Node's own events/EventTarget/AbortSignal tests turned up these: EventEmitter's listenerCount
// with a listener, setMaxListeners' argument errors, method names, once/on options,
// ERR_UNHANDLED_ERROR when inspection throws; EventTarget's enumerable methods, Symbol types,
// events stopped before dispatch, `on<type>` handlers keeping their place, listeners that
// resist a stopped abort; AbortController's inspection and private state; AbortSignal.any and
// timeout signals held weakly (kept while listened to); WeakRef targets kept for the job.
'use strict';
const { EventEmitter, once, on, listenerCount } = require('events');
const { inspect } = require('util');
const show = (f) => {
  try {
    return String(f());
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
};

const ee = new EventEmitter();
const h = () => {};
ee.once('x', h);
ee.on('x', h);
ee.on('x', () => {});
console.log(ee.listenerCount('x'), ee.listenerCount('x', h), ee.listenerCount('y', h), listenerCount(ee, 'x'));
for (const v of [-1, NaN, 'x', 1.5]) console.log(show(() => ee.setMaxListeners(v).getMaxListeners()));
for (const v of [-1, 'x']) console.log(show(() => { EventEmitter.defaultMaxListeners = v; }));
console.log(EventEmitter.prototype.on.name, EventEmitter.prototype.addListener.name, EventEmitter.listenerCount.name);
console.log(show(() => ee.emit('error', { message: 'm', [inspect.custom]() { throw new Error('no'); } })));
console.log(show(() => on(ee, 'x', null)));

const et = new EventTarget();
console.log(Object.keys(EventTarget.prototype).join(), Object.keys(Object.getPrototypeOf(et)).length);
console.log(show(() => et.addEventListener(Symbol('s'), () => {})), show(() => et.removeEventListener(Symbol('s'), () => {})));
const stopped = new Event('foo');
stopped.stopImmediatePropagation();
et.addEventListener('foo', () => console.log('not printed'));
console.log('stopped before dispatch', et.dispatchEvent(stopped));

const ac = new AbortController();
console.log(inspect(ac, { depth: 1 }), inspect(ac, { depth: null }), inspect({ a: { b: { c: ac } } }));
console.log(show(() => AbortController.prototype.abort.call({})), Object.getOwnPropertySymbols(ac).length);

async function main() {
  process.nextTick(() => ee.emit('later', 42));
  const [value] = await once(ee, 'later', null);
  console.log('once null options', value);

  // A signal's abort listener that stops propagation does not keep once() from rejecting.
  const ac2 = new AbortController();
  ac2.signal.addEventListener('abort', (e) => e.stopImmediatePropagation(), { once: true });
  process.nextTick(() => ac2.abort());
  await once(new EventTarget(), 'foo', { signal: ac2.signal }).then(() => console.log('resolved'), (e) => console.log('rejected', e.name));

  // AbortSignal.any: listened results fire, unlistened ones do not accumulate.
  const source = new AbortController();
  let fired = 0;
  for (let i = 0; i < 3; i++) AbortSignal.any([source.signal]).addEventListener('abort', () => fired++);
  for (let i = 0; i < 2000; i++) AbortSignal.any([source.signal]);
  await new Promise((resolve) => setTimeout(resolve, 5));
  gc();
  source.abort('why');
  console.log('any fired', fired);

  // AbortSignal.timeout: collected when nothing listens, kept while something does.
  let lone;
  let listened;
  {
    lone = new WeakRef(AbortSignal.timeout(1_200_000));
    listened = new WeakRef(AbortSignal.timeout(1_200_000));
    listened.deref().addEventListener('abort', () => {});
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  gc();
  console.log('timeout signals', lone.deref() === undefined, listened.deref() instanceof AbortSignal);

  // WeakRef targets live at least until the job that made or read them ends.
  const ref = new WeakRef({ a: 1 });
  console.log('same job', ref.deref());
  await null;
  console.log('next microtask', ref.deref());
}
main();
