// `perf_hooks`: performance.now() (ms since start, monotonic), timeOrigin, mark/measure basics.
'use strict';

const timeOrigin = Date.now() - native.now();
const marks = new Map();

const performance = {
  now: () => native.now(),
  timeOrigin,
  mark(name) {
    const entry = { name, entryType: 'mark', startTime: native.now(), duration: 0 };
    marks.set(name, entry);
    return entry;
  },
  measure(name, start, end) {
    const startTime = start === undefined ? 0 : (marks.get(start) || { startTime: 0 }).startTime;
    const endTime = end === undefined ? native.now() : (marks.get(end) || { startTime: native.now() }).startTime;
    return { name, entryType: 'measure', startTime, duration: endTime - startTime };
  },
  clearMarks(name) {
    if (name === undefined) marks.clear();
    else marks.delete(name);
  },
  toJSON() {
    return { timeOrigin };
  },
};

module.exports = { performance, PerformanceObserver: class PerformanceObserver { observe() {} disconnect() {} } };
