// `internal/fs/utils`: what fs's functions share: `fs.constants`, the Stats/BigIntStats/StatFs
// objects made from the natives' raw fields, Dirent, the time conversion of utimes, and the
// path/mode/owner checks with Node's messages.
'use strict';

const { codes, validateInteger } = require('internal/errors');

// fs.constants as Node has them on Linux, in Node's order (a null-prototype object).
const constants = Object.assign(Object.create(null), {
  UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
  UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3,
  UV_DIRENT_FIFO: 4, UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0, EXTENSIONLESS_FORMAT_WASM: 1,
  S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384, S_IFCHR: 8192, S_IFBLK: 24576, S_IFIFO: 4096,
  S_IFLNK: 40960, S_IFSOCK: 49152, O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256,
  O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072,
  O_SYNC: 1052672, O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048, S_IRWXU: 448,
  S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64, S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8,
  S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1, F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
  UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2, COPYFILE_FICLONE: 2,
  UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
});
const { S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK } = constants;

// A Date from milliseconds (a number or a BigInt), rounded as Node's are.
const dateFromMs = (ms) => new Date(Math.round(Number(ms)));

// The shape Node's Stats and BigIntStats share: the ten integer fields and the kind tests,
// which ask `_checkModeProperty` (a number or a BigInt comparison, per class). The kind tests
// are assigned, not defined, so they are enumerable and unnamed, as Node's.
function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}
const kinds = [
  ['isDirectory', S_IFDIR], ['isFile', S_IFREG], ['isBlockDevice', S_IFBLK],
  ['isCharacterDevice', S_IFCHR], ['isSymbolicLink', S_IFLNK], ['isFIFO', S_IFIFO],
  ['isSocket', S_IFSOCK],
];
for (const [name, bits] of kinds) {
  StatsBase.prototype[name] = [function () { return this._checkModeProperty(bits); }][0];
}

/** `fs.Stats`: numbers, milliseconds since the epoch and their Dates. */
function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  Reflect.apply(StatsBase, this, [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks]);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Stats.prototype.isFile = StatsBase.prototype.isFile;
Stats.prototype._checkModeProperty = [function (property) {
  return (this.mode & S_IFMT) === property;
}][0];

/** The `bigint: true` Stats: BigInts, with nanosecond times beside the milliseconds. */
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  Reflect.apply(StatsBase, this, [dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks]);
  this.atimeMs = atimeNs / 1000000n;
  this.mtimeMs = mtimeNs / 1000000n;
  this.ctimeMs = ctimeNs / 1000000n;
  this.birthtimeMs = birthtimeNs / 1000000n;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.setPrototypeOf(BigIntStats, StatsBase);
BigIntStats.prototype._checkModeProperty = [function (property) {
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
}][0];

/**
 * Stats from the native's 18 raw fields (ten integers, then seconds and nanoseconds of atime,
 * mtime, ctime, birthtime), numbers or BigInts.
 */
function statsFromRaw(raw, bigint) {
  const head = raw.slice(0, 10);
  if (bigint) {
    const ns = (i) => raw[i] * 1000000000n + raw[i + 1];
    return new BigIntStats(...head, ns(10), ns(12), ns(14), ns(16));
  }
  const ms = (i) => raw[i] * 1000 + raw[i + 1] / 1000000;
  return new Stats(...head, ms(10), ms(12), ms(14), ms(16));
}

/** `fs.statfs`'s result. */
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

const kType = Symbol('type');

/** `fs.Dirent`: a directory entry's name, the directory it was read from, and its kind. */
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === constants.UV_DIRENT_DIR; }
  isFile() { return this[kType] === constants.UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === constants.UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === constants.UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === constants.UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === constants.UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === constants.UV_DIRENT_SOCKET; }
}
// (Node's methods are not enumerable either; only the instance fields are.)

/**
 * `fs._toUnixTimestamp(time, name)`: seconds since the epoch from a Date, a number (a
 * negative one means now) or a numeric string; anything else is refused naming `name`.
 */
function toUnixTimestamp(time, name = 'time') {
  // eslint-disable-next-line eqeqeq
  if (typeof time === 'string' && +time == time) return +time;
  if (Number.isFinite(time)) {
    if (time < 0) return Date.now() / 1000;
    return time;
  }
  if (time instanceof Date) return time.getTime() / 1000;
  throw codes.ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

/** A file mode as Node takes one: an integer 0..2**32-1 or an octal string. */
function parseFileMode(value, name, fallback) {
  if (value == null && fallback !== undefined) value = fallback;
  if (typeof value === 'string') {
    if (!/^[0-7]+$/.test(value)) {
      throw codes.ERR_INVALID_ARG_VALUE(name, value, 'must be a 32-bit unsigned integer or an octal string');
    }
    value = parseInt(value, 8);
  }
  validateInteger(value, name, 0, 4294967295);
  return value;
}

/** A uid or gid: an integer from -1 (unchanged) to 2**32-1. */
function validateOwner(value, name) {
  validateInteger(value, name, -1, 4294967295);
}

module.exports = {
  constants,
  Stats,
  BigIntStats,
  StatFs,
  Dirent,
  kType,
  statsFromRaw,
  toUnixTimestamp,
  parseFileMode,
  validateOwner,
};
