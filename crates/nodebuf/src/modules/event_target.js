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
/** The max-listeners slot Node's `events.setMaxListeners(n, target)` writes. */
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
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
for (const name of ['initEvent', 'stopImmediatePropagation', 'preventDefault', 'target', 'currentTarget',
  'srcElement', 'type', 'cancelable', 'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue',
  'bubbles', 'composed', 'eventPhase', 'cancelBubble', 'stopPropagation']) {
  const desc = Object.getOwnPropertyDescriptor(Event.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(Event.prototype, name, desc);
}
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
  };
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
    this[kEvents] = new Map();
    this[kMaxEventTargetListeners] = defaultMaxListeners;
    this[kMaxEventTargetListenersWarned] = false;
  }

  addEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('type', 'listener');
    const { once, capture, passive, signal } = flattenOptions(options);
    if (!validateListener(listener)) {
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = typeof type === 'symbol' ? type : `${type}`;
    if (signal !== undefined) {
      const { AbortSignal } = require('internal/abort_controller');
      if (!(signal instanceof AbortSignal)) {
        throw codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
      }
      if (signal.aborted) return;
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { once: true });
    }
    let list = this[kEvents].get(type);
    if (list === undefined) {
      list = [];
      this[kEvents].set(type, list);
    }
    for (const entry of list) {
      if (entry.listener === listener && entry.capture === capture) return;
    }
    list.push({ listener, once, capture, passive, removed: false });
    warnLeak(this, type, list.length);
  }

  removeEventListener(type, listener, options = undefined) {
    checkTarget(this);
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('type', 'listener');
    if (!validateListener(listener)) return;
    type = typeof type === 'symbol' ? type : `${type}`;
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
}

function dispatch(target, event) {
  event[kTarget] = target;
  event[kIsBeingDispatched] = true;
  const list = target[kEvents].get(event.type);
  if (list !== undefined) {
    for (const entry of list.slice()) {
      if (entry.removed) continue;
      if (entry.once) removeEntry(target, event.type, entry.listener, entry.capture);
      try {
        let result;
        if (typeof entry.listener === 'function') {
          result = entry.listener.call(target, event);
        } else {
          const handle = entry.listener.handleEvent;
          if (typeof handle === 'function') result = handle.call(entry.listener, event);
        }
        if (result !== undefined && result !== null && typeof result.then === 'function') {
          Promise.resolve(result).then(undefined, reportError);
        }
      } catch (err) {
        reportError(err);
      }
      if (event[kStop]) break;
    }
  }
  event[kIsBeingDispatched] = false;
}

/** `events.getEventListeners(target, type)` for an EventTarget: the listeners in order. */
function listenersOf(target, type) {
  const list = target[kEvents].get(typeof type === 'symbol' ? type : `${type}`);
  return list === undefined ? [] : list.map((entry) => entry.listener);
}

/** Node's `on<type>` attribute (e.g. `AbortSignal#onabort`): one listener slot per type. */
function defineEventHandler(proto, type) {
  const slot = Symbol(`on${type}`);
  Object.defineProperty(proto, `on${type}`, {
    get() { return this[slot] === undefined ? null : this[slot].handler; },
    set(value) {
      if (this[slot] !== undefined) {
        this.removeEventListener(type, this[slot].wrapper);
        this[slot] = undefined;
      }
      if (typeof value === 'function' || (value !== null && typeof value === 'object')) {
        const state = { handler: value, wrapper: undefined };
        state.wrapper = function (event) {
          const handler = state.handler;
          if (typeof handler === 'function') return handler.call(this, event);
          return undefined;
        };
        this[slot] = state;
        this.addEventListener(type, state.wrapper);
      }
    },
    enumerable: true,
    configurable: true,
  });
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
  isEventTarget,
  listenersOf,
  defineEventHandler,
  kTrusted,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
  get defaultMaxListeners() { return defaultMaxListeners; },
  set defaultMaxListeners(n) { defaultMaxListeners = n; },
};
