// stream.Readable: the read buffer, flowing/paused modes, 'readable'/'data'/'end' in Node's order,
// pipe/unpipe with backpressure, setEncoding, async iteration and Readable.from.
'use strict';

const {
  Stream, prependListener, getHighWaterMark, getDefaultHighWaterMark, validDefaultEncoding, kInternals,
} = require('internal/streams/legacy');
const { codes, aggregateTwoErrors } = require('internal/streams/errors');
const destroyImpl = require('internal/streams/destroy');
const { validateAbortSignal } = require('internal/streams/abort');

const {
  kState, defineFlagAccessors, defineValueAccessor, defineTriStateAccessor, defineDefaultEncodingAccessor,
  kObjectMode, kErrorEmitted, kAutoDestroy, kEmitClose, kDestroyed, kClosed, kCloseEmitted, kErrored,
  kConstructed, kDestroyedOrErrored, kErroredValue,
} = require('internal/streams/state');

const nop = () => {};

// The bits of `_readableState[kState]`, Node v20.20's (the first nine, both states', come from
// internal/streams/state).
const kEnded = 1 << 9;
const kEndEmitted = 1 << 10;
const kReading = 1 << 11;
const kSync = 1 << 12;
const kNeedReadable = 1 << 13;
const kEmittedReadable = 1 << 14;
const kReadableListening = 1 << 15;
const kResumeScheduled = 1 << 16;
const kMultiAwaitDrain = 1 << 17;
const kReadingMore = 1 << 18;
const kDataEmitted = 1 << 19;
const kDefaultUTF8Encoding = 1 << 20;
const kDecoder = 1 << 21;
const kEncoding = 1 << 22;
const kHasFlowing = 1 << 23;
const kFlowing = 1 << 24;
const kHasPaused = 1 << 25;
const kPaused = 1 << 26;

// Combinations the read path tests and sets (named once: the engine does not fold constants).
const kFlowingNow = kHasFlowing | kFlowing;
const kFlowingNowOrSync = kFlowingNow | kSync;
// A read calls _read only when constructed and not ended, reading, destroyed or errored.
const kReadGateMask = kEnded | kReading | kDestroyed | kErrored | kConstructed;
const kReadStarted = kReading | kSync;
const kNotReading = ~kReading;
const kNotSync = ~kSync;
// A chunk read is emitted as 'data' unless the stream's error or close was emitted.
const kEmittedDataMask = kErrorEmitted | kCloseEmitted;

const kDecoderValue = Symbol('kDecoderValue');
const kEncodingValue = Symbol('kEncodingValue');

