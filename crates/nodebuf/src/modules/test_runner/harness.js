// The process-wide test tree behind `test()`/`describe()`: made on the first call, its tests run
// as they are declared (one at a time at the top level), its reporters set up from the command
// line, and its summary reported when the event loop empties ('beforeExit'). Errors thrown
// asynchronously by a test fail that test.
'use strict';

const { codes } = require('internal/errors');
const { callerLocation, currentTest, kCancelledByParent, Test, Suite } = require('internal/test_runner/test');
const { parseCommandLine, setupTestReporters } = require('internal/test_runner/utils');

function createProcessEventHandler(eventName, rootTest) {
  return (err) => {
    if (!rootTest.harness.bootstrapComplete) throw err;
    const test = currentTest.getStore();
    if (!test || test.finished || test.hookType) {
      // No running test to blame: a diagnostic of the whole run.
      let msg;
      if (test) {
        const name = test.hookType ? `Test hook "${test.hookType}"` : `Test "${test.name}"`;
        let locInfo = '';
        if (test.loc) {
          const relPath = require('path').relative(process.cwd(), test.loc.file);
          locInfo = ` at ${relPath}:${test.loc.line}:${test.loc.column}`;
        }
        msg = `Error: ${name}${locInfo} generated asynchronous activity after the test ended. ` +
          `This activity created the error "${err}" and would have caused the test to fail, but instead ` +
          `triggered an ${eventName} event.`;
      } else {
        msg = 'Error: A resource generated asynchronous activity after the test ended. This activity created ' +
          `the error "${err}" which triggered an ${eventName} event, caught by the test runner.`;
      }
      rootTest.diagnostic(msg);
      process.exitCode = 1;
      return;
    }
    test.fail(codes.ERR_TEST_FAILURE(err, eventName));
    test.abortController.abort();
  };
}

/** Makes `root` a test tree's root: its counters, and the process hooks ending the run. */
function setup(root) {
  if (root.startTime !== null) return root;
  const globalOptions = parseCommandLine();
  const exceptionHandler = createProcessEventHandler('uncaughtException', root);
  const rejectionHandler = createProcessEventHandler('unhandledRejection', root);
  const exitHandler = async () => {
    if (root.subtests.length === 0 && (root.hooks.before.length > 0 || root.hooks.after.length > 0)) {
      // The global hooks run even when there are no tests.
      await root.run();
    }
    root.postRun(codes.ERR_TEST_FAILURE('Promise resolution is still pending but the event loop has already resolved',
      kCancelledByParent));
    process.removeListener('uncaughtException', exceptionHandler);
    process.removeListener('unhandledRejection', rejectionHandler);
    process.removeListener('beforeExit', exitHandler);
    if (globalOptions.isTestRunner) {
      process.removeListener('SIGINT', terminationHandler);
      process.removeListener('SIGTERM', terminationHandler);
    }
  };
  const terminationHandler = () => {
    exitHandler();
    process.exit();
  };
  process.on('uncaughtException', exceptionHandler);
  process.on('unhandledRejection', rejectionHandler);
  process.on('beforeExit', exitHandler);
  if (globalOptions.isTestRunner) {
    process.on('SIGINT', terminationHandler);
    process.on('SIGTERM', terminationHandler);
  }
  root.harness = {
    __proto__: null,
    allowTestsToRun: false,
    bootstrapComplete: false,
    watching: false,
    resetCounters() {
      root.harness.counters = {
        __proto__: null, all: 0, failed: 0, passed: 0, cancelled: 0, skipped: 0, todo: 0, topLevel: 0, suites: 0,
      };
    },
    counters: null,
    teardown: exitHandler,
  };
  root.harness.resetCounters();
  root.startTime = process.hrtime.bigint();
  return root;
}

function createTestTree(options = {}) {
  return setup(new Test({ __proto__: null, ...options, name: '<root>' }));
}

let globalRoot;
let reportersSetup;
function getGlobalRoot() {
  if (!globalRoot) {
    globalRoot = createTestTree();
    globalRoot.reporter.on('test:fail', (data) => {
      if (data.todo === undefined || data.todo === false) process.exitCode = 1;
    });
    reportersSetup = setupTestReporters(globalRoot.reporter);
  }
  return globalRoot;
}

async function startSubtest(subtest) {
  if (reportersSetup) {
    await reportersSetup;
    reportersSetup = undefined;
  }
  const root = getGlobalRoot();
  if (!root.harness.bootstrapComplete) {
    root.harness.bootstrapComplete = true;
    queueMicrotask(() => {
      root.harness.allowTestsToRun = true;
      root.processPendingSubtests();
    });
  }
  await subtest.start();
}

function runInParentContext(Factory) {
  function run(name, options, fn, overrides) {
    const parent = currentTest.getStore() || getGlobalRoot();
    const subtest = parent.createSubtest(Factory, name, options, fn, overrides);
    if (!(parent instanceof Suite)) return startSubtest(subtest);
    return Promise.resolve();
  }
  const test = (name, options, fn) => run(name, options, fn, { __proto__: null, loc: callerLocation(test) });
  for (const keyword of ['skip', 'todo', 'only']) {
    // (Anonymous, as Node's.)
    const variant = [(name, options, fn) =>
      run(name, options, fn, { __proto__: null, [keyword]: true, loc: callerLocation(variant) })][0];
    test[keyword] = variant;
  }
  return test;
}

function hook(type) {
  const make = [(fn, options) => {
    const parent = currentTest.getStore() || getGlobalRoot();
    parent.createHook(type, fn, { __proto__: null, ...options, parent, hookType: type, loc: callerLocation(make) });
  }][0];
  return make;
}

module.exports = {
  createTestTree,
  test: runInParentContext(Test),
  suite: runInParentContext(Suite),
  before: hook('before'),
  after: hook('after'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
};
