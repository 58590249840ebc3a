// `run()` and `--test`: each test file runs in a child process of this runtime whose events
// (runner_protocol.js) are replayed into one tree, numbered and counted as the parent's own.
'use strict';

const {
  codes,
  validateArray,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/errors');
const { kEmitMessage } = require('internal/test_runner/tests_stream');
const { Test, kSubtestsFailed, kTestCodeFailure, kCancelledByParent, kAborted, kTestTimeoutFailure } =
  require('internal/test_runner/test');
const { countCompletedTest, convertStringToRegExp, doesPathMatchFilter, isSupportedFileType } =
  require('internal/test_runner/utils');
const { kMarker, decodeEvent } = require('internal/test_runner/runner_protocol');

const kFilterArgs = ['--test', '--experimental-test-coverage', '--watch'];
const kFilterArgValues = ['--test-reporter', '--test-reporter-destination'];
const kDiagnosticsFilterArgs = ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo', 'duration_ms'];
const kCanceledTests = new Set([kCancelledByParent, kAborted, kTestTimeoutFailure]);

// The files `--test` runs under `path`: what the user named, and under directories the files
// whose names look like tests (any .js/.cjs/.mjs under a `test` directory), not node_modules.
function processPath(path, testFiles, options) {
  const fs = require('fs');
  const { basename, join } = require('path');
  const stats = fs.statSync(path);
  if (stats.isFile()) {
    if (options.userSupplied || (options.underTestDir && isSupportedFileType(path)) || doesPathMatchFilter(path)) {
      testFiles.add(path);
    }
  } else if (stats.isDirectory()) {
    const name = basename(path);
    if (!options.userSupplied && name === 'node_modules') return;
    const { underTestDir } = options;
    const entries = fs.readdirSync(path);
    if (name === 'test') options.underTestDir = true;
    options.userSupplied = false;
    for (const entry of entries) processPath(join(path, entry), testFiles, options);
    options.underTestDir = underTestDir;
  }
}

function createTestFileList() {
  const { resolve } = require('path');
  const cwd = process.cwd();
  const testPaths = process.argv.length > 1 ? process.argv.slice(1) : [cwd];
  const testFiles = new Set();
  try {
    for (const p of testPaths) processPath(resolve(p), testFiles, { __proto__: null, userSupplied: true });
  } catch (err) {
    if (err?.code === 'ENOENT') {
      console.error(`Could not find '${err.path}'`);
      process.exit(1);
    }
    throw err;
  }
  return [...testFiles].sort();
}

function filterExecArgv(arg, i, arr) {
  return !kFilterArgs.includes(arg) &&
    !kFilterArgValues.some((p) => arg === p || (i > 0 && arr[i - 1] === p) || arg.startsWith(`${p}=`));
}

function getRunArgs(path, { forceExit, testNamePatterns, only }) {
  const argv = process.execArgv.filter(filterExecArgv);
  if (forceExit === true) argv.push('--test-force-exit');
  if (testNamePatterns != null) {
    for (const pattern of testNamePatterns) argv.push(`--test-name-pattern=${pattern}`);
  }
  if (only === true) argv.push('--test-only');
  argv.push(path);
  return argv;
}

/** A test file: its child's events, reported in order as if its tests were the runner's own. */
class FileTest extends Test {
  #reportBuffer = [];
  #pending = '';
  #reportedChildren = 0;
  failedSubtests = false;

  constructor(options) {
    super(options);
    this.loc ??= { __proto__: null, line: 1, column: 1, file: require('path').resolve(this.name) };
  }

  #skipReporting() {
    return this.#reportedChildren > 0 && (!this.error || this.error.failureType === kSubtestsFailed);
  }

  // The child's own summary comments (`# tests 3`...) are left out: the runner counts anew.
  #isSummaryComment(comment) {
    const first = comment.indexOf(' ');
    if (first === -1) return false;
    const second = comment.indexOf(' ', first + 1);
    return second === -1 && kDiagnosticsFilterArgs.includes(comment.slice(0, first));
  }

  #handleReportItem(item) {
    const isTopLevel = item.data.nesting === 0;
    if (isTopLevel) {
      if (item.type === 'test:plan' && this.#skipReporting()) return;
      if (item.type === 'test:diagnostic' && this.#isSummaryComment(item.data.message)) return;
    }
    if (item.type === 'test:pass' || item.type === 'test:fail') {
      item.data.testNumber = isTopLevel ? this.root.harness.counters.topLevel + 1 : item.data.testNumber;
      countCompletedTest({
        __proto__: null,
        name: item.data.name,
        finished: true,
        skipped: item.data.skip !== undefined,
        isTodo: item.data.todo !== undefined,
        passed: item.type === 'test:pass',
        cancelled: kCanceledTests.has(item.data.details?.error?.failureType),
        nesting: item.data.nesting,
        reportedType: item.data.details?.type,
      }, this.root.harness);
    }
    this.reporter[kEmitMessage](item.type, item.data);
  }

  addToReport(item) {
    if (item.type === 'test:pass' || item.type === 'test:fail') {
      this.#reportedChildren++;
      if (item.data.nesting === 0 && item.type === 'test:fail') this.failedSubtests = true;
    }
    if (!this.isClearToSend()) {
      this.#reportBuffer.push(item);
      return;
    }
    this.#drainReportBuffer();
    this.#handleReportItem(item);
  }

  #drainReportBuffer() {
    const buffered = this.#reportBuffer;
    this.#reportBuffer = [];
    for (const item of buffered) this.#handleReportItem(item);
  }

  reportStarted() {}

  report() {
    this.#flushPending();
    this.#drainReportBuffer();
    if (!this.#skipReporting()) {
      super.reportStarted();
      super.report();
    }
  }

  /**
   * Reads a chunk of the child's stdout: event lines, and anything else as its output (the
   * text between two events of one chunk as one `test:stdout`, as Node reports it).
   */
  parseMessage(chunk) {
    this.#pending += chunk;
    let text = '';
    let newline;
    while ((newline = this.#pending.indexOf('\n')) !== -1) {
      const line = this.#pending.slice(0, newline);
      this.#pending = this.#pending.slice(newline + 1);
      const at = line.indexOf(kMarker);
      if (at === -1) {
        text += `${line}\n`;
        continue;
      }
      text += line.slice(0, at);
      this.#output(text);
      text = '';
      this.addToReport(decodeEvent(line.slice(at)));
    }
    this.#output(text);
  }

  #output(text) {
    if (text.length > 0) {
      this.addToReport({ type: 'test:stdout', data: { __proto__: null, file: this.name, message: text } });
    }
  }

  #flushPending() {
    const rest = this.#pending;
    this.#pending = '';
    this.#output(rest);
  }
}

