// Node-shaped errors for the JS builtins, and V8-style `error.stack` text.
'use strict';

const ObjectGetPrototypeOf = Object.getPrototypeOf;
let callSiteModule;
// internal/call_site (V8's CallSite methods and frame text), loaded with the first stack
// formatted or the first engine error that needs its frame. `site`, a call site the engine
// handed over, gives it the CallSite prototype, whose methods it replaces at once: no script
// sees a call site before that (they reach scripts only through these hooks).
function callSite(site) {
  if (callSiteModule === undefined) callSiteModule = require('internal/call_site');
  if (site !== null && typeof site === 'object') callSiteModule.installCallSiteMethods(ObjectGetPrototypeOf(site));
  return callSiteModule;
}

const ReflectApply = Reflect.apply;

// QuickJS words some engine errors differently from V8; scripts print these messages, so the
// common ones are reworded to V8's text when the error is created.
const engineMessages = [
  [/^cannot read property '(.*)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')"],
  [/^cannot set property '(.*)' of (undefined|null)$/, "Cannot set properties of $2 (setting '$1')"],
  [/^invalid array length$/, 'Invalid array length'],
  [/^invalid string length$/, 'Invalid string length'],
  [/^invalid array buffer length$/, 'Invalid array buffer length'],
  [/^cannot convert BigInt to number$/, 'Cannot mix BigInt and other types, use explicit conversions'],
  [/^cannot convert symbol to string$/, 'Cannot convert a Symbol value to a string'],
  [/^toPrimitive$/, 'Cannot convert object to primitive value'],
  [/^cannot convert symbol to number$/, 'Cannot convert a Symbol value to a number'],
  [/^(.*) \(line \d+ column \d+\)$/, '$1'],
  // A script declaring a global name an earlier script declared (the REPL's `let a` twice).
  [/^redeclaration of '(.*)'$/, "Identifier '$1' has already been declared"],
  [/^cannot delete a direct reference in strict mode$/, 'Delete of an unqualified identifier in strict mode.'],
  // A regular expression literal the line (or the input) ends before its closing `/`.
  [/^unexpected (?:line terminator in|end of) regexp$/, 'Invalid regular expression: missing /'],
];

// V8 names the builtin that met a detached buffer; the engine's frame gives the function. The
// prototypes' properties are taken now, before any script can replace them (one native call
// each); the function -> name table is made from them when an engine error first needs it.
const builtinDescriptors = [
  [Object.getOwnPropertyDescriptors(Object.getPrototypeOf(Uint8Array.prototype)), '%TypedArray%.prototype'],
  [Object.getOwnPropertyDescriptors(DataView.prototype), 'DataView.prototype'], // (index 1)
  [Object.getOwnPropertyDescriptors(ArrayBuffer.prototype), 'ArrayBuffer.prototype'],
];
const ReflectOwnKeys = Reflect.ownKeys;
let builtinTables;
// { names: Map<function, 'Proto.key'>, dataViewAccessors: Set<function> } (DataView's get*/set*),
// made with the primordial collections: a script may have replaced anything by then.
function builtinTable() {
  if (builtinTables !== undefined) return builtinTables;
  const { SafeMap, SafeSet } = native.primordials;
  const names = new SafeMap();
  const dataViewAccessors = new SafeSet();
  for (let i = 0; i < builtinDescriptors.length; i++) {
    const descriptors = builtinDescriptors[i][0];
    const prefix = builtinDescriptors[i][1];
    const keys = ReflectOwnKeys(descriptors);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k];
      if (typeof key !== 'string' || key === 'constructor') continue;
      const d = descriptors[key];
      if (typeof d.value === 'function') names.set(d.value, `${prefix}.${key}`);
      if (typeof d.get === 'function') names.set(d.get, `${prefix}.${key}`);
      const accessor = (key[0] === 'g' || key[0] === 's') && key[1] === 'e' && key[2] === 't';
      if (i === 1 && accessor) dataViewAccessors.add(d.value);
    }
  }
  builtinTables = { names, dataViewAccessors };
  return builtinTables;
}

