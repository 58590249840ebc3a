// The `process` object: an EventEmitter with Node's identity fields, exit handling, clocks,
// memory usage, stdio writers and warnings.
'use strict';

const EventEmitter = require('events');
const loop = require('internal/loop');
const warnings = require('internal/warnings');
const { codes } = require('internal/errors');

const info = native.process;
const flags = info.flags;

// Members few scripts use: enumerable data properties made on first access from
// internal/process/members (so that start-up neither reads nor runs their code).
function lazyMembers(names) {
  for (const name of names) {
    native.defineLazyValue(process, name, () => require('internal/process/members')[name], true);
  }
}

/**
 * `process.env` as Node's: every value stored is a string (`env.A = 42` reads back '42', a
 * Symbol is refused), a definition must be a plain writable, enumerable, configurable value,
 * and Symbol keys read nothing.
 */
function environment(variables) {
  const { makeNodeError } = require('internal/errors');
  const defineError = (text) => makeNodeError(TypeError, 'ERR_INVALID_OBJECT_DEFINE_PROPERTY', `'process.env' ${text}`);
  // Under --pending-deprecation, Node warns once (DEP0104) about a value that is not a string,
  // number or boolean.
  let warned = false;
  const checkValue = (value) => {
    if (warned || !flags.pendingDeprecation) return;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return;
    warned = true;
    process.emitWarning('Assigning any value other than a string, number, or boolean to a process.env ' +
      'property is deprecated. Please make sure to convert the value to a string before setting ' +
      'process.env with it.', 'DeprecationWarning', 'DEP0104');
  };
  return new Proxy(variables, {
    get(target, key, receiver) {
      return typeof key === 'symbol' ? undefined : Reflect.get(target, key, receiver);
    },
    set(target, key, value) {
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      checkValue(value);
      target[key] = `${value}`;
      return true;
    },
    defineProperty(target, key, descriptor) {
      if ('get' in descriptor || 'set' in descriptor) {
        throw defineError('does not accept an accessor(getter/setter) descriptor');
      }
      if (!descriptor.configurable || !descriptor.writable || !descriptor.enumerable) {
        throw defineError('only accepts a configurable, writable, and enumerable data descriptor');
      }
      if (typeof key === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
      checkValue(descriptor.value);
      target[key] = `${descriptor.value}`;
      return true;
    },
  });
}

// (`process` is the object the bootstrap made before any builtin loaded: every builtin has it.)
const Process = Object.getPrototypeOf(process).constructor;
Object.setPrototypeOf(Process.prototype, EventEmitter.prototype);
Object.defineProperty(Process, 'name', { value: 'process' });
EventEmitter.init.call(process);

process.title = 'node';
process.version = info.version;
process.versions = {
  node: info.version.slice(1),
  quickjs: '0.16.2',
  nodebuf: '0.1.0',
};
process.arch = info.arch;
process.platform = info.platform;
process.release = { name: 'node', lts: 'Iron' };
process.argv = info.argv;
process.argv0 = info.argv0;
process.execArgv = info.execArgv;
process.execPath = info.execPath;
process.env = environment(info.env);
{
  // Node's process.env is a host object, not a Proxy: util.types.isProxy, inspect's showProxy
  // and structuredClone see a plain object.
  const proxyDetails = native.proxyDetails;
  const env = process.env;
  native.proxyDetails = (value) => (value === env ? undefined : proxyDetails(value));
}
process.pid = info.pid;
process.ppid = info.ppid;
process.config = { variables: {} };
process.features = { inspector: false };
process.exitCode = undefined;
{
  let exitingFlag = false;
  Object.defineProperty(process, '_exiting', {
    get() { return exitingFlag; },
    set(value) { exitingFlag = value; },
    enumerable: true,
    configurable: true,
  });
}
// (Only when the flag is given, as Node defines them.)
if (flags.noDeprecation) process.noDeprecation = true;
if (flags.throwDeprecation) process.throwDeprecation = true;
if (flags.traceDeprecation) process.traceDeprecation = true;

process.cwd = function cwd() {
  return native.cwd();
};
const workerUnsupported = (what) => require('internal/errors').makeNodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION',
  `${what} is not supported in workers`);
process.chdir = function chdir(directory) {
  if (native.worker !== undefined) throw workerUnsupported('process.chdir()');
  if (typeof directory !== 'string') throw codes.ERR_INVALID_ARG_TYPE('directory', 'string', directory);
  native.chdir(directory);
};
/** `process.umask([mask])`: the old mask; sets `mask` (a number or an octal string) if given. */
process.umask = function umask(mask) {
  if (mask === undefined) return native.umask(-1);
  if (native.worker !== undefined) throw workerUnsupported('Setting process.umask()');
  return native.umask(require('internal/fs/utils').parseFileMode(mask === null ? undefined : mask, 'mask'));
};
// (Node's order: the credentials here, the rest of the lazy members below.)
lazyMembers(['getuid', 'geteuid', 'getgid', 'getegid', 'getgroups', 'setgroups', 'initgroups', 'setuid', 'seteuid',
  'setgid', 'setegid']);
