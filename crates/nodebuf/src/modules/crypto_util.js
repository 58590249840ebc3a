// Helpers shared by the crypto builtins (`internal/crypto/util`): Node's argument validators
// with its range messages, its byte-input coercion (getArrayBufferOrView) and the OpenSSL-style
// errors crypto operations raise.
'use strict';

const { codes, makeNodeError } = require('internal/errors');

const ArrayBufferIsView = ArrayBuffer.isView;

function isAnyArrayBuffer(value) {
  if (value instanceof ArrayBuffer) return true;
  return typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer;
}

/**
 * Node's cachedResult: an arrow function (no name, no prototype) returning a copy of what `fn`
 * returns the first time (getCurves, getCiphers).
 */
function cachedResult(fn) {
  let result;
  return () => {
    if (result === undefined) result = fn();
    return result.slice();
  };
}

function outOfRange(name, range, value) {
  return codes.ERR_OUT_OF_RANGE(name, range, value);
}

/** Node's validateInteger/validateInt32/validateUint32: a number, an integer, in [min, max]. */
function validateIntegerIn(value, name, min, max) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value);
}

/** Node's validateInt32. */
function validateInt32(value, name) {
  validateIntegerIn(value, name, -2147483648, 2147483647);
}

/** A Buffer over the bytes of an ArrayBuffer or view (no copy). */
function bufferOf(value) {
  if (ArrayBufferIsView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(value);
}

const bufferSourceTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

/**
 * Node's getArrayBufferOrView: strings become Buffers in `encoding` (utf8 for 'buffer' or
 * none), ArrayBuffers and views pass through, anything else is ERR_INVALID_ARG_TYPE naming
 * `types` (default: string, ArrayBuffer, Buffer, TypedArray, DataView).
 */
function getArrayBufferOrView(value, name, encoding, types = bufferSourceTypes) {
  if (isAnyArrayBuffer(value) || ArrayBufferIsView(value)) return value;
  if (typeof value === 'string') {
    return Buffer.from(value, encoding === undefined || encoding === 'buffer' ? 'utf8' : encoding);
  }
  throw codes.ERR_INVALID_ARG_TYPE(name, types, value);
}

// Node's JS normalizeEncoding: the Buffer encodings' canonical names, undefined otherwise.
const outputEncodings = {
  'utf8': 'utf8', 'utf-8': 'utf8', 'ucs2': 'utf16le', 'ucs-2': 'utf16le', 'utf16le': 'utf16le',
  'utf-16le': 'utf16le', 'latin1': 'latin1', 'binary': 'latin1', 'ascii': 'ascii', 'base64': 'base64',
  'base64url': 'base64url', 'hex': 'hex',
};

function normalizeOutputEncoding(enc) {
  if (enc == null || enc === '') return 'utf8';
  return outputEncodings[`${enc}`.toLowerCase()];
}

function invalidDigest(name) {
  return makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${name}`);
}

/** An error Node raises from C++: a plain `Base` with an enumerable `code`, no `[code]` in its name line. */
function nativeError(Base, code, message) {
  const err = new Base(message);
  err.code = code;
  return err;
}

/** An OpenSSL failure surfaced as Node does: a plain Error with OpenSSL's text. */
function opensslText(text) {
  return new Error(text);
}

/**
 * An OpenSSL failure Node decorates: OpenSSL's text, then enumerable `library`, `reason` and
 * `code` (`id` is the packed error number in hex).
 */
function opensslError(id, library, reason, code) {
  const err = new Error(`error:${id}:${library}::${reason}`);
  err.library = library;
  err.reason = reason;
  err.code = code;
  return err;
}

// OpenSSL keeps a per-thread error queue that Node does not always drain, and a few messages
// show what earlier failures left there: scrypt's parameter check reports the newest queued
// error ("memory limit exceeded") even when the current failure queued none, and a failed
// synchronous derivation reports the queued errors (the newest as its message, the others as
// `opensslErrorStack`) instead of "Deriving bits failed". A synchronous derivation drains the
// queue; callback jobs run on other threads and do not touch this one. `queued` holds the
// main thread's queued error texts, oldest first.
const opensslQueue = { queued: [] };

/** The error a synchronous derivation's error number stands for (crypto_kdf.rs numbering). */
function syncDerivationFailure(code) {
  const queued = opensslQueue.queued;
  opensslQueue.queued = [];
  if (code === 2) return opensslText('error:0308010C:digital envelope routines::unsupported');
  if (queued.length === 0) return new Error('Deriving bits failed');
  const err = opensslText(queued[queued.length - 1]);
  if (queued.length > 1) err.opensslErrorStack = queued.slice(0, -1);
  return err;
}

/**
 * The error a callback derivation's error number stands for (its own thread's queue). Node
 * makes it off the JS stack, so its stack is the header line alone.
 */
function derivationFailure(code) {
  const err = code === 2
    ? opensslText('error:0308010C:digital envelope routines::unsupported')
    : new Error('Deriving bits failed');
  Object.defineProperty(err, 'stack', {
    value: `Error: ${err.message}`, writable: true, configurable: true, enumerable: false,
  });
  return err;
}

// --- LazyTransform: Hash and Hmac are Transform streams once a stream property is touched ---

function LazyTransform(options) {
  this._options = options;
}

let Transform;
try {
  ({ Transform } = require('stream'));
} catch {
  Transform = undefined;
}
if (Transform !== undefined) {
  Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
  for (const prop of ['_readableState', '_writableState', '_transformState']) {
    Object.defineProperty(LazyTransform.prototype, prop, {
      get() {
        Transform.call(this, this._options);
        this._writableState.decodeStrings = false;
        return this[prop];
      },
      set(value) {
        Object.defineProperty(this, prop, { value, enumerable: true, configurable: true, writable: true });
      },
      configurable: true,
      enumerable: true,
    });
  }
}

module.exports = {
  cachedResult,
  LazyTransform,
  normalizeOutputEncoding,
  isAnyArrayBuffer,
  outOfRange,
  validateIntegerIn,
  validateInt32,
  bufferOf,
  getArrayBufferOrView,
  invalidDigest,
  opensslText,
  opensslError,
  nativeError,
  derivationFailure,
  syncDerivationFailure,
  opensslQueue,
};
