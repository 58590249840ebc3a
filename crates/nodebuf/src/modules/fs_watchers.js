// `internal/fs/watchers`: `fs.watch` (FSWatcher over an inotify instance the net poller
// watches; `fs.promises.watch` as an async iterator of the same events) and `fs.watchFile` /
// `fs.unwatchFile` (StatWatcher: the file's stat compared every `interval` ms, as libuv's
// fs_poll does: the listener hears each change, and once at the start when the file is
// missing, with zeroed Stats for what is not there).
'use strict';

const EventEmitter = require('events');
const { AbortError, validateFunction, validateObject } = require('internal/errors');
const pathModule = require('path');
const loop = require('internal/loop');
const { Stats, BigIntStats, statsFromRaw } = require('internal/fs/utils');
const { setInterval, clearInterval } = require('timers');
const nfs = native.fs;

// Node's exception for a failed watch: errno, syscall, code, path, filename.
function watchError(errno, path) {
  const [code, description] = require('internal/uv').errorMap.get(errno) ?? ['UNKNOWN', 'unknown error'];
  const err = new Error(`${code}: ${description}, watch '${path}'`);
  err.errno = errno;
  err.syscall = 'watch';
  err.code = code;
  err.path = path;
  err.filename = path;
  return err;
}

// A filename in the watcher's encoding.
function encodeName(name, encoding) {
  if (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8') return name;
  const bytes = Buffer.from(name);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

/** `fs.FSWatcher`: 'change' (eventType, filename) for each event, 'close' once closed. */
class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = null;
  }

  /** Starts watching `path` (called by fs.watch); throws Node's error when it cannot. */
  start(path, persistent, recursive, encoding) {
    const id = nfs.watchStart(path, recursive);
    if (id < 0) throw watchError(id, path);
    const watcher = this;
    this._handle = {
      id,
      _refed: persistent,
      _isActive: () => true,
      _onNetEvent() {
        const flat = nfs.watchRead(id);
        for (let i = 0; i < flat.length && watcher._handle !== null; i += 2) {
          watcher.emit('change', flat[i], encodeName(flat[i + 1], encoding));
        }
      },
    };
    require('internal/messaging').registerNet(id, this._handle);
  }

  close() {
    if (this._handle === null) return;
    const { id } = this._handle;
    this._handle = null;
    require('internal/messaging').unregisterNet(id);
    nfs.watchClose(id);
    loop.nextTick(() => this.emit('close'));
  }

  ref() {
    if (this._handle !== null) this._handle._refed = true;
    return this;
  }

  unref() {
    if (this._handle !== null) this._handle._refed = false;
    return this;
  }
}

// fs.watch's options: a string is the encoding.
function watchOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options === 'string') return { encoding: options };
  validateObject(options, 'options');
  return options;
}

/** `fs.watch(filename, options, listener)` with a checked path. */
function watch(path, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = watchOptions(options);
  if (signal !== undefined) require('internal/abort_controller').validateAbortSignal(signal, 'options.signal');
  const watcher = new FSWatcher();
  watcher.start(path, Boolean(persistent), Boolean(recursive), encoding);
  if (listener) watcher.addListener('change', listener);
  if (signal !== undefined) {
    if (signal.aborted) {
      loop.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return watcher;
}

/** `fs.promises.watch(filename, options)`: an async iterator of `{ eventType, filename }`. */
function watchAsync(path, options) {
  const { persistent = true, recursive = false, encoding = 'utf8', signal } = watchOptions(options);
  if (signal !== undefined) require('internal/abort_controller').validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) {
    return (async function* aborted() { throw new AbortError(undefined, { cause: signal.reason }); })();
  }
  const watcher = new FSWatcher();
  watcher.start(path, Boolean(persistent), Boolean(recursive), encoding);
  const queued = [];
  let wake = null;
  let failure = null;
  const notify = () => {
    if (wake !== null) {
      const resolve = wake;
      wake = null;
      resolve();
    }
  };
  watcher.on('change', (eventType, filename) => {
    queued.push({ eventType, filename });
    notify();
  });
  const onAbort = () => {
    failure = new AbortError(undefined, { cause: signal.reason });
    watcher.close();
    notify();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  return (async function* _watch() {
    try {
      while (true) {
        while (queued.length > 0) yield queued.shift();
        if (failure !== null) throw failure;
        await new Promise((resolve) => { wake = resolve; });
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      watcher.close();
    }
  })();
}

// StatWatchers by resolved path: watching a file twice shares one, as in Node.
const statWatchers = new Map();

// libuv's fs_poll "changed": any of the times, size, mode, owner, inode or device.
const statFields = ['ctimeMs', 'mtimeMs', 'birthtimeMs', 'size', 'mode', 'uid', 'gid', 'ino', 'dev'];
const sameStats = (a, b) => statFields.every((f) => a[f] === b[f]);

const zeroStats = (bigint) => (bigint
  ? new BigIntStats(0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n)
  : new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

/** `fs.StatWatcher`: polls a file's stat and emits 'change' (current, previous). */
class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this._bigint = bigint;
  }

  start(path, persistent, interval) {
    if (this._handle !== null) return;
    const bigint = this._bigint;
    const take = () => {
      try {
        const raw = nfs.statRaw(path, true, true, bigint);
        return { stats: statsFromRaw(raw, bigint), errno: 0 };
      } catch (err) {
        return { stats: zeroStats(bigint), errno: err.errno ?? -1 };
      }
    };
    let previous = zeroStats(bigint);
    // 0: nothing seen yet; 1: a file; a negative errno: the failure last reported.
    let state = 0;
    const poll = () => {
      if (this._handle === null) return;
      const { stats, errno } = take();
      if (errno !== 0) {
        if (state !== errno) {
          state = errno;
          this.emit('change', stats, previous);
          previous = stats;
        }
        return;
      }
      if (state !== 0 && (state < 0 || !sameStats(previous, stats))) this.emit('change', stats, previous);
      previous = stats;
      state = 1;
    };
    const timer = setInterval(poll, interval);
    if (!persistent) timer.unref();
    this._handle = { timer };
    // The first stat, right away (from the loop, as libuv's first request completes).
    loop.queueIoCompletion(poll);
  }

  stop() {
    if (this._handle === null) return;
    clearInterval(this._handle.timer);
    this._handle = null;
    loop.nextTick(() => this.emit('stop'));
  }

  ref() {
    this._handle?.timer.ref();
    return this;
  }

  unref() {
    this._handle?.timer.unref();
    return this;
  }
}

/** `fs.watchFile(filename, options, listener)` with a checked path. */
function watchFile(path, options, listener) {
  const resolved = pathModule.resolve(path);
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  const { interval = 5007, persistent = true, bigint = false } = options ?? {};
  validateFunction(listener, 'listener');
  let watcher = statWatchers.get(resolved);
  if (watcher === undefined) {
    watcher = new StatWatcher(bigint);
    watcher.start(path, persistent, interval);
    statWatchers.set(resolved, watcher);
  }
  watcher.addListener('change', listener);
  return watcher;
}

/** `fs.unwatchFile(filename, listener)`: removes `listener` (all listeners when omitted). */
function unwatchFile(path, listener) {
  const resolved = pathModule.resolve(path);
  const watcher = statWatchers.get(resolved);
  if (watcher === undefined) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(resolved);
  }
}

module.exports = { FSWatcher, StatWatcher, watch, watchAsync, watchFile, unwatchFile };