function runTestFile(path, opts) {
  const subtest = opts.root.createSubtest(FileTest, path, { __proto__: null, signal: opts.signal }, async (t) => {
    const { spawn } = require('child_process');
    const { once } = require('events');
    const args = getRunArgs(path, opts);
    const env = { __proto__: null, ...process.env, NODE_TEST_CONTEXT: 'child-v8' };
    const child = spawn(process.execPath, args, { signal: t.signal, encoding: 'utf8', env, stdio: ['pipe', 'pipe', 'pipe'] });
    let err;
    child.on('error', (error) => {
      err = error;
    });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (data) => subtest.parseMessage(data));
    const rl = require('readline').createInterface({ input: child.stderr });
    rl.on('line', (line) => {
      subtest.addToReport({ type: 'test:stderr', data: { __proto__: null, file: path, message: `${line}\n` } });
    });
    const { finished } = require('stream');
    const [[code, signal]] = await Promise.all([
      once(child, 'exit', { signal: t.signal }),
      new Promise((resolve, reject) => finished(child.stdout, (e) => (e ? reject(e) : resolve()))),
    ]);
    if (code !== 0 || signal !== null) {
      if (!err) {
        const failureType = subtest.failedSubtests ? kSubtestsFailed : kTestCodeFailure;
        err = Object.assign(codes.ERR_TEST_FAILURE('test failed', failureType), { exitCode: code, signal, stack: undefined });
      }
      throw err;
    }
  });
  return subtest.start();
}

