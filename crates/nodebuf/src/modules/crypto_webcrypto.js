// WebCrypto's `CryptoKey` and the secret-key half of `SubtleCrypto` (`internal/crypto/webcrypto`):
// importKey/exportKey (raw, jwk), generateKey, sign/verify (HMAC), encrypt/decrypt (AES-GCM,
// AES-CBC, AES-CTR), deriveBits/deriveKey (PBKDF2, HKDF), wrapKey/unwrapKey, with Node v20's
// algorithm normalization and DOMException names and messages. The work is done by the same
// natives as the node API (HMAC, ciphers, KDFs); results settle on a later loop turn, as
// Node's thread-pool jobs do.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setImmediate } = require('timers');

const { codes, makeNodeError } = require('internal/errors');

const ArrayBufferIsView = ArrayBuffer.isView;
const kInspect = Symbol.for('nodejs.util.inspect.custom');

/** Filled by the crypto module: its `Crypto` and `SubtleCrypto` classes, for the globals. */
const globals = {};

// --- errors ------------------------------------------------------------------------------

function domError(name, message) {
  return new DOMException(message, name);
}

const operationFailed = () => domError('OperationError', 'The operation failed for an operation-specific reason');

function missingOption(dictionary, member) {
  return makeNodeError(TypeError, 'ERR_MISSING_OPTION',
    `Failed to normalize algorithm: passed algorithm can not be converted to '${dictionary}' because '${member}' is required in '${dictionary}'.`);
}

function ordinal(n) {
  return `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}

function notBufferSource(method, position) {
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `Failed to execute '${method}' on 'SubtleCrypto': ${ordinal(position)} argument is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
}