// Rewordings that need the engine frame the error came from (`site`: the innermost call site)
// but no argument value; the constructors and BigInt() that need values are reworded by
// `internal/messages` as they throw.
function translateBySite(error, message, site) {
  // (isNative answers the same before internal/call_site replaces the methods and after: it
  // loads only for an error a builtin threw.)
  if (site === undefined || !site.isNative()) return undefined;
  const { functionOf } = callSite(site);
  let fn;
  try { fn = functionOf(site); } catch { fn = undefined; }
  const fnName = site.getFunctionName();
  const { names: builtinNames, dataViewAccessors } = builtinTable();
  if (/^ArrayBuffer is detached( or resized)?$/.test(message) && builtinNames.has(fn)) {
    return `Cannot perform ${builtinNames.get(fn)} on a detached ArrayBuffer`;
  }
  if (error instanceof RangeError && dataViewAccessors.has(fn) &&
      (message === 'out of bound' || message === 'invalid array index')) {
    return 'Offset is outside the bounds of the DataView';
  }
  if (error instanceof RangeError && message === 'invalid array length' &&
      builtinNames.get(fn) === '%TypedArray%.prototype.set') {
    return 'offset is out of bounds';
  }
  if (message === 'invalid number of digits') {
    if (fnName === 'toFixed') return 'toFixed() digits argument must be between 0 and 100';
    if (fnName === 'toPrecision') return 'toPrecision() argument must be between 1 and 100';
    if (fnName === 'toExponential') return 'toExponential() argument must be between 0 and 100';
  }
  return undefined;
}

// (A primordial map: engine errors are reworded the same after a script replaced Map.prototype.get.)
const siteFreeMessages = new native.primordials.SafeMap([
  // V8 words a missing iterator on null or undefined as not iterable.
  ["cannot read property 'Symbol(Symbol.iterator)' of null",
    'object null is not iterable (cannot read property Symbol(Symbol.iterator))'],
  ["cannot read property 'Symbol(Symbol.iterator)' of undefined",
    'undefined is not iterable (cannot read property Symbol(Symbol.iterator))'],
  ['invalid string length', 'Invalid string length'],
  ['bigint argument with unary +', 'Cannot convert a BigInt value to a number'],
  ['bad normalization form', 'The normalization form should be one of NFC, NFD, NFKC, NFKD.'],
]);

// Called by the engine as it makes an error of its own (`site`: its innermost call site, or
// undefined), before any script can see it.
function translateEngineMessage(error, site) {
  if (error === null || typeof error !== 'object') return;
  const desc = Object.getOwnPropertyDescriptor(error, 'message');
  if (desc === undefined || typeof desc.value !== 'string') return;
  const bySite = translateBySite(error, desc.value, site);
  const fixed = bySite === undefined ? siteFreeMessages.get(desc.value) : bySite;
  if (fixed !== undefined) {
    error.message = fixed;
    return;
  }
  // Every engine text the patterns match starts with a lower-case letter or ends with ')':
  // other messages (a script's, Node's) skip the ten regular expressions.
  const text = desc.value;
  const first = text.charCodeAt(0);
  if (!(first >= 0x61 && first <= 0x7a) && text.charCodeAt(text.length - 1) !== 0x29) return;
  for (let i = 0; i < engineMessages.length; i++) {
    const pattern = engineMessages[i][0];
    if (pattern.test(text)) {
      error.message = text.replace(pattern, engineMessages[i][1]);
      return;
    }
  }
}

// Where each error was created: { file, line, column } of its first user frame, for the
// source line Node prints above an uncaught error.
const errorSites = new WeakMap();

