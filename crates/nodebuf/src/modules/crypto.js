// `require('crypto')`: createHash/Hash, createHmac/Hmac, hash(), KeyObjects and the
// asymmetric API (internal/crypto/keys, keygen, sig, ecdh),
// getHashes, randomBytes/randomFill(Sync)/randomInt/randomUUID/getRandomValues,
// timingSafeEqual, and `webcrypto` (the `crypto` global: getRandomValues, randomUUID,
// subtle.digest). Node's argument validation and errors are here; digests, HMAC, the OS random
// source and the constant-time comparison are native (crypto.rs, on RustCrypto crates).
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setImmediate } = require('timers');

const { codes, makeNodeError, validateFunction, validateString, validateNumber, validateObject } = require('internal/errors');

const ArrayBufferIsView = ArrayBuffer.isView;
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayProto, Symbol.toStringTag).get;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
const NumberIsSafeInteger = Number.isSafeInteger;
const kMaxPossibleLength = 2 ** 31 - 1;
const RAND_MAX = 0xFFFF_FFFF_FFFF;

const kHandle = Symbol('kHandle');
const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');

function isAnyArrayBuffer(value) {
  if (value instanceof ArrayBuffer) return true;
  return typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer;
}

function byteLengthOf(value) {
  if (ArrayBufferIsView(value)) return value.byteLength;
  if (value instanceof ArrayBuffer) return arrayBufferByteLength.call(value);
  return value.byteLength;
}

const { outOfRange } = require('internal/crypto/util');

function validateUint32(value, name) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw outOfRange(name, '>= 0 && <= 4294967295', value);
}

// --- encodings ---------------------------------------------------------------------------

// What Node's C++ layer accepts as an encoding name (case-insensitive), 'buffer' included.
const parsedEncodings = {
  'utf8': 'utf8', 'utf-8': 'utf8', 'ucs2': 'utf16le', 'ucs-2': 'utf16le', 'utf16le': 'utf16le',
  'utf-16le': 'utf16le', 'latin1': 'latin1', 'binary': 'latin1', 'ascii': 'ascii', 'base64': 'base64',
  'base64url': 'base64url', 'hex': 'hex', 'buffer': 'buffer',
};

function parseEncoding(enc, fallback) {
  if (typeof enc !== 'string') return fallback;
  const name = parsedEncodings[enc.toLowerCase()];
  return name === undefined ? fallback : name;
}

// Node's JS `normalizeEncoding`: the Buffer encodings only ('buffer' is not one).
function normalizeEncoding(enc) {
  if (enc == null || enc === '') return 'utf8';
  const name = parsedEncodings[`${enc}`.toLowerCase()];
  return name === 'buffer' ? undefined : name;
}

// Bytes of `data` for hashing: strings in `encoding` (unknown names and 'buffer' mean utf8).
function bytesOf(data, encoding) {
  if (typeof data !== 'string') return data;
  const enc = parseEncoding(encoding, 'utf8');
  return Buffer.from(data, enc === 'buffer' ? 'utf8' : enc);
}

function encodeDigest(bytes, outputEncoding) {
  const enc = parseEncoding(`${outputEncoding}`, 'buffer');
  return enc === 'buffer' ? bytes : bytes.toString(enc);
}

// --- errors ------------------------------------------------------------------------------

function hashFinalized() {
  return makeNodeError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
}

function opensslError(code, reason, hexCode) {
  const err = new Error(`error:${hexCode}:digital envelope routines::${reason}`);
  err.library = 'digital envelope routines';
  err.reason = reason;
  err.code = code;
  return err;
}

// Native failure numbers (crypto.rs): 0 unknown, 1 not an XOF / invalid length, 2 legacy.
function digestFailure(code, unknown) {
  if (code === 1) return opensslError('ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH', 'not XOF or invalid length', '030000B2');
  if (code === 2) {
    const err = opensslError('ERR_OSSL_EVP_UNSUPPORTED', 'unsupported', '0308010C');
    err.opensslErrorStack = ['error:03000086:digital envelope routines::initialization error'];
    return err;
  }
  return unknown();
}

const { LazyTransform } = require('internal/crypto/util');

// --- Hash --------------------------------------------------------------------------------

