// node:test's tests, suites and hooks: how each runs (hooks around it, its `done` callback or
// promise, timeouts and abort signals), how subtests queue under their parent's concurrency,
// and the order results reach the reporter (a test reports once every earlier sibling has).
// Written from Node v20's documented and observed behaviour.
'use strict';

const { AsyncLocalStorage } = require('async_hooks');
const { codes, AbortError, errorSites, validateNumber, validateOneOf } = require('internal/errors');
const { TestsStream } = require('internal/test_runner/tests_stream');
const {
  countCompletedTest,
  createDeferredCallback,
  isTestFailureError,
  parseCommandLine,
} = require('internal/test_runner/utils');

const ReflectApply = Reflect.apply;
const hrtime = () => process.hrtime.bigint();

const kCallbackAndPromisePresent = 'callbackAndPromisePresent';
const kCancelledByParent = 'cancelledByParent';
const kAborted = 'testAborted';
const kParentAlreadyFinished = 'parentAlreadyFinished';
const kSubtestsFailed = 'subtestsFailed';
const kTestCodeFailure = 'testCodeFailure';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kHookFailure = 'hookFailed';
const kHookNames = Object.freeze(['before', 'after', 'beforeEach', 'afterEach']);
// The failure types whose error the reporters show as the user's own (message, stack...).
const kUnwrapErrors = new Set([kTestCodeFailure, kHookFailure, 'uncaughtException', 'unhandledRejection']);
const TIMEOUT_MAX = 2 ** 31 - 1;
const noop = function () {};

// The test (or hook, or suite) whose code is running: `test()` called from inside a test's
// function, or from something it scheduled, makes a subtest of it.
const currentTest = new AsyncLocalStorage();

let options;
function commandLine() {
  options ??= parseCommandLine();
  return options;
}

/** `[line, column, file]` of the call to `fn`'s caller, as Node's getCallerLocation. */
function callerLocation(fn) {
  const probe = {};
  Error.captureStackTrace(probe, fn);
  void probe.stack;
  const site = errorSites.get(probe);
  return site === undefined ? undefined : [site.line, site.column, site.file];
}

