// Classic Diffie-Hellman (`internal/crypto/diffiehellman`): `DiffieHellman`/`createDiffieHellman`
// (a prime and generator given, or a safe prime of a size made here), `DiffieHellmanGroup`/
// `getDiffieHellman` (the RFC 2409/3526 MODP groups), key generation, the shared secret, the
// key getters and setters in any encoding, and `verifyError` (OpenSSL's DH_check flags), with
// Node's argument handling and errors. The number theory is native (crypto_dh.rs).
'use strict';

const { codes } = require('internal/errors');
const {
  bufferOf, getArrayBufferOrView, isAnyArrayBuffer, nativeError, opensslError, validateInt32,
} = require('internal/crypto/util');

const kHandle = Symbol('kHandle');
const DH_GENERATOR = 2;
const valueTypes = ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];

const dhError = (id, reason) => opensslError(id, 'Diffie-Hellman routines', reason, `ERR_OSSL_DH_${reason.toUpperCase().replace(/ /g, '_')}`);
const bitsTooSmall = () => opensslError('01800076', 'bignum routines', 'bits too small', 'ERR_OSSL_BN_BITS_TOO_SMALL');
const badGenerator = () => dhError('02800065', 'bad generator');

// crypto_dh.rs's failure numbers.
function nativeFailure(code) {
  if (code === 1) return dhError('0280007E', 'modulus too small');
  if (code === 2) return dhError('02800067', 'modulus too large');
  // Parameter generation queues a second error under the bad generator.
  const err = new Error('error:02800065:Diffie-Hellman routines::bad generator');
  err.opensslErrorStack = ['error:02880003:Diffie-Hellman routines::BN lib'];
  return Object.assign(err, { library: 'Diffie-Hellman routines', reason: 'bad generator', code: 'ERR_OSSL_DH_BAD_GENERATOR' });
}

// A big-endian number's bytes as OpenSSL's BN_bn2bin gives them back: no leading zeros.
function minimal(value) {
  const bytes = bufferOf(value);
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  return Buffer.from(bytes.subarray(i));
}

function encode(buffer, encoding) {
  if (encoding && encoding !== 'buffer') return buffer.toString(encoding);
  return buffer;
}

function toBuf(value, encoding) {
  if (typeof value !== 'string') return value;
  return Buffer.from(value, !encoding || encoding === 'buffer' ? 'utf8' : encoding);
}

// The state behind a DiffieHellman object (Node's native handle), out of user code's reach;
// inspect shows it with the handle's `verifyError` accessor.
class DhHandle {
  #prime;
  #generator;
  #verifyError;
  #privateKey = null;
  #publicKey = null;

  constructor(prime, generator, verifyError) {
    this.#prime = prime;
    this.#generator = generator;
    this.#verifyError = verifyError;
    Object.defineProperty(this, 'verifyError', {
      get: () => this.#verifyError, enumerable: true, configurable: false,
    });
  }

