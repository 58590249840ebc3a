// `util`: format/inspect (internal/inspect), deep equality (internal/comparisons), types,
// deprecate, inherits, promisify/callbackify, TextEncoder/TextDecoder and small helpers.
'use strict';

const { inspect, format, formatWithOptions, types, stripVTControlCharacters: stripVT } = require('internal/inspect');
const { isDeepStrictEqual } = require('internal/comparisons');
const { deprecate } = require('internal/warnings');
const { codes } = require('internal/errors');

/** `util.stripVTControlCharacters(str)`: `str` without VT100/ANSI control sequences. */
function stripVTControlCharacters(str) {
  if (typeof str !== 'string') throw codes.ERR_INVALID_ARG_TYPE('str', 'string', str);
  return stripVT(str);
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) throw codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  if (superCtor.prototype === undefined) throw codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');

function promisify(original) {
  if (typeof original !== 'function') throw codes.ERR_INVALID_ARG_TYPE('original', 'Function', original);
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    if (typeof fn !== 'function') throw codes.ERR_INVALID_ARG_TYPE('util.promisify.custom', 'Function', fn);
    return Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        resolve(values[0]);
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  if (typeof original !== 'function') throw codes.ERR_INVALID_ARG_TYPE('original', 'Function', original);
  function callbackified(...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('last argument', 'Function', callback);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(callback, null, ret),
      (rej) => {
        if (!rej) {
          const err = new Error('Promise was rejected with a falsy value');
          err.code = 'ERR_FALSY_VALUE_REJECTION';
          err.reason = rej;
          rej = err;
        }
        process.nextTick(callback, rej);
      });
  }
  return callbackified;
}


const encoding = () => require('internal/encoding');

module.exports = {
  format,
  formatWithOptions,
  inspect,
  isDeepStrictEqual,
  deprecate,
  inherits,
  promisify,
  callbackify,
  types,
  stripVTControlCharacters,
  // Node exports the engine's own Array.isArray.
  isArray: Array.isArray,
  isBoolean: function isBoolean(v) { return typeof v === 'boolean'; },
  isNull: function isNull(v) { return v === null; },
  isNullOrUndefined: function isNullOrUndefined(v) { return v === null || v === undefined; },
  isNumber: function isNumber(v) { return typeof v === 'number'; },
  isString: function isString(v) { return typeof v === 'string'; },
  isSymbol: function isSymbol(v) { return typeof v === 'symbol'; },
  isUndefined: function isUndefined(v) { return v === undefined; },
  isRegExp: types.isRegExp,
  isObject: function isObject(v) { return v !== null && typeof v === 'object'; },
  isDate: types.isDate,
  isError: function isError(v) { return types.isNativeError(v) || v instanceof Error; },
  isFunction: function isFunction(v) { return typeof v === 'function'; },
  isPrimitive: function isPrimitive(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); },
  isBuffer: function isBuffer(v) { return typeof Buffer === 'function' && Buffer.isBuffer !== undefined && Buffer.isBuffer(v); },
  toUSVString: (s) => String(s).toWellFormed(),
  getSystemErrorName: function getSystemErrorName(n) { return `Unknown system error ${n}`; },
  get TextEncoder() { return encoding().TextEncoder; },
  get TextDecoder() { return encoding().TextDecoder; },
};
