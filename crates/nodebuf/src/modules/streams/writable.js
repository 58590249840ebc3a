// stream.Writable: buffering with highWaterMark/'drain', cork/uncork and _writev batching, end(),
// _final/'prefinish'/'finish' and the write-callback timing Node has (sync writes call back on the
// next tick, batched).
'use strict';

const {
  Stream, getHighWaterMark, getDefaultHighWaterMark, kInternals, validDefaultEncoding,
} = require('internal/streams/legacy');
const { codes } = require('internal/streams/errors');
const destroyImpl = require('internal/streams/destroy');

const {
  kState, defineFlagAccessors, defineValueAccessor, defineTriStateAccessor, defineDefaultEncodingAccessor,
  kObjectMode, kErrorEmitted, kAutoDestroy, kEmitClose, kDestroyed, kClosed, kCloseEmitted, kErrored,
  kConstructed, kDestroyedOrErrored, kErroredValue,
} = require('internal/streams/state');

function nop() {}

// The bits of `_writableState[kState]`, Node v20.20's (the first nine, both states', come from
// internal/streams/state).
const kSync = 1 << 9;
const kFinalCalled = 1 << 10;
const kNeedDrain = 1 << 11;
const kEnding = 1 << 12;
const kFinished = 1 << 13;
const kDecodeStrings = 1 << 14;
const kWriting = 1 << 15;
const kBufferProcessing = 1 << 16;
const kPrefinished = 1 << 17;
const kAllBuffers = 1 << 18;
const kAllNoop = 1 << 19;
const kOnFinished = 1 << 20;
const kHasWritable = 1 << 21;
const kWritable = 1 << 22;
const kDefaultUTF8Encoding = 1 << 24;
const kWriteCb = 1 << 25;
const kExpectWriteCb = 1 << 26;
const kAfterWriteTickInfo = 1 << 27;
const kBuffered = 1 << 29;
const kEnded = 1 << 30;
// Combinations the write path tests and sets (named once: the engine does not fold constants).
const kNotSync = ~kSync;
const kWriteDoneMask = ~(kWriting | kExpectWriteCb | kWriteCb);
const kEndingOrDestroyed = kEnding | kDestroyed;
// A write is buffered unless the stream is constructed, not writing and not errored.
const kBufferWriteMask = kWriting | kErrored | kConstructed;
const kWriteStarted = kWriting | kSync | kExpectWriteCb;
const kWriteStartedWithCb = kWriteStarted | kWriteCb;

const kWriteCbValue = Symbol('kWriteCbValue');
const kAfterWriteTickInfoValue = Symbol('kAfterWriteTickInfoValue');
const kBufferedValue = Symbol('kBufferedValue');
const kOnFinishedValue = Symbol('kOnFinishedValue');

/** The state Node keeps in `writable._writableState` (its own fields and accessors). */
function WritableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = (Stream.Duplex !== undefined && stream instanceof Stream.Duplex);
  let bits = kSync | kConstructed | kEmitClose | kAutoDestroy;
  if (options && (options.objectMode || (isDuplex && options.writableObjectMode))) bits |= kObjectMode;
  this[kState] = bits;
  this.highWaterMark = options
    ? getHighWaterMark(this, options, 'writableHighWaterMark', isDuplex)
    : getDefaultHighWaterMark(false);
  if (!options || options.decodeStrings !== false) this[kState] |= kDecodeStrings;
  const defaultEncoding = validDefaultEncoding(options);
  if (defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') this[kState] |= kDefaultUTF8Encoding;
  else this.defaultEncoding = defaultEncoding;
  this.length = 0;
  this.corked = 0;
  this.onwrite = onwrite.bind(undefined, stream);
  this.writelen = 0;
  resetBuffer(this);
  this.pendingcb = 0;
  if (options && options.emitClose === false) this[kState] &= ~kEmitClose;
  if (options && options.autoDestroy === false) this[kState] &= ~kAutoDestroy;
}

function resetBuffer(state) {
  state[kBufferedValue] = null;
  state.bufferedIndex = 0;
  state[kState] = (state[kState] | kAllBuffers | kAllNoop) & ~kBuffered;
}

