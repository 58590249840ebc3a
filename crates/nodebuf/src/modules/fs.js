// `fs` (synchronous API) with Node's argument handling and error shapes; file bytes come back
// through the runner's single byte wrapper (src/bytes.rs), so Buffers appear once bound.
'use strict';

const {
  codes, makeNodeError, systemError, validateObject, validateInteger, kCustomPromisifyArgs,
} = require('internal/errors');
const pathModule = require('path');
const loop = require('internal/loop');
const {
  constants, Stats, BigIntStats, StatFs, Dirent, statsFromRaw, toUnixTimestamp, parseFileMode,
  validateOwner,
} = require('internal/fs/utils');
const nfs = native.fs;

// Node's getOptions refusal, in its own wording.
function invalidOptions(options) {
  const err = codes.ERR_INVALID_ARG_TYPE('options', 'string', options);
  err.message = err.message.replace('must be of type string', 'must be one of type string or object');
  return err;
}

let strictUtf8;
// The text of UTF-8 `bytes`, or undefined when they are not UTF-8.
function utf8PathText(bytes) {
  if (strictUtf8 === undefined) {
    strictUtf8 = new (require('internal/encoding').TextDecoder)('utf-8', { fatal: true, ignoreBOM: true });
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function toPath(path, name = 'path') {
  let text;
  if (typeof path === 'string') {
    text = path;
  } else if (path instanceof Uint8Array) {
    // UTF-8 bytes as their text (a leading BOM kept: they are a name, not a document), which
    // the JS half can join and resolve; other bytes go to the natives as they are, as Node
    // hands a Buffer path's bytes to the system call.
    text = utf8PathText(path);
    if (text === undefined) {
      for (let i = 0; i < path.length; i++) {
        if (path[i] === 0) {
          throw codes.ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
        }
      }
      return path;
    }
  } else {
    const url = require('url');
    // A WHATWG `file:` URL names a path (Node's fileURLToPath rules: scheme, host, no encoded `/`).
    if (!url._isURL(path)) throw codes.ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'URL'], path);
    text = url.fileURLToPath(path);
  }
  if (text.includes('\u0000')) {
    throw codes.ERR_INVALID_ARG_VALUE(name, path, 'must be a string, Uint8Array, or URL without null bytes');
  }
  return text;
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
  if (typeof flag !== 'string') throw codes.ERR_INVALID_ARG_VALUE('flags', flag);
  const valid = ['r', 'rs', 'sr', 'r+', 'rs+', 'sr+', 'w', 'wx', 'xw', 'w+', 'wx+', 'xw+', 'a', 'ax', 'xa', 'as', 'sa', 'a+', 'ax+', 'xa+', 'as+', 'sa+'];
  if (!valid.includes(flag)) throw codes.ERR_INVALID_ARG_VALUE('flags', flag);
  return flag;
}

function optionsOf(options, defaults) {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options === 'string') return { ...defaults, encoding: options };
  if (typeof options !== 'object') throw invalidOptions(options);
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

function openSync(path, flags, mode) {
  const target = toPath(path);
  const flag = flagsOf(flags, 'r');
  return nfs.open(target, flag, parseFileMode(mode, 'mode', 0o666));
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
  if (arguments.length <= 3 || (offsetOrOptions !== null && typeof offsetOrOptions === 'object')) {
    if (offsetOrOptions !== undefined && offsetOrOptions !== null) validateObject(offsetOrOptions, 'options');
    ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions ?? {});
  }
  if (offset == null) offset = 0;
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

// The stat family: Stats (numbers) or BigIntStats (for `bigint: true` only) from the native's
// raw fields; a missing path gives undefined when `throwIfNoEntry` is false (Node reads the
// options as given: a null one throws the engine's TypeError).
function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  return statPath(path, options, true);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  return statPath(path, options, false);
}

function statPath(path, options, follow) {
  const target = toPath(path);
  const bigint = options.bigint === true;
  const raw = nfs.statRaw(target, follow, options.throwIfNoEntry !== false, bigint);
  return raw === undefined ? undefined : statsFromRaw(raw, bigint);
}

