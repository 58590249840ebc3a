// `require('domain')`: Node's deprecated domains, written from Node v20's documented and
// observed behaviour. A domain is an EventEmitter that collects the errors of the work started
// while it is active:
// - the domain stack: `enter()` pushes (`process.domain` / `domain.active` become the domain),
//   `exit()` pops it and everything entered after it;
// - asynchronous work (ticks, timers, immediates, promise reactions, I/O callbacks, sockets,
//   AsyncResources) is an async_hooks resource: one created while a domain is active gets a
//   `domain` property and its callbacks run inside that domain (the hook below, enabled by the
//   first Domain, so a script that never makes one pays nothing);
// - EventEmitters made while a domain is active join it (`emitter.domain`), and an emitter with
//   a domain runs its listeners inside it and hands an unheard 'error' to the domain;
// - an uncaught exception while a domain with an 'error' listener is on the stack goes to the
//   active domain (the runner's uncaught-exception capture callback, which domains then own).
'use strict';

const EventEmitter = require('events');
const { createHook } = require('async_hooks');
const { makeNodeError } = require('internal/errors');
const context = require('internal/async_context');
const loop = require('internal/loop');

const ReflectApply = Reflect.apply;
const ObjectDefineProperty = Object.defineProperty;
const kWeak = Symbol('kWeak');

if (loop.getCaptureCallback() !== null) {
  throw makeNodeError(Error, 'ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
    'A callback was registered through process.setUncaughtExceptionCaptureCallback(), which is ' +
    'mutually exclusive with using the `domain` module');
}

/**
 * A reference that does not keep its target alive unless asked to (`incRef`): a resource's
 * entry names its domain through one, so the pairing alone never keeps a domain alive.
 */
class WeakReference {
  #target;
  #strong = null;
  #count = 0;

  constructor(target) {
    this.#target = new WeakRef(target);
  }

  /** The target, or undefined once collected. */
  get() {
    return this.#target.deref();
  }

  /** Holds the target strongly until the matching `decRef`. */
  incRef() {
    if (this.#count++ === 0) this.#strong = this.#target.deref();
  }

  /** Drops one strong hold. */
  decRef() {
    if (--this.#count === 0) this.#strong = null;
  }
}

// `process.domain` becomes an accessor once domains are loaded (Node's shape).
let processDomain = process.domain === undefined ? null : process.domain;
ObjectDefineProperty(process, 'domain', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return processDomain; },
  set(value) { processDomain = value; },
});

// The domains entered and not yet exited, innermost last.
let stack = [];

function setActive(domain) {
  module.exports.active = domain;
  process.domain = domain;
}

// A non-enumerable, writable `domain` property (as on everything Node puts in a domain).
function setDomainOf(target, domain) {
  ObjectDefineProperty(target, 'domain', {
    __proto__: null, configurable: true, enumerable: false, writable: true, value: domain,
  });
}

// --- asynchronous resources ------------------------------------------------------------------
// A resource created while a domain is active: resource -> WeakReference of that domain. Its
// callbacks find it through the resource they run for (the frame being entered or left).
const pairing = new WeakMap();
// Promises of other realms (vm contexts) get no `domain` property, which would let code there
// reach this realm's objects: the domain lives as long as the promise through this map instead.
const foreignPromises = new WeakMap();

// The callbacks running inside their resource's domain, innermost last: async id, reference.
const entered = [];

function runningResource() {
  return context.current().resource;
}

const hook = createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    const active = process.domain;
    if (active === null || active === undefined || resource === null ||
        (typeof resource !== 'object' && typeof resource !== 'function')) return;
    const ref = active[kWeak];
    if (ref !== undefined) pairing.set(resource, ref);
    if (type !== 'PROMISE' || resource instanceof Promise) setDomainOf(resource, active);
    else foreignPromises.set(resource, active);
  },
  before(asyncId) {
    const ref = pairing.get(runningResource());
    if (ref === undefined) return;
    // Held strongly while its callback runs; the resource's `domain` keeps it alive otherwise.
    ref.incRef();
    entered.push(asyncId, ref);
    ref.get().enter();
  },
  after(asyncId) {
    // (An `after` with no `before` of ours, e.g. for a promise reaction that was already
    // running when the first Domain turned the hook on, leaves the stack alone.)
    const top = entered.length;
    if (top === 0 || entered[top - 2] !== asyncId) return;
    const ref = entered[top - 1];
    entered.length = top - 2;
    const domain = ref.get();
    ref.decRef();
    domain.exit();
  },
});