/** The state Node keeps in `readable._readableState` (its own fields and accessors). */
function ReadableState(options, stream, isDuplex) {
  if (typeof isDuplex !== 'boolean') isDuplex = (Stream.Duplex !== undefined && stream instanceof Stream.Duplex);
  let bits = kEmitClose | kAutoDestroy | kConstructed | kSync;
  if (options && (options.objectMode || (isDuplex && options.readableObjectMode))) bits |= kObjectMode;
  this[kState] = bits;
  this.highWaterMark = options
    ? getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex)
    : getDefaultHighWaterMark(false);
  this.buffer = [];
  this.bufferIndex = 0;
  this.length = 0;
  this.pipes = [];
  this.awaitDrainWriters = null;
  if (options && options.emitClose === false) this[kState] &= ~kEmitClose;
  if (options && options.autoDestroy === false) this[kState] &= ~kAutoDestroy;
  const defaultEncoding = validDefaultEncoding(options);
  if (defaultEncoding === 'utf8' || defaultEncoding === 'utf-8') this[kState] |= kDefaultUTF8Encoding;
  else this.defaultEncoding = defaultEncoding;
  if (options && options.encoding) {
    const { StringDecoder } = require('internal/streams/decoder');
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

defineFlagAccessors(ReadableState.prototype, [
  ['objectMode', kObjectMode], ['ended', kEnded], ['endEmitted', kEndEmitted], ['reading', kReading],
  ['constructed', kConstructed], ['sync', kSync], ['needReadable', kNeedReadable],
  ['emittedReadable', kEmittedReadable], ['readableListening', kReadableListening],
  ['resumeScheduled', kResumeScheduled], ['errorEmitted', kErrorEmitted], ['emitClose', kEmitClose],
  ['autoDestroy', kAutoDestroy], ['destroyed', kDestroyed], ['closed', kClosed],
  ['closeEmitted', kCloseEmitted], ['multiAwaitDrain', kMultiAwaitDrain], ['readingMore', kReadingMore],
  ['dataEmitted', kDataEmitted],
]);
defineValueAccessor(ReadableState.prototype, 'errored', kErrored, kErroredValue, null);
defineDefaultEncodingAccessor(ReadableState.prototype, kDefaultUTF8Encoding);
defineValueAccessor(ReadableState.prototype, 'decoder', kDecoder, kDecoderValue, null);
defineValueAccessor(ReadableState.prototype, 'encoding', kEncoding, kEncodingValue, null);
defineTriStateAccessor(ReadableState.prototype, 'flowing', kHasFlowing, kFlowing, null, true);
Object.defineProperty(ReadableState.prototype, 'pipesCount', {
  enumerable: false,
  configurable: false,
  get() { return this.pipes.length; },
});
defineTriStateAccessor(ReadableState.prototype, 'paused', kHasPaused, kPaused, false, false);

/** `new Readable(options)`: options read/destroy/construct/signal become the stream's methods. */
function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);
  const isDuplex = Stream.Duplex !== undefined && this instanceof Stream.Duplex;
  // The common events' slots, preset as Node presets them (EventEmitter's shape mode).
  this._events ??= { close: undefined, error: undefined, data: undefined, end: undefined, readable: undefined };
  this._readableState = new ReadableState(options, this, isDuplex);
  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') this._construct = options.construct;
    if (options.signal && !isDuplex) require('internal/streams/add-abort-signal').addAbortSignal(options.signal, this);
  }
  Stream.call(this, options);
  // (The closure only for a stream with _construct: construct() does nothing otherwise.)
  if (typeof this._construct === 'function') destroyImpl.construct(this, () => {
    if (this._readableState.needReadable) maybeReadMore(this, this._readableState);
  });
}
Object.setPrototypeOf(Readable.prototype, Stream.prototype);
Object.setPrototypeOf(Readable, Stream);
Readable.ReadableState = ReadableState;

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function _destroy(err, cb) { cb(err); };
Readable.prototype[require('events').captureRejectionSymbol || Symbol.for('nodejs.rejection')] = function (err) {
  this.destroy(err);
};
if (Symbol.asyncDispose) {
  Readable.prototype[Symbol.asyncDispose] = function asyncDispose() {
    let error;
    if (!this.destroyed) {
      error = this.readableEnded ? null : new (require('internal/streams/errors').AbortError)();
      this.destroy(error);
    }
    return new Promise((resolve, reject) => require('internal/streams/end-of-stream').eos(this, (err) => (err && err !== error ? reject(err) : resolve(null))));
  };
}

Readable.prototype.push = function push(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, false);
};

