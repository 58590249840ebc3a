// nodebuf's own stand-in for the `test/common` module that Node's buffer tests
// (`test/parallel/test-buffer-*.js`) load with `require('../common')`.
//
// Written independently from the documented behaviour the tests rely on; it
// uses nothing but what a Node-compatible runtime offers to user code:
// `process` (on/exit/exitCode/platform/env), `assert`, and, only when a test
// asks for it, `util.inspect`, `os`, `crypto` and `child_process`.
//
// Call-count checks (`mustCall`, `expectsError`, `expectWarning`, ...) are
// settled in a `process.on('exit')` listener registered when this module loads:
// a failed check prints a message to stderr and sets `process.exitCode = 1`.
'use strict';

const assert = require('assert');

// Loaded on first use, so that tests which never format a value do not need
// the runtime to offer `util` at all.
function inspect(value, options) {
  return require('util').inspect(value, options);
}

const platform = process.platform;
// The process object as it was at load: the exit checks still reach it when a test shadows
// the global (a REPL test's `let process`).
const processAtLoad = process;

// ---------------------------------------------------------------------------
// Exit-time bookkeeping

/** Checks run at exit; each returns an error text or null. */
const exitChecks = [];
let skipped = false;

/** Globals that existed when this module loaded, plus `allowGlobals(...)`. */
const knownGlobals = new Set(Object.getOwnPropertyNames(globalThis));
/** The values passed to `allowGlobals(...)`: any global holding one of them is allowed. */
const allowedValues = new Set();

function leakedGlobals() {
  const setting = processAtLoad.env.NODE_TEST_KNOWN_GLOBALS;
  if (setting === '0') return [];
  if (setting) for (const name of setting.split(',')) knownGlobals.add(name.trim());
  return Object.getOwnPropertyNames(globalThis).filter((name) => {
    if (knownGlobals.has(name)) return false;
    // A global holding a value the test allowed (allowGlobals(value)) is no leak, whenever it
    // was set.
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
    // Node's check walks the global object with for...in: non-enumerable globals (the REPL's
    // `module`, `require` and builtin modules) are not leaks.
    if (descriptor && !descriptor.enumerable) return false;
    return !(descriptor && 'value' in descriptor && allowedValues.has(descriptor.value));
  });
}

function writeError(text) {
  if (processAtLoad.stderr && typeof processAtLoad.stderr.write === 'function') {
    processAtLoad.stderr.write(`${text}\n`);
  } else {
    console.error(text);
  }
}

process.on('exit', function settleCommonChecks(code) {
  // A test that already failed (or skipped) has nothing left to prove; an exit
  // code the runtime does not pass along (undefined) still runs the checks.
  if (skipped || (typeof code === 'number' && code !== 0)) return;
  const failures = [];
  for (const check of exitChecks) {
    const problem = check();
    if (problem) failures.push(problem);
  }
  const leaked = leakedGlobals();
  if (leaked.length > 0) failures.push(`Unexpected global(s) found: ${leaked.join(', ')}`);
  if (failures.length === 0) return;
  for (const text of failures) writeError(text);
  processAtLoad.exitCode = 1;
});

/** Best-effort "file:line" of the code that created a checked function. */
function creationSite() {
  // Some tests install their own Error.prepareStackTrace (one that allocates a
  // Buffer, even); keep it out of our bookkeeping.
  let stack;
  const installed = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = undefined;
    stack = new Error().stack;
  } catch {
    stack = undefined;
  } finally {
    try {
      Error.prepareStackTrace = installed;
    } catch {
      // Not writable here: it was never changed either.
    }
  }
  if (typeof stack !== 'string') return '<unknown>';
  const lines = stack.split('\n').slice(1);
  const own = lines.find((line) => !line.includes(__filename));
  return own ? own.trim().replace(/^at\s+/, '') : '<unknown>';
}

/** Gives `wrapper` the `name` and `length` of the function it stands for. */
function mirrorShape(wrapper, fn) {
  for (const key of ['name', 'length']) {
    try {
      Object.defineProperty(wrapper, key, { value: fn[key], configurable: true });
    } catch {
      // A runtime with non-configurable function properties: keep its own.
    }
  }
  return wrapper;
}

const noop = () => {};

/**
 * Wraps `fn` so that each call is counted; `settle(count)` is asked at exit
 * for an error text.
 */
