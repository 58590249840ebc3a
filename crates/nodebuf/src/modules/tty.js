// `require('tty')`: isatty, ReadStream (raw mode through termios) and WriteStream (window size,
// colour depth from the environment, cursor helpers), as Node v20 behaves. The streams are the
// runner's Readable/Writable over the descriptor (Node's are net.Socket subclasses); reads are
// blocking reads, like process.stdin's.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setTimeout } = require('timers');

const { makeNodeError, systemError, validateInteger } = require('internal/errors');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const readline = require('internal/readline/interface');

const ttyNative = native.tty;

/** `tty.isatty(fd)`: true when `fd` is an integer descriptor open on a terminal. */
function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && ttyNative.isatty(fd);
}

const uvMessages = { EINVAL: [-22, 'invalid argument'] };

// Node's SystemError for a descriptor libuv will not treat as a terminal stream.
function ttyInitFailed(kind) {
  const [errno, text] = uvMessages[kind];
  return systemError('ERR_TTY_INIT_FAILED', 'TTY initialization failed',
    { errno, code: kind, message: text, syscall: 'uv_tty_init' });
}

// Checks `fd` the way Node's tty streams do before opening it.
function checkFd(fd) {
  if (fd >> 0 !== fd || fd < 0) {
    throw makeNodeError(RangeError, 'ERR_INVALID_FD', `"fd" must be a positive integer: ${fd}`);
  }
  // libuv refuses files, other devices, unknown and closed descriptors alike (EINVAL).
  const kind = ttyNative.guessHandle(fd);
  if (kind === 'EBADF' || kind === 'FILE' || kind === 'UNKNOWN') throw ttyInitFailed('EINVAL');
}

/** `new tty.ReadStream(fd[, options])`: a Readable on a terminal descriptor. */
function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  checkFd(fd);
  const fs = require('fs');
  Reflect.apply(Readable, this, [{
    highWaterMark: 0,
    ...options,
    read(size) {
      const buf = Buffer.allocUnsafe(size > 0 ? size : 65536);
      let bytes;
      try {
        bytes = fs.readSync(fd, buf, 0, buf.length, null);
      } catch (err) {
        if (err.code === 'EAGAIN') {
          setTimeout(() => this._read(size), 10);
          return;
        }
        this.destroy(err);
        return;
      }
      if (bytes === 0) this.push(null);
      else this.push(buf.subarray(0, bytes));
    },
  }]);
  this.fd = fd;
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

/** `readStream.setRawMode(mode)`: raw input on or off; an OS failure is emitted as 'error'. */
ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const errno = ttyNative.setRawMode(this.fd, flag);
  if (errno !== 0) {
    const code = errnoName(errno);
    const err = new Error(`setRawMode ${code}`);
    err.errno = -errno;
    err.code = code;
    err.syscall = 'setRawMode';
    this.emit('error', err);
    return this;
  }
  this.isRaw = flag;
  return this;
};

function errnoName(errno) {
  const table = require('os').constants.errno;
  for (const name of Object.keys(table)) if (table[name] === errno) return name;
  return String(errno);
}

/** `new tty.WriteStream(fd)`: a Writable on a terminal descriptor with its window size. */
function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  const fs = require('fs');
  Reflect.apply(Writable, this, [{
    decodeStrings: false,
    write(chunk, encoding, cb) {
      try {
        fs.writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
      } catch (err) {
        cb(err);
        return;
      }
      cb();
    },
  }]);
  this.fd = fd;
  this._type = 'tty';
  this._refreshSize();
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);
installWriteStreamMethods(WriteStream.prototype);

const COLORS_2 = 1;
const COLORS_16 = 4;
const COLORS_256 = 8;
const COLORS_16m = 24;

// Terminals known by exact (lower-cased) TERM name, and TERM patterns meaning 16 colours.
const termColors = new Map([
  ['eterm', COLORS_16], ['cons25', COLORS_16], ['console', COLORS_16], ['cygwin', COLORS_16],
  ['dtterm', COLORS_16], ['gnome', COLORS_16], ['hurd', COLORS_16], ['jfbterm', COLORS_16],
  ['konsole', COLORS_16], ['kterm', COLORS_16], ['mlterm', COLORS_16], ['mosh', COLORS_16m],
  ['putty', COLORS_16], ['st', COLORS_16], ['rxvt-unicode-24bit', COLORS_16m],
  ['terminator', COLORS_16m],
]);
const termPatterns = [/ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/];
const ciNames = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI', 'TRAVIS'];

let warnedAboutForceColor = false;

