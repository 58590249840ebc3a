// EventEmitter with Node's observable behaviour: listener order, once wrappers, 'newListener' /
// 'removeListener' events, the 'error' event rule, max-listener leak warnings.
'use strict';

const { codes, kEnhanceStackBeforeInspector } = require('internal/errors');
const kCapture = Symbol('kCapture');
// Whether `_events` came preset (a subclass's own shape of event slots): removing the last
// listener of a type then leaves its slot `undefined` instead of deleting it, as in Node.
const kShapeMode = Symbol('shapeMode');
let defaultMaxListeners = 10;

/** A listener limit as Node checks it: a number (ERR_INVALID_ARG_TYPE), at least 0 and not NaN. */
function validateMaxListeners(n, name) {
  if (typeof n !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', n);
  if (n < 0 || Number.isNaN(n)) throw codes.ERR_OUT_OF_RANGE(name, '>= 0', n);
}

function checkListener(listener) {
  if (typeof listener !== 'function') throw codes.ERR_INVALID_ARG_TYPE('listener', 'Function', listener);
}

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}

const kRejection = Symbol.for('nodejs.rejection');

EventEmitter.init = function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = Object.create(null);
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts !== undefined && opts !== null && opts.captureRejections) {
    if (typeof opts.captureRejections !== 'boolean') {
      throw codes.ERR_INVALID_ARG_TYPE('options.captureRejections', 'boolean', opts.captureRejections);
    }
    this[kCapture] = true;
  } else {
    // The prototype's value follows EventEmitter.captureRejections.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

// captureRejections: a listener's rejected promise becomes the emitter's Symbol.for(
// 'nodejs.rejection') call, else its 'error' event (on the next tick, without capturing again).
function captureRejection(emitter, result, type, args) {
  result.then(undefined, (err) => {
    process.nextTick(() => {
      if (typeof emitter[kRejection] === 'function') {
        emitter[kRejection](err, type, ...args);
        return;
      }
      const previous = emitter[kCapture];
      try {
        emitter[kCapture] = false;
        emitter.emit('error', err);
      } finally {
        emitter[kCapture] = previous;
      }
    });
  });
}

// What a listener returned: with captureRejections, a rejected promise becomes an 'error'.
function checkListenerResult(emitter, result, type, args) {
  if (result !== undefined && result !== null && emitter[kCapture] === true && typeof result.then === 'function') {
    captureRejection(emitter, result, type, args);
  }
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
  enumerable: true,
  configurable: true,
  get() { return defaultMaxListeners; },
  set(n) {
    validateMaxListeners(n, 'defaultMaxListeners');
    defaultMaxListeners = n;
  },
});
Object.defineProperty(EventEmitter, 'captureRejections', {
  get() { return EventEmitter.prototype[kCapture]; },
  set(value) {
    if (typeof value !== 'boolean') throw codes.ERR_INVALID_ARG_TYPE('EventEmitter.captureRejections', 'boolean', value);
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
  configurable: true,
});
EventEmitter.errorMonitor = Symbol('events.errorMonitor');

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateMaxListeners(n, 'setMaxListeners');
  this._maxListeners = n;
  return this;
};

// The stack printed for an unhandled 'error' event: the error's own, then "Emitted 'error'
// event [on X instance] at:" and the emitter's frames, with the run both share elided.
function enhanceStackTrace(err, emitted) {
  let ctorInfo = '';
  try {
    const { name } = this.constructor;
    if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
  } catch {
    // No constructor name to show.
  }
  const separator = `\nEmitted 'error' event${ctorInfo} at:\n`;
  const errStack = `${err.stack}`.split('\n').slice(1);
  const ownStack = `${emitted.stack}`.split('\n').slice(1);
  const { len, offset } = require('internal/call_site').sharedFrameRun(ownStack, errStack);
  if (len > 0) ownStack.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
  return err.stack + separator + ownStack.join('\n');
}

