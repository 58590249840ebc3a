// The event loop, simplified from libuv's phases but with Node's ordering for ordinary
// scripts: after the main module and after every callback, the nextTick queue drains, then
// the microtask queue, then unhandled rejections are processed; each loop iteration runs due
// timers (by due time, then creation order), then the immediates queued before the phase.
'use strict';

const { codes } = require('internal/errors');

// The nextTick queue, flat: each tick takes kTickSlots entries (callback, its arguments array,
// its async frame or undefined), so queueing one makes no object (an object literal per tick
// cost more than the rest of nextTick in QuickJS).
let ticks = [];
const kTickSlots = 3;
let tickHead = 0;
const rejections = new Map();
const timerList = [];
let timerSeq = 0;
let immediates = [];
// Completed I/O requests (the fs callback forms): delivered in the poll phase, after due timers
// and before immediates, as libuv delivers its thread pool's completions; never earlier than
// the ticks and microtasks of the code that made the request.
let ioCompletions = [];
// The completion whose callback runs now: still an active request (as libuv's is until its
// callback returns).
let ioRunning = null;
// The batch being delivered, and where its undelivered part starts.
let ioBatch = [];
let ioBatchNext = 0;

/** A pending I/O request, under the name Node's resource lists give it. */
class FSReqCallback {
  constructor(callback, args) {
    this.callback = callback;
    this.args = args;
    this.frame = undefined;
  }
}
let loopTime = native.now();
let exiting = false;
// Incoming messages and worker events (internal/messaging): polled after timers, and the loop
// sleeps on its inbox instead of a plain sleep.
let eventSource = null;
// process.setUncaughtExceptionCaptureCallback's function: it takes uncaught exceptions before
// any 'uncaughtException' listener.
let captureCallback = null;
const captureState = { captureFn: null };
// Where a worker sends its uncaught errors instead of printing them.
let fatalHook = null;
// internal/async_context once `async_hooks` is loaded: then every tick, timer, immediate and
// queueMicrotask callback gets an async frame when queued and runs inside it.
let asyncContext = null;
const kAsyncFrame = Symbol('kAsyncFrame');

function noop() {}

// Gives a timer or immediate its frame the first time it is queued (a refreshed timer keeps
// its id, as in Node).
function attachFrame(owner, type) {
  if (asyncContext === null || owner[kAsyncFrame] !== undefined) return;
  Object.defineProperty(owner, kAsyncFrame, {
    value: asyncContext.init(type, owner), writable: true, configurable: true, enumerable: false,
  });
}

/** Emits `destroy` for a cleared timer or immediate that had a frame (once). */
function releaseFrame(owner) {
  const frame = owner[kAsyncFrame];
  if (frame === undefined || frame === null || asyncContext === null) return;
  owner[kAsyncFrame] = null;
  asyncContext.destroy(frame);
}

// Runs `fn(...args)` inside `frame` when there is one; an exception goes to `fatal`.
// Returns true when it threw.
function runCallback(frame, fn, thisArg, args) {
  if (frame === undefined || frame === null) {
    try {
      Reflect.apply(fn, thisArg, args);
    } catch (err) {
      fatal(err);
      return true;
    }
    return false;
  }
  asyncContext.enter(frame);
  try {
    Reflect.apply(fn, thisArg, args);
  } catch (err) {
    fatal(err);
    return true;
  } finally {
    asyncContext.exit(frame);
  }
  return false;
}

function nextTick(callback, ...args) {
  if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (exiting) return;
  let frame;
  // async_hooks' init sees Node's TickObject resource: { callback, args }.
  if (asyncContext !== null) frame = asyncContext.init('TickObject', { callback, args });
  ticks.push(callback, args, frame);
}

function queueMicrotask(callback) {
  if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
  if (asyncContext !== null) {
    // Node runs each queued microtask as an AsyncResource('Microtask').
    const { AsyncResource } = require('async_hooks');
    const resource = new AsyncResource('Microtask', { requireManualDestroy: true });
    // (A plain job: a promise reaction would run in a scope of its own, which a domain's hook
    // would enter too.)
    native.enqueueMicrotask(() => {
      // As Node: the callback's exception leaves its scope (after hooks run, a domain entered
      // for it is left) before it is reported.
      const frame = resource[asyncContext.kFrame];
      let failed = false;
      let error;
      asyncContext.enter(frame);
      try {
        callback();
      } catch (err) {
        failed = true;
        error = err;
      } finally {
        resource.emitDestroy();
        asyncContext.exit(frame);
      }
      if (failed) fatalFromMicrotask(error);
    }, fatalFromMicrotask);
    return;
  }
  native.enqueueMicrotask(callback, fatalFromMicrotask);
}

