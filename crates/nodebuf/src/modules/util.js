// `util`: format/inspect (internal/inspect), deep equality (internal/comparisons), types,
// deprecate, inherits, promisify/callbackify, TextEncoder/TextDecoder and small helpers.
'use strict';

const {
  inspect, format, formatWithOptions, types: internalTypes, isModuleNamespace, stripVTControlCharacters: stripVT,
} = require('internal/inspect');
const { isDeepStrictEqual } = require('internal/comparisons');
const { deprecate } = require('internal/warnings');
const { codes, kCustomPromisifyArgs } = require('internal/errors');

/** `util.stripVTControlCharacters(str)`: `str` without VT100/ANSI control sequences. */
/**
 * `util.types` with Node's shape: its keys in Node's order; the checks Node implements in C++
 * are arrows with no parameters (length 0, no prototype), the typed array ones plain functions,
 * `isArrayBufferView` is `ArrayBuffer.isView`, and `isKeyObject`/`isCryptoKey` load crypto on
 * their first call (non-writable, non-configurable methods named `value`, as Node's).
 */
function makeTypes() {
  const t = internalTypes;
  const likeCxx = (check) => (...args) => check(args[0]);
  const out = {
    // No value a script can reach is a V8 External (an embedder's pointer wrapper).
    isExternal: (...args) => args.length < 0,
  };
  for (const name of ['isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject', 'isNumberObject',
    'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp', 'isAsyncFunction', 'isGeneratorFunction',
    'isGeneratorObject', 'isPromise', 'isMap', 'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet',
    'isArrayBuffer', 'isDataView', 'isSharedArrayBuffer', 'isProxy']) {
    out[name] = likeCxx(t[name]);
  }
  out.isModuleNamespaceObject = likeCxx((v) => v !== null && typeof v === 'object' && isModuleNamespace(v));
  out.isAnyArrayBuffer = likeCxx(t.isAnyArrayBuffer);
  out.isBoxedPrimitive = likeCxx(t.isBoxedPrimitive);
  out.isArrayBufferView = ArrayBuffer.isView;
  for (const name of ['isTypedArray', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array', 'isUint32Array',
    'isInt8Array', 'isInt16Array', 'isInt32Array', 'isFloat32Array', 'isFloat64Array', 'isBigInt64Array',
    'isBigUint64Array']) {
    out[name] = t[name];
  }
  Object.defineProperties(out, {
    isKeyObject: {
      value(obj) { return require('internal/crypto/keys').isKeyObject(obj); },
      enumerable: true,
    },
    isCryptoKey: {
      value(obj) { return require('internal/crypto/webcrypto').isCryptoKey(obj); },
      enumerable: true,
    },
  });
  // Arrows named by their key (`likeCxx(...)` makes them anonymous).
  for (const name of Object.keys(out)) {
    if (out[name].name === '') Object.defineProperty(out[name], 'name', { value: name });
  }
  return out;
}
const types = makeTypes();

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
  const names = original[kCustomPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        if (names === undefined) return resolve(values[0]);
        const named = {};
        for (let i = 0; i < names.length; i++) named[names[i]] = values[i];
        resolve(named);
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
    const bound = callback.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(bound, null, ret),
      (rej) => process.nextTick(onCallbackifiedRejection, rej, bound));
  }
  // The original's own properties, its length one more and its name + 'Callbackified' (when
  // they are a number and a string), as Node copies them.
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  for (const descriptor of Object.values(descriptors)) Object.setPrototypeOf(descriptor, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

/** A callbackified function's rejection: a falsy reason becomes ERR_FALSY_VALUE_REJECTION. */
function onCallbackifiedRejection(reason, callback) {
  if (!reason) {
    const err = require('internal/errors').makeNodeError(Error, 'ERR_FALSY_VALUE_REJECTION',
      'Promise was rejected with falsy value');
    err.reason = reason;
    reason = err;
  }
  return callback(reason);
}

const encoding = () => require('internal/encoding');

/** `util.getSystemErrorName(err)`: libuv's name for a negative errno. */
function getSystemErrorName(err) {
  if (typeof err !== 'number') throw codes.ERR_INVALID_ARG_TYPE('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) throw codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  return require('internal/uv').errname(err);
}

/** `util.getSystemErrorMap()`: every libuv errno with its name and description. */
function getSystemErrorMap() {
  return new Map(require('internal/uv').errorMap);
}

/** `util._errnoException(err, syscall[, original])`: Node's system error for a libuv errno. */
function _errnoException(err, syscall, original) {
  const code = require('internal/uv').errname(err);
  const ex = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

/** `util._exceptionWithHostPort(err, syscall, address[, port[, additional]])`. */
function _exceptionWithHostPort(err, syscall, address, port, additional) {
  return require('internal/errors').exceptionWithHostPort(err, syscall, address, port, additional);
}

/** `util._extend(target, source)`: copies `source`'s own enumerable keys (last first). */
function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// NODE_DEBUG as Node reads it at start-up (the bootstrap keeps the value it saw): comma-separated
// section names, `*` as a wildcard, compared without case.
let debugSectionTest = null;
function debugSectionEnabled(section) {
  if (debugSectionTest === null) {
    const env = native.nodeDebugAtStart;
    if (env) {
      const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replaceAll('*', '.*').replaceAll(',', '$|^');
      const regex = new RegExp(`^${pattern}$`, 'i');
      debugSectionTest = (name) => regex.exec(name) !== null;
    } else {
      debugSectionTest = () => false;
    }
  }
  return debugSectionTest(section);
}

const debugImpls = Object.create(null);
function debugImpl(enabled, section) {
  if (debugImpls[section] === undefined) {
    if (enabled) {
      const pid = process.pid;
      if (section === 'HTTP' || section === 'HTTP2') {
        process.emitWarning(`Setting the NODE_DEBUG environment variable to '${section.toLowerCase()}' can expose sensitive ` +
          'data (such as passwords, tokens and authentication headers) in the resulting log.');
      }
      debugImpls[section] = function debug(...args) {
        const colors = process.stderr.isTTY === true && process.stderr.hasColors();
        const message = formatWithOptions({ colors }, ...args);
        process.stderr.write(format('%s %s: %s\n', section, inspect(pid, { colors }), message));
      };
    } else {
      debugImpls[section] = function debug() {};
    }
  }
  return debugImpls[section];
}

/**
 * `util.debuglog(section[, callback])`: a logger that writes `SECTION pid: message` to stderr
 * when NODE_DEBUG names the section; `callback` gets the real logger on first use.
 */
function debuglog(section, callback) {
  let enabled;
  const init = () => {
    section = `${section}`.toUpperCase();
    enabled = debugSectionEnabled(section);
  };
  let debug = (...args) => {
    init();
    debug = debugImpl(enabled, section);
    if (typeof callback === 'function') callback(debug);
    return debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    get() {
      return test();
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

const kMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n) => `${n}`.padStart(2, '0');

/** `util.log(...args)`: console.log with a `d Mon HH:MM:SS - ` timestamp. */
function log(...args) {
  const d = new Date();
  const time = [pad2(d.getHours()), pad2(d.getMinutes()), pad2(d.getSeconds())].join(':');
  console.log('%s - %s', `${d.getDate()} ${kMonths[d.getMonth()]} ${time}`, format(...args));
}

/**
 * `util.aborted(signal, resource)`: a promise settled when `signal` aborts (at once if it
 * has), for as long as `resource` lives.
 */
async function aborted(signal, resource) {
  if (signal === undefined) throw codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  require('internal/abort_controller').validateAbortSignal(signal, 'signal');
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw codes.ERR_INVALID_ARG_TYPE('resource', 'object', resource);
  }
  if (signal.aborted) return undefined;
  const resourceRef = new WeakRef(resource);
  return new Promise((resolve) => {
    signal.addEventListener('abort', (event) => {
      if (resourceRef.deref() !== undefined) resolve(event);
    }, { once: true });
  });
}

/** `util.styleText(format, text[, options])` (internal/util/style_text, loaded on first call). */
function styleText(format, text, options = undefined) {
  return require('internal/util/style_text').styleText(format, text, options);
}

/** `util.parseEnv(content)` (internal/dotenv, loaded on first call). */
function parseEnv(content) {
  return require('internal/dotenv').parseEnv(content);
}

const abortController = () => require('internal/abort_controller');
const mime = () => require('internal/mime');

/**
 * Node's lazy exports: an accessor pair (`get name`/`set name`) that loads on first read and
 * then becomes a plain data property (as does any value assigned first).
 */
function defineLazy(target, name, load) {
  const becomeData = (value) => {
    Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  const accessors = {
    get [name]() {
      return becomeData(load());
    },
    set [name](value) {
      becomeData(value);
    },
  };
  Object.defineProperty(target, name, { ...Object.getOwnPropertyDescriptor(accessors, name), enumerable: true });
}

// Node's key order; the getters load their modules on first use, as Node's lazy ones do.
module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  // Node exports the engine's own Array.isArray.
  isArray: Array.isArray,
  isBoolean: function isBoolean(v) { return typeof v === 'boolean'; },
  isBuffer: function isBuffer(v) { return typeof Buffer === 'function' && Buffer.isBuffer !== undefined && Buffer.isBuffer(v); },
  isDeepStrictEqual,
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
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString: (s) => String(s).toWellFormed(),
  get transferableAbortSignal() { return abortController().transferableAbortSignal; },
  get transferableAbortController() { return abortController().transferableAbortController; },
  get aborted() { return aborted; },
  types,
  parseEnv,
  // (Placeholders keeping Node's key order for the lazy exports defined below.)
  parseArgs: undefined,
  TextDecoder: undefined,
  TextEncoder: undefined,
  MIMEType: undefined,
  MIMEParams: undefined,
};
defineLazy(module.exports, 'parseArgs', () => require('internal/util/parse_args').parseArgs);
defineLazy(module.exports, 'TextDecoder', () => encoding().TextDecoder);
defineLazy(module.exports, 'TextEncoder', () => encoding().TextEncoder);
defineLazy(module.exports, 'MIMEType', () => mime().MIMEType);
defineLazy(module.exports, 'MIMEParams', () => mime().MIMEParams);
