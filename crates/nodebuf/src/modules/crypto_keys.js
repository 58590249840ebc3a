// `KeyObject` and its kinds (`internal/crypto/keys`): SecretKeyObject, PublicKeyObject,
// PrivateKeyObject; createSecretKey/createPublicKey/createPrivateKey from PEM, DER (pkcs1,
// pkcs8, spki, sec1, encrypted pkcs8), JWK and other KeyObjects; export() to the same
// encodings; the key-input normalization every asymmetric operation shares
// (preparePrivateKey/preparePublicOrPrivateKey) and the key-encoding options
// (parseKeyEncoding) generateKeyPair reuses. Node's validation and messages are here; the key
// material is a native handle (crypto_asym.rs) kept in a private field, never read through
// properties user code could replace.
'use strict';

const { codes, makeNodeError, validateObject, validateString } = require('internal/errors');
const { isAnyArrayBuffer, getArrayBufferOrView, nativeError } = require('internal/crypto/util');
const webcryptoKeys = require('internal/crypto/webcrypto');

const ArrayBufferIsView = ArrayBuffer.isView;
const kHandle = Symbol('kHandle');
const kKeyType = Symbol('kKeyType');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');

// The kinds of work a key is prepared for (Node's kConsume*/kCreate*).
const kConsumePublic = 0;
const kConsumePrivate = 1;
const kCreatePublic = 2;
const kCreatePrivate = 3;

const bufferTypes = ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

// --- errors ------------------------------------------------------------------------------

function invalidKeyObjectType(actual, expected) {
  return makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', `Invalid key object type ${actual}, expected ${expected}.`);
}

function incompatibleKeyOptions(encoding, reason) {
  return makeNodeError(Error, 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', `The selected key encoding ${encoding} ${reason}.`);
}

function invalidJwk() {
  return makeNodeError(TypeError, 'ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data');
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw codes.ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
  }
}

function isStringOrBuffer(value) {
  return typeof value === 'string' || ArrayBufferIsView(value) || isAnyArrayBuffer(value);
}

// --- handles -----------------------------------------------------------------------------

// The material behind a secret KeyObject (Node keeps it in a native handle).
class SecretKeyHandle {
  #bytes;

  constructor(bytes) {
    this.#bytes = bytes;
  }

  static bytesOf(handle) {
    return handle.#bytes;
  }
}

// Native asymmetric handles share one prototype; a throwaway key shows which.
const nativeHandleProto = Object.getPrototypeOf(native.cryptoKeyGenerate('x25519', 0, 0, [], -1));

function isNativeHandle(value) {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === nativeHandleProto;
}

let handleOf;

/** `crypto.KeyObject`: the base of secret, public and private keys. */
class KeyObject {
  #handle;

  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw codes.ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || !(handle instanceof SecretKeyHandle || isNativeHandle(handle))) {
      throw codes.ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    this.#handle = handle;
    Object.defineProperty(this, kHandle, { value: handle, enumerable: false, configurable: false, writable: false });
  }

  static {
    handleOf = (key) => key.#handle;
  }

  /** `KeyObject.from(cryptoKey)`: the KeyObject behind a WebCrypto key. */
  static from(key) {
    if (!webcryptoKeys.isCryptoKey(key)) throw codes.ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return keyObjectOfCryptoKey(key);
  }

  get type() {
    return this[kKeyType];
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) throw codes.ERR_INVALID_ARG_TYPE('otherKeyObject', 'KeyObject', otherKeyObject);
    if (otherKeyObject.type !== this.type) return false;
    const mine = handleOf(this);
    const theirs = handleOf(otherKeyObject);
    if (this.type !== 'secret') return native.cryptoKeyEquals(mine, theirs);
    const a = SecretKeyHandle.bytesOf(mine);
    const b = SecretKeyHandle.bytesOf(theirs);
    return a.length === b.length && native.cryptoTimingSafeEqual(a, b) === true;
  }
}
Object.defineProperty(KeyObject.prototype, Symbol.toStringTag, { value: 'KeyObject', configurable: true });

function isKeyObject(value) {
  return value instanceof KeyObject;
}

/** A symmetric key (`createSecretKey`). */
class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() {
    return SecretKeyHandle.bytesOf(handleOf(this)).length;
  }

  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      const { format } = options;
      if (format !== undefined && format !== 'buffer' && format !== 'jwk') {
        throw codes.ERR_INVALID_ARG_VALUE('options.format', format, "must be one of: undefined, 'buffer', 'jwk'");
      }
      if (format === 'jwk') return { kty: 'oct', k: SecretKeyHandle.bytesOf(handleOf(this)).toString('base64url') };
    }
    return Buffer.from(SecretKeyHandle.bytesOf(handleOf(this)));
  }
}

