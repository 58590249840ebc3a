// `require('async_hooks')`: AsyncLocalStorage, AsyncResource, createHook and the execution
// ids, on the frames of internal/async_context (see there for how frames travel). Requiring it
// turns frame tracking on. Written from Node v20's documented and observed behaviour.
'use strict';

const { makeNodeError, validateFunction, validateString } = require('internal/errors');
const context = require('internal/async_context');

const ReflectApply = Reflect.apply;
const ObjectIs = Object.is;
const kFrame = context.kFrame;
const asyncIdSymbol = Symbol('async_id_symbol');
const triggerAsyncIdSymbol = Symbol('trigger_async_id_symbol');
const kDestroyed = Symbol('kDestroyed');

context.start();

let registry = null;
// The FinalizationRegistry reporting `destroy` for collected AsyncResources.
function collectedResources() {
  if (registry === null) {
    registry = new FinalizationRegistry((state) => {
      if (state.destroyed) return;
      state.destroyed = true;
      context.destroy({ id: state.id });
    });
  }
  return registry;
}

function ERR_INVALID_ASYNC_ID(name, value) {
  return makeNodeError(RangeError, 'ERR_INVALID_ASYNC_ID', `Invalid ${name} value: ${value}`);
}

/** `executionAsyncId()`: the id of the running callback's resource (0 in promise callbacks). */
function executionAsyncId() {
  const frame = context.executing();
  return frame === null ? 0 : frame.id;
}

/** `triggerAsyncId()`: the id of the resource that caused the running one. */
function triggerAsyncId() {
  const frame = context.executing();
  return frame === null ? 0 : frame.trigger;
}

/** `executionAsyncResource()`: the running callback's resource (a Timeout, an AsyncResource...). */
function executionAsyncResource() {
  const frame = context.executing();
  return frame === null ? context.topLevelResource : frame.resource;
}

/**
 * `new AsyncResource(type[, triggerAsyncId | { triggerAsyncId, requireManualDestroy }])`: a
 * resource with a fresh async id whose `runInAsyncScope` runs code in the context (ids and
 * AsyncLocalStorage values) it was created in.
 */
class AsyncResource {
  constructor(type, options = {}) {
    validateString(type, 'type');
    let trigger = options;
    let requireManualDestroy = false;
    if (typeof options !== 'number') {
      trigger = options.triggerAsyncId === undefined ? undefined : options.triggerAsyncId;
      requireManualDestroy = !!options.requireManualDestroy;
    }
    if (trigger !== undefined && (!Number.isSafeInteger(trigger) || trigger < -1)) {
      throw ERR_INVALID_ASYNC_ID('triggerAsyncId', trigger);
    }
    const frame = context.init(type, this, trigger);
    this[asyncIdSymbol] = frame.id;
    this[triggerAsyncIdSymbol] = frame.trigger;
    Object.defineProperty(this, kFrame, { value: frame, writable: false, configurable: true, enumerable: false });
    // As Node: while destroy hooks exist, a resource nobody destroys by hand reports `destroy`
    // when it is collected (the state kept for that does not reference the resource).
    const state = { id: frame.id, destroyed: false };
    Object.defineProperty(this, kDestroyed, { value: state, configurable: true, enumerable: false });
    if (!requireManualDestroy && context.hasDestroyHooks()) collectedResources().register(this, state);
  }

  /** Calls `fn` with `thisArg` and `args` inside this resource's context. */
  runInAsyncScope(fn, thisArg, ...args) {
    return context.runIn(this[kFrame], fn, thisArg, args);
  }

  /** Queues the `destroy` hook for this resource; returns the resource. */
  emitDestroy() {
    // Reported every time it is called (as in Node); only collection checks the flag.
    this[kDestroyed].destroyed = true;
    context.destroy(this[kFrame]);
    return this;
  }

  /** This resource's async id. */
  asyncId() {
    return this[asyncIdSymbol];
  }

  /** The async id of the resource that caused this one. */
  triggerAsyncId() {
    return this[triggerAsyncIdSymbol];
  }

  /**
   * `resource.bind(fn[, thisArg])`: `fn` wrapped to run in this resource's scope; the wrapper
   * has `fn`'s length and an enumerable `asyncResource` accessor.
   */
  bind(fn, thisArg = undefined) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function (...args) {
        return context.runIn(resource[kFrame], fn, this, args);
      };
    } else {
      bound = (...args) => context.runIn(this[kFrame], fn, thisArg, args);
    }
    let self = this;
    Object.defineProperties(bound, {
      name: { configurable: true, enumerable: false, value: 'bound', writable: false },
      length: { configurable: true, enumerable: false, value: fn.length, writable: false },
      asyncResource: {
        configurable: true,
        enumerable: true,
        get() { return self; },
        set(value) { self = value; },
      },
    });
    return bound;
  }

  /** `AsyncResource.bind(fn[, type[, thisArg]])`: binds `fn` to a new resource. */
  static bind(fn, type = undefined, thisArg = undefined) {
    type = type || fn.name;
    return (new AsyncResource(type || 'bound-anonymous-fn')).bind(fn, thisArg);
  }
}

/**
 * AsyncLocalStorage: a value that follows the asynchronous work started inside `run` (or after
 * `enterWith`): promise callbacks and awaits, ticks, timers, immediates, queueMicrotask and
 * AsyncResource scopes see the value current where they were scheduled.
 */
