// fs.ReadStream / fs.WriteStream (fs.createReadStream / createWriteStream): a file opened in
// _construct ('open' then 'ready'), read in highWaterMark-sized chunks between start and end,
// written at an optional start position, closed on destroy (autoClose), through the `fs`
// callback API or the `fs` option's replacement functions, as Node's fs streams are.
'use strict';

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { errorOrDestroy } = require('internal/streams/destroy');
const { eos } = require('internal/streams/end-of-stream');
const { codes } = require('internal/streams/errors');
const { validateInteger, validateFunction } = require('internal/errors');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');

function lazyFs() {
  return require('fs');
}

function optionsOf(options) {
  if (options == null || typeof options === 'function') return {};
  if (typeof options === 'string') return { encoding: options };
  if (typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  return { ...options };
}

function toPathString(path) {
  if (path && typeof path === 'object' && path.href !== undefined && path.protocol === 'file:') {
    return decodeURIComponent(path.pathname);
  }
  if (path instanceof Uint8Array) return Buffer.from(path).toString();
  if (typeof path !== 'string') throw codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], path);
  return path;
}

function setupStream(stream, path, options, methods) {
  stream[kFs] = options.fs || lazyFs();
  for (const name of methods) validateFunction(stream[kFs][name], `options.fs.${name}`);
  options.autoDestroy = options.autoClose === undefined ? true : options.autoClose;
  stream.fd = null;
  if (options.fd != null) {
    if (typeof options.fd === 'object' && typeof options.fd.fd === 'number') {
      // A FileHandle: its descriptor is read and written, and the handle itself closed.
      validateInteger(options.fd.fd, 'fd', 0, 2147483647);
      stream[kHandle] = options.fd;
      stream.fd = options.fd.fd;
    } else {
      validateInteger(options.fd, 'fd', 0, 2147483647);
      stream.fd = options.fd;
    }
  }
  stream.path = stream.fd === null ? toPathString(path) : undefined;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream.flush = !!options.flush;
}

function openStream(stream, callback) {
  stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      callback(er);
    } else {
      stream.fd = fd;
      callback();
      stream.emit('open', stream.fd);
      stream.emit('ready');
    }
  });
}

function closeStream(stream, err, cb) {
  if (stream.fd === null || stream.fd === undefined) {
    cb(err);
  } else {
    const fd = stream.fd;
    stream.fd = null;
    if (stream[kHandle] !== undefined) stream[kHandle].close().then(() => cb(err), (er) => cb(er || err));
    else stream[kFs].close(fd, (er) => { cb(er || err); });
  }
}

function destroyStream(err, cb) {
  if (this[kIsPerformingIO]) this.once(kIoDone, (er) => closeStream(this, err || er, cb));
  else closeStream(this, err, cb);
}

/** `new fs.ReadStream(path[, options])`. */
function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = optionsOf(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  setupStream(this, path, options, ['open', 'read', 'close']);
  this.flags = options.flags === undefined ? 'r' : options.flags;
  this.start = options.start;
  this.end = options.end === undefined ? Infinity : options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw codes.ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`, this.start);
    }
  }
  Reflect.apply(Readable, this, [options]);
}
Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

Object.defineProperty(ReadStream.prototype, 'pending', {
  configurable: true,
  get() { return this.fd === null; },
});

// `open()` is a deprecated no-op on both stream classes (DEP0135), but a script or a library
// (graceful-fs) that replaces it still opens the stream its own way: its `open()` runs instead
// of the default opening, and its 'open' (or 'error') event ends the construction.
const defaultOpens = new Set();
function deprecatedOpen(className) {
  const open = require('util').deprecate(function () {}, `${className}.prototype.open() is deprecated`, 'DEP0135');
  defaultOpens.add(open);
  return open;
}

function openByReplacedOpen(stream, callback) {
  const emit = stream.emit;
  stream.emit = function (...args) {
    if (args[0] === 'open') {
      this.emit = emit;
      callback();
      return Reflect.apply(emit, this, args);
    }
    if (args[0] === 'error') {
      this.emit = emit;
      callback(args[1]);
      return undefined;
    }
    return Reflect.apply(emit, this, args);
  };
  stream.open();
}

ReadStream.prototype.open = deprecatedOpen('ReadStream');

ReadStream.prototype._construct = function _construct(callback) {
  if (typeof this.fd === 'number') callback();
  else if (!defaultOpens.has(this.open)) openByReplacedOpen(this, callback);
  else openStream(this, callback);
};

ReadStream.prototype._read = function _read(n) {
  n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, n) : Math.min(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  let buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buf, 0, n, this.pos, (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      errorOrDestroy(this, er);
    } else if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      if (bytesRead !== buf.length) {
        const dst = Buffer.allocUnsafeSlow(bytesRead);
        buf.copy(dst, 0, 0, bytesRead);
        buf = dst;
      }
      this.push(buf);
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroyStream;

ReadStream.prototype.close = function close(cb) {
  if (typeof cb === 'function') eos(this, cb);
  this.destroy();
};

/** `new fs.WriteStream(path[, options])`. */
function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = optionsOf(options);
  options.decodeStrings = true;
  setupStream(this, path, options, ['open', 'write', 'close']);
  this.flags = options.flags === undefined ? 'w' : options.flags;
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  Reflect.apply(Writable, this, [options]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

Object.defineProperty(WriteStream.prototype, 'pending', {
  configurable: true,
  get() { return this.fd === null; },
});

WriteStream.prototype.open = deprecatedOpen('WriteStream');
WriteStream.prototype._construct = ReadStream.prototype._construct;

WriteStream.prototype._write = function _write(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  this[kFs].write(this.fd, data, 0, data.length, this.pos, (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      cb(er);
      return;
    }
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function _writev(data, cb) {
  const chunk = Buffer.concat(data.map((d) => d.chunk));
  this._write(chunk, 'buffer', cb);
};

WriteStream.prototype._destroy = destroyStream;

WriteStream.prototype.close = function close(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

Object.defineProperty(ReadStream.prototype, 'autoClose', {
  configurable: true,
  get() { return this._readableState.autoDestroy; },
  set(val) { this._readableState.autoDestroy = val; },
});
Object.defineProperty(WriteStream.prototype, 'autoClose', {
  configurable: true,
  get() { return this._writableState.autoDestroy; },
  set(val) { this._writableState.autoDestroy = val; },
});

module.exports = { ReadStream, WriteStream };
