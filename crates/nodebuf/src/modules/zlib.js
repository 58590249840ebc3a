// require('zlib'): Node's zlib classes (Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw,
// Unzip, BrotliCompress, BrotliDecompress) as Transform streams over the native codec handles in
// zlib.rs, the callback and sync convenience functions, flush/params/reset/close, crc32,
// constants and codes, with Node's option validation and error objects.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setImmediate } = require('timers');

const { Transform, finished } = require('stream');
const { codes } = require('internal/streams/errors');
const { makeNodeError } = require('internal/errors');
const binding = native.zlib;
// Read once at load, as Node's zlib does (tests lower buffer.kMaxLength around the require).
const kMaxLength = require('buffer').kMaxLength;

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4880,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  BROTLI_DECODE: 8, BROTLI_ENCODE: 9,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3,
  BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0, BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2,
  BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1, BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11,
  BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2, BROTLI_MIN_WINDOW_BITS: 10,
  BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30, BROTLI_DEFAULT_WINDOW: 22,
  BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16, BROTLI_MAX_INPUT_BLOCK_BITS: 24,
  BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4, BROTLI_PARAM_SIZE_HINT: 5,
  BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7, BROTLI_PARAM_NDIRECT: 8,
  BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1, BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2,
  BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7, BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31,
};
Object.setPrototypeOf(constants, null);
for (const key of Object.keys(constants)) {
  Object.defineProperty(constants, key, { writable: false, configurable: false });
}

const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_DEFAULT_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS,
  Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION, Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL,
  Z_DEFAULT_STRATEGY, Z_FIXED, DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP,
  BROTLI_DECODE, BROTLI_ENCODE, BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH,
  BROTLI_OPERATION_FINISH, BROTLI_OPERATION_EMIT_METADATA,
} = constants;

const zlibCodes = {
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
for (const key of Object.keys(zlibCodes)) zlibCodes[zlibCodes[key]] = key;
Object.freeze(zlibCodes);

const kFlushFlag = Symbol('kFlushFlag');
const kError = Symbol('kError');
const ownerSymbol = Symbol('owner_symbol');

// Flush kinds ordered from least to most flushing (the finish flush wins when ending).
const flushiness = [];
for (const [i, flag] of [Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH].entries()) {
  flushiness[flag] = i;
}
function maxFlush(a, b) {
  return flushiness[a] > flushiness[b] ? a : b;
}

// An empty Buffer per flush kind: flush(kind) writes it, _transform reads the kind off it.
const kFlushBuffers = [];
{
  const dummy = Buffer.alloc(0);
  for (const flag of [Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH, Z_BLOCK]) {
    kFlushBuffers[flag] = Buffer.from(dummy);
    kFlushBuffers[flag][kFlushFlag] = flag;
  }
}

function isArrayBufferView(v) {
  return ArrayBuffer.isView(v);
}

function isAnyArrayBuffer(v) {
  return v instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer);
}