// A method, as Node's native one: no `prototype`.
process.uptime = {
  uptime() {
    return native.now() / 1000;
  },
}.uptime;

process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!loop.isExiting()) {
    loop.setExiting();
    process._exiting = true;
    process.emit('exit', process.exitCode === undefined ? 0 : Number(process.exitCode) | 0);
  }
  native.exit(process.exitCode === undefined ? 0 : Number(process.exitCode) | 0);
};
process.reallyExit = (code) => native.exit(code | 0);
process.abort = () => native.exit(134);
/**
 * Sends `sig` (a number, or a name of os.constants.signals; SIGTERM when falsy) to process
 * `pid` as kill(2) does; Node's ErrnoException (`kill ESRCH`) when it fails.
 */
process.kill = function kill(pid, sig) {
  // (Loose comparison as Node's: '12' is a pid, 1.5 is not; an object's valueOf runs for each.)
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) throw codes.ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  let signum;
  if (sig === (sig | 0)) {
    signum = sig;
  } else {
    const name = sig || 'SIGTERM';
    signum = require('internal/constants').os.signals[name];
    if (!signum) throw codes.ERR_UNKNOWN_SIGNAL(name);
  }
  // (Through process._kill, which scripts may replace, as Node's kill calls it.)
  const err = process._kill(pid, signum);
  if (err) throw require('internal/errors').errnoException(err, 'kill');
  return true;
};

// 'multipleResolves' (deprecated, DEP0160): a resolve or reject of an already resolved promise,
// emitted on the next tick when the event had a listener at that moment. The engine reports
// them once the event first gets a listener (host/multiple_resolves.rs).
let multipleResolvesListened = false;
let warnMultipleResolves;
function onMultipleResolves(isReject, promise, value) {
  if (!multipleResolvesListened) return;
  const type = isReject ? 'reject' : 'resolve';
  process.nextTick(() => {
    if (!multipleResolvesListened) return;
    try {
      process.emit('multipleResolves', type, promise, value);
    } finally {
      warnMultipleResolves();
    }
  });
}
process.on('newListener', (eventName) => {
  if (eventName !== 'multipleResolves' || multipleResolvesListened) return;
  multipleResolvesListened = true;
  if (warnMultipleResolves === undefined) {
    warnMultipleResolves = warnings.deprecate(() => {}, 'The multipleResolves event has been deprecated.', 'DEP0160');
    native.setMultipleResolvesHook(onMultipleResolves);
  }
});
process.on('removeListener', (eventName) => {
  if (eventName === 'multipleResolves') multipleResolvesListened = process.listenerCount('multipleResolves') !== 0;
});

// Process events named for signals start and stop watching them (internal/process/signal,
// loaded with the first listener of a name that may be a signal). Workers receive none.
if (native.worker === undefined) {
  const mayBeSignal = (type) => typeof type === 'string' && type.startsWith('SIG');
  process.on('newListener', function startListeningIfSignal(type) {
    if (mayBeSignal(type)) require('internal/process/signal').startListeningIfSignal(type);
  });
  process.on('removeListener', function stopListeningIfSignal(type) {
    if (mayBeSignal(type)) require('internal/process/signal').stopListeningIfSignal(type);
  });
}

process.nextTick = loop.nextTick;

function hrtime(previous) {
  const [s, ns] = native.hrtime();
  if (previous !== undefined) {
    if (!Array.isArray(previous)) throw codes.ERR_INVALID_ARG_TYPE('time', 'Array', previous);
    if (previous.length !== 2) throw codes.ERR_OUT_OF_RANGE('time', '2', previous.length);
    let secs = s - previous[0];
    let nsecs = ns - previous[1];
    if (nsecs < 0) {
      secs -= 1;
      nsecs += 1e9;
    }
    return [secs, nsecs];
  }
  return [s, ns];
}
hrtime.bigint = function bigint() {
  return native.hrtimeBigint();
};
process.hrtime = hrtime;

function memoryUsage() {
  return native.memoryUsage();
}
memoryUsage.rss = () => native.rss();
process.memoryUsage = memoryUsage;
process.resourceUsage = function resourceUsage() {
  return { maxRSS: Math.round(native.rss() / 1024) };
};
process.cpuUsage = function cpuUsage() {
  return { user: Math.round(native.now() * 1000), system: 0 };
};

process.emitWarning = warnings.emitWarning;
if (!flags.noWarnings) process.on('warning', warnings.printWarning);

