// The Performance classes as globals and in perf_hooks: user-timing marks and measures, the
// entry buffer and its queries, observers (delivered after the current task's immediates,
// sorted by start time), the illegal constructors, Node's errors and timerify.
const order = [];
const obs = new PerformanceObserver((list, o) => { order.push('observer:' + list.getEntries().map((e) => e.name).join('+')); });
obs.observe({ entryTypes: ['mark', 'measure'] });
setImmediate(() => order.push('immediate'));
setTimeout(() => order.push('timeout'), 0);
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('promise'));
performance.mark('a');
performance.mark('b', { detail: { x: 1 } });
performance.measure('m', 'a', 'b');
setImmediate(() => setImmediate(() => { console.log(order.join(' ')); obs.disconnect(); }));
const m = performance.getEntriesByName('b')[0];
console.log(m.constructor.name, m.entryType, typeof m.startTime, m.duration, JSON.stringify(m.detail), Object.keys(m.toJSON()).join());
console.log(performance.getEntriesByType('measure').length, performance.getEntries().length, performance.getEntriesByName('a', 'mark').length);
console.log(['clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries', 'getEntriesByName', 'getEntriesByType', 'mark', 'measure', 'now', 'setResourceTimingBufferSize', 'timeOrigin', 'timerify', 'toJSON'].every((k) => Object.getOwnPropertyNames(Performance.prototype).includes(k)));
console.log(Object.getOwnPropertyNames(PerformanceEntry.prototype).sort().join(), Object.getOwnPropertyNames(PerformanceMark.prototype).sort().join(), Object.getOwnPropertyNames(PerformanceMeasure.prototype).sort().join());
console.log(Object.getOwnPropertyNames(PerformanceObserver.prototype).sort().join(), PerformanceObserver.supportedEntryTypes.join());
console.log(Object.getOwnPropertyNames(PerformanceObserverEntryList.prototype).sort().join());
for (const C of [Performance, PerformanceEntry, PerformanceMeasure, PerformanceObserverEntryList, PerformanceResourceTiming]) { try { new C(); console.log(C.name, 'constructed'); } catch (e) { console.log(C.name, e.name, e.code, e.message); } }
const pm = new PerformanceMark('x', { startTime: 5, detail: 'd' }); console.log(pm.name, pm.startTime, pm.detail, pm.duration, pm instanceof PerformanceEntry);
try { new PerformanceMark(); } catch (e) { console.log(e.name, e.code, e.message); }
try { performance.measure('q', 'nope'); } catch (e) { console.log(e.name, e.code, e.message); }
try { new PerformanceObserver(); } catch (e) { console.log(e.name, e.code, e.message); }
try { obs.observe(); } catch (e) { console.log(e.name, e.code, e.message); }
performance.clearMarks('a'); console.log(performance.getEntriesByType('mark').map((e) => e.name).join());
performance.clearMarks(); performance.clearMeasures(); console.log(performance.getEntries().length);
console.log(Object.prototype.toString.call(performance), performance instanceof Performance, typeof performance.toJSON().timeOrigin);
console.log(require('perf_hooks').performance === performance, require('perf_hooks').PerformanceObserver === PerformanceObserver);
const timed = performance.timerify(function work(a, b) { return a + b; });
console.log(timed.name, timed.length, timed(1, 2));
