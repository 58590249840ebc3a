// `internal/fs/utils`: what fs's functions share: `fs.constants`, the Stats/BigIntStats/StatFs
// objects made from the natives' raw fields, Dirent, the time conversion of utimes, and the
// path/mode/owner checks with Node's messages.
'use strict';

const { codes, validateInteger } = require('internal/errors');

// fs.constants: the C library's values in Node's order and descriptors (internal/constants).
const { fs: constants } = require('internal/constants');
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
