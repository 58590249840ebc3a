// Readable's iterator helpers (map, filter, flatMap, drop, take, asIndexedPairs, forEach, toArray,
// some, every, find, reduce, compose) with Node's concurrency/highWaterMark/signal options.
'use strict';

const { codes, AbortError } = require('internal/streams/errors');
const { AbortController, validateAbortSignal } = require('internal/streams/abort');
const { validateFunction, validateObject, validateInteger } = require('internal/errors');

const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options && options.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal && signal.reason });
}

// A signal that aborts when the caller's does (the one handed to user callbacks).
function linkedSignal(outer) {
  const ac = new AbortController();
  if (outer) {
    if (outer.aborted) ac.abort(outer.reason);
    else outer.addEventListener('abort', () => ac.abort(outer.reason), { once: true });
  }
  return ac.signal;
}

function map(fn, options) {
  validateFunction(fn, 'fn');
  validateOptions(options);
  let concurrency = 1;
  if (options && options.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options && options.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  highWaterMark += concurrency;
  const stream = this;
  return (async function* mapGenerator() {
    const signal = linkedSignal(options && options.signal);
    const signalOpt = { signal };
    const queue = [];
    let next;
    let resume;
    let done = false;
    let cnt = 0;

    function onCatch() {
      done = true;
      afterItemProcessed();
    }
    function afterItemProcessed() {
      cnt -= 1;
      maybeResume();
    }
    function maybeResume() {
      if (resume && !done && cnt < concurrency && queue.length < highWaterMark) {
        resume();
        resume = null;
      }
    }
    async function pump() {
      try {
        for await (let val of stream) {
          if (done) return;
          if (signal.aborted) throw abortError(signal);
          try {
            val = fn(val, signalOpt);
            if (val === kEmpty) continue;
            val = Promise.resolve(val);
          } catch (err) {
            val = Promise.reject(err);
          }
          cnt += 1;
          val.then(afterItemProcessed, onCatch);
          queue.push(val);
          if (next) {
            next();
            next = null;
          }
          if (!done && (queue.length >= highWaterMark || cnt >= concurrency)) {
            await new Promise((resolve) => { resume = resolve; });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const val = Promise.reject(err);
        val.then(afterItemProcessed, onCatch);
        queue.push(val);
      } finally {
        done = true;
        if (next) {
          next();
          next = null;
        }
      }
    }
    pump();
    try {
      while (true) {
        while (queue.length > 0) {
          const val = await queue[0];
          if (val === kEof) return;
          if (signal.aborted) throw abortError(signal);
          if (val !== kEmpty) yield val;
          queue.shift();
          maybeResume();
        }
        await new Promise((resolve) => { next = resolve; });
      }
    } finally {
      done = true;
      if (resume) {
        resume();
        resume = null;
      }
    }
  })();
}

function asIndexedPairs(options = undefined) {
  validateOptions(options);
  const stream = this;
  return (async function* asIndexedPairsGenerator() {
    let index = 0;
    for await (const val of stream) {
      if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
      yield [index++, val];
    }
  })();
}

async function some(fn, options = undefined) {
  for await (const unused of filter.call(this, fn, options)) return true; // eslint-disable-line no-unused-vars
  return false;
}

async function every(fn, options = undefined) {
  validateFunction(fn, 'fn');
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function forEach(fn, options) {
  validateFunction(fn, 'fn');
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  for await (const unused of map.call(this, forEachFn, options)); // eslint-disable-line no-unused-vars
}

function filter(fn, options) {
  validateFunction(fn, 'fn');
  async function filterFn(value, opts) {
    if (await fn(value, opts)) return value;
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

async function reduce(reducer, initialValue, options) {
  validateFunction(reducer, 'reducer');
  validateOptions(options);
  let hasInitialValue = arguments.length > 1;
  if (options && options.signal && options.signal.aborted) {
    const err = abortError(options.signal);
    this.once('error', () => {});
    await require('internal/streams/end-of-stream').finished(this.destroy(err));
    throw err;
  }
  const ac = new AbortController();
  const signal = ac.signal;
  if (options && options.signal) {
    options.signal.addEventListener('abort', () => ac.abort(), { once: true });
  }
  let gotAnyItemFromStream = false;
  try {
    for await (const value of this) {
      gotAnyItemFromStream = true;
      if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) {
      const err = codes.ERR_MISSING_ARGS('reduce');
      err.message = 'Reduce of an empty stream requires an initial value';
      throw err;
    }
  } finally {
    ac.abort();
  }
  return initialValue;
}

async function toArray(options) {
  validateOptions(options);
  const result = [];
  for await (const val of this) {
    if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
    result.push(val);
  }
  return result;
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return (async function* flatMapGenerator() {
    for await (const val of values) yield* val;
  })();
}

function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw codes.ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  const stream = this;
  return (async function* dropGenerator() {
    if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
    for await (const val of stream) {
      if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
      if (number-- <= 0) yield val;
    }
  })();
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  const stream = this;
  return (async function* takeGenerator() {
    if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
    if (number <= 0) return;
    for await (const val of stream) {
      if (options && options.signal && options.signal.aborted) throw abortError(options.signal);
      if (number-- > 0) yield val;
      if (number <= 0) return;
    }
  })();
}

function compose(stream, options) {
  validateOptions(options);
  const u = require('internal/streams/utils');
  if (u.isNodeStream(stream) && !u.isWritable(stream)) {
    throw codes.ERR_INVALID_ARG_VALUE('stream', stream, 'must be writable');
  }
  const composed = require('internal/streams/compose')(this, stream);
  if (options && options.signal) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, composed);
  return composed;
}

module.exports = {
  streamReturning: { asIndexedPairs, drop, filter, flatMap, map, take, compose },
  promiseReturning: { every, forEach, reduce, toArray, some, find },
};