function isBufferSource(value) {
  return ArrayBufferIsView(value) || value instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

// A copy of a BufferSource's bytes (WebCrypto copies its inputs at the call).
function copyBytes(source) {
  if (ArrayBufferIsView(source)) return Buffer.from(new Uint8Array(source.buffer, source.byteOffset, source.byteLength));
  return Buffer.from(new Uint8Array(source));
}

function toArrayBuffer(buf) {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
}

// --- algorithms ----------------------------------------------------------------------------

const digestNames = { 'sha-1': 'SHA-1', 'sha-256': 'SHA-256', 'sha-384': 'SHA-384', 'sha-512': 'SHA-512' };
const digestBits = { 'SHA-1': 160, 'SHA-256': 256, 'SHA-384': 384, 'SHA-512': 512 };
const digestBlockBits = { 'SHA-1': 512, 'SHA-256': 512, 'SHA-384': 1024, 'SHA-512': 1024 };
const nodeDigest = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

const secretAlgorithms = { 'hmac': 'HMAC', 'aes-gcm': 'AES-GCM', 'aes-cbc': 'AES-CBC', 'aes-ctr': 'AES-CTR',
  'pbkdf2': 'PBKDF2', 'hkdf': 'HKDF' };

// Which algorithms each operation knows (the rest are "Unrecognized algorithm name").
const operations = {
  importKey: ['HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'PBKDF2', 'HKDF'],
  generateKey: ['HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR'],
  sign: ['HMAC'],
  encrypt: ['AES-GCM', 'AES-CBC', 'AES-CTR'],
  deriveBits: ['PBKDF2', 'HKDF'],
  getKeyLength: ['HMAC', 'AES-GCM', 'AES-CBC', 'AES-CTR', 'PBKDF2', 'HKDF'],
};

function normalizeHash(hash) {
  const name = typeof hash === 'object' && hash !== null ? hash.name : hash;
  if (name === undefined) throw missingOption('Algorithm', 'name');
  const canonical = digestNames[`${name}`.toLowerCase()];
  if (canonical === undefined) throw domError('NotSupportedError', 'Unrecognized algorithm name');
  return canonical;
}

function bufferMember(algorithm, member) {
  const value = algorithm[member];
  if (!isBufferSource(value)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `Failed to normalize algorithm: algorithm.${member} is not instance of ArrayBuffer, Buffer, TypedArray, or DataView.`);
  }
  return copyBytes(value);
}

// The members each (operation, algorithm) dictionary requires, in WebIDL's order.
function normalizeAlgorithm(algorithm, operation) {
  if (typeof algorithm === 'string') algorithm = { name: algorithm };
  if (typeof algorithm !== 'object' || algorithm === null) {
    throw domError('NotSupportedError', 'Unrecognized algorithm name');
  }
  if (algorithm.name === undefined) throw missingOption('Algorithm', 'name');
  const name = secretAlgorithms[`${algorithm.name}`.toLowerCase()];
  if (name === undefined || !operations[operation].includes(name)) {
    throw domError('NotSupportedError', 'Unrecognized algorithm name');
  }
  const out = { name };
  const require = (dictionary, member) => {
    if (algorithm[member] === undefined) throw missingOption(dictionary, member);
  };
  if (name === 'HMAC' && (operation === 'importKey' || operation === 'generateKey' || operation === 'getKeyLength')) {
    const dictionary = operation === 'generateKey' ? 'HmacKeyGenParams' : 'HmacImportParams';
    require(dictionary, 'hash');
    out.hash = normalizeHash(algorithm.hash);
    if (algorithm.length !== undefined) out.length = unsignedLong(algorithm.length, 'algorithm.length');
  } else if (name.startsWith('AES-') && (operation === 'generateKey' || operation === 'getKeyLength')) {
    const dictionary = operation === 'generateKey' ? 'AesKeyGenParams' : 'AesDerivedKeyParams';
    require(dictionary, 'length');
    out.length = unsignedLong(algorithm.length, 'algorithm.length');
  } else if (operation === 'encrypt') {
    if (name === 'AES-GCM') {
      if (algorithm.additionalData !== undefined) out.additionalData = bufferMember(algorithm, 'additionalData');
      require('AesGcmParams', 'iv');
      out.iv = bufferMember(algorithm, 'iv');
      if (algorithm.tagLength !== undefined) out.tagLength = unsignedLong(algorithm.tagLength, 'algorithm.tagLength');
    } else if (name === 'AES-CBC') {
      require('AesCbcParams', 'iv');
      out.iv = bufferMember(algorithm, 'iv');
    } else {
      require('AesCtrParams', 'counter');
      out.counter = bufferMember(algorithm, 'counter');
      require('AesCtrParams', 'length');
      out.length = unsignedLong(algorithm.length, 'algorithm.length');
    }
  } else if (operation === 'deriveBits') {
    if (name === 'PBKDF2') {
      require('Pbkdf2Params', 'hash');
      out.hash = normalizeHash(algorithm.hash);
      require('Pbkdf2Params', 'iterations');
      out.iterations = unsignedLong(algorithm.iterations, 'algorithm.iterations');
      require('Pbkdf2Params', 'salt');
      out.salt = bufferMember(algorithm, 'salt');
    } else {
      require('HkdfParams', 'hash');
      out.hash = normalizeHash(algorithm.hash);
      require('HkdfParams', 'info');
      out.info = bufferMember(algorithm, 'info');
      require('HkdfParams', 'salt');
      out.salt = bufferMember(algorithm, 'salt');
    }
  }
  return out;
}

// WebIDL `[EnforceRange] unsigned long`.
function unsignedLong(value, name) {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 4294967295) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `${name} is outside the expected range`);
  }
  return Math.trunc(n);
}

// --- CryptoKey -----------------------------------------------------------------------------

const keyData = new WeakMap();

