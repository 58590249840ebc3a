// `crypto.generatePrime(Sync)` and `crypto.checkPrime(Sync)` (`internal/crypto/prime`), with
// Node's option validation (size, safe, add, rem, bigint; candidate and checks) and OpenSSL's
// errors. The primes are made and tested natively (crypto_prime.rs); the callback forms report
// in the loop's poll phase, as Node's thread-pool jobs do.
'use strict';

const { codes, validateFunction, validateObject, validateInteger } = require('internal/errors');
const { bufferOf, isAnyArrayBuffer, nativeError, opensslText } = require('internal/crypto/util');
const { queueIoCompletion } = require('internal/loop');

const kInt32Max = 2 ** 31 - 1;
const numberTypes = ['ArrayBuffer', 'TypedArray', 'Buffer', 'DataView', 'bigint'];

// crypto_prime.rs's failure numbers, as OpenSSL words them.
const failures = {
  1: 'error:01800076:bignum routines::bits too small',
  2: 'error:01800067:bignum routines::div by zero',
  3: 'error:01800072:bignum routines::bignum too long',
  4: 'error:018C0100:bignum routines::malloc failure',
};

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

/** A non-negative BigInt as the big-endian bytes Node passes to OpenSSL. */
function unsignedBigIntToBuffer(value, name) {
  if (value < 0) throw codes.ERR_OUT_OF_RANGE(name, '>= 0', value);
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
}

function toBigInt(value) {
  const bytes = bufferOf(value);
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

function numberOption(options, name) {
  const value = options[name];
  if (value === undefined) return undefined;
  if (typeof value === 'bigint') return unsignedBigIntToBuffer(value, `options.${name}`);
  if (!isAnyArrayBuffer(value) && !ArrayBuffer.isView(value)) {
    throw codes.ERR_INVALID_ARG_TYPE(`options.${name}`, numberTypes, value);
  }
  return value;
}

// Validates as Node's prime job constructor and returns the work: a function returning
// [error, prime].
function primeJob(size, options) {
  validateInteger(size, 'size', 1, kInt32Max);
  validateObject(options, 'options');
  const { safe = false, bigint = false } = options;
  validateBoolean(safe, 'options.safe');
  validateBoolean(bigint, 'options.bigint');
  const add = numberOption(options, 'add');
  const rem = numberOption(options, 'rem');
  if (add !== undefined) {
    const addValue = toBigInt(add);
    if (addValue.toString(2).length > size && addValue !== 0n) {
      throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'invalid options.add');
    }
    if (rem !== undefined && toBigInt(rem) >= addValue) {
      throw nativeError(RangeError, 'ERR_OUT_OF_RANGE', 'invalid options.rem');
    }
  }
  return () => {
    const prime = native.cryptoGeneratePrime(size, safe, add, add === undefined ? undefined : rem);
    if (typeof prime === 'number') return [opensslText(failures[prime]), undefined];
    if (bigint) return [undefined, toBigInt(prime)];
    return [undefined, prime.buffer.slice(prime.byteOffset, prime.byteOffset + prime.length)];
  };
}

/** `generatePrimeSync(size[, options])`: an ArrayBuffer, or a bigint with `options.bigint`. */
function generatePrimeSync(size, options = {}) {
  const [err, prime] = primeJob(size, options)();
  if (err) throw err;
  return prime;
}

/** `generatePrime(size[, options], callback)`: calls back `(err, prime)`. */
function generatePrime(size, options, callback) {
  validateInteger(size, 'size', 1, kInt32Max);
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const job = primeJob(size, options);
  const [err, prime] = job();
  if (err) queueIoCompletion(callback, err);
  else queueIoCompletion(callback, undefined, prime);
}

function candidateOf(candidate) {
  if (typeof candidate === 'bigint') return unsignedBigIntToBuffer(candidate, 'candidate');
  if (!isAnyArrayBuffer(candidate) && !ArrayBuffer.isView(candidate)) {
    throw codes.ERR_INVALID_ARG_TYPE('candidate', numberTypes, candidate);
  }
  return candidate;
}

function checksOf(options) {
  validateObject(options, 'options');
  const { checks = 0 } = options;
  validateInteger(checks, 'options.checks', 0, kInt32Max);
  return checks;
}

/** `checkPrimeSync(candidate[, options])`: whether the candidate is (probably) prime. */
function checkPrimeSync(candidate, options = {}) {
  candidate = candidateOf(candidate);
  return native.cryptoCheckPrime(candidate, checksOf(options));
}

/** `checkPrime(candidate[, options], callback)`: calls back `(err, result)`. */
function checkPrime(candidate, options = {}, callback) {
  candidate = candidateOf(candidate);
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  validateFunction(callback, 'callback');
  const result = native.cryptoCheckPrime(candidate, checksOf(options));
  queueIoCompletion(callback, undefined, result);
}

module.exports = { generatePrime, generatePrimeSync, checkPrime, checkPrimeSync };