Readable.prototype.unshift = function unshift(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, true);
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;
  // (Read once: the conversions below leave the state alone.)
  const bits = state[kState];
  let err;
  if ((bits & kObjectMode) === 0) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) {
          chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = Buffer.from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (chunk instanceof Buffer) {
      encoding = '';
    } else if (Stream._isArrayBufferView(chunk)) {
      chunk = Stream._uint8ArrayToBuffer(chunk);
      encoding = '';
    } else if (chunk != null) {
      err = codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
  }
  if (err) {
    destroyImpl.errorOrDestroy(stream, err);
  } else if (chunk === null) {
    state[kState] = bits & ~kReading;
    onEofChunk(stream, state);
  } else if ((bits & kObjectMode) !== 0 || (chunk && chunk.length > 0)) {
    if (addToFront) {
      if ((bits & kEndEmitted) !== 0) destroyImpl.errorOrDestroy(stream, codes.ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      else if ((bits & kDestroyedOrErrored) !== 0) return false;
      else addChunk(stream, state, chunk, true, bits);
    } else if ((bits & kEnded) !== 0) {
      destroyImpl.errorOrDestroy(stream, codes.ERR_STREAM_PUSH_AFTER_EOF());
    } else if ((bits & kDestroyedOrErrored) !== 0) {
      return false;
    } else {
      state[kState] = bits & kNotReading;
      if ((bits & kDecoder) !== 0 && !encoding) {
        chunk = state[kDecoderValue].write(chunk);
        if ((bits & kObjectMode) !== 0 || chunk.length !== 0) {
          addChunk(stream, state, chunk, false, bits & kNotReading);
        } else {
          maybeReadMore(stream, state);
        }
      } else {
        addChunk(stream, state, chunk, false, bits & kNotReading);
      }
    }
  } else if (!addToFront) {
    state[kState] = bits & ~kReading;
    maybeReadMore(stream, state);
  }
  return (state[kState] & kEnded) === 0 && (state.length < state.highWaterMark || state.length === 0);
}

// `bits`: the state's kState as the caller left it.
function addChunk(stream, state, chunk, addToFront, bits) {
  if ((bits & kFlowingNowOrSync) === kFlowingNow && state.length === 0 &&
      stream.listenerCount('data') > 0) {
    if ((bits & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
    state[kState] |= kDataEmitted;
    stream.emit('data', chunk);
  } else {
    state.length += (bits & kObjectMode) !== 0 ? 1 : chunk.length;
    if (!addToFront) state.buffer.push(chunk);
    else if (state.bufferIndex > 0) state.buffer[--state.bufferIndex] = chunk;
    else state.buffer.unshift(chunk);
    if ((bits & kNeedReadable) !== 0) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function isPaused() {
  const state = this._readableState;
  const bits = state[kState];
  return (bits & kPaused) !== 0 || (bits & kFlowingNow) === kHasFlowing;
};

Readable.prototype.setEncoding = function setEncoding(enc) {
  const { StringDecoder } = require('internal/streams/decoder');
  const decoder = new StringDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  state.encoding = decoder.encoding;
  let content = '';
  const buffer = state.buffer;
  for (let i = state.bufferIndex; i < buffer.length; i++) content += decoder.write(buffer[i]);
  buffer.length = 0;
  state.bufferIndex = 0;
  if (content !== '') buffer.push(content);
  state.length = content.length;
  return this;
};

const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) throw codes.ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  n++;
  return n;
}

// `bits`: the state's kState, read by the caller.
function howMuchToRead(n, state, bits) {
  if (n <= 0 || (state.length === 0 && (bits & kEnded) !== 0)) return 0;
  if ((bits & kObjectMode) !== 0) return 1;
  if (Number.isNaN(n)) {
    if ((bits & kFlowing) !== 0 && state.length) return state.buffer[state.bufferIndex].length;
    return state.length;
  }
  if (n <= state.length) return n;
  return (bits & kEnded) !== 0 ? state.length : 0;
}

Readable.prototype.read = function read(n) {
  if (n === undefined) n = NaN;
  else if (!Number.isInteger(n)) n = Number.parseInt(n, 10);
  const state = this._readableState;
  const nOrig = n;
  if (n > state.highWaterMark) state.highWaterMark = computeNewHighWaterMark(n);
  // The state's bits are kept in `bits` and written back where a call could see them (reading
  // them costs more than a field in this engine, and a read of a chunk tests many).
  let bits = state[kState];
  if (n !== 0 && (bits & kEmittedReadable) !== 0) {
    bits &= ~kEmittedReadable;
    state[kState] = bits;
  }
  if (n === 0 && (bits & kNeedReadable) !== 0 &&
      ((state.highWaterMark !== 0 ? state.length >= state.highWaterMark : state.length > 0) ||
       (bits & kEnded) !== 0)) {
    if (state.length === 0 && (bits & kEnded) !== 0) endReadable(this);
    else emitReadable(this);
    return null;
  }
  n = howMuchToRead(n, state, bits);
  if (n === 0 && (bits & kEnded) !== 0) {
    if (state.length === 0) endReadable(this);
    return null;
  }
  let doRead = (bits & kNeedReadable) !== 0;
  if (state.length === 0 || state.length - n < state.highWaterMark) doRead = true;
  if ((bits & kReadGateMask) !== kConstructed) {
    doRead = false;
  } else if (doRead) {
    bits |= kReadStarted;
    if (state.length === 0) bits |= kNeedReadable;
    state[kState] = bits;
    try {
      this._read(state.highWaterMark);
    } catch (err) {
      destroyImpl.errorOrDestroy(this, err);
    }
    bits = state[kState] & kNotSync;
    state[kState] = bits;
    if ((bits & kReading) === 0) n = howMuchToRead(nOrig, state, bits);
  }
  let ret = n > 0 ? fromList(n, state, bits) : null;
  if (ret === null) {
    if (state.length <= state.highWaterMark) bits |= kNeedReadable;
    else bits &= ~kNeedReadable;
    n = 0;
  } else {
    state.length -= n;
    if ((bits & kMultiAwaitDrain) !== 0) state.awaitDrainWriters.clear();
    else state.awaitDrainWriters = null;
  }
  if (state.length === 0 && (bits & kEnded) === 0) bits |= kNeedReadable;
  if (ret !== null && (bits & kEmittedDataMask) === 0) bits |= kDataEmitted;
  state[kState] = bits;
  if (state.length === 0 && nOrig !== n && (bits & kEnded) !== 0) endReadable(this);
  if (ret !== null && (bits & kEmittedDataMask) === 0) this.emit('data', ret);
  return ret;
};

function onEofChunk(stream, state) {
  if (state.ended) return;
  if (state.decoder) {
    const chunk = state.decoder.end();
    if (chunk && chunk.length) {
      state.buffer.push(chunk);
      state.length += state.objectMode ? 1 : chunk.length;
    }
  }
  state.ended = true;
  if (state.sync) {
    emitReadable(stream);
  } else {
    state.needReadable = false;
    state.emittedReadable = true;
    emitReadableNT(stream);
  }
}

function emitReadable(stream) {
  const state = stream._readableState;
  const bits = state[kState];
  if ((bits & kEmittedReadable) === 0) {
    state[kState] = (bits & ~kNeedReadable) | kEmittedReadable;
    process.nextTick(emitReadableNT, stream);
  } else {
    state[kState] = bits & ~kNeedReadable;
  }
}

function emitReadableNT(stream) {
  const state = stream._readableState;
  if ((state[kState] & kDestroyedOrErrored) === 0 && (state.length || (state[kState] & kEnded) !== 0)) {
    stream.emit('readable');
    state[kState] &= ~kEmittedReadable;
  }
  if ((state[kState] & (kFlowing | kEnded)) === 0 && state.length <= state.highWaterMark) {
    state[kState] |= kNeedReadable;
  } else {
    state[kState] &= ~kNeedReadable;
  }
  flow(stream);
}

function maybeReadMore(stream, state) {
  if ((state[kState] & (kReadingMore | kConstructed)) === kConstructed) {
    state[kState] |= kReadingMore;
    process.nextTick(maybeReadMoreNT, stream, state);
  }
}

function maybeReadMoreNT(stream, state) {
  while ((state[kState] & (kReading | kEnded)) === 0 &&
         (state.length < state.highWaterMark || ((state[kState] & kFlowing) !== 0 && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state[kState] &= ~kReadingMore;
}

Readable.prototype._read = function _read() {
  throw codes.ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

Readable.prototype.pipe = function pipe(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;
  if (state.pipes.length === 1 && !state.multiAwaitDrain) {
    state.multiAwaitDrain = true;
    state.awaitDrainWriters = new Set(state.awaitDrainWriters ? [state.awaitDrainWriters] : []);
  }
  state.pipes.push(dest);
  const doEnd = (!pipeOpts || pipeOpts.end !== false) && dest !== process.stdout && dest !== process.stderr;
  const endFn = doEnd ? onend : unpipe;
  if (state.endEmitted) process.nextTick(endFn);
  else src.once('end', endFn);
  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src && unpipeInfo && unpipeInfo.hasUnpiped === false) {
      unpipeInfo.hasUnpiped = true;
      cleanup();
    }
  }
  function onend() { dest.end(); }
  let ondrain;
  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);
    cleanedUp = true;
    if (ondrain && state.awaitDrainWriters && (!dest._writableState || dest._writableState.needDrain)) ondrain();
  }
  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.multiAwaitDrain = false;
      } else if (state.pipes.length > 1 && state.pipes.includes(dest)) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }
  src.on('data', ondata);
  function ondata(chunk) {
    const ret = dest.write(chunk);
    if (ret === false) pause();
  }
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) destroyImpl.errorOrDestroy(dest, er);
      else dest.emit('error', er);
    }
  }
  prependListener(dest, 'error', onerror);
  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);
  function unpipe() { src.unpipe(dest); }
  dest.emit('pipe', src);
  if (dest.writableNeedDrain === true) pause();
  else if (!state.flowing) src.resume();
  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) state.awaitDrainWriters = null;
    else if (state.multiAwaitDrain) state.awaitDrainWriters.delete(dest);
    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) && src.listenerCount('data')) {
      src.resume();
    }
  };
}

