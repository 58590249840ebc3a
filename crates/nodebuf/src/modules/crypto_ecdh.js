// Key agreement (`internal/crypto/ecdh`): `createECDH`/`ECDH` (generateKeys, computeSecret,
// get/setPrivateKey, get/setPublicKey in compressed, uncompressed or hybrid form,
// `ECDH.convertKey`), `crypto.diffieHellman({ privateKey, publicKey })` for EC and X25519 keys,
// and `getCurves()`, with Node's errors. The curve arithmetic is native (crypto_asym.rs).
'use strict';

const { codes, makeNodeError, validateObject, validateString } = require('internal/errors');
const { getArrayBufferOrView, nativeError } = require('internal/crypto/util');
const { isKeyObject, asymmetricHandleOf } = require('internal/crypto/keys');

const kHandle = Symbol('kHandle');


const invalidCurve = () => nativeError(TypeError, 'ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name');
const operationFailed = (message) => nativeError(Error, 'ERR_CRYPTO_OPERATION_FAILED', message);

// ECDH takes OpenSSL's short curve names only (`P-256` is a generateKeyPair spelling).
function resolveCurve(curve) {
  validateString(curve, 'curve');
  if (native.cryptoCurves.includes(curve)) return curve;
  throw invalidCurve();
}

function pointForm(format) {
  if (format) {
    if (format === 'compressed') return 0;
    if (format === 'hybrid') return 2;
    if (format !== 'uncompressed') {
      throw makeNodeError(TypeError, 'ERR_CRYPTO_ECDH_INVALID_FORMAT', `Invalid ECDH format: ${format}`);
    }
  }
  return 1;
}

function encode(buffer, encoding) {
  if (encoding && encoding !== 'buffer') return buffer.toString(encoding);
  return buffer;
}

function bytesView(value) {
  return ArrayBuffer.isView(value) ? value : new Uint8Array(value);
}

// The state behind an ECDH object (Node's native ECDH handle), out of user code's reach.
class EcdhState {
  #curve;
  #scalar = null;
  #point = null;

  constructor(curve) {
    this.#curve = curve;
  }

  static curve(state) {
    return state.#curve;
  }

  static scalar(state) {
    return state.#scalar;
  }

  static point(state) {
    return state.#point;
  }

  static set(state, scalar, point) {
    state.#scalar = scalar;
    state.#point = point;
  }
}
Object.defineProperty(EcdhState, 'name', { value: 'ECDH' });

/** `new ECDH(curve)` / `createECDH`. */
function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  this[kHandle] = new EcdhState(resolveCurve(curve));
}

ECDH.prototype.computeSecret = function computeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc);
  const state = this[kHandle];
  const scalar = EcdhState.scalar(state);
  // OpenSSL checks the pair: a public key set after the private one must still match it.
  const curve = EcdhState.curve(state);
  const point = EcdhState.point(state);
  if (scalar === null || (point !== null && !native.cryptoEcdhPublic(curve, scalar).equals(point))) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair');
  }
  const secret = native.cryptoEcdhCompute(EcdhState.curve(state), scalar, bytesView(key));
  if (secret === null) {
    throw makeNodeError(Error, 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve');
  }
  return encode(secret, outEnc);
};

function stripLeadingZeros(buf) {
  let i = 0;
  while (i < buf.length - 1 && buf[i] === 0) i++;
  return buf.subarray(i);
}

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  const state = this[kHandle];
  const curve = EcdhState.curve(state);
  const scalar = require('buffer').Buffer.from(bytesView(key));
  const point = native.cryptoEcdhPublic(curve, scalar);
  if (point === null) {
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Private key is not valid for specified curve.');
  }
  EcdhState.set(state, scalar, point);
  return this;
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  const state = this[kHandle];
  const point = native.cryptoEcdhConvert(EcdhState.curve(state), bytesView(key), 1);
  if (point === null) throw operationFailed('Failed to convert Buffer to EC_POINT');
  EcdhState.set(state, EcdhState.scalar(state), point);
  return this;
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  const scalar = EcdhState.scalar(this[kHandle]);
  if (scalar === null) throw operationFailed('Failed to get ECDH private key');
  return encode(require('buffer').Buffer.from(stripLeadingZeros(scalar)), encoding);
};

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  const state = this[kHandle];
  const curve = EcdhState.curve(state);
  const scalar = native.cryptoEcdhGenerate(curve);
  EcdhState.set(state, scalar, native.cryptoEcdhPublic(curve, scalar));
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const form = pointForm(format);
  const state = this[kHandle];
  const point = EcdhState.point(state);
  if (point === null) throw operationFailed('Failed to get ECDH public key');
  const out = form === 1 ? point : native.cryptoEcdhConvert(EcdhState.curve(state), point, form);
  return encode(out, encoding);
};

/** `ECDH.convertKey(key, curve[, inputEncoding[, outputEncoding[, format]]])`. */
ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  key = getArrayBufferOrView(key, 'key', inEnc);
  const form = pointForm(format);
  const resolved = resolveCurve(curve);
  const out = native.cryptoEcdhConvert(resolved, bytesView(key), form);
  if (out === null) throw operationFailed('Failed to convert Buffer to EC_POINT');
  return encode(out, outEnc);
};

function createECDH(curve) {
  return new ECDH(curve);
}

/** `crypto.diffieHellman({ privateKey, publicKey })`: the shared secret of two KeyObjects. */
function diffieHellman(options) {
  validateObject(options, 'options');
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey)) throw codes.ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  if (!isKeyObject(publicKey)) throw codes.ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  if (privateKey.type !== 'private') {
    throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${privateKey.type}, expected private.`);
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
      `Invalid key object type ${publicKey.type}, expected private or public.`);
  }
  const privateType = privateKey.asymmetricKeyType;
  const publicType = publicKey.asymmetricKeyType;
  if (privateType !== publicType || !['dh', 'ec', 'x448', 'x25519'].includes(privateType)) {
    throw makeNodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY',
      `Incompatible key types for Diffie-Hellman: ${privateType} and ${publicType}`);
  }
  return native.cryptoDiffieHellman(asymmetricHandleOf(privateKey), asymmetricHandleOf(publicKey));
}

/** `crypto.getCurves()`: the named curves this runner implements. */
const getCurves = require('internal/crypto/util').cachedResult(() => native.cryptoCurves.slice().sort());

module.exports = { ECDH, createECDH, diffieHellman, getCurves };
