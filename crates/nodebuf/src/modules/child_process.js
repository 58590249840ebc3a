// `child_process`: the synchronous family (`spawnSync`, `execFileSync`, `execSync`) with Node's
// options (cwd, input, encoding, stdio, env, shell) and Node's results and errors, and the
// asynchronous one (`spawn`, `exec`, `execFile`): a ChildProcess whose stdout/stderr are
// Readable streams fed from the event loop, whose stdin is a Writable, with Node's 'spawn',
// 'exit', 'close' and 'error' events.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setTimeout, clearTimeout } = require('timers');

const EventEmitter = require('events');
const { codes, makeNodeError, AbortError } = require('internal/errors');

// The mode of each child descriptor: 'pipe', 'inherit', 'ignore' or 'ipc' (a descriptor
// given as its own number, `[0, 1, 2]`, is inherited); 0-2 always, more when the array has more.
// Node's checks: an unknown string is ERR_INVALID_ARG_VALUE, and in an array (for spawn) input
// Node reads as data (a string, a Buffer) is ERR_INVALID_SYNC_FORK_INPUT.
const kStdioWords = ['pipe', 'overlapped', 'ignore', 'inherit', 'ipc'];
function stdioModes(stdio, sync = false) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') {
    if (stdio === 'ipc' || !kStdioWords.includes(stdio)) throw codes.ERR_INVALID_ARG_VALUE('stdio', stdio);
    const mode = stdio === 'overlapped' ? 'pipe' : stdio;
    return [mode, mode, mode];
  }
  if (Array.isArray(stdio)) {
    const count = Math.max(3, stdio.length);
    const modes = [];
    for (let i = 0; i < count; i++) {
      const entry = stdio[i];
      if (entry === undefined || entry === null) modes.push(i < 3 ? 'pipe' : 'ignore');
      else if (typeof entry === 'string' && kStdioWords.includes(entry)) modes.push(entry === 'overlapped' ? 'pipe' : entry);
      else if (entry === i) modes.push('inherit');
      else if (typeof entry === 'number') modes.push(`fd:${Math.trunc(entry)}`);
      else if (typeof entry === 'string' || ArrayBuffer.isView(entry)) {
        if (!sync) {
          throw makeNodeError(TypeError, 'ERR_INVALID_SYNC_FORK_INPUT',
            `Asynchronous forks do not support Buffer, TypedArray, DataView or string input: ${require('internal/inspect').inspect(entry)}`);
        }
        modes.push('pipe');
      } else if (typeof entry === 'object') modes.push(`fd:${descriptorOf(entry, i)}`);
      else throw codes.ERR_INVALID_ARG_VALUE('stdio', entry);
    }
    return modes;
  }
  throw codes.ERR_INVALID_ARG_VALUE('stdio', stdio);
}

// The descriptor a stdio entry that is an object shares with the child: a stream's or a
// server's handle (a socket, a pipe), a handle itself, or anything with an `fd`.
function descriptorOf(entry, index) {
  const handle = entry._handle !== undefined && entry._handle !== null ? entry._handle : entry;
  const fd = handle.fd;
  if (typeof fd === 'number' && fd >= 0) return fd;
  throw codes.ERR_INVALID_ARG_VALUE('stdio', entry);
}

// Node's default maxBuffer for exec/execFile and the sync family.
const MAX_BUFFER = 1024 * 1024;

/**
 * `spawnSync(file[, args][, options])`: runs `file` to completion and returns Node's result
 * (`status`, `signal`, `output`, `pid`, `stdout`, `stderr`, and `error` when it could not start
 * or a limit ended it: `timeout` gives ETIMEDOUT, an output past `maxBuffer` bytes (1 MiB by
 * default) ENOBUFS, the child killed with `killSignal` in both cases).
 */
