// `Event` and `EventTarget` as Node v20 exposes them: WHATWG's dispatch reduced to one target
// (no tree, so no capture/bubble phases), listener options `once`/`capture`/`passive`/`signal`,
// listener objects with `handleEvent`, listener errors reported as uncaught exceptions on the
// next tick, and Node's per-target max-listeners warning.
'use strict';

const { codes, makeNodeError } = require('internal/errors');

const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kStop = Symbol('kStop');
const kTarget = Symbol('kTarget');
const kTrusted = Symbol('kTrusted');
/** Internal: the listeners of a target, `Map<type, entry[]>`. Read by `events.getEventListeners`. */
const kEvents = Symbol('kEvents');
/** The max-listeners slot Node's `events.setMaxListeners(n, target)` writes (the symbols are
 * `EventEmitter`'s statics, as in Node). */
const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = require('events');
/** The `on<type>` handlers of a target (`Map<type, state>`), as Node keeps them. */
const kHandlers = Symbol('kHandlers');
/** Called with (size, type, listener, once, capture, passive, weak) after a listener was added. */
const kNewListener = Symbol('kNewListener');
/** Called with (size, type, listener, capture) after a listener was removed. */
const kRemoveListener = Symbol('kRemoveListener');
/** An `addEventListener` option marking a listener added by NodeEventTarget#on/once: it is
 * called with the dispatch's Node value (emit's argument, a message's data) instead of the
 * event. */
const kNodeStyle = Symbol('kNodeStyle');

// Node's primordial Map subclass: its listener and handler maps print as `SafeMap(n) [Map]`.
class SafeMap extends Map {}
const customInspect = Symbol.for('nodejs.util.inspect.custom');

let defaultMaxListeners = 10;

function now() {
  return globalThis.performance.now();
}

function isEvent(value) {
  return value !== null && typeof value === 'object' && value[kStop] !== undefined;
}

function checkEvent(value) {
  if (!isEvent(value)) throw codes.ERR_INVALID_THIS('Event');
}

/** WHATWG `Event` on Node's terms: getters check their receiver (ERR_INVALID_THIS). */
class Event {
  #type;
  #cancelable;
  #bubbles;
  #composed;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;

  constructor(type, options = null) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('type');
    if (options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    this.#cancelable = !!(options && options.cancelable);
    this.#bubbles = !!(options && options.bubbles);
    this.#composed = !!(options && options.composed);
    this.#type = `${type}`;
    this[kTrusted] = !!(options && options[kTrusted]);
    this[kStop] = false;
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('type');
    if (this[kIsBeingDispatched]) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [customInspect](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
    return `${name} ${inspect({
      type: this.#type,
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, opts)}`;
  }

  stopImmediatePropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
    this[kStop] = true;
  }

  preventDefault() {
    checkEvent(this);
    this.#defaultPrevented = true;
  }

  get target() {
    checkEvent(this);
    return this[kTarget];
  }

  get currentTarget() {
    checkEvent(this);
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }

  get srcElement() {
    checkEvent(this);
    return this[kTarget];
  }

  get type() {
    checkEvent(this);
    return this.#type;
  }

  get cancelable() {
    checkEvent(this);
    return this.#cancelable;
  }

  get defaultPrevented() {
    checkEvent(this);
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    checkEvent(this);
    return this.#timestamp;
  }

  composedPath() {
    checkEvent(this);
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }

  get returnValue() {
    checkEvent(this);
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    checkEvent(this);
    return this.#bubbles;
  }

  get composed() {
    checkEvent(this);
    return this.#composed;
  }

  get eventPhase() {
    checkEvent(this);
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    checkEvent(this);
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    checkEvent(this);
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    checkEvent(this);
    this.#propagationStopped = true;
  }

  get isTrusted() {
    checkEvent(this);
    return this[kTrusted];
  }
}