// The first user frame of `error`'s stack, once formatted.
function recordErrorSite(error, sites) {
  if (error === null || typeof error !== 'object' || errorSites.has(error)) return;
  for (let i = 0; i < sites.length; i++) {
    const site = sites[i];
    const file = site.getFileName();
    if (typeof file === 'string' && !file.startsWith('node:') && site.getLineNumber() > 0) {
      errorSites.set(error, { file, line: site.getLineNumber(), column: site.getColumnNumber() });
      return;
    }
  }
}

const ErrorPrototypeToString = Error.prototype.toString;
const MainError = Error;
const global = globalThis;

// V8's text for a stack: the error's toString() (Node's errors: `Name [CODE]: message`) and
// one `    at` line per frame.
function defaultStackText(error, sites) {
  const { frameText, isCallSite, isErrorBuilderFrame, isFramelessBuiltin } = callSite();
  let text = isNodeError(error) ? `${error.name} [${error.code}]: ${error.message}`
    : ReflectApply(ErrorPrototypeToString, error, []);
  let builders = 0;
  while (builders < sites.length && isCallSite(sites[builders]) && isErrorBuilderFrame(sites[builders])) {
    builders++;
  }
  // (A class extending Error: the engine already left out its constructors' frames, engine
  // patch quickjs-0028.)
  for (let i = builders; i < sites.length; i++) {
    const site = sites[i];
    if (!isCallSite(site)) text += `\n    at ${site}`;
    else if (!isFramelessBuiltin(site)) text += `\n    at ${frameText(site)}`;
  }
  return text;
}

// Node's Error.prepareStackTrace: the default formatting, callable by scripts.
function ErrorPrepareStackTrace(error, trace) {
  return defaultStackText(error, trace);
}

let formatting = 0;

// Called by the engine on the first read of an error's `stack` (V8 formats it then, not when the
// error is made): the global Error's prepareStackTrace is used if it is a function, as in Node;
// a read while one runs gets the default text.
function formatStackOnFirstRead(error, sites) {
  if (sites.length > 0) callSite(sites[0]);
  recordErrorSite(error, sites);
  if (formatting > 0) return defaultStackText(error, sites);
  formatting++;
  try {
    if (typeof global.Error?.prepareStackTrace === 'function') {
      return global.Error.prepareStackTrace(error, sites);
    }
    if (typeof MainError.prepareStackTrace === 'function') {
      return MainError.prepareStackTrace(error, sites);
    }
    return defaultStackText(error, sites);
  } finally {
    formatting--;
  }
}

function installStackFormat() {
  Object.defineProperty(Error, 'prepareStackTrace', {
    value: ErrorPrepareStackTrace, writable: true, configurable: true, enumerable: false,
  });
  // A data property, as V8's: the engine reads it as V8 does once the hooks are set (engine
  // patch 0057: an accessor, a deleted or a non-number limit records no stack).
  Object.defineProperty(Error, 'stackTraceLimit', {
    value: 10, writable: true, configurable: true, enumerable: true,
  });
  native.setErrorStackHooks(formatStackOnFirstRead, translateEngineMessage);
}

/**
 * The stack hooks installStackFormat gives the main realm, for another realm made to look the
 * same (the REPL's context): `[formatter, onEngineError]`.
 */
function stackHooks() {
  return [formatStackOnFirstRead, translateEngineMessage];
}

// --- Node error objects -------------------------------------------------------------------

// Node's error prototypes (one per base class, `Name [CODE]: message` as toString() and stack
// header) are shared with the errors natives throw.
const { protoFor, isNodeError } = native.nodeErrorMaker;

// An error like Node's internal ones: `Base` instance, enumerable `code` only, `String(e)` and
// the first stack line read `Name [CODE]: message`.
// The codes (of those nodebuf raises) whose Node message template is a function, each checked
// against node's Reflect.ownKeys order.
const codeBeforeMessage = new Set([
  'ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE', 'ERR_OUT_OF_RANGE', 'ERR_SOCKET_BAD_PORT',
  'ERR_INVALID_CHAR', 'ERR_INVALID_URL_SCHEME', 'ERR_UNHANDLED_ERROR', 'ERR_BUFFER_OUT_OF_BOUNDS',
  'ERR_PARSE_ARGS_UNKNOWN_OPTION', 'ERR_INVALID_MIME_SYNTAX',
]);