function maxListenersOf(that) {
  return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

EventEmitter.prototype.emit = function emit(type, ...args) {
  const events = this._events;
  if (type === 'error' && events !== undefined && events[EventEmitter.errorMonitor] !== undefined) {
    this.emit(EventEmitter.errorMonitor, ...args);
  }
  const handler = events === undefined ? undefined : events[type];
  if (handler === undefined) {
    if (type === 'error') {
      const er = args[0];
      if (er instanceof Error) {
        // If nothing catches it, the fatal-exception printer shows where it was emitted too.
        try {
          const emitted = {};
          Error.captureStackTrace(emitted, EventEmitter.prototype.emit);
          Object.defineProperty(er, kEnhanceStackBeforeInspector, {
            value: enhanceStackTrace.bind(this, er, emitted),
            configurable: true,
          });
        } catch {
          // A frozen error is thrown as it is.
        }
        throw er; // Unhandled 'error' event
      }
      // (An inspection that throws leaves the value to its own string conversion, as in Node.)
      let described;
      try {
        described = require('internal/inspect').inspect(er);
      } catch {
        described = er;
      }
      const err = require('internal/errors').makeNodeError(Error, 'ERR_UNHANDLED_ERROR',
        `Unhandled error. (${described})`);
      err.context = er;
      throw err;
    }
    return false;
  }
  // Listeners are called through their own apply, as Node calls them.
  if (typeof handler === 'function') {
    const result = handler.apply(this, args);
    if (result !== undefined && result !== null) checkListenerResult(this, result, type, args);
  } else {
    // A copy (listeners added or removed meanwhile do not change this emit), made without the
    // replaceable Array.prototype.slice or array iterator, as Node makes it.
    const count = handler.length;
    const listeners = new Array(count);
    for (let i = 0; i < count; i++) listeners[i] = handler[i];
    for (let i = 0; i < count; i++) {
      const result = listeners[i].apply(this, args);
      if (result !== undefined && result !== null) checkListenerResult(this, result, type, args);
    }
  }
  return true;
};

function _addListener(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  if (events === undefined) {
    events = target._events = Object.create(null);
    target._eventsCount = 0;
  } else if (events.newListener !== undefined) {
    target.emit('newListener', type, listener.listener ? listener.listener : listener);
    events = target._events;
  }
  let existing = events[type];
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    const m = maxListenersOf(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const name = target.constructor && target.constructor.name ? target.constructor.name : 'EventEmitter';
      const w = new Error(`Possible EventEmitter memory leak detected. ${existing.length} ${String(type)} listeners added to [${name}]. MaxListeners is ${m}. Use emitter.setMaxListeners() to increase limit`);
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      process.emitWarning(w);
    }
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;
EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return _addListener(this, type, listener, true);
};

function onceWrapper(...args) {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    // The state and its bound wrapper name each other: a cycle only the engine's collector
    // frees. Fired, the state needs the wrapper no more (nothing else reads the state).
    this.wrapFn = undefined;
    // As Node: through the listener's own call/apply (a script's replacement sees them).
    if (args.length === 0) return this.listener.call(this.target);
    return this.listener.apply(this.target, args);
  }
  return undefined;
}

function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) events[type] = undefined;
    else if (this._eventsCount === 0) this._events = Object.create(null);
    else delete events[type];
    if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
  } else if (typeof list !== 'function') {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    const removed = list[position];
    list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, removed.listener || listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = Object.create(null);
      this._eventsCount = 0;
      this[kShapeMode] = false;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = Object.create(null);
      else delete events[type];
    }
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = Object.create(null);
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const listener = events[type];
  if (listener === undefined) return [];
  if (typeof listener === 'function') return unwrap ? [listener.listener || listener] : [listener];
  return unwrap ? listener.map((l) => l.listener || l) : listener.slice();
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};
EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};
/** `listenerCount(type[, listener])`: with a listener, how many times it (or a `once` wrapper
 * of it) is registered for `type`. */