// Node reports a queueMicrotask callback's exception after a rethrow, so its source header
// shows where the error was made, not the `throw`.
function fatalFromMicrotask(error) {
  fatal(error, 'uncaughtException', null);
}

function runMicrotasks() {
  try {
    if (asyncContext !== null) asyncContext.runJobs(native.runMicrotasks);
    else native.runMicrotasks();
  } catch (err) {
    fatal(err);
  }
}

// Node's processTicksAndRejections. A tick that throws ends the drain when
// `goOnAfterThrow` is false, as an exception unwinds out of Node's drain: what is left (ticks
// and microtasks) runs before the next immediate or I/O callback, or after the next callback of
// any kind (see `drainDeferredTicks`). Timers and I/O completions pass true: Node re-enters
// their processing at once after reporting the exception.
function runTicks(goOnAfterThrow = false) {
  do {
    while (tickHead < ticks.length) {
      const callback = ticks[tickHead];
      const args = ticks[tickHead + 1];
      const frame = ticks[tickHead + 2];
      tickHead += kTickSlots;
      let threw = false;
      if (frame !== undefined) {
        threw = runCallback(frame, callback, undefined, args);
        asyncContext.destroy(frame);
      } else {
        // Called as a plain function (no receiver), as Node calls it: its stack frame reads
        // `at file:line:col`, not `at Object.callback`. Spelled out up to three arguments: a
        // spread call walks the array's iterator (~6x a plain call in QuickJS).
        try {
          switch (args.length) {
            case 0: callback(); break;
            case 1: callback(args[0]); break;
            case 2: callback(args[0], args[1]); break;
            case 3: callback(args[0], args[1], args[2]); break;
            default: callback(...args);
          }
        } catch (err) {
          fatal(err);
          threw = true;
        }
      }
      if (threw && !goOnAfterThrow) return;
      if (tickHead > 3 * 1024 && tickHead * 2 > ticks.length) {
        // A copy of the rest, not splice: QuickJS's splice shifts the rest and then deletes
        // the freed tail element by element (before engine patch 0034 those deletes also
        // turned the queue into a slow array for good).
        ticks = ticks.slice(tickHead);
        tickHead = 0;
      }
    }
    runMicrotasks();
    // As Node: rejections are looked at only once ticks queued by microtasks have run too (a
    // handler attached from such a tick still counts as in time).
    if (tickHead < ticks.length) continue;
    processRejections();
  } while (tickHead < ticks.length || rejections.size > 0);
  ticks.length = 0;
  tickHead = 0;
}

// Once `domain` is loaded: the domain active when each pending promise was rejected (Node hands
// such a rejection to that domain's 'error' event instead of 'unhandledRejection').
let rejectionDomains = null;

// (With the async context the promise was rejected in: 'unhandledRejection' listeners run in
// it, as Node's do; the test runner finds the test that failed from it.)
function onRejection(promise, reason, handled) {
  if (handled) {
    rejections.delete(promise);
    if (rejectionDomains !== null) rejectionDomains.delete(promise);
  } else {
    rejections.set(promise, { reason, frame: native.getAsyncFrame() });
    if (rejectionDomains !== null && process.domain) rejectionDomains.set(promise, process.domain);
  }
}

function processRejections() {
  if (rejections.size === 0) return;
  const pending = [...rejections];
  rejections.clear();
  for (const [promise, { reason, frame }] of pending) {
    const domain = rejectionDomains === null ? undefined : rejectionDomains.get(promise);
    if (domain !== undefined) {
      rejectionDomains.delete(promise);
      let handled;
      try {
        handled = domain.emit('error', reason);
      } catch (err) {
        fatal(err);
        continue;
      }
      if (handled) continue;
    } else if (process.listenerCount('unhandledRejection') > 0) {
      const before = native.getAsyncFrame();
      if (frame !== undefined) native.setAsyncFrame(frame);
      try {
        process.emit('unhandledRejection', reason, promise);
      } finally {
        if (frame !== undefined) native.setAsyncFrame(before);
      }
      continue;
    }
    fatal(printer().rejectionError(reason), 'unhandledRejection');
  }
}

