// setTimeout/setInterval/setImmediate and their clear* counterparts, with Node's argument
// rules (delays outside 1..2**31-1 become 1) and Timeout/Immediate objects that support
// ref/unref/hasRef/refresh and numeric ids.
'use strict';

const loop = require('internal/loop');
const { codes } = require('internal/errors');

const { deprecate } = require('internal/warnings');
const TIMEOUT_MAX = 2 ** 31 - 1;
let nextId = 1;
const byId = new Map();

function delayOf(after) {
  after *= 1;
  if (!(after >= 1 && after <= TIMEOUT_MAX)) {
    if (after > TIMEOUT_MAX) {
      process.emitWarning(`${after} does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.`,
        'TimeoutOverflowWarning');
    }
    after = 1;
  }
  return after;
}

class Timeout {
  constructor(callback, after, args, isRepeat) {
    this._idleTimeout = delayOf(after);
    this._onTimeout = callback;
    this._args = args;
    this._repeat = isRepeat ? this._idleTimeout : null;
    this._destroyed = false;
    this._ref = true;
    this._active = true;
    this._id = nextId++;
    Object.defineProperty(this, '_seq', { value: 0, writable: true, enumerable: false });
    Object.defineProperty(this, '_when', { value: 0, writable: true, enumerable: false });
  }

  ref() {
    this._ref = true;
    return this;
  }

  unref() {
    this._ref = false;
    return this;
  }

  hasRef() {
    return this._ref;
  }

  // Re-arms the timer from now, whether it is pending or already ran (in its own callback
  // too); a cleared timer stays cleared, as in Node.
  refresh() {
    if (this._idleTimeout >= 0) {
      if (this._active) loop.removeTimer(this);
      this._destroyed = false;
      this._active = true;
      loop.addTimer(this);
    }
    return this;
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [Symbol.toPrimitive]() {
    byId.set(this._id, this);
    return this._id;
  }
}

class Immediate {
  constructor(callback, args) {
    this._onImmediate = callback;
    this._args = args;
    this._destroyed = false;
    this._ref = true;
  }

  ref() {
    this._ref = true;
    return this;
  }

  unref() {
    this._ref = false;
    return this;
  }

  hasRef() {
    return this._ref;
  }
}

function setTimeout(callback, after, ...args) {
  if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  const timer = new Timeout(callback, after, args, false);
  loop.addTimer(timer);
  return timer;
}

function setInterval(callback, repeat, ...args) {
  if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  const timer = new Timeout(callback, repeat, args, true);
  loop.addTimer(timer);
  return timer;
}

function clearTimeout(timer) {
  if (typeof timer === 'number' || typeof timer === 'string') timer = byId.get(Number(timer));
  // (Even a timer that already ran: `refresh()` no longer re-arms it.)
  if (timer && timer instanceof Timeout) timer._idleTimeout = -1;
  if (timer && timer instanceof Timeout && !timer._destroyed) {
    timer._destroyed = true;
    timer._active = false;
    loop.removeTimer(timer);
    loop.releaseFrame(timer);
    byId.delete(timer._id);
  }
}

function setImmediate(callback, ...args) {
  if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  const immediate = new Immediate(callback, args);
  loop.addImmediate(immediate);
  return immediate;
}

function clearImmediate(immediate) {
  if (immediate && immediate instanceof Immediate) loop.removeImmediate(immediate);
}

// `timer[Symbol.dispose]()` clears it: an anonymous plain function, assigned, as Node's (v20.5+).
if (typeof Symbol.dispose === 'symbol') {
  Timeout.prototype[Symbol.dispose] = function () {
    clearTimeout(this);
  };
  Immediate.prototype[Symbol.dispose] = function () {
    clearImmediate(this);
  };
}

// Node's deprecated timer API on any object with an `_onTimeout` method: `enroll(item, msecs)`
// sets its duration, `active(item)` / `_unrefActive(item)` (re)start it as a ref'd / unref'd
// timer calling `item._onTimeout()`, `unenroll(item)` stops it (`_idleTimeout` -1).
const enrolled = new WeakMap();
function timerDuration(msecs, name) {
  if (typeof msecs !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', msecs);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw codes.ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
      'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}
function stopEnrolled(item) {
  if (item instanceof Timeout) clearTimeout(item);
  const timer = enrolled.get(item);
  if (timer !== undefined) {
    clearTimeout(timer);
    enrolled.delete(item);
  }
}
function startEnrolled(item, ref) {
  const msecs = item._idleTimeout;
  if (msecs === undefined || msecs < 0) return;
  stopEnrolled(item);
  const timer = setTimeout(() => {
    enrolled.delete(item);
    item._onTimeout();
  }, msecs);
  if (!ref) timer.unref();
  item._idleStart = Math.trunc(native.now());
  enrolled.set(item, timer);
}
const deprecatedTimers = {
  enroll(item, msecs) {
    msecs = timerDuration(msecs, 'msecs');
    stopEnrolled(item);
    item._idleTimeout = msecs;
  },
  unenroll(item) {
    stopEnrolled(item);
    item._idleTimeout = -1;
  },
  active(item) {
    startEnrolled(item, true);
  },
  _unrefActive(item) {
    startEnrolled(item, false);
  },
};

// The promise forms live in timers/promises, loaded with their first use.
const promises = () => require('timers/promises');

// util.promisify(setTimeout) / (setImmediate) are the promise forms, as in Node: an enumerable,
// fixed getter (util.inspect shows it on the functions).
const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
Object.defineProperty(setTimeout, kCustomPromisify, {
  get() { return promises().setTimeout; }, enumerable: true, configurable: false,
});
Object.defineProperty(setImmediate, kCustomPromisify, {
  get() { return promises().setImmediate; }, enumerable: true, configurable: false,
});

// A function of its own, as Node's (it clears a timer of either kind, as clearTimeout does).
function clearInterval(timer) {
  clearTimeout(timer);
}

// (Node's keys, in Node's order.)
module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive: deprecate(deprecatedTimers._unrefActive,
    'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.', 'DEP0127'),
  active: deprecate(deprecatedTimers.active, 'timers.active() is deprecated. Please use timeout.refresh() instead.', 'DEP0126'),
  unenroll: deprecate(deprecatedTimers.unenroll, 'timers.unenroll() is deprecated. Please use clearTimeout instead.', 'DEP0096'),
  enroll: deprecate(deprecatedTimers.enroll, 'timers.enroll() is deprecated. Please use setTimeout instead.', 'DEP0095'),
};
// `require('timers').promises` is timers/promises, read through a getter as Node's.
Object.defineProperty(module.exports, 'promises', {
  get() { return promises(); },
  enumerable: true,
  configurable: true,
});
