// process.emitWarning and the default 'warning' printer: `(node:PID) [CODE] Name: message` on
// stderr, the one-time `(Use `node --trace-... ...`)` hint, --no-warnings, --no-deprecation,
// --trace-warnings, --trace-deprecation, --throw-deprecation; and util.deprecate's once-per-code
// DeprecationWarnings.
'use strict';

const { codes } = require('internal/errors');
let traceHintShown = false;
const codesWarned = new Set();

function createWarning(message, type, code, ctor, detail) {
  const warning = new Error(message);
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  Error.captureStackTrace(warning, ctor || process.emitWarning);
  return warning;
}

function emitWarning(warning, type, code, ctor) {
  const made = warningToEmit(warning, type, code, ctor);
  if (made !== undefined) process.nextTick(() => process.emit('warning', made));
}

// Node's emitWarningSync: the 'warning' event now, not on the next tick (the loader's hint
// about ES module syntax comes before the error that follows it).
function emitWarningSync(warning, type, code, ctor) {
  const made = warningToEmit(warning, type, code, ctor);
  if (made !== undefined) process.emit('warning', made);
}

// process.emitWarning's arguments checked and made into the warning to emit (undefined: none).
function warningToEmit(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw codes.ERR_INVALID_ARG_TYPE('type', 'string', type);
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  if (typeof warning === 'string') {
    warning = createWarning(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw codes.ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return undefined;
    if (process.throwDeprecation) throw warning;
  }
  return warning;
}

// The default listener, installed unless --no-warnings.
function printWarning(warning) {
  if (!(warning instanceof Error)) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  const trace = native.process.flags.traceWarnings || (isDeprecation && process.traceDeprecation);
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) msg += `${warning.stack}`;
  else msg += typeof warning.toString === 'function' ? `${warning.toString()}` : Error.prototype.toString.call(warning);
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceHintShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`node ${flag} ...\` to show where the warning was created)`;
    traceHintShown = true;
  }
  native.writeErr(`${msg}\n`);
}

// util.deprecate: warn on first call; a given code warns once per process.
function deprecate(fn, msg, code) {
  if (typeof fn !== 'function') throw codes.ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  if (process.noDeprecation === true) return fn;
  if (code !== undefined && typeof code !== 'string') throw codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return fn.apply(this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

module.exports = { emitWarning, emitWarningSync, printWarning, deprecate, codesWarned };