  static prime(handle) { return handle.#prime; }
  static generator(handle) { return handle.#generator; }
  static privateKey(handle) { return handle.#privateKey; }
  static publicKey(handle) { return handle.#publicKey; }
  static setPrivateKey(handle, key) { handle.#privateKey = key; }
  static setPublicKey(handle, key) { handle.#publicKey = key; }
}
Object.defineProperty(DhHandle, 'name', { value: 'DiffieHellman' });

class GroupHandle extends DhHandle {}
Object.defineProperty(GroupHandle, 'name', { value: 'DiffieHellmanGroup' });

// Node's native constructor: a size (a safe prime is made) or a prime, with a generator.
function makeHandle(sizeOrKey, generator) {
  let prime;
  if (typeof sizeOrKey === 'number') {
    if (typeof generator !== 'number') throw new Error('Initialization failed');
    prime = native.cryptoDhGenerateParams(sizeOrKey, generator);
    if (typeof prime === 'number') throw nativeFailure(prime);
  } else {
    prime = minimal(sizeOrKey);
    if (bufferOf(sizeOrKey).length === 0) throw bitsTooSmall();
  }
  let g;
  if (typeof generator === 'number') {
    if (generator < 2) throw badGenerator();
    g = Buffer.from(generator.toString(16).padStart(8, '0'), 'hex');
  } else {
    g = bufferOf(generator);
  }
  g = minimal(g);
  if (g.length === 0 || (g.length === 1 && g[0] === 1)) throw badGenerator();
  return new DhHandle(prime, g, native.cryptoDhCheck(prime, g));
}

function defineVerifyError(dh) {
  Object.defineProperty(dh, 'verifyError', {
    enumerable: true, value: dh[kHandle].verifyError, writable: false,
  });
}

/** `new DiffieHellman(sizeOrKey[, keyEncoding][, generator][, genEncoding])`. */
function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  if (typeof sizeOrKey !== 'number' && typeof sizeOrKey !== 'string' &&
      !ArrayBuffer.isView(sizeOrKey) && !isAnyArrayBuffer(sizeOrKey)) {
    throw codes.ERR_INVALID_ARG_TYPE('sizeOrKey', valueTypes, sizeOrKey);
  }
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');
  // A second argument that is no encoding is the generator (then its encoding follows it).
  if (keyEncoding && !Buffer.isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  sizeOrKey = toBuf(sizeOrKey, keyEncoding);
  if (!generator) {
    generator = DH_GENERATOR;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = toBuf(generator, genEncoding);
  } else if (!ArrayBuffer.isView(generator) && !isAnyArrayBuffer(generator)) {
    throw codes.ERR_INVALID_ARG_TYPE('generator', valueTypes, generator);
  }
  this[kHandle] = makeHandle(sizeOrKey, generator);
  defineVerifyError(this);
}

/** `new DiffieHellmanGroup(name)`: one of the MODP groups (modp1, 2, 5, 14-18). */
function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) return new DiffieHellmanGroup(name);
  if (typeof name !== 'string') throw nativeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Group name must be a string');
  const prime = native.cryptoDhGroup(name);
  if (prime === null) throw nativeError(Error, 'ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group');
  // The groups are safe primes with generator 2: DH_check finds nothing.
  this[kHandle] = new GroupHandle(prime, Buffer.from([DH_GENERATOR]), 0);
  defineVerifyError(this);
}

function noKey(kind) {
  return nativeError(Error, 'ERR_CRYPTO_INVALID_STATE', `No ${kind} key - did you forget to generate one?`);
}

function dhGenerateKeys(encoding) {
  const handle = this[kHandle];
  const keys = native.cryptoDhGenerateKeys(DhHandle.prime(handle), DhHandle.generator(handle), DhHandle.privateKey(handle));
  if (typeof keys === 'number') throw nativeFailure(keys);
  DhHandle.setPrivateKey(handle, keys[0]);
  DhHandle.setPublicKey(handle, keys[1]);
  return encode(Buffer.from(keys[1]), encoding);
}

function dhComputeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc);
  const handle = this[kHandle];
  const secret = native.cryptoDhComputeSecret(DhHandle.prime(handle), DhHandle.privateKey(handle), key);
  if (typeof secret === 'number') {
    // The peer key's DH_check_pub_key flags: 1 too small, 2 too large.
    if (secret & 1) throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too small');
    if (secret & 2) throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYLEN', 'Supplied key is too large');
    throw nativeError(RangeError, 'ERR_CRYPTO_INVALID_KEYTYPE', 'Invalid key type');
  }
  return encode(secret, outEnc);
}

function dhGetPrime(encoding) {
  return encode(Buffer.from(DhHandle.prime(this[kHandle])), encoding);
}

function dhGetGenerator(encoding) {
  return encode(Buffer.from(DhHandle.generator(this[kHandle])), encoding);
}

function dhGetPublicKey(encoding) {
  const key = DhHandle.publicKey(this[kHandle]);
  if (key === null) throw noKey('public');
  return encode(Buffer.from(key), encoding);
}

function dhGetPrivateKey(encoding) {
  const key = DhHandle.privateKey(this[kHandle]);
  if (key === null) throw noKey('private');
  return encode(Buffer.from(key), encoding);
}

const shared = {
  generateKeys: dhGenerateKeys,
  computeSecret: dhComputeSecret,
  getPrime: dhGetPrime,
  getGenerator: dhGetGenerator,
  getPublicKey: dhGetPublicKey,
  getPrivateKey: dhGetPrivateKey,
};
Object.assign(DiffieHellman.prototype, shared);
Object.assign(DiffieHellmanGroup.prototype, shared);

DiffieHellman.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  DhHandle.setPublicKey(this[kHandle], minimal(key));
  return this;
};

DiffieHellman.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  DhHandle.setPrivateKey(this[kHandle], minimal(key));
  return this;
};

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function createDiffieHellmanGroup(name) {
  return new DiffieHellmanGroup(name);
}

module.exports = {
  DiffieHellman, DiffieHellmanGroup, createDiffieHellman, createDiffieHellmanGroup,
};
