// `internal/fs/dir`: reading directories: `readdir` (names or Dirents, any encoding,
// recursive in Node's breadth-first order) and `opendir`'s `Dir` (entries read on demand in
// the directory's own order, sync or async, one operation at a time).
'use strict';

const { codes, validateFunction, validateInteger, validateObject } = require('internal/errors');
const pathModule = require('path');
const loop = require('internal/loop');
const { constants, Dirent } = require('internal/fs/utils');
const nfs = native.fs;

const { UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_UNKNOWN, S_IFMT, S_IFDIR } = constants;

// Whether names come back as bytes: every encoding but UTF-8 is converted from them.
const wantsBytes = (encoding) => encoding !== 'utf8' && encoding !== 'utf-8';

// A name as the caller's encoding wants it (`bytes` is a Uint8Array when `wantsBytes`).
function nameIn(bytes, encoding) {
  if (!wantsBytes(encoding)) return bytes;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return encoding === 'buffer' ? buffer : buffer.toString(encoding);
}

// The natives' flat `[name, kind, name, kind, ...]` as `[name, kind]` pairs in `encoding`.
function pairs(flat, encoding) {
  const out = [];
  for (let i = 0; i < flat.length; i += 2) out.push([nameIn(flat[i], encoding), flat[i + 1]]);
  return out;
}

/** Entries of one directory as `[name, kind]` pairs (sorted by name, as libuv's scandir). */
function scan(path, encoding) {
  return pairs(nfs.scandir(path, wantsBytes(encoding)), encoding);
}

/** A directory's entry names (UTF-8) in the directory's own order, as opendir meets them. */
function namesInDirectoryOrder(dir) {
  const handle = nfs.opendir(dir);
  const names = [];
  try {
    for (let flat = nfs.dirRead(handle, 32, false); flat !== null; flat = nfs.dirRead(handle, 32, false)) {
      for (const [name] of pairs(flat, 'utf8')) names.push(name);
    }
  } finally {
    nfs.dirClose(handle);
  }
  return names;
}

// Whether `path` is a directory once symlinks are followed (a dangling link is not).
function isDirectoryFollowed(path) {
  const raw = nfs.statRaw(path, true, false, false);
  return raw !== undefined && (raw[1] & S_IFMT) === S_IFDIR;
}

/**
 * `readdirSync(path, options)` after the path and options are checked: names (relative to
 * `path` when recursive) or Dirents. Recursion is breadth-first over a queue of directories:
 * with Dirents it enters what is a directory itself; with names it also follows symlinks to
 * directories, as Node's does.
 */
function readdirChecked(path, { encoding, withFileTypes, recursive }) {
  if (!recursive) {
    const entries = scan(path, encoding);
    return withFileTypes ? entries.map(([name, kind]) => new Dirent(name, kind, path))
      : entries.map(([name]) => name);
  }
  const results = [];
  const queue = [path];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    for (const [name, kind] of scan(dir, encoding)) {
      // (Names that are Buffers meet path.join's string check here, as in Node.)
      const full = pathModule.join(dir, name);
      if (withFileTypes) {
        results.push(new Dirent(name, kind, dir));
        if (kind === UV_DIRENT_DIR) queue.push(full);
      } else {
        results.push(pathModule.relative(path, full));
        if (kind === UV_DIRENT_DIR || ((kind === UV_DIRENT_LINK || kind === UV_DIRENT_UNKNOWN) &&
            isDirectoryFollowed(full))) {
          queue.push(full);
        }
      }
    }
  }
  return results;
}

const kHandle = Symbol('kDirHandle');
const kPath = Symbol('kDirPath');
const kBuffered = Symbol('kDirBufferedEntries');
const kClosed = Symbol('kDirClosed');
const kQueue = Symbol('kDirOperationQueue');
const kOptions = Symbol('kDirOptions');

// A Dir collected while open closes its directory with Node's warning (at once here, where
// Node's collector runs when it runs).
const unclosed = new FinalizationRegistry((handle) => {
  nfs.dirClose(handle);
  process.emitWarning('Closing directory handle on garbage collection');
});

/** `fs.Dir`: an open directory (`opendir`), read entry by entry. */
class Dir {
  constructor(handle, path, options) {
    if (handle == null) throw codes.ERR_MISSING_ARGS('handle');
    this[kHandle] = handle;
    this[kBuffered] = [];
    this[kPath] = path;
    this[kClosed] = false;
    this[kQueue] = null;
    this[kOptions] = { bufferSize: 32, encoding: 'utf8', ...options };
    unclosed.register(this, handle, this);
  }

  get path() {
    return this[kPath];
  }