// Node's normalizeKeyDetails: publicExponent as a bigint.
function keyDetails(info) {
  const details = {};
  if (info.modulusLength !== undefined) {
    details.modulusLength = info.modulusLength;
    details.publicExponent = BigInt(`0x${info.publicExponent}`);
  }
  if (info.hashAlgorithm !== undefined) {
    details.hashAlgorithm = info.hashAlgorithm;
    details.mgf1HashAlgorithm = info.mgf1HashAlgorithm;
    details.saltLength = info.saltLength;
  }
  if (info.namedCurve !== undefined) details.namedCurve = info.namedCurve;
  return details;
}

/** The shared base of public and private keys. */
class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    if (this[kAsymmetricKeyType] === undefined) {
      this[kAsymmetricKeyType] = native.cryptoKeyInfo(handleOf(this)).type;
    }
    return this[kAsymmetricKeyType];
  }

  get asymmetricKeyDetails() {
    switch (this.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
      case 'ec':
        if (this[kAsymmetricKeyDetails] === undefined) {
          this[kAsymmetricKeyDetails] = keyDetails(native.cryptoKeyInfo(handleOf(this)));
        }
        return this[kAsymmetricKeyDetails];
      default:
        return {};
    }
  }
}

// The JWK of an asymmetric key, members in Node's order.
function exportJwk(key) {
  const info = native.cryptoKeyInfo(handleOf(key));
  if (info.type === 'rsa-pss') {
    throw makeNodeError(Error, 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.');
  }
  const parts = native.cryptoKeyJwk(handleOf(key));
  const jwk = {};
  const put = () => {
    for (let i = 0; i < parts.length; i += 2) jwk[parts[i]] = parts[i + 1].toString('base64url');
  };
  if (info.type === 'rsa') {
    jwk.kty = 'RSA';
    put();
  } else if (info.type === 'ec') {
    jwk.kty = 'EC';
    jwk.x = parts[1].toString('base64url');
    jwk.y = parts[3].toString('base64url');
    jwk.crv = info.jwkCurve;
    if (parts.length > 4) jwk.d = parts[5].toString('base64url');
  } else {
    jwk.crv = info.type === 'ed25519' ? 'Ed25519' : 'X25519';
    put();
    jwk.kty = 'OKP';
  }
  return jwk;
}

function exportEncoded(key, format, type, cipher, passphrase) {
  const out = native.cryptoKeyExport(handleOf(key), type, format === 'pem', cipher === undefined ? '' : cipher,
    passphrase === undefined ? null : passphrase);
  if (out === null) throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher');
  return out;
}

/** A public key. */
class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') return exportJwk(this);
    const { format, type } = parseKeyEncoding(options, this.asymmetricKeyType, true);
    return exportEncoded(this, format, type);
  }
}

/** A private key. */
class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      if (options.passphrase !== undefined) throw incompatibleKeyOptions('jwk', 'does not support encryption');
      return exportJwk(this);
    }
    const { format, type, cipher, passphrase } = parseKeyEncoding(options, this.asymmetricKeyType, false);
    return exportEncoded(this, format, type, cipher, passphrase);
  }
}

// --- key encodings -----------------------------------------------------------------------

function option(name, objName) {
  return objName === undefined ? `options.${name}` : `options.${objName}.${name}`;
}

function parseKeyFormat(formatStr, defaultFormat, optionName) {
  if (formatStr === undefined && defaultFormat !== undefined) return defaultFormat;
  if (formatStr === 'pem' || formatStr === 'der' || formatStr === 'jwk') return formatStr;
  throw codes.ERR_INVALID_ARG_VALUE(optionName, formatStr);
}

function parseKeyType(typeStr, required, keyType, isPublic, optionName) {
  if (typeStr === undefined && !required) return undefined;
  if (typeStr === 'pkcs1') {
    if (keyType !== undefined && keyType !== 'rsa') throw incompatibleKeyOptions(typeStr, 'can only be used for RSA keys');
    return typeStr;
  }
  if (typeStr === 'spki' && isPublic !== false) return typeStr;
  if (typeStr === 'pkcs8' && isPublic !== true) return typeStr;
  if (typeStr === 'sec1' && isPublic !== true) {
    if (keyType !== undefined && keyType !== 'ec') throw incompatibleKeyOptions(typeStr, 'can only be used for EC keys');
    return typeStr;
  }
  throw codes.ERR_INVALID_ARG_VALUE(optionName, typeStr);
}

/**
 * Node's parseKeyEncoding: `{ format, type, cipher, passphrase }` from key-encoding options.
 * `keyType` undefined means the options describe an input key; `isPublic` true/false/undefined
 * limits the types; `objName` names the options object in messages (publicKeyEncoding).
 */
