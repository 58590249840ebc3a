// Signatures and RSA encryption (`internal/crypto/sig`): `createSign`/`Sign` and
// `createVerify`/`Verify` (Writable streams over a running digest), one-shot `sign`/`verify`
// (RSA PKCS#1 v1.5 and PSS, ECDSA with DER or IEEE P1363 signatures, Ed25519), and
// `publicEncrypt`/`privateDecrypt`/`privateEncrypt`/`publicDecrypt` (OAEP, PKCS#1 v1.5, none),
// with Node's option checks and errors. Digests run on the hash natives; the key operations
// on crypto_asym.rs.
'use strict';

const { codes, makeNodeError, validateFunction, validateString } = require('internal/errors');
const { getArrayBufferOrView, nativeError } = require('internal/crypto/util');
const { preparePrivateKey, preparePublicOrPrivateKey } = require('internal/crypto/keys');
const { queueIoCompletion } = require('internal/loop');

const ArrayBufferIsView = ArrayBuffer.isView;
const kHash = Symbol('kHash');
const kAlgorithm = Symbol('kAlgorithm');

const RSA_PKCS1_PADDING = 1;
const RSA_PKCS1_OAEP_PADDING = 4;

let Writable;
function writable() {
  if (Writable === undefined) ({ Writable } = require('stream'));
  return Writable;
}

function signKeyRequired() {
  return makeNodeError(Error, 'ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign');
}

function intOption(name, options) {
  const value = options[name];
  if (value !== undefined) {
    if (value === value >> 0) return value;
    throw codes.ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  return undefined;
}

function dsaEncodingOf(options) {
  if (typeof options === 'object') {
    const { dsaEncoding = 'der' } = options;
    if (dsaEncoding === 'der') return 0;
    if (dsaEncoding === 'ieee-p1363') return 1;
    throw codes.ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return 0;
}

// [padding, saltLength, p1363] for the natives; undefined padding (0) and saltLength (-100)
// mean the key's defaults (PSS for RSA-PSS keys; their minimum salt, else the longest when
// signing and any when verifying).
function signParams(padding, saltLength, p1363) {
  return [padding === undefined ? 0 : padding, saltLength === undefined ? -100 : saltLength, p1363];
}

function keyInfo(handle) {
  return native.cryptoKeyInfo(handle);
}

// What one-shot sign/verify hash with: the named digest, the key's PSS digest or SHA-256 when
// none is named; Ed25519 signs the message itself.
function oneShotDigest(algorithm, info) {
  if (info.type === 'ed25519' || info.type === 'x25519') {
    if (algorithm != null) return { name: algorithm, raw: true };
    return { name: '', raw: true };
  }
  if (algorithm != null) return { name: algorithm, raw: false };
  return { name: info.hashAlgorithm || 'sha256', raw: false };
}

function hashFor(name, data) {
  const digest = native.cryptoHashOnce(name, data, -1);
  if (typeof digest === 'number') throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${name}`);
  return digest;
}

function opensslInvalidDigest() {
  const err = new Error('error:1C80007A:Provider routines::invalid digest');
  err.library = 'Provider routines';
  err.reason = 'invalid digest';
  err.code = 'ERR_OSSL_INVALID_DIGEST';
  return err;
}

function runLater(callback, work) {
  let result;
  let error = null;
  try {
    result = work();
  } catch (err) {
    error = err;
  }
  // Reported in the loop's poll phase, where libuv delivers Node's thread-pool job.
  if (error === null) queueIoCompletion(callback, null, result);
  else queueIoCompletion(callback, error);
}

// --- one-shot ----------------------------------------------------------------------------

function signOneShotNow(algorithm, data, key) {
  const padding = intOption('padding', key);
  const saltLength = intOption('saltLength', key);
  const p1363 = dsaEncodingOf(key);
  const handle = preparePrivateKey(key);
  const info = keyInfo(handle);
  const digest = oneShotDigest(algorithm, info);
  if (digest.raw && digest.name !== '') throw opensslInvalidDigest();
  const input = digest.raw ? data : hashFor(digest.name, data);
  return native.cryptoSign(handle, digest.name, input, signParams(padding, saltLength, p1363));
}

/** `crypto.sign(algorithm, data, key[, callback])`. */
function sign(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!key) throw signKeyRequired();
  if (callback === undefined) return signOneShotNow(algorithm, data, key);
  runLater(callback, () => signOneShotNow(algorithm, data, key));
  return undefined;
}

function verifyOneShotNow(algorithm, data, key, signature) {
  const padding = intOption('padding', key);
  const saltLength = intOption('saltLength', key);
  const p1363 = dsaEncodingOf(key);
  const handle = preparePublicOrPrivateKey(key);
  const info = keyInfo(handle);
  const digest = oneShotDigest(algorithm, info);
  if (digest.raw && digest.name !== '') throw opensslInvalidDigest();
  const input = digest.raw ? data : hashFor(digest.name, data);
  return native.cryptoVerify(handle, digest.name, input, signature, signParams(padding, saltLength, p1363));
}

/** `crypto.verify(algorithm, data, key, signature[, callback])`. */
function verify(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!ArrayBufferIsView(data)) throw codes.ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView'], data);
  if (!ArrayBufferIsView(signature)) {
    throw codes.ERR_INVALID_ARG_TYPE('signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  if (callback === undefined) return verifyOneShotNow(algorithm, data, key, signature);
  runLater(callback, () => verifyOneShotNow(algorithm, data, key, signature));
  return undefined;
}

// --- Sign / Verify streams ---------------------------------------------------------------

function startHash(self, algorithm, options) {
  validateString(algorithm, 'algorithm');
  const handle = native.cryptoHashNew(algorithm, -1);
  if (typeof handle === 'number') throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest');
  self[kHash] = handle;
  self[kAlgorithm] = algorithm;
  writable().call(self, options);
}

function update(data, encoding) {
  if (typeof data === 'string') {
    const enc = encoding || 'utf8';
    if (`${enc}`.toLowerCase() === 'hex' && data.length % 2 !== 0) {
      throw codes.ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${data.length}`);
    }
    data = Buffer.from(data, Buffer.isEncoding(enc) ? enc : 'utf8');
  } else if (!ArrayBufferIsView(data)) {
    throw codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  native.cryptoHashUpdate(this[kHash], data);
  return this;
}