function run(options) {
  if (options === null || typeof options !== 'object') options = {};
  let { testNamePatterns, shard } = options;
  const { concurrency, timeout, signal, files, forceExit, inspectPort, watch, setup, only } = options;
  void inspectPort;
  if (files != null) validateArray(files, 'options.files');
  if (watch != null) validateBoolean(watch, 'options.watch');
  if (forceExit != null) {
    validateBoolean(forceExit, 'options.forceExit');
    if (forceExit && watch) throw codes.ERR_INVALID_ARG_VALUE('options.forceExit', watch, 'is not supported with watch mode');
  }
  if (only != null) validateBoolean(only, 'options.only');
  if (shard != null) {
    validateObject(shard, 'options.shard');
    shard = { __proto__: null, index: shard.index, total: shard.total };
    validateInteger(shard.total, 'options.shard.total', 1);
    validateInteger(shard.index, 'options.shard.index', 1, shard.total);
    if (watch) throw codes.ERR_INVALID_ARG_VALUE('options.shard', watch, 'shards not supported with watch mode');
  }
  if (setup != null) validateFunction(setup, 'options.setup');
  if (testNamePatterns != null) {
    if (!Array.isArray(testNamePatterns)) testNamePatterns = [testNamePatterns];
    testNamePatterns = testNamePatterns.map((value, i) => {
      if (require('util').types.isRegExp(value)) return value;
      const name = `options.testNamePatterns[${i}]`;
      if (typeof value === 'string') return convertStringToRegExp(value, name);
      throw codes.ERR_INVALID_ARG_TYPE(name, ['string', 'RegExp'], value);
    });
  }

  const { createTestTree } = require('internal/test_runner/harness');
  const root = createTestTree({ __proto__: null, concurrency, timeout, signal });

  if (process.env.NODE_TEST_CONTEXT !== undefined) {
    process.emitWarning('node:test run() is being called recursively within a test file. skipping running files.');
    root.postRun();
    return root.reporter;
  }
  let testFiles = files ?? createTestFileList();
  if (shard) testFiles = testFiles.filter((_, index) => index % shard.total === shard.index - 1);

  const opts = { __proto__: null, root, signal, testNamePatterns, only, forceExit };
  const runFiles = () => {
    root.harness.bootstrapComplete = true;
    root.harness.allowTestsToRun = true;
    return Promise.allSettled(testFiles.map((path) => runTestFile(path, opts)));
  };
  Promise.resolve(setup?.(root.reporter))
    .then(runFiles)
    .then(() => root.postRun())
    .then(() => root.harness.teardown());
  return root.reporter;
}

/** `--test`: runs the files of the command line (or found) through the reporters it names. */
function runCli() {
  const { setupTestReporters } = require('internal/test_runner/utils');
  const settings = native.process.flags.testSettings;
  const concurrency = Number(settings.concurrency ?? 0) || true;
  let shard;
  if (settings.shard !== undefined) {
    if (!/^\d+\/\d+$/.test(settings.shard)) {
      process.exitCode = 1;
      throw codes.ERR_INVALID_ARG_VALUE('--test-shard', settings.shard, 'must be in the form of <index>/<total>');
    }
    const [index, total] = settings.shard.split('/').map((part) => Number.parseInt(part, 10));
    shard = { __proto__: null, index, total };
  }
  const timeout = Number(settings.timeout ?? 0) || Infinity;
  const options = { concurrency, inspectPort: undefined, watch: false, setup: setupTestReporters, timeout, shard };
  require('util').debuglog('test_runner')('test runner configuration:', options);
  options.forceExit = native.process.flags.testForceExit === true;
  run(options).on('test:fail', (data) => {
    if (data.todo === undefined || data.todo === false) process.exitCode = 1;
  });
}

module.exports = { FileTest, run, runCli };