// --- uncaught exceptions ---------------------------------------------------------------------

// Where `require('domain')` happened: shown under the error of a later
// process.setUncaughtExceptionCaptureCallback.
const requiredAt = new Error('require(`domain`) at this point').stack;

process.setUncaughtExceptionCaptureCallback = function (fn) {
  const err = makeNodeError(Error, 'ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE',
    'The `domain` module is in use, which is mutually exclusive with calling ' +
    'process.setUncaughtExceptionCaptureCallback()');
  err.stack += `\n${'-'.repeat(40)}\n${requiredAt}`;
  throw err;
};

function captureByActiveDomain(er) {
  return process.domain._errorHandler(er);
}

// Domains take uncaught exceptions only while one on the stack listens for 'error'.
function updateExceptionCapture() {
  loop.setCaptureCallback(null);
  if (stack.some((domain) => domain.listenerCount('error') > 0)) {
    loop.setCaptureCallback(captureByActiveDomain);
  }
}

// An uncaught exception ends the work it happened in: no domain stays entered.
function domainUncaughtExceptionClear() {
  stack.length = 0;
  setActive(null);
  updateExceptionCapture();
}

// The clearing listener stays first among 'uncaughtException' listeners while others exist.
process.on('newListener', (name, listener) => {
  if (name !== 'uncaughtException' || listener === domainUncaughtExceptionClear) return;
  process.removeListener(name, domainUncaughtExceptionClear);
  process.prependListener(name, domainUncaughtExceptionClear);
});
process.on('removeListener', (name, listener) => {
  if (name !== 'uncaughtException' || listener === domainUncaughtExceptionClear) return;
  const left = process.listeners('uncaughtException');
  if (left.length === 1 && left[0] === domainUncaughtExceptionClear) {
    process.removeListener(name, domainUncaughtExceptionClear);
  }
});

// A promise rejected with no handler while a domain is active becomes that domain's 'error'.
loop.trackRejectionDomains();

// Node's native code calls into JS through the domain of its receiver: for the process object
// (immediates, 'beforeExit'), the active domain, entered around the call, with a deprecation
// warning (once) since a domain left active there is a leak.
let warnedMakeCallback = false;
loop.setDomainTrampoline((method, fn, arg) => {
  const domain = process.domain;
  if (!domain) {
    fn(arg);
    return;
  }
  if (module.exports.active && !warnedMakeCallback) {
    warnedMakeCallback = true;
    process.emitWarning('Using a domain property in MakeCallback is deprecated. Use the ' +
      'async_context variant of MakeCallback or the AsyncResource class instead. ' +
      `(Triggered by calling ${method} on process.)`, 'DeprecationWarning', 'DEP0097');
  }
  domain.enter();
  fn(arg);
  domain.exit();
});

// --- Domain ----------------------------------------------------------------------------------

/** `new domain.Domain()`: an EventEmitter grouping the errors of the work run in it. */
class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
    this[kWeak] = new WeakReference(this);
    hook.enable();
    this.on('removeListener', updateExceptionCapture);
    this.on('newListener', updateExceptionCapture);
  }
}
Domain.prototype.members = undefined;

/**
 * Called with an uncaught exception while this domain is active: decorates it, emits it as
 * this domain's 'error' (outside this domain) and empties the stack; true when a listener took
 * it. An exception from the listener goes to the next domain down, or out.
 */
Domain.prototype._errorHandler = function (er) {
  let caught = false;
  if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
    setDomainOf(er, this);
    er.domainThrown = true;
  }
  // The handler must not run inside this domain (an error there would come back to it).
  while (module.exports.active === this) this.exit();
  if (stack.length === 0) {
    // The outermost domain: without a listener there is nothing to emit (emitting would throw
    // past 'uncaughtException' listeners); with one, an exception from it is not captured.
    // (No try/finally around the emit: an exception from the listener ends the process, and a
    // rethrow would move the source line printed for it off the listener's `throw`.)
    if (this.listenerCount('error') > 0) {
      loop.setCaptureCallback(null);
      caught = this.emit('error', er);
      updateExceptionCapture();
    }
  } else {
    try {
      caught = this.emit('error', er);
    } catch (er2) {
      updateExceptionCapture();
      if (stack.length === 0) throw er2;
      setActive(stack[stack.length - 1]);
      caught = process.domain._errorHandler(er2);
    }
  }
  domainUncaughtExceptionClear();
  return caught;
};