function countedCall(fn, describe, settle) {
  const record = { calls: 0, site: creationSite() };
  const wrapper = function countedCallWrapper(...args) {
    record.calls++;
    return fn.apply(this, args);
  };
  exitChecks.push(() => {
    const problem = settle(record.calls);
    return problem ? `Mismatched ${describe} function calls. ${problem} at ${record.site}` : null;
  });
  return mirrorShape(wrapper, fn);
}

function splitFnAndCount(fn, count) {
  if (typeof fn === 'number') return [noop, fn];
  return [fn === undefined ? noop : fn, count];
}

/** The returned function must be called exactly `exact` (default 1) times before exit. */
function mustCall(fn, exact) {
  const [target, times] = splitFnAndCount(fn, exact);
  const want = times === undefined ? 1 : times;
  return countedCall(target, 'mustCall', (calls) =>
    (calls === want ? null : `Expected exactly ${want}, actual ${calls}.`));
}

/** The returned function must be called at least `minimum` (default 1) times. */
function mustCallAtLeast(fn, minimum) {
  const [target, times] = splitFnAndCount(fn, minimum);
  const want = times === undefined ? 1 : times;
  return countedCall(target, 'mustCallAtLeast', (calls) =>
    (calls >= want ? null : `Expected at least ${want}, actual ${calls}.`));
}

/** The returned function throws an AssertionError whenever it is called. */
function mustNotCall(msg) {
  const site = creationSite();
  return function mustNotCallWrapper(...args) {
    const shown = args.length > 0 ?
      `\nCalled with arguments: ${args.map((arg) => inspect(arg)).join(', ')}` : '';
    assert.fail(`${msg || 'function should not have been called'} at ${site}${shown}`);
  };
}

/** A node-style callback that must be called once, with a nullish error. */
function mustSucceed(fn, exact) {
  return mustCall(function mustSucceedWrapper(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, args);
  }, exact);
}

/**
 * A callback validating the error it receives like
 * `assert.throws(() => { throw error; }, validator)`; it must be called
 * exactly `exact` times and returns true so it can itself serve as an
 * `assert.throws` validator function.
 */
function expectsError(validator, exact) {
  return mustCall((actual) => {
    assert.throws(() => { throw actual; }, validator);
    return true;
  }, exact);
}

// ---------------------------------------------------------------------------
// Warnings

/** name -> list of still-expected [message, code] pairs, in emission order. */
const expectedWarnings = new Map();
let warningListenerInstalled = false;

function onWarning(warning) {
  const pending = expectedWarnings.get(warning.name);
  assert.ok(pending, `Unexpected warning ${warning.name}: ${warning.message}`);
  assert.ok(pending.length > 0,
            `Warning emitted more often than expected: ${warning.name}: ${warning.message}`);
  const [message, code] = pending.shift();
  if (message instanceof RegExp) {
    assert.match(warning.message, message);
  } else {
    assert.strictEqual(warning.message, message);
  }
  assert.strictEqual(warning.code, code);
}

function asPairs(expected, code) {
  if (typeof expected === 'string' || expected instanceof RegExp) return [[expected, code]];
  if (Array.isArray(expected)) {
    if (expected.length === 0) return [];
    if (!Array.isArray(expected[0])) return [[expected[0], expected[1]]];
    return expected.map((pair) => [pair[0], pair[1]]);
  }
  if (expected !== null && typeof expected === 'object') {
    return Object.keys(expected).map((key) => [expected[key], key]);
  }
  throw new TypeError(`expectWarning: unsupported expectation ${inspect(expected)}`);
}

/**
 * Expects `process` 'warning' events: by name, message and code, in order,
 * each exactly once. Forms: (name, message[, code]), (name, [message, code]),
 * (name, [[message, code], ...]), (name, {code: message}), ({name: expected}).
 */