// Node's checkFiniteNumber: undefined/NaN mean "use the default".
function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  if (typeof number !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', number);
  throw codes.ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw codes.ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

function zlibError(message, errno, code) {
  const error = new Error(message);
  error.errno = errno;
  error.code = code;
  return error;
}

// The handle the streams talk to: Node's binding object shape (write/writeSync/params/reset/
// close), running the native codec synchronously; async completions arrive on a later turn of
// the loop, as Node's thread-pool completions do. The native owner object frees the codec when
// the handle is collected without close() (during the collection, as Node's weak handles do).

class Handle {
  constructor(id, writeState) {
    this.id = id;
    this.writeState = writeState;
    this.onerror = null;
    this.closed = false;
    this.owner = binding.owner(id);
  }

  // Runs the codec; returns the error details ([message, errno, code]) or null.
  runWrite(flush, input, inOff, inLen, out, outOff, outLen) {
    const result = binding.write(this.id, flush, input, inOff, inLen, out, outOff, outLen);
    this.writeState[0] = result[0];
    this.writeState[1] = result[1];
    return result[2] ? binding.lastError(this.id) : null;
  }

  writeSync(flush, input, inOff, inLen, out, outOff, outLen) {
    const error = this.runWrite(flush, input, inOff, inLen, out, outOff, outLen);
    if (error) this.onerror(...error);
  }

  // The result (output or error) is delivered on a later turn of the loop, as Node's
  // thread-pool completions are.
  write(flush, input, inOff, inLen, out, outOff, outLen) {
    const error = this.runWrite(flush, input, inOff, inLen, out, outOff, outLen);
    setImmediate(() => {
      if (error) this.onerror(...error);
      else processCallback.call(this);
    });
  }

  params(level, strategy) {
    if (!binding.params(this.id, level, strategy)) {
      const [message, errno, code] = binding.lastError(this.id);
      this.onerror(message, errno, code);
    }
  }

  reset() {
    if (!binding.reset(this.id)) {
      const [message, errno, code] = binding.lastError(this.id);
      this.onerror(message, errno, code);
    }
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    binding.close(this.id);
  }
}

function onErrorHandler(message, errno, code) {
  const self = this[ownerSymbol];
  const error = zlibError(message, errno, code);
  self.destroy(error);
  self[kError] = error;
}

const FLUSH_BOUNDS = [[Z_NO_FLUSH, Z_BLOCK], [BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_EMIT_METADATA]];

/** The Transform every zlib/brotli stream is. */
function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  const bounds = mode === BROTLI_ENCODE || mode === BROTLI_DECODE ? FLUSH_BOUNDS[1] : FLUSH_BOUNDS[0];
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) {
      chunkSize = Z_DEFAULT_CHUNK;
    } else if (chunkSize < Z_MIN_CHUNK) {
      throw codes.ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    }
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', bounds[0], bounds[1], flush);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', bounds[0], bounds[1], finishFlush);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, kMaxLength, kMaxLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  handle[ownerSymbol] = this;
  handle.onerror = onErrorHandler;
  this._outBuffer = Buffer.allocUnsafe(chunkSize);
  this._outOffset = 0;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true,
  enumerable: true,
  get() { return !this._handle; },
});

let bytesReadWarned = false;
Object.defineProperty(ZlibBase.prototype, 'bytesRead', {
  configurable: true,
  enumerable: true,
  get() {
    if (!bytesReadWarned) {
      bytesReadWarned = true;
      process.emitWarning('zlib.bytesRead is deprecated and will change its meaning in the future. Use zlib.bytesWritten instead.', 'DeprecationWarning', 'DEP0108');
    }
    return this.bytesWritten;
  },
  set(value) {
    if (!bytesReadWarned) {
      bytesReadWarned = true;
      process.emitWarning('zlib.bytesRead is deprecated and will change its meaning in the future. Use zlib.bytesWritten instead.', 'DeprecationWarning', 'DEP0108');
    }
    this.bytesWritten = value;
  },
});

ZlibBase.prototype.reset = function reset() {
  if (!this._handle) throw new (require('assert').AssertionError)({ message: 'zlib binding closed' });
  return this._handle.reset();
};

ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._final = function _final(callback) {
  callback();
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushBuffers[kind], '', callback);
  }
};

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, cb) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  }
  processChunk(this, chunk, flushFlag, cb);
};

ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
  if (typeof cb === 'function') processChunk(this, chunk, flushFlag, cb);
  else return processChunkSync(this, chunk, flushFlag);
};

function closeHandle(engine) {
  if (!engine._handle) return;
  engine._handle.close();
  engine._handle = null;
}