/** WebCrypto's `CryptoKey`: made by SubtleCrypto only (`new CryptoKey()` is illegal). */
class CryptoKey {
  constructor() {
    throw makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  get type() {
    return internals(this).type;
  }

  get extractable() {
    return internals(this).extractable;
  }

  get algorithm() {
    return internals(this).algorithm;
  }

  get usages() {
    return internals(this).usages;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const k = internals(this);
    return `CryptoKey ${inspect({ type: k.type, extractable: k.extractable, algorithm: k.algorithm, usages: k.usages }, opts)}`;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });
for (const name of ['type', 'extractable', 'algorithm', 'usages']) {
  const desc = Object.getOwnPropertyDescriptor(CryptoKey.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(CryptoKey.prototype, name, desc);
}

function internals(key) {
  const k = keyData.get(key);
  if (k === undefined) throw codes.ERR_INVALID_THIS('CryptoKey');
  return k;
}

// The objects SubtleCrypto hands out: CryptoKey.prototype below a prototype of their own whose
// constructor is CryptoKey.
function InternalCryptoKey() {}
InternalCryptoKey.prototype = Object.create(CryptoKey.prototype, {
  constructor: { value: CryptoKey, writable: true, configurable: true, enumerable: false },
});

function makeKey(bytes, algorithm, usages, extractable) {
  const key = new InternalCryptoKey();
  keyData.set(key, { type: 'secret', extractable, algorithm, usages, bytes });
  return key;
}

function isCryptoKey(value) {
  return keyData.has(value);
}

/** The native handle of an asymmetric CryptoKey (`undefined` for a secret key). */
function cryptoKeyHandle(key) {
  return internals(key).handle;
}

/** The secret bytes of a CryptoKey (the node API accepts CryptoKeys as keys). */
function cryptoKeyBytes(key) {
  return internals(key).bytes;
}

// --- usages --------------------------------------------------------------------------------

const keyUsages = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey', 'deriveBits', 'wrapKey', 'unwrapKey'];
const allowedUsages = {
  HMAC: ['sign', 'verify'],
  'AES-GCM': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CBC': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CTR': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  PBKDF2: ['deriveKey', 'deriveBits'],
  HKDF: ['deriveKey', 'deriveBits'],
};
const usageNoun = { HMAC: 'an HMAC', PBKDF2: 'a PBKDF2', HKDF: 'a HKDF' };

function convertUsages(method, usages, position) {
  if (usages === null || typeof usages !== 'object' || typeof usages[Symbol.iterator] !== 'function') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `Failed to execute '${method}' on 'SubtleCrypto': ${ordinal(position)} argument can not be converted to sequence.`);
  }
  const out = [];
  let index = 0;
  for (const usage of usages) {
    const value = `${usage}`;
    if (!keyUsages.includes(value)) {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
        `Failed to execute '${method}' on 'SubtleCrypto': ${ordinal(position)} argument, index ${index} value '${value}' is not a valid enum value of type KeyUsage.`);
    }
    out.push(value);
    index++;
  }
  return out;
}

function checkUsages(name, usages) {
  const allowed = allowedUsages[name];
  if (usages.some((u) => !allowed.includes(u))) {
    throw domError('SyntaxError', `Unsupported key usage for ${usageNoun[name] || 'an AES'} key`);
  }
}

function checkFormat(method, format) {
  const value = `${format}`;
  if (!['raw', 'pkcs8', 'spki', 'jwk'].includes(value)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE',
      `Failed to execute '${method}' on 'SubtleCrypto': 1st argument value '${value}' is not a valid enum value of type KeyFormat.`);
  }
  return value;
}

// --- import / export -------------------------------------------------------------------------

function jwkAlg(algorithm, bits) {
  if (algorithm.name === 'HMAC') {
    const hash = typeof algorithm.hash === 'string' ? algorithm.hash : algorithm.hash.name;
    return `HS${digestBits[hash].toString().replace('160', '1')}`;
  }
  return `A${bits}${algorithm.name.slice(4)}`;
}