// The buffered writes' array, made on the first one.
function bufferedWrites(state) {
  if ((state[kState] & kBuffered) === 0) {
    state[kBufferedValue] = [];
    state[kState] |= kBuffered;
  }
  return state[kBufferedValue];
}

// The callbacks end(cb) queued, handed over once (the list is then gone, as in Node).
function takeOnFinished(state) {
  if ((state[kState] & kOnFinished) === 0) return [];
  const callbacks = state[kOnFinishedValue];
  state[kOnFinishedValue] = null;
  state[kState] &= ~kOnFinished;
  return callbacks;
}

function addOnFinished(state, cb) {
  if ((state[kState] & kOnFinished) === 0) {
    state[kOnFinishedValue] = [];
    state[kState] |= kOnFinished;
  }
  state[kOnFinishedValue].push(cb);
}

defineFlagAccessors(WritableState.prototype, [
  ['objectMode', kObjectMode], ['finalCalled', kFinalCalled], ['needDrain', kNeedDrain],
  ['ending', kEnding], ['ended', kEnded], ['finished', kFinished], ['destroyed', kDestroyed],
  ['decodeStrings', kDecodeStrings], ['writing', kWriting], ['sync', kSync],
  ['bufferProcessing', kBufferProcessing], ['constructed', kConstructed], ['prefinished', kPrefinished],
  ['errorEmitted', kErrorEmitted], ['emitClose', kEmitClose], ['autoDestroy', kAutoDestroy],
  ['closed', kClosed], ['closeEmitted', kCloseEmitted], ['allBuffers', kAllBuffers], ['allNoop', kAllNoop],
]);
defineValueAccessor(WritableState.prototype, 'errored', kErrored, kErroredValue, null);
defineTriStateAccessor(WritableState.prototype, 'writable', kHasWritable, kWritable, undefined, true);
defineDefaultEncodingAccessor(WritableState.prototype, kDefaultUTF8Encoding);
defineValueAccessor(WritableState.prototype, 'writecb', kWriteCb, kWriteCbValue, nop, true);
defineValueAccessor(WritableState.prototype, 'afterWriteTickInfo', kAfterWriteTickInfo,
  kAfterWriteTickInfoValue, null, true);
Object.defineProperty(WritableState.prototype, 'buffered', {
  enumerable: false,
  configurable: false,
  get() { return (this[kState] & kBuffered) !== 0 ? this[kBufferedValue] : []; },
  set(value) {
    this[kBufferedValue] = value;
    if (value) this[kState] |= kBuffered;
    else this[kState] &= ~kBuffered;
  },
});

WritableState.prototype.getBuffer = function getBuffer() {
  return (this[kState] & kBuffered) !== 0 ? this[kBufferedValue].slice(this.bufferedIndex) : [];
};

Object.defineProperty(WritableState.prototype, 'bufferedRequestCount', {
  enumerable: false,
  configurable: false,
  get() { return (this[kState] & kBuffered) !== 0 ? this[kBufferedValue].length - this.bufferedIndex : 0; },
});

/** `new Writable(options)`: write/writev/destroy/final/construct/signal options become methods. */
function Writable(options) {
  const isDuplex = Stream.Duplex !== undefined && this instanceof Stream.Duplex;
  if (!isDuplex && !Function.prototype[Symbol.hasInstance].call(Writable, this)) return new Writable(options);
  // The common events' slots, preset as Node presets them (EventEmitter's shape mode).
  this._events ??= { close: undefined, error: undefined, prefinish: undefined, finish: undefined, drain: undefined };
  this._writableState = new WritableState(options, this, isDuplex);
  if (options) {
    if (typeof options.write === 'function') this._write = options.write;
    if (typeof options.writev === 'function') this._writev = options.writev;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.final === 'function') this._final = options.final;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  // (The closure only for a stream with _construct: construct() does nothing otherwise.)
  if (typeof this._construct === 'function') destroyImpl.construct(this, () => {
    const state = this._writableState;
    if (!state.writing) clearBuffer(this, state);
    finishMaybe(this, state);
  });
}
Object.setPrototypeOf(Writable.prototype, Stream.prototype);
Object.setPrototypeOf(Writable, Stream);
Writable.WritableState = WritableState;