/** Makes this domain the active one (pushed even when it already is, for a matching exit). */
Domain.prototype.enter = function () {
  setActive(this);
  stack.push(this);
  updateExceptionCapture();
};

/** Leaves this domain and every domain entered after it; nothing if it is not entered. */
Domain.prototype.exit = function () {
  const at = stack.lastIndexOf(this);
  if (at === -1) return;
  stack.splice(at);
  setActive(stack.length === 0 ? undefined : stack[stack.length - 1]);
  updateExceptionCapture();
};

/** `add(emitter)`: puts an EventEmitter (or a timer) in this domain, out of any other. */
Domain.prototype.add = function (ee) {
  if (ee.domain === this) return;
  if (ee.domain) ee.domain.remove(ee);
  // A domain added to one of its own parents would make the chain circular.
  if (this.domain && ee instanceof Domain) {
    for (let d = this.domain; d; d = d.domain) {
      if (ee === d) return;
    }
  }
  setDomainOf(ee, this);
  this.members.push(ee);
};

/** `remove(emitter)`: takes an emitter or timer out of this domain. */
Domain.prototype.remove = function (ee) {
  ee.domain = null;
  const at = this.members.indexOf(ee);
  if (at !== -1) this.members.splice(at, 1);
};

/** `run(fn, ...args)`: calls `fn` (with the domain as `this`) inside this domain. */
Domain.prototype.run = function (fn, ...args) {
  this.enter();
  const ret = ReflectApply(fn, this, args);
  this.exit();
  return ret;
};

/**
 * `intercept(callback)`: a wrapper for error-first callbacks: an Error first argument becomes
 * this domain's 'error' (decorated), anything else calls `callback` without it, in the domain.
 */
Domain.prototype.intercept = function (cb) {
  const self = this;
  function runIntercepted(...args) {
    const er = args[0];
    if (er && er instanceof Error) {
      er.domainBound = cb;
      er.domainThrown = false;
      setDomainOf(er, self);
      self.emit('error', er);
      return undefined;
    }
    self.enter();
    const ret = ReflectApply(cb, this, args.slice(1));
    self.exit();
    return ret;
  }
  return runIntercepted;
};

/** `bind(callback)`: a wrapper calling `callback` inside this domain (its `domain` is this). */
Domain.prototype.bind = function (cb) {
  const self = this;
  function runBound(...args) {
    self.enter();
    const ret = ReflectApply(cb, this, args);
    self.exit();
    return ret;
  }
  setDomainOf(runBound, this);
  return runBound;
};

// --- EventEmitters in domains ------------------------------------------------------------------

EventEmitter.usingDomains = true;

const plainInit = EventEmitter.init;
EventEmitter.init = function (opts) {
  setDomainOf(this, null);
  if (module.exports.active && !(this instanceof Domain)) this.domain = module.exports.active;
  return ReflectApply(plainInit, this, [opts]);
};

const plainEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  if ((type === 'error' && this.listenerCount(type) > 0) || domain === null ||
      domain === undefined || this === process) {
    return ReflectApply(plainEmit, this, args);
  }
  if (type === 'error') {
    const er = args.length > 1 && args[1] ?
      args[1] : makeNodeError(Error, 'ERR_UNHANDLED_ERROR', 'Unhandled error.');
    if (typeof er === 'object') {
      er.domainEmitter = this;
      setDomainOf(er, domain);
      er.domainThrown = false;
    }
    // The domain's listener runs outside the active domain (and its adjacent duplicates on the
    // stack), so an error it causes does not come back to it; the stack is restored after.
    const savedStack = stack.slice();
    const savedActive = process.domain;
    let keep = stack.length;
    while (keep > 0 && stack[keep - 1] === process.domain) keep--;
    stack.length = keep;
    setActive(stack.length > 0 ? stack[stack.length - 1] : null);
    updateExceptionCapture();
    domain.emit('error', er);
    stack = savedStack;
    module.exports._stack = stack;
    setActive(savedActive);
    updateExceptionCapture();
    return false;
  }
  domain.enter();
  const ret = ReflectApply(plainEmit, this, args);
  domain.exit();
  return ret;
};

module.exports = {
  _stack: stack,
  Domain,
  createDomain,
  create: createDomain,
  // The domain entered last (null before any).
  active: null,
};

/** `domain.create()` / `domain.createDomain()`: a new Domain. */
function createDomain() {
  return new Domain();
}
