'use strict';
// events.EventEmitterAsyncResource: the lazy getter on EventEmitter, option validation, the
// resource it makes (type, trigger id, eventEmitter back-reference), listeners running in the
// emitter's creation context (AsyncLocalStorage, executionAsyncId), emitDestroy reaching the
// destroy hook, captureRejections, ERR_INVALID_THIS on foreign receivers, inspect output; and
// EventEmitter's shape mode (a preset `_events` keeps its slots when listeners go).
const events = require('events');
const { EventEmitterAsyncResource, EventEmitter } = events;
const { executionAsyncId, AsyncLocalStorage, createHook } = require('async_hooks');
const util = require('util');

const show = (f) => {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
};

console.log(typeof EventEmitterAsyncResource, EventEmitterAsyncResource.name,
  Object.getPrototypeOf(EventEmitterAsyncResource) === EventEmitter,
  EventEmitterAsyncResource === events.EventEmitterAsyncResource);
console.log(Object.getOwnPropertyDescriptor(EventEmitter, 'EventEmitterAsyncResource'));
console.log(Object.keys(events));
console.log(Object.getOwnPropertyNames(EventEmitterAsyncResource.prototype));
for (const opt of [undefined, {}, { name: 1 }, 'str', { name: 'X' }, null, 5, { name: '' }, [], { name: 'R', requireManualDestroy: true }]) {
  show(() => {
    const e = new EventEmitterAsyncResource(opt);
    return [typeof e.asyncId, e.asyncId > 0, e.asyncResource.constructor.name, e.asyncResource.eventEmitter === e];
  });
}
show(() => new EventEmitterAsyncResource({ name: 'T', triggerAsyncId: 99 }).triggerAsyncId);
show(() => new EventEmitterAsyncResource({ name: 'T', triggerAsyncId: -2 }));
show(() => new EventEmitterAsyncResource({ name: 'T', triggerAsyncId: 'x' }));
show(() => new EventEmitterAsyncResource({ name: 'Q', captureRejections: 1 }));
class Sub extends EventEmitterAsyncResource {}
show(() => {
  const s = new Sub();
  return [s.asyncResource.eventEmitter === s, s instanceof EventEmitter, s.asyncId > 0];
});
show(() => new Sub({ name: 5 }));

const als = new AsyncLocalStorage();
const ee = als.run(42, () => new EventEmitterAsyncResource({ name: 'E' }));
ee.on('x', function listener(a, b) {
  console.log('x', a, b, als.getStore(), this === ee, executionAsyncId() === ee.asyncId);
});
als.run(7, () => console.log('emit returns', ee.emit('x', 1, 2)));
console.log('no listener', ee.emit('nothing'), ee.triggerAsyncId === executionAsyncId());
console.log('outside', executionAsyncId() !== ee.asyncId, als.getStore());

const plain = Object.create(EventEmitterAsyncResource.prototype);
show(() => plain.emit('x'));
show(() => plain.asyncResource);
show(() => plain.asyncId);
show(() => plain.triggerAsyncId);
show(() => plain.emitDestroy());
show(() => Object.create(Object.getPrototypeOf(ee.asyncResource)).eventEmitter);

const seen = [];
const hook = createHook({
  init(id, type) {
    if (type === 'D') seen.push(`init ${type}`);
  },
  destroy(id) {
    if (id === d.asyncId) seen.push('destroy');
  },
}).enable();
const d = new EventEmitterAsyncResource({ name: 'D' });
console.log('emitDestroy returns', d.emitDestroy());

const cr = new EventEmitterAsyncResource({ name: 'C', captureRejections: true });
cr.on('ev', async () => {
  throw new Error('rej');
});
cr.on('error', (e) => console.log('captured', e.message, executionAsyncId() === cr.asyncId));
cr.emit('ev');

console.log(util.inspect(new EventEmitterAsyncResource({ name: 'I' }), { depth: 0 }));
console.log(Object.keys(new EventEmitterAsyncResource({ name: 'K' })));

// Shape mode.
function f() {}
function g() {}
const shaped = Object.create(EventEmitter.prototype);
shaped._events = { __proto__: null, a: undefined, b: undefined };
shaped._eventsCount = 0;
EventEmitter.call(shaped);
console.log(shaped);
shaped.on('a', f);
shaped.on('b', g);
shaped.removeListener('a', f);
console.log(shaped._events, shaped._eventsCount);
shaped.off('b', g);
console.log(shaped._events, shaped._eventsCount);
shaped.on('a', f);
shaped.removeAllListeners('a');
console.log(shaped._events, shaped._eventsCount);
shaped.on('a', f);
shaped.on('a', g);
shaped.removeAllListeners();
console.log(shaped);
console.log(new EventEmitter(), Reflect.ownKeys(new EventEmitter({ captureRejections: true })).map(String));

setImmediate(() => {
  hook.disable();
  console.log(seen);
});