// What prints a fatal error (its source header, the error inspected, the abort report) loads
// with the first one (internal/process/fatal): most processes never need it.
let fatalPrinter;
const printer = () => (fatalPrinter ??= require('internal/process/fatal'));
const report = (error, origin, header) => printer().report(error, origin, header);
const abortOn = (error) => printer().abortOn(error);

// --abort-on-uncaught-exception: an exception no capture callback takes ends the process at
// once, before any 'uncaughtException' listener or 'exit' event.
const abortOnUncaught = native.process.flags.abortOnUncaughtException === true;

// Node's fatal-exception handler runs under a TryCatch that makes an exception from it (from
// the capture callback or an 'uncaughtException' listener) fatal at once: printed, exit code 7,
// no 'exit' event.
function handlerThrew(err) {
  if (abortOnUncaught) abortOn(err);
  if (fatalHook === null) report(err, 'uncaughtException', undefined);
  else fatalHook(err);
  process.exitCode = 7;
  exiting = true;
  process._exiting = true;
  native.exit(7);
}

// An exception nobody caught: 'uncaughtException' listeners get it, otherwise print it the way
// Node does and exit with code 1 (after 'exit' listeners run).
// `header`: the source header to print (a string), or null to show where the error was made
// rather than the `throw` that threw it; undefined: Node's usual choice.
function fatal(error, origin = 'uncaughtException', header = undefined) {
  if (!exiting && captureCallback === null && abortOnUncaught) abortOn(error);
  if (!exiting && captureCallback !== null) {
    try {
      // Called as a method of the handler state, as Node calls it (its stack frame reads
      // `Object.captureFn`).
      captureState.captureFn(error);
    } catch (err) {
      handlerThrew(err);
    }
    require('timers').setImmediate(noop);
    return;
  }
  if (!exiting && process.listenerCount('uncaughtException') > 0) {
    try {
      process.emit('uncaughtException', error, origin);
    } catch (err) {
      handlerThrew(err);
    }
    // As Node: a handled exception queues an empty immediate, so that ticks a failed drain
    // left behind get their turn even when nothing else is scheduled.
    require('timers').setImmediate(noop);
    return;
  }
  if (fatalHook === null) report(error, origin, header);
  process.exitCode = 1;
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    try {
      process.emit('exit', 1);
    } catch {
      // Exiting anyway.
    }
  }
  // A worker reports the error to its parent after its own 'exit' listeners ran, as Node does.
  if (fatalHook !== null) fatalHook(error);
  native.exit(1);
}

// --- timers --------------------------------------------------------------------------------

function now() {
  return loopTime;
}

function addTimer(timer) {
  attachFrame(timer, 'Timeout');
  timer._seq = timerSeq++;
  // A timer starts at the time it is made: Node reads libuv's clock afresh for it (updating
  // the loop's time), so a timer made after a long synchronous stretch waits its whole delay.
  // (Truncated, as Node's timer lists are: 1.1 and 1.8 ms are both due after 1 ms, in order.)
  loopTime = native.now();
  timer._when = loopTime + Math.trunc(timer._idleTimeout);
  let lo = 0;
  let hi = timerList.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = timerList[mid];
    if (t._when < timer._when || (t._when === timer._when && t._seq < timer._seq)) lo = mid + 1;
    else hi = mid;
  }
  timerList.splice(lo, 0, timer);
}

function removeTimer(timer) {
  const index = timerList.indexOf(timer);
  if (index !== -1) timerList.splice(index, 1);
}

// The timer whose callback runs now: still a resource (Node lets it go after the callback).
let timerRunning = null;