function listenerCount(type, listener) {
  const events = this._events;
  if (events === undefined) return 0;
  const registered = events[type];
  if (typeof registered === 'function') {
    if (listener == null) return 1;
    return listener === registered || listener === registered.listener ? 1 : 0;
  }
  if (registered === undefined) return 0;
  if (listener == null) return registered.length;
  let matching = 0;
  for (let i = 0, l = registered.length; i < l; i++) {
    if (registered[i] === listener || registered[i].listener === listener) matching++;
  }
  return matching;
}
EventEmitter.prototype.listenerCount = listenerCount;
EventEmitter.listenerCount = function (emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
};
EventEmitter.prototype.eventNames = function eventNames() {
  if (!(this._eventsCount > 0)) return [];
  const keys = Reflect.ownKeys(this._events);
  if (!this[kShapeMode]) return keys;
  // Preset slots (a stream's) name no event until a listener fills them.
  const names = [];
  for (let i = 0; i < keys.length; i++) {
    if (this._events[keys[i]] !== undefined) names.push(keys[i]);
  }
  return names;
};

/** How once/on/addAbortListener listen to a signal: once, and even after an earlier 'abort'
 * listener stopped the event's propagation (Node's kResistStopPropagation). */
function abortListenerOptions() {
  return { once: true, [require('internal/event_target').kResistStopPropagation]: true };
}

function abortControllerModule() {
  return require('internal/abort_controller');
}

function eventTargetModule() {
  return require('internal/event_target');
}

/** Node's `validateAbortSignal(signal, 'options.signal')` (internal/abort_controller's). */
function validateSignal(signal) {
  if (signal !== undefined) abortControllerModule().validateAbortSignal(signal, 'options.signal');
  return signal;
}

// Listens on an EventEmitter or an EventTarget; returns the function that stops listening.
function listen(emitter, name, listener, once) {
  if (typeof emitter.on === 'function') {
    if (once) emitter.once(name, listener);
    else emitter.on(name, listener);
    return () => emitter.removeListener(name, listener);
  }
  if (typeof emitter.addEventListener === 'function') {
    const wrapped = (event) => listener(event);
    emitter.addEventListener(name, wrapped, { once });
    return () => emitter.removeEventListener(name, wrapped);
  }
  throw codes.ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', emitter);
}

/**
 * `events.once(emitter, name, { signal })`: a promise of the arguments of the next `name`
 * event (an EventTarget's event object), rejected by an 'error' event or an abort.
 */