// The stdio streams are built on first use (loading the stream modules costs start-up time):
// getters named as Node's (`getStdout`...), with no setter, as there.
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
function lazyStdio(name, getterName, make) {
  let stream;
  const get = { [getterName]() {
    if (stream === undefined) stream = make();
    return stream;
  } }[getterName];
  Object.defineProperty(process, name, { configurable: true, enumerable: true, get });
  return {
    get,
    /** The stream, made now if it was not. */
    make: () => get.call(process),
    made: () => stream !== undefined,
    // Whether `process[name]` is still this getter (a script may define its own).
    isOwn: () => ObjectGetOwnPropertyDescriptor(process, name)?.get === get,
  };
}
const resources = () => require('internal/process/resources');
const stdout = lazyStdio('stdout', 'getStdout', () => resources().addStdio(require('internal/streams/stdio').createWritableStdioStream(1, native.writeOut), 1));
const stderr = lazyStdio('stderr', 'getStderr', () => resources().addStdio(require('internal/streams/stdio').createWritableStdioStream(2, native.writeErr), 2));
lazyStdio('stdin', 'getStdin', () => require('internal/streams/stdio').createStdinStream(resources().addStdio));

// The global console's way to process's own stdout/stderr without making the stream (six
// stream modules: a fifth of a `console.log('hello')` script's instructions): the bytes the
// stream would write, as it would write them (on a file or /dev/null each string first becomes
// a pooled Buffer, as the stream's decodeStrings makes it; on a pipe the text goes as it is),
// and the stream's place among the process's handles kept for getActiveResourcesInfo().
// Terminals and other descriptors take the stream, which does more.
const stdioStates = [undefined, stdout, stderr];
native.stdioDirect = {
  isOwn: (fd) => stdioStates[fd].isOwn(),
  make: (fd) => stdioStates[fd].make(),
  /** Writes `text` around the unmade stream; false (nothing written) when it must be used. */
  write(fd, text) {
    if (stdioStates[fd].made()) return false;
    const kind = native.tty.guessHandle(fd);
    if (kind !== 'PIPE' && kind !== 'FILE') return false;
    const writeBytes = fd === 1 ? native.writeOut : native.writeErr;
    writeBytes(kind === 'PIPE' ? text : Buffer.from(text, 'utf8'));
    this.touch(fd);
    return true;
  },
  /** What reading the stream does for its place among the handles, without making it. */
  touch(fd) {
    const state = stdioStates[fd];
    if (!state.made()) resources().reserveStdio(fd, state.make);
  },
};

// The old way to start reading stdin (still in Node 20, anonymous as there).
process.openStdin = function () {
  process.stdin.resume();
  return process.stdin;
};

/** `process.loadEnvFile([path])`: a dotenv file's variables into `process.env` (internal/dotenv). */
process.loadEnvFile = function loadEnvFile(path = undefined) {
  return require('internal/dotenv').loadEnvFile(path);
};
lazyMembers(['getActiveResourcesInfo', '_getActiveHandles', '_getActiveRequests', 'availableMemory',
  'constrainedMemory', '_kill', '_debugEnd']);

// Node's flag set is made on first read, which turns the accessor into a data property.
Object.defineProperty(process, 'allowedNodeEnvironmentFlags', {
  get() {
    const value = require('internal/process/flags').allowedNodeEnvironmentFlags();
    Object.defineProperty(this, 'allowedNodeEnvironmentFlags', { value, writable: true, enumerable: true, configurable: true });
    return value;
  },
  set(value) {
    Object.defineProperty(this, 'allowedNodeEnvironmentFlags', { value, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
});

lazyMembers(['setUncaughtExceptionCaptureCallback', 'hasUncaughtExceptionCaptureCallback', '_fatalException',
  'getBuiltinModule', '_rawDebug', '_tickCallback', '_linkedBinding', '_startProfilerIdleNotifier',
  '_stopProfilerIdleNotifier', '_debugProcess', 'assert']);
process.debugPort = 9229;
process.domain = null;
Object.defineProperty(process, '_preload_modules', { value: [], writable: false, enumerable: true, configurable: true });
// The builtins loaded so far (the bootstrap adds each as it loads).
Object.defineProperty(process, 'moduleLoadList', { value: native.moduleLoadList, writable: false, enumerable: true, configurable: true });
Object.defineProperty(process, 'report', {
  get() { return require('internal/process/report'); },
  set(value) { Object.defineProperty(process, 'report', { value, writable: true, enumerable: true, configurable: true }); },
  enumerable: true,
  configurable: true,
});
lazyMembers(['dlopen']);

process.binding = function binding(name) {
  throw new Error(`No such module: ${name}`);
};

module.exports = process;
