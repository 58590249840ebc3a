// `require('string_decoder')`: Node's StringDecoder. The state machine for characters split
// across chunks lives in nodebuf-core (native.stringDecoderWrite/Flush); this class keeps Node's
// observable shape: an own `encoding`, the 7-byte state Buffer under Symbol(kNativeDecoder),
// and `lastChar`/`lastNeed`/`lastTotal` read from that state.
'use strict';

const { codes, makeNodeError } = require('internal/errors');

const kNativeDecoder = Symbol('kNativeDecoder');
const kMissingBytes = 4;
const kBufferedBytes = 5;
const kEncodingField = 6;
const kSize = 7;
const ArrayBufferIsView = ArrayBuffer.isView;
const TypedArraySubarray = Object.getPrototypeOf(Uint8Array.prototype).subarray;
const stringDecoderWrite = native.stringDecoderWrite;
const stringDecoderFlush = native.stringDecoderFlush;

// Node's numbering of encodings in the state's last byte.
const encodingsMap = { ascii: 0, utf8: 1, base64: 2, utf16le: 3, latin1: 4, hex: 5, base64url: 7 };
const aliases = {
  'utf8': 'utf8', 'utf-8': 'utf8', 'ucs2': 'utf16le', 'ucs-2': 'utf16le', 'utf16le': 'utf16le',
  'utf-16le': 'utf16le', 'latin1': 'latin1', 'binary': 'latin1', 'ascii': 'ascii', 'base64': 'base64',
  'base64url': 'base64url', 'hex': 'hex',
};

function normalizeEncoding(enc) {
  // The common names first, as Node's normalizeEncoding takes them (no case folding).
  if (enc == null || enc === '' || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  const name = aliases[`${enc}`.toLowerCase()];
  if (name === undefined || typeof enc !== 'string') {
    throw makeNodeError(TypeError, 'ERR_UNKNOWN_ENCODING', `Unknown encoding: ${enc}`);
  }
  return name;
}

/** `new StringDecoder(encoding = 'utf8')`. */
function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  this[kNativeDecoder] = Buffer.alloc(kSize);
  this[kNativeDecoder][kEncodingField] = encodingsMap[this.encoding];
}

/** The text of `buf`, holding back a character cut at its end; strings pass through. */
StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBufferIsView(buf)) throw codes.ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  if (!this[kNativeDecoder]) throw codes.ERR_INVALID_THIS('StringDecoder');
  return stringDecoderWrite(this[kNativeDecoder], buf);
};

/** `write(buf)` (if given) plus whatever is held back, decoded as it is. */
StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kNativeDecoder][kBufferedBytes] > 0) ret += stringDecoderFlush(this[kNativeDecoder]);
  return ret;
};

/** Forgets held-back bytes and decodes `buf.slice(offset)`. */
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNativeDecoder][kMissingBytes] = 0;
  this[kNativeDecoder][kBufferedBytes] = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true,
    enumerable: true,
    get() { return TypedArraySubarray.call(this[kNativeDecoder], 0, 4); },
  },
  lastNeed: {
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kMissingBytes]; },
  },
  lastTotal: {
    configurable: true,
    enumerable: true,
    get() { return this[kNativeDecoder][kBufferedBytes] + this[kNativeDecoder][kMissingBytes]; },
  },
});

module.exports = { StringDecoder };
