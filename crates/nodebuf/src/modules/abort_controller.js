// `AbortController` and `AbortSignal` as Node v20 exposes them: signals are EventTargets that
// fire one trusted 'abort' event, carry a `reason` (a DOMException AbortError/TimeoutError by
// default), and combine with `AbortSignal.any`; `AbortSignal.timeout` uses an unref'd timer.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setTimeout } = require('timers');

const { codes, makeNodeError } = require('internal/errors');
const { Event, EventTarget, defineEventHandler, kTrusted } = require('internal/event_target');

const kCreate = Symbol('kCreate');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kDependents = Symbol('kDependents');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

function checkSignal(value) {
  if (value === null || typeof value !== 'object' || value[kAborted] === undefined) {
    throw codes.ERR_INVALID_THIS('AbortSignal');
  }
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
    if (depth < 0) return 'AbortSignal';
    return `AbortSignal ${inspect({ aborted: this[kAborted] }, options)}`;
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
    const signal = new AbortSignal(kCreate);
    const timer = setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    timer.unref();
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
    for (const signal of signals) signal[kDependents].push(result);
    return result;
  }
}

defineEventHandler(AbortSignal.prototype, 'abort');
for (const name of ['aborted', 'reason', 'throwIfAborted']) {
  const desc = Object.getOwnPropertyDescriptor(AbortSignal.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(AbortSignal.prototype, name, desc);
}
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: 'AbortSignal', configurable: true });

/** Aborts `signal` once: records the reason, fires 'abort', then aborts signals made by `any`. */
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  signal.dispatchEvent(new Event('abort', { [kTrusted]: true }));
  const dependents = signal[kDependents];
  signal[kDependents] = [];
  for (const dependent of dependents) abortSignal(dependent, reason);
}

const kSignal = Symbol('kSignal');

/** Owns one signal and aborts it. */
class AbortController {
  constructor() {
    this[kSignal] = new AbortSignal(kCreate);
  }

  get signal() {
    if (this === null || typeof this !== 'object' || this[kSignal] === undefined) {
      throw codes.ERR_INVALID_THIS('AbortController');
    }
    return this[kSignal];
  }

  abort(reason = abortError()) {
    if (this === null || typeof this !== 'object' || this[kSignal] === undefined) {
      throw codes.ERR_INVALID_THIS('AbortController');
    }
    abortSignal(this[kSignal], reason);
  }

  [customInspect](depth, options, inspect) {
    if (depth < 0) return 'AbortController';
    return `AbortController ${inspect({ signal: this[kSignal] }, options)}`;
  }
}

for (const name of ['signal', 'abort']) {
  const desc = Object.getOwnPropertyDescriptor(AbortController.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(AbortController.prototype, name, desc);
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: 'AbortController', configurable: true });

/** Node's `validateAbortSignal(signal, name)`: undefined or an object with `aborted`. */
function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

module.exports = { AbortController, AbortSignal, abortSignal, validateAbortSignal, abortError };

// (Node's AbortError lives with its errors: streams load it without loading EventTarget.)
module.exports.AbortError = require('internal/errors').AbortError;