function expectWarning(nameOrMap, expected, code) {
  const groups = typeof nameOrMap === 'object' && nameOrMap !== null ?
    Object.keys(nameOrMap).map((name) => [name, asPairs(nameOrMap[name])]) :
    [[nameOrMap, asPairs(expected, code)]];
  for (const [name, pairs] of groups) {
    if (name === 'DeprecationWarning') {
      for (const [, pairCode] of pairs) {
        assert.ok(pairCode, 'expectWarning: a DeprecationWarning needs a code');
      }
    }
    if (!expectedWarnings.has(name)) expectedWarnings.set(name, []);
    expectedWarnings.get(name).push(...pairs);
  }
  if (!warningListenerInstalled) {
    warningListenerInstalled = true;
    process.on('warning', onWarning);
    exitChecks.push(() => {
      const missing = [];
      for (const [name, pending] of expectedWarnings) {
        for (const [message, pairCode] of pending) {
          missing.push(`${name}${pairCode ? ` [${pairCode}]` : ''}: ${message}`);
        }
      }
      return missing.length ? `Expected warning(s) not emitted: ${missing.join('; ')}` : null;
    });
  }
}

// ---------------------------------------------------------------------------
// Skipping

/**
 * Notes that part of a test was skipped while the rest still runs. Node prints
 * the same TAP line as `skip`; we print a distinct one so that a runner can
 * tell a partly skipped test (which still passes or fails) from a skipped file.
 */
function printSkipMessage(msg) {
  console.log(`# Skipped part: ${msg}`);
}

/** Reports the whole test as skipped ('1..0 # Skipped: msg') and exits with code 0. */
function skip(msg) {
  skipped = true;
  console.log(`1..0 # Skipped: ${msg}`);
  process.exit(0);
}

/** Skips the test when TERM is `dumb` (terminals that cannot take escape sequences). */
function skipIfDumbTerminal() {
  if (process.env.TERM === 'dumb') skip('skipping - dumb terminal');
}

// ---------------------------------------------------------------------------
// Error-message helpers

/**
 * The " Received ..." tail that Node appends to ERR_INVALID_ARG_TYPE messages
 * for the value `input`.
 */
function invalidArgTypeHelper(input) {
  if (input === null || input === undefined) return ` Received ${input}`;
  if (typeof input === 'function') return ` Received function ${input.name}`;
  if (typeof input === 'object') {
    const ctor = input.constructor;
    if (ctor && ctor.name) return ` Received an instance of ${ctor.name}`;
    return ` Received ${inspect(input, { depth: -1 })}`;
  }
  // Node shortens long strings before quoting them: 25 chars and '...'.
  const value = typeof input === 'string' && input.length > 28 ?
    `${input.slice(0, 25)}...` : input;
  return ` Received type ${typeof input} (${inspect(value, { colors: false })})`;
}

// ---------------------------------------------------------------------------
// Typed-array helpers

const viewTypes = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array', 'DataView',
];

/** Every ArrayBufferView type over the bytes of `buf` whose element size fits. */
function getArrayBufferViews(buf) {
  const { buffer, byteOffset, byteLength } = buf;
  const views = [];
  for (const typeName of viewTypes) {
    const Type = globalThis[typeName];
    if (typeof Type !== 'function') continue;
    const size = Type.BYTES_PER_ELEMENT || 1;
    if (byteLength % size !== 0) continue;
    views.push(new Type(buffer, byteOffset, byteLength / size));
  }
  return views;
}

/** getArrayBufferViews(buf) plus a copy of its bytes as a plain ArrayBuffer. */
function getBufferSources(buf) {
  return [...getArrayBufferViews(buf), new Uint8Array(buf).buffer];
}

// ---------------------------------------------------------------------------
// Environment facts

