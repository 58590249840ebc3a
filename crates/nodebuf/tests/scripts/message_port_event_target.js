// MessagePort as Node v20 has it: a NodeEventTarget (EventTarget plus on/once/off/emit...),
// messages as MessageEvent to event listeners and `onmessage` but as data to `on('message')`,
// listeners of both styles in registration order, 'message' listeners starting and ref'ing the
// port, `close` as a MessagePortCloseEvent in the loop's close phase; the MessageEvent global;
// inspect output of ports. Seeded rounds (NODEBUF_SEED, NODEBUF_DIFF_CASES) register random
// listener mixes, post random messages and print what every listener saw, in order.
'use strict';
const util = require('util');

let seed = Number(process.env.NODEBUF_SEED || 20261206) >>> 0;
const rounds = Number(process.env.NODEBUF_DIFF_CASES || 60);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const log = (...args) => console.log(...args);
const tryLog = (label, fn) => {
  try {
    log(label, fn());
  } catch (err) {
    log(label, 'threw', err.name, err.code, err.message);
  }
};
// Event timestamps differ run to run.
const show = (value, options) => util.inspect(value, options).replace(/timeStamp: [\d.]+/g, 'timeStamp: T');

// --- shape -----------------------------------------------------------------------------------
{
  const { port1, port2 } = new MessageChannel();
  const chain = [];
  for (let p = port1; p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    chain.push([p.constructor.name, Object.getOwnPropertyNames(p)]);
  }
  log(chain);
  log(Object.keys(port1), Object.getOwnPropertySymbols(port1).map(String));
  log(Object.prototype.toString.call(port1), port1 instanceof EventTarget, typeof MessageEvent);
  log(show(port1, { depth: 0 }));
  log(show(port1, { depth: 6 }));
  log(show({ nested: port1 }));
  tryLog('new MessagePort', () => new MessagePort());
  tryLog('on wrong this', () => MessagePort.prototype.on.call({}, 'x', () => {}));
  for (const name of ['postMessage', 'start', 'close', 'ref', 'unref', 'hasRef']) {
    tryLog(`${name} wrong this`, () => MessagePort.prototype[name].call({}, 1));
  }
  tryLog('onmessage wrong this', () => Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage').get.call({}));
  log(Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage'));
  tryLog('emit number type', () => port1.emit(1));
  for (const n of [3, 0, -1, NaN, 'x', undefined]) {
    tryLog(`setMaxListeners(${String(n)})`, () => [port1.setMaxListeners(n), port1.getMaxListeners()]);
  }
  port1.close();
  port2.close();
}

// --- NodeEventTarget methods -------------------------------------------------------------------
{
  const { port1 } = new MessageChannel();
  const f = function named(...args) { log('f', this === port1, args.length, show(args[0], { depth: 0 })); };
  log(port1.on('x', f) === port1, port1.on('x', f) === port1, port1.listenerCount('x'));
  port1.addEventListener('x', f);
  log(port1.listenerCount('x'), port1.eventNames());
  log('emit', port1.emit('x', 1, 2, 3), port1.emit('nobody', 1));
  port1.addEventListener('y', (e) => log('y event', e.constructor.name, e.detail, e.type));
  port1.once('y', (v) => log('y once', v));
  log('emit y', port1.emit('y', { d: 1 }), port1.listenerCount('y'));
  log('emit y again', port1.emit('y', 2), port1.listenerCount('y'));
  port1.dispatchEvent(new Event('x'));
  port1.dispatchEvent(new MessageEvent('x', { data: 5 }));
  log(port1.off('x', f) === port1, port1.listenerCount('x'), port1.removeListener('x', f) === port1);
  port1.on('z', f).addListener('z', () => {}).on('w', f);
  log(port1.eventNames(), port1.removeAllListeners('z') === port1, port1.eventNames());
  port1.removeAllListeners();
  log(port1.eventNames(), port1.hasRef());
  port1.close();
}

// --- MessageEvent ------------------------------------------------------------------------------
{
  const { port1, port2 } = new MessageChannel();
  log(Object.getOwnPropertyNames(MessageEvent.prototype), MessageEvent.length, MessageEvent.name);
  log(Object.getPrototypeOf(MessageEvent) === Event, Object.getPrototypeOf(MessageEvent.prototype) === Event.prototype);
  log(Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data').enumerable,
    Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data').get.name);
  const inits = [undefined, {}, { data: { a: [1] } }, { data: undefined }, { origin: 5, lastEventId: 7 },
    { origin: null }, { ports: [] }, { ports: new Set([port1]) }, { ports: [port1, 1] }, { ports: null },
    { ports: 1 }, { source: port2 }, { source: null }, { source: {} }, { bubbles: true, cancelable: true }, 5, null];
  for (const init of inits) {
    tryLog(`init ${show(init, { depth: 0 })}`, () => {
      const e = new MessageEvent('m', init);
      return [e.type, e.data, e.origin, e.lastEventId, e.source === null ? null : e.source === port2,
        e.ports.length, Array.isArray(e.ports), Object.isFrozen(e.ports), e.bubbles, e.cancelable];
    });
  }
  tryLog('no type', () => new MessageEvent().type);
  for (const name of ['data', 'origin', 'lastEventId', 'source', 'ports']) {
    tryLog(`${name} on wrong this`, () => Object.getOwnPropertyDescriptor(MessageEvent.prototype, name).get.call({}));
  }
  log(show(new MessageEvent('m', { data: 1 })), Object.prototype.toString.call(new MessageEvent('m')));
  port1.close();
  port2.close();
}

// --- refs ------------------------------------------------------------------------------------
{
  const { port1, port2 } = new MessageChannel();
  const f = () => {};
  const states = [port1.hasRef()];
  states.push(port1.ref(), port1.hasRef(), port1.unref(), port1.hasRef());
  port1.on('message', f);
  states.push(port1.hasRef());
  port1.unref();
  states.push(port1.hasRef());
  port1.off('message', f);
  port1.addEventListener('message', f);
  states.push(port1.hasRef());
  port1.removeEventListener('message', f);
  states.push(port1.hasRef());
  port1.onmessage = f;
  states.push(port1.hasRef(), typeof port1.onmessage, port1.onmessageerror);
  port1.onmessage = null;
  states.push(port1.hasRef(), port1.onmessage);
  port1.once('message', f);
  states.push(port1.hasRef(), port1.listenerCount('message'));
  log('refs', states);
  port2.postMessage('once');
  setImmediate(() => {
    log('after once', port1.hasRef(), port1.listenerCount('message'));
    port1.close();
    log('closing', port1.hasRef());
  });
}

// --- seeded rounds: listener mixes, messages, close ---------------------------------------------
const kinds = ['on', 'once', 'ael', 'aelOnce', 'onmessage', 'handleEvent', 'off'];
const messages = [1, 'two', { three: [3] }, null, undefined, [1, 2], new Map([[1, 2]]), 2n, -0, new Uint8Array([9])];

function round(index) {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    const seen = [];
    const listeners = [];
    const count = 1 + rand(4);
    for (let i = 0; i < count; i++) {
      const kind = kinds[rand(kinds.length)];
      const tag = `${kind}${i}`;
      const record = (arg) => {
        const isEvent = arg instanceof Event;
        seen.push(`${tag}:${isEvent ? `${arg.constructor.name}(${show(arg.data, { depth: 0 })},${arg.ports.length})` : show(arg, { depth: 0 })}`);
      };
      if (kind === 'on') port2.on('message', record);
      else if (kind === 'once') port2.once('message', record);
      else if (kind === 'ael') port2.addEventListener('message', record);
      else if (kind === 'aelOnce') port2.addEventListener('message', record, { once: true });
      else if (kind === 'onmessage') port2.onmessage = record;
      else if (kind === 'handleEvent') port2.addEventListener('message', { handleEvent: record });
      else if (kind === 'off' && listeners.length > 0) port2.off('message', listeners[rand(listeners.length)]);
      listeners.push(record);
    }
    port2.on('close', (event) => {
      seen.push(`close:${event.constructor.name}`);
      log(`round ${index}: ${port2.listenerCount('message')} ${seen.join(' ')}`);
      resolve();
    });
    const posts = 1 + rand(4);
    for (let i = 0; i < posts; i++) {
      const value = messages[rand(messages.length)];
      if (rand(4) === 0) {
        const extra = new MessageChannel();
        port1.postMessage({ value, port: extra.port1 }, [extra.port1]);
        extra.port2.close();
      } else {
        port1.postMessage(value);
      }
    }
    // The listeners may have left the port unstarted: close from a later turn either way.
    setImmediate(() => {
      port1.close();
      if (port2.listenerCount('message') === 0) port2.start();
    });
  });
}

setTimeout(async () => {
  for (let i = 0; i < rounds; i++) await round(i);
  // The close phase: after the immediates of the turn that closed the port.
  const { port1, port2 } = new MessageChannel();
  port1.on('close', (e) => log('close', e.type, e.constructor.name, Object.getPrototypeOf(e.constructor) === Event, e.target === port1));
  port1.addEventListener('close', () => log('close listener'));
  port1.close();
  port1.close();
  log('closed', port1.hasRef());
  process.nextTick(() => log('tick'));
  Promise.resolve().then(() => log('microtask'));
  setImmediate(() => log('immediate'));
  port2.on('message', () => {});
  port2.on('close', () => {
    log('peer close', port2.hasRef());
    tryLog('post after close', () => port1.postMessage('x'));
    log(show(port2, { depth: 0 }).split('\n').slice(0, 3).join(' '));
  });
}, 20);

// Delivery after start(): in the next poll phase (after ticks and microtasks, before
// immediates), one message after another with ticks between.
{
  const { port1, port2 } = new MessageChannel();
  const order = [];
  port1.postMessage('a');
  port1.postMessage('b');
  port2.on('message', (m) => {
    order.push(`message ${m}`);
    process.nextTick(() => order.push(`tick after ${m}`));
    Promise.resolve().then(() => order.push(`microtask after ${m}`));
  });
  process.nextTick(() => order.push('tick'));
  Promise.resolve().then(() => order.push('microtask'));
  setImmediate(() => {
    order.push('immediate');
    log('start order', order.join(', '));
    port2.close();
  });
}