  /** The next entry or null; reads a batch of `bufferSize` when none is buffered. */
  readSync() {
    if (this[kClosed]) throw codes.ERR_DIR_CLOSED();
    if (this[kQueue] !== null) throw codes.ERR_DIR_CONCURRENT_OPERATION();
    return this.#next();
  }

  // The next buffered entry, reading a batch of `bufferSize` when none is. Recursive reading
  // is Node's: the directory itself is read to its end, batch by batch; a subdirectory met in
  // a batch contributes its own first batch only, breadth-first after the batch it was in.
  #next() {
    const { bufferSize, encoding, recursive } = this[kOptions];
    if (this[kBuffered].length === 0) {
      const flat = nfs.dirRead(this[kHandle], bufferSize, wantsBytes(encoding));
      if (flat === null) return null;
      const subdirectories = this.#take(flat, this[kPath]);
      while (recursive && subdirectories.length > 0) {
        const dir = subdirectories.shift();
        const handle = nfs.opendir(dir);
        const batch = nfs.dirRead(handle, bufferSize, wantsBytes(encoding));
        nfs.dirClose(handle);
        if (batch !== null) subdirectories.push(...this.#take(batch, dir));
      }
    }
    return this[kBuffered].shift();
  }

  // Buffers a batch read from `dir`; returns the paths of the directories in it.
  #take(flat, dir) {
    const subdirectories = [];
    for (const [name, kind] of pairs(flat, this[kOptions].encoding)) {
      const entry = new Dirent(name, kind, dir);
      this[kBuffered].push(entry);
      if (entry.isDirectory()) subdirectories.push(pathModule.join(dir, entry.name));
    }
    return subdirectories;
  }

  // Runs `operation` after the ones already queued; settles `callback` (or a promise) with
  // its result from the loop, as libuv's requests complete.
  #enqueue(operation, callback) {
    let promise;
    if (callback === undefined) {
      promise = new Promise((resolve, reject) => {
        callback = (err, value) => (err ? reject(err) : resolve(value));
      });
    } else {
      validateFunction(callback, 'callback');
    }
    const run = () => {
      let err = null;
      let value;
      try {
        value = operation();
      } catch (e) {
        err = e;
      }
      loop.queueIoCompletion(() => {
        const queue = this[kQueue];
        if (queue !== null && queue.length > 0) queue.shift()();
        else this[kQueue] = null;
        callback(err, value);
      });
    };
    if (this[kQueue] === null) {
      this[kQueue] = [];
      run();
    } else {
      this[kQueue].push(run);
    }
    return promise;
  }

  read(callback) {
    return this.#whileOpen(callback, () => {
      if (this[kClosed]) throw codes.ERR_DIR_CLOSED();
      return this.#next();
    });
  }

  close(callback) {
    return this.#whileOpen(callback, () => nfs.dirClose(this[kHandle]), () => {
      this[kClosed] = true;
      unclosed.unregister(this);
    });
  }

  // An async operation of an open Dir (`then` runs at once when it is): a closed one reports
  // ERR_DIR_CLOSED through the callback (next tick) or a rejected promise.
  #whileOpen(callback, operation, then = undefined) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this[kClosed]) {
      const err = codes.ERR_DIR_CLOSED();
      if (callback === undefined) return Promise.reject(err);
      loop.nextTick(callback, err);
      return undefined;
    }
    if (then !== undefined) then();
    return this.#enqueue(operation, callback);
  }

  closeSync() {
    if (this[kClosed]) throw codes.ERR_DIR_CLOSED();
    if (this[kQueue] !== null) throw codes.ERR_DIR_CONCURRENT_OPERATION();
    this[kClosed] = true;
    unclosed.unregister(this);
    nfs.dirClose(this[kHandle]);
  }

  async* entries() {
    try {
      while (true) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this[kClosed]) await this.close();
    }
  }
}
Object.defineProperty(Dir.prototype, Symbol.asyncIterator, {
  value: Dir.prototype.entries, writable: true, configurable: true,
});

/** The options of opendir, checked as Node's. */
function dirOptions(options) {
  if (options === undefined || options === null) return { encoding: 'utf8' };
  if (typeof options === 'string') return { encoding: options };
  validateObject(options, 'options');
  const out = { encoding: options.encoding ?? 'utf8' };
  if (options.bufferSize !== undefined) {
    validateInteger(options.bufferSize, 'options.bufferSize', 1, 4294967295);
    out.bufferSize = options.bufferSize;
  }
  if (options.recursive !== undefined) out.recursive = Boolean(options.recursive);
  return out;
}

/** `opendirSync(path, options)` once the path is a string. */
function opendirChecked(path, options) {
  const opts = dirOptions(options);
  return new Dir(nfs.opendir(path), path, opts);
}

module.exports = { Dir, readdirChecked, opendirChecked, dirOptions, namesInDirectoryOrder };