class AsyncLocalStorage {
  constructor() {
    this.kResourceStore = Symbol('kResourceStore');
    this.enabled = false;
  }

  /** `AsyncLocalStorage.bind(fn)`: `fn` bound to the current context. */
  static bind(fn) {
    return AsyncResource.bind(fn);
  }

  /** `AsyncLocalStorage.snapshot()`: a function running its argument in the current context. */
  static snapshot() {
    const frame = context.current();
    return function runInAsyncScope(fn, ...args) {
      return context.runIn(frame, fn, this, args);
    };
  }

  /** Stops reporting values: `getStore()` is undefined until the next `run`/`enterWith`. */
  disable() {
    if (this.enabled) {
      this.enabled = false;
      context.disabledStorages.add(this);
      context.storageEnabled(-1);
      const stores = context.current().stores;
      if (stores !== null && stores.has(this)) {
        const next = new Map(stores);
        next.delete(this);
        context.replaceStores(next);
      }
    }
  }

  _enable() {
    if (!this.enabled) {
      this.enabled = true;
      context.disabledStorages.delete(this);
      context.storageEnabled(1);
    }
  }

  /**
   * Node's hook for copying a value onto a new resource: `resource`'s value under this
   * storage's `kResourceStore` becomes `triggerResource`'s (while enabled). The runner carries
   * values in frames and does not call it itself.
   */
  _propagate(resource, triggerResource) {
    if (this.enabled) resource[this.kResourceStore] = triggerResource[this.kResourceStore];
  }

  /** `enterWith(store)`: makes `store` the value for the rest of the current execution. */
  enterWith(store) {
    this._enable();
    context.replaceStores(withStore(context.current().stores, this, store));
  }

  /** `run(store, callback, ...args)`: calls `callback` with `store` as the value. */
  run(store, callback, ...args) {
    if (ObjectIs(store, this.getStore())) return ReflectApply(callback, null, args);
    this._enable();
    const before = native.getAsyncFrame();
    context.replaceStores(withStore(context.current().stores, this, store));
    try {
      return ReflectApply(callback, null, args);
    } finally {
      native.setAsyncFrame(before);
    }
  }

  /** `exit(callback, ...args)`: calls `callback` with no value. */
  exit(callback, ...args) {
    if (!this.enabled) return ReflectApply(callback, null, args);
    const before = native.getAsyncFrame();
    const stores = context.current().stores;
    if (stores !== null && stores.has(this)) {
      const next = new Map(stores);
      next.delete(this);
      context.replaceStores(next);
    }
    try {
      return ReflectApply(callback, null, args);
    } finally {
      native.setAsyncFrame(before);
    }
  }

  /** The current value (undefined outside `run`/`enterWith` or when disabled). */
  getStore() {
    if (!this.enabled) return undefined;
    const stores = context.current().stores;
    return stores === null ? undefined : stores.get(this);
  }
}
function withStore(stores, storage, store) {
  const next = stores === null ? new Map() : new Map(stores);
  next.set(storage, store);
  return next;
}

/** What `createHook` returns: `enable()` / `disable()` its callbacks. */
class AsyncHook {
  constructor(callbacks) {
    this[kCallbacks] = callbacks;
  }

  enable() {
    context.addHook(this, this[kCallbacks]);
    return this;
  }

  disable() {
    context.removeHook(this);
    return this;
  }
}
const kCallbacks = Symbol('kCallbacks');

/**
 * `createHook({ init, before, after, destroy, promiseResolve })`: callbacks for the resources
 * the runner tracks (TickObject, Timeout, Immediate, Microtask, AsyncResource types). Promises
 * are not reported (see docs/ARCHITECTURE.md).
 */
function createHook(callbacks) {
  const picked = { __proto__: null };
  for (const kind of ['init', 'before', 'after', 'destroy', 'promiseResolve']) {
    const fn = callbacks === null || callbacks === undefined ? undefined : callbacks[kind];
    if (fn !== undefined && typeof fn !== 'function') {
      throw makeNodeError(TypeError, 'ERR_ASYNC_CALLBACK', `hook.${kind} must be a function`);
    }
    if (fn !== undefined) picked[kind] = fn;
  }
  return new AsyncHook(picked);
}

const providerNames = [
  'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE', 'FILEHANDLECLOSEREQ',
  'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK', 'FSREQPROMISE', 'GETADDRINFOREQWRAP',
  'GETNAMEINFOREQWRAP', 'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING',
  'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'JSSTREAM', 'JSUDPWRAP',
  'MESSAGEPORT', 'PIPECONNECTWRAP', 'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP', 'PROMISE',
  'QUERYWRAP', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER',
  'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP', 'UDPSENDWRAP',
  'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER', 'WORKERHEAPSNAPSHOT', 'WRITEWRAP', 'ZLIB',
  'CHECKPRIMEREQUEST', 'PBKDF2REQUEST', 'KEYPAIRGENREQUEST', 'KEYGENREQUEST',
  'KEYEXPORTREQUEST', 'CIPHERREQUEST', 'DERIVEBITSREQUEST', 'HASHREQUEST',
  'RANDOMBYTESREQUEST', 'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP',
  'VERIFYREQUEST',
];
/** `asyncWrapProviders`: Node v20's provider names and numbers (frozen, null prototype). */
const asyncWrapProviders = Object.create(null);
providerNames.forEach((name, index) => { asyncWrapProviders[name] = index; });
Object.freeze(asyncWrapProviders);

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