function processChunkSync(self, chunk, flushFlag) {
  let availInBefore = chunk.byteLength;
  let availOutBefore = self._chunkSize - self._outOffset;
  let inOff = 0;
  let availOutAfter;
  let availInAfter;
  let buffers = null;
  let nread = 0;
  let inputRead = 0;
  const state = self._writeState;
  const handle = self._handle;
  let buffer = self._outBuffer;
  let offset = self._outOffset;
  const chunkSize = self._chunkSize;
  let error;
  self.on('error', function onError(er) { error = er; });
  while (true) {
    handle.writeSync(flushFlag, chunk, inOff, availInBefore, buffer, offset, availOutBefore);
    if (error) throw error;
    else if (self[kError]) throw self[kError];
    availOutAfter = state[0];
    availInAfter = state[1];
    const inDelta = availInBefore - availInAfter;
    inputRead += inDelta;
    const have = availOutBefore - availOutAfter;
    if (have > 0) {
      const out = buffer.slice(offset, offset + have);
      offset += have;
      if (!buffers) buffers = [out];
      else buffers.push(out);
      nread += out.byteLength;
      if (nread > self._maxOutputLength) {
        closeHandle(self);
        throw codes.ERR_BUFFER_TOO_LARGE(self._maxOutputLength);
      }
    }
    if (availOutAfter === 0 || offset >= chunkSize) {
      availOutBefore = chunkSize;
      offset = 0;
      buffer = Buffer.allocUnsafe(chunkSize);
    }
    if (availOutAfter === 0) {
      inOff += inDelta;
      availInBefore = availInAfter;
    } else {
      break;
    }
  }
  self.bytesWritten = inputRead;
  closeHandle(self);
  if (nread === 0) return Buffer.alloc(0);
  return buffers.length === 1 ? buffers[0] : Buffer.concat(buffers, nread);
}

function processChunk(self, chunk, flushFlag, cb) {
  const handle = self._handle;
  if (!handle) {
    process.nextTick(cb);
    return;
  }
  handle.buffer = chunk;
  handle.cb = cb;
  handle.availOutBefore = self._chunkSize - self._outOffset;
  handle.availInBefore = chunk.byteLength;
  handle.inOff = 0;
  handle.flushFlag = flushFlag;
  handle.write(flushFlag, chunk, 0, handle.availInBefore, self._outBuffer, self._outOffset, handle.availOutBefore);
}

function processCallback() {
  const handle = this;
  const self = this[ownerSymbol];
  const state = self._writeState;
  if (self.destroyed) {
    this.buffer = null;
    this.cb();
    return;
  }
  const availOutAfter = state[0];
  const availInAfter = state[1];
  const inDelta = handle.availInBefore - availInAfter;
  self.bytesWritten += inDelta;
  const have = handle.availOutBefore - availOutAfter;
  let streamBufferIsFull = false;
  if (have > 0) {
    const out = self._outBuffer.slice(self._outOffset, self._outOffset + have);
    self._outOffset += have;
    streamBufferIsFull = !self.push(out);
  }
  if (self.destroyed) {
    this.cb();
    return;
  }
  if (availOutAfter === 0 || self._outOffset >= self._chunkSize) {
    handle.availOutBefore = self._chunkSize;
    self._outOffset = 0;
    self._outBuffer = Buffer.allocUnsafe(self._chunkSize);
  }
  if (availOutAfter === 0) {
    handle.inOff += inDelta;
    handle.availInBefore = availInAfter;
    const again = () => {
      handle.write(handle.flushFlag, this.buffer, handle.inOff, handle.availInBefore,
        self._outBuffer, self._outOffset, self._chunkSize);
    };
    if (!streamBufferIsFull) {
      again();
    } else {
      const oldRead = self._read;
      self._read = (n) => {
        self._read = oldRead;
        again();
        self._read(n);
      };
    }
    return;
  }
  if (availInAfter > 0) {
    // Input left with output room to spare: the codec reached the end of its stream.
    self.push(null);
  }
  this.buffer = null;
  this.cb();
}

const zlibDefaultOpts = { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH };

/** Deflate/Inflate/Gzip/... share this: validates zlib options and opens the codec. */
function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits', min, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
    dictionary = opts.dictionary;
    if (dictionary !== undefined && !isArrayBufferView(dictionary)) {
      if (isAnyArrayBuffer(dictionary)) {
        dictionary = Buffer.from(dictionary);
      } else {
        throw codes.ERR_INVALID_ARG_TYPE('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
      }
    }
  }
  // zlib takes no 8-bit window for raw deflate; it writes the 9-bit one Node asks for instead.
  const nativeWindowBits = mode === DEFLATERAW && windowBits === 8 ? 9 : windowBits;
  const id = binding.init(mode, level, nativeWindowBits, memLevel, strategy, dictionary, undefined);
  if (id < 0) throw codes.ERR_ZLIB_INITIALIZATION_FAILED();
  this._writeState = new Uint32Array(2);
  const handle = new Handle(id, this._writeState);
  ZlibBase.call(this, opts, mode, handle, zlibDefaultOpts);
  this._level = level;
  this._strategy = strategy;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, () => {
      if (!this._handle) throw new (require('assert').AssertionError)({ message: 'zlib binding closed' });
      this._handle.params(level, strategy);
      if (!this.destroyed) {
        this._level = level;
        this._strategy = strategy;
        if (callback) callback();
      }
    });
  } else {
    process.nextTick(callback);
  }
};

function defineZlibClass(name, mode) {
  const ctor = {
    [name]: function (opts) {
      if (!(this instanceof ctor)) return new ctor(opts);
      Reflect.apply(Zlib, this, [opts, mode]);
    },
  }[name];
  Object.setPrototypeOf(ctor.prototype, Zlib.prototype);
  Object.setPrototypeOf(ctor, Zlib);
  return ctor;
}

const Deflate = defineZlibClass('Deflate', DEFLATE);
const Inflate = defineZlibClass('Inflate', INFLATE);
const Gzip = defineZlibClass('Gzip', GZIP);
const Gunzip = defineZlibClass('Gunzip', GUNZIP);
const DeflateRaw = defineZlibClass('DeflateRaw', DEFLATERAW);
const InflateRaw = defineZlibClass('InflateRaw', INFLATERAW);
const Unzip = defineZlibClass('Unzip', UNZIP);

const kMaxBrotliParam = 8;
const brotliDefaultOpts = {
  flush: BROTLI_OPERATION_PROCESS,
  finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH,
};

/** BrotliCompress/BrotliDecompress share this: validates `params` and opens the codec. */
function Brotli(opts, mode) {
  const params = new Uint32Array(kMaxBrotliParam + 1).fill(0xffffffff);
  if (opts && opts.params) {
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || key > kMaxBrotliParam || params[key] !== 0xffffffff) {
        throw makeNodeError(RangeError, 'ERR_BROTLI_INVALID_PARAM', `${origKey} is not a valid Brotli parameter`);
      }
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw codes.ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      params[key] = value;
    }
  }
  const id = binding.init(mode, 0, 0, 0, 0, undefined, params);
  if (id < 0) throw codes.ERR_ZLIB_INITIALIZATION_FAILED();
  this._writeState = new Uint32Array(2);
  const handle = new Handle(id, this._writeState);
  ZlibBase.call(this, opts, mode, handle, brotliDefaultOpts);
}
Object.setPrototypeOf(Brotli.prototype, Zlib.prototype);
Object.setPrototypeOf(Brotli, Zlib);

function defineBrotliClass(name, mode) {
  const ctor = {
    [name]: function (opts) {
      if (!(this instanceof ctor)) return new ctor(opts);
      Reflect.apply(Brotli, this, [opts, mode]);
    },
  }[name];
  Object.setPrototypeOf(ctor.prototype, Brotli.prototype);
  Object.setPrototypeOf(ctor, Brotli);
  return ctor;
}

const BrotliCompress = defineBrotliClass('BrotliCompress', BROTLI_ENCODE);
const BrotliDecompress = defineBrotliClass('BrotliDecompress', BROTLI_DECODE);

function toInputBuffer(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (!isArrayBufferView(buffer)) {
    if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
    throw codes.ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
  }
  return buffer;
}

function zlibBuffer(engine, buffer, callback) {
  require('internal/errors').validateFunction(callback, 'callback');
  buffer = toInputBuffer(buffer);
  engine.buffers = null;
  engine.nread = 0;
  engine.cb = callback;
  engine.on('data', zlibBufferOnData);
  engine.on('error', zlibBufferOnError);
  engine.on('end', zlibBufferOnEnd);
  engine.end(buffer);
}