Readable.prototype.unpipe = function unpipe(dest) {
  const state = this._readableState;
  const unpipeInfo = { hasUnpiped: false };
  if (state.pipes.length === 0) return this;
  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();
    for (let i = 0; i < dests.length; i++) dests[i].emit('unpipe', this, { hasUnpiped: false });
    return this;
  }
  const index = state.pipes.indexOf(dest);
  if (index === -1) return this;
  state.pipes.splice(index, 1);
  if (state.pipes.length === 0) this.pause();
  dest.emit('unpipe', this, unpipeInfo);
  return this;
};

Readable.prototype.on = function on(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;
  if (ev === 'data') {
    state.readableListening = this.listenerCount('readable') > 0;
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if (!state.endEmitted && !state.readableListening) {
      state.readableListening = state.needReadable = true;
      state.flowing = false;
      state.emittedReadable = false;
      if (state.length) emitReadable(this);
      else if (!state.reading) process.nextTick(nReadingNextTick, this);
    }
  }
  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function removeListener(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') process.nextTick(updateReadableListening, this);
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function removeAllListeners(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) process.nextTick(updateReadableListening, this);
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  state.readableListening = self.listenerCount('readable') > 0;
  if (state.resumeScheduled && (state[kState] & (kHasPaused | kPaused)) === kHasPaused) state.flowing = true;
  else if (self.listenerCount('data') > 0) self.resume();
  else if (!state.readableListening) state.flowing = null;
}

function nReadingNextTick(self) {
  self.read(0);
}

Readable.prototype.resume = function resume() {
  const state = this._readableState;
  if (!state.flowing) {
    state.flowing = !state.readableListening;
    if (!state.resumeScheduled) {
      state.resumeScheduled = true;
      process.nextTick(resumeNT, this, state);
    }
  }
  state[kState] = (state[kState] | kHasPaused) & ~kPaused;
  return this;
};

function resumeNT(stream, state) {
  if (!state.reading) stream.read(0);
  state.resumeScheduled = false;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && !state.reading) stream.read(0);
}