function parseKeyEncoding(enc, keyType, isPublic, objName) {
  validateObject(enc, 'options');
  const isInput = keyType === undefined;
  const format = parseKeyFormat(enc.format, isInput ? 'pem' : undefined, option('format', objName));
  const isRequired = (!isInput || format === 'der') && format !== 'jwk';
  const type = parseKeyType(enc.type, isRequired, keyType, isPublic, option('type', objName));
  let cipher;
  let passphrase;
  let encoding;
  if (isPublic !== true) {
    ({ cipher, passphrase, encoding } = enc);
    if (!isInput) {
      if (cipher != null) {
        if (typeof cipher !== 'string') throw codes.ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
        if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
          throw incompatibleKeyOptions(type, 'does not support encryption');
        }
      } else if (passphrase !== undefined) {
        throw codes.ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
      }
    }
    if ((isInput && passphrase !== undefined && !isStringOrBuffer(passphrase)) ||
        (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
      throw codes.ERR_INVALID_ARG_VALUE(option('passphrase', objName), passphrase);
    }
  }
  if (passphrase !== undefined) passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
  return { format, type, cipher, passphrase };
}

// --- key input ---------------------------------------------------------------------------

function keyObjectHandle(key, ctx) {
  if (ctx === kCreatePrivate) throw codes.ERR_INVALID_ARG_TYPE('key', bufferTypes, key);
  if (key.type !== 'private') {
    if (ctx === kConsumePrivate || ctx === kCreatePublic) throw invalidKeyObjectType(key.type, 'private');
    if (key.type !== 'public') throw invalidKeyObjectType(key.type, 'private or public');
  }
  return handleOf(key);
}

function decodeJwkMember(value) {
  return Buffer.from(value, 'base64');
}

// Node's getKeyObjectHandleFromJwk.
function handleFromJwk(key, ctx) {
  validateObject(key, 'key');
  validateOneOf(key.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  const isPublic = ctx === kConsumePublic || ctx === kCreatePublic;
  let handle;
  if (key.kty === 'OKP') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    validateString(key.x, 'key.x');
    if (!isPublic) validateString(key.d, 'key.d');
    const keyData = decodeJwkMember(isPublic ? key.x : key.d);
    const size = key.crv === 'Ed448' ? 57 : key.crv === 'X448' ? 56 : 32;
    if (keyData.byteLength !== size) throw invalidJwk();
    const x = decodeJwkMember(key.x);
    handle = native.cryptoKeyFromJwk('OKP', key.crv, isPublic ? [keyData] : [x, keyData], !isPublic);
  } else if (key.kty === 'EC') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    validateString(key.x, 'key.x');
    validateString(key.y, 'key.y');
    const parts = [decodeJwkMember(key.x), decodeJwkMember(key.y)];
    if (!isPublic) {
      validateString(key.d, 'key.d');
      parts.push(decodeJwkMember(key.d));
    }
    handle = native.cryptoKeyFromJwk('EC', key.crv, parts, !isPublic);
  } else {
    validateString(key.n, 'key.n');
    validateString(key.e, 'key.e');
    const parts = [decodeJwkMember(key.n), decodeJwkMember(key.e)];
    if (!isPublic) {
      for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
        validateString(key[member], `key.${member}`);
        parts.push(decodeJwkMember(key[member]));
      }
    }
    handle = native.cryptoKeyFromJwk('RSA', '', parts, !isPublic);
  }
  if (handle == null) {
    if (key.kty === 'OKP') throw invalidJwk();
    throw nativeError(TypeError, 'ERR_CRYPTO_INVALID_JWK', `Invalid JWK ${key.kty} key`);
  }
  return handle;
}

// What a key argument may be, as error messages list it.
function keyTypesFor(ctx) {
  return ctx === kCreatePrivate ? bufferTypes : [...bufferTypes, 'KeyObject', 'CryptoKey'];
}

/**
 * Node's prepareAsymmetricKey: a native handle (`{ handle }`) or the encoded key with how to
 * read it (`{ data, format, type, passphrase }`).
 */