function importSecret(format, keyData, algorithm, extractable, usages) {
  const { name } = algorithm;
  const family = name.startsWith('AES-') ? 'AES' : name;
  let bytes;
  if (format === 'raw') {
    bytes = keyData;
  } else if (format === 'jwk' && (name === 'HMAC' || family === 'AES')) {
    bytes = fromJwk(keyData, algorithm, extractable, usages);
  } else {
    throw domError('NotSupportedError', `Unable to import ${family} key with format ${format}`);
  }
  checkUsages(name, usages);
  const bits = bytes.length * 8;
  let keyAlgorithm;
  if (name === 'HMAC') {
    if (bits === 0) throw domError('DataError', 'Zero-length key is not supported');
    if (algorithm.length !== undefined && algorithm.length !== bits) throw domError('DataError', 'Invalid key length');
    keyAlgorithm = { name, hash: { name: algorithm.hash }, length: bits };
  } else if (family === 'AES') {
    if (bits !== 128 && bits !== 192 && bits !== 256) throw domError('DataError', 'Invalid key length');
    keyAlgorithm = { name, length: bits };
  } else {
    if (extractable) throw domError('SyntaxError', `${name} keys are not extractable`);
    keyAlgorithm = { name };
  }
  if (usages.length === 0) throw domError('SyntaxError', 'Usages cannot be empty when importing a secret key.');
  return makeKey(Buffer.from(bytes), keyAlgorithm, usages, extractable);
}

function fromJwk(jwk, algorithm, extractable, usages) {
  if (jwk === null || typeof jwk !== 'object') throw domError('DataError', 'Invalid keyData');
  if (jwk.kty !== 'oct') throw domError('DataError', 'Invalid JWK "kty" Parameter');
  if (typeof jwk.k !== 'string') throw domError('DataError', 'Invalid keyData');
  if (usages.length > 0 && jwk.use !== undefined && jwk.use !== (algorithm.name === 'HMAC' ? 'sig' : 'enc')) {
    throw domError('DataError', 'Invalid JWK "use" Parameter');
  }
  if (jwk.key_ops !== undefined) {
    if (!Array.isArray(jwk.key_ops)) throw domError('DataError', 'Invalid keyData');
    if (!usages.every((u) => jwk.key_ops.includes(u))) throw domError('DataError', 'Key operations and usage mismatch');
  }
  if (jwk.ext !== undefined && jwk.ext === false && extractable) {
    throw domError('DataError', 'JWK "ext" Parameter and extractable mismatch');
  }
  const bytes = Buffer.from(jwk.k, 'base64url');
  if (jwk.alg !== undefined && jwk.alg !== jwkAlg(algorithm, bytes.length * 8)) {
    throw domError('DataError', 'JWK "alg" does not match the requested algorithm');
  }
  return bytes;
}

function exportSecret(format, key) {
  const k = internals(key);
  const family = k.algorithm.name.startsWith('AES-') ? 'AES' : k.algorithm.name;
  if (!k.extractable) throw domError('InvalidAccessException', 'key is not extractable');
  if (format === 'raw' && (family === 'HMAC' || family === 'AES')) return toArrayBuffer(Buffer.from(k.bytes));
  if (format === 'jwk' && (family === 'HMAC' || family === 'AES')) {
    return {
      key_ops: k.usages.slice(),
      ext: k.extractable,
      kty: 'oct',
      k: k.bytes.toString('base64url'),
      alg: jwkAlg(k.algorithm, k.bytes.length * 8),
    };
  }
  // Node says "raw" whatever the format.
  throw domError('InvalidAccessError', `Unable to export a raw ${k.algorithm.name} secret key`);
}

// --- operations ----------------------------------------------------------------------------

function requireUsage(key, usage, algorithmName) {
  const k = internals(key);
  if (k.algorithm.name !== algorithmName || !k.usages.includes(usage)) {
    throw domError('InvalidAccessError', 'The requested operation is not valid for the provided key');
  }
  return k;
}