Readable.prototype.pause = function pause() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state[kState] |= kHasPaused | kPaused;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while ((state[kState] & kFlowing) !== 0 && stream.read() !== null);
}

Readable.prototype.wrap = function wrap(stream) {
  let paused = false;
  stream.on('data', (chunk) => {
    if (!this.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });
  stream.on('end', () => { this.push(null); });
  stream.on('error', (err) => { destroyImpl.errorOrDestroy(this, err); });
  stream.on('close', () => { this.destroy(); });
  stream.on('destroy', () => { this.destroy(); });
  this._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };
  const keys = Object.keys(stream);
  for (let j = 1; j < keys.length; j++) {
    const i = keys[j];
    if (this[i] === undefined && typeof stream[i] === 'function') this[i] = stream[i].bind(stream);
  }
  return this;
};

Readable.prototype[Symbol.asyncIterator] = function asyncIterator() {
  return streamToAsyncIterator(this);
};

Readable.prototype.iterator = function iterator(options) {
  if (options !== undefined) require('internal/errors').validateObject(options, 'options');
  return streamToAsyncIterator(this, options);
};

function streamToAsyncIterator(stream, options) {
  if (typeof stream.read !== 'function') stream = Readable.wrap(stream, { objectMode: true });
  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  return iter;
}

