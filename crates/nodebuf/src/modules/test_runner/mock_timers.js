// `mock.timers`: fake setTimeout/setInterval/setImmediate (global, `timers` and
// `timers/promises`), scheduler.wait and Date, driven by tick()/runAll()/setTime() on a virtual
// clock instead of the event loop. Written from Node v20's documented behaviour.
'use strict';

const { codes, AbortError, validateNumber } = require('internal/errors');
const { kResistStopPropagation } = require('internal/event_target');

const SUPPORTED_APIS = ['setTimeout', 'setInterval', 'setImmediate', 'Date', 'scheduler.wait'];
const TIMEOUT_MAX = 2 ** 31 - 1;
const kImmediateDelay = -1;
const NativeDate = Date;
// (Node warns once per process that the API is experimental.)
let warned = false;

function abortIt(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

/** A fake timer's handle. */
class Timeout {
  constructor(opts) {
    this.id = opts.id;
    this.callback = opts.callback;
    this.runAt = opts.runAt;
    this.interval = opts.interval;
    this.args = opts.args;
  }

  hasRef() {
    return true;
  }

  ref() {
    return this;
  }

  unref() {
    return this;
  }

  refresh() {
    return this;
  }
}

class MockTimers {
  #enabledApis = [];
  #isEnabled = false;
  #nextId = 1;
  #now = 0;
  // Pending timers, earliest first (ties by creation order).
  #queue = [];
  #saved = new Map();
  #nativeDateDescriptor;

  constructor() {
    if (!warned) {
      warned = true;
      process.emitWarning('The MockTimers API is an experimental feature and might change at any time',
        'ExperimentalWarning');
    }
  }

  #insert(timer) {
    let i = this.#queue.length;
    while (i > 0) {
      const other = this.#queue[i - 1];
      if (other.runAt < timer.runAt || (other.runAt === timer.runAt && other.id < timer.id)) break;
      i--;
    }
    this.#queue.splice(i, 0, timer);
  }

  #createTimer(isInterval, callback, delay, ...args) {
    if (delay > TIMEOUT_MAX) delay = 1;
    const timer = new Timeout({
      id: this.#nextId++, callback, runAt: this.#now + delay, interval: isInterval ? delay : undefined, args,
    });
    this.#insert(timer);
    return timer;
  }

  #clearTimer(timer) {
    const at = this.#queue.indexOf(timer);
    if (at !== -1) this.#queue.splice(at, 1);
  }

  #promisify(timerFn, clearFn, ms, result, options) {
    return new Promise((resolve, reject) => {
      if (options?.signal) {
        try {
          validateAbortSignal(options.signal, 'options.signal');
        } catch (err) {
          reject(err);
          return;
        }
        if (options.signal.aborted) {
          reject(abortIt(options.signal));
          return;
        }
      }
      const timer = timerFn(() => resolve(result), ms);
      if (options?.signal) {
        options.signal.addEventListener('abort', () => {
          clearFn(timer);
          reject(abortIt(options.signal));
        }, { once: true, [kResistStopPropagation]: true });
      }
    });
  }

  #setTimeoutPromisified(ms, result, options) {
    return this.#promisify((cb, delay) => this.#createTimer(false, cb, delay), (t) => this.#clearTimer(t), ms, result, options);
  }

  #setImmediatePromisified(result, options) {
    return this.#promisify((cb) => this.#createTimer(false, cb, kImmediateDelay), (t) => this.#clearTimer(t),
      kImmediateDelay, result, options);
  }

  #setIntervalPromisified(interval, result, options) {
    const signal = options?.signal;
    if (signal) validateAbortSignal(signal, 'options.signal');
    const mocks = this;
    // Results of ticks not yet read, and the reader waiting for one.
    const ready = [];
    let waiting = null;
    let done = false;
    const deliver = (item) => {
      if (waiting !== null) {
        const w = waiting;
        waiting = null;
        w(item);
      } else {
        ready.push(item);
      }
    };
    let timer;
    const finish = () => {
      done = true;
      if (timer !== undefined) mocks.#clearTimer(timer);
    };
    if (signal) {
      // (In order: ticks before the abort are still read.)
      signal.addEventListener('abort', () => {
        deliver({ aborted: true });
      }, { once: true, [kResistStopPropagation]: true });
    }
    return (async function* mockInterval() {
      if (signal?.aborted) throw abortIt(signal);
      timer = mocks.#createTimer(true, () => deliver({ value: result }), interval);
      try {
        while (!done) {
          const item = ready.length > 0 ? ready.shift() : await new Promise((resolve) => {
            waiting = resolve;
          });
          if (item.aborted) throw abortIt(signal);
          yield item.value;
        }
      } finally {
        finish();
      }
    })();
  }

  #createDate() {
    const NativeDateConstructor = this.#nativeDateDescriptor.value;
    if (NativeDateConstructor.isMock) throw codes.ERR_INVALID_STATE('Date is already being mocked!');
    const mocks = this;
    // The Date constructor with the virtual clock as "now"; other forms as the real one.
    function MockDate(year, month, date, hours, minutes, seconds, ms) {
      if (!new.target) return NativeDate.prototype.toString.call(new NativeDateConstructor(mocks.#now));
      switch (arguments.length) {
        case 0: return new NativeDateConstructor(mocks.#now);
        case 1: return new NativeDateConstructor(year);
        case 2: return new NativeDateConstructor(year, month);
        case 3: return new NativeDateConstructor(year, month, date);
        case 4: return new NativeDateConstructor(year, month, date, hours);
        case 5: return new NativeDateConstructor(year, month, date, hours, minutes);
        case 6: return new NativeDateConstructor(year, month, date, hours, minutes, seconds);
        default: return new NativeDateConstructor(year, month, date, hours, minutes, seconds, ms);
      }
    }
    const { prototype, ...dateProps } = Object.getOwnPropertyDescriptors(NativeDateConstructor);
    void prototype;
    Object.defineProperties(MockDate, dateProps);
    MockDate.now = function now() {
      return mocks.#now;
    };
    MockDate.toString = function toString() {
      return Function.prototype.toString.call(NativeDateConstructor);
    };
    Object.defineProperty(MockDate, 'isMock', { enumerable: true, configurable: false, writable: false, value: true });
    MockDate.prototype = NativeDateConstructor.prototype;
    MockDate.parse = NativeDateConstructor.parse;
    MockDate.UTC = NativeDateConstructor.UTC;
    return MockDate;
  }

  // Swaps one API to the fakes (or back to what it was).
  #toggle(api, activate) {
    const timers = require('timers');
    const timersPromises = require('timers/promises');
    const targets = {
      setTimeout: [[globalThis, 'setTimeout', 'clearTimeout'], [timers, 'setTimeout', 'clearTimeout'], [timersPromises, 'setTimeout']],
      setInterval: [[globalThis, 'setInterval', 'clearInterval'], [timers, 'setInterval', 'clearInterval'], [timersPromises, 'setInterval']],
      setImmediate: [[globalThis, 'setImmediate', 'clearImmediate'], [timers, 'setImmediate', 'clearImmediate'], [timersPromises, 'setImmediate']],
    };
    if (api === 'Date') {
      if (activate) {
        this.#nativeDateDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'Date');
        globalThis.Date = this.#createDate();
      } else {
        Object.defineProperty(globalThis, 'Date', this.#nativeDateDescriptor);
      }
      return;
    }
    if (api === 'scheduler.wait') {
      if (activate) {
        this.#saved.set('scheduler.wait', timersPromises.scheduler.wait);
        timersPromises.scheduler.wait = (delay, options) => this.#setTimeoutPromisified(delay, undefined, options);
      } else {
        timersPromises.scheduler.wait = this.#saved.get('scheduler.wait');
      }
      return;
    }
    const fakes = {
      setTimeout: [(cb, delay, ...args) => this.#createTimer(false, cb, delay, ...args), (t) => this.#clearTimer(t),
        (ms, result, options) => this.#setTimeoutPromisified(ms, result, options)],
      setInterval: [(cb, delay, ...args) => this.#createTimer(true, cb, delay, ...args), (t) => this.#clearTimer(t),
        (ms, result, options) => this.#setIntervalPromisified(ms, result, options)],
      setImmediate: [(cb, ...args) => this.#createTimer(false, cb, kImmediateDelay, ...args), (t) => this.#clearTimer(t),
        (result, options) => this.#setImmediatePromisified(result, options)],
    }[api];
    targets[api].forEach(([object, setName, clearName], i) => {
      const key = `${api}:${i}`;
      if (activate) {
        this.#saved.set(key, [object[setName], clearName === undefined ? undefined : object[clearName]]);
        object[setName] = clearName === undefined ? fakes[2] : fakes[0];
        if (clearName !== undefined) object[clearName] = fakes[1];
      } else {
        const [set, clear] = this.#saved.get(key);
        object[setName] = set;
        if (clearName !== undefined) object[clearName] = clear;
      }
    });
  }

  #assertEnabled() {
    if (!this.#isEnabled) {
      throw codes.ERR_INVALID_STATE('You should enable MockTimers first by calling the .enable function');
    }
  }

  #assertTimeArg(time) {
    if (time < 0) throw codes.ERR_INVALID_ARG_VALUE('time', 'positive integer', time);
  }

  tick(time = 1) {
    this.#assertEnabled();
    this.#assertTimeArg(time);
    this.#now += time;
    let timer = this.#queue[0];
    while (timer) {
      if (timer.runAt > this.#now) break;
      Reflect.apply(timer.callback, undefined, timer.args);
      // (Unless the callback cleared it.)
      if (this.#queue[0]?.id === timer.id) this.#queue.shift();
      if (timer.interval !== undefined) {
        timer.runAt += timer.interval;
        this.#insert(timer);
      }
      timer = this.#queue[0];
    }
  }

  enable(options = { __proto__: null, apis: SUPPORTED_APIS, now: 0 }) {
    const opts = { __proto__: null, ...options };
    if (this.#isEnabled) throw codes.ERR_INVALID_STATE('MockTimers is already enabled!');
    if (Number.isNaN(opts.now)) {
      throw codes.ERR_INVALID_ARG_VALUE('now', opts.now, `epoch must be a positive integer received ${opts.now}`);
    }
    if (!opts.now) opts.now = 0;
    if (!opts.apis) opts.apis = SUPPORTED_APIS;
    if (!Array.isArray(opts.apis)) throw codes.ERR_INVALID_ARG_TYPE('options.apis', 'Array', opts.apis);
    opts.apis.forEach((api, i) => {
      if (typeof api !== 'string') throw codes.ERR_INVALID_ARG_TYPE(`options.apis[${i}]`, 'string', api);
    });
    for (const api of opts.apis) {
      if (!SUPPORTED_APIS.includes(api)) {
        throw codes.ERR_INVALID_ARG_VALUE('options.apis', api, `option ${api} is not supported`);
      }
    }
    this.#enabledApis = opts.apis;
    let isDate = true;
    try {
      NativeDate.prototype.getTime.call(opts.now);
    } catch {
      isDate = false;
    }
    if (isDate) {
      this.#now = NativeDate.prototype.getTime.call(opts.now);
    } else {
      validateNumber(opts.now, 'initialTime');
      this.#assertTimeArg(opts.now);
      this.#now = opts.now;
    }
    for (const api of this.#enabledApis) this.#toggle(api, true);
    this.#isEnabled = true;
  }

  setTime(time = 0) {
    validateNumber(time, 'time');
    this.#assertTimeArg(time);
    this.#assertEnabled();
    this.#now = time;
  }

  [Symbol.dispose ?? Symbol.for('nodejs.dispose')]() {
    this.reset();
  }

  reset() {
    if (!this.#isEnabled) return;
    for (const api of this.#enabledApis) this.#toggle(api, false);
    this.#isEnabled = false;
    this.#enabledApis = [];
    this.#now = 0;
    this.#queue = [];
  }

  runAll() {
    this.#assertEnabled();
    const last = this.#queue[this.#queue.length - 1];
    if (!last) return;
    this.tick(last.runAt - this.#now);
  }
}

module.exports = { MockTimers };