function spawnSync(file, args, options) {
  const n = normalizeSpawnArguments(file, args, options);
  options = { maxBuffer: MAX_BUFFER, ...n.options };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  const killSignal = sanitizeKillSignal(options.killSignal);
  let input;
  if (options.input) {
    if (typeof options.input === 'string') {
      input = Buffer.from(options.input, options.encoding);
    } else if (ArrayBuffer.isView(options.input)) {
      input = options.input;
    } else {
      throw codes.ERR_INVALID_ARG_TYPE('options.stdio[0]', ['string', 'Buffer', 'TypedArray', 'DataView'], options.input);
    }
    input = Array.from(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
  }
  const modes = stdioModes(options.stdio, true);
  if (modes.includes('ipc')) throw makeNodeError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
  const limits = [options.timeout > 0 ? options.timeout : 0, options.maxBuffer == null ? NaN : options.maxBuffer,
    killSignal === undefined ? signalNumber('SIGTERM') : signalNumber(killSignal)];
  const r = native.spawnSync([n.command, n.argv0, ...n.argv], n.cwd, input, modes, n.envPairs, [...limits, ...n.ids]);
  const encoding = options.encoding && options.encoding !== 'buffer' ? options.encoding : undefined;
  const failure = (errno) => {
    const code = require('util').getSystemErrorName(-errno);
    const err = new Error(`spawnSync ${n.command} ${code}`);
    err.errno = -errno;
    err.code = code;
    err.syscall = `spawnSync ${n.command}`;
    err.path = n.command;
    err.spawnargs = n.argv;
    return err;
  };
  if (r.error !== undefined) {
    return { error: failure(r.errno || 2), status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
  }
  const decode = (bytes) => (bytes !== null && encoding ? bytes.toString(encoding) : bytes);
  const stdout = decode(r.stdout);
  const stderr = decode(r.stderr);
  const result = { status: r.status, signal: r.signal, output: [null, stdout, stderr], pid: r.pid, stdout, stderr };
  return r.limitErrno === undefined ? result : { error: failure(r.limitErrno), ...result };
}

// The part execFileSync and execSync share: run, echo stderr unless stdio was given, and turn
// a failure into Node's error (`status`, `signal`, `output`, `pid`, `stdout`, `stderr` on it).
function checkExecSync(r, command, options) {
  if (r.error) {
    Object.assign(r.error, { error: r.error, status: r.status, signal: r.signal, output: r.output,
      pid: r.pid, stdout: r.stdout, stderr: r.stderr });
    throw r.error;
  }
  if ((options === undefined || options === null || options.stdio === undefined) && r.stderr !== null &&
      r.stderr.length > 0) {
    process.stderr.write(r.stderr);
  }
  if (r.status !== 0) {
    let message = `Command failed: ${command}`;
    if (r.stderr !== null && r.stderr.length > 0) message += `\n${r.stderr.toString()}`;
    const err = new Error(message);
    Object.assign(err, { status: r.status, signal: r.signal, output: r.output, pid: r.pid,
      stdout: r.stdout, stderr: r.stderr });
    throw err;
  }
  return r.stdout;
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args)) {
    options = args;
    args = [];
  }
  const r = spawnSync(file, args, options);
  return checkExecSync(r, [file, ...args].join(' '), options);
}

function execSync(command, options) {
  if (typeof command !== 'string') throw codes.ERR_INVALID_ARG_TYPE('command', 'string', command);
  validateNoNullBytes(command, 'command');
  const opts = { ...options };
  const shell = typeof opts.shell === 'string' ? opts.shell : '/bin/sh';
  delete opts.shell;
  const r = spawnSync(shell, ['-c', command], opts);
  return checkExecSync(r, command, options);
}

// --- the asynchronous family -------------------------------------------------------------

// Node's names for the errno values spawn reports.
const SPAWN_ERRNO = new Map([[2, 'ENOENT'], [13, 'EACCES'], [20, 'ENOTDIR'], [7, 'E2BIG'], [12, 'ENOMEM']]);

function signalNumber(signal) {
  if (typeof signal === 'number') return signal;
  const number = native.child.signals[signal];
  if (typeof signal !== 'string' || number === undefined) throw codes.ERR_UNKNOWN_SIGNAL(signal);
  return number;
}