async function* createAsyncIterator(stream, options) {
  const { eos } = require('internal/streams/end-of-stream');
  let callback = nop;
  function next(resolve) {
    if (this === stream) {
      callback();
      callback = nop;
    } else {
      callback = resolve;
    }
  }
  stream.on('readable', next);
  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    callback();
    callback = nop;
  });
  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) yield chunk;
      else if (error) throw error;
      else if (error === null) return;
      else await new Promise(next);
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    if ((error || (options && options.destroyOnReturn) !== false) &&
        (error === undefined || stream._readableState.autoDestroy)) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

function defineGetters(proto, getters) {
  for (const [name, desc] of Object.entries(getters)) {
    Object.defineProperty(proto, name, { enumerable: false, configurable: true, ...desc });
  }
}

defineGetters(Readable.prototype, {
  readable: {
    get() {
      const r = this._readableState;
      return !!r && r.readable !== false && !r.destroyed && !r.errorEmitted && !r.endEmitted;
    },
    set(val) {
      if (this._readableState) this._readableState.readable = !!val;
    },
  },
  readableDidRead: { enumerable: false, get() { return this._readableState.dataEmitted; } },
  readableAborted: {
    enumerable: false,
    get() {
      const r = this._readableState;
      return !!(r.readable !== false && (r.destroyed || r.errored) && !r.endEmitted);
    },
  },
  readableHighWaterMark: { enumerable: false, get() { return this._readableState.highWaterMark; } },
  readableBuffer: { enumerable: false, get() { return this._readableState && this._readableState.buffer; } },
  readableFlowing: {
    enumerable: false,
    get() { return this._readableState.flowing; },
    set(state) { if (this._readableState) this._readableState.flowing = state; },
  },
  readableLength: { enumerable: false, get() { return this._readableState.length; } },
  readableObjectMode: { enumerable: false, get() { return this._readableState ? this._readableState.objectMode : false; } },
  readableEncoding: { enumerable: false, get() { return this._readableState ? this._readableState.encoding : null; } },
  errored: { enumerable: false, get() { return this._readableState ? this._readableState.errored : null; } },
  closed: { get() { return this._readableState ? this._readableState.closed : false; } },
  destroyed: {
    enumerable: false,
    get() { return this._readableState ? this._readableState.destroyed : false; },
    set(value) {
      if (!this._readableState) return;
      this._readableState.destroyed = value;
    },
  },
  readableEnded: { enumerable: false, get() { return this._readableState ? this._readableState.endEmitted : false; } },
});

