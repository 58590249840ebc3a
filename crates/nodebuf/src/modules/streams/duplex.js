// stream.Duplex (a Readable that is also a Writable), Transform (_transform/_flush over a Duplex
// with Node's callback-holding backpressure) and PassThrough.
'use strict';

const { Stream, kInternals, getHighWaterMark } = require('internal/streams/legacy');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const destroyImpl = require('internal/streams/destroy');
const { codes } = require('internal/streams/errors');
const { kState } = require('internal/streams/state');

// The `ended` bits of the two states (each module's own layout).
const kReadableEnded = Readable[kInternals].kEnded;
const kWritableEnded = Writable[kInternals].kEnded;

/** `new Duplex(options)`: both states; allowHalfOpen, readable/writable: false, the method options. */
function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);
  // The common events' slots, preset as Node presets them (EventEmitter's shape mode).
  this._events ??= {
    close: undefined,
    error: undefined,
    prefinish: undefined,
    finish: undefined,
    drain: undefined,
    data: undefined,
    end: undefined,
    readable: undefined,
  };
  this._readableState = new Readable.ReadableState(options, this, true);
  this._writableState = new Writable.WritableState(options, this, true);
  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }
    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, this);
  } else {
    this.allowHalfOpen = true;
  }
  Stream.call(this, options);
  // (The closure only for a stream with _construct: construct() does nothing otherwise.)
  if (typeof this._construct === 'function') destroyImpl.construct(this, () => {
    const r = this._readableState;
    if (r.needReadable) Readable[kInternals].maybeReadMore(this, r);
    const w = this._writableState;
    if (!w.writing) Writable[kInternals].clearBuffer(this, w);
    Writable[kInternals].finishMaybe(this, w);
  });
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);
Stream.Duplex = Duplex;

for (const method of Object.getOwnPropertyNames(Writable.prototype)) {
  if (method === 'constructor' || Object.prototype.hasOwnProperty.call(Duplex.prototype, method)) continue;
  if (Object.prototype.hasOwnProperty.call(Readable.prototype, method) && method !== 'destroy') continue;
  Object.defineProperty(Duplex.prototype, method, Object.getOwnPropertyDescriptor(Writable.prototype, method));
}
Duplex.prototype.destroy = Writable.prototype.destroy;

for (const name of ['writable', 'writableHighWaterMark', 'writableObjectMode', 'writableBuffer', 'writableLength',
  'writableFinished', 'writableCorked', 'writableEnded', 'writableNeedDrain']) {
  Object.defineProperty(Duplex.prototype, name, {
    ...Object.getOwnPropertyDescriptor(Writable.prototype, name),
    enumerable: false,
  });
}

Object.defineProperty(Duplex.prototype, 'destroyed', {
  configurable: true,
  enumerable: false,
  get() {
    if (this._readableState === undefined || this._writableState === undefined) return false;
    return this._readableState.destroyed && this._writableState.destroyed;
  },
  set(value) {
    if (this._readableState && this._writableState) {
      this._readableState.destroyed = value;
      this._writableState.destroyed = value;
    }
  },
});

const kCallback = Symbol('kCallback');

/** `new Transform(options)`: transform/flush options; a readable highWaterMark of 0 stays 0. */
function Transform(options) {
  if (!(this instanceof Transform)) return new Transform(options);
  const readableHighWaterMark = options ? getHighWaterMark(this, options, 'readableHighWaterMark', true) : null;
  if (readableHighWaterMark === 0) {
    options = {
      ...options,
      highWaterMark: null,
      readableHighWaterMark,
      writableHighWaterMark: options.writableHighWaterMark || 0,
    };
  }
  Duplex.call(this, options);
  this._readableState.sync = false;
  this[kCallback] = null;
  if (options) {
    if (typeof options.transform === 'function') this._transform = options.transform;
    if (typeof options.flush === 'function') this._flush = options.flush;
  }
  this.on('prefinish', prefinish);
}
Object.setPrototypeOf(Transform.prototype, Duplex.prototype);
Object.setPrototypeOf(Transform, Duplex);

function final(cb) {
  if (typeof this._flush === 'function' && !this.destroyed) {
    this._flush((er, data) => {
      if (er) {
        if (cb) cb(er);
        else this.destroy(er);
        return;
      }
      if (data != null) this.push(data);
      this.push(null);
      if (cb) cb();
    });
  } else {
    this.push(null);
    if (cb) cb();
  }
}

function prefinish() {
  if (this._final !== final) final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function _transform() {
  throw codes.ERR_METHOD_NOT_IMPLEMENTED('_transform()');
};

Transform.prototype._write = function _write(chunk, encoding, callback) {
  const rState = this._readableState;
  const wState = this._writableState;
  const length = rState.length;
  this._transform(chunk, encoding, (err, val) => {
    if (err) {
      callback(err);
      return;
    }
    if (val != null) this.push(val);
    if ((rState[kState] & kReadableEnded) !== 0) {
      // The readable side is over: the write completes on the next tick, so until then it
      // still counts against highWaterMark (Node v20.20).
      process.nextTick(callback);
      return;
    }
    if ((wState[kState] & kWritableEnded) !== 0 || length === rState.length ||
        rState.length < rState.highWaterMark) {
      callback();
    }
    else this[kCallback] = callback;
  });
};

Transform.prototype._read = function _read() {
  if (this[kCallback]) {
    const callback = this[kCallback];
    this[kCallback] = null;
    callback();
  }
};

/** `new PassThrough(options)`: a Transform that forwards every chunk unchanged. */
function PassThrough(options) {
  if (!(this instanceof PassThrough)) return new PassThrough(options);
  Transform.call(this, options);
}
Object.setPrototypeOf(PassThrough.prototype, Transform.prototype);
Object.setPrototypeOf(PassThrough, Transform);

PassThrough.prototype._transform = function _transform(chunk, encoding, cb) {
  cb(null, chunk);
};

module.exports = { Duplex, Transform, PassThrough };