function fstatSync(fd, options = { bigint: false }) {
  validateFd(fd);
  return statsFromRaw(nfs.statRaw(fd, true, true, options.bigint === true), options.bigint === true);
}

function statfsSync(path, options = { bigint: false }) {
  return new StatFs(...nfs.statfs(toPath(path), options.bigint === true));
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
  if (typeof options === 'number' || typeof options === 'string') {
    mode = options;
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) mode = options.mode;
  }
  const target = toPath(path);
  if (typeof recursive !== 'boolean') throw codes.ERR_INVALID_ARG_TYPE('options.recursive', 'boolean', recursive);
  return nfs.mkdir(target, recursive, parseFileMode(mode, 'mode', 0o777));
}

function readdirSync(path, options) {
  const opts = optionsOf(options, { encoding: 'utf8' });
  checkEncoding(opts.encoding);
  if (opts.encoding === null) opts.encoding = 'utf8';
  return dirModule().readdirChecked(toPath(path), {
    encoding: opts.encoding, withFileTypes: Boolean(opts.withFileTypes), recursive: Boolean(opts.recursive),
  });
}

function opendirSync(path, options) {
  return dirModule().opendirChecked(toPath(path), options);
}

function rmSync(path, options) {
  const target = toPath(path);
  const recursive = Boolean(options && options.recursive);
  const force = Boolean(options && options.force);
  // What the path itself is (lstat, as Node's rm: a symlink to a directory is removed as a
  // link); a missing path throws ENOENT with syscall 'lstat' unless `force`.
  const raw = nfs.statRaw(target, false, !force, false);
  if (raw === undefined) return;
  if ((raw[1] & constants.S_IFMT) === constants.S_IFDIR) {
    if (!recursive) {
      throw systemError('ERR_FS_EISDIR', 'Path is a directory',
        { code: 'EISDIR', message: 'is a directory', path: target, syscall: 'rm', errno: 21 });
    }
    nfs.rmdir(target, true);
    return;
  }
  nfs.unlink(target);
}