function validateUint32(value, name, positive) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  const min = positive ? 1 : 0;
  if (value < min || value > 4294967295) throw codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= 4294967295`, value);
}

function validateNumberRange(value, name, min, max) {
  validateNumber(value, name);
  if (value < min || value > max || Number.isNaN(value)) {
    throw codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw codes.ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
}

// `fn` only once; later calls return the first call's result.
function once(fn) {
  let called = false;
  let result;
  return function (...args) {
    if (!called) {
      called = true;
      result = ReflectApply(fn, this, args);
    }
    return result;
  };
}

/**
 * What ends a running test early: a promise settled when `signal` aborts (resolved) or, with a
 * timeout, when the time is up (rejected with the timeout failure). `dispose()` drops both.
 */
function stopTest(timeout, signal) {
  let resolve;
  const settled = new Promise((res) => {
    resolve = res;
  });
  const onAbort = () => resolve();
  signal.addEventListener('abort', onAbort, { once: true });
  let timer;
  let promise = settled;
  if (timeout !== null) {
    timer = setTimeout(resolve, timeout);
    timer.unref();
    promise = settled.then(() => {
      throw codes.ERR_TEST_FAILURE(`test timed out after ${timeout}ms`, kTestTimeoutFailure);
    });
  }
  return {
    promise,
    dispose() {
      signal.removeEventListener('abort', onAbort);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

class TestPlan {
  constructor(count) {
    validateUint32(count, 'count');
    this.expected = count;
    this.actual = 0;
  }

  check() {
    if (this.actual !== this.expected) {
      throw codes.ERR_TEST_FAILURE(`plan expected ${this.expected} assertions but received ${this.actual}`, kTestCodeFailure);
    }
  }
}

let assertMethods;
function lazyAssertMethods() {
  if (assertMethods === undefined) {
    const assert = require('assert');
    assertMethods = new Map();
    for (const name of ['deepEqual', 'deepStrictEqual', 'doesNotMatch', 'doesNotReject', 'doesNotThrow', 'equal',
      'fail', 'ifError', 'match', 'notDeepEqual', 'notDeepStrictEqual', 'notEqual', 'notStrictEqual', 'rejects',
      'strictEqual', 'throws']) {
      assertMethods.set(name, assert[name]);
    }
    assertMethods.set('ok', assert.ok);
  }
  return assertMethods;
}

function getFullName(test) {
  let fullName = test.name;
  for (let t = test.parent; t !== t.root; t = t.parent) fullName = `${t.name} > ${fullName}`;
  return fullName;
}

/** The `t` a test's function gets. */
class TestContext {
  #test;
  #assert;

  constructor(test) {
    this.#test = test;
  }

  get signal() {
    return this.#test.signal;
  }

  get name() {
    return this.#test.name;
  }

  get fullName() {
    return getFullName(this.#test);
  }

  get error() {
    return this.#test.error;
  }

  get passed() {
    return this.#test.passed;
  }

  diagnostic(message) {
    this.#test.diagnostic(message);
  }

  plan(count) {
    if (this.#test.plan !== null) {
      throw codes.ERR_TEST_FAILURE('cannot set plan more than once', kTestCodeFailure);
    }
    this.#test.plan = new TestPlan(count);
  }

  get assert() {
    if (this.#assert === undefined) {
      const { plan } = this.#test;
      const assert = { __proto__: null };
      for (const [name, method] of lazyAssertMethods()) {
        assert[name] = (...args) => {
          if (plan !== null) plan.actual++;
          return ReflectApply(method, assert, args);
        };
      }
      this.#assert = assert;
    }
    return this.#assert;
  }

  get mock() {
    if (this.#test.mock === null) {
      const { MockTracker } = require('internal/test_runner/mock');
      this.#test.mock = new MockTracker();
    }
    return this.#test.mock;
  }

  runOnly(value) {
    this.#test.runOnlySubtests = !!value;
  }

  skip(message) {
    this.#test.skip(message);
  }

  todo(message) {
    this.#test.todo(message);
  }

  test(name, options, fn) {
    const overrides = { __proto__: null, loc: callerLocation(TestContext.prototype.test) };
    const { plan } = this.#test;
    if (plan !== null) plan.actual++;
    // eslint-disable-next-line no-use-before-define
    const subtest = this.#test.createSubtest(Test, name, options, fn, overrides);
    return subtest.start();
  }

  before(fn, options) {
    this.#test.createHook('before', fn, { __proto__: null, ...options, hookType: 'before', loc: callerLocation(TestContext.prototype.before) });
  }

  after(fn, options) {
    this.#test.createHook('after', fn, { __proto__: null, ...options, hookType: 'after', loc: callerLocation(TestContext.prototype.after) });
  }

  beforeEach(fn, options) {
    this.#test.createHook('beforeEach', fn, { __proto__: null, ...options, hookType: 'beforeEach', loc: callerLocation(TestContext.prototype.beforeEach) });
  }

  afterEach(fn, options) {
    this.#test.createHook('afterEach', fn, { __proto__: null, ...options, hookType: 'afterEach', loc: callerLocation(TestContext.prototype.afterEach) });
  }
}

/** The context a `describe()`'s function gets. */
class SuiteContext {
  #suite;

  constructor(suite) {
    this.#suite = suite;
  }

  get signal() {
    return this.#suite.signal;
  }

  get name() {
    return this.#suite.name;
  }

  get fullName() {
    return getFullName(this.#suite);
  }
}

class Test {
  #reportedSubtest = false;

  constructor(opts) {
    let { fn, name, parent, skip } = opts;
    const { concurrency, loc, only, timeout, todo, signal, plan } = opts;
    const { testOnlyFlag, testNamePatterns } = commandLine();

    if (typeof fn !== 'function') fn = noop;
    if (typeof name !== 'string' || name === '') name = fn.name || '<anonymous>';
    if (!(parent instanceof Test)) parent = null;

    if (parent === null) {
      this.concurrency = 1;
      this.nesting = 0;
      this.only = testOnlyFlag;
      // (A hook has no results of its own to report.)
      this.reporter = opts.hookType === undefined ? new TestsStream() : null;
      this.runOnlySubtests = this.only;
      this.testNumber = 0;
      this.timeout = null;
      this.root = this;
      this.hooks = { __proto__: null, before: [], after: [], beforeEach: [], afterEach: [], ownAfterEachCount: 0 };
    } else {
      this.concurrency = parent.concurrency;
      this.nesting = parent.parent === null ? parent.nesting : parent.nesting + 1;
      this.only = only ?? !parent.runOnlySubtests;
      this.reporter = parent.reporter;
      this.runOnlySubtests = !this.only;
      this.testNumber = parent.subtests.length + 1;
      this.timeout = parent.timeout;
      this.root = parent.root;
      this.hooks = {
        __proto__: null,
        before: [],
        after: [],
        beforeEach: [...parent.hooks.beforeEach],
        afterEach: [...parent.hooks.afterEach],
        ownAfterEachCount: 0,
      };
    }

    switch (typeof concurrency) {
      case 'number':
        validateUint32(concurrency, 'options.concurrency', true);
        this.concurrency = concurrency;
        break;
      case 'boolean':
        if (concurrency) {
          this.concurrency = parent === null ? Math.max(require('os').availableParallelism() - 1, 1) : Infinity;
        } else {
          this.concurrency = 1;
        }
        break;
      default:
        if (concurrency != null) throw codes.ERR_INVALID_ARG_TYPE('options.concurrency', ['boolean', 'number'], concurrency);
    }

    if (timeout != null && timeout !== Infinity) {
      validateNumberRange(timeout, 'options.timeout', 0, TIMEOUT_MAX);
      this.timeout = timeout;
    }

    this.name = name;
    this.parent = parent;

    if (testNamePatterns !== null && !this.matchesTestNamePatterns()) {
      skip = 'test name does not match pattern';
    }
    if (testOnlyFlag && !this.only) skip = '\'only\' option not set';
    if (skip) fn = noop;

    this.abortController = new AbortController();
    this.outerSignal = signal;
    this.signal = this.abortController.signal;
    validateAbortSignal(signal, 'options.signal');
    this.abortHandler = () => {
      const error = this.outerSignal?.reason || new AbortError('The test was aborted');
      error.failureType = kAborted;
      this.cancel(error);
    };
    this.outerSignal?.addEventListener('abort', this.abortHandler);

    this.fn = fn;
    this.harness = null;
    this.mock = null;
    this.plan = null;
    this.expectedAssertions = plan;
    this.cancelled = false;
    this.skipped = skip !== undefined && skip !== false;
    this.isTodo = todo !== undefined && todo !== false;
    this.startTime = null;
    this.endTime = null;
    this.passed = false;
    this.error = null;
    this.diagnostics = [];
    this.message = typeof skip === 'string' ? skip : typeof todo === 'string' ? todo : null;
    this.activeSubtests = 0;
    this.pendingSubtests = [];
    this.readySubtests = new Map();
    this.subtests = [];
    this.waitingOn = 0;
    this.finished = false;

    if (!testOnlyFlag && (only || this.runOnlySubtests)) {
      this.diagnostic("'only' and 'runOnly' require the --test-only command-line option.");
    }

    if (loc === undefined || process.argv[1] === undefined) {
      this.loc = undefined;
    } else {
      this.loc = { __proto__: null, line: loc[0], column: loc[1], file: loc[2] };
      if (this.loc.file.startsWith('file://')) this.loc.file = require('url').fileURLToPath(this.loc.file);
    }
  }

  /** Runs `fn` with this test as the running one (what `test()` inside it nests under). */
  runInAsyncScope(fn, thisArg, ...args) {
    // (AsyncLocalStorage.run's work without its frames: a failure's stack shows as many of the
    // test's own callers as Node's does.)
    const before = native.getAsyncFrame();
    currentTest.enterWith(this);
    try {
      return ReflectApply(fn, thisArg, args);
    } finally {
      native.setAsyncFrame(before);
    }
  }

  matchesTestNamePatterns() {
    return commandLine().testNamePatterns.some((re) => re.exec(this.name) !== null) ||
      this.parent?.matchesTestNamePatterns();
  }

  hasConcurrency() {
    return this.concurrency > this.activeSubtests;
  }

  addPendingSubtest(deferred) {
    this.pendingSubtests.push(deferred);
  }

  async processPendingSubtests() {
    while (this.pendingSubtests.length > 0 && this.hasConcurrency()) {
      const deferred = this.pendingSubtests.shift();
      const test = deferred.test;
      this.reporter.dequeue(test.nesting, test.loc, test.name);
      await test.run();
      deferred.resolve();
    }
  }

  addReadySubtest(subtest) {
    this.readySubtests.set(subtest.testNumber, subtest);
  }

  // Reports the finished subtests whose turn it is, in order, stopping at the first gap.
  processReadySubtestRange(canSend) {
    const start = this.waitingOn;
    const end = start + this.readySubtests.size;
    for (let i = start; i < end; i++) {
      const subtest = this.readySubtests.get(i);
      if (subtest === undefined) return;
      canSend = canSend || this.isClearToSend();
      if (!canSend) return;
      subtest.finalize();
      this.readySubtests.delete(i);
    }
  }

  createSubtest(Factory, name, opts, fn, overrides) {
    if (typeof name === 'function') {
      fn = name;
    } else if (name !== null && typeof name === 'object') {
      fn = opts;
      opts = name;
    } else if (typeof opts === 'function') {
      fn = opts;
    }
    if (opts === null || typeof opts !== 'object') opts = {};

    let parent = this;
    // A test made after its parent ended is reported (as failed) under the root.
    const preventAddingSubtests = this.finished || this.buildPhaseFinished;
    if (preventAddingSubtests) {
      while (parent.parent !== null) parent = parent.parent;
    }

    const test = new Factory({ __proto__: null, fn, name, parent, ...opts, ...overrides });
    if (parent.waitingOn === 0) parent.waitingOn = test.testNumber;
    if (preventAddingSubtests) {
      test.fail(codes.ERR_TEST_FAILURE('test could not be started because its parent finished', kParentAlreadyFinished));
    }
    parent.subtests.push(test);
    return test;
  }

  cancel(error) {
    if (this.endTime !== null || this.error !== null) return;
    this.fail(error || codes.ERR_TEST_FAILURE('test did not finish before its parent and was cancelled', kCancelledByParent));
    this.cancelled = true;
    this.abortController.abort();
  }

  createHook(name, fn, opts) {
    validateOneOf(name, 'hook name', kHookNames);
    // eslint-disable-next-line no-use-before-define
    const hook = new TestHook(fn, opts);
    if (name === 'before' || name === 'after') hook.run = once(hook.run);
    if (name === 'before' && this.startTime !== null) {
      // Already running: the hook runs now.
      hook.run(this.getRunArgs()).then(() => {
        if (hook.error != null) this.fail(hook.error);
      });
    }
    if (name === 'afterEach') {
      // A test's own afterEach hooks run in the order made, before those it inherited.
      this.hooks.afterEach.splice(this.hooks.ownAfterEachCount, 0, hook);
      this.hooks.ownAfterEachCount++;
    } else {
      this.hooks[name].push(hook);
    }
    return hook;
  }

  fail(err) {
    if (this.error !== null) return;
    this.passed = false;
    this.error = err;
  }

  pass() {
    if (this.error !== null) return;
    this.passed = true;
  }

  skip(message) {
    this.skipped = true;
    this.message = message;
  }

  todo(message) {
    this.isTodo = true;
    this.message = message;
  }

  diagnostic(message) {
    this.diagnostics.push(message);
  }

  start() {
    this.reporter.enqueue(this.nesting, this.loc, this.name);
    if (!this.root.harness.allowTestsToRun || !this.parent.hasConcurrency()) {
      let resolve;
      const promise = new Promise((res) => {
        resolve = res;
      });
      this.parent.addPendingSubtest({ test: this, resolve, promise });
      return promise;
    }
    this.reporter.dequeue(this.nesting, this.loc, this.name);
    return this.run();
  }

  shouldAbort() {
    if (this.signal.aborted || this.outerSignal?.aborted) {
      this.abortHandler();
      return true;
    }
    return false;
  }

  getRunArgs() {
    const ctx = new TestContext(this);
    return { __proto__: null, ctx, args: [ctx] };
  }

  async runHook(hook, args) {
    validateOneOf(hook, 'hook name', kHookNames);
    try {
      const hooks = this.hooks[hook];
      for (let i = 0; i < hooks.length; ++i) {
        const h = hooks[i];
        await h.run(args);
        if (h.error) throw h.error;
      }
    } catch (err) {
      const error = codes.ERR_TEST_FAILURE(`failed running ${hook} hook`, kHookFailure);
      error.cause = isTestFailureError(err) ? err.cause : err;
      throw error;
    }
  }

  async run() {
    if (this.parent !== null) this.parent.activeSubtests++;
    this.startTime ??= hrtime();

    if (this.shouldAbort()) {
      this.postRun();
      return;
    }

    const hookArgs = this.getRunArgs();
    const { args, ctx } = hookArgs;
    if (this.plan === null && this.expectedAssertions) ctx.plan(this.expectedAssertions);

    const after = async () => {
      if (this.hooks.after.length > 0) await this.runHook('after', hookArgs);
    };
    const afterEach = once(async () => {
      if (this.parent?.hooks.afterEach.length > 0 && !this.skipped) {
        await this.parent.runHook('afterEach', hookArgs);
      }
    });

    let stop;
    try {
      if (this.parent?.hooks.before.length > 0) {
        await this.parent.runHook('before', this.parent.getRunArgs());
      }
      if (this.parent?.hooks.beforeEach.length > 0 && !this.skipped) {
        await this.parent.runHook('beforeEach', hookArgs);
      }
      stop = stopTest(this.timeout, this.signal);
      const runArgs = [this.fn, ctx, ...args];

      if (this.fn.length === runArgs.length - 1) {
        // An error-first `done` callback after the context.
        const { promise, cb } = createDeferredCallback();
        runArgs.push(cb);
        const ret = ReflectApply(this.runInAsyncScope, this, runArgs);
        if (ret !== null && typeof ret === 'object' && typeof ret.then === 'function' && ret instanceof Promise) {
          this.fail(codes.ERR_TEST_FAILURE('passed a callback but also returned a Promise', kCallbackAndPromisePresent));
          await Promise.race([ret, stop.promise]);
        } else {
          await Promise.race([Promise.resolve(promise), stop.promise]);
        }
      } else {
        const ret = ReflectApply(this.runInAsyncScope, this, runArgs);
        await Promise.race([Promise.resolve(ret), stop.promise]);
      }

      this.shouldAbort();
      this.plan?.check();
      this.pass();
      await afterEach();
      await after();
    } catch (err) {
      if (isTestFailureError(err)) {
        if (err.failureType === kTestTimeoutFailure) {
          this.cancel(err);
        } else {
          this.fail(err);
        }
      } else {
        this.fail(codes.ERR_TEST_FAILURE(err, kTestCodeFailure));
      }
      try {
        await afterEach();
      } catch {
        // The test already failed.
      }
      try {
        await after();
      } catch {
        // The test already failed.
      }
    } finally {
      stop?.dispose();
      // (Hooks and the root are shared by the tests after: they are not aborted.)
      if (this.parent !== null) this.abortController.abort();
    }

    if (this.parent !== null || typeof this.hookType === 'string') {
      this.postRun();
    } else if (commandLine().forceExit) {
      this.reporter.once('close', () => process.exit());
      this.harness.teardown();
    }
  }

  postRun(pendingSubtestsError) {
    this.endTime ??= hrtime();
    this.startTime ??= this.endTime;

    this.pendingSubtests = [];
    let failed = 0;
    for (let i = 0; i < this.subtests.length; i++) {
      const subtest = this.subtests[i];
      if (!subtest.finished) {
        subtest.cancel(pendingSubtestsError);
        subtest.postRun(pendingSubtestsError);
      }
      if (!subtest.passed && !subtest.isTodo) failed++;
    }

    if ((this.passed || this.parent === null) && failed > 0) {
      this.fail(codes.ERR_TEST_FAILURE(`${failed} subtest${failed > 1 ? 's' : ''} failed`, kSubtestsFailed));
    }

    this.outerSignal?.removeEventListener('abort', this.abortHandler);
    this.mock?.reset();

    if (this.parent !== null) {
      const report = this.getReportDetails();
      report.details.passed = this.passed;
      this.reporter.complete(this.nesting, this.loc, this.testNumber, this.name, report.details, report.directive);

      this.parent.activeSubtests--;
      this.parent.addReadySubtest(this);
      this.parent.processReadySubtestRange(false);
      this.parent.processPendingSubtests();

      if (this.parent === this.root && this.root.activeSubtests === 0 &&
        this.root.pendingSubtests.length === 0 && this.root.readySubtests.size === 0) {
        // Every test is done: the root's after() hooks may now close what keeps the loop alive.
        this.root.run();
      }
    } else if (!this.reported) {
      const { diagnostics, harness, loc, nesting, reporter } = this;
      this.reported = true;
      reporter.plan(nesting, loc, harness.counters.topLevel);
      for (let i = 0; i < diagnostics.length; i++) reporter.diagnostic(nesting, loc, diagnostics[i]);
      const { counters } = harness;
      reporter.diagnostic(nesting, loc, `tests ${counters.all}`);
      reporter.diagnostic(nesting, loc, `suites ${counters.suites}`);
      reporter.diagnostic(nesting, loc, `pass ${counters.passed}`);
      reporter.diagnostic(nesting, loc, `fail ${counters.failed}`);
      reporter.diagnostic(nesting, loc, `cancelled ${counters.cancelled}`);
      reporter.diagnostic(nesting, loc, `skipped ${counters.skipped}`);
      reporter.diagnostic(nesting, loc, `todo ${counters.todo}`);
      reporter.diagnostic(nesting, loc, `duration_ms ${this.duration()}`);
      reporter.end();
    }
  }

  isClearToSend() {
    return this.parent === null || (this.parent.waitingOn === this.testNumber && this.parent.isClearToSend());
  }

  finalize() {
    // Every subtest is done, so all left to report can go now.
    this.processReadySubtestRange(true);
    this.report();
    this.parent.waitingOn++;
    this.finished = true;
  }

  duration() {
    return Number(this.endTime - this.startTime) / 1_000_000;
  }

  getReportDetails() {
    let directive;
    const details = { __proto__: null, duration_ms: this.duration() };
    if (this.skipped) directive = this.reporter.getSkip(this.message);
    else if (this.isTodo) directive = this.reporter.getTodo(this.message);
    if (this.reportedType) details.type = this.reportedType;
    if (!this.passed) details.error = this.error;
    return { __proto__: null, details, directive };
  }

  report() {
    countCompletedTest(this);
    if (this.subtests.length > 0) {
      this.reporter.plan(this.subtests[0].nesting, this.loc, this.subtests.length);
    } else {
      this.reportStarted();
    }
    const report = this.getReportDetails();
    if (this.passed) {
      this.reporter.ok(this.nesting, this.loc, this.testNumber, this.name, report.details, report.directive);
    } else {
      this.reporter.fail(this.nesting, this.loc, this.testNumber, this.name, report.details, report.directive);
    }
    for (let i = 0; i < this.diagnostics.length; i++) {
      this.reporter.diagnostic(this.nesting, this.loc, this.diagnostics[i]);
    }
  }

  reportStarted() {
    if (this.#reportedSubtest || this.parent === null) return;
    this.#reportedSubtest = true;
    this.parent.reportStarted();
    this.reporter.start(this.nesting, this.loc, this.name);
  }
}

/** A before/after/beforeEach/afterEach hook: run like a test, reported only when it fails. */
class TestHook extends Test {
  #args;

  constructor(fn, opts) {
    if (opts === null || typeof opts !== 'object') opts = {};
    const { loc, timeout, signal } = opts;
    super({ __proto__: null, fn, loc, timeout, signal, hookType: opts.hookType });
    this.parentTest = opts.parent ?? null;
    this.hookType = opts.hookType;
  }

  run(args) {
    if (this.error && !this.outerSignal?.aborted) {
      // A hook that failed for an earlier test runs afresh for the next one.
      this.passed = false;
      this.error = null;
      this.abortController.abort();
      this.abortController = new AbortController();
      this.signal = this.abortController.signal;
    }
    this.#args = args;
    return super.run();
  }

  getRunArgs() {
    return this.#args;
  }

  matchesTestNamePatterns() {
    return true;
  }

  postRun() {
    const { error, loc, parentTest: parent } = this;
    // A failure in the root's after() hook has no test to fail: it is reported on its own.
    if (error && parent !== null && parent === parent.root && this.hookType === 'after') {
      if (isTestFailureError(error)) error.failureType = kHookFailure;
      this.endTime ??= hrtime();
      parent.reporter.fail(0, loc, parent.subtests.length + 1, loc.file, {
        __proto__: null,
        duration_ms: this.duration(),
        error,
      }, undefined);
    }
  }
}

/** A describe()/suite(): its function runs at once to collect its tests, which run later. */
class Suite extends Test {
  reportedType = 'suite';

  constructor(opts) {
    super(opts);
    if (commandLine().testNamePatterns !== null && !opts.skip) {
      this.fn = opts.fn || this.fn;
      this.skipped = false;
    }
    this.runOnlySubtests = commandLine().testOnlyFlag;

    try {
      const { ctx, args } = this.getRunArgs();
      const result = ReflectApply(this.runInAsyncScope, this, [this.fn, ctx, ...args]);
      this.buildSuite = Promise.resolve(result).then(undefined, (err) => {
        this.fail(codes.ERR_TEST_FAILURE(err, kTestCodeFailure));
      }).finally(() => {
        this.buildPhaseFinished = true;
      });
    } catch (err) {
      this.fail(codes.ERR_TEST_FAILURE(err, kTestCodeFailure));
      this.buildPhaseFinished = true;
    }
    this.fn = () => {};
  }

  getRunArgs() {
    const ctx = new SuiteContext(this);
    return { __proto__: null, ctx, args: [ctx] };
  }

  async run() {
    const hookArgs = this.getRunArgs();
    let stop;
    const after = once(() => this.runHook('after', hookArgs));
    try {
      this.parent.activeSubtests++;
      await this.buildSuite;
      this.startTime = hrtime();

      if (this.shouldAbort()) {
        this.subtests = [];
        this.postRun();
        return;
      }

      if (this.parent.hooks.before.length > 0) {
        await this.parent.runHook('before', this.parent.getRunArgs());
      }
      await this.runHook('before', hookArgs);

      stop = stopTest(this.timeout, this.signal);
      const subtests = this.skipped || this.error ? [] : this.subtests;
      const all = Promise.all(subtests.map((subtest) => subtest.start()));
      await Promise.race([all, stop.promise]);
      await after();
      this.pass();
    } catch (err) {
      try {
        await after();
      } catch {
        // The suite already failed.
      }
      if (isTestFailureError(err)) {
        this.fail(err);
      } else {
        this.fail(codes.ERR_TEST_FAILURE(err, kTestCodeFailure));
      }
    } finally {
      stop?.dispose();
    }
    this.postRun();
  }
}

module.exports = {
  callerLocation,
  currentTest,
  kCancelledByParent,
  kSubtestsFailed,
  kTestCodeFailure,
  kTestTimeoutFailure,
  kAborted,
  kUnwrapErrors,
  Suite,
  Test,
  TestContext,
  validateUint32,
};
