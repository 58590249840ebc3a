// `vm`: runInNewContext/runInContext/createContext over a fresh QuickJS realm in the same
// runtime, runInThisContext over the main realm, and a minimal Script class.
'use strict';

const { codes } = require('internal/errors');
const kContext = Symbol('vm.context');

function createContext(sandbox = {}) {
  if (sandbox === null || typeof sandbox !== 'object') throw codes.ERR_INVALID_ARG_TYPE('contextObject', 'Object', sandbox);
  Object.defineProperty(sandbox, kContext, { value: true, enumerable: false, configurable: true });
  return sandbox;
}

function isContext(object) {
  return object !== null && typeof object === 'object' && object[kContext] === true;
}

function filenameOf(options) {
  if (typeof options === 'string') return options;
  return (options && options.filename) || 'evalmachine.<anonymous>';
}

// Compiles `code` as a script named `filename` without running it: a SyntaxError gets V8's
// head (the line and carets), as Node's vm.Script gives it when it compiles.
function checkSyntax(code, filename) {
  try {
    native.checkSyntax(code, filename);
  } catch (err) {
    require('internal/modules/syntax_error').decorateSyntaxError(err, filename, filename, code, false);
    throw err;
  }
}

function runInNewContext(code, sandbox, options) {
  if (typeof code !== 'string') throw codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  if (sandbox === undefined) sandbox = {};
  else if (sandbox === null || typeof sandbox !== 'object') throw codes.ERR_INVALID_ARG_TYPE('contextObject', 'Object', sandbox);
  checkSyntax(code, filenameOf(options));
  return native.runInNewContext(code, sandbox, filenameOf(options));
}

function runInContext(code, context, options) {
  if (!isContext(context)) throw codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', context);
  return runInNewContext(code, context, options);
}

function runInThisContext(code, options) {
  if (typeof code !== 'string') throw codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  checkSyntax(code, filenameOf(options));
  return native.compile(code, filenameOf(options));
}

class Script {
  constructor(code, options) {
    // (Node converts the code to a string.)
    code = `${code}`;
    // Node compiles here: a script with a syntax error is never made.
    checkSyntax(code, filenameOf(options));
    this.code = code;
    this.options = options;
  }

  runInThisContext() {
    return runInThisContext(this.code, this.options);
  }

  runInNewContext(sandbox) {
    return runInNewContext(this.code, sandbox, this.options);
  }

  runInContext(context) {
    return runInContext(this.code, context, this.options);
  }
}

function createScript(code, options) {
  return new Script(code, options);
}

// The body's first line is line 1 of `filename`, as V8 numbers a compiled function: the wrapper
// takes the two lines before it, numbered -1 and 0.
const kWrapperLines = -1;

/**
 * vm.compileFunction(code, params, options): a function of `params` whose body is `code`,
 * compiled at global scope, seeing the properties of each of `contextExtensions` (the last one
 * innermost) and, with `parsingContext`, that context's properties as its globals (free
 * variables it assigns land on the context, as on a contextified object).
 */
function compileFunction(code, params, options = {}) {
  if (typeof code !== 'string') throw codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  if (params === undefined) params = [];
  if (!Array.isArray(params)) throw codes.ERR_INVALID_ARG_TYPE('params', 'Array', params);
  for (let i = 0; i < params.length; i++) {
    if (typeof params[i] !== 'string') throw codes.ERR_INVALID_ARG_TYPE(`params[${i}]`, 'string', params[i]);
  }
  if (options === null || typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  const { filename = '', parsingContext = undefined, contextExtensions = [] } = options;
  if (typeof filename !== 'string') throw codes.ERR_INVALID_ARG_TYPE('options.filename', 'string', filename);
  if (parsingContext !== undefined && !isContext(parsingContext)) {
    throw codes.ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
  }
  if (!Array.isArray(contextExtensions)) {
    throw codes.ERR_INVALID_ARG_TYPE('options.contextExtensions', 'Array', contextExtensions);
  }
  for (let i = 0; i < contextExtensions.length; i++) {
    const extension = contextExtensions[i];
    if (extension === null || typeof extension !== 'object') {
      throw codes.ERR_INVALID_ARG_TYPE(`options.contextExtensions[${i}]`, 'object', extension);
    }
  }
  const scopes = [...contextExtensions];
  if (parsingContext !== undefined) scopes.unshift(contextScope(parsingContext));
  const names = scopes.map((_, i) => `$vmScope${i}`);
  const opening = names.map((name) => `with (${name}) { `).join('');
  const closing = names.map(() => ' }').join('');
  const source = `(function (${names.join(', ')}) { ${opening}\nreturn function (${params.join(', ')}) {\n${code}\n};${closing} })`;
  const make = native.compileAt(source, filename, kWrapperLines);
  return Reflect.apply(make, undefined, scopes);
}

// A context's object as the outermost scope: its own names, and every name the global object
// lacks (so that assigning one defines it on the context, as on a contextified object); the
// global object's names it lacks (Math, Object, ...) resolve to the global object's.
function contextScope(context) {
  return new Proxy(context, {
    has: (target, key) => typeof key === 'string' && (key in target || !(key in globalThis)),
  });
}

let measureMemoryWarned = false;

/**
 * vm.measureMemory(options): a promise of the engine's heap estimate in Node's shape
 * ({ total: { jsMemoryEstimate, jsMemoryRange } }, plus `current` and `other` when detailed).
 */
function measureMemory(options = {}) {
  if (!measureMemoryWarned) {
    measureMemoryWarned = true;
    process.emitWarning('vm.measureMemory is an experimental feature and might change at any time', 'ExperimentalWarning');
  }
  if (options === null || typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  const { mode = 'summary', execution = 'default' } = options;
  if (mode !== 'summary' && mode !== 'detailed') {
    throw codes.ERR_INVALID_ARG_VALUE('options.mode', mode, "must be one of: 'summary', 'detailed'");
  }
  if (execution !== 'default' && execution !== 'eager') {
    throw codes.ERR_INVALID_ARG_VALUE('options.execution', execution, "must be one of: 'default', 'eager'");
  }
  return new Promise((resolve) => {
    // (Measured in a later task, as V8 measures after a collection it schedules.)
    require('timers').setImmediate(() => {
      const { heapUsed, heapTotal } = process.memoryUsage();
      const measure = () => ({ jsMemoryEstimate: heapUsed, jsMemoryRange: [heapUsed, Math.max(heapUsed, heapTotal)] });
      resolve(mode === 'summary' ? { total: measure() } : { total: measure(), current: measure(), other: [] });
    });
  });
}

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
