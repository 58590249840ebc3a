// `AbortController` and `AbortSignal` as Node v20 exposes them: signals are EventTargets that
// fire one trusted 'abort' event, carry a `reason` (a DOMException AbortError/TimeoutError by
// default), and combine with `AbortSignal.any`; `AbortSignal.timeout` uses an unref'd timer.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setTimeout, clearTimeout } = require('timers');

const { codes, makeNodeError } = require('internal/errors');
const {
  Event, EventTarget, defineEventHandler, makeEnumerable, kTrusted, kNewListener, kRemoveListener,
} = require('internal/event_target');

const kCreate = Symbol('kCreate');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kDependents = Symbol('kDependents');
const kPruneAt = Symbol('kPruneAt');
// Signals only weak references lead to (`any` results, `timeout` signals): those with 'abort'
// listeners are held here until they abort or lose them.
const kHeldWeakly = Symbol('kHeldWeakly');
const persistentSignals = new Set();
const timerCleanup = new FinalizationRegistry((timer) => clearTimeout(timer));
const customInspect = Symbol.for('nodejs.util.inspect.custom');

function checkSignal(value) {
  if (value === null || typeof value !== 'object' || value[kAborted] === undefined) {
    throw codes.ERR_INVALID_THIS('AbortSignal');
  }
}

/**
 * Node's inspection of its web classes: `Name { ...fields }`, the fields one level deeper; past
 * the depth, the object itself (which inspect prints as `[Name]`).
 */
function inspectAs(self, fields, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
  return `${self.constructor.name} ${inspect(fields, opts)}`;
}

function abortError() {
  return new DOMException('This operation was aborted', 'AbortError');
}

/** A signal; only the statics and `AbortController` make them (`new` throws, as in Node). */
class AbortSignal extends EventTarget {
  constructor(key = undefined) {
    if (key !== kCreate) throw makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    super();
    this[kAborted] = false;
    this[kReason] = undefined;
    this[kDependents] = [];
    this[kPruneAt] = 16;
  }

  get aborted() {
    checkSignal(this);
    return this[kAborted];
  }

  get reason() {
    checkSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    checkSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [customInspect](depth, options, inspect) {
    return inspectAs(this, { aborted: this[kAborted] }, depth, options, inspect);
  }

  static abort(reason = abortError()) {
    const signal = new AbortSignal(kCreate);
    signal[kAborted] = true;
    signal[kReason] = reason;
    return signal;
  }

  static timeout(delay) {
    if (typeof delay !== 'number') throw codes.ERR_INVALID_ARG_TYPE('delay', 'number', delay);
    if (!Number.isInteger(delay)) throw codes.ERR_OUT_OF_RANGE('delay', 'an integer', delay);
    if (delay < 0 || delay > 4294967295) throw codes.ERR_OUT_OF_RANGE('delay', '>= 0 && <= 4294967295', delay);
    // The timer holds the signal weakly (a signal nobody listens to can be collected, and its
    // timer is cleared then); a signal with 'abort' listeners is kept while it has them.
    const signal = new AbortSignal(kCreate);
    signal[kHeldWeakly] = true;
    const ref = new WeakRef(signal);
    const timer = setTimeout(() => {
      const target = ref.deref();
      if (target !== undefined) {
        abortSignal(target, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
      }
    }, delay);
    timer.unref();
    timerCleanup.register(signal, timer);
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) throw codes.ERR_INVALID_ARG_TYPE('signals', 'Array', signals);
    for (let i = 0; i < signals.length; i++) {
      if (!(signals[i] instanceof AbortSignal)) {
        throw codes.ERR_INVALID_ARG_TYPE(`signals[${i}]`, 'AbortSignal', signals[i]);
      }
    }
    const result = new AbortSignal(kCreate);
    for (const signal of signals) {
      if (signal[kAborted]) {
        result[kAborted] = true;
        result[kReason] = signal[kReason];
        return result;
      }
    }
    // The sources hold the result weakly (many `any` results over one long-lived signal
    // must not accumulate); a result with 'abort' listeners is kept while it has them.
    result[kHeldWeakly] = true;
    const ref = new WeakRef(result);
    for (const signal of signals) {
      const dependents = signal[kDependents];
      dependents.push(ref);
      if (dependents.length >= signal[kPruneAt]) {
        signal[kDependents] = dependents.filter((r) => r.deref() !== undefined);
        signal[kPruneAt] = Math.max(16, signal[kDependents].length * 2);
      }
    }
    return result;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    // (A weak listener does not keep the signal.)
    if (this[kHeldWeakly] && type === 'abort' && !this[kAborted] && !weak && size === 1) {
      persistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, ...rest) {
    super[kRemoveListener](size, type, ...rest);
    if (this[kHeldWeakly] && type === 'abort' && size === 0) persistentSignals.delete(this);
  }
}

defineEventHandler(AbortSignal.prototype, 'abort');
makeEnumerable(AbortSignal.prototype, ['aborted', 'reason', 'throwIfAborted']);
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });

/** Aborts `signal` once: records the reason, fires 'abort', then aborts signals made by `any`. */
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(new Event('abort', { [kTrusted]: true }));
  persistentSignals.delete(signal);
  const dependents = signal[kDependents];
  signal[kDependents] = [];
  for (const ref of dependents) {
    const dependent = ref.deref();
    if (dependent !== undefined) abortSignal(dependent, reason);
  }
}

// Signals `util.transferableAbortSignal` made: structuredClone and postMessage may transfer
// them (internal/messaging), and only them.
const transferableSignals = new WeakSet();
let linkedToMessaging = false;

/**
 * `util.transferableAbortSignal(signal)`: as Node, a new signal with the same prototype and
 * copies of `signal`'s own properties (its state as it is now), marked transferable.
 */
function transferableAbortSignal(signal) {
  if (signal === null || typeof signal !== 'object' || signal[kAborted] === undefined) {
    throw codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  const copy = Object.create(signal.constructor.prototype);
  Object.defineProperties(copy, Object.getOwnPropertyDescriptors(signal));
  if (!linkedToMessaging) {
    linkedToMessaging = true;
    require('internal/messaging').setTransferableSignalCheck(isTransferableSignal);
  }
  transferableSignals.add(copy);
  return copy;
}

const isTransferableSignal = (value) => transferableSignals.has(value);

/** A new signal, not aborted (for the receiving end of a transferred one). */
const createSignal = () => new AbortSignal(kCreate);

let transferableAbortController;

/** Owns one signal and aborts it (in a private field, as Node's: a foreign `this` fails on it). */
class AbortController {
  #signal = new AbortSignal(kCreate);

  static {
    // `util.transferableAbortController()`: a controller whose signal is transferable.
    transferableAbortController = function transferableAbortController() {
      const controller = new AbortController();
      controller.#signal = transferableAbortSignal(controller.#signal);
      return controller;
    };
  }

  get signal() {
    return this.#signal;
  }

  abort(reason = abortError()) {
    abortSignal(this.#signal, reason);
  }

  [customInspect](depth, options, inspect) {
    return inspectAs(this, { signal: this.#signal }, depth, options, inspect);
  }
}

makeEnumerable(AbortController.prototype, ['signal', 'abort']);
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

/** Node's `validateAbortSignal(signal, name)`: undefined or an object with `aborted`. */
function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

module.exports = {
  AbortController,
  AbortSignal,
  abortSignal,
  validateAbortSignal,
  abortError,
  transferableAbortSignal,
  transferableAbortController,
  isTransferableSignal,
  createSignal,
};

// (Node's AbortError lives with its errors: streams load it without loading EventTarget.)
module.exports.AbortError = require('internal/errors').AbortError;
