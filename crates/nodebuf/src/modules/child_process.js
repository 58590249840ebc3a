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
function stdioModes(stdio) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') return [stdio, stdio, stdio];
  if (Array.isArray(stdio)) {
    const count = Math.max(3, stdio.length);
    const modes = [];
    for (let i = 0; i < count; i++) {
      const entry = stdio[i];
      if (typeof entry === 'string') modes.push(entry);
      else if (entry === i) modes.push('inherit');
      else if (typeof entry === 'number' && Number.isInteger(entry) && entry >= 0) modes.push(`fd:${entry}`);
      else if (entry !== null && typeof entry === 'object') modes.push(`fd:${descriptorOf(entry, i)}`);
      else modes.push(i < 3 ? 'pipe' : 'ignore');
    }
    return modes;
  }
  throw codes.ERR_INVALID_ARG_VALUE('options.stdio', stdio);
}

// The descriptor a stdio entry that is an object shares with the child: a stream's or a
// server's handle (a socket, a pipe), a handle itself, or anything with an `fd`.
function descriptorOf(entry, index) {
  const handle = entry._handle !== undefined && entry._handle !== null ? entry._handle : entry;
  const fd = handle.fd;
  if (typeof fd === 'number' && fd >= 0) return fd;
  throw codes.ERR_INVALID_ARG_VALUE('stdio', entry);
}

function envList(env) {
  if (env === undefined || env === null) return undefined;
  const out = [];
  for (const key of Object.keys(env)) if (env[key] !== undefined) out.push(`${key}=${env[key]}`);
  return out;
}

function spawnSync(file, args, options) {
  if (typeof file !== 'string') throw codes.ERR_INVALID_ARG_TYPE('file', 'string', file);
  if (!Array.isArray(args)) {
    options = args;
    args = [];
  }
  options = options || {};
  let input;
  if (options.input !== undefined) {
    input = typeof options.input === 'string' ? Buffer.from(options.input) : options.input;
    input = Array.from(input);
  }
  let command = file;
  let argv = args.map(String);
  if (options.shell) {
    command = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    argv = ['-c', [file, ...argv].join(' ')];
  }
  const modes = stdioModes(options.stdio);
  if (modes.includes('ipc')) throw makeNodeError(Error, 'ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks');
  const r = native.spawnSync(command, argv,
    options.cwd === undefined ? undefined : String(options.cwd), input, modes, envList(options.env || process.env));
  const encoding = options.encoding && options.encoding !== 'buffer' ? options.encoding : undefined;
  if (r.error !== undefined) {
    const err = new Error(`spawnSync ${file} ENOENT`);
    err.errno = -2;
    err.code = 'ENOENT';
    err.syscall = `spawnSync ${file}`;
    err.path = file;
    err.spawnargs = args;
    return { error: err, status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
  }
  const decode = (bytes) => (bytes !== null && encoding ? bytes.toString(encoding) : bytes);
  const stdout = decode(r.stdout);
  const stderr = decode(r.stderr);
  return { status: r.status, signal: r.signal, output: [null, stdout, stderr], pid: r.pid, stdout, stderr };
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

function normalizeSpawnArguments(file, args, options) {
  if (typeof file !== 'string') throw codes.ERR_INVALID_ARG_TYPE('file', 'string', file);
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
  if (options === undefined || options === null) options = {};
  else if (typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  let command = file;
  let argv = args.map(String);
  if (options.shell) {
    command = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    argv = ['-c', [file, ...argv].join(' ')];
  }
  return { command, argv, file, args, options };
}

function spawn(file, args, options) {
  const n = normalizeSpawnArguments(file, args, options);
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
  let env = envList(n.options.env || process.env);
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
  const r = native.child.spawn(n.command, n.argv,
    n.options.cwd === undefined || n.options.cwd === null ? undefined : String(n.options.cwd),
    modes, env);
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

function execFile(file, args, options, callback) {
  if (typeof args === 'function') {
    callback = args;
    args = [];
    options = undefined;
  } else if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (!Array.isArray(args) && args !== undefined && args !== null) {
    options = args;
    args = [];
  }
  const opts = { encoding: 'utf8', maxBuffer: 1024 * 1024, killSignal: 'SIGTERM', ...options };
  // (execFile keeps its own timeout: the child it spawns has none.)
  return runCollecting(spawn(file, args, { ...opts, timeout: undefined }), [file, ...(args || [])].join(' '), opts, callback);
}

function exec(command, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (typeof command !== 'string') throw codes.ERR_INVALID_ARG_TYPE('command', 'string', command);
  const opts = { encoding: 'utf8', maxBuffer: 1024 * 1024, killSignal: 'SIGTERM', ...options };
  const shell = typeof opts.shell === 'string' ? opts.shell : '/bin/sh';
  delete opts.shell;
  return runCollecting(spawn(shell, ['-c', command], { ...opts, timeout: undefined }), command, opts, callback);
}

// Collects a child's output for exec/execFile and calls back with Node's (error, stdout, stderr).
function runCollecting(child, command, options, callback) {
  const stdout = [];
  const stderr = [];
  let done = false;
  const decode = (chunks) => {
    const bytes = Buffer.concat(chunks);
    return options.encoding && options.encoding !== 'buffer' && Buffer.isEncoding(options.encoding) ?
      bytes.toString(options.encoding) : bytes;
  };
  const finish = (error) => {
    if (done) return;
    done = true;
    if (typeof callback === 'function') callback(error, decode(stdout), decode(stderr));
  };
  if (child.stdout !== null) child.stdout.on('data', (c) => stdout.push(c));
  if (child.stderr !== null) child.stderr.on('data', (c) => stderr.push(c));
  child.on('error', (err) => {
    err.cmd = command;
    finish(err);
  });
  child.on('close', (code, signal) => {
    if (code === 0 && signal === null) {
      finish(null);
      return;
    }
    let message = `Command failed: ${command}`;
    const err = decode(stderr);
    if (err.length > 0) message += `\n${err.toString()}`;
    const error = new Error(message);
    Object.assign(error, { code: code === null ? undefined : code, killed: child.killed, signal, cmd: command });
    if (code === null) delete error.code;
    finish(error);
  });
  if (options.timeout > 0) {
    const timer = setTimeout(() => child.kill(options.killSignal), options.timeout);
    child.on('exit', () => clearTimeout(timer));
  }
  return child;
}

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