// Node deprecates `recursive` for rmdir where it does more than rmdir(2) would: on a missing
// path (ENOENT from lstat) or a file (ENOTDIR), warned once.
let warnedRecursiveRmdir = false;
function rmdirSync(path, options) {
  const target = toPath(path);
  if (options && options.recursive) {
    const kind = nfs.statRaw(target, false, false, false);
    if (kind === undefined || (kind[1] & constants.S_IFMT) !== constants.S_IFDIR) {
      if (!warnedRecursiveRmdir) {
        warnedRecursiveRmdir = true;
        process.emitWarning('In future versions of Node.js, fs.rmdir(path, { recursive: true }) will be removed. ' +
          'Use fs.rm(path, { recursive: true }) instead', 'DeprecationWarning', 'DEP0147');
      }
      if (kind === undefined) nfs.statRaw(target, false, true, false);
      nfs.rmdir(target, false);
    }
  }
  nfs.rmdir(target, Boolean(options && options.recursive));
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

// `realpathSync.native` (and fs.promises.realpath): the C library's realpath, on the path's
// bytes.
function nativeRealpathSync(path, options) {
  const opts = optionsOf(options, { encoding: 'utf8' });
  checkEncoding(opts.encoding);
  const bytes = nfs.realpath(toPath(path));
  const encoding = opts.encoding ?? 'utf8';
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

// `realpathSync` as Node's JS does it: the path (a Buffer's as UTF-8 text) resolved against the
// working directory, then walked one component at a time with lstat, each symlink read (a stat
// first, which fails with ELOOP on a cycle) and the rest of the path resolved against its
// target; so errors name `lstat`/`stat` and the first component that failed.
function realpathSync(path, options) {
  const opts = optionsOf(options, { encoding: 'utf8' });
  checkEncoding(opts.encoding);
  const given = toPath(path);
  let p = pathModule.resolve(typeof given === 'string' ? given : Buffer.from(given).toString());
  const { SafeMap, SafeSet } = native.primordials;
  const seenLinks = new SafeMap();
  const knownHard = new SafeSet();
  let current = '/';
  let base = '/';
  let pos = 1;
  let lastKind;
  while (pos < p.length) {
    const slash = p.indexOf('/', pos);
    const previous = current;
    if (slash === -1) {
      current += p.slice(pos);
      base = previous + p.slice(pos);
      pos = p.length;
    } else {
      current += p.slice(pos, slash + 1);
      base = previous + p.slice(pos, slash);
      pos = slash + 1;
    }
    if (knownHard.has(base)) {
      // (Node stops at a pipe or socket met again, judging by the last lstat.)
      if (lastKind !== undefined && (lastKind.isFIFO() || lastKind.isSocket())) break;
      continue;
    }
    const stats = statPath(base, { bigint: false, throwIfNoEntry: true }, false);
    lastKind = stats;
    if (!stats.isSymbolicLink()) {
      knownHard.add(base);
      continue;
    }
    const id = `${stats.dev.toString(32)}:${stats.ino.toString(32)}`;
    let target = seenLinks.get(id);
    if (target === undefined) {
      statPath(base, { bigint: false, throwIfNoEntry: true }, true);
      target = readlinkSync(base);
      seenLinks.set(id, target);
    }
    p = pathModule.resolve(pathModule.resolve(previous, target), p.slice(pos));
    current = base = '/';
    pos = 1;
  }
  const encoding = opts.encoding ?? 'utf8';
  if (encoding === 'utf8' || encoding === 'utf-8') return p;
  const bytes = Buffer.from(p);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}
realpathSync.native = [function (path, options) { return nativeRealpathSync(path, options); }][0];

function accessSync(path, mode) {
  const target = toPath(path);
  nfs.access(target, validMode(mode, 0));
}

function chmodSync(path, mode) {
  const target = toPath(path);
  nfs.chmod(target, parseFileMode(mode, 'mode'));
}

function fchmodSync(fd, mode) {
  validateFd(fd);
  nfs.fchmod(fd, parseFileMode(mode, 'mode'));
}

function chownSync(path, uid, gid) {
  const target = toPath(path);
  validateOwner(uid, 'uid');
  validateOwner(gid, 'gid');
  nfs.chown(target, uid, gid, true);
}

function lchownSync(path, uid, gid) {
  const target = toPath(path);
  validateOwner(uid, 'uid');
  validateOwner(gid, 'gid');
  nfs.chown(target, uid, gid, false);
}

function fchownSync(fd, uid, gid) {
  validateFd(fd);
  validateOwner(uid, 'uid');
  validateOwner(gid, 'gid');
  nfs.chown(fd, uid, gid, true);
}

function utimesSync(path, atime, mtime) {
  const target = toPath(path);
  nfs.utimes(target, toUnixTimestamp(atime), toUnixTimestamp(mtime), true);
}

function lutimesSync(path, atime, mtime) {
  const target = toPath(path);
  nfs.utimes(target, toUnixTimestamp(atime), toUnixTimestamp(mtime), false);
}

function futimesSync(fd, atime, mtime) {
  validateFd(fd);
  nfs.utimes(fd, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'), true);
}

function linkSync(existingPath, newPath) {
  nfs.link(toPath(existingPath, 'existingPath'), toPath(newPath, 'newPath'));
}

function symlinkSync(target, path, type) {
  if (type !== undefined && type !== null && type !== 'dir' && type !== 'file' && type !== 'junction') {
    throw codes.ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
  nfs.symlink(toPath(target, 'target'), toPath(path));
}

function readlinkSync(path, options) {
  const opts = optionsOf(options, { encoding: 'utf8' });
  checkEncoding(opts.encoding);
  const bytes = nfs.readlink(toPath(path));
  return decode(bytes, opts.encoding ?? 'utf8');
}

function fdatasyncSync(fd) {
  validateFd(fd);
  nfs.fdatasync(fd);
}

function cpSync(src, dest, options) {
  const { cpSyncChecked } = require('internal/fs/cp');
  cpSyncChecked(toPath(src, 'src'), toPath(dest, 'dest'), options);
}

function ftruncateSync(fd, len = 0) {
  validateFd(fd);
  nfs.ftruncate(fd, len);
}

let warnedTruncateFd = false;
function truncateSync(path, len) {
  if (typeof path === 'number') {
    if (!warnedTruncateFd) {
      warnedTruncateFd = true;
      process.emitWarning('Using fs.truncate with a file descriptor is deprecated. Please use fs.ftruncate with a file descriptor instead.',
        'DeprecationWarning', 'DEP0081');
    }
    return ftruncateSync(path, len === undefined ? 0 : len);
  }
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, len === undefined ? 0 : len);
  } finally {
    closeSync(fd);
  }
}

function fsyncSync(fd) {
  validateFd(fd);
  nfs.fsync(fd);
}

let warnedTemplateX = false;
function mkdtempSync(prefix, options) {
  const opts = optionsOf(options, { encoding: 'utf8' });
  checkEncoding(opts.encoding);
  const template = toPath(prefix, 'prefix');
  const endsWithX = typeof template === 'string' ? template.endsWith('X') : template[template.length - 1] === 0x58;
  if (endsWithX && !warnedTemplateX) {
    warnedTemplateX = true;
    process.emitWarning('mkdtemp() templates ending with X are not portable. For details see: https://nodejs.org/api/fs.html');
  }
  const made = nfs.mkdtemp(template);
  return decode(made, opts.encoding ?? 'utf8');
}

// Callback forms run the sync operation and report in the loop's poll phase, as Node's
// thread-pool requests do (after the caller's ticks and microtasks); promise forms settle at once.
// The callback forms' lengths, as Node's functions declare them.
const callbackLengths = {
  readFile: 3, writeFile: 4, appendFile: 4, open: 4, close: 1, read: 6, write: 6, readv: 4,
  writev: 4, stat: 1, lstat: 1, fstat: 1, mkdir: 3, readdir: 3, rm: 3, rmdir: 3, unlink: 2,
  rename: 3, copyFile: 4, realpath: 3, access: 3, chmod: 3, ftruncate: 1, truncate: 3, fsync: 2,
  mkdtemp: 3, chown: 4, fchown: 4, lchown: 4, fchmod: 3, fdatasync: 2, futimes: 4, lutimes: 4,
  utimes: 4, link: 3, symlink: 4, readlink: 3, statfs: 1, opendir: 3,
};

// Node's `ERR_*` argument errors (but a file too large to read, which its request reports).
const isArgumentError = (err) => err !== null && typeof err === 'object' && typeof err.code === 'string' &&
  err.code.startsWith('ERR_') && err.code !== 'ERR_FS_FILE_TOO_LARGE';

// The AbortSignal of a readFile/writeFile/appendFile call's options (checked), if any.
const signalPosition = { readFile: 1, writeFile: 2, appendFile: 2 };
function signalOf(name, args) {
  const options = args[signalPosition[name]];
  if (signalPosition[name] === undefined || options === null || typeof options !== 'object' ||
      options.signal === undefined) {
    return undefined;
  }
  require('internal/abort_controller').validateAbortSignal(options.signal, 'options.signal');
  return options.signal;
}
// The error of a call aborted after it started: Node has opened (so created or truncated) a
// file to write by then and checks the signal before the first write.
function abortedAfterStart(name, args, signal) {
  if (name !== 'readFile' && !isFd(args[0])) {
    const options = args[2];
    try {
      closeSync(openSync(args[0], options.flag ?? (name === 'writeFile' ? 'w' : 'a'), options.mode));
    } catch (err) {
      return err;
    }
  }
  return abortErrorOf(signal);
}
const abortErrorOf = (signal) => new (require('internal/errors').AbortError)(undefined, { cause: signal.reason });

/**
 * The callback form of a sync function, named as Node's: the result or the I/O error goes to
 * the callback from the loop; an argument error (Node's `ERR_*` codes, but a file too large to
 * read) is thrown at once, as Node validates before it starts the request.
 */
function callbackForm(syncFn, name) {
  const perform = (args, callback) => completeWith(callback, () => syncFn(...args));
  const asyncForm = function (...args) {
    // (The first argument is never the callback: `fs.stat(path)` lacks one.)
    const callback = args.length > 1 ? args.pop() : undefined;
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    const signal = signalOf(name, args);
    if (signal === undefined) return perform(args, callback);
    // Started from the loop, so an abort in this tick still cancels it, as in Node.
    loop.queueIoCompletion(() => {
      if (signal.aborted) callback(abortedAfterStart(name, args, signal));
      else perform(args, callback);
    });
  };
  Object.defineProperty(asyncForm, 'name', { value: name });
  if (callbackLengths[name] !== undefined) Object.defineProperty(asyncForm, 'length', { value: callbackLengths[name] });
  return asyncForm;
}

function promiseForm(syncFn, name) {
  const run = (args, resolve, reject) => {
    try {
      resolve(syncFn(...args));
    } catch (err) {
      reject(err);
    }
  };
  const form = (...args) => new Promise((resolve, reject) => {
    const signal = signalOf(name, args);
    if (signal === undefined) return run(args, resolve, reject);
    // Started from the loop, so an abort in this tick still cancels it, as in Node.
    if (signal.aborted) return reject(abortErrorOf(signal));
    loop.queueIoCompletion(() => {
      if (signal.aborted) reject(abortedAfterStart(name, args, signal));
      else run(args, resolve, reject);
    });
  });
  Object.defineProperty(form, 'name', { value: name });
  return form;
}

// `fs.promises.open` resolves to a FileHandle: the file's descriptor with promise methods,
// closed once (then every method rejects with EBADF 'file closed'), an EventEmitter that emits
// 'close'.
const kFd = Symbol('kFd');
const kLocked = Symbol('kLocked');
let FileHandle;
// A FileHandle collected while open closes its descriptor with Node's warnings (this engine
// frees an unreachable handle at once, where Node's collector runs when it runs).
const unclosedHandles = new FinalizationRegistry((fd) => {
  try {
    closeSync(fd);
  } catch {
    return; // (Closed behind the handle's back already.)
  }
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  if (!warnedHandleCollected) {
    warnedHandleCollected = true;
    process.emitWarning('Closing a FileHandle object on garbage collection is deprecated. Please close FileHandle ' +
      'objects explicitly using FileHandle.prototype.close(). In the future, an error will be thrown if a file ' +
      'descriptor is closed during garbage collection.', 'DeprecationWarning', 'DEP0137');
  }
});
let warnedHandleCollected = false;
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
      unclosedHandles.register(this, fd, this);
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
          unclosedHandles.unregister(this);
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

    createReadStream(options = undefined) {
      return new (fileStreams().ReadStream)(undefined, { ...options, fd: this });
    }

    createWriteStream(options = undefined) {
      return new (fileStreams().WriteStream)(undefined, { ...options, fd: this });
    }

    readLines(options = undefined) {
      return require('readline').createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
    }

    /** The file's bytes as a web ReadableStream (once per handle; the handle stays open). */
    readableWebStream(options = undefined) {
      if (this[kFd] === -1) throw codes.ERR_INVALID_STATE('The FileHandle is closed');
      if (this[kLocked]) throw codes.ERR_INVALID_STATE('The FileHandle is locked');
      this[kLocked] = true;
      const fd = this[kFd];
      const { ReadableStream } = require('stream/web');
      return new ReadableStream({
        type: options?.type,
        pull(controller) {
          const chunk = new Uint8Array(16384);
          const bytesRead = readSync(fd, chunk, 0, chunk.byteLength, null);
          if (bytesRead === 0) controller.close();
          else controller.enqueue(chunk.subarray(0, bytesRead));
        },
      });
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
        buffer = options.buffer === undefined ? Buffer.alloc(16384) : options.buffer;
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

function openAsBlob(path, options = {}) {
  validateObject(options, 'options');
  const type = options.type ?? '';
  if (typeof type !== 'string') throw codes.ERR_INVALID_ARG_TYPE('options.type', 'string', type);
  const target = toPath(path);
  let bytes;
  try {
    bytes = nfs.readFile(target);
  } catch {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'Unable to open file as blob');
  }
  return Promise.resolve(new (require('buffer').Blob)([bytes], { type }));
}

const dirModule = () => require('internal/fs/dir');
const watchers = () => require('internal/fs/watchers');

// Every sync function by its callback form's name.
const syncApi = {
  appendFile: appendFileSync, access: accessSync, chown: chownSync, chmod: chmodSync,
  close: closeSync, copyFile: copyFileSync, cp: cpSync, exists: existsSync, fchown: fchownSync,
  fchmod: fchmodSync, fdatasync: fdatasyncSync, fstat: fstatSync, fsync: fsyncSync,
  ftruncate: ftruncateSync, futimes: futimesSync, lchown: lchownSync, link: linkSync,
  lstat: lstatSync, lutimes: lutimesSync, mkdir: mkdirSync, mkdtemp: mkdtempSync, open: openSync,
  readdir: readdirSync, read: readSync, readv: readvSync, readFile: readFileSync,
  readlink: readlinkSync, realpath: realpathSync, rename: renameSync, rm: rmSync, rmdir: rmdirSync,
  stat: statSync, statfs: statfsSync, symlink: symlinkSync, truncate: truncateSync,
  unlink: unlinkSync, utimes: utimesSync, writeFile: writeFileSync, write: writeSync,
  writev: writevSync, opendir: opendirSync,
};

// Node makes a failed request's error in the loop, with no JS below it: its stack is the
// header line alone, so `console.log(err)` prints `[Error: ENOENT: ...] { errno: ... }`. Ours
// was made by the sync call, with that call's frames.
function withoutFrames(err) {
  if (err !== null && typeof err === 'object' && typeof err.syscall === 'string' && typeof err.stack === 'string') {
    err.stack = `${err.name}: ${err.message}`;
  }
  return err;
}

// Runs `operation` now and calls back from the loop with `(null, result, ...data)` (read and
// write give their buffers back), or its I/O error; an argument error is thrown at once.
// (Node's requests that produce nothing call back with the error argument alone.)
function completeWith(callback, operation, ...data) {
  let result;
  try {
    result = operation();
  } catch (err) {
    if (isArgumentError(err)) throw err;
    loop.queueIoCompletion(callback, withoutFrames(err));
    return;
  }
  if (result === undefined) loop.queueIoCompletion(callback, null);
  else loop.queueIoCompletion(callback, null, result, ...data);
}

// The callback forms' own shapes: `exists` reports a boolean, `cp` awaits an async filter.
const specialCallbackForms = {
  // close's callback is optional: an error then throws from the loop, as Node's default does.
  close: function close(fd, callback = (err) => { if (err) throw err; }) {
    validateFd(fd);
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    completeWith(callback, () => closeSync(fd));
  },
  exists: function exists(path, callback) {
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    loop.queueIoCompletion(callback, existsSync(path));
  },
  // read/write and their vector forms call back with what they filled or wrote too.
  read: function read(fd, buffer, offsetOrOptions, length, position, callback) {
    const args = [...arguments];
    callback = args.length > 1 ? args.pop() : undefined;
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    validateFd(fd);
    if (args.length < 2 || buffer === null || (typeof buffer === 'object' && !ArrayBuffer.isView(buffer))) {
      // read(fd[, options], callback): a 16 KiB Buffer unless the options give one.
      const options = args.length < 2 || buffer === null ? {} : buffer;
      buffer = options.buffer === undefined ? Buffer.alloc(16384) : options.buffer;
      if (!ArrayBuffer.isView(buffer)) throw codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
      args.splice(1, args.length - 1, buffer, {
        offset: options.offset ?? 0,
        length: options.length ?? buffer.byteLength - (options.offset ?? 0),
        position: options.position ?? null,
      });
    } else if (args.length === 2 || (args.length === 3 && args[2] === null)) {
      // read(fd, buffer[, null], callback): no options.
      args.splice(2, args.length - 2, {});
    }
    completeWith(callback, () => readSync(...args), buffer);
  },
  write: function write(fd, buffer, offsetOrOptions, length, position, callback) {
    const rest = [...arguments].slice(2);
    callback = rest.pop();
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    completeWith(callback, () => writeSync(fd, buffer, ...rest), buffer);
  },
  readv: function readv(fd, buffers, position, callback) {
    if (typeof position === 'function') [callback, position] = [position, null];
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    completeWith(callback, () => readvSync(fd, buffers, position), buffers);
  },
  writev: function writev(fd, buffers, position, callback) {
    if (typeof position === 'function') [callback, position] = [position, null];
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    completeWith(callback, () => writevSync(fd, buffers, position), buffers);
  },
  cp: function cp(src, dest, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('cb', 'Function', callback);
    const { cpChecked, cpOptions } = require('internal/fs/cp');
    const opts = cpOptions(options);
    cpChecked(toPath(src, 'src'), toPath(dest, 'dest'), opts).then(
      () => loop.queueIoCompletion(callback, null),
      (err) => loop.queueIoCompletion(callback, err));
  },
};

// What util.promisify makes of them: the several results by name, and `exists`'s boolean.
const promisifiedNames = {
  read: ['bytesRead', 'buffer'], write: ['bytesWritten', 'buffer'],
  // (Node's writev names its second result `buffer` too.)
  readv: ['bytesRead', 'buffers'], writev: ['bytesWritten', 'buffer'],
};
for (const [name, names] of Object.entries(promisifiedNames)) {
  Object.defineProperty(specialCallbackForms[name], kCustomPromisifyArgs, { value: names });
}
Object.defineProperty(specialCallbackForms.exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: function exists(path) {
    return new Promise((resolve) => specialCallbackForms.exists(path, resolve));
  },
  configurable: true,
});

// fs's own keys in Node's order: a callback-form name stands for it and its Sync twin.
const exportOrder = [
  'appendFile', 'access', 'chown', 'chmod', 'close', 'copyFile', 'cp', 'createReadStream',
  'createWriteStream', 'exists', 'fchown', 'fchmod', 'fdatasync', 'fstat', 'fsync', 'ftruncate',
  'futimes', 'lchown', 'lchmod', 'link', 'lstat', 'lutimes', 'mkdir', 'mkdtemp', 'open',
  'openAsBlob', 'readdir', 'read', 'readv', 'readFile', 'readlink', 'realpath', 'rename', 'rm',
  'rmdir', 'stat', 'symlink', 'truncate', 'unwatchFile', 'unlink', 'utimes', 'watch',
  'watchFile', 'writeFile', 'write', 'writev', 'Dirent', 'Stats', 'ReadStream', 'WriteStream',
  'FileReadStream', 'FileWriteStream', '_toUnixTimestamp', 'Dir', 'opendir', 'F_OK', 'R_OK',
  'W_OK', 'X_OK', 'constants', 'promises',
];
// Node's `stat` group lists statfs between stat and statSync (so statfs has no turn of its own).
const syncAfter = { stat: 'statfs' };

// File streams live with the stream modules; loaded on first use.
const fileStreams = () => require('internal/streams/fs-streams');
const lazy = (get) => ({ configurable: true, enumerable: true, get, set: undefined });
const others = {
  createReadStream: function createReadStream(path, options) {
    return new (fileStreams().ReadStream)(path, options);
  },
  createWriteStream: function createWriteStream(path, options) {
    return new (fileStreams().WriteStream)(path, options);
  },
  openAsBlob,
  unwatchFile: function unwatchFile(filename, listener) {
    return watchers().unwatchFile(toPath(filename, 'filename'), listener);
  },
  watch: function watch(filename, options, listener) {
    return watchers().watch(toPath(filename, 'filename'), options, listener);
  },
  watchFile: function watchFile(filename, options, listener) {
    return watchers().watchFile(toPath(filename, 'filename'), options, listener);
  },
  Dirent,
  Stats,
  _toUnixTimestamp: toUnixTimestamp,
  constants,
};
// Node's fs on Linux lists lchmod and lchmodSync without a function behind them.
const absent = new Set(['lchmod']);

const fs = {};
const define = (key, descriptor) => Object.defineProperty(fs, key, descriptor);
const data = (value) => ({ value, writable: true, enumerable: true, configurable: true });
for (const key of exportOrder) {
  if (absent.has(key)) {
    fs[key] = undefined;
    fs[`${key}Sync`] = undefined;
  } else if (key in syncApi) {
    fs[key] = specialCallbackForms[key] ?? callbackForm(syncApi[key], key);
    if (key === 'realpath') fs.realpath.native = callbackForm(nativeRealpathSync, '');
    if (syncAfter[key] !== undefined) {
      const twin = syncAfter[key];
      fs[twin] = callbackForm(syncApi[twin], twin);
    }
    fs[`${key}Sync`] = syncApi[key];
    if (syncAfter[key] !== undefined) fs[`${syncAfter[key]}Sync`] = syncApi[syncAfter[key]];
  } else if (key === 'ReadStream' || key === 'WriteStream') {
    define(key, { ...lazy(() => fileStreams()[key]), set(value) { define(key, data(value)); } });
  } else if (key === 'FileReadStream' || key === 'FileWriteStream') {
    const stream = key.slice(4);
    define(key, { ...lazy(() => fileStreams()[stream]), set(value) { define(key, data(value)); } });
  } else if (key === 'Dir') {
    define(key, { ...lazy(() => dirModule().Dir), set(value) { define(key, data(value)); } });
  } else if (key.endsWith('_OK')) {
    define(key, { value: constants[key], writable: false, enumerable: true, configurable: false });
  } else if (key === 'constants') {
    define(key, { value: constants, writable: false, enumerable: true, configurable: false });
  } else if (key === 'promises') {
    define(key, lazy(() => promises));
  } else {
    fs[key] = others[key];
  }
}

// fs.promises, in Node's order: the path functions (the descriptor ones are FileHandle
// methods), as async functions whose every error is a rejection, and their lengths.
const promiseLengths = {
  access: 1, copyFile: 3, cp: 3, open: 3, opendir: 3, rename: 2, truncate: 1, rm: 2, rmdir: 2,
  mkdir: 2, readdir: 2, readlink: 2, symlink: 3, lstat: 1, stat: 1, statfs: 1, link: 2,
  unlink: 1, chmod: 2, lchmod: 2, lchown: 3, chown: 3, utimes: 3, lutimes: 3, realpath: 2,
  mkdtemp: 2, writeFile: 3, appendFile: 3, readFile: 2, watch: 1,
};
const promiseOverrides = {
  // (An async function, as Node's: no `prototype`, every error a rejection.)
  open: async function open(path, flags, mode) {
    return new (fileHandleClass())(openSync(path, flags, mode));
  },
  cp: async function cp(src, dest, options) {
    return require('internal/fs/cp').cpChecked(toPath(src, 'src'), toPath(dest, 'dest'), options);
  },
  // (A plain function, as Node's: it has a `prototype`.)
  opendir: function opendir(path, options) {
    return new Promise((resolve, reject) => {
      try {
        resolve(opendirSync(path, options));
      } catch (err) {
        reject(err);
      }
    });
  },
  lchmod: async function lchmod(path, mode) {
    throw codes.ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
  },
  watch: function _watch(filename, options) {
    return watchers().watchAsync(toPath(filename, 'filename'), options);
  },
};
// readFile, writeFile and appendFile take a FileHandle where a path goes.
// (A closed handle's fd is -1, refused as any out-of-range descriptor.)
const throughHandle = (syncFn) => (file, ...rest) => {
  if (file === null || typeof file !== 'object' || !(kFd in file)) return syncFn(file, ...rest);
  validateFd(file.fd);
  return syncFn(file.fd, ...rest);
};
for (const name of ['readFile', 'writeFile', 'appendFile']) {
  promiseOverrides[name] = promiseForm(throughHandle(syncApi[name]), name);
}
// (fs.promises.realpath is the C library's, as Node's.)
promiseOverrides.realpath = promiseForm(nativeRealpathSync, 'realpath');
const promises = {};
for (const [name, length] of Object.entries(promiseLengths)) {
  const form = promiseOverrides[name] ?? promiseForm(syncApi[name], name);
  Object.defineProperty(form, 'length', { value: length, configurable: true });
  promises[name] = form;
}
promises.constants = constants;

module.exports = fs;