function runTimers() {
  // A turn starts: what ran before it ended (WeakRef targets it kept may go with the next
  // collection, engine patch 0072), even when no microtask checkpoint came between.
  loopTime = native.loopTurn();
  while (timerList.length > 0 && timerList[0]._when <= loopTime) {
    const timer = timerList.shift();
    timer._active = false;
    timerRunning = timer;
    // (A timer whose `_onTimeout` a script removed is dropped, as Node drops it.)
    if (typeof timer._onTimeout === 'function') {
      runCallback(timer[kAsyncFrame], timer._onTimeout, timer, timer._args);
    }
    timerRunning = null;
    if (timer._active) {
      // Its callback re-armed it (`refresh()`).
    } else if (timer._repeat !== null && !timer._destroyed && timer._idleTimeout !== -1 &&
               typeof timer._onTimeout === 'function') {
      timer._idleTimeout = timer._repeat;
      timer._active = true;
      addTimer(timer);
    } else {
      timer._destroyed = true;
      releaseFrame(timer);
    }
    runTicks(true);
  }
}

// Ticks a drain left when one of them threw run before the next immediate or I/O callback
// (Node queues an immediate after every handled exception to get them processed).
function drainDeferredTicks() {
  if (tickHead < ticks.length) runTicks();
}

/**
 * Queues `callback(...args)` as the completion of an I/O request (Node's FSReqCallback): it runs
 * in the loop's next poll phase and keeps the loop alive until then.
 */
function queueIoCompletion(callback, ...args) {
  if (exiting) return;
  const request = new FSReqCallback(callback, args);
  if (asyncContext !== null) request.frame = asyncContext.init('FSREQCALLBACK', request);
  ioCompletions.push(request);
}

function runIoCompletions() {
  if (ioCompletions.length === 0) return;
  drainDeferredTicks();
  const batch = ioCompletions;
  ioCompletions = [];
  ioBatch = batch;
  for (let i = 0; i < batch.length; i++) {
    const request = batch[i];
    ioBatchNext = i + 1;
    ioRunning = request;
    if (request.frame !== undefined) {
      runCallback(request.frame, request.callback, undefined, request.args);
      asyncContext.destroy(request.frame);
    } else {
      const { callback, args } = request;
      try {
        callback(...args);
      } catch (err) {
        fatal(err);
      }
    }
    ioRunning = null;
    runTicks(true);
  }
  ioBatch = [];
  ioBatchNext = 0;
}

function addImmediate(immediate) {
  attachFrame(immediate, 'Immediate');
  immediates.push(immediate);
}

function removeImmediate(immediate) {
  immediate._destroyed = true;
  releaseFrame(immediate);
}

// Set by `domain` once loaded: `(method, fn, arg)` calls `fn(arg)` the way Node's native code
// calls into JS on the process object (immediates, 'beforeExit'): inside the active domain,
// with DEP0097 when one is active.
let domainTrampoline = null;

// Set by internal/async_context while destroy hooks are queued: run before the immediates
// (Node's native immediates come first) and never keeps the loop alive.
let destroyFlush = null;

function runImmediates() {
  if (destroyFlush !== null) {
    const flush = destroyFlush;
    destroyFlush = null;
    flush();
    runTicks();
  }
  if (immediates.length > 0) drainDeferredTicks();
  const batch = immediates;
  immediates = [];
  if (batch.length === 0) return;
  if (domainTrampoline === null) runImmediateBatch(batch);
  else if (batch.some((immediate) => !immediate._destroyed)) domainTrampoline('processImmediate', runImmediateBatch, batch);
  runTicks();
}

// The ticks an immediate queues run before the next immediate; those of the last one run
// after the batch (as Node's run when its immediates callback returns, outside any domain the
// call was made in).
function runImmediateBatch(batch) {
  let ran = false;
  for (const immediate of batch) {
    if (immediate._destroyed) continue;
    if (ran) runTicks();
    ran = true;
    immediate._destroyed = true;
    runCallback(immediate[kAsyncFrame], immediate._onImmediate, immediate, immediate._args);
    releaseFrame(immediate);
  }
}

// Close callbacks (libuv's last phase): a handle's 'close' event (MessagePort#close) runs after
// the immediates of the iteration it was closed in.
let closeCallbacks = [];

/** Queues `callback` for the close-callbacks phase; it keeps the loop alive until then. */
function queueCloseCallback(callback) {
  closeCallbacks.push(callback);
}

function runCloseCallbacks() {
  const batch = closeCallbacks;
  closeCallbacks = [];
  for (const callback of batch) {
    try {
      callback();
    } catch (err) {
      fatal(err);
    }
    runTicks();
  }
}

/**
 * What keeps the loop alive, as process.getActiveResourcesInfo() reports it: the pending I/O
 * requests, the ref'd event-source handles (`handles`, objects), then one 'Timeout' per ref'd
 * timer and one 'Immediate' per ref'd immediate.
 */
