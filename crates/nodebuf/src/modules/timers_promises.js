// `timers/promises` (and `require('timers').promises`): setTimeout and setImmediate as promises,
// setInterval as an async iterator, and `scheduler` (`wait`, `yield`), with Node's options: a
// `signal` that rejects with AbortError (and clears the timer), `ref: false` for a timer that
// does not keep the process alive. Invalid options reject (setInterval's throw on first use).
'use strict';

const timers = require('timers');
const { codes, makeNodeError, AbortError } = require('internal/errors');

// (Looked up on first use: event_target loads with the first signal.)
const resistStopPropagation = () => require('internal/event_target').kResistStopPropagation;

/** Node's options check for these functions: an object with an AbortSignal and a boolean `ref`. */
function checkOptions(options) {
  if (options === null || typeof options !== 'object') {
    throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { signal, ref = true } = options;
  if (signal !== undefined) require('internal/abort_controller').validateAbortSignal(signal, 'options.signal');
  if (typeof ref !== 'boolean') throw codes.ERR_INVALID_ARG_TYPE('options.ref', 'boolean', ref);
  return { signal, ref };
}

/**
 * A one-shot timer as a promise: `start(resolve)` schedules it and returns it, `clear` cancels
 * it. An abort clears it and rejects (once; the listener goes when the promise settles).
 */
function oneShot(options, start, clear) {
  let checked;
  try {
    checked = checkOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  const { signal, ref } = checked;
  if (signal !== undefined && signal.aborted) {
    return Promise.reject(new AbortError(undefined, { cause: signal.reason }));
  }
  let onAbort;
  const promise = new Promise((resolve, reject) => {
    const timer = start(resolve);
    if (!ref) timer.unref();
    if (signal !== undefined) {
      onAbort = () => {
        if (!timer._destroyed) {
          clear(timer);
          reject(new AbortError(undefined, { cause: signal.reason }));
        }
      };
      signal.addEventListener('abort', onAbort, { [resistStopPropagation()]: true });
    }
  });
  if (onAbort === undefined) return promise;
  return promise.finally(() => signal.removeEventListener('abort', onAbort));
}

function setTimeout(after, value, options = {}) {
  return oneShot(options, (resolve) => timers.setTimeout(resolve, after, value), timers.clearTimeout);
}

function setImmediate(value, options = {}) {
  return oneShot(options, (resolve) => timers.setImmediate(resolve, value), timers.clearImmediate);
}

/**
 * `for await (const v of setInterval(after, value, options))`: `value` once per tick of the
 * interval, ticks that came while the loop body ran yielded one after another; an abort ends
 * the iteration with AbortError.
 */
async function* setInterval(after, value, options = {}) {
  const { signal, ref } = checkOptions(options);
  if (signal !== undefined && signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
  let onAbort;
  let interval;
  try {
    let pending = 0;
    let wake;
    interval = timers.setInterval(() => {
      pending++;
      if (wake !== undefined) {
        wake();
        wake = undefined;
      }
    }, after);
    if (!ref) interval.unref();
    if (signal !== undefined) {
      onAbort = () => {
        timers.clearInterval(interval);
        if (wake !== undefined) {
          wake(Promise.reject(new AbortError(undefined, { cause: signal.reason })));
          wake = undefined;
        }
      };
      signal.addEventListener('abort', onAbort, { once: true, [resistStopPropagation()]: true });
    }
    while (signal === undefined || !signal.aborted) {
      if (pending === 0) await new Promise((resolve) => { wake = resolve; });
      for (; pending > 0; pending--) yield value;
    }
    throw new AbortError(undefined, { cause: signal.reason });
  } finally {
    timers.clearInterval(interval);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  }
}

const kScheduler = Symbol('kScheduler');

/** `scheduler`: Node's experimental Scheduler API (`new Scheduler()` is refused). */
class Scheduler {
  constructor() {
    throw makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  /** Resolves on the next turn's immediates. */
  yield() {
    if (!this[kScheduler]) throw codes.ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  /** Resolves after `delay` ms (rejects on `options.signal`'s abort). */
  wait(delay, options) {
    if (!this[kScheduler]) throw codes.ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, { signal: options?.signal });
  }
}

const scheduler = Reflect.construct(function () { this[kScheduler] = true; }, [], Scheduler);

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