/** `new Hash(algorithm, options)` / `createHash`; `options.outputLength` for the XOFs. */
function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const copyOf = algorithm instanceof Hash ? algorithm : undefined;
  if (copyOf === undefined) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ? options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  const requested = xofLen === undefined ? -1 : xofLen;
  const handle = copyOf === undefined
    ? native.cryptoHashNew(algorithm, requested)
    : native.cryptoHashCopy(copyOf[kHandle], requested);
  if (typeof handle === 'number') {
    throw digestFailure(handle, () => new Error('Digest method not supported'));
  }
  this[kHandle] = handle;
  this[kState] = { [kFinalized]: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw hashFinalized();
  return new Hash(this, options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  native.cryptoHashUpdate(this[kHandle], bytesOf(chunk, encoding));
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(native.cryptoHashDigest(this[kHandle]));
  callback();
};

function validateUpdate(data, encoding) {
  if (typeof data === 'string') {
    if (normalizeEncoding(encoding) === 'hex' && data.length % 2 !== 0) {
      throw codes.ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${data.length}`);
    }
  } else if (!ArrayBufferIsView(data)) {
    throw codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
}

Hash.prototype.update = function update(data, encoding) {
  encoding = encoding || 'buffer';
  if (this[kState][kFinalized]) throw hashFinalized();
  validateUpdate(data, encoding);
  native.cryptoHashUpdate(this[kHandle], bytesOf(data, encoding));
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) throw hashFinalized();
  outputEncoding = outputEncoding || 'buffer';
  const bytes = native.cryptoHashDigest(this[kHandle]);
  state[kFinalized] = true;
  return encodeDigest(bytes, `${outputEncoding}`);
};

// --- KeyObject ---------------------------------------------------------------------------

const {
  KeyObject, isKeyObject, createSecretKey, createPublicKey, createPrivateKey, secretKeyBytesOf,
} = require('internal/crypto/keys');

// --- Hmac --------------------------------------------------------------------------------

// Node's prepareSecretKey for the key kinds this runner has (strings, ArrayBuffers, views,
// secret KeyObjects).
function secretKeyBytes(key, encoding) {
  if (isAnyArrayBuffer(key) || ArrayBufferIsView(key)) return key;
  if (isKeyObject(key)) {
    if (key.type !== 'secret') {
      throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
        `Invalid key object type ${key.type}, expected secret.`);
    }
    return secretKeyBytesOf(key);
  }
  if (typeof key === 'string') return Buffer.from(key, encoding === undefined || encoding === 'buffer' ? 'utf8' : encoding);
  if (webcryptoKeys.isCryptoKey(key)) return webcryptoKeys.cryptoKeyBytes(key);
  throw codes.ERR_INVALID_ARG_TYPE('key',
    ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'], key);
}

/** `new Hmac(algorithm, key, options)` / `createHmac`. */
function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  let encoding;
  if (options && (encoding = options.encoding) != null) validateString(encoding, 'options.encoding');
  const keyBytes = secretKeyBytes(key, encoding);
  const handle = native.cryptoHmacNew(hmac, keyBytes);
  if (typeof handle === 'number') {
    if (handle === 1) throw new Error('error:00000000:lib(0)::reason(0)');
    throw digestFailure(handle, () => makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${hmac}`));
  }
  this[kHandle] = handle;
  this[kState] = { [kFinalized]: false };
  LazyTransform.call(this, options);
}
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = function update(data, encoding) {
  encoding = encoding || 'buffer';
  if (this[kState][kFinalized]) throw hashFinalized();
  validateUpdate(data, encoding);
  native.cryptoHmacUpdate(this[kHandle], bytesOf(data, encoding));
  return this;
};

Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  outputEncoding = outputEncoding || 'buffer';
  if (state[kFinalized]) {
    const empty = Buffer.from('');
    return outputEncoding === 'buffer' ? empty : empty.toString(outputEncoding);
  }
  const bytes = native.cryptoHmacDigest(this[kHandle]);
  state[kFinalized] = true;
  return encodeDigest(bytes, `${outputEncoding}`);
};

Hmac.prototype._flush = function _flush(callback) {
  this.push(this.digest());
  callback();
};
Hmac.prototype._transform = function _transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

// --- one-shot hash -----------------------------------------------------------------------

