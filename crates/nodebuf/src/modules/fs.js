// `fs` (synchronous API) with Node's argument handling and error shapes; file bytes come back
// through the runner's single byte wrapper (src/bytes.rs), so Buffers appear once bound.
'use strict';

const { codes, makeNodeError, validateObject, validateInteger, SystemError } = require('internal/errors');
const pathModule = require('path');
const loop = require('internal/loop');
const nfs = native.fs;

const constants = {
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024,
  S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFLNK: 40960,
  COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, COPYFILE_FICLONE_FORCE: 4,
};

function toPath(path, name = 'path') {
  if (typeof path === 'string') return path;
  const url = require('url');
  // A WHATWG `file:` URL names a path (Node's fileURLToPath rules: scheme, host, no encoded `/`).
  if (url._isURL(path)) return url.fileURLToPath(path);
  if (path instanceof Uint8Array) return new (require('internal/encoding').TextDecoder)().decode(path);
  throw codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
}

function isFd(value) {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function flagsOf(flag, fallback) {
  if (flag === undefined || flag === null) return fallback;
  if (typeof flag === 'number') {
    const rw = flag & 3;
    let s = rw === 0 ? 'r' : rw === 1 ? 'w' : 'r+';
    if (flag & constants.O_APPEND) s = rw === 2 ? 'a+' : 'a';
    else if (rw !== 0 && !(flag & constants.O_TRUNC) && !(flag & constants.O_CREAT)) s = 'r+';
    if (flag & constants.O_EXCL) s += 'x';
    return s;
  }
  const valid = ['r', 'rs', 'sr', 'r+', 'rs+', 'sr+', 'w', 'wx', 'xw', 'w+', 'wx+', 'xw+', 'a', 'ax', 'xa', 'as', 'sa', 'a+', 'ax+', 'xa+', 'as+', 'sa+'];
  if (!valid.includes(flag)) throw codes.ERR_INVALID_ARG_VALUE('flags', flag);
  return flag;
}

function optionsOf(options, defaults) {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  return { ...defaults, ...options };
}

function checkEncoding(encoding) {
  if (encoding === undefined || encoding === null || encoding === 'buffer') return;
  const enc = String(encoding).toLowerCase();
  const known = ['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le'];
  if (!known.includes(enc)) throw codes.ERR_INVALID_ARG_VALUE('encoding', encoding, 'is invalid encoding');
}

function decode(bytes, encoding) {
  if (encoding === undefined || encoding === null || encoding === 'buffer') return bytes;
  const enc = String(encoding).toLowerCase();
  if (enc === 'utf8' || enc === 'utf-8') return native.utf8Decode(bytes, false, true);
  if (typeof Buffer === 'function' && typeof Buffer.from === 'function') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
  }
  if (enc === 'latin1' || enc === 'binary' || enc === 'ascii') {
    let s = '';
    for (const b of bytes) s += String.fromCharCode(enc === 'ascii' ? b & 0x7f : b);
    return s;
  }
  if (enc === 'hex') return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  throw makeNodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${encoding}`);
}

function dataOf(data, encoding, name = 'data') {
  if (typeof data === 'string') {
    if (encoding && !/^utf-?8$/i.test(encoding) && typeof Buffer === 'function' && typeof Buffer.from === 'function') {
      return Buffer.from(data, encoding);
    }
    return data;
  }
  if (ArrayBuffer.isView(data)) return data;
  throw codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], data);
}

function readFileSync(path, options) {
  const opts = optionsOf(options, { flag: 'r' });
  checkEncoding(opts.encoding);
  const target = isFd(path) ? path : toPath(path);
  if (!isFd(target) && opts.flag !== 'r' && opts.flag !== undefined) {
    // Another flag opens the file as Node does (`a+` creates it, `ax+` fails on an existing one).
    const fd = openSync(target, opts.flag, 0o666);
    try {
      return decode(nfs.readFile(fd), opts.encoding);
    } finally {
      closeSync(fd);
    }
  }
  if (!isFd(target) && nfs.kind(target) === 2) {
    const err = new Error('EISDIR: illegal operation on a directory, read');
    Object.assign(err, { errno: -21, code: 'EISDIR', syscall: 'read' });
    throw err;
  }
  return decode(nfs.readFile(target), opts.encoding);
}

function writeFileSync(path, data, options) {
  const opts = optionsOf(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  if (!ArrayBuffer.isView(data)) {
    const bytes = dataOf(data, opts.encoding);
    const target = isFd(path) ? path : toPath(path, 'file');
    nfs.writeFile(target, bytes, flagsOf(opts.flag, 'w'), opts.mode);
    return;
  }
  // A view is written as Node writes it: open, then writeSync by its `byteLength` property
  // until done (so a view lying about its length gets writeSync's checks and errors).
  const userFd = isFd(path);
  const fd = userFd ? path : openSync(toPath(path, 'file'), flagsOf(opts.flag, 'w'), opts.mode);
  try {
    let offset = 0;
    let length = data.byteLength;
    while (length > 0) {
      const written = writeSync(fd, data, offset, length);
      offset += written;
      length -= written;
    }
  } finally {
    if (!userFd) closeSync(fd);
  }
}

function appendFileSync(path, data, options) {
  const opts = optionsOf(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  const bytes = dataOf(data, opts.encoding);
  const target = isFd(path) ? path : toPath(path);
  nfs.writeFile(target, bytes, flagsOf(opts.flag, 'a'), opts.mode);
}

function openSync(path, flags, mode = 0o666) {
  return nfs.open(toPath(path), flagsOf(flags, 'r'), typeof mode === 'string' ? parseInt(mode, 8) : mode);
}

function validateFd(fd) {
  if (typeof fd !== 'number') throw codes.ERR_INVALID_ARG_TYPE('fd', 'number', fd);
  if (!Number.isInteger(fd)) throw codes.ERR_OUT_OF_RANGE('fd', 'an integer', fd);
  if (fd < 0 || fd > 2147483647) throw codes.ERR_OUT_OF_RANGE('fd', '>= 0 && <= 2147483647', fd);
}

function closeSync(fd) {
  validateFd(fd);
  nfs.close(fd);
}

// readSync/writeSync follow Node's JS step by step: they read the view's `byteLength` as a
// property (a getter runs, an own property is believed) and check the range against it; the
// binding then uses the view's real bytes and throws ERR_BUFFER_OUT_OF_BOUNDS where Node's C++
// would abort on a range outside them.
/** Node's position checks for a read: null/undefined or -1 (the file's current position), an
 * integer from -1 up to 2 ** 53 - 1, or a BigInt within int64. */
function readPosition(position) {
  if (position == null) return null;
  if (typeof position === 'number') {
    validateInteger(position, 'position', -1);
    return position === -1 ? null : position;
  }
  if (typeof position === 'bigint') {
    if (!(position >= -(2n ** 63n) && position <= 2n ** 63n - 1n)) {
      throw codes.ERR_OUT_OF_RANGE('position', `>= ${-(2n ** 63n)} && <= ${2n ** 63n - 1n}`, position);
    }
    return position < 0n ? null : Number(position);
  }
  throw codes.ERR_INVALID_ARG_TYPE('position', ['bigint', 'integer'], position);
}

function readSync(fd, buffer, offsetOrOptions, length, position) {
  validateFd(fd);
  if (!ArrayBuffer.isView(buffer)) throw codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  let offset = offsetOrOptions;
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    if (offsetOrOptions !== undefined && offsetOrOptions !== null) validateObject(offsetOrOptions, 'options');
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
  }
  if (offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  length |= 0;
  if (length === 0) return 0;
  if (buffer.byteLength === 0) throw codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  const bufferLength = buffer.byteLength;
  if (offset < 0) throw codes.ERR_OUT_OF_RANGE('offset', '>= 0', offset);
  if (length < 0) throw codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
  if (offset + length > bufferLength) throw codes.ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`, length);
  return nfs.read(fd, buffer, offset, length, readPosition(position));
}

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  validateFd(fd);
  let offset = offsetOrOptions;
  if (ArrayBuffer.isView(buffer)) {
    if (typeof offset === 'object') {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
    }
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    const byteLength = buffer.byteLength;
    if (offset > byteLength) throw codes.ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
    if (length > byteLength - offset) throw codes.ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`, length);
    if (length < 0) throw codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
    validateInt32(length, 'length', 0);
    return nfs.write(fd, buffer, offset, length, position);
  }
  if (typeof buffer !== 'string') throw codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  return nfs.write(fd, buffer, 0, undefined, typeof offsetOrOptions === 'number' ? offsetOrOptions : null);
}

function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

function validateBufferArray(buffers, name = 'buffers') {
  if (!Array.isArray(buffers)) throw codes.ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  for (let i = 0; i < buffers.length; i++) {
    if (!ArrayBuffer.isView(buffers[i])) throw codes.ERR_INVALID_ARG_TYPE(name, 'ArrayBufferView[]', buffers);
  }
}

// readvSync/writevSync: the list is checked in JS; the binding reads each item once and uses
// its real bytes.
function readvSync(fd, buffers, position) {
  validateFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  return nfs.readv(fd, buffers, position);
}

function writevSync(fd, buffers, position) {
  validateFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number') position = null;
  return nfs.writev(fd, buffers, position);
}

const S_IFMT = 0o170000;

class Stats {
  constructor(raw) {
    Object.assign(this, raw);
    this.atime = new Date(raw.atimeMs);
    this.mtime = new Date(raw.mtimeMs);
    this.ctime = new Date(raw.ctimeMs);
    this.birthtime = new Date(raw.birthtimeMs);
  }

  isFile() { return (this.mode & S_IFMT) === 0o100000; }
  isDirectory() { return (this.mode & S_IFMT) === 0o040000; }
  isSymbolicLink() { return (this.mode & S_IFMT) === 0o120000; }
  isBlockDevice() { return (this.mode & S_IFMT) === 0o060000; }
  isCharacterDevice() { return (this.mode & S_IFMT) === 0o020000; }
  isFIFO() { return (this.mode & S_IFMT) === 0o010000; }
  isSocket() { return (this.mode & S_IFMT) === 0o140000; }
}

function statSync(path, options) {
  const raw = nfs.stat(toPath(path), true, !(options && options.throwIfNoEntry === false));
  return raw === undefined ? undefined : new Stats(raw);
}

function lstatSync(path, options) {
  const raw = nfs.stat(toPath(path), false, !(options && options.throwIfNoEntry === false));
  return raw === undefined ? undefined : new Stats(raw);
}

function fstatSync(fd) {
  validateFd(fd);
  return new Stats(nfs.fstat(fd));
}

function existsSync(path) {
  try {
    return nfs.exists(toPath(path));
  } catch {
    return false;
  }
}

function mkdirSync(path, options) {
  let recursive = false;
  let mode = 0o777;
  if (typeof options === 'number' || typeof options === 'string') mode = options;
  else if (options) {
    recursive = Boolean(options.recursive);
    if (options.mode !== undefined) mode = options.mode;
  }
  if (typeof mode === 'string') mode = parseInt(mode, 8);
  return nfs.mkdir(toPath(path), recursive, mode);
}

class Dirent {
  constructor(name, kind, parentPath) {
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    Object.defineProperty(this, '_kind', { value: kind, enumerable: false });
  }

  isFile() { return this._kind === 1; }
  isDirectory() { return this._kind === 2; }
  isSymbolicLink() { return false; }
}

function readdirSync(path, options) {
  const dir = toPath(path);
  const names = nfs.readdir(dir);
  if (options && typeof options === 'object' && options.withFileTypes) {
    return names.map((name) => new Dirent(name, nfs.kind(pathModule.join(dir, name)), dir));
  }
  return names;
}

function rmSync(path, options) {
  const target = toPath(path);
  const recursive = Boolean(options && options.recursive);
  const force = Boolean(options && options.force);
  const kind = nfs.kind(target);
  if (kind === 0) {
    if (force) return;
    nfs.stat(target, false, true); // throws ENOENT with syscall 'lstat', like Node's rm
  }
  if (kind === 2) {
    if (!recursive) {
      const err = makeNodeError(SystemError, 'ERR_FS_EISDIR', `Path is a directory: rm returned EISDIR (is a directory) ${target}`);
      err.info = { code: 'EISDIR', message: 'is a directory', path: target, syscall: 'rm', errno: 21 };
      err.errno = 21;
      err.syscall = 'rm';
      err.path = target;
      throw err;
    }
    nfs.rmdir(target, true);
    return;
  }
  nfs.unlink(target);
}

function rmdirSync(path, options) {
  nfs.rmdir(toPath(path), Boolean(options && options.recursive));
}

function unlinkSync(path) {
  nfs.unlink(toPath(path));
}

function renameSync(from, to) {
  nfs.rename(toPath(from, 'oldPath'), toPath(to, 'newPath'));
}

// The mode of access/copyFile as Node's binding checks it: undefined/null is the default, a
// number is taken as an int32 within 0..7, anything else refused.
function validMode(mode, fallback) {
  if (mode === undefined || mode === null) return fallback;
  if (typeof mode !== 'number') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'mode must be int32 or null/undefined');
  }
  if (!(mode >= 0 && mode < 8)) throw makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', 'mode is out of range: >= 0 && <= 7');
  return mode | 0;
}

function copyFileSync(from, to, mode) {
  const src = toPath(from, 'src');
  const dest = toPath(to, 'dest');
  nfs.copyFile(src, dest, validMode(mode, 0));
}

function realpathSync(path) {
  return nfs.realpath(toPath(path));
}
realpathSync.native = realpathSync;

function accessSync(path, mode) {
  const target = toPath(path);
  nfs.access(target, validMode(mode, 0));
}

function chmodSync(path, mode) {
  nfs.chmod(toPath(path), typeof mode === 'string' ? parseInt(mode, 8) : mode);
}

function ftruncateSync(fd, len = 0) {
  validateFd(fd);
  nfs.ftruncate(fd, len);
}

function truncateSync(path, len = 0) {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, len);
  } finally {
    closeSync(fd);
  }
}

function fsyncSync(fd) {
  validateFd(fd);
  nfs.fsync(fd);
}

function mkdtempSync(prefix) {
  for (let i = 0; i < 100; i++) {
    const name = `${prefix}${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`;
    if (!nfs.exists(name)) {
      nfs.mkdir(name, false, 0o700);
      return name;
    }
  }
  throw new Error('mkdtemp: could not find a free name');
}

// Callback forms run the sync operation and report in the loop's poll phase, as Node's
// thread-pool requests do (after the caller's ticks and microtasks); promise forms settle at once.
// The callback forms' lengths, as Node's functions declare them.
const callbackLengths = {
  readFile: 3, writeFile: 4, appendFile: 4, open: 4, close: 1, read: 6, write: 6, readv: 4,
  writev: 4, stat: 1, lstat: 1, fstat: 1, mkdir: 3, readdir: 3, rm: 3, rmdir: 3, unlink: 2,
  rename: 3, copyFile: 4, realpath: 3, access: 3, chmod: 3, ftruncate: 1, truncate: 3, fsync: 2,
  mkdtemp: 3,
};

/**
 * The callback form of a sync function, named as Node's: the result or the I/O error goes to
 * the callback from the loop; an argument error (Node's `ERR_*` codes, but a file too large to
 * read) is thrown at once, as Node validates before it starts the request.
 */
function callbackForm(syncFn, name) {
  const asyncForm = function (...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    let result;
    try {
      result = syncFn(...args);
    } catch (err) {
      if (err !== null && typeof err === 'object' && typeof err.code === 'string' &&
          err.code.startsWith('ERR_') && err.code !== 'ERR_FS_FILE_TOO_LARGE') {
        throw err;
      }
      loop.queueIoCompletion(callback, err);
      return;
    }
    loop.queueIoCompletion(callback, null, result);
  };
  Object.defineProperty(asyncForm, 'name', { value: name });
  if (callbackLengths[name] !== undefined) Object.defineProperty(asyncForm, 'length', { value: callbackLengths[name] });
  return asyncForm;
}

function promiseForm(syncFn, name) {
  const form = (...args) => new Promise((resolve, reject) => {
    try {
      resolve(syncFn(...args));
    } catch (err) {
      reject(err);
    }
  });
  Object.defineProperty(form, 'name', { value: name });
  return form;
}

// `fs.promises.open` resolves to a FileHandle: the file's descriptor with promise methods,
// closed once (then every method rejects with EBADF 'file closed'), an EventEmitter that emits
// 'close'.
const kFd = Symbol('kFd');
let FileHandle;
function fileHandleClass() {
  if (FileHandle !== undefined) return FileHandle;
  const EventEmitter = require('events');
  const fdOf = (handle, syscall) => {
    const fd = handle[kFd];
    if (fd === -1) {
      const err = new Error('file closed');
      err.code = 'EBADF';
      err.syscall = syscall;
      throw err;
    }
    return fd;
  };
  // Each method: a promise of the sync call on the handle's descriptor.
  const op = (syscall, body) => function (...args) {
    return new Promise((resolve, reject) => {
      try {
        resolve(body(fdOf(this, syscall), ...args));
      } catch (err) {
        reject(err);
      }
    });
  };
  FileHandle = class FileHandle extends EventEmitter {
    constructor(fd) {
      super();
      this[kFd] = fd;
    }

    get fd() {
      return this[kFd];
    }

    close() {
      if (this[kFd] === -1) return Promise.resolve();
      return new Promise((resolve, reject) => {
        try {
          closeSync(this[kFd]);
          this[kFd] = -1;
          this.emit('close');
          resolve();
        } catch (err) {
          reject(err);
        }
      });
    }

    [Symbol.asyncDispose]() {
      return this.close();
    }
  };
  const methods = {
    appendFile: op('write', (fd, data, options) => appendFileSync(fd, data, options)),
    // (Through the descriptor's /proc link: the file it refers to.)
    chmod: op('fchmod', (fd, mode) => chmodSync(`/proc/self/fd/${fd}`, mode)),
    datasync: op('fdatasync', (fd) => fsyncSync(fd)),
    read: op('read', (fd, buffer, offset, length, position) => {
      if (buffer === undefined || (buffer !== null && typeof buffer === 'object' && !ArrayBuffer.isView(buffer))) {
        // read(options): a Buffer of 16 KiB unless the options give one.
        const options = buffer ?? {};
        buffer = options.buffer ?? Buffer.alloc(16384);
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = options);
      } else if (offset !== null && typeof offset === 'object') {
        ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
      }
      const bytesRead = readSync(fd, buffer, offset ?? 0, length ?? buffer.byteLength - (offset ?? 0), position ?? null);
      return { bytesRead, buffer };
    }),
    readFile: op('read', (fd, options) => readFileSync(fd, options)),
    readv: op('read', (fd, buffers, position) => ({ bytesRead: readvSync(fd, buffers, position), buffers })),
    stat: op('fstat', (fd, options) => fstatSync(fd, options)),
    sync: op('fsync', (fd) => fsyncSync(fd)),
    truncate: op('ftruncate', (fd, len) => ftruncateSync(fd, len)),
    write: op('write', (fd, buffer, ...rest) => ({ bytesWritten: writeSync(fd, buffer, ...rest), buffer })),
    writeFile: op('write', (fd, data, options) => writeFileSync(fd, data, options)),
    writev: op('write', (fd, buffers, position) => ({ bytesWritten: writevSync(fd, buffers, position), buffers })),
  };
  for (const name of Object.keys(methods)) {
    Object.defineProperty(methods[name], 'name', { value: name });
    Object.defineProperty(FileHandle.prototype, name, { value: methods[name], writable: true, configurable: true });
  }
  return FileHandle;
}

const syncApi = {
  readFileSync, writeFileSync, appendFileSync, openSync, closeSync, readSync, writeSync,
  readvSync, writevSync,
  statSync, lstatSync, fstatSync, existsSync, mkdirSync, readdirSync, rmSync, rmdirSync,
  unlinkSync, renameSync, copyFileSync, realpathSync, accessSync, chmodSync, ftruncateSync,
  truncateSync, fsyncSync, mkdtempSync,
};

const fs = { ...syncApi, constants, Stats, Dirent, ...constants };
const promises = {};
const promiseless = new Set(['open', 'close', 'read', 'write', 'readv', 'writev', 'fstat', 'ftruncate', 'fsync']);
for (const [name, fn] of Object.entries(syncApi)) {
  const base = name.slice(0, -4);
  if (base === 'exists') {
    fs.exists = function exists(path, cb) {
      loop.queueIoCompletion(cb, existsSync(path));
    };
    continue;
  }
  fs[base] = callbackForm(fn, base);
  // (Node's fs.promises has no descriptor functions: they are FileHandle methods.)
  if (!promiseless.has(base)) promises[base] = promiseForm(fn, base);
}
// (An async function, as Node's: no `prototype`, every error a rejection.)
promises.open = async function open(path, flags, mode) {
  return new (fileHandleClass())(openSync(path, flags, mode));
};
promises.constants = constants;
fs.promises = promises;

// File streams live with the stream modules; loaded on first use.
const fileStreams = () => require('internal/streams/fs-streams');
Object.defineProperties(fs, {
  ReadStream: { configurable: true, enumerable: true, get() { return fileStreams().ReadStream; } },
  WriteStream: { configurable: true, enumerable: true, get() { return fileStreams().WriteStream; } },
});
fs.createReadStream = function createReadStream(path, options) {
  return new (fileStreams().ReadStream)(path, options);
};
fs.createWriteStream = function createWriteStream(path, options) {
  return new (fileStreams().WriteStream)(path, options);
};

module.exports = fs;