/** A running (or finished) child process, as `spawn` returns it. */
class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._id = null;
    this._refed = true;
    this._exited = false;
    this._openStreams = 0;
    this.pid = undefined;
    this.exitCode = null;
    this.signalCode = null;
    this.killed = false;
    this.connected = false;
    this.spawnfile = undefined;
    this.spawnargs = [];
    this.stdin = null;
    this.stdout = null;
    this.stderr = null;
    this.stdio = [null, null, null];
  }

  /** Sends `signal` (default SIGTERM); true if it was delivered. */
  kill(signal = 'SIGTERM') {
    const number = signalNumber(signal);
    if (this.pid === undefined || this._exited) return false;
    const errno = native.child.kill(this.pid, number);
    if (errno === 0) {
      if (number !== 0) this.killed = true;
      return true;
    }
    return false;
  }

  /** `using child = spawn(...)`: kills a child not killed yet, as Node's. */
  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  ref() { this._refed = true; }

  unref() { this._refed = false; }

  _onChildEvent(kind, payload) {
    if (kind === 'child-stdout') {
      if (this.stdout !== null) this.stdout.push(payload);
    } else if (kind === 'child-stderr') {
      if (this.stderr !== null) this.stderr.push(payload);
    } else if (kind === 'child-exit') {
      // The native side leaves out what does not apply (no code when killed, no signal else).
      const code = payload[0] === undefined ? null : payload[0];
      const signal = payload[1] === undefined ? null : payload[1];
      this._exited = true;
      this.exitCode = code;
      this.signalCode = signal;
      require('internal/messaging').unregisterChild(this._id);
      if (this.stdin !== null) this.stdin.destroy();
      for (const stream of [this.stdout, this.stderr]) {
        if (stream === null) continue;
        stream.push(null);
        // Output nobody reads is let go, so the stream (and the child) can close.
        if (!stream.readableFlowing && stream.listenerCount('data') === 0 &&
            stream.listenerCount('readable') === 0) {
          stream.resume();
        }
      }
      this.emit('exit', code, signal);
      this._maybeClose();
    }
  }

  _maybeClose() {
    if (this._exited && this._openStreams === 0) this.emit('close', this.exitCode, this.signalCode);
  }
}

