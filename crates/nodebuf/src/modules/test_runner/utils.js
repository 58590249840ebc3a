// The test runner's shared pieces: the command line's test options, the reporters they name
// (set up on a run's event stream), the completed-test counters and the `done` callback.
'use strict';

const { codes } = require('internal/errors');

const kMultipleCallbackInvocations = 'multipleCallbackInvocations';
const kRegExpPattern = /^\/(.*)\/([a-z]*)$/;
const kSupportedFileExtensions = /\.[cm]?js$/;
const kTestFilePattern = /((^test(-.+)?)|(.+[.\-_]test))\.[cm]?js$/;

const kBuiltinReporters = new Map([
  ['spec', 'internal/test_runner/reporter/spec'],
  ['dot', 'internal/test_runner/reporter/dot'],
  ['tap', 'internal/test_runner/reporter/tap'],
  ['junit', 'internal/test_runner/reporter/junit'],
  ['lcov', 'internal/test_runner/reporter/lcov'],
]);

/** Whether a file's base name is one `--test` picks when it walks a directory. */
function doesPathMatchFilter(p) {
  return kTestFilePattern.test(require('path').basename(p));
}

function isSupportedFileType(p) {
  return kSupportedFileExtensions.test(p);
}

/**
 * The `done` callback a test taking one more parameter than its context gets: settles `promise`
 * once (an error rejects it); a second call throws ERR_TEST_FAILURE, a third and later do nothing.
 */
function createDeferredCallback() {
  let calls = 0;
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const cb = (err) => {
    calls++;
    if (calls > 1) {
      if (calls === 2) {
        throw codes.ERR_TEST_FAILURE('callback invoked multiple times', kMultipleCallbackInvocations);
      }
      return;
    }
    if (err) {
      reject(err);
      return;
    }
    resolve();
  };
  return { promise, cb };
}

function isTestFailureError(err) {
  return err?.code === 'ERR_TEST_FAILURE' && err instanceof Error && 'failureType' in err;
}

/** A `/pattern/flags` or plain-text name pattern as a RegExp (ERR_INVALID_ARG_VALUE if bad). */
function convertStringToRegExp(str, name) {
  const match = kRegExpPattern.exec(str);
  const pattern = match?.[1] ?? str;
  const flags = match?.[2] || '';
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    const msg = err?.message;
    throw codes.ERR_INVALID_ARG_VALUE(name, str, `is an invalid regular expression.${msg ? ` ${msg}` : ''}`);
  }
}

let globalOptions;

/** The test options of the command line (and NODE_TEST_CONTEXT for files `--test` spawns). */
function parseCommandLine() {
  if (globalOptions) return globalOptions;
  const flags = native.process.flags;
  const isTestRunner = flags.test === true;
  const context = process.env.NODE_TEST_CONTEXT;
  let reporters;
  let destinations;
  if (context === 'child-v8' || context === 'child') {
    reporters = [context === 'child-v8' ? 'internal-child' : 'tap'];
    destinations = ['stdout'];
  } else {
    reporters = [...(flags.testReporters ?? [])];
    destinations = [...(flags.testReporterDestinations ?? [])];
    if (reporters.length === 0 && destinations.length === 0) {
      reporters.push(process.stdout.isTTY ? 'spec' : 'tap');
    }
    if (reporters.length === 1 && destinations.length === 0) destinations.push('stdout');
    if (destinations.length !== reporters.length) {
      throw codes.ERR_INVALID_ARG_VALUE('--test-reporter', reporters,
        'must match the number of specified \'--test-reporter-destination\'');
    }
  }
  let testOnlyFlag = false;
  let testNamePatterns = null;
  if (!isTestRunner) {
    testOnlyFlag = flags.testOnly === true;
    const patterns = flags.testNamePatterns ?? [];
    if (patterns.length > 0) {
      testNamePatterns = patterns.map((re) => convertStringToRegExp(re, '--test-name-pattern'));
    }
  }
  globalOptions = {
    __proto__: null,
    isTestRunner,
    forceExit: flags.testForceExit === true,
    testOnlyFlag,
    testNamePatterns,
    reporters,
    destinations,
  };
  return globalOptions;
}

/** The reporter named by `--test-reporter`: a builtin's name, or a module to load. */
function loadReporter(name) {
  let reporter;
  if (name === 'internal-child') {
    reporter = require('internal/test_runner/reporter/child');
  } else if (kBuiltinReporters.has(name)) {
    reporter = require(kBuiltinReporters.get(name));
  } else {
    const { Module } = require('internal/cjs');
    const path = require('path');
    const fakeParent = new Module(path.join(process.cwd(), '[test-reporter]'), null);
    fakeParent.filename = fakeParent.id;
    fakeParent.paths = Module._nodeModulePaths(process.cwd());
    reporter = Module._load(name, fakeParent, false);
  }
  if (reporter?.default) reporter = reporter.default;
  if (reporter?.prototype && Object.getOwnPropertyDescriptor(reporter.prototype, 'constructor')) {
    reporter = new reporter();
  }
  if (!reporter) throw codes.ERR_INVALID_ARG_VALUE('Reporter', name, 'is not a valid reporter');
  return reporter;
}

function destinationStream(name) {
  if (name === 'stdout') return process.stdout;
  if (name === 'stderr') return process.stderr;
  return require('fs').createWriteStream(name);
}

/** Pipes the root test's event stream through each reporter of the command line. */
async function setupTestReporters(rootReporter) {
  const { reporters, destinations } = parseCommandLine();
  const { compose } = require('stream');
  const loaded = reporters.map((name, i) => ({ reporter: loadReporter(name), destination: destinationStream(destinations[i]) }));
  for (const { reporter, destination } of loaded) {
    compose(rootReporter, reporter).pipe(destination);
  }
}

/** Counts a completed test in its root's totals (`# tests`, `# pass`...). */
function countCompletedTest(test, harness = test.root.harness) {
  if (test.nesting === 0) harness.counters.topLevel++;
  if (test.reportedType === 'suite') {
    harness.counters.suites++;
    return;
  }
  if (test.skipped) harness.counters.skipped++;
  else if (test.isTodo) harness.counters.todo++;
  else if (test.cancelled) harness.counters.cancelled++;
  else if (!test.passed) harness.counters.failed++;
  else harness.counters.passed++;
  harness.counters.all++;
}

module.exports = {
  convertStringToRegExp,
  countCompletedTest,
  createDeferredCallback,
  doesPathMatchFilter,
  isSupportedFileType,
  isTestFailureError,
  parseCommandLine,
  setupTestReporters,
};