function makeNodeError(Base, code, message) {
  const error = new Base(message);
  Object.setPrototypeOf(error, protoFor(Base));
  // Own keys: stack, message, code; but stack, code, message for the codes whose message Node
  // builds with a function (its NodeError class sets `code` before `message`).
  if (codeBeforeMessage.has(code)) delete error.message;
  error.code = code;
  Object.defineProperty(error, 'message', { value: message, writable: true, configurable: true, enumerable: false });
  return error;
}

const classRegExp = /^([A-Z][a-z0-9]*)+$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

// Node's rendering of the received value in ERR_OUT_OF_RANGE: integers and bigints past 2**32
// with `_` between groups of three digits (bigints with their `n`), anything else inspected.
function groupDigits(digits) {
  const first = digits[0] === '-' ? 1 : 0;
  let end = digits.length;
  let grouped = '';
  while (end - first > 3) {
    grouped = `_${digits.slice(end - 3, end)}${grouped}`;
    end -= 3;
  }
  return `${digits.slice(0, end)}${grouped}`;
}

function outOfRangeReceived(value) {
  if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) return groupDigits(String(value));
  if (typeof value === 'bigint') {
    const digits = String(value);
    return `${value > 2n ** 32n || value < -(2n ** 32n) ? groupDigits(digits) : digits}n`;
  }
  return require('internal/inspect').inspect(value);
}

function listJoin(items, last) {
  if (items.length <= 2) return items.join(` ${last} `);
  return `${items.slice(0, -1).join(', ')}, ${last} ${items[items.length - 1]}`;
}

// The "Received ..." tail of ERR_INVALID_ARG_TYPE and friends.
function describeReceived(value) {
  if (value == null) return ` Received ${value}`;
  if (typeof value === 'function' && value.name) return ` Received function ${value.name}`;
  if (typeof value === 'function') return ' Received function ';
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) return ` Received an instance of ${value.constructor.name}`;
    const { inspect } = require('internal/inspect');
    return ` Received ${inspect(value, { depth: -1 })}`;
  }
  const { inspect } = require('internal/inspect');
  let shown = inspect(value, { colors: false });
  // (Only a string is cut short: a symbol's or bigint's text is shown whole.)
  if (typeof value === 'string' && shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) msg += `${name} `;
  else msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    msg += `${types.length > 1 ? 'one of type' : 'of type'} ${listJoin(types, 'or')}`;
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    msg += `an instance of ${listJoin(instances, 'or')}`;
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 1) msg += `one of ${listJoin(other, 'or')}`;
    else {
      // A single named type with capitals reads 'an ArrayBufferView[]', as in Node.
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += other[0];
    }
  }
  return `${msg}.${describeReceived(actual)}`;
}