function activeResources() {
  const requests = [...ioBatch.slice(ioBatchNext), ...ioCompletions];
  if (ioRunning !== null) requests.unshift(ioRunning);
  const handles = eventSource !== null && eventSource.activeHandles !== undefined ? eventSource.activeHandles() : [];
  let timers = timerRunning !== null && timerRunning._ref && !timerRunning._destroyed ? 1 : 0;
  for (const t of timerList) if (t._ref) timers++;
  let pendingImmediates = 0;
  for (const i of immediates) if (!i._destroyed && i._ref) pendingImmediates++;
  return { requests, handles, timers, immediates: pendingImmediates };
}

function hasWork() {
  if (ioCompletions.length > 0 || closeCallbacks.length > 0) return true;
  if (immediates.some((i) => !i._destroyed && i._ref)) return true;
  if (eventSource !== null && eventSource.hasRef()) return true;
  return timerList.some((t) => t._ref);
}

// Whether the loop goes on when nothing keeps it alive: 'beforeExit' listeners gave it work.
function revivedBeforeExit() {
  // (Node always emits it; with a domain left active the emission itself is observable.)
  if (process.listenerCount('beforeExit') === 0 && (domainTrampoline === null || !process.domain)) return false;
  if (domainTrampoline === null) emitBeforeExit();
  else domainTrampoline('emit', emitBeforeExit);
  runTicks();
  return hasWork();
}

function run() {
  runTicks();
  // As libuv's loop, liveness is checked before each turn, the first included: a script that
  // leaves only unref'd immediates or timers runs none of them. (One check per turn.)
  let alive = hasWork();
  while (alive || revivedBeforeExit()) {
    runTimers();
    runIoCompletions();
    if (eventSource !== null) eventSource.poll();
    runImmediates();
    runCloseCallbacks();
    alive = hasWork();
    if (!alive) continue;
    if (ioCompletions.length > 0 || closeCallbacks.length > 0) continue;
    if (immediates.length === 0 && eventSource !== null) {
      eventSource.wait(timerList.length > 0 ? Math.max(0, timerList[0]._when - native.now()) : -1);
    } else if (immediates.length === 0 && timerList.length > 0) {
      native.sleep(timerList[0]._when - native.now());
    }
  }
}

function emitBeforeExit() {
  process.emit('beforeExit', process.exitCode === undefined ? 0 : process.exitCode);
}

function emitExit(code) {
  process.emit('exit', code);
}

// Emits 'exit' once and returns the exit code.
// Set by the ES module loader: true while the main module's top-level await is unsettled.
let mainPending = () => false;

function exit() {
  // Node exits with 13 when the loop empties while the main module still awaits.
  if (mainPending() && process.exitCode === undefined) process.exitCode = 13;
  let code = process.exitCode === undefined ? 0 : Number(process.exitCode) | 0;
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    try {
      if (domainTrampoline === null) process.emit('exit', code);
      else domainTrampoline('emit', emitExit, code);
    } catch (err) {
      exiting = false;
      fatal(err);
    }
    code = process.exitCode === undefined ? code : Number(process.exitCode) | 0;
  }
  return code;
}

module.exports = {
  nextTick,
  queueMicrotask,
  runTicks,
  onRejection,
  fatal,
  run,
  exit,
  now,
  addTimer,
  removeTimer,
  addImmediate,
  removeImmediate,
  queueIoCompletion,
  queueCloseCallback,
  activeResources,
  isExiting: () => exiting,
  setEventSource: (source) => { eventSource = source; },
  setFatalHook: (hook) => { fatalHook = hook; },
  setCaptureCallback: (fn) => {
    captureCallback = fn;
    captureState.captureFn = fn;
  },
  getCaptureCallback: () => captureCallback,
  setAsyncContext: (context) => { asyncContext = context; },
  getAsyncContext: () => asyncContext,
  setDestroyFlush: (flush) => { destroyFlush = flush; },
  releaseFrame,
  setMainPending: (check) => { mainPending = check; },
  setExiting: () => { exiting = true; },
  setDomainTrampoline: (fn) => { domainTrampoline = fn; },
  trackRejectionDomains: () => { if (rejectionDomains === null) rejectionDomains = new Map(); },
};