EventEmitter.once = async function once(emitter, name, options = undefined) {
  // (Any options value: only its `signal` is read, when it has one.)
  const signal = validateSignal(options?.signal);
  const { AbortError } = abortControllerModule();
  if (signal !== undefined && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
  return new Promise((resolve, reject) => {
    const stops = [];
    const cleanup = () => { for (const stop of stops) stop(); };
    stops.push(listen(emitter, name, (...args) => {
      cleanup();
      resolve(args);
    }, true));
    if (name !== 'error' && typeof emitter.on === 'function') {
      stops.push(listen(emitter, 'error', (err) => {
        cleanup();
        reject(err);
      }, true));
    }
    if (signal !== undefined) {
      const onAbort = () => {
        cleanup();
        reject(new AbortError(undefined, { cause: signal.reason }));
      };
      signal.addEventListener('abort', onAbort, abortListenerOptions());
      stops.push(() => signal.removeEventListener('abort', onAbort));
    }
  });
};

/**
 * `events.on(emitter, name, { signal, close })`: an async iterator of the arguments of every
 * `name` event, buffering events nobody awaits yet; 'error' makes it throw, an abort rejects
 * with AbortError, an event named in `close` ends it, `return()` stops listening.
 */
EventEmitter.on = function on(emitter, name, options = {}) {
  // (`null` fails on reading its `signal`, as in Node.)
  const signal = validateSignal(options.signal);
  const { AbortError } = abortControllerModule();
  if (signal !== undefined && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
  const closeEvents = options !== undefined && Array.isArray(options.close) ? options.close : [];
  const unconsumed = [];
  const waiting = [];
  let error = null;
  let finished = false;
  const stops = [];

  function closeHandler() {
    cleanup();
    finished = true;
    while (waiting.length > 0) waiting.shift().resolve({ value: undefined, done: true });
  }
  function cleanup() {
    while (stops.length > 0) stops.pop()();
  }
  function fail(err) {
    finished = true;
    const waiter = waiting.shift();
    if (waiter !== undefined) waiter.reject(err);
    else error = err;
    iterator.return();
  }

  stops.push(listen(emitter, name, (...args) => {
    const waiter = waiting.shift();
    if (waiter !== undefined) waiter.resolve({ value: args, done: false });
    else unconsumed.push(args);
  }, false));
  if (name !== 'error' && typeof emitter.on === 'function') stops.push(listen(emitter, 'error', fail, false));
  for (const closeName of closeEvents) stops.push(listen(emitter, closeName, closeHandler, false));
  if (signal !== undefined) {
    const onAbort = () => fail(new AbortError(undefined, { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, abortListenerOptions());
    stops.push(() => signal.removeEventListener('abort', onAbort));
  }

  const iterator = Object.setPrototypeOf({
    next() {
      if (unconsumed.length > 0) return Promise.resolve({ value: unconsumed.shift(), done: false });
      if (error !== null) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      cleanup();
      finished = true;
      while (waiting.length > 0) waiting.shift().resolve({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(err) {
      if (!(err instanceof Error)) throw codes.ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator', 'Error', err);
      fail(err);
    },
    [Symbol.asyncIterator]() { return this; },
  }, Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));
  return iterator;
};

/** `events.addAbortListener(signal, listener)`: calls `listener` once on abort; disposable. */
EventEmitter.addAbortListener = function addAbortListener(signal, listener) {
  if (signal === undefined) throw codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  // Node validates the signal by shape (an object with `aborted`), not by class.
  abortControllerModule().validateAbortSignal(signal, 'signal');
  checkListener(listener);
  let removed = false;
  const remove = () => {
    if (!removed) signal.removeEventListener('abort', listener);
    removed = true;
  };
  if (signal.aborted) {
    require('internal/loop').queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, abortListenerOptions());
  }
  const disposable = { __proto__: null };
  disposable[Symbol.dispose || Symbol.for('nodejs.dispose')] = remove;
  return disposable;
};

/** `events.getEventListeners(emitterOrTarget, name)`: a copy of the listeners. */
EventEmitter.getEventListeners = function getEventListeners(emitter, name) {
  if (typeof emitter.listeners === 'function') return emitter.listeners(name);
  const et = eventTargetModule();
  if (et.isEventTarget(emitter)) return et.listenersOf(emitter, name);
  throw codes.ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitter);
};

/** `events.getMaxListeners(emitterOrTarget)`. */
EventEmitter.getMaxListeners = function getMaxListeners(emitter) {
  if (typeof emitter.getMaxListeners === 'function') return maxListenersOf(emitter);
  const et = eventTargetModule();
  if (et.isEventTarget(emitter)) return emitter[et.kMaxEventTargetListeners];
  throw codes.ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'], emitter);
};

/** `events.setMaxListeners(n, ...targets)`; with no targets it sets both defaults. */
EventEmitter.setMaxListeners = function setMaxListeners(n = defaultMaxListeners, ...targets) {
  validateMaxListeners(n, 'setMaxListeners');
  const et = eventTargetModule();
  if (targets.length === 0) {
    defaultMaxListeners = n;
    et.defaultMaxListeners = n;
    return;
  }
  for (const target of targets) {
    if (et.isEventTarget(target)) {
      target[et.kMaxEventTargetListeners] = n;
      target[et.kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw codes.ERR_INVALID_ARG_TYPE('eventTargets', ['EventEmitter', 'EventTarget'], target);
    }
  }
};

EventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.prototype[kCapture] = false;

// The slots an EventTarget keeps its max-listeners count and warned flag in. Fixed below, as
// Node's are, so internal/event_target can take them from here whenever it loads (a script that
// never makes an EventTarget never loads it).
Object.defineProperty(EventEmitter, 'kMaxEventTargetListeners', {
  value: Symbol('events.maxEventTargetListeners'), enumerable: false, configurable: true,
});
Object.defineProperty(EventEmitter, 'kMaxEventTargetListenersWarned', {
  value: Symbol('events.maxEventTargetListenersWarned'), enumerable: false, configurable: true,
});

// `events.EventEmitterAsyncResource`: an EventEmitter whose listeners run inside its own
// AsyncResource (made when the emitter is), so async_hooks and AsyncLocalStorage see the
// emitter's creation context in them. Built on first access (async_hooks loads lazily).
let eventEmitterAsyncResource;
function lazyEventEmitterAsyncResource() {
  if (eventEmitterAsyncResource !== undefined) return eventEmitterAsyncResource;
  const { AsyncResource } = require('async_hooks');
  const { validateString } = require('internal/errors');
  const kAsyncResource = Symbol('kAsyncResource');
  const kEventEmitter = Symbol('kEventEmitter');

  // The resource: reachable from the emitter and back (`asyncResource.eventEmitter`).
  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(emitter, type, options) {
      super(type, options);
      this[kEventEmitter] = emitter;
    }

    get eventEmitter() {
      if (this[kEventEmitter] === undefined) throw codes.ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
      return this[kEventEmitter];
    }
  }

  function resourceOf(emitter) {
    const resource = emitter[kAsyncResource];
    if (resource === undefined) throw codes.ERR_INVALID_THIS('EventEmitterAsyncResource');
    return resource;
  }

  class EventEmitterAsyncResource extends EventEmitter {
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        // Subclasses may leave the name out: they go by their class name.
        if (new.target === EventEmitterAsyncResource) {
          validateString(options == null ? undefined : options.name, 'options.name');
        }
        name = (options == null ? undefined : options.name) || new.target.name;
      }
      super(options);
      this[kAsyncResource] = new EventEmitterReferencingAsyncResource(this, name, options);
    }

    emit(event, ...args) {
      const resource = resourceOf(this);
      return resource.runInAsyncScope(super.emit, this, event, ...args);
    }

    emitDestroy() {
      resourceOf(this).emitDestroy();
    }

    get asyncId() {
      return resourceOf(this).asyncId();
    }

    get triggerAsyncId() {
      return resourceOf(this).triggerAsyncId();
    }

    get asyncResource() {
      return resourceOf(this);
    }
  }
  eventEmitterAsyncResource = EventEmitterAsyncResource;
  return eventEmitterAsyncResource;
}
Object.defineProperty(EventEmitter, 'EventEmitterAsyncResource', {
  get: lazyEventEmitterAsyncResource, set: undefined, enumerable: true, configurable: true,
});

// Own keys in the order Node's module defines them (visible to Object.keys and inspect).
for (const key of ['addAbortListener', 'once', 'on', 'getEventListeners', 'getMaxListeners', 'EventEmitter',
  'usingDomains', 'captureRejectionSymbol', 'captureRejections', 'EventEmitterAsyncResource', 'errorMonitor',
  'defaultMaxListeners',
  'kMaxEventTargetListeners', 'kMaxEventTargetListenersWarned', 'setMaxListeners', 'init', 'listenerCount']) {
  const desc = Object.getOwnPropertyDescriptor(EventEmitter, key);
  delete EventEmitter[key];
  if (key === 'kMaxEventTargetListeners' || key === 'kMaxEventTargetListenersWarned') desc.configurable = false;
  Object.defineProperty(EventEmitter, key, desc);
}

module.exports = EventEmitter;
