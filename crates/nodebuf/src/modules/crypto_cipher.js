// `crypto.createCipheriv` / `createDecipheriv`, `Cipheriv` / `Decipheriv`, the deprecated
// password forms `Cipher` / `Decipher`, `getCiphers` and `getCipherInfo`
// (`internal/crypto/cipher`): Node's argument handling, encodings and errors here; the ciphers
// are native (crypto_cipher.rs). The objects are Transform streams on demand (LazyTransform).
'use strict';

const { codes, makeNodeError, validateObject, validateString } = require('internal/errors');
const {
  LazyTransform, bufferOf, getArrayBufferOrView, nativeError, validateInt32,
} = require('internal/crypto/util');

const ArrayBufferIsView = ArrayBuffer.isView;
const kHandle = Symbol('kHandle');

const keyTypes = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView', 'string', 'KeyObject', 'CryptoKey'];

// The encodings Node's C++ layer parses for input ('buffer' and unknown names mean utf8).
const inputEncodings = {
  'utf8': 'utf8', 'utf-8': 'utf8', 'ucs2': 'utf16le', 'ucs-2': 'utf16le', 'utf16le': 'utf16le',
  'utf-16le': 'utf16le', 'latin1': 'latin1', 'binary': 'latin1', 'ascii': 'ascii', 'base64': 'base64',
  'base64url': 'base64url', 'hex': 'hex',
};

function inputBytes(data, encoding) {
  if (typeof data !== 'string') return data;
  const enc = typeof encoding === 'string' ? inputEncodings[encoding.toLowerCase()] : undefined;
  return Buffer.from(data, enc === undefined ? 'utf8' : enc);
}