function zlibBufferOnData(chunk) {
  if (!this.buffers) this.buffers = [chunk];
  else this.buffers.push(chunk);
  this.nread += chunk.length;
  if (this.nread > this._maxOutputLength) {
    this.close();
    this.removeAllListeners('end');
    this.cb(codes.ERR_BUFFER_TOO_LARGE(this._maxOutputLength));
  }
}

function zlibBufferOnError(err) {
  this.removeAllListeners('end');
  this.cb(err);
}

function zlibBufferOnEnd() {
  let buf;
  if (this.nread === 0) {
    buf = Buffer.alloc(0);
  } else {
    const bufs = this.buffers;
    buf = bufs.length === 1 ? bufs[0] : Buffer.concat(bufs, this.nread);
  }
  this.close();
  if (this._info) this.cb(null, { buffer: buf, engine: this });
  else this.cb(null, buf);
}

function zlibBufferSync(engine, buffer) {
  buffer = toInputBuffer(buffer);
  buffer = processChunkSync(engine, buffer, engine._finishFlushFlag);
  if (engine._info) return { buffer, engine };
  return buffer;
}

function asyncMethod(Ctor, name) {
  return {
    [name]: function (buffer, opts, callback) {
      if (typeof opts === 'function') {
        callback = opts;
        opts = {};
      }
      return zlibBuffer(new Ctor(opts), buffer, callback);
    },
  }[name];
}

function syncMethod(Ctor, name) {
  return { [name]: function (buffer, opts) { return zlibBufferSync(new Ctor(opts), buffer); } }[name];
}

/** zlib.crc32(data[, value]): CRC-32 of a string (UTF-8) or bytes, continuing from value. */
function crc32(data, value = 0) {
  if (typeof data !== 'string' && !isArrayBufferView(data)) {
    throw codes.ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  require('internal/errors').validateInteger(value, 'value', 0, 0xffffffff);
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  return binding.crc32(bytes, value);
}

module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  deflate: asyncMethod(Deflate, 'deflate'),
  deflateSync: syncMethod(Deflate, 'deflateSync'),
  gzip: asyncMethod(Gzip, 'gzip'),
  gzipSync: syncMethod(Gzip, 'gzipSync'),
  deflateRaw: asyncMethod(DeflateRaw, 'deflateRaw'),
  deflateRawSync: syncMethod(DeflateRaw, 'deflateRawSync'),
  unzip: asyncMethod(Unzip, 'unzip'),
  unzipSync: syncMethod(Unzip, 'unzipSync'),
  inflate: asyncMethod(Inflate, 'inflate'),
  inflateSync: syncMethod(Inflate, 'inflateSync'),
  gunzip: asyncMethod(Gunzip, 'gunzip'),
  gunzipSync: syncMethod(Gunzip, 'gunzipSync'),
  inflateRaw: asyncMethod(InflateRaw, 'inflateRaw'),
  inflateRawSync: syncMethod(InflateRaw, 'inflateRawSync'),
  brotliCompress: asyncMethod(BrotliCompress, 'brotliCompress'),
  brotliCompressSync: syncMethod(BrotliCompress, 'brotliCompressSync'),
  brotliDecompress: asyncMethod(BrotliDecompress, 'brotliDecompress'),
  brotliDecompressSync: syncMethod(BrotliDecompress, 'brotliDecompressSync'),
};

for (const [Ctor, name] of [[Deflate, 'createDeflate'], [Inflate, 'createInflate'], [DeflateRaw, 'createDeflateRaw'],
  [InflateRaw, 'createInflateRaw'], [Gzip, 'createGzip'], [Gunzip, 'createGunzip'], [Unzip, 'createUnzip'],
  [BrotliCompress, 'createBrotliCompress'], [BrotliDecompress, 'createBrotliDecompress']]) {
  module.exports[name] = { [name]: function (options) { return new Ctor(options); } }[name];
}

Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: constants },
  codes: { enumerable: true, writable: false, value: zlibCodes },
});

// The deprecated top-level copies of the zlib (not brotli) constants.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, { enumerable: false, value: constants[key], writable: false });
}