/** `crypto.hash(algorithm, data, outputEncoding = 'hex')`. */
function hash(algorithm, input, outputEncoding = 'hex') {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !ArrayBufferIsView(input)) {
    throw codes.ERR_INVALID_ARG_TYPE('input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let normalized = outputEncoding;
  if (outputEncoding !== 'buffer') {
    validateString(outputEncoding, 'outputEncoding');
    normalized = normalizeEncoding(outputEncoding);
    if (normalized === undefined) throw codes.ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
  }
  const bytes = native.cryptoHashOnce(algorithm, typeof input === 'string' ? Buffer.from(input, 'utf8') : input, -1);
  if (typeof bytes === 'number') {
    throw digestFailure(bytes, () => new Error(`Digest method ${algorithm} is not supported`));
  }
  return normalized === 'buffer' ? bytes : bytes.toString(normalized);
}

// A method (no `prototype`), as Node's native one.
const { getHashes } = {
  getHashes() {
    return native.cryptoHashes.slice();
  },
};

// --- random ------------------------------------------------------------------------------

function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = Math.min(length, kMaxPossibleLength);
  if (Number.isNaN(offset) || offset > maxLength || offset < 0) {
    throw outOfRange('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (Number.isNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw outOfRange('size', `>= 0 && <= ${kMaxPossibleLength}`, size);
  }
  if (size + offset > length) throw outOfRange('size + offset', `<= ${length}`, size + offset);
  return size >>> 0;
}

function validateFillTarget(buf) {
  if (!isAnyArrayBuffer(buf) && !ArrayBufferIsView(buf)) {
    throw codes.ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'], buf);
  }
}

/** `randomFillSync(buf, offset = 0, size)`: offset/size count elements of a typed array. */
function randomFillSync(buf, offset = 0, size) {
  validateFillTarget(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const byteLength = byteLengthOf(buf);
  offset = assertOffset(offset, elementSize, byteLength);
  if (size === undefined) size = byteLength - offset;
  else size = assertSize(size, elementSize, offset, byteLength);
  if (size === 0) return buf;
  native.cryptoRandomFill(buf, offset, size);
  return buf;
}

/** `randomFill(buf[, offset[, size]], callback)`: fills, then calls back asynchronously. */
function randomFill(buf, offset, size, callback) {
  validateFillTarget(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    // Node passes the element count here; assertSize turns it into bytes.
    size = buf.length;
  } else if (typeof size === 'function') {
    callback = size;
    size = buf.length - offset;
  } else {
    validateFunction(callback, 'callback');
  }
  const byteLength = byteLengthOf(buf);
  offset = assertOffset(offset, elementSize, byteLength);
  if (size === undefined) size = byteLength - offset;
  else size = assertSize(size, elementSize, offset, byteLength);
  if (size === 0) {
    callback(null, buf);
    return;
  }
  native.cryptoRandomFill(buf, offset, size);
  setImmediate(() => callback(null, buf));
}

/** `randomBytes(size[, callback])`: a new (unpooled) Buffer of random bytes. */
function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = Buffer.allocUnsafeSlow(size);
  if (size > 0) native.cryptoRandomFill(buf, 0, size);
  if (callback === undefined) return buf;
  setImmediate(() => callback(null, buf));
  return undefined;
}

function randomUInt48() {
  const b = Buffer.allocUnsafeSlow(6);
  native.cryptoRandomFill(b, 0, 6);
  return b.readUIntBE(0, 6);
}

/** `randomInt([min, ]max[, callback])`: uniform in [min, max) by rejection sampling. */
function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' || typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!NumberIsSafeInteger(min)) throw codes.ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!NumberIsSafeInteger(max)) throw codes.ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) throw outOfRange('max', `greater than the value of "min" (${min})`, max);
  const range = max - min;
  if (!(range <= RAND_MAX)) throw outOfRange(`max${minNotSpecified ? '' : ' - min'}`, `<= ${RAND_MAX}`, range);
  const randLimit = RAND_MAX - (RAND_MAX % range);
  let n;
  for (;;) {
    const x = randomUInt48();
    if (x < randLimit) {
      n = (x % range) + min;
      break;
    }
  }
  if (isSync) return n;
  process.nextTick(callback, undefined, n);
  return undefined;
}