function prepareAsymmetricKey(key, ctx) {
  if (isKeyObject(key)) return { handle: keyObjectHandle(key, ctx) };
  if (webcryptoKeys.isCryptoKey(key)) return { handle: keyObjectHandle(keyObjectOfCryptoKey(key), ctx) };
  if (isStringOrBuffer(key)) return { format: 'pem', data: getArrayBufferOrView(key, 'key') };
  if (key === null) {
    // Node destructures the options object without a null check.
    throw new TypeError("Cannot destructure property 'key' of 'key' as it is null.");
  }
  if (typeof key === 'object') {
    const { key: data, encoding, format } = key;
    if (isKeyObject(data)) return { handle: keyObjectHandle(data, ctx) };
    if (webcryptoKeys.isCryptoKey(data)) return { handle: keyObjectHandle(keyObjectOfCryptoKey(data), ctx) };
    if (format === 'jwk') {
      validateObject(data, 'key.key');
      return { handle: handleFromJwk(data, ctx), format: 'jwk' };
    }
    if (!isStringOrBuffer(data)) throw codes.ERR_INVALID_ARG_TYPE('key.key', keyTypesFor(ctx), data);
    const isPublic = ctx === kConsumePrivate || ctx === kCreatePrivate ? false : undefined;
    return { data: getArrayBufferOrView(data, 'key', encoding), ...parseKeyEncoding(key, undefined, isPublic) };
  }
  throw codes.ERR_INVALID_ARG_TYPE('key', keyTypesFor(ctx), key);
}

function asBytes(data) {
  if (ArrayBufferIsView(data)) return data;
  return new Uint8Array(data);
}

// Reads prepared key input into a native handle of the wanted kind.
function handleFromPrepared(prepared, wantPrivate) {
  if (prepared.handle !== undefined) {
    const isPrivate = native.cryptoKeyInfo(prepared.handle).private;
    if (wantPrivate || !isPrivate) return prepared.handle;
    return native.cryptoKeyPublic(prepared.handle);
  }
  const passphrase = prepared.passphrase === undefined ? null : asBytes(prepared.passphrase);
  return native.cryptoKeyParse(asBytes(prepared.data), prepared.format !== 'der', prepared.type || '', wantPrivate, passphrase);
}

/** The native handle of a private key given as any of Node's key inputs. */
function preparePrivateKey(key) {
  return handleFromPrepared(prepareAsymmetricKey(key, kConsumePrivate), true);
}

/**
 * The native handle of a key that may be public or private (verify, publicEncrypt): a
 * private input keeps its private half when it came as a KeyObject, as in Node.
 */
function preparePublicOrPrivateKey(key) {
  const prepared = prepareAsymmetricKey(key, kConsumePublic);
  if (prepared.handle !== undefined) return prepared.handle;
  return handleFromPrepared(prepared, false);
}

function createPublicKey(key) {
  const prepared = prepareAsymmetricKey(key, kCreatePublic);
  return new PublicKeyObject(handleFromPrepared(prepared, false));
}

function createPrivateKey(key) {
  const prepared = prepareAsymmetricKey(key, kCreatePrivate);
  return new PrivateKeyObject(handleFromPrepared(prepared, true));
}

/** `crypto.createSecretKey(key[, encoding])`: a KeyObject holding a copy of the key bytes. */
function createSecretKey(key, encoding) {
  let bytes;
  if (typeof key === 'string') {
    bytes = Buffer.from(key, encoding === undefined || encoding === 'buffer' ? 'utf8' : encoding);
  } else if (isAnyArrayBuffer(key)) {
    bytes = Buffer.from(new Uint8Array(key));
  } else if (ArrayBufferIsView(key)) {
    bytes = Buffer.from(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
  } else {
    throw codes.ERR_INVALID_ARG_TYPE('key', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'], key);
  }
  return new SecretKeyObject(new SecretKeyHandle(bytes));
}

/** The bytes of a secret KeyObject (HMAC, ciphers and KDFs take them). */
function secretKeyBytesOf(key) {
  return SecretKeyHandle.bytesOf(handleOf(key));
}

/** The native handle of an asymmetric KeyObject. */
function asymmetricHandleOf(key) {
  return handleOf(key);
}

/** A KeyObject over a native handle (public or private as the handle is). */
function keyObjectFromHandle(handle) {
  return native.cryptoKeyInfo(handle).private ? new PrivateKeyObject(handle) : new PublicKeyObject(handle);
}

// The KeyObject a CryptoKey stands for (one per CryptoKey, as Node keeps it in the key).
const cryptoKeyObjects = new WeakMap();
function keyObjectOfCryptoKey(key) {
  let keyObject = cryptoKeyObjects.get(key);
  if (keyObject === undefined) {
    const handle = webcryptoKeys.cryptoKeyHandle(key);
    keyObject = handle === undefined
      ? createSecretKey(webcryptoKeys.cryptoKeyBytes(key))
      : keyObjectFromHandle(handle);
    cryptoKeyObjects.set(key, keyObject);
  }
  return keyObject;
}

module.exports = {
  KeyObject,
  SecretKeyObject,
  PublicKeyObject,
  PrivateKeyObject,
  isKeyObject,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
  secretKeyBytesOf,
  asymmetricHandleOf,
  keyObjectFromHandle,
  keyObjectOfCryptoKey,
  parseKeyEncoding,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  prepareAsymmetricKey,
  kConsumePublic,
  kConsumePrivate,
};