Object.defineProperty(Writable, Symbol.hasInstance, {
  value: function hasInstance(object) {
    if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
    if (this !== Writable) return false;
    return !!(object && object._writableState instanceof WritableState);
  },
});

Writable.prototype.pipe = function pipe() {
  destroyImpl.errorOrDestroy(this, codes.ERR_STREAM_CANNOT_PIPE());
};

function writeImpl(stream, chunk, encoding, cb) {
  const state = stream._writableState;
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  } else if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
    throw codes.ERR_UNKNOWN_ENCODING(encoding);
  }
  if (typeof cb !== 'function') cb = nop;
  // (Read once: nothing below changes the state before writeOrBuffer.)
  const bits = state[kState];
  if (chunk === null) {
    throw codes.ERR_STREAM_NULL_VALUES();
  } else if ((bits & kObjectMode) === 0) {
    if (typeof chunk === 'string') {
      if (!encoding) encoding = state.defaultEncoding;
      if ((bits & kDecodeStrings) !== 0) {
        chunk = Buffer.from(chunk, encoding);
        encoding = 'buffer';
      }
    } else if (chunk instanceof Buffer) {
      encoding = 'buffer';
    } else if (Stream._isArrayBufferView(chunk)) {
      chunk = Stream._uint8ArrayToBuffer(chunk);
      encoding = 'buffer';
    } else {
      throw codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  let err;
  if ((bits & kEndingOrDestroyed) !== 0) {
    err = (bits & kEnding) !== 0 ? codes.ERR_STREAM_WRITE_AFTER_END() : codes.ERR_STREAM_DESTROYED('write');
  }
  if (err) {
    process.nextTick(cb, err);
    destroyImpl.errorOrDestroy(stream, err, true);
    return err;
  }
  state.pendingcb++;
  return writeOrBuffer(stream, state, bits, chunk, encoding, cb);
}

Writable.prototype.write = function write(chunk, encoding, cb) {
  return writeImpl(this, chunk, encoding, cb) === true;
};

Writable.prototype.cork = function cork() {
  this._writableState.corked++;
};

Writable.prototype.uncork = function uncork() {
  const state = this._writableState;
  if (state.corked) {
    state.corked--;
    if (!state.writing) clearBuffer(this, state);
  }
};

Writable.prototype.setDefaultEncoding = function setDefaultEncoding(encoding) {
  if (typeof encoding === 'string') encoding = encoding.toLowerCase();
  if (!Buffer.isEncoding(encoding)) throw codes.ERR_UNKNOWN_ENCODING(encoding);
  this._writableState.defaultEncoding = encoding;
  return this;
};

// `bits`: the state's kState, read by the caller.
function writeOrBuffer(stream, state, bits, chunk, encoding, callback) {
  const len = (bits & kObjectMode) !== 0 ? 1 : chunk.length;
  state.length += len;
  if ((bits & kBufferWriteMask) !== kConstructed || state.corked) {
    bufferedWrites(state).push({ chunk, encoding, callback });
    if (encoding !== 'buffer') state[kState] &= ~kAllBuffers;
    if (callback !== nop) state[kState] &= ~kAllNoop;
  } else {
    // (startWrite, written out: this is every unbuffered write's path)
    state.writelen = len;
    if (callback !== nop) {
      state[kWriteCbValue] = callback;
      state[kState] = bits | kWriteStartedWithCb;
    } else {
      state[kState] = bits | kWriteStarted;
    }
    stream._write(chunk, encoding, state.onwrite);
    // (The write's sync flag only: a write buffered from inside another's _write leaves it.)
    state[kState] &= kNotSync;
  }
  // Measured after a synchronous _write has called back: v20.20 reports no backpressure (and
  // emits no 'drain') for a chunk already written.
  const ret = state.length < state.highWaterMark;
  let after = state[kState];
  if (!ret) {
    after |= kNeedDrain;
    state[kState] = after;
  }
  return ret && (after & kDestroyedOrErrored) === 0;
}

// A write handed to _write/_writev: its length and callback are kept for onwrite, which is now
// expected (once).
function startWrite(state, len, cb) {
  state.writelen = len;
  if (cb !== nop) {
    state[kWriteCbValue] = cb;
    state[kState] |= kWriteCb;
  }
  state[kState] |= kWriteStarted;
}

function doWrite(stream, state, writev, len, chunk, encoding, cb) {
  startWrite(state, len, cb);
  if ((state[kState] & kDestroyed) !== 0) state.onwrite(codes.ERR_STREAM_DESTROYED('write'));
  else if (writev) stream._writev(chunk, state.onwrite);
  else stream._write(chunk, encoding, state.onwrite);
  state[kState] &= kNotSync;
}

function onwriteError(stream, state, er, cb) {
  --state.pendingcb;
  cb(er);
  errorBuffer(state);
  destroyImpl.errorOrDestroy(stream, er);
}

function onwrite(stream, er) {
  const state = stream._writableState;
  const bits = state[kState];
  if ((bits & kExpectWriteCb) === 0) {
    destroyImpl.errorOrDestroy(stream, codes.ERR_MULTIPLE_CALLBACK());
    return;
  }
  const sync = (bits & kSync) !== 0;
  const cb = (bits & kWriteCb) !== 0 ? state[kWriteCbValue] : nop;
  state[kWriteCbValue] = null;
  let now = bits & kWriteDoneMask;
  state[kState] = now;
  state.length -= state.writelen;
  state.writelen = 0;
  if (er) {
    er.stack; // eslint-disable-line no-unused-expressions
    if (!state.errored) state.errored = er;
    if (stream._readableState && !stream._readableState.errored) stream._readableState.errored = er;
    if (sync) process.nextTick(onwriteError, stream, state, er, cb);
    else onwriteError(stream, state, er, cb);
  } else {
    if ((now & kBuffered) !== 0 && state[kBufferedValue].length > state.bufferedIndex) {
      clearBuffer(stream, state);
      now = state[kState];
    }
    if (sync) {
      const info = (now & kAfterWriteTickInfo) !== 0 ? state[kAfterWriteTickInfoValue] : null;
      if (info !== null && info.cb === cb) {
        info.count++;
      } else {
        const next = { count: 1, cb, stream, state };
        state[kAfterWriteTickInfoValue] = next;
        state[kState] |= kAfterWriteTickInfo;
        process.nextTick(afterWriteTick, next);
      }
    } else {
      afterWrite(stream, state, 1, cb);
    }
  }
}

function afterWriteTick({ stream, state, count, cb }) {
  state[kAfterWriteTickInfoValue] = null;
  state[kState] &= ~kAfterWriteTickInfo;
  return afterWrite(stream, state, count, cb);
}

function afterWrite(stream, state, count, cb) {
  const needDrain = (state[kState] & (kEnding | kNeedDrain)) === kNeedDrain && state.length === 0 &&
    !stream.destroyed;
  if (needDrain) {
    state[kState] &= ~kNeedDrain;
    stream.emit('drain');
  }
  while (count-- > 0) {
    state.pendingcb--;
    cb(null);
  }
  if ((state[kState] & kDestroyed) !== 0) errorBuffer(state);
  finishMaybe(stream, state);
}

// Calls back every buffered write (and pending end callbacks) with the stream's error.
function errorBuffer(state) {
  if (state.writing) return;
  for (let n = state.bufferedIndex; n < state.buffered.length; ++n) {
    const { chunk, callback } = state.buffered[n];
    const len = state.objectMode ? 1 : chunk.length;
    state.length -= len;
    callback(state.errored ?? codes.ERR_STREAM_DESTROYED('write'));
  }
  const onfinishCallbacks = takeOnFinished(state);
  for (let i = 0; i < onfinishCallbacks.length; i++) {
    onfinishCallbacks[i](state.errored ?? codes.ERR_STREAM_DESTROYED('end'));
  }
  resetBuffer(state);
}

function clearBuffer(stream, state) {
  const bits = state[kState];
  if (state.corked || (bits & (kBufferProcessing | kDestroyed | kConstructed | kBuffered)) !==
      (kConstructed | kBuffered)) {
    return;
  }
  const buffered = state[kBufferedValue];
  const bufferedIndex = state.bufferedIndex;
  const objectMode = (bits & kObjectMode) !== 0;
  const bufferedLength = buffered.length - bufferedIndex;
  if (!bufferedLength) return;
  let i = bufferedIndex;
  state[kState] = bits | kBufferProcessing;
  if (bufferedLength > 1 && stream._writev) {
    state.pendingcb -= bufferedLength - 1;
    const allNoop = (bits & kAllNoop) !== 0;
    const callback = allNoop ? nop : (err) => {
      for (let n = i; n < buffered.length; ++n) buffered[n].callback(err);
    };
    const chunks = allNoop && i === 0 ? buffered : buffered.slice(i);
    chunks.allBuffers = (bits & kAllBuffers) !== 0;
    doWrite(stream, state, true, state.length, chunks, '', callback);
    resetBuffer(state);
  } else {
    do {
      const { chunk, encoding, callback } = buffered[i];
      buffered[i++] = null;
      const len = objectMode ? 1 : chunk.length;
      doWrite(stream, state, false, len, chunk, encoding, callback);
    } while (i < buffered.length && (state[kState] & kWriting) === 0);
    if (i === buffered.length) {
      resetBuffer(state);
    } else if (i > 256) {
      buffered.splice(0, i);
      state.bufferedIndex = 0;
    } else {
      state.bufferedIndex = i;
    }
  }
  state[kState] &= ~kBufferProcessing;
}

Writable.prototype._write = function _write(chunk, encoding, cb) {
  if (this._writev) this._writev([{ chunk, encoding }], cb);
  else throw codes.ERR_METHOD_NOT_IMPLEMENTED('_write()');
};

Writable.prototype._writev = null;

Writable.prototype.end = function end(chunk, encoding, cb) {
  const state = this._writableState;
  if (typeof chunk === 'function') {
    cb = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  let err;
  if (chunk !== null && chunk !== undefined) {
    const ret = writeImpl(this, chunk, encoding);
    if (ret instanceof Error) err = ret;
  }
  if (state.corked) {
    state.corked = 1;
    this.uncork();
  }
  if (err) {
    // The write's error is what end's callback gets.
  } else if (!state.errored && !state.ending) {
    state.ending = true;
    finishMaybe(this, state, true);
    state.ended = true;
  } else if (state.finished) {
    err = codes.ERR_STREAM_ALREADY_FINISHED('end');
  } else if (state.destroyed) {
    err = codes.ERR_STREAM_DESTROYED('end');
  }
  if (typeof cb === 'function') {
    if (err || state.finished) process.nextTick(cb, err);
    else addOnFinished(state, cb);
  }
  return this;
};

// Ending, constructed, nothing left to write or buffered, and not finished, destroyed, errored
// or closed.
const kNeedFinishMask = kEnding | kConstructed | kDestroyed | kErrored | kBuffered | kFinished | kWriting |
  kErrorEmitted | kCloseEmitted;
function needFinish(state) {
  return (state[kState] & kNeedFinishMask) === (kEnding | kConstructed) && state.length === 0;
}

function callFinal(stream, state) {
  let called = false;
  function onFinish(err) {
    if (called) {
      destroyImpl.errorOrDestroy(stream, err ?? codes.ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    state.pendingcb--;
    if (err) {
      const onfinishCallbacks = takeOnFinished(state);
      for (let i = 0; i < onfinishCallbacks.length; i++) onfinishCallbacks[i](err);
      destroyImpl.errorOrDestroy(stream, err, state.sync);
    } else if (needFinish(state)) {
      state.prefinished = true;
      stream.emit('prefinish');
      state.pendingcb++;
      process.nextTick(finish, stream, state);
    }
  }
  state.sync = true;
  state.pendingcb++;
  try {
    stream._final(onFinish);
  } catch (err) {
    onFinish(err);
  }
  state.sync = false;
}

function prefinish(stream, state) {
  if (!state.prefinished && !state.finalCalled) {
    if (typeof stream._final === 'function' && !state.destroyed) {
      state.finalCalled = true;
      callFinal(stream, state);
    } else {
      // (Node counts the final step as called without a _final too.)
      state[kState] |= kPrefinished | kFinalCalled;
      stream.emit('prefinish');
    }
  }
}

function finishMaybe(stream, state, sync) {
  if (needFinish(state)) {
    prefinish(stream, state);
    if (state.pendingcb === 0) {
      if (sync) {
        state.pendingcb++;
        process.nextTick((s, st) => {
          if (needFinish(st)) finish(s, st);
          else st.pendingcb--;
        }, stream, state);
      } else if (needFinish(state)) {
        state.pendingcb++;
        finish(stream, state);
      }
    }
  }
}

function finish(stream, state) {
  state.pendingcb--;
  state.finished = true;
  const onfinishCallbacks = takeOnFinished(state);
  for (let i = 0; i < onfinishCallbacks.length; i++) onfinishCallbacks[i](null);
  stream.emit('finish');
  if (state.autoDestroy) {
    const rState = stream._readableState;
    const autoDestroy = !rState || (rState.autoDestroy && (rState.endEmitted || rState.readable === false));
    if (autoDestroy) stream.destroy();
  }
}

const writableGetters = {
  closed: { get() { return this._writableState ? this._writableState.closed : false; } },
  destroyed: {
    get() { return this._writableState ? this._writableState.destroyed : false; },
    set(value) { if (this._writableState) this._writableState.destroyed = value; },
  },
  writable: {
    get() {
      const w = this._writableState;
      return !!w && w.writable !== false && !w.destroyed && !w.errored && !w.ending && !w.ended;
    },
    set(val) { if (this._writableState) this._writableState.writable = !!val; },
  },
  writableFinished: { get() { return this._writableState ? this._writableState.finished : false; } },
  writableObjectMode: { get() { return this._writableState ? this._writableState.objectMode : false; } },
  writableBuffer: { get() { return this._writableState && this._writableState.getBuffer(); } },
  writableEnded: { get() { return this._writableState ? this._writableState.ending : false; } },
  writableNeedDrain: {
    get() {
      const w = this._writableState;
      if (!w) return false;
      return !w.destroyed && !w.ending && w.needDrain;
    },
  },
  writableHighWaterMark: { get() { return this._writableState && this._writableState.highWaterMark; } },
  writableCorked: { get() { return this._writableState ? this._writableState.corked : 0; } },
  writableLength: { get() { return this._writableState && this._writableState.length; } },
  errored: { enumerable: false, get() { return this._writableState ? this._writableState.errored : null; } },
  writableAborted: {
    enumerable: false,
    get() {
      const w = this._writableState;
      return !!(w.writable !== false && (w.destroyed || w.errored) && !w.finished);
    },
  },
};
for (const [name, desc] of Object.entries(writableGetters)) {
  Object.defineProperty(Writable.prototype, name, { enumerable: false, configurable: true, ...desc });
}

Writable.prototype.destroy = function destroy(err, cb) {
  const state = this._writableState;
  if (!state.destroyed && (state.bufferedIndex < state.buffered.length || (state[kState] & kOnFinished) !== 0)) {
    process.nextTick(errorBuffer, state);
  }
  destroyImpl.destroy.call(this, err, cb);
  return this;
};
Writable.prototype._undestroy = destroyImpl.undestroy;
Writable.prototype._destroy = function _destroy(err, cb) { cb(err); };
Writable.prototype[Symbol.for('nodejs.rejection')] = function (err) { this.destroy(err); };

Writable[kInternals] = { clearBuffer, finishMaybe, kEnded };

module.exports = Writable;
