// `generateKey`/`generateKeySync` (secret 'hmac' and 'aes' KeyObjects) and
// `generateKeyPair`/`generateKeyPairSync` (`internal/crypto/keygen`) for rsa, rsa-pss, ec
// (P-256, P-384, P-521, secp256k1), ed25519 and x25519, with Node's option validation and its
// publicKeyEncoding/privateKeyEncoding outputs. Keys are made natively (crypto_asym.rs); the
// callback form reports in the loop's poll phase, as Node's thread-pool job does.
'use strict';

const { codes, validateFunction, validateObject, validateString } = require('internal/errors');
const { validateIntegerIn, nativeError } = require('internal/crypto/util');
const { createSecretKey, parseKeyEncoding, PublicKeyObject, PrivateKeyObject } = require('internal/crypto/keys');
const { queueIoCompletion } = require('internal/loop');

function encodingOf(keyType, options, member) {
  const enc = options[member];
  if (enc == null) return undefined;
  if (typeof enc !== 'object') throw codes.ERR_INVALID_ARG_VALUE(`options.${member}`, enc);
  const isPublic = member === 'publicKeyEncoding' ? (keyType ? true : undefined) : false;
  return parseKeyEncoding(enc, keyType, isPublic, member);
}

function opensslKeygenError(text) {
  return new Error(text);
}

function invalidDigest(prefix, name) {
  return nativeError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid ${prefix}digest: ${name}`);
}

// Validates `type`/`options` as Node's createJob does and returns the work to run later:
// a function making { publicKey, privateKey } or throwing the generator's error.
function createJob(type, options) {
  validateString(type, 'type');
  const encodings = options == null ? {} : options;
  const publicEncoding = encodingOf(type, encodings, 'publicKeyEncoding');
  const privateEncoding = encodingOf(type, encodings, 'privateKeyEncoding');
  if (options !== undefined) validateObject(options, 'options');
  let args;
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateIntegerIn(modulusLength, 'options.modulusLength', 0, 4294967295);
      let { publicExponent } = options;
      if (publicExponent == null) publicExponent = 0x10001;
      else validateIntegerIn(publicExponent, 'options.publicExponent', 0, 4294967295);
      if (type === 'rsa') {
        args = [type, modulusLength, publicExponent, [], -1];
        break;
      }
      const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } = options;
      if (saltLength !== undefined) validateIntegerIn(saltLength, 'options.saltLength', 0, 2147483647);
      if (hashAlgorithm !== undefined) validateString(hashAlgorithm, 'options.hashAlgorithm');
      if (mgf1HashAlgorithm !== undefined) validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
      if (hash !== undefined) {
        process.emitWarning('"options.hash" is deprecated, use "options.hashAlgorithm" instead.', 'DeprecationWarning', 'DEP0154');
        validateString(hash, 'options.hash');
        if (hashAlgorithm && hash !== hashAlgorithm) throw codes.ERR_INVALID_ARG_VALUE('options.hash', hash);
      }
      if (mgf1Hash !== undefined) {
        process.emitWarning('"options.mgf1Hash" is deprecated, use "options.mgf1HashAlgorithm" instead.', 'DeprecationWarning', 'DEP0154');
        validateString(mgf1Hash, 'options.mgf1Hash');
        if (mgf1HashAlgorithm && mgf1Hash !== mgf1HashAlgorithm) throw codes.ERR_INVALID_ARG_VALUE('options.mgf1Hash', mgf1Hash);
      }
      const hashName = hashAlgorithm || hash || '';
      const mgf1Name = mgf1HashAlgorithm || mgf1Hash || '';
      args = [type, modulusLength, publicExponent, ['', hashName, mgf1Name], saltLength === undefined ? -1 : saltLength];
      break;
    }
    case 'ec': {
      validateObject(options, 'options');
      const { namedCurve } = options;
      validateString(namedCurve, 'options.namedCurve');
      const { paramEncoding } = options;
      if (paramEncoding != null && paramEncoding !== 'named' && paramEncoding !== 'explicit') {
        throw codes.ERR_INVALID_ARG_VALUE('options.paramEncoding', paramEncoding);
      }
      args = [type, 0, 0, [namedCurve], -1];
      break;
    }
    case 'ed25519':
    case 'x25519':
      args = [type, 0, 0, [], -1];
      break;
    default:
      throw codes.ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  if (type === 'ec' && native.cryptoCurves.indexOf(args[3][0]) === -1 &&
      !['P-256', 'P-384', 'P-521', 'secp256r1'].includes(args[3][0])) {
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
  }
  return () => {
    const handle = native.cryptoKeyGenerate(...args);
    if (typeof handle === 'number') {
      if (handle === 1) throw invalidDigest('', args[3][1]);
      if (handle === 2) throw invalidDigest('MGF1 ', args[3][2]);
      if (handle === 3) throw opensslKeygenError('error:1C8000AB:Provider routines::key size too small');
      if (handle === 4) throw opensslKeygenError('error:020000B2:rsa routines::pub exponent out of range');
      throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
    }
    const privateKey = new PrivateKeyObject(handle);
    const publicKey = new PublicKeyObject(native.cryptoKeyPublic(handle));
    return {
      publicKey: publicEncoding === undefined ? publicKey : publicKey.export(publicEncoding),
      privateKey: privateEncoding === undefined ? privateKey : privateKey.export(privateEncoding),
    };
  };
}

/** `generateKeyPairSync(type, options)`: `{ publicKey, privateKey }`. */
function generateKeyPairSync(type, options) {
  return createJob(type, options)();
}

/** `generateKeyPair(type, options, callback)`: calls back `(err, publicKey, privateKey)`. */
function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const job = createJob(type, options);
  // Made now; reported in the loop's poll phase, where libuv delivers Node's thread-pool job.
  let pair;
  try {
    pair = job();
  } catch (err) {
    queueIoCompletion(callback, err);
    return;
  }
  queueIoCompletion(callback, null, pair.publicKey, pair.privateKey);
}

// --- generateKey: secret keys -----------------------------------------------------------

// Validates as Node's secret-key job constructor and returns the work: a function making
// the KeyObject of `length` random bits.
function secretKeyJob(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  switch (type) {
    case 'hmac':
      validateIntegerIn(length, 'options.length', 8, 2 ** 31 - 1);
      break;
    case 'aes':
      if (length !== 128 && length !== 192 && length !== 256) {
        throw codes.ERR_INVALID_ARG_VALUE('options.length', length, 'must be one of: 128, 192, 256');
      }
      break;
    default:
      throw codes.ERR_INVALID_ARG_VALUE('type', type, 'must be a supported key type');
  }
  return () => {
    const size = Math.floor(length / 8);
    const bytes = Buffer.allocUnsafeSlow(size);
    native.cryptoRandomFill(bytes, 0, size);
    return createSecretKey(bytes);
  };
}

/** `generateKeySync(type, { length })`: a secret KeyObject ('hmac' or 'aes'). */
function generateKeySync(type, options) {
  return secretKeyJob(type, options)();
}

/** `generateKey(type, { length }, callback)`: calls back `(null, key)`. */
function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const job = secretKeyJob(type, options);
  queueIoCompletion(callback, null, job());
}

module.exports = { generateKey, generateKeySync, generateKeyPair, generateKeyPairSync };