// Takes `n` bytes (or characters; one item in object mode; all when n is 0 or covers the length)
// off the front of the buffer. As Node v20.20: consumed slots are set to null and `bufferIndex`
// moves past them, so taking one chunk at a time from a long buffer is not quadratic; the array
// is emptied once all is taken, and its consumed front cut off past 1024 slots.
// `bits`: the state's kState, read by the caller.
function fromList(n, state, bits) {
  if (state.length === 0) return null;
  const buffer = state.buffer;
  const end = buffer.length;
  let index = state.bufferIndex;
  let ret;
  if ((bits & kObjectMode) !== 0) {
    ret = buffer[index];
    buffer[index++] = null;
  } else if (!n || n >= state.length) {
    if ((bits & kDecoder) !== 0) {
      ret = '';
      while (index < end) {
        ret += buffer[index];
        buffer[index++] = null;
      }
    } else if (end - index === 1) {
      ret = buffer[index];
      buffer[index++] = null;
    } else {
      ret = Buffer.allocUnsafe(state.length);
      let offset = 0;
      while (index < end) {
        const chunk = buffer[index];
        ret.set(chunk, offset);
        offset += chunk.length;
        buffer[index++] = null;
      }
    }
  } else {
    const first = buffer[index];
    if (n < first.length) {
      // (slice: the same for strings and Buffers)
      ret = first.slice(0, n);
      buffer[index] = first.slice(n);
    } else if (n === first.length) {
      ret = first;
      buffer[index++] = null;
    } else if ((bits & kDecoder) !== 0) {
      ret = '';
      while (n > 0) {
        const str = buffer[index];
        if (n >= str.length) {
          ret += str;
          n -= str.length;
          buffer[index++] = null;
        } else {
          ret += str.slice(0, n);
          buffer[index] = str.slice(n);
          n = 0;
        }
      }
    } else {
      ret = Buffer.allocUnsafe(n);
      let offset = 0;
      while (offset < n) {
        const chunk = buffer[index];
        const take = Math.min(n - offset, chunk.length);
        if (take === chunk.length) {
          ret.set(chunk, offset);
          buffer[index++] = null;
        } else {
          ret.set(chunk.subarray(0, take), offset);
          buffer[index] = chunk.subarray(take);
        }
        offset += take;
      }
    }
  }
  if (index === end) {
    buffer.length = 0;
    state.bufferIndex = 0;
  } else if (index > 1024) {
    buffer.splice(0, index);
    state.bufferIndex = 0;
  } else {
    state.bufferIndex = index;
  }
  return ret;
}

function endReadable(stream) {
  const state = stream._readableState;
  if (!state.endEmitted) {
    state.ended = true;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  if (!state.errored && !state.closeEmitted && !state.endEmitted && state.length === 0) {
    state.endEmitted = true;
    stream.emit('end');
    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNT, stream);
    } else if (state.autoDestroy) {
      const wState = stream._writableState;
      const autoDestroy = !wState || (wState.autoDestroy && (wState.finished || wState.writable === false));
      if (autoDestroy) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  const writable = stream.writable && !stream.writableEnded && !stream.destroyed;
  if (writable) stream.end();
}

/** Readable.from(iterable|asyncIterable|string|Buffer[, options]). */
Readable.from = function from(iterable, opts) {
  return fromIterable(Readable, iterable, opts);
};

// Readable.from with the class to construct (Duplex.from builds Duplexes the same way).
function fromIterable(Ctor, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Buffer) {
    return new Ctor({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }
  let isAsync;
  let iterator;
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && typeof iterable[Symbol.iterator] === 'function') {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw codes.ERR_INVALID_ARG_TYPE('iterable', ['Iterable'], iterable);
  }
  const readable = new Ctor({ objectMode: true, highWaterMark: 1, ...opts });
  let reading = false;
  readable._read = function () {
    if (!reading) {
      reading = true;
      next();
    }
  };
  readable._destroy = function (error, cb) {
    close(error).then(
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error),
    );
  };
  async function close(error) {
    const hadError = error !== undefined && error !== null;
    const hasThrow = typeof iterator.throw === 'function';
    if (hadError && hasThrow) {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }
  async function next() {
    for (;;) {
      try {
        const { value, done } = isAsync ? await iterator.next() : iterator.next();
        if (done) {
          readable.push(null);
        } else {
          const res = value && typeof value.then === 'function' ? await value : value;
          if (res === null) {
            reading = false;
            throw codes.ERR_STREAM_NULL_VALUES();
          } else if (readable.push(res)) {
            continue;
          } else {
            reading = false;
          }
        }
      } catch (err) {
        readable.destroy(err);
      }
      break;
    }
  }
  return readable;
}

/** Readable.wrap(oldStream[, options]): a Readable reading from an old-style stream. */
Readable.wrap = function wrap(src, options) {
  return new Readable({
    objectMode: (src.readableObjectMode ?? src.objectMode ?? true),
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};

Readable[kInternals] = { maybeReadMore, fromIterable, kEnded };

module.exports = Readable;