function write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

// The digest for the key: Ed25519/X25519 have no streaming form.
function streamInput(self, info) {
  if (info.type === 'ed25519' || info.type === 'x25519') {
    throw nativeError(Error, 'ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation');
  }
  return native.cryptoHashDigest(self[kHash]);
}

/** `new Sign(algorithm[, options])` / `createSign`. */
function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  startHash(this, algorithm, options);
}

Sign.prototype.update = update;
Sign.prototype._write = write;

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw signKeyRequired();
  const handle = preparePrivateKey(options);
  const padding = intOption('padding', options);
  const saltLength = intOption('saltLength', options);
  const p1363 = dsaEncodingOf(options);
  const digest = streamInput(this, keyInfo(handle));
  const out = native.cryptoSign(handle, this[kAlgorithm], digest, signParams(padding, saltLength, p1363));
  if (encoding && encoding !== 'buffer') return out.toString(encoding);
  return out;
};

/** `new Verify(algorithm[, options])` / `createVerify`. */
function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  startHash(this, algorithm, options);
}

Verify.prototype.update = update;
Verify.prototype._write = write;

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const handle = preparePublicOrPrivateKey(options);
  const padding = intOption('padding', options);
  const saltLength = intOption('saltLength', options);
  const p1363 = dsaEncodingOf(options);
  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
  const digest = streamInput(this, keyInfo(handle));
  return native.cryptoVerify(handle, this[kAlgorithm], digest, signature, signParams(padding, saltLength, p1363));
};

let streamsWired = false;
function wireStreams() {
  if (streamsWired) return;
  streamsWired = true;
  for (const Ctor of [Sign, Verify]) {
    Object.setPrototypeOf(Ctor.prototype, writable().prototype);
    Object.setPrototypeOf(Ctor, writable());
  }
}

function createSign(algorithm, options) {
  wireStreams();
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  wireStreams();
  return new Verify(algorithm, options);
}

// --- RSA encryption ----------------------------------------------------------------------

// An arrow function, as Node's: no name, no prototype.
function rsaFunction(op, defaultPadding, prepare) {
  return (options, buffer) => {
    const handle = prepare(options);
    const padding = options.padding || defaultPadding;
    const { oaepHash, encoding } = options;
    let { oaepLabel } = options;
    if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
    if (oaepLabel !== undefined) oaepLabel = getArrayBufferOrView(oaepLabel, 'key.oaepLabel', encoding);
    buffer = getArrayBufferOrView(buffer, 'buffer', encoding);
    if (op === 1 && padding === RSA_PKCS1_PADDING) {
      throw nativeError(TypeError, 'ERR_INVALID_ARG_VALUE', 'RSA_PKCS1_PADDING is no longer supported for private ' +
        'decryption, this can be reverted with --security-revert=CVE-2023-46809');
    }
    const hashName = oaepHash === undefined ? 'sha1' : oaepHash;
    if (padding === RSA_PKCS1_OAEP_PADDING && typeof native.cryptoHashOnce(hashName, Buffer.alloc(0), -1) === 'number') {
      throw nativeError(Error, 'ERR_OSSL_EVP_INVALID_DIGEST', 'Invalid digest used');
    }
    const data = ArrayBufferIsView(buffer) ? buffer : new Uint8Array(buffer);
    let label = null;
    if (oaepLabel !== undefined) label = ArrayBufferIsView(oaepLabel) ? oaepLabel : new Uint8Array(oaepLabel);
    return native.cryptoRsaCrypt(handle, op, data, padding, hashName, label);
  };
}

const publicEncrypt = rsaFunction(0, RSA_PKCS1_OAEP_PADDING, preparePublicOrPrivateKey);
const privateDecrypt = rsaFunction(1, RSA_PKCS1_OAEP_PADDING, preparePrivateKey);
const privateEncrypt = rsaFunction(2, RSA_PKCS1_PADDING, preparePrivateKey);
const publicDecrypt = rsaFunction(3, RSA_PKCS1_PADDING, preparePublicOrPrivateKey);

module.exports = {
  Sign,
  Verify,
  createSign,
  createVerify,
  sign,
  verify,
  publicEncrypt,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
};