function probe(fn, fallback) {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

const hasCrypto = !process.env.NODE_SKIP_CRYPTO && probe(() => {
  const crypto = require('crypto');
  return typeof crypto.randomBytes === 'function';
}, false);

const hasIntl = typeof Intl === 'object' && Intl !== null;

const enoughTestMem = probe(() => require('os').totalmem() > 0x70000000, false);

/** Scales a timeout for slow platforms; here the identity (number or bigint). */
function platformTimeout(ms) {
  return ms;
}

/** Adds names to the globals a test may create without failing the leak check. */
function allowGlobals(...allowlist) {
  for (const item of allowlist) {
    if (typeof item === 'string') {
      // (Node compares every global's value with the list: a string is a value too.)
      knownGlobals.add(item);
      allowedValues.add(item);
    } else {
      allowedValues.add(item);
      for (const name of Object.getOwnPropertyNames(globalThis)) {
        if (globalThis[name] === item) knownGlobals.add(name);
      }
    }
  }
  return [...knownGlobals];
}

/** Spawns a child process; resolves to { code, signal, stdout, stderr }. */
function spawnPromisified(...args) {
  const { spawn } = require('child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(...args);
    let stdout = '';
    let stderr = '';
    if (child.stdout) {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => { stdout += chunk; });
    }
    if (child.stderr) {
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk) => { stderr += chunk; });
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Skips the test on a 32-bit architecture. */
function skipIf32Bits() {
  if (['arm', 'ia32', 'mips', 'mipsel', 'ppc', 's390', 'x32'].includes(process.arch)) {
    skip('The tested feature is not available in 32bit builds');
  }
}

/**
 * `obj` behind a Proxy that fails the test on any change to it or to an object reachable from
 * it (a set, a definition, a deletion, a prototype change); reads give wrapped values too.
 */
function mustNotMutateObjectDeep(obj) {
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) return obj;
  const fail = (what, key) => assert.fail(`Expected no side effects, got ${what} ${String(key)}`);
  return new Proxy(obj, {
    defineProperty(target, key) { fail('define', key); },
    deleteProperty(target, key) { fail('delete', key); },
    set(target, key) { fail('set', key); },
    setPrototypeOf(target) { fail('setPrototypeOf', ''); },
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      // (Typed arrays' own methods need their real `this`.)
      if (ArrayBuffer.isView(target) && typeof value === 'function') return value.bind(target);
      return mustNotMutateObjectDeep(value);
    },
  });
}

/**
 * Whether a child ended the way an abort ends a process: a SIGABRT, SIGTRAP or SIGILL signal,
 * or (through a shell) the exit status 128 + one of those.
 */
function nodeProcessAborted(exitCode, signal) {
  if (signal !== null && signal !== undefined) return ['SIGABRT', 'SIGTRAP', 'SIGILL'].includes(signal);
  return [132, 133, 134].includes(exitCode);
}

/**
 * Runs this test file again as `child` with --abort-on-uncaught-exception (through a shell
 * that allows no core file) and checks that it aborted.
 */
function childShouldThrowAndAbort() {
  const { exec } = require('child_process');
  const command = `ulimit -c 0 && "${process.argv[0]}" --abort-on-uncaught-exception "${process.argv[1]}" child`;
  const child = exec(command);
  child.on('exit', mustCall((exitCode, signal) => {
    if (!nodeProcessAborted(exitCode, signal)) {
      throw new Error(`the child did not abort: exit code ${exitCode}, signal ${signal}`);
    }
  }));
}

/** Skips the test when the runtime has no inspector (`process.features.inspector`). */
function skipIfInspectorDisabled() {
  if (!process.features.inspector) skip('V8 inspector is disabled');
}

/** `common.gcUntil(name, condition)`: see gc.js (older tests reach it here). */
function gcUntil(name, condition) {
  return require('./gc').gcUntil(name, condition);
}

// Whether process `pid` still exists (signal 0 checks without sending anything).
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

module.exports = {
  isAlive,
  skipIfInspectorDisabled,
  childShouldThrowAndAbort,
  nodeProcessAborted,
  gcUntil,
  skipIf32Bits,
  mustNotMutateObjectDeep,
  skipIfDumbTerminal,
  allowGlobals,
  enoughTestMem,
  expectsError,
  expectWarning,
  getArrayBufferViews,
  getBufferSources,
  hasCrypto,
  hasIntl,
  invalidArgTypeHelper,
  isAIX: platform === 'aix',
  isFreeBSD: platform === 'freebsd',
  isLinux: platform === 'linux',
  isOpenBSD: platform === 'openbsd',
  isOSX: platform === 'darwin',
  isSunOS: platform === 'sunos',
  isWindows: platform === 'win32',
  localhostIPv4: '127.0.0.1',
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustSucceed,
  platformTimeout,
  printSkipMessage,
  skip,
  spawnPromisified,
};

// `PIPE`: a Unix socket path in the scratch directory (relative to the working directory,
// as Node's is, to stay short), named after the process.
Object.defineProperty(module.exports, 'PIPE', {
  enumerable: true,
  get() {
    const path = require('path');
    const dir = path.relative(process.cwd(), `${require('./tmpdir').path}/`);
    return path.join(dir, `node-test.${process.pid}.sock`);
  },
});

// `isMainThread`: false inside a worker (worker_threads loaded only when asked).
Object.defineProperty(module.exports, 'isMainThread', {
  enumerable: true,
  get() {
    try {
      return require('worker_threads').isMainThread;
    } catch {
      return true;
    }
  },
});