// FORCE_COLOR's meaning: '', '1', 'true' 16 colours; '2' 256; '3' 16 million; else 2.
function forcedDepth(value) {
  switch (value) {
    case '':
    case '1':
    case 'true':
      return COLORS_16;
    case '2':
      return COLORS_256;
    case '3':
      return COLORS_16m;
    default:
      return COLORS_2;
  }
}

/**
 * `writeStream.getColorDepth([env])`: 1, 4, 8 or 24 bits, from FORCE_COLOR, NO_COLOR,
 * NODE_DISABLE_COLORS, TERM, COLORTERM, TMUX, CI and terminal-program variables, by Node's
 * rules (checked against node in tests/scripts/tty_basics.js).
 */
function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    if (!warnedAboutForceColor && (env.NO_COLOR !== undefined || env.NODE_DISABLE_COLORS !== undefined)) {
      warnedAboutForceColor = true;
      const names = [];
      if (env.NODE_DISABLE_COLORS !== undefined) names.push("'NODE_DISABLE_COLORS'");
      if (env.NO_COLOR !== undefined) names.push("'NO_COLOR'");
      process.emitWarning(`The ${names.join(' and ')} env is ignored due to the 'FORCE_COLOR' env being set.`, 'Warning');
    }
    return forcedDepth(env.FORCE_COLOR);
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') {
    return COLORS_2;
  }
  if (env.TMUX) return COLORS_256;
  if (env.CI) {
    if (ciNames.some((name) => name in env) || env.CI_NAME === 'codeship') return COLORS_256;
    return COLORS_2;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? COLORS_16 : COLORS_2;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return COLORS_256;
      return COLORS_16m;
    case 'HyperTerm':
    case 'MacTerm':
      return COLORS_16m;
    case 'Apple_Terminal':
      return COLORS_256;
    default:
      break;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return COLORS_16m;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return COLORS_256;
    const term = env.TERM.toLowerCase();
    const known = termColors.get(term);
    if (known !== undefined) return known;
    if (termPatterns.some((pattern) => pattern.test(term))) return COLORS_16;
  }
  if (env.COLORTERM) return COLORS_16;
  return COLORS_2;
}

/** `writeStream.hasColors([count][, env])`: whether `count` (16) colours are available. */
function hasColors(count, env) {
  if (env === undefined && (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
}

function installWriteStreamMethods(proto) {
  proto.isTTY = true;
  proto.getColorDepth = getColorDepth;
  proto.hasColors = hasColors;
  /** Re-reads the window size; emits 'resize' when it changed. */
  proto._refreshSize = function _refreshSize() {
    const oldCols = this.columns;
    const oldRows = this.rows;
    const size = ttyNative.windowSize(this.fd);
    if (size === undefined) return;
    this.columns = size[0];
    this.rows = size[1];
    if (oldCols !== undefined && (oldCols !== this.columns || oldRows !== this.rows)) this.emit('resize');
  };
  proto.cursorTo = function cursorTo(x, y, cb) {
    return readline.cursorTo(this, x, y, cb);
  };
  proto.moveCursor = function moveCursor(dx, dy, cb) {
    return readline.moveCursor(this, dx, dy, cb);
  };
  proto.clearLine = function clearLine(dir, cb) {
    return readline.clearLine(this, dir, cb);
  };
  proto.clearScreenDown = function clearScreenDown(cb) {
    return readline.clearScreenDown(this, cb);
  };
  /** `[columns, rows]`. */
  proto.getWindowSize = function getWindowSize() {
    return [this.columns, this.rows];
  };
}

/**
 * Turns the runner's stdout/stderr stream into a terminal stream when its descriptor is a
 * terminal (what Node's process.stdout is then): WriteStream's methods and size.
 */
function adoptStdioStream(stream, fd) {
  if (!isatty(fd)) return stream;
  Object.setPrototypeOf(stream, WriteStream.prototype);
  delete stream.hasColors;
  delete stream.getColorDepth;
  stream._type = 'tty';
  stream._refreshSize();
  return stream;
}

/** Same for stdin: a terminal stdin gets isTTY, isRaw and setRawMode. */
function adoptStdinStream(stream, fd) {
  if (!isatty(fd)) return stream;
  Object.setPrototypeOf(stream, ReadStream.prototype);
  stream.isRaw = false;
  stream.isTTY = true;
  return stream;
}

module.exports = { isatty, ReadStream, WriteStream };
Object.defineProperty(module.exports, 'internals', {
  value: { adoptStdioStream, adoptStdinStream, getColorDepth },
  enumerable: false,
});