function keyBytes(key) {
  if (typeof key === 'string') return Buffer.from(key, 'utf8');
  if (ArrayBufferIsView(key) || key instanceof ArrayBuffer ||
      (typeof SharedArrayBuffer === 'function' && key instanceof SharedArrayBuffer)) {
    return key;
  }
  const webcrypto = require('internal/crypto/webcrypto');
  if (webcrypto.isCryptoKey(key)) return webcrypto.cryptoKeyBytes(key);
  const crypto = require('crypto');
  if (key instanceof crypto.KeyObject) {
    if (key.type !== 'secret') {
      throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${key.type}, expected secret.`);
    }
    return require('internal/crypto/keys').secretKeyBytesOf(key);
  }
  throw codes.ERR_INVALID_ARG_TYPE('key', keyTypes, key);
}

function invalidState(operation) {
  return makeNodeError(Error, 'ERR_CRYPTO_INVALID_STATE',
    operation === undefined ? 'Invalid state' : `Invalid state for operation ${operation}`);
}

function invalidAuthTag(length) {
  return makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_AUTH_TAG', `Invalid authentication tag length: ${length}`);
}

// An OpenSSL "Provider routines" failure: message, then enumerable library, reason, code.
function providerError(hex, reason, code) {
  const err = new Error(`error:${hex}:Provider routines::${reason}`);
  err.library = 'Provider routines';
  err.reason = reason;
  err.code = code;
  return err;
}

function finalFailure(code) {
  if (code === 4) return providerError('1C80006B', 'wrong final block length', 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH');
  if (code === 5) return providerError('1C800064', 'bad decrypt', 'ERR_OSSL_BAD_DECRYPT');
  return new Error('Unsupported state or unable to authenticate data');
}

// Node's normalizeEncoding for the output side (undefined for unknown names).
function outputDecoder(self, encoding) {
  const { StringDecoder } = require('string_decoder');
  const normalized = require('internal/crypto/util').normalizeOutputEncoding(encoding);
  if (self._decoder === null) {
    self._decoder = new StringDecoder(normalized === undefined ? encoding : normalized);
  } else if (self._decoder.encoding !== normalized) {
    throw makeNodeError(Error, 'ERR_INTERNAL_ASSERTION',
      'Cannot change encoding\nThis is caused by either a bug in Node.js or incorrect usage of Node.js ' +
      'internals.\nPlease open an issue with this stack trace at https://github.com/nodejs/node/issues\n');
  }
  return self._decoder;
}

function createCipherBase(self, cipher, key, iv, options, encrypt) {
  validateString(cipher, 'cipher');
  const keyView = keyBytes(key);
  const ivView = iv === null ? null : getArrayBufferOrView(iv, 'iv');
  let tagLength = -1;
  if (options != null && options.authTagLength !== undefined) {
    tagLength = options.authTagLength;
    if (typeof tagLength !== 'number' || !Number.isInteger(tagLength) || tagLength < 0 || tagLength > 2 ** 31 - 1) {
      throw codes.ERR_INVALID_ARG_VALUE('options.authTagLength', tagLength);
    }
  }
  const handle = native.cryptoCipherNew(cipher, keyView, ivView, encrypt, tagLength);
  if (handle === 0) throw makeNodeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
  if (handle === 1) throw makeNodeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length');
  if (handle === 2) throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector');
  if (handle === 3) throw invalidAuthTag(tagLength);
  self._decoder = null;
  self[kHandle] = handle;
  LazyTransform.call(self, options);
}

function update(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    if (typeof inputEncoding === 'string' && inputEncoding.toLowerCase() === 'hex' && data.length % 2 !== 0) {
      throw codes.ERR_INVALID_ARG_VALUE('encoding', inputEncoding, `is invalid for data of length ${data.length}`);
    }
  } else if (!ArrayBufferIsView(data)) {
    throw codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const out = native.cryptoCipherUpdate(this[kHandle], inputBytes(data, inputEncoding));
  if (out === 7) throw new Error('Trying to add data in unsupported state');
  if (outputEncoding && outputEncoding !== 'buffer') return outputDecoder(this, outputEncoding).write(out);
  return out;
}

function final(outputEncoding) {
  const out = native.cryptoCipherFinal(this[kHandle]);
  if (out === 7) throw invalidState();
  if (typeof out === 'number') throw finalFailure(out);
  if (outputEncoding && outputEncoding !== 'buffer') return outputDecoder(this, outputEncoding).end(out);
  return out;
}

function setAutoPadding(ap) {
  if (!native.cryptoCipherSetAutoPadding(this[kHandle], !!ap)) throw invalidState('setAutoPadding');
  return this;
}

function setAAD(aadbuf, options) {
  const aad = getArrayBufferOrView(aadbuf, 'aadbuf');
  if (options != null && options.plaintextLength !== undefined) {
    const n = options.plaintextLength;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw codes.ERR_INVALID_ARG_VALUE('options.plaintextLength', n);
    }
  }
  if (!native.cryptoCipherSetAAD(this[kHandle], aad)) throw invalidState('setAAD');
  return this;
}

function transform(chunk, encoding, callback) {
  this.push(this.update(chunk, encoding));
  callback();
}

function flush(callback) {
  try {
    this.push(this.final());
  } catch (e) {
    callback(e);
    return;
  }
  callback();
}

/** `new Cipheriv(cipher, key, iv[, options])` / `createCipheriv`. */
function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  createCipherBase(this, cipher, key, iv, options, true);
}
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipheriv, LazyTransform);

/** `new Decipheriv(cipher, key, iv[, options])` / `createDecipheriv`. */
function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  createCipherBase(this, cipher, key, iv, options, false);
}
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipheriv, LazyTransform);

for (const proto of [Cipheriv.prototype, Decipheriv.prototype]) {
  proto._transform = transform;
  proto._flush = flush;
  proto.update = update;
  proto.final = final;
  proto.setAutoPadding = setAutoPadding;
}

Cipheriv.prototype.getAuthTag = function getAuthTag() {
  const tag = native.cryptoCipherGetAuthTag(this[kHandle]);
  if (tag === undefined) throw invalidState('getAuthTag');
  return tag;
};

Decipheriv.prototype.setAuthTag = function setAuthTag(tagbuf, encoding) {
  const tag = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  const status = native.cryptoCipherSetAuthTag(this[kHandle], tag);
  if (status === 1) throw invalidState('setAuthTag');
  if (status === 3) throw invalidAuthTag(tag.byteLength);
  return this;
};

// After getAuthTag/setAuthTag, in Node's property order.
Cipheriv.prototype.setAAD = setAAD;
Decipheriv.prototype.setAAD = setAAD;

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

/** `crypto.getCiphers()`: the cipher names this runner implements, as Node spells them. */
// A method (no `prototype`), as Node's native one.
const { getCiphers } = {
  getCiphers() {
    return native.cryptoCiphers.slice();
  },
};

// --- getCipherInfo ---------------------------------------------------------------------

// What OpenSSL reports for each cipher this runner has: mode, canonical name, NID, block size
// (absent for stream ciphers), IV length (absent when none) and key length.
const cipherInfo = [];
for (const [bits, nids] of [[128, [418, 419, 904, 895]], [192, [422, 423, 905, 898]], [256, [426, 427, 906, 901]]]) {
  const keyLength = bits / 8;
  cipherInfo.push(
    { mode: 'ecb', name: `aes-${bits}-ecb`, nid: nids[0], blockSize: 16, keyLength, aliases: [] },
    { mode: 'cbc', name: `aes-${bits}-cbc`, nid: nids[1], blockSize: 16, ivLength: 16, keyLength, aliases: [`aes${bits}`] },
    { mode: 'ctr', name: `aes-${bits}-ctr`, nid: nids[2], blockSize: 1, ivLength: 16, keyLength, aliases: [] },
    { mode: 'gcm', name: `id-aes${bits}-gcm`, nid: nids[3], blockSize: 1, ivLength: 12, keyLength, aliases: [`aes-${bits}-gcm`] },
  );
}
cipherInfo.push({ mode: 'stream', name: 'chacha20-poly1305', nid: 1018, ivLength: 12, keyLength: 32, aliases: [] });

function findCipher(nameOrNid) {
  if (typeof nameOrNid === 'number') return cipherInfo.find((info) => info.nid === nameOrNid);
  const name = nameOrNid.toLowerCase();
  return cipherInfo.find((info) => info.name === name || info.aliases.includes(name));
}

// The IV lengths a cipher can be set to: any from 1 to 128 bytes for GCM, its own otherwise.
function acceptsIvLength(info, ivLength) {
  if (info.mode === 'gcm') return ivLength >= 1 && ivLength <= 128;
  return ivLength === (info.ivLength || 0);
}

/** `crypto.getCipherInfo(nameOrNid[, { keyLength, ivLength }])`: undefined when unknown or refused. */
function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw codes.ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'], nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength;
  let ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = findCipher(nameOrNid);
  if (info === undefined) return undefined;
  if (keyLength !== undefined && keyLength !== info.keyLength) return undefined;
  if (ivLength !== undefined && !acceptsIvLength(info, ivLength)) return undefined;
  const result = { mode: info.mode, name: info.name, nid: info.nid };
  if (info.blockSize !== undefined) result.blockSize = info.blockSize;
  const iv = ivLength === undefined ? info.ivLength : ivLength;
  if (iv) result.ivLength = iv;
  result.keyLength = info.keyLength;
  return result;
}

// --- Cipher / Decipher: the deprecated password forms ----------------------------------

// OpenSSL's EVP_BytesToKey with MD5, no salt and one round: key and IV from a password.
function bytesToKey(password, keyLength, ivLength) {
  const out = [];
  let total = 0;
  let block = Buffer.alloc(0);
  while (total < keyLength + ivLength) {
    block = native.cryptoHashOnce('md5', Buffer.concat([block, password]), -1);
    out.push(block);
    total += block.length;
  }
  const bytes = Buffer.concat(out);
  return { key: bytes.subarray(0, keyLength), iv: bytes.subarray(keyLength, keyLength + ivLength) };
}

function createCipherWithPassword(self, cipher, password, options, encrypt) {
  validateString(cipher, 'cipher');
  password = getArrayBufferOrView(password, 'password');
  const info = findCipher(cipher);
  if (info === undefined) throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
  const { key, iv } = bytesToKey(bufferOf(password), info.keyLength, info.ivLength || 0);
  // Node warns when encrypting in a counter mode (the IV is derived: reusing a password
  // reuses the counter).
  if (encrypt && (info.mode === 'ctr' || info.mode === 'gcm')) {
    process.emitWarning(`Use Cipheriv for counter mode of ${cipher}`);
  }
  createCipherBase(self, cipher, key, info.ivLength ? iv : null, options, encrypt);
}

/** `new Cipher(cipher, password[, options])`: key and IV derived from a password (deprecated). */
function Cipher(cipher, password, options) {
  if (!(this instanceof Cipher)) return new Cipher(cipher, password, options);
  createCipherWithPassword(this, cipher, password, options, true);
}
Object.setPrototypeOf(Cipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Cipher, LazyTransform);

/** `new Decipher(cipher, password[, options])`: the inverse of `Cipher` (deprecated). */
function Decipher(cipher, password, options) {
  if (!(this instanceof Decipher)) return new Decipher(cipher, password, options);
  createCipherWithPassword(this, cipher, password, options, false);
}
Object.setPrototypeOf(Decipher.prototype, LazyTransform.prototype);
Object.setPrototypeOf(Decipher, LazyTransform);

for (const [legacy, modern] of [[Cipher, Cipheriv], [Decipher, Decipheriv]]) {
  for (const name of Object.keys(modern.prototype)) legacy.prototype[name] = modern.prototype[name];
}

function createCipher(cipher, password, options) {
  return new Cipher(cipher, password, options);
}

function createDecipher(cipher, password, options) {
  return new Decipher(cipher, password, options);
}

module.exports = {
  createCipher, createDecipher, Cipher, Decipher, Cipheriv, Decipheriv, createCipheriv, createDecipheriv, getCiphers, getCipherInfo,
};