for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { value, enumerable: true, writable: false, configurable: false });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: 'Event', configurable: true });
makeEnumerable(Event.prototype, ['initEvent', 'stopImmediatePropagation', 'preventDefault', 'target',
  'currentTarget', 'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath',
  'returnValue', 'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'stopPropagation']);
{
  const desc = Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted');
  Object.defineProperty(Event.prototype, 'isTrusted', { get: desc.get, enumerable: true, configurable: false });
}

function isEventTarget(value) {
  return value !== null && typeof value === 'object' && value[kEvents] !== undefined;
}

function checkTarget(value) {
  if (!isEventTarget(value)) throw codes.ERR_INVALID_THIS('EventTarget');
}

function validateListener(listener) {
  if (typeof listener === 'function' ||
      (listener !== null && typeof listener === 'object' && typeof listener.handleEvent === 'function')) {
    return true;
  }
  if (listener == null) return false;
  if (typeof listener === 'object') return true; // handleEvent is looked up at dispatch time
  throw codes.ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

// A listener option of Node's internals: the listener runs even after a listener before it
// stopped the event (a signal's removal of the listeners it guards).
const kResistStopPropagation = Symbol('kResistStopPropagation');

function flattenOptions(options) {
  if (options == null) return { once: false, capture: false, passive: false, signal: undefined };
  if (typeof options === 'boolean') return { once: false, capture: options, passive: false, signal: undefined };
  if (typeof options !== 'object' && typeof options !== 'function') {
    throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    nodeStyle: options[kNodeStyle] === true,
    resistStopPropagation: options[kResistStopPropagation] === true,
    weak: options[kWeakHandler],
  };
}

// Node's internal kWeakHandler option: the listener is held weakly, kept alive only by the
// option's object (as long as that lives), so a listener nothing else needs can be collected
// (AbortSignal.any's dependent signals); a collected listener is skipped and dropped.
const kWeakHandler = Symbol('kWeak');
const weakRetainers = new WeakMap();

/** One registration; a weak one's `listener` reads through its WeakRef. */
function makeEntry(listener, once, capture, passive, nodeStyle, resistStopPropagation, weak) {
  const entry = { listener, once, capture, passive, nodeStyle, resistStopPropagation, removed: false, callback: undefined };
  if (weak !== null && (typeof weak === 'object' || typeof weak === 'function')) {
    weakRetainers.set(weak, listener);
    const ref = new WeakRef(listener);
    Object.defineProperty(entry, 'listener', { get: () => ref.deref(), enumerable: true });
  }
  return entry;
}

function reportError(err) {
  process.nextTick(() => { throw err; });
}

function warnLeak(target, type, size) {
  const max = target[kMaxEventTargetListeners];
  if (max > 0 && size > max && !target[kMaxEventTargetListenersWarned]) {
    target[kMaxEventTargetListenersWarned] = true;
    const w = new Error(`Possible EventTarget memory leak detected. ${size} ${String(type)} listeners added to ` +
      `${require('internal/inspect').inspect(target, { depth: -1 })}. MaxListeners is ${max}. ` +
      'Use events.setMaxListeners() to increase limit');
    w.name = 'MaxListenersExceededWarning';
    w.target = target;
    w.type = type;
    w.count = size;
    process.emitWarning(w);
  }
}

/** WHATWG `EventTarget` with Node's listener validation and warnings. */
class EventTarget {
  constructor() {
    initEventTarget(this);
  }

  addEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('type', 'listener');
    const { once, capture, passive, signal, nodeStyle, resistStopPropagation, weak } = flattenOptions(options);
    if (!validateListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = toDOMString(type);
    if (signal !== undefined) {
      const { AbortSignal } = require('internal/abort_controller');
      if (!(signal instanceof AbortSignal)) {
        throw codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
      }
      if (signal.aborted) return;
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { once: true, [kResistStopPropagation]: true });
    }
    let list = this[kEvents].get(type);
    if (list === undefined) {
      list = [];
      this[kEvents].set(type, list);
    }
    for (const entry of list) {
      if (entry.listener === listener && entry.capture === capture) return;
    }
    list.push(makeEntry(listener, once, capture, passive, nodeStyle, resistStopPropagation, weak));
    this[kNewListener](list.length, type, listener, once, capture, passive, weak);
  }

  [kNewListener](size, type) {
    warnLeak(this, type, size);
  }

  [kRemoveListener]() {}

  removeEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('type', 'listener');
    if (!validateListener(listener)) return;
    type = toDOMString(type);
    const capture = options != null && typeof options === 'object' ? Boolean(options.capture) : Boolean(options);
    removeEntry(this, type, listener, capture);
  }

  dispatchEvent(event) {
    checkTarget(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) throw codes.ERR_INVALID_ARG_TYPE('event', 'Event', event);
    if (event[kIsBeingDispatched]) {
      throw makeNodeError(Error, 'ERR_EVENT_RECURSION', `The event "${event.type}" is already being dispatched`);
    }
    dispatch(this, event);
    return event.defaultPrevented !== true;
  }

  [customInspect](depth, options, inspect) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, options)}`;
  }
}

Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: 'EventTarget', configurable: true });
makeEnumerable(EventTarget.prototype, ['addEventListener', 'removeEventListener', 'dispatchEvent']);

/** Node defines its event classes' methods and accessors enumerable
 * (`Object.keys(EventTarget.prototype)`). */
function makeEnumerable(proto, names) {
  for (const name of names) {
    Object.defineProperty(proto, name, { ...Object.getOwnPropertyDescriptor(proto, name), enumerable: true });
  }
}

// Drops one registration. A `once` listener goes this way when it fires, as in Node: without
// calling the target's (possibly replaced) `removeEventListener`.
function removeEntry(target, type, listener, capture) {
  const list = target[kEvents].get(type);
  if (list === undefined) return;
  const index = list.findIndex((entry) => entry.listener === listener && entry.capture === capture);
  if (index === -1) return;
  list[index].removed = true;
  list.splice(index, 1);
  if (list.length === 0) target[kEvents].delete(type);
  target[kRemoveListener](list.length, type, listener, capture);
}

/** WebIDL's DOMString conversion of an event type, as Node's (a Symbol is refused). */
function toDOMString(type) {
  if (typeof type === 'symbol') throw codes.ERR_INVALID_ARG_VALUE('value', type);
  return `${type}`;
}

function dispatch(target, event) {
  dispatchHybrid(target, event, event.type, event);
}

/**
 * Node's hybrid dispatch: listeners added with `on`/`once` (node style) get `nodeValue`, the
 * others an event, made by `makeEvent` the first time one is needed (or `event` itself when
 * one was given, as `dispatchEvent` does). All run in registration order.
 */
function dispatchHybrid(target, nodeValue, type, event, makeEvent = undefined) {
  const madeHere = event === undefined;
  const eventOf = () => {
    if (event === undefined) {
      event = makeEvent();
      event[kTarget] = target;
      event[kIsBeingDispatched] = true;
    }
    return event;
  };
  if (!madeHere) {
    event[kTarget] = target;
    event[kIsBeingDispatched] = true;
  }
  const list = target[kEvents].get(type);
  if (list !== undefined) {
    for (const entry of list.slice()) {
      if (entry.removed) continue;
      // An event stopped before (or during) dispatch reaches no further listener but a
      // passive one or one that resists the stop, as in Node.
      if (event !== undefined && event[kStop] && !entry.passive && !entry.resistStopPropagation) break;
      if (entry.listener === undefined) {
        // A weak listener that was collected.
        removeEntry(target, type, undefined, entry.capture);
        continue;
      }
      if (entry.once) removeEntry(target, type, entry.listener, entry.capture);
      try {
        let result;
        if (entry.nodeStyle) {
          result = entry.listener.call(target, nodeValue);
        } else if (typeof entry.listener === 'function') {
          result = entry.listener.call(target, eventOf());
        } else {
          const handle = entry.listener.handleEvent;
          if (typeof handle === 'function') result = handle.call(entry.listener, eventOf());
        }
        if (result !== undefined && result !== null && typeof result.then === 'function') {
          Promise.resolve(result).then(undefined, reportError);
        }
      } catch (err) {
        reportError(err);
      }
    }
  }
  if (event !== undefined) event[kIsBeingDispatched] = false;
}

function initEventTarget(target) {
  target[kEvents] = new SafeMap();
  target[kMaxEventTargetListeners] = defaultMaxListeners;
  target[kMaxEventTargetListenersWarned] = false;
  target[kHandlers] = new SafeMap();
}

function checkNodeTarget(value) {
  if (!isEventTarget(value) || typeof value.emit !== 'function') throw codes.ERR_INVALID_THIS('NodeEventTarget');
}

/**
 * Node's NodeEventTarget (the base of MessagePort): an EventTarget with EventEmitter-like
 * methods. `on`/`addListener`/`once` add node-style listeners, which receive emit's argument
 * (or a message's data) instead of an event; `emit(type, arg)` dispatches a CustomEvent whose
 * `detail` is `arg` to the others.
 */
class NodeEventTarget extends EventTarget {
  setMaxListeners(n = defaultMaxListeners) {
    checkNodeTarget(this);
    if (typeof n !== 'number') throw codes.ERR_INVALID_ARG_TYPE('setMaxListeners', 'number', n);
    if (n < 0 || Number.isNaN(n)) throw codes.ERR_OUT_OF_RANGE('setMaxListeners', '>= 0', n);
    this[kMaxEventTargetListeners] = n;
    this[kMaxEventTargetListenersWarned] = false;
  }

  getMaxListeners() {
    checkNodeTarget(this);
    return this[kMaxEventTargetListeners];
  }

  eventNames() {
    checkNodeTarget(this);
    return [...this[kEvents].keys()];
  }

  listenerCount(type) {
    checkNodeTarget(this);
    const list = this[kEvents].get(typeof type === 'symbol' ? type : `${type}`);
    return list === undefined ? 0 : list.length;
  }

  off(type, listener, options) {
    checkNodeTarget(this);
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    checkNodeTarget(this);
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    checkNodeTarget(this);
    this.addEventListener(type, listener, { [kNodeStyle]: true });
    return this;
  }

  addListener(type, listener) {
    checkNodeTarget(this);
    this.addEventListener(type, listener, { [kNodeStyle]: true });
    return this;
  }

  emit(type, arg) {
    checkNodeTarget(this);
    if (typeof type !== 'string') throw codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
    const hadListeners = this.listenerCount(type) > 0;
    const { CustomEvent: Custom } = module.exports;
    dispatchHybrid(this, arg, type, undefined, () => new Custom(type, { detail: arg }));
    return hadListeners;
  }

  once(type, listener) {
    checkNodeTarget(this);
    this.addEventListener(type, listener, { once: true, [kNodeStyle]: true });
    return this;
  }

  removeAllListeners(type) {
    checkNodeTarget(this);
    if (type === undefined) {
      for (const [name, list] of [...this[kEvents]]) {
        for (const entry of list.slice()) removeEntry(this, name, entry.listener, entry.capture);
      }
    } else {
      const name = typeof type === 'symbol' ? type : `${type}`;
      const list = this[kEvents].get(name);
      if (list !== undefined) {
        for (const entry of list.slice()) removeEntry(this, name, entry.listener, entry.capture);
      }
    }
    return this;
  }
}
makeEnumerable(NodeEventTarget.prototype, ['setMaxListeners', 'getMaxListeners', 'eventNames',
  'listenerCount', 'off', 'removeListener', 'on', 'addListener', 'emit', 'once', 'removeAllListeners']);

// Node's listener flag bits, for the display of listener lists.
const kFlagOnce = 1;
const kFlagCapture = 2;
const kFlagPassive = 4;
const kFlagNodeStyle = 8;

// How Node's inspect shows a listener: its `Listener` linked-list node.
class Listener {}

/**
 * The listeners of `target` in the shape Node keeps them (a `SafeMap` from type to a list head
 * `{ size, next, resistStopPropagation }` whose `Listener` nodes link back), for inspect output
 * that matches Node's (MessagePort shows its listener map).
 */
function listenersForDisplay(target) {
  const out = new SafeMap();
  for (const [type, list] of target[kEvents]) {
    const head = { size: list.length, next: undefined, resistStopPropagation: false };
    let previous = head;
    for (const entry of list) {
      const node = new Listener();
      node.next = undefined;
      node.previous = previous;
      node.listener = entry.listener;
      node.flags = (entry.once ? kFlagOnce : 0) | (entry.capture ? kFlagCapture : 0) |
        (entry.passive ? kFlagPassive : 0) | (entry.nodeStyle ? kFlagNodeStyle : 0);
      if (entry.callback === undefined) {
        // Node calls a listener object through an async wrapper of its handleEvent.
        entry.callback = typeof entry.listener === 'function' ? entry.listener
          : async (...args) => {
            if (typeof entry.listener.handleEvent === 'function') await entry.listener.handleEvent(...args);
          };
      }
      node.callback = entry.callback;
      previous.next = node;
      previous = node;
    }
    out.set(type, head);
  }
  return out;
}

/** `events.getEventListeners(target, type)` for an EventTarget: the listeners in order. */
function listenersOf(target, type) {
  const list = target[kEvents].get(typeof type === 'symbol' ? type : `${type}`);
  return list === undefined ? [] : list.map((entry) => entry.listener).filter((l) => l !== undefined);
}

/** Node's `on<type>` attribute (e.g. `AbortSignal#onabort`): one listener slot per type. */
function defineEventHandler(proto, handlerName, type = handlerName) {
  const name = `on${handlerName}`;
  const handlers = (target) => {
    if (!isEventTarget(target)) throw codes.ERR_INVALID_ARG_TYPE('this', 'EventTarget', target);
    if (target[kHandlers] === undefined) target[kHandlers] = new SafeMap();
    return target[kHandlers];
  };
  // Accessors named as Node's (`get onmessage`).
  const accessors = {
    get [name]() {
      const state = handlers(this).get(type);
      return state === undefined ? null : state.handler;
    },
    set [name](value) {
      const map = handlers(this);
      const current = map.get(type);
      const usable = typeof value === 'function' || (value !== null && typeof value === 'object');
      if (current !== undefined && usable) {
        // A new handler takes the old one's place among the listeners, as in Node.
        current.handler = value;
        return;
      }
      if (current !== undefined) {
        this.removeEventListener(type, current.wrapper);
        map.delete(type);
      }
      if (usable) {
        const state = { handler: value, wrapper: undefined };
        state.wrapper = function (event) {
          const handler = state.handler;
          if (typeof handler === 'function') return handler.call(this, event);
          return undefined;
        };
        map.set(type, state);
        this.addEventListener(type, state.wrapper);
      }
    },
  };
  Object.defineProperty(proto, name, { ...Object.getOwnPropertyDescriptor(accessors, name), enumerable: true, configurable: true });
}

// CustomEvent: an Event carrying the `detail` its options gave (null without one).
class CustomEvent extends Event {
  #detail;

  constructor(type, options = null) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!(this instanceof CustomEvent) || !(#detail in this)) throw codes.ERR_INVALID_THIS('CustomEvent');
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, { value: 'CustomEvent', configurable: true });
Object.defineProperty(CustomEvent.prototype, 'detail', {
  ...Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail'), enumerable: true,
});

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  NodeEventTarget,
  SafeMap,
  dispatchHybrid,
  listenersForDisplay,
  initEventTarget,
  kEvents,
  kHandlers,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
  makeEnumerable,
  isEventTarget,
  listenersOf,
  defineEventHandler,
  kTrusted,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
  get defaultMaxListeners() { return defaultMaxListeners; },
  set defaultMaxListeners(n) { defaultMaxListeners = n; },
};
