// `perf_hooks` and the Performance globals as Node v20 has them: `performance` (an instance of
// `Performance`: now(), timeOrigin, the user-timing buffer of marks and measures, timerify),
// `PerformanceEntry`/`PerformanceMark`/`PerformanceMeasure`, and `PerformanceObserver` with
// `PerformanceObserverEntryList`, which receive new entries of the types they observe in a
// later task (setImmediate), sorted by start time.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setImmediate } = require('timers');

const { codes, makeNodeError } = require('internal/errors');

const timeOrigin = Date.now() - native.now();
// Only what the runtime itself makes may construct the "illegal constructor" classes.
const kInternal = Symbol('kInternal');
const kEntry = Symbol('kEntry');
const kBuffer = Symbol('kBuffer');
const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net', 'resource']);

function illegalConstructor() {
  return makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

function invalidThis(type) {
  return codes.ERR_INVALID_THIS(type);
}

class PerformanceEntry {
  constructor(key, name, type, start, duration) {
    if (key !== kInternal) throw illegalConstructor();
    this[kEntry] = { name: `${name}`, type, start, duration };
  }

  get name() {
    if (!(kEntry in this)) throw invalidThis('PerformanceEntry');
    return this[kEntry].name;
  }

  get entryType() {
    if (!(kEntry in this)) throw invalidThis('PerformanceEntry');
    return this[kEntry].type;
  }

  get startTime() {
    if (!(kEntry in this)) throw invalidThis('PerformanceEntry');
    return this[kEntry].start;
  }

  get duration() {
    if (!(kEntry in this)) throw invalidThis('PerformanceEntry');
    return this[kEntry].duration;
  }

  toJSON() {
    return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration };
  }
}

// A copy of `detail` as structuredClone makes it (Node clones it), null when absent.
function cloneDetail(detail) {
  return detail === undefined ? null : require('internal/messaging').structuredClone(detail);
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('name');
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const startTime = options === undefined || options.startTime === undefined ? native.now() : options.startTime;
    if (typeof startTime !== 'number') throw codes.ERR_INVALID_ARG_TYPE('options.startTime', 'number', startTime);
    if (startTime < 0) {
      throw new DOMException(`${name} cannot have a negative start time.`, 'InvalidCharacterError');
    }
    super(kInternal, name, 'mark', startTime, 0);
    this[kEntry].detail = cloneDetail(options === undefined ? undefined : options.detail);
  }

  get detail() {
    if (!(kEntry in this)) throw invalidThis('PerformanceMark');
    return this[kEntry].detail;
  }

  toJSON() {
    return { ...super.toJSON(), detail: this.detail };
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(key, name, start, duration, detail) {
    if (key !== kInternal) throw illegalConstructor();
    super(kInternal, name, 'measure', start, duration);
    this[kEntry].detail = detail;
  }

  get detail() {
    if (!(kEntry in this)) throw invalidThis('PerformanceMeasure');
    return this[kEntry].detail;
  }

  toJSON() {
    return { ...super.toJSON(), detail: this.detail };
  }
}

class PerformanceResourceTiming extends PerformanceEntry {
  constructor(key) {
    if (key !== kInternal) throw illegalConstructor();
    super(kInternal, '', 'resource', 0, 0);
  }
}

// The user-timing buffer (marks and measures, in the order they were made).
const buffer = [];
const observers = new Set();
let deliveryScheduled = false;

function byStartTime(a, b) {
  return a.startTime - b.startTime;
}

function filterEntries(entries, name, type) {
  const out = entries.filter((e) => (name === undefined || e.name === `${name}`) &&
    (type === undefined || e.entryType === `${type}`));
  return out.sort(byStartTime);
}

class PerformanceObserverEntryList {
  constructor(key, entries) {
    if (key !== kInternal) throw illegalConstructor();
    this[kBuffer] = entries;
  }

  getEntries() {
    return filterEntries(this[kBuffer]);
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('type');
    return filterEntries(this[kBuffer], undefined, type);
  }

  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('name');
    return filterEntries(this[kBuffer], name, type);
  }
}

function deliver() {
  deliveryScheduled = false;
  for (const observer of [...observers]) {
    const state = observer[kBuffer];
    if (state.pending.length === 0) continue;
    const entries = state.pending;
    state.pending = [];
    state.callback.call(observer, new PerformanceObserverEntryList(kInternal, entries), observer);
  }
}

// Hands a new entry to every observer of its type.
function enqueue(entry) {
  let any = false;
  for (const observer of observers) {
    const state = observer[kBuffer];
    if (state.types.has(entry.entryType)) {
      state.pending.push(entry);
      any = true;
    }
  }
  if (any && !deliveryScheduled) {
    deliveryScheduled = true;
    setImmediate(deliver);
  }
}

// A Node-specific entry (dns, net, ...) with the `detail` its producer gave.
class PerformanceNodeEntry extends PerformanceEntry {
  get detail() {
    if (!(kEntry in this)) throw invalidThis('PerformanceNodeEntry');
    return this[kEntry].detail;
  }

  toJSON() {
    return { ...super.toJSON(), detail: this.detail };
  }
}