function hmac(hash, keyBytes, data) {
  const handle = native.cryptoHmacNew(nodeDigest[hash], keyBytes);
  native.cryptoHmacUpdate(handle, data);
  return native.cryptoHmacDigest(handle);
}

// Runs a native cipher over `data`; null when `final` fails (bad padding or tag).
function runCipher(name, keyBytes, iv, encrypt, data, { aad, tagLength, tag } = {}) {
  const handle = native.cryptoCipherNew(name, keyBytes, iv, encrypt, tagLength === undefined ? -1 : tagLength);
  if (typeof handle === 'number') throw operationFailed();
  if (aad !== undefined) native.cryptoCipherSetAAD(handle, aad);
  if (tag !== undefined && native.cryptoCipherSetAuthTag(handle, tag) !== 0) throw operationFailed();
  const out = native.cryptoCipherUpdate(handle, data);
  const last = native.cryptoCipherFinal(handle);
  if (typeof last === 'number') return null;
  const parts = [out, last];
  if (encrypt && tagLength !== undefined) parts.push(native.cryptoCipherGetAuthTag(handle));
  return Buffer.concat(parts);
}

const gcmTagLengths = [32, 64, 96, 104, 112, 120, 128];

// AES-CTR with a `length`-bit counter: the counter's low bits wrap without carrying into the
// rest of the block, so the data is split where they wrap.
function aesCtr(cipherName, keyBytes, counter, length, data) {
  const blocks = Math.ceil(data.length / 16);
  let low = 0n;
  for (const byte of counter) low = (low << 8n) | BigInt(byte);
  const mask = (1n << BigInt(length)) - 1n;
  const room = (1n << BigInt(length)) - (low & mask);
  if (BigInt(blocks) > (1n << BigInt(length))) throw operationFailed();
  if (BigInt(blocks) <= room) return runCipher(cipherName, keyBytes, counter, true, data);
  const split = Number(room) * 16;
  const first = runCipher(cipherName, keyBytes, counter, true, data.subarray(0, split));
  const wrapped = Buffer.from(counter);
  let rest = low & ~mask;
  for (let i = 15; i >= 0; i--) {
    wrapped[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  const second = runCipher(cipherName, keyBytes, wrapped, true, data.subarray(split));
  return Buffer.concat([first, second]);
}

function cipherOperation(algorithm, key, data, encrypt) {
  const k = requireUsage(key, encrypt ? 'encrypt' : 'decrypt', algorithm.name);
  const bits = k.bytes.length * 8;
  if (algorithm.name === 'AES-CBC') {
    if (algorithm.iv.length !== 16) throw domError('OperationError', 'algorithm.iv must contain exactly 16 bytes');
    const out = runCipher(`aes-${bits}-cbc`, k.bytes, algorithm.iv, encrypt, data);
    if (out === null) throw operationFailed();
    return out;
  }
  if (algorithm.name === 'AES-CTR') {
    if (algorithm.counter.length !== 16) throw domError('OperationError', 'algorithm.counter must contain exactly 16 bytes');
    if (algorithm.length === 0 || algorithm.length > 128) {
      throw domError('OperationError', 'AES-CTR algorithm.length must be between 1 and 128');
    }
    return aesCtr(`aes-${bits}-ctr`, k.bytes, algorithm.counter, algorithm.length, data);
  }
  const tagLength = algorithm.tagLength === undefined ? 128 : algorithm.tagLength;
  if (!gcmTagLengths.includes(tagLength)) throw domError('OperationError', `${tagLength} is not a valid AES-GCM tag length`);
  // Node v20's AES-GCM refuses IVs shorter than 96 bits.
  if (algorithm.iv.length < 12) throw operationFailed();
  const tagBytes = tagLength / 8;
  if (encrypt) {
    return runCipher(`aes-${bits}-gcm`, k.bytes, algorithm.iv, true, data, { aad: algorithm.additionalData, tagLength: tagBytes });
  }
  if (data.length < tagBytes) throw domError('OperationError', 'The provided data is too small.');
  const out = runCipher(`aes-${bits}-gcm`, k.bytes, algorithm.iv, false, data.subarray(0, data.length - tagBytes), {
    aad: algorithm.additionalData, tagLength: tagBytes, tag: data.subarray(data.length - tagBytes),
  });
  if (out === null) throw operationFailed();
  return out;
}

function deriveBitsWith(algorithm, k, length) {
  if (algorithm.name === 'PBKDF2') {
    if (algorithm.iterations === 0) throw domError('OperationError', 'iterations cannot be zero');
    if (length === null) throw domError('OperationError', 'length cannot be null');
    if (length % 8 !== 0) throw domError('OperationError', 'length must be a multiple of 8');
    const out = native.cryptoPbkdf2(k.bytes, algorithm.salt, algorithm.iterations, length / 8, nodeDigest[algorithm.hash]);
    if (typeof out === 'number') throw operationFailed();
    return out;
  }
  if (length === null) throw domError('OperationError', 'length cannot be null');
  if (length % 8 !== 0) throw domError('OperationError', 'length must be a multiple of 8');
  const out = native.cryptoHkdf(nodeDigest[algorithm.hash], k.bytes, algorithm.salt, algorithm.info, length / 8);
  if (typeof out === 'number') throw operationFailed();
  return out;
}

// The length in bits a derived key of `algorithm` (normalized for getKeyLength) needs.
function derivedKeyLength(algorithm) {
  if (algorithm.name === 'HMAC') {
    if (algorithm.length === undefined) return digestBlockBits[algorithm.hash];
    if (algorithm.length === 0) throw domError('OperationError', 'Invalid key length');
    return algorithm.length;
  }
  if (algorithm.name.startsWith('AES-')) {
    if (![128, 192, 256].includes(algorithm.length)) throw domError('OperationError', 'Invalid key length');
    return algorithm.length;
  }
  return null;
}

// Settles on a later loop turn, as Node's thread-pool jobs do.
function later(value) {
  return new Promise((resolve) => setImmediate(resolve, value));
}

function argumentCount(method, args, required) {
  if (args.length < required) {
    throw makeNodeError(TypeError, 'ERR_MISSING_ARGS',
      `Failed to execute '${method}' on 'SubtleCrypto': ${required} argument${required > 1 ? 's' : ''} required, but only ${args.length} present.`);
  }
}

function keyArgument(method, key, position) {
  if (!isCryptoKey(key)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      `Failed to execute '${method}' on 'SubtleCrypto': ${ordinal(position)} argument is not of type CryptoKey.`);
  }
}

function generateSecret(algorithm, extractable, usages) {
  const { name } = algorithm;
  checkUsages(name, usages);
  let bits;
  let keyAlgorithm;
  if (name === 'HMAC') {
    bits = algorithm.length === undefined ? digestBlockBits[algorithm.hash] : algorithm.length;
    if (bits === 0) throw operationFailed();
    if (bits % 8 !== 0) {
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property 'algorithm.length' must be a multiple of 8. Received ${bits}`);
    }
    keyAlgorithm = { name, length: bits, hash: { name: algorithm.hash } };
  } else {
    bits = algorithm.length;
    if (![128, 192, 256].includes(bits)) throw domError('OperationError', 'AES key length must be 128, 192, or 256 bits');
    keyAlgorithm = { name, length: bits };
  }
  if (usages.length === 0) throw domError('SyntaxError', 'Usages cannot be empty when creating a key.');
  return makeKey(require('crypto').randomBytes(bits / 8), keyAlgorithm, usages, extractable);
}

/** The SubtleCrypto methods this module implements, installed on SubtleCrypto.prototype. */
const subtleMethods = {
  async importKey(format, keyData, algorithm, extractable, keyUsages) {
    argumentCount('importKey', arguments, 4);
    format = checkFormat('importKey', format);
    if (format !== 'jwk' && !isBufferSource(keyData)) throw notBufferSource('importKey', 2);
    const usages = convertUsages('importKey', keyUsages, 5);
    const normalized = normalizeAlgorithm(algorithm, 'importKey');
    const data = format === 'jwk' ? keyData : copyBytes(keyData);
    return importSecret(format, data, normalized, !!extractable, usages);
  },

  async exportKey(format, key) {
    argumentCount('exportKey', arguments, 2);
    format = checkFormat('exportKey', format);
    keyArgument('exportKey', key, 2);
    const out = exportSecret(format, key);
    return later(out);
  },

  async generateKey(algorithm, extractable, keyUsages) {
    argumentCount('generateKey', arguments, 3);
    const usages = convertUsages('generateKey', keyUsages, 3);
    const normalized = normalizeAlgorithm(algorithm, 'generateKey');
    return later(generateSecret(normalized, !!extractable, usages));
  },

  async sign(algorithm, key, data) {
    argumentCount('sign', arguments, 3);
    keyArgument('sign', key, 2);
    if (!isBufferSource(data)) throw notBufferSource('sign', 3);
    const normalized = normalizeAlgorithm(algorithm, 'sign');
    const k = internals(key);
    if (k.algorithm.name !== normalized.name || !k.usages.includes('sign')) {
      throw domError('InvalidAccessError', 'Unable to use this key to sign');
    }
    return later(toArrayBuffer(hmac(k.algorithm.hash.name, k.bytes, copyBytes(data))));
  },

  async verify(algorithm, key, signature, data) {
    argumentCount('verify', arguments, 4);
    keyArgument('verify', key, 2);
    if (!isBufferSource(signature)) throw notBufferSource('verify', 3);
    if (!isBufferSource(data)) throw notBufferSource('verify', 4);
    const normalized = normalizeAlgorithm(algorithm, 'sign');
    const k = internals(key);
    if (k.algorithm.name !== normalized.name || !k.usages.includes('verify')) {
      throw domError('InvalidAccessError', 'Unable to use this key to verify');
    }
    const expected = hmac(k.algorithm.hash.name, k.bytes, copyBytes(data));
    const given = copyBytes(signature);
    return later(given.length === expected.length && native.cryptoTimingSafeEqual(given, expected) === true);
  },

  async encrypt(algorithm, key, data) {
    argumentCount('encrypt', arguments, 3);
    keyArgument('encrypt', key, 2);
    if (!isBufferSource(data)) throw notBufferSource('encrypt', 3);
    const normalized = normalizeAlgorithm(algorithm, 'encrypt');
    return later(toArrayBuffer(cipherOperation(normalized, key, copyBytes(data), true)));
  },

  async decrypt(algorithm, key, data) {
    argumentCount('decrypt', arguments, 3);
    keyArgument('decrypt', key, 2);
    if (!isBufferSource(data)) throw notBufferSource('decrypt', 3);
    const normalized = normalizeAlgorithm(algorithm, 'encrypt');
    return later(toArrayBuffer(cipherOperation(normalized, key, copyBytes(data), false)));
  },

  async deriveBits(algorithm, baseKey, length) {
    argumentCount('deriveBits', arguments, 3);
    keyArgument('deriveBits', baseKey, 2);
    const normalized = normalizeAlgorithm(algorithm, 'deriveBits');
    const k = internals(baseKey);
    if (!k.usages.includes('deriveBits')) throw domError('InvalidAccessError', 'baseKey does not have deriveBits usage');
    if (k.algorithm.name !== normalized.name) throw domError('InvalidAccessError', 'Key algorithm mismatch');
    if (length !== null) length = unsignedLong(length, 'length');
    return later(toArrayBuffer(deriveBitsWith(normalized, k, length)));
  },

  async deriveKey(algorithm, baseKey, derivedKeyAlgorithm, extractable, keyUsages) {
    argumentCount('deriveKey', arguments, 5);
    keyArgument('deriveKey', baseKey, 2);
    const normalized = normalizeAlgorithm(algorithm, 'deriveBits');
    const importAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
    const lengthAlgorithm = normalizeAlgorithm(derivedKeyAlgorithm, 'getKeyLength');
    const usages = convertUsages('deriveKey', keyUsages, 5);
    const k = internals(baseKey);
    if (!k.usages.includes('deriveKey')) throw domError('InvalidAccessError', 'baseKey does not have deriveKey usage');
    if (k.algorithm.name !== normalized.name) throw domError('InvalidAccessError', 'Key algorithm mismatch');
    const length = derivedKeyLength(lengthAlgorithm);
    const bits = deriveBitsWith(normalized, k, length);
    return later(importSecret('raw', bits, importAlgorithm, !!extractable, usages));
  },

  async wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    argumentCount('wrapKey', arguments, 4);
    format = checkFormat('wrapKey', format);
    keyArgument('wrapKey', key, 2);
    keyArgument('wrapKey', wrappingKey, 3);
    const normalized = normalizeAlgorithm(wrapAlgorithm, 'encrypt');
    const w = internals(wrappingKey);
    if (w.algorithm.name !== normalized.name || !w.usages.includes('wrapKey')) {
      throw domError('InvalidAccessError', 'The requested operation is not valid for the provided key');
    }
    const exported = exportSecret(format, key);
    const bytes = format === 'jwk' ? Buffer.from(JSON.stringify(exported), 'utf8') : Buffer.from(exported);
    const unwrapUsage = { ...w, usages: ['encrypt'] };
    return later(toArrayBuffer(cipherOperation(normalized, keyWith(unwrapUsage), bytes, true)));
  },

  async unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
    argumentCount('unwrapKey', arguments, 7);
    format = checkFormat('unwrapKey', format);
    if (!isBufferSource(wrappedKey)) throw notBufferSource('unwrapKey', 2);
    keyArgument('unwrapKey', unwrappingKey, 3);
    const normalized = normalizeAlgorithm(unwrapAlgorithm, 'encrypt');
    const importAlgorithm = normalizeAlgorithm(unwrappedKeyAlgorithm, 'importKey');
    const usages = convertUsages('unwrapKey', keyUsages, 7);
    const w = internals(unwrappingKey);
    if (w.algorithm.name !== normalized.name || !w.usages.includes('unwrapKey')) {
      throw domError('InvalidAccessError', 'The requested operation is not valid for the provided key');
    }
    const bytes = cipherOperation(normalized, keyWith({ ...w, usages: ['decrypt'] }), copyBytes(wrappedKey), false);
    let data = bytes;
    if (format === 'jwk') {
      try {
        data = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw domError('DataError', 'Invalid keyData');
      }
    }
    return later(importSecret(format, data, importAlgorithm, !!extractable, usages));
  },
};

// A transient key with other usages, for wrapKey/unwrapKey's inner encrypt/decrypt.
function keyWith(fields) {
  const key = new InternalCryptoKey();
  keyData.set(key, fields);
  return key;
}

// Node's order of the SubtleCrypto methods (all enumerable), `digest` among them.
const subtleOrder = ['encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey', 'deriveKey', 'deriveBits',
  'importKey', 'exportKey', 'wrapKey', 'unwrapKey'];

/** Installs the methods on SubtleCrypto.prototype in Node's order (its `digest` kept). */
function installSubtle(proto) {
  const methods = { ...subtleMethods, digest: proto.digest };
  delete proto.digest;
  for (const name of subtleOrder) {
    Object.defineProperty(proto, name, { value: methods[name], writable: true, configurable: true, enumerable: true });
  }
}

module.exports = { CryptoKey, installSubtle, isCryptoKey, cryptoKeyBytes, cryptoKeyHandle, globals };
