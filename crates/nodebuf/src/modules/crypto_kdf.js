// `crypto.pbkdf2(Sync)`, `crypto.hkdf(Sync)` and `crypto.scrypt(Sync)` (`internal/crypto/kdf`):
// Node's argument validation and errors here, the derivations native (crypto_kdf.rs). The
// callback forms derive at once and call back on a later loop turn, as Node's thread-pool jobs
// report back.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setImmediate } = require('timers');

const { codes, makeNodeError, validateFunction, validateString } = require('internal/errors');
const {
  validateIntegerIn, getArrayBufferOrView, invalidDigest, derivationFailure, syncDerivationFailure, opensslQueue,
} = require('internal/crypto/util');

// hkdf's length bound is Node's buffer kMaxLength (2**32), not nodebuf's smaller one, so the
// errors for lengths in [2**31, 2**32] stay Node's (ERR_CRYPTO_INVALID_KEYLEN, not ERR_OUT_OF_RANGE).
const kMaxLength = 2 ** 32;
const kInt32Max = 2 ** 31 - 1;

// --- pbkdf2 ------------------------------------------------------------------------------

function pbkdf2Check(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateIntegerIn(iterations, 'iterations', 1, kInt32Max);
  validateIntegerIn(keylen, 'keylen', 0, kInt32Max);
  return { password, salt };
}

// The derived key, or the error to report (thrown for an unknown digest, as Node's job
// constructor does, reported otherwise).
function pbkdf2Run(password, salt, iterations, keylen, digest) {
  const out = native.cryptoPbkdf2(password, salt, iterations, keylen, digest);
  if (out === 0) throw invalidDigest(digest);
  return out;
}

/** `crypto.pbkdf2Sync(password, salt, iterations, keylen, digest)`: a Buffer. */
function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt } = pbkdf2Check(password, salt, iterations, keylen, digest));
  const out = pbkdf2Run(password, salt, iterations, keylen, digest);
  if (typeof out === 'number') throw syncDerivationFailure(out);
  opensslQueue.queued = [];
  return out;
}

/** `crypto.pbkdf2(password, salt, iterations, keylen, digest, callback)`. */
function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt } = pbkdf2Check(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  const out = pbkdf2Run(password, salt, iterations, keylen, digest);
  if (typeof out === 'number') setImmediate(callback, derivationFailure(out));
  else setImmediate(callback, null, out);
}

// --- hkdf --------------------------------------------------------------------------------

const ikmTypes = ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'];
const hkdfBufferTypes = ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'];

function hkdfCheck(digest, ikm, salt, info, length) {
  validateString(digest, 'digest');
  const crypto = require('crypto');
  if (ikm instanceof crypto.KeyObject) {
    if (ikm.type !== 'secret') throw codes.ERR_INVALID_ARG_TYPE('ikm', ikmTypes, ikm);
    ikm = require('internal/crypto/keys').secretKeyBytesOf(ikm);
  } else {
    ikm = getArrayBufferOrView(ikm, 'ikm', undefined, ikmTypes);
  }
  salt = getArrayBufferOrView(salt, 'salt', undefined, hkdfBufferTypes);
  info = getArrayBufferOrView(info, 'info', undefined, hkdfBufferTypes);
  validateIntegerIn(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw codes.ERR_OUT_OF_RANGE('info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  return { ikm, salt, info };
}

function hkdfRun(digest, ikm, salt, info, length) {
  const out = native.cryptoHkdf(digest, ikm, salt, info, length);
  if (out === 0) throw invalidDigest(digest);
  if (out === 3) throw makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  return out;
}

function arrayBufferOf(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
}

/** `crypto.hkdfSync(digest, ikm, salt, info, keylen)`: an ArrayBuffer. */
function hkdfSync(digest, ikm, salt, info, length) {
  ({ ikm, salt, info } = hkdfCheck(digest, ikm, salt, info, length));
  const out = hkdfRun(digest, ikm, salt, info, length);
  if (typeof out === 'number') throw syncDerivationFailure(out);
  opensslQueue.queued = [];
  return arrayBufferOf(out);
}

/** `crypto.hkdf(digest, ikm, salt, info, keylen, callback)`. */
function hkdf(digest, ikm, salt, info, length, callback) {
  ({ ikm, salt, info } = hkdfCheck(digest, ikm, salt, info, length));
  validateFunction(callback, 'callback');
  const out = hkdfRun(digest, ikm, salt, info, length);
  if (typeof out === 'number') setImmediate(callback, derivationFailure(out));
  else setImmediate(callback, null, arrayBufferOf(out));
}

// --- scrypt ------------------------------------------------------------------------------

const kUint32Max = 2 ** 32 - 1;

// A parameter under its name or its long alias (N/cost, r/blockSize, p/parallelization):
// the name is validated first, then giving both is ERR_CRYPTO_SCRYPT_INVALID_PARAMETER.
function scryptParameter(options, name, alias) {
  const value = options[name];
  if (value !== undefined) validateIntegerIn(value, name, 0, kUint32Max);
  const aliased = options[alias];
  if (aliased === undefined) return value === undefined ? 0 : value;
  if (value !== undefined) {
    throw makeNodeError(Error, 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter');
  }
  validateIntegerIn(aliased, alias, 0, kUint32Max);
  return aliased;
}

function scryptCheck(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateIntegerIn(keylen, 'keylen', 0, kInt32Max);
  let N = 0;
  let r = 0;
  let p = 0;
  let maxmem = 0;
  if (options) {
    N = scryptParameter(options, 'N', 'cost');
    r = scryptParameter(options, 'r', 'blockSize');
    p = scryptParameter(options, 'p', 'parallelization');
    if (options.maxmem !== undefined) {
      validateIntegerIn(options.maxmem, 'maxmem', 0, Number.MAX_SAFE_INTEGER);
      maxmem = options.maxmem;
    }
  }
  return { password, salt, N, r, p, maxmem };
}

const kMemoryLimit = 'error:030000AC:digital envelope routines::memory limit exceeded';

// Checks the parameters (throwing Node's error) and derives.
function scryptRun({ password, salt, N, r, p, maxmem }, keylen) {
  const out = native.cryptoScrypt(password, salt, keylen, N, r, p, maxmem);
  if (out === 1) opensslQueue.queued.push(kMemoryLimit);
  if (typeof out === 'number') {
    const { queued } = opensslQueue;
    throw makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
      queued.length === 0 ? 'Invalid scrypt params' : `Invalid scrypt params: ${queued[queued.length - 1]}`);
  }
  return out;
}

/** `crypto.scryptSync(password, salt, keylen[, options])`: a Buffer. */
function scryptSync(password, salt, keylen, options) {
  const out = scryptRun(scryptCheck(password, salt, keylen, options), keylen);
  opensslQueue.queued = [];
  return out;
}

/** `crypto.scrypt(password, salt, keylen[, options], callback)`. */
function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const checked = scryptCheck(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  const out = scryptRun(checked, keylen);
  setImmediate(callback, null, out);
}

module.exports = { pbkdf2, pbkdf2Sync, hkdf, hkdfSync, scrypt, scryptSync };