require('internal/perf/observe').install({
  hasObserver(type) {
    for (const observer of observers) if (observer[kBuffer].types.has(type)) return true;
    return false;
  },
  enqueueNodeEntry(name, type, start, duration, detail) {
    const entry = new PerformanceNodeEntry(kInternal, name, type, start, duration);
    entry[kEntry].detail = detail;
    enqueue(entry);
  },
});

class PerformanceObserver {
  constructor(callback) {
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'function', callback);
    this[kBuffer] = { callback, types: new Set(), pending: [] };
  }

  static get supportedEntryTypes() {
    return supportedEntryTypes;
  }

  observe(options = {}) {
    if (options === null || typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw codes.ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    }
    if (entryTypes !== undefined && type !== undefined) {
      throw codes.ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes, 'options.entryTypes can not set with options.type together');
    }
    const state = this[kBuffer];
    state.types.clear();
    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes)) throw codes.ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      for (const t of entryTypes) if (supportedEntryTypes.includes(t)) state.types.add(t);
    } else if (supportedEntryTypes.includes(type)) {
      state.types.add(type);
      if (buffered) {
        for (const entry of buffer) if (entry.entryType === type) state.pending.push(entry);
        if (state.pending.length !== 0 && !deliveryScheduled) {
          deliveryScheduled = true;
          setImmediate(deliver);
        }
      }
    }
    if (state.types.size === 0) observers.delete(this);
    else observers.add(this);
  }

  disconnect() {
    observers.delete(this);
    this[kBuffer].pending = [];
  }

  takeRecords() {
    const state = this[kBuffer];
    const entries = state.pending;
    state.pending = [];
    return entries;
  }
}

// The start time a measure option names: a mark's (the latest of that name) or a number.
function markTime(name, which) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new TypeError(`${which} cannot be negative`);
    return name;
  }
  for (let i = buffer.length - 1; i >= 0; i--) {
    if (buffer[i].entryType === 'mark' && buffer[i].name === `${name}`) return buffer[i].startTime;
  }
  throw new DOMException(`The "${name}" performance mark has not been set`, 'SyntaxError');
}

function clearEntries(type, name) {
  for (let i = buffer.length - 1; i >= 0; i--) {
    if (buffer[i].entryType === type && (name === undefined || buffer[i].name === `${name}`)) buffer.splice(i, 1);
  }
}

class Performance {
  constructor(key) {
    if (key !== kInternal) throw illegalConstructor();
  }

  clearMarks(name = undefined) {
    clearEntries('mark', name);
  }

  clearMeasures(name = undefined) {
    clearEntries('measure', name);
  }

  clearResourceTimings(name = undefined) {
    clearEntries('resource', name);
  }

  getEntries() {
    return filterEntries(buffer);
  }

  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('name');
    return filterEntries(buffer, name, type);
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('type');
    return filterEntries(buffer, undefined, type);
  }

  mark(name, options = undefined) {
    const entry = new PerformanceMark(name, options);
    buffer.push(entry);
    enqueue(entry);
    return entry;
  }

  measure(name, startOrOptions = undefined, endMark = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('name');
    let start;
    let end;
    let duration;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === 'object') {
      start = markTime(startOrOptions.start, 'start');
      end = markTime(startOrOptions.end, 'end');
      duration = startOrOptions.duration;
      detail = cloneDetail(startOrOptions.detail);
      if (end === undefined && duration !== undefined) end = (start === undefined ? 0 : start) + duration;
      if (start === undefined && duration !== undefined && end !== undefined) start = end - duration;
    } else {
      start = markTime(startOrOptions, 'start');
      end = markTime(endMark, 'end');
    }
    if (start === undefined) start = 0;
    if (end === undefined) end = native.now();
    const entry = new PerformanceMeasure(kInternal, name, start, end - start, detail);
    buffer.push(entry);
    enqueue(entry);
    return entry;
  }

  now() {
    return native.now();
  }

  setResourceTimingBufferSize(maxSize) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('maxSize');
  }

  get timeOrigin() {
    return timeOrigin;
  }

  // Wraps `fn` so every call is timed as a 'function' entry for observers.
  timerify(fn) {
    if (typeof fn !== 'function') throw codes.ERR_INVALID_ARG_TYPE('fn', 'function', fn);
    const timed = {
      [fn.name](...args) {
        const start = native.now();
        const result = new.target ? Reflect.construct(fn, args, fn) : Reflect.apply(fn, this, args);
        const entry = new PerformanceEntry(kInternal, fn.name, 'function', start, native.now() - start);
        enqueue(entry);
        return result;
      },
    }[fn.name];
    Object.defineProperty(timed, 'name', { value: `timerified ${fn.name}`, configurable: true });
    Object.defineProperty(timed, 'length', { value: fn.length, configurable: true });
    return timed;
  }

  toJSON() {
    return { timeOrigin };
  }
}

// Node tags every class but PerformanceEntry.
for (const C of [Performance, PerformanceMark, PerformanceMeasure, PerformanceObserver,
  PerformanceObserverEntryList, PerformanceResourceTiming]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
}

const performance = new Performance(kInternal);

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  PerformanceResourceTiming,
  monitorEventLoopDelay: function monitorEventLoopDelay(options = undefined) {
    return require('internal/histogram').monitorEventLoopDelay(options);
  },
  createHistogram: function createHistogram(options = undefined) {
    return require('internal/histogram').createHistogram(options);
  },
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