/** Node's SystemError: a failed system call reported with its libuv context (`info`). */
class SystemError extends Error {
  // As Node's: inspected with `getters: true`, so `errno`, `syscall`, `path` and `dest` show
  // their values (`[Getter/Setter: -3]`).
  [Symbol.for('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return require('internal/inspect').inspect(this, { ...ctx, getters: true, customInspect: false });
  }
}
Object.defineProperty(SystemError.prototype, 'name', { value: 'SystemError', writable: true, configurable: true });

/** Node's ErrnoException for a failed libuv call: `syscall CODE`, then errno, code, syscall. */
function errnoException(err, syscall) {
  const code = require('internal/uv').errname(err);
  const ex = new Error(`${syscall} ${code}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

// Node's ERR_SYSTEM_ERROR for a failed libuv call (a negative errno).
function systemCallError(syscall, errno) {
  const [code, description] = require('internal/uv').errorMap.get(errno) ?? ['UNKNOWN', 'unknown error'];
  return systemError('ERR_SYSTEM_ERROR', 'A system error occurred', { errno, code, message: description, syscall });
}

const codes = {
  ERR_SYSTEM_ERROR: systemCallError,
  ERR_UNKNOWN_CREDENTIAL: (type, id) => makeNodeError(Error, 'ERR_UNKNOWN_CREDENTIAL', `${type} identifier does not exist: ${id}`),
  ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET: () => makeNodeError(Error, 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
    '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active'),
  ERR_DLOPEN_FAILED: (message) => makeNodeError(Error, 'ERR_DLOPEN_FAILED', message),
  ERR_INVALID_MODULE: (message) => makeNodeError(Error, 'ERR_INVALID_MODULE', message),
  ERR_INVALID_ARG_TYPE: (name, expected, actual) =>
    makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', invalidArgTypeMessage(name, expected, actual)),
  ERR_INVALID_ARG_VALUE: (name, value, reason = 'is invalid') => {
    const { inspect } = require('internal/inspect');
    let shown = inspect(value);
    if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
    const type = name.includes('.') ? 'property' : 'argument';
    return makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The ${type} '${name}' ${reason}. Received ${shown}`);
  },
  ERR_INVALID_IP_ADDRESS: (address) => makeNodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${address}`),
  ERR_DNS_SET_SERVERS_FAILED: (err, servers) =>
    makeNodeError(Error, 'ERR_DNS_SET_SERVERS_FAILED', `c-ares failed to set servers: "${err}" [${servers}]`),
  ERR_OUT_OF_RANGE: (name, range, received) =>
    makeNodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be ${range}. Received ${outOfRangeReceived(received)}`),
  ERR_MISSING_ARGS: (...names) =>
    makeNodeError(TypeError, 'ERR_MISSING_ARGS', `The ${listJoin(names.map((n) => `"${n}"`), 'and')} argument${names.length > 1 ? 's' : ''} must be specified`),
  ERR_UNHANDLED_REJECTION: (message) => makeNodeError(Error, 'ERR_UNHANDLED_REJECTION', message),
  ERR_ENCODING_INVALID_ENCODED_DATA: (encoding) =>
    makeNodeError(TypeError, 'ERR_ENCODING_INVALID_ENCODED_DATA', `The encoded data was not valid for encoding ${encoding}`),
  ERR_ENCODING_NOT_SUPPORTED: (encoding) =>
    makeNodeError(RangeError, 'ERR_ENCODING_NOT_SUPPORTED', `The "${encoding}" encoding is not supported`),
  ERR_METHOD_NOT_IMPLEMENTED: (method) =>
    makeNodeError(Error, 'ERR_METHOD_NOT_IMPLEMENTED', `The ${method} method is not implemented`),
  ERR_INVALID_THIS: (type) => makeNodeError(TypeError, 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`),
  // (What was returned is described as ERR_INVALID_ARG_TYPE describes what it received.)
  ERR_INVALID_RETURN_VALUE: (input, name, value) => makeNodeError(TypeError, 'ERR_INVALID_RETURN_VALUE',
    `Expected ${input} to be returned from the "${name}" function but got${describeReceived(value).slice(' Received'.length)}.`),
  ERR_AMBIGUOUS_ARGUMENT: (name, reason) =>
    makeNodeError(TypeError, 'ERR_AMBIGUOUS_ARGUMENT', `The "${name}" argument is ambiguous. ${reason}`),
  ERR_INVALID_REPL_INPUT: (message) => makeNodeError(TypeError, 'ERR_INVALID_REPL_INPUT', message),
  ERR_INVALID_REPL_EVAL_CONFIG: () => makeNodeError(TypeError, 'ERR_INVALID_REPL_EVAL_CONFIG',
    'Cannot specify both "breakEvalOnSigint" and "eval" for REPL'),
  ERR_DIR_CLOSED: () => makeNodeError(Error, 'ERR_DIR_CLOSED', 'Directory handle was closed'),
  ERR_EVAL_ESM_CANNOT_PRINT: () =>
    makeNodeError(Error, 'ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input'),
  ERR_DIR_CONCURRENT_OPERATION: () => makeNodeError(Error, 'ERR_DIR_CONCURRENT_OPERATION',
    'Cannot do synchronous work on directory handle with concurrent asynchronous operations'),
  ERR_FS_INVALID_SYMLINK_TYPE: (type) => makeNodeError(Error, 'ERR_FS_INVALID_SYMLINK_TYPE',
    `Symlink type must be one of "dir", "file", or "junction". Received "${type}"`),
  ERR_INCOMPATIBLE_OPTION_PAIR: (a, b) => makeNodeError(TypeError, 'ERR_INCOMPATIBLE_OPTION_PAIR',
    `Option "${a}" cannot be used in combination with option "${b}"`),
  ERR_INVALID_URL_SCHEME: (scheme) => makeNodeError(TypeError, 'ERR_INVALID_URL_SCHEME', `The URL must be of scheme ${scheme}`),
  ERR_UNKNOWN_SIGNAL: (signal) => makeNodeError(TypeError, 'ERR_UNKNOWN_SIGNAL', `Unknown signal: ${signal}`),
  ERR_ARG_NOT_ITERABLE: (name) => makeNodeError(TypeError, 'ERR_ARG_NOT_ITERABLE', `${name} must be iterable`),
  ERR_INVALID_TUPLE: (name, tuple) => makeNodeError(TypeError, 'ERR_INVALID_TUPLE', `${name} must be an iterable ${tuple} tuple`),
  ERR_INVALID_STATE: (message) => makeNodeError(Error, 'ERR_INVALID_STATE', `Invalid state: ${message}`),
  ERR_REQUIRE_ESM: (file) => makeNodeError(Error, 'ERR_REQUIRE_ESM', `require() of ES Module ${file} not supported.`),
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (message) => makeNodeError(TypeError, 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE', message),
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (option, allowPositionals) => {
    // With positionals allowed, Node suggests passing a dash-led word after '--' (its text has
    // no closing quote).
    const hint = allowPositionals
      ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}`
      : '';
    return makeNodeError(TypeError, 'ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${option}'${hint}`);
  },
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: (value) => makeNodeError(TypeError, 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
    `Unexpected argument '${value}'. This command does not take positional arguments`),
  // The test runner's wrapper of a test's failure: `cause` is what the test threw (or the
  // runner's own message), `failureType` why it failed. Own keys as Node's: stack, code,
  // failureType, cause, message; frames of the runtime's internal modules are left out of its
  // stack, as Node hides its `node:internal` ones.
  ERR_TEST_FAILURE: (error, failureType) => {
    let message = error?.message ?? error;
    if (typeof message !== 'string') message = require('internal/inspect').inspect(message);
    const err = makeNodeError(Error, 'ERR_TEST_FAILURE', message);
    delete err.message;
    err.failureType = failureType;
    err.cause = error;
    Object.defineProperty(err, 'message', { value: message, writable: true, configurable: true, enumerable: false });
    const stack = err.stack;
    if (typeof stack === 'string') {
      const kept = stack.split('\n').filter((line) => !/^\s+at (?:.*\()?node:internal\//.test(line));
      Object.defineProperty(err, 'stack', { value: kept.join('\n'), writable: true, configurable: true, enumerable: false });
    }
    return err;
  },
  ERR_INVALID_MIME_SYNTAX: (production, text, invalidIndex) => makeNodeError(TypeError, 'ERR_INVALID_MIME_SYNTAX',
    `The MIME syntax for a ${production} in "${text}" is invalid${invalidIndex === -1 ? '' : ` at ${invalidIndex}`}`),
};

function validateFunction(value, name) {
  if (typeof value !== 'function') throw codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

function validateString(value, name) {
  if (typeof value !== 'string') throw codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw codes.ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

function validateArray(value, name) {
  if (!Array.isArray(value)) throw codes.ERR_INVALID_ARG_TYPE(name, 'Array', value);
}

/** ERR_INVALID_ARG_VALUE unless `value` is one of `oneOf` (listed quoted when strings). */
function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw codes.ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
  }
}

function validateNumber(value, name) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

/**
 * Node's SystemError for code `key`: the message `${prefix}: ${syscall} returned ${code}
 * (${message})`, then the path and ` => ${dest}` when `info` has them; `info` is kept as given
 * (its key order is what Node's C++ context object has for this error), and `errno`, `syscall`,
 * `path` and `dest` are enumerable accessors reading and writing it, as Node's are.
 */
function systemError(key, prefix, info) {
  let message = `${prefix}: ${info.syscall} returned ${info.code} (${info.message})`;
  if (info.path !== undefined) message += ` ${info.path}`;
  if (info.dest !== undefined) message += ` => ${info.dest}`;
  const error = makeNodeError(SystemError, key, message);
  // Own keys in Node's order: stack, code, name, message, info, then the accessors.
  delete error.message;
  Object.defineProperty(error, 'name', { value: 'SystemError', writable: true, configurable: true });
  Object.defineProperty(error, 'message', { value: message, writable: true, configurable: true });
  Object.defineProperty(error, 'info', { value: info, enumerable: true, configurable: true });
  for (const field of ['errno', 'syscall', 'path', 'dest']) {
    if (field !== 'errno' && field !== 'syscall' && info[field] === undefined) continue;
    Object.defineProperty(error, field, {
      get() { return info[field]; },
      set(value) { info[field] = value; },
      enumerable: true,
      configurable: true,
    });
  }
  return error;
}

/**
 * Where an error thrown for an unhandled 'error' event keeps the function that adds the
 * emitter's stack to its own; the fatal-exception printer calls it, as Node's does.
 */
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');

/** Node's `AbortError` (code ABORT_ERR), what aborted operations reject with. */
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// The names util.promisify resolves a callback's several results under (Node's internal
// `customPromisifyArgs`: fs.read gives { bytesRead, buffer }); shared by the builtins here.
const kCustomPromisifyArgs = Symbol('customPromisifyArgs');

/**
 * Node's ExceptionWithHostPort (what `util._exceptionWithHostPort` makes; dgram's and net's
 * errors): `syscall CODE address:port` (just the address without a positive port, then
 * ` - Local (additional)`), with errno, code, syscall, address and (when truthy) port. The code
 * is libuv's name for `err`, `Unknown system error <err>` otherwise, as getSystemErrorName.
 */
function exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = require('internal/uv').errname(err);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code}${details}`);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

const UV_EAI_NODATA = -3007;
const UV_EAI_NONAME = -3008;

/**
 * Node's DNSException: `syscall CODE hostname`, with errno (the libuv number when `code` is
 * one, else undefined), code, syscall and hostname (when given).
 */
function dnsException(code, syscall, hostname) {
  let errno;
  if (typeof code === 'number') {
    errno = code;
    if (code === UV_EAI_NODATA || code === UV_EAI_NONAME) code = 'ENOTFOUND';
    else code = require('internal/uv').errname(code);
  }
  const ex = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  if (hostname) ex.hostname = hostname;
  return ex;
}

module.exports = {
  stackHooks,
  kCustomPromisifyArgs,
  AbortError,
  SystemError,
  kEnhanceStackBeforeInspector,
  codes,
  makeNodeError,
  systemError,
  exceptionWithHostPort,
  errnoException,
  dnsException,
  installStackFormat,
  // (What a vm context's realm formats and translates its errors with, as the main one.)
  errorStackHooks: [formatStackOnFirstRead, translateEngineMessage],
  errorSites,
  validateFunction,
  validateString,
  validateBoolean,
  validateArray,
  validateOneOf,
  validateNumber,
  validateObject,
  validateInteger,
};