/** `randomUUID(options)`: an RFC 4122 version 4 UUID. */
function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  if (options !== undefined && options.disableEntropyCache !== undefined &&
      typeof options.disableEntropyCache !== 'boolean') {
    throw codes.ERR_INVALID_ARG_TYPE('options.disableEntropyCache', 'boolean', options.disableEntropyCache);
  }
  return native.cryptoRandomUUID();
}

/** `timingSafeEqual(a, b)`: byte equality in time independent of where they differ. */
// A method (no `prototype`), as Node's native one.
const { timingSafeEqual } = {
  timingSafeEqual(buf1 = undefined, buf2 = undefined) {
    for (const [name, value] of [['buf1', buf1], ['buf2', buf2]]) {
      if (!isAnyArrayBuffer(value) && !ArrayBufferIsView(value)) {
        throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
          `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
      }
    }
    const equal = native.cryptoTimingSafeEqual(buf1, buf2);
    if (equal == null) {
      throw makeNodeError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
    }
    return equal;
  },
};

// --- webcrypto ---------------------------------------------------------------------------

const kCreate = Symbol('kCreate');
const integerArrayTags = new Set(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array',
  'Int32Array', 'Uint32Array', 'BigInt64Array', 'BigUint64Array']);
const subtleDigests = { 'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

function illegalConstructor() {
  return makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

function missingArgs(method, iface, required, present) {
  return makeNodeError(TypeError, 'ERR_MISSING_ARGS',
    `Failed to execute '${method}' on '${iface}': ${required} argument${required > 1 ? 's' : ''} required, ` +
    `but only ${present} present.`);
}

function webGetRandomValues(data) {
  const tag = ArrayBufferIsView(data) ? typedArrayTag.call(data) : undefined;
  if (!integerArrayTags.has(tag)) {
    throw new DOMException('The data argument must be an integer-type TypedArray', 'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw new DOMException('The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  randomFillSync(data, 0);
  return data;
}

/** WebCrypto's `SubtleCrypto`; this runner implements `digest`. */
class SubtleCrypto {
  constructor(key = undefined) {
    if (key !== kCreate) throw illegalConstructor();
  }

  async digest(algorithm, data) {
    if (!(this instanceof SubtleCrypto)) throw codes.ERR_INVALID_THIS('SubtleCrypto');
    if (arguments.length < 2) throw missingArgs('digest', 'SubtleCrypto', 2, arguments.length);
    let name = algorithm;
    if (typeof algorithm === 'object' && algorithm !== null) {
      name = algorithm.name;
      if (name === undefined) {
        throw makeNodeError(TypeError, 'ERR_MISSING_OPTION', "Failed to normalize algorithm: passed algorithm can not be converted to 'Algorithm' because 'name' is required in 'Algorithm'.");
      }
    }
    name = `${name}`;
    if (!isAnyArrayBuffer(data) && !ArrayBufferIsView(data)) {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        "Failed to execute 'digest' on 'SubtleCrypto': 2nd argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.");
    }
    const digestName = subtleDigests[name.toLowerCase()];
    if (digestName === undefined) throw new DOMException('Unrecognized algorithm name', 'NotSupportedError');
    // Hashed now (Node copies the bytes at the call and hashes later: same result).
    const out = native.cryptoHashOnce(digestName, data, -1);
    const result = out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
    // Node settles the promise when its thread-pool job reports back: a later loop turn.
    return new Promise((resolve) => setImmediate(resolve, result));
  }
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });
const webcryptoKeys = require('internal/crypto/webcrypto');
webcryptoKeys.installSubtle(SubtleCrypto.prototype);

const subtle = new SubtleCrypto(kCreate);
let webcrypto;

/** WebCrypto's `Crypto`: the `crypto` global. */
class Crypto {
  constructor(key = undefined) {
    if (key !== kCreate) throw illegalConstructor();
  }

  get subtle() {
    if (this !== webcrypto) throw codes.ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  getRandomValues(array) {
    if (this !== webcrypto) throw codes.ERR_INVALID_THIS('Crypto');
    if (arguments.length < 1) throw missingArgs('getRandomValues', 'Crypto', 1, 0);
    return webGetRandomValues(array);
  }

  randomUUID() {
    if (this !== webcrypto) throw codes.ERR_INVALID_THIS('Crypto');
    return randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });
for (const name of ['subtle', 'getRandomValues', 'randomUUID']) {
  const desc = Object.getOwnPropertyDescriptor(Crypto.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(Crypto.prototype, name, desc);
}
webcrypto = new Crypto(kCreate);
webcryptoKeys.globals.Crypto = Crypto;
webcryptoKeys.globals.SubtleCrypto = SubtleCrypto;

function getRandomValues(array) {
  return webGetRandomValues(array);
}

// --- FIPS, engines, the secure heap --------------------------------------------------------

// Whether FIPS mode was asked for. Node (OpenSSL 3 without a FIPS provider) records it and
// reports it; this runner has no FIPS-validated module either.
let fipsEnabled = false;

function getFips() {
  return fipsEnabled ? 1 : 0;
}

function setFips(val) {
  if (native.worker !== undefined) {
    throw makeNodeError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', 'Calling crypto.setFips() is not supported in workers');
  }
  fipsEnabled = !!val;
}

// OpenSSL's built-in engines in Node v20's build (names are case-sensitive).
const builtinEngines = ['dynamic', 'padlock', 'rdrand'];

/** `crypto.setEngine(id[, flags])`: only OpenSSL's built-in engines load. */
function setEngine(id, flags) {
  validateString(id, 'id');
  if (flags) validateNumber(flags, 'flags');
  if (!builtinEngines.includes(id)) {
    throw makeNodeError(Error, 'ERR_CRYPTO_ENGINE_UNKNOWN', `Engine "${id}" was not found`);
  }
}

/** `crypto.secureHeapUsed()`: this runner has no secure heap (Node's answer without --secure-heap). */
function secureHeapUsed() {
  return { total: 0, used: 0, utilization: 0, min: 0 };
}

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

const { pbkdf2, pbkdf2Sync, hkdf, hkdfSync, scrypt, scryptSync } = require('internal/crypto/kdf');

const {
  createCipher, createDecipher, Cipher, Decipher, Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCiphers, getCipherInfo,
} = require('internal/crypto/cipher');
const { generateKey, generateKeySync, generateKeyPair, generateKeyPairSync } = require('internal/crypto/keygen');
const {
  Sign, Verify, createSign, createVerify, sign, verify,
  publicEncrypt, privateDecrypt, privateEncrypt, publicDecrypt,
} = require('internal/crypto/sig');
const { ECDH, createECDH, diffieHellman, getCurves } = require('internal/crypto/ecdh');
const {
  DiffieHellman, DiffieHellmanGroup, createDiffieHellman, createDiffieHellmanGroup,
} = require('internal/crypto/diffiehellman');
const { generatePrime, generatePrimeSync, checkPrime, checkPrimeSync } = require('internal/crypto/prime');

// In Node's order (`Object.keys(require('crypto'))`).
module.exports = {
  checkPrime,
  checkPrimeSync,
  createCipheriv,
  createDecipheriv,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  createSign,
  createVerify,
  diffieHellman,
  generatePrime,
  generatePrimeSync,
  getCiphers,
  getCipherInfo,
  getCurves,
  getDiffieHellman: createDiffieHellmanGroup,
  getHashes,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  sign,
  setEngine,
  timingSafeEqual,
  getFips,
  setFips,
  verify,
  hash,
  Certificate: require('internal/crypto/certificate').Certificate,
  Cipher,
  Cipheriv,
  Decipher,
  Decipheriv,
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  Hash,
  Hmac,
  KeyObject,
  Sign,
  Verify,
  X509Certificate: require('internal/crypto/x509').X509Certificate,
  secureHeapUsed,
};

// `crypto.constants`: OpenSSL's numbers as Node v20 (OpenSSL 3.0) exposes them (the RSA padding
// and salt-length values sign/verify and the RSA functions take, EC point forms, and the TLS and
// engine values the tls module reads), a null-prototype object on a read-only property.
const constants = Object.assign(Object.create(null), {
  OPENSSL_VERSION_NUMBER: 805306672,
  SSL_OP_ALL: 2147485776,
  SSL_OP_ALLOW_NO_DHE_KEX: 1024,
  SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION: 262144,
  SSL_OP_CIPHER_SERVER_PREFERENCE: 4194304,
  SSL_OP_CISCO_ANYCONNECT: 32768,
  SSL_OP_COOKIE_EXCHANGE: 8192,
  SSL_OP_CRYPTOPRO_TLSEXT_BUG: 2147483648,
  SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS: 2048,
  SSL_OP_LEGACY_SERVER_CONNECT: 4,
  SSL_OP_NO_COMPRESSION: 131072,
  SSL_OP_NO_ENCRYPT_THEN_MAC: 524288,
  SSL_OP_NO_QUERY_MTU: 4096,
  SSL_OP_NO_RENEGOTIATION: 1073741824,
  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION: 65536,
  SSL_OP_NO_SSLv2: 0,
  SSL_OP_NO_SSLv3: 33554432,
  SSL_OP_NO_TICKET: 16384,
  SSL_OP_NO_TLSv1: 67108864,
  SSL_OP_NO_TLSv1_1: 268435456,
  SSL_OP_NO_TLSv1_2: 134217728,
  SSL_OP_NO_TLSv1_3: 536870912,
  SSL_OP_PRIORITIZE_CHACHA: 2097152,
  SSL_OP_TLS_ROLLBACK_BUG: 8388608,
  ENGINE_METHOD_RSA: 1,
  ENGINE_METHOD_DSA: 2,
  ENGINE_METHOD_DH: 4,
  ENGINE_METHOD_RAND: 8,
  ENGINE_METHOD_EC: 2048,
  ENGINE_METHOD_CIPHERS: 64,
  ENGINE_METHOD_DIGESTS: 128,
  ENGINE_METHOD_PKEY_METHS: 512,
  ENGINE_METHOD_PKEY_ASN1_METHS: 1024,
  ENGINE_METHOD_ALL: 65535,
  ENGINE_METHOD_NONE: 0,
  DH_CHECK_P_NOT_SAFE_PRIME: 2,
  DH_CHECK_P_NOT_PRIME: 1,
  DH_UNABLE_TO_CHECK_GENERATOR: 4,
  DH_NOT_SUITABLE_GENERATOR: 8,
  RSA_PKCS1_PADDING: 1,
  RSA_NO_PADDING: 3,
  RSA_PKCS1_OAEP_PADDING: 4,
  RSA_X931_PADDING: 5,
  RSA_PKCS1_PSS_PADDING: 6,
  RSA_PSS_SALTLEN_DIGEST: -1,
  RSA_PSS_SALTLEN_MAX_SIGN: -2,
  RSA_PSS_SALTLEN_AUTO: -2,
  defaultCoreCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  TLS1_VERSION: 769,
  TLS1_1_VERSION: 770,
  TLS1_2_VERSION: 771,
  TLS1_3_VERSION: 772,
  POINT_CONVERSION_COMPRESSED: 2,
  POINT_CONVERSION_UNCOMPRESSED: 4,
  POINT_CONVERSION_HYBRID: 6,
  defaultCipherList: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
});
// DEP0106: the password forms, non-enumerable and read-only as in Node v20.
{
  const { deprecate } = require('internal/warnings');
  for (const [name, fn] of [['createCipher', createCipher], ['createDecipher', createDecipher]]) {
    Object.defineProperty(module.exports, name, {
      value: deprecate(fn, `crypto.${name} is deprecated.`, 'DEP0106'),
      writable: false, enumerable: false, configurable: false,
    });
  }
}
Object.defineProperty(module.exports, 'fips', { get: getFips, set: setFips, enumerable: false, configurable: false });
Object.defineProperty(module.exports, 'constants', { value: constants, enumerable: true, writable: false, configurable: false });
Object.assign(module.exports, { webcrypto, subtle, getRandomValues });

// DEP0115: `pseudoRandomBytes`, `prng` and `rng` are `randomBytes` (deprecated, and warning only
// under --pending-deprecation); non-enumerable accessors a script may overwrite.
{
  const aliasOf = native.process.flags.pendingDeprecation
    ? require('internal/warnings').deprecate(randomBytes, 'crypto.pseudoRandomBytes is deprecated.', 'DEP0115')
    : randomBytes;
  for (const name of ['pseudoRandomBytes', 'prng', 'rng']) {
    let value = aliasOf;
    Object.defineProperty(module.exports, name, {
      get() { return value; },
      set(v) { value = v; },
      enumerable: false,
      configurable: true,
    });
  }
}
