// assert.CallTracker (deprecated, DEP0173): functions wrapped so that their calls are counted
// and recorded; report() lists those not called the expected number of times and verify()
// throws an AssertionError for them, with Node's messages.
'use strict';

const { codes, makeNodeError, validateInteger } = require('internal/errors');

// What calls() records for each function it returns (by that function).
const tracked = new WeakMap();

function trackerMessage(record) {
  return `Expected the ${record.name} function to be executed ${record.expected} time(s) but was executed ${record.calls.length} time(s).`;
}

function recordOf(fn) {
  const record = typeof fn === 'function' ? tracked.get(fn) : undefined;
  if (record === undefined) throw codes.ERR_INVALID_ARG_VALUE('tracked', fn, 'is not a tracked function');
  return record;
}

class CallTracker {
  #records = [];

  reset(fn) {
    if (fn === undefined) {
      for (const record of this.#records) record.calls = [];
      return;
    }
    recordOf(fn).calls = [];
  }

  getCalls(fn) {
    return Object.freeze(recordOf(fn).calls.map((call) => Object.freeze({ ...call })));
  }

  calls(fn, expected = 1) {
    // (Without a function, Node's stand-in is Function.prototype, which does nothing.)
    if (typeof fn === 'number') {
      expected = fn;
      fn = Function.prototype;
    } else if (fn === undefined) {
      fn = Function.prototype;
    }
    validateInteger(expected, 'expected', 1, 2 ** 32 - 1);
    if (process._exiting) {
      throw makeNodeError(Error, 'ERR_UNAVAILABLE_DURING_EXIT', 'Cannot call function in process exit handler');
    }
    // (No check of `fn` beyond what the Proxy makes, as in Node.)
    if (fn === null || (typeof fn !== 'object' && typeof fn !== 'function')) {
      throw new TypeError('Cannot create proxy with a non-object as target or handler');
    }
    const record = { name: fn.name || 'calls', expected, calls: [], stack: new Error() };
    Error.captureStackTrace(record.stack, this.calls);
    this.#records.push(record);
    // A Proxy: the same name, length, prototype and construct behaviour as `fn`.
    // (A handler without a prototype: a script's Object.prototype.get must not become a trap.)
    const wrapper = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        record.calls.push({ thisArg, arguments: args });
        return Reflect.apply(target, thisArg, args);
      },
    });
    tracked.set(wrapper, record);
    return wrapper;
  }

  report() {
    const out = [];
    for (const record of this.#records) {
      if (record.calls.length === record.expected) continue;
      out.push({
        message: trackerMessage(record),
        actual: record.calls.length,
        expected: record.expected,
        operator: record.name,
        stack: record.stack,
      });
    }
    return out;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const { AssertionError } = require('assert');
    const message = errors.length === 1 ? errors[0].message : 'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = { CallTracker };
