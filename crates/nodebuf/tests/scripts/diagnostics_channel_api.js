// diagnostics_channel: channels by string and symbol name (the same object while referenced),
// the inactive/active prototype switch, publish order and a throwing subscriber (reported as an
// uncaught exception on the next tick, the others still called), unsubscribe results,
// bindStore/runStores with AsyncLocalStorage (transforms, a throwing transform, nesting order),
// TracingChannel (traceSync, tracePromise, traceCallback with their context objects and event
// order), argument errors, and the module's shape.
'use strict';
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
const util = require('util');

const errors = [];
process.on('uncaughtException', (e) => errors.push(e.message));
const show = (label, fn) => {
  try {
    console.log(label, util.inspect(fn(), { depth: 3, breakLength: Infinity }));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
};
console.log(Object.keys(dc), require('node:diagnostics_channel') === dc);
console.log(Object.getOwnPropertyNames(dc.Channel.prototype), dc.Channel.length, Object.getOwnPropertySymbols(dc.Channel).map(String));
for (const name of ['channel', 'hasSubscribers', 'subscribe', 'unsubscribe', 'tracingChannel']) console.log(name, dc[name].length);

const a = dc.channel('a');
show('same', () => [a === dc.channel('a'), a instanceof dc.Channel, Object.getPrototypeOf(a) === dc.Channel.prototype]);
show('inactive', () => [a, Object.keys(a), a.hasSubscribers, dc.hasSubscribers('a'), a.unsubscribe(() => {}), a.unbindStore({})]);
show('inactive publish', () => a.publish({ x: 1 }));
show('inactive runStores', () => a.runStores(1, function (x, y) { return [this, x, y]; }, 'self', 2, 3));
const log = (tag) => (message, name) => console.log(tag, util.inspect(message), String(name));
const s1 = log('s1');
const s2 = log('s2');
a.subscribe(s1);
dc.subscribe('a', s2);
show('active', () => [Object.getPrototypeOf(a).constructor.name, a instanceof dc.Channel, a.hasSubscribers, dc.hasSubscribers('a'), a._subscribers.length]);
show('active proto', () => Object.getOwnPropertyNames(Object.getPrototypeOf(a)));
a.publish({ n: 1 });
a.subscribe(() => {
  throw new Error('subscriber failed');
});
a.subscribe(log('s4'));
a.publish('second');
show('unsubscribe', () => [a.unsubscribe(s1), a.unsubscribe(s1), dc.unsubscribe('a', s2), dc.unsubscribe('nope', s2)]);
a._subscribers.slice().forEach((fn) => a.unsubscribe(fn));
show('inactive again', () => [Object.getPrototypeOf(a) === dc.Channel.prototype, a._subscribers, a._stores]);
const sym = Symbol('sym');
const symChannel = dc.channel(sym);
symChannel.subscribe(log('sym'));
symChannel.publish(42);
show('symbol', () => [symChannel.name === sym, dc.hasSubscribers(sym), dc.channel(sym) === symChannel]);
const made = new dc.Channel('made');
show('constructed', () => [made === dc.channel('made'), made]);
for (const bad of [1, null, undefined, {}]) show(`channel ${String(bad)}`, () => dc.channel(bad));
show('subscribe bad', () => dc.subscribe('b', 1));
show('subscribe bad active', () => a.subscribe(null));

// Stores.
const store1 = new AsyncLocalStorage();
const store2 = new AsyncLocalStorage();
const storeChannel = dc.channel('stores');
storeChannel.bindStore(store1);
storeChannel.bindStore(store2, (message) => ({ wrapped: message }));
storeChannel.subscribe((message) => console.log('published inside', util.inspect(store1.getStore()), util.inspect(store2.getStore()), message));
show('runStores', () => storeChannel.runStores('msg', function (x) {
  return [store1.getStore(), store2.getStore(), this, x];
}, { self: true }, 'arg'));
show('after', () => [store1.getStore(), store2.getStore()]);
const logging = (tag) => ({ run(value, fn) {
  console.log('enter', tag, util.inspect(value));
  try {
    return fn();
  } finally {
    console.log('leave', tag);
  }
} });
const nested = dc.channel('nested');
nested.bindStore(logging('first'));
nested.bindStore(logging('second'), (m) => `t(${m})`);
nested.bindStore(logging('third'), () => {
  throw new Error('transform failed');
});
show('nested', () => nested.runStores('m', () => 'result'));
show('unbind', () => [nested.unbindStore(store1), storeChannel.unbindStore(store1), storeChannel.unbindStore(store1)]);

// Tracing.
const tc = dc.tracingChannel('work');
show('tracing shape', () => [Object.keys(tc), Object.getOwnPropertyNames(tc), Object.getOwnPropertyNames(Object.getPrototypeOf(tc)), tc.start.name, tc.hasSubscribers]);
show('tracing descriptor', () => Object.getOwnPropertyDescriptor(tc, 'asyncEnd'));
show('untraced sync', () => tc.traceSync((x) => x + 1, {}, null, 1));
show('untraced promise', () => tc.tracePromise(() => 5));
show('untraced callback', () => tc.traceCallback(() => 'cb', 0, {}, null, 5));
const handlers = {};
for (const event of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
  // (An error in the context is shown by its message: stack frame names are not compared.)
  handlers[event] = (ctx) => console.log(event, util.inspect({ ...ctx, error: ctx.error?.message }, { breakLength: Infinity }));
}
tc.subscribe(handlers);
show('traced sync', () => tc.traceSync(function (x) { return [this, x * 2]; }, { id: 1 }, 'this', 21));
show('traced throw', () => tc.traceSync(() => {
  throw new Error('sync failed');
}, { id: 2 }));
show('traced callback bad', () => tc.traceCallback(() => {}, 0, {}, null, 5));
show('subscribe bad handler', () => tc.subscribe({ start: 5 }));
show('tracing bad', () => dc.tracingChannel(1));
show('tracing bad channel', () => dc.tracingChannel({ start: 5 }));
show('tracing from channels', () => {
  const t = dc.tracingChannel({ start: dc.channel('c1'), end: dc.channel('c2'), asyncStart: dc.channel('c3'), asyncEnd: dc.channel('c4'), error: dc.channel('c5') });
  return [t.start.name, t.error.name, dc.tracingChannel(tc) === tc, dc.tracingChannel(tc).start === tc.start];
});

async function main() {
  // (The promises themselves are not printed: node shows its async hook fields on them.)
  show('traced promise', () => tc.tracePromise(async (x) => x * 3, { id: 3 }, null, 7) instanceof Promise);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const rejected = tc.tracePromise(async () => {
    throw new Error('async failed');
  }, { id: 4 });
  await rejected.catch((e) => console.log('rejected with', e.message));
  show('thenable', () => tc.tracePromise(() => ({ then(resolve) { resolve('thenable'); } }), { id: 5 }) instanceof Promise);
  await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => {
    tc.traceCallback((value, cb) => setTimeout(() => cb(null, value), 1), 1, { id: 6 }, null, 'v', (err, value) => {
      console.log('callback got', err, value);
      resolve();
    });
  });
  await new Promise((resolve) => {
    tc.traceCallback((cb) => setTimeout(() => cb(new Error('cb failed')), 1), -1, { id: 7 }, null, (err) => {
      console.log('callback error', err.message);
      resolve();
    });
  });
  show('unsubscribe tracing', () => [tc.unsubscribe(handlers), tc.unsubscribe(handlers), tc.unsubscribe({}), tc.hasSubscribers]);
  await new Promise((resolve) => setImmediate(resolve));
  console.log('uncaught', errors);
}
main();