// spawn's `cwd`: a string, Buffer or file URL, without NUL bytes (Node's getValidatedPath).
function validatedCwd(cwd) {
  let path = cwd;
  if (path instanceof Uint8Array) {
    path = Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
  } else if (typeof path !== 'string') {
    const url = require('url');
    if (!url._isURL(path)) throw codes.ERR_INVALID_ARG_TYPE('options.cwd', ['string', 'Buffer', 'URL'], cwd);
    path = url.fileURLToPath(path);
  }
  if (path.includes('\u0000')) {
    throw codes.ERR_INVALID_ARG_VALUE('options.cwd', cwd, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return path;
}

const isInt32 = (value) => value === (value | 0);

/**
 * spawn's and spawnSync's arguments checked as Node checks them, with the shell applied:
 * `command` and `argv` are what runs, `argv0` the child's own argv[0], `envPairs` its
 * environment (inherited enumerable keys included, as Node's `for...in`).
 */
function normalizeSpawnArguments(file, args, options) {
  const { validateString, validateObject, validateBoolean } = require('internal/errors');
  validateString(file, 'file');
  validateNoNullBytes(file, 'file');
  if (file.length === 0) throw codes.ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args === undefined || args === null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw codes.ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  args.forEach((arg, i) => validateNoNullBytes(arg, `args[${i}]`));
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  const cwd = options.cwd != null ? validatedCwd(options.cwd) : undefined;
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  if (options.uid != null && !isInt32(options.uid)) throw codes.ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  if (options.gid != null && !isInt32(options.gid)) throw codes.ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  if (options.shell != null && typeof options.shell !== 'boolean' && typeof options.shell !== 'string') {
    throw codes.ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateNoNullBytes(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) validateBoolean(options.windowsHide, 'options.windowsHide');
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }
  let command = file;
  let argv = args.map(String);
  if (options.shell) {
    validateNoNullBytes(options.shell, 'options.shell');
    command = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    argv = ['-c', [file, ...args].join(' ')];
  }
  const argv0 = typeof options.argv0 === 'string' ? options.argv0 : command;
  const env = options.env || process.env;
  const envPairs = [];
  // eslint-disable-next-line guard-for-in
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    validateNoNullBytes(key, `options.env['${key}']`);
    validateNoNullBytes(value, `options.env['${key}']`);
    envPairs.push(`${key}=${value}`);
  }
  // uid, gid (NaN: unchanged) and whether the child starts a session of its own.
  const ids = [options.uid == null ? NaN : options.uid, options.gid == null ? NaN : options.gid, options.detached ? 1 : 0];
  return { command, argv, argv0, file, args, options, cwd, envPairs, ids };
}

function spawn(file, args, options) {
  const n = normalizeSpawnArguments(file, args, options);
  validateTimeout(n.options.timeout);
  require('internal/abort_controller').validateAbortSignal(n.options.signal, 'options.signal');
  sanitizeKillSignal(n.options.killSignal);
  const child = new ChildProcess();
  child.spawnfile = n.command;
  child.spawnargs = [n.command, ...n.argv];
  const modes = stdioModes(n.options.stdio);
  const ipcIndex = modes.indexOf('ipc');
  if (ipcIndex !== -1 && modes.indexOf('ipc', ipcIndex + 1) !== -1) {
    throw makeNodeError(Error, 'ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe');
  }
  // Without `env`, the child gets process.env as the script left it (not the environment this
  // process started with), as in Node.
  let env = n.envPairs;
  const serialization = n.options.serialization === undefined ? 'json' : n.options.serialization;
  if (serialization !== 'json' && serialization !== 'advanced') {
    throw codes.ERR_INVALID_ARG_VALUE('options.serialization', n.options.serialization,
      "must be one of: undefined, 'json', 'advanced'");
  }
  if (ipcIndex !== -1) {
    // The child finds its end of the channel, and the framing, in its environment.
    env = env
      .filter((pair) => !pair.startsWith('NODE_CHANNEL_FD=') && !pair.startsWith('NODE_CHANNEL_SERIALIZATION_MODE='));
    env.push(`NODE_CHANNEL_FD=${ipcIndex}`, `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
  }
  const r = native.child.spawn([n.command, n.argv0, ...n.argv], n.cwd, modes, env, n.ids);
  if (r.error !== undefined) {
    const code = SPAWN_ERRNO.get(r.errno) || 'UNKNOWN';
    const err = new Error(`spawn ${n.command} ${code}`);
    err.errno = -r.errno;
    err.code = code;
    err.syscall = `spawn ${n.command}`;
    err.path = n.command;
    err.spawnargs = n.argv;
    child.exitCode = -r.errno;
    process.nextTick(() => {
      child.emit('error', err);
      child.emit('close', -r.errno, null);
    });
    return child;
  }
  const { Readable, Writable } = require('stream');
  child._id = r.id;
  child.pid = r.pid;
  if (modes[0] === 'pipe') {
    const id = r.id;
    child.stdin = new Writable({
      write(chunk, encoding, callback) {
        const errno = native.child.write(id, chunk);
        if (errno === 0) callback();
        else callback(Object.assign(new Error(`write ${errno === 32 ? 'EPIPE' : 'EIO'}`),
          { errno: -errno, code: errno === 32 ? 'EPIPE' : 'EIO', syscall: 'write' }));
      },
      final(callback) {
        native.child.endStdin(id);
        callback();
      },
      destroy(err, callback) {
        native.child.endStdin(id);
        callback(err);
      },
    });
  }
  for (const [fd, name] of [[1, 'stdout'], [2, 'stderr']]) {
    if (modes[fd] !== 'pipe') continue;
    const stream = new Readable({ read() {} });
    child._openStreams++;
    stream.on('close', () => {
      child._openStreams--;
      child._maybeClose();
    });
    child[name] = stream;
  }
  child.stdio = [child.stdin, child.stdout, child.stderr];
  for (let i = 3; i < modes.length; i++) child.stdio.push(null);
  // Extra 'pipe' entries: sockets over Unix socket pairs, as Node makes them; the child
  // closes once they did too.
  for (const [index, id] of r.pipes || []) {
    const net = require('net');
    const { Pipe } = require('internal/net/handle');
    const socket = new net.Socket({ handle: new Pipe(id), readable: true, writable: true });
    child._openStreams++;
    socket.on('close', () => {
      child._openStreams--;
      child._maybeClose();
    });
    child.stdio[index] = socket;
  }
  if (r.ipc !== undefined) require('internal/child_process/ipc').setupChannel(child, r.ipc, r.ipcFd, serialization, true);
  require('internal/messaging').registerChild(r.id, child);
  process.nextTick(() => child.emit('spawn'));
  watchSpawnOptions(child, n.options);
  return child;
}

// spawn()'s `signal` (aborting kills the child with `killSignal` and emits an AbortError) and
// `timeout` (then the child is killed), each dropped once the child exits.
function watchSpawnOptions(child, options) {
  const killSignal = options.killSignal === undefined ? 'SIGTERM' : options.killSignal;
  const { signal } = options;
  if (signal) {
    const onAbort = () => {
      try {
        if (child.kill(killSignal)) child.emit('error', new AbortError(undefined, { cause: signal.reason }));
      } catch (err) {
        child.emit('error', err);
      }
    };
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      signal.addEventListener('abort', onAbort, { once: true });
      child.once('exit', () => signal.removeEventListener('abort', onAbort));
    }
  }
  if (options.timeout > 0) {
    const timer = setTimeout(() => {
      try {
        child.kill(killSignal);
      } catch (err) {
        child.emit('error', err);
      }
    }, options.timeout);
    child.once('exit', () => clearTimeout(timer));
  }
}

// A string argument that must not hold NUL bytes (ERR_INVALID_ARG_VALUE otherwise, as Node's
// validateArgumentNullCheck words it).
function validateNoNullBytes(value, name) {
  if (typeof value === 'string' && value.includes('\u0000')) {
    throw codes.ERR_INVALID_ARG_VALUE(name, value, 'must be a string without null bytes');
  }
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw codes.ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw codes.ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

// A kill signal given as a name or number, checked (Node's sanitizeKillSignal).
function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    signalNumber(killSignal);
    return killSignal;
  }
  if (killSignal != null) throw codes.ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'], killSignal);
  return undefined;
}

// execFile's arguments in Node's shapes: (file[, args][, options][, callback]).
function normalizeExecFileArgs(file, args, options, callback) {
  if (Array.isArray(args)) {
    args = args.slice();
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args == null) args = [];
  if (typeof options === 'function') callback = options;
  else if (options != null) require('internal/errors').validateObject(options, 'options');
  if (options == null) options = {};
  if (callback != null) require('internal/errors').validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    require('internal/errors').validateString(options.argv0, 'options.argv0');
    validateNoNullBytes(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

const stdioMaxBufferError = (name) => makeNodeError(RangeError, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER',
  `${name} maxBuffer length exceeded`);

/**
 * `execFile(file[, args][, options][, callback])`: runs `file` and calls back with Node's
 * `(error, stdout, stderr)`: the output decoded with `encoding` (or joined as the streams' own
 * encoding made it, or Buffers), cut at `maxBuffer` bytes per stream (the child is then
 * killed and the error is ERR_CHILD_PROCESS_STDIO_MAXBUFFER), killed with `killSignal` after
 * `timeout` ms; a failed run's error says `Command failed: <cmd>` and the stderr text, with
 * code, killed, signal and cmd.
 */
function execFile(file, args, options, callback) {
  ({ file, args, options, callback } = normalizeExecFileArgs(file, args, options, callback));
  options = {
    encoding: 'utf8', timeout: 0, maxBuffer: MAX_BUFFER, killSignal: 'SIGTERM', cwd: null, env: null, shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  const child = spawn(file, args, {
    cwd: options.cwd, env: options.env, gid: options.gid, shell: options.shell, signal: options.signal,
    uid: options.uid, windowsHide: !!options.windowsHide, windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });
  const encoding = options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const collected = { stdout: [], stderr: [] };
  const lengths = { stdout: 0, stderr: 0 };
  let killed = false;
  let exited = false;
  let timer = null;
  let ex = null;
  let cmd = file;

  const joined = (name) => (encoding || child[name]?.readableEncoding ? collected[name].join('') :
    Buffer.concat(collected[name]));
  function exithandler(code, signal) {
    if (exited) return;
    exited = true;
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (!callback) return;
    const stdout = joined('stdout');
    const stderr = joined('stderr');
    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }
    if (args?.length) cmd += ` ${args.join(' ')}`;
    if (!ex) {
      ex = new Error(`Command failed: ${cmd}\n${stderr}`);
      ex.code = code < 0 ? require('util').getSystemErrorName(code) : code;
      ex.killed = child.killed || killed;
      ex.signal = signal;
    }
    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }
  function errorhandler(e) {
    ex = e;
    child.stdout?.destroy();
    child.stderr?.destroy();
    exithandler();
  }
  function kill() {
    child.stdout?.destroy();
    child.stderr?.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }
  if (options.timeout > 0) {
    timer = setTimeout(() => {
      kill();
      timer = null;
    }, options.timeout);
  }
  for (const name of ['stdout', 'stderr']) {
    const stream = child[name];
    if (!stream) continue;
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      if (options.maxBuffer === Infinity) {
        collected[name].push(chunk);
        return;
      }
      const streamEncoding = stream.readableEncoding;
      const length = streamEncoding ? Buffer.byteLength(chunk, streamEncoding) : chunk.length;
      lengths[name] += length;
      if (lengths[name] > options.maxBuffer) {
        const kept = options.maxBuffer - (lengths[name] - length);
        collected[name].push(chunk.slice(0, kept));
        ex = stdioMaxBufferError(name);
        kill();
      } else {
        collected[name].push(chunk);
      }
    });
  }
  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);
  return child;
}

/** `exec(command[, options][, callback])`: execFile of `command` through the shell. */
function exec(command, options, callback) {
  require('internal/errors').validateString(command, 'command');
  validateNoNullBytes(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return module.exports.execFile(command, options, callback);
}

// util.promisify(exec / execFile): a promise of `{ stdout, stderr }` (rejected with the error,
// which carries both) with the child as its `child`, as Node's.
function promisifiedExec(run) {
  return function (...args) {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.child = run(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
    return promise;
  };
}
Object.defineProperty(exec, require('util').promisify.custom, {
  enumerable: false, value: promisifiedExec(exec),
});
Object.defineProperty(execFile, require('util').promisify.custom, {
  enumerable: false, value: promisifiedExec(execFile),
});

/**
 * `fork(modulePath[, args][, options])`: runs `modulePath` in a new nodebuf process (the
 * same executable and execArgv unless given) with an IPC channel: `send`/'message' both ways.
 */
function fork(modulePath, args, options) {
  if (typeof modulePath !== 'string' && !Buffer.isBuffer(modulePath) && !(modulePath instanceof require('url').URL)) {
    throw codes.ERR_INVALID_ARG_TYPE('modulePath', ['string', 'Buffer', 'URL'], modulePath);
  }
  const path = modulePath instanceof require('url').URL ? require('url').fileURLToPath(modulePath) : `${modulePath}`;
  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !Array.isArray(args)) {
    options = args;
    args = [];
  } else if (!Array.isArray(args)) {
    throw codes.ERR_INVALID_ARG_TYPE('args', 'Array', args);
  }
  if (options != null && (typeof options !== 'object' || Array.isArray(options))) {
    throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  options = { ...options };
  const execArgv = options.execArgv || process.execArgv;
  const execPath = options.execPath || process.execPath;
  if (typeof options.stdio === 'string') {
    if (options.stdio === 'inherit') options.stdio = [0, 1, 2, 'ipc'];
    else if (options.stdio === 'pipe' || options.stdio === 'ignore' || options.stdio === 'overlapped') {
      options.stdio = [options.stdio, options.stdio, options.stdio, 'ipc'];
    } else throw codes.ERR_INVALID_ARG_VALUE('stdio', options.stdio);
  } else if (!Array.isArray(options.stdio)) {
    options.stdio = options.silent ? ['pipe', 'pipe', 'pipe', 'ipc'] : [0, 1, 2, 'ipc'];
  } else if (!options.stdio.includes('ipc')) {
    throw makeNodeError(Error, 'ERR_CHILD_PROCESS_IPC_REQUIRED', "Forked processes must have an IPC channel, missing value 'ipc' in options.stdio");
  }
  options.shell = false;
  return spawn(execPath, [...execArgv, path, ...args], options);
}

module.exports = { ChildProcess, spawn, exec, execFile, fork, spawnSync, execFileSync, execSync };
