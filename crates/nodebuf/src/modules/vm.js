// `vm`: Script (compiled when made, cached data, sourceMapURL) and the run functions, with
// Node's option checks; a context is a QuickJS realm of the same runtime that lives as long as
// its object (vm_contexts.rs); runs honour `timeout` and `breakOnSigint` through the thread's
// interrupt handler (host/interrupt.rs); displayErrors puts the source line and a caret in
// front of a thrown error's stack.
'use strict';

const {
  codes, errorStackHooks, validateBoolean, validateObject, validateOneOf, validateString,
} = require('internal/errors');
const { registerRealmGlobal } = require('internal/call_site');
// Each contextified object's context id (kept off the object: a proxy's traps never see it).
const contextIds = new WeakMap();
const kParsingContext = Symbol('script parsing context');
// Each Script's source and compile options (private to this module).
const scriptState = new WeakMap();
const ReflectSet = Reflect.set;

function validateInt32(value, name) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < -2147483648 || value > 2147483647) {
    throw codes.ERR_OUT_OF_RANGE(name, '>= -2147483648 && <= 2147483647', value);
  }
}

function validateTimeout(value, name) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < 1 || value > 4294967295) throw codes.ERR_OUT_OF_RANGE(name, '>= 1 && <= 4294967295', value);
}

// Node's isContext checks its argument as an object (an array passes, a function does not).
function validateContextArgument(object) {
  if (object === null || typeof object !== 'object') throw codes.ERR_INVALID_ARG_TYPE('object', 'object', object);
}

function isContext(object) {
  validateContextArgument(object);
  return contextIds.has(object);
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

function validateImportModuleDynamically(value, name) {
  if (value !== undefined && typeof value !== 'function' && value !== constants.USE_MAIN_CONTEXT_DEFAULT_LOADER) {
    throw codes.ERR_INVALID_ARG_TYPE(name, 'function', value);
  }
}

let defaultContextNameIndex = 1;
// A context's realm lives as long as its object.
const contextRealms = new FinalizationRegistry((id) => native.vmFreeContext(id));

function createContext(contextObject = {}, options = {}) {
  if (isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const {
    name = `VM Context ${defaultContextNameIndex++}`, origin, codeGeneration, microtaskMode, importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.codeGeneration');
  const { strings = true, wasm = true } = codeGeneration || {};
  validateBoolean(strings, 'options.codeGeneration.strings');
  validateBoolean(wasm, 'options.codeGeneration.wasm');
  validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  validateImportModuleDynamically(importModuleDynamically, 'options.importModuleDynamically');
  const [id, global] = native.vmMakeContext(...errorStackHooks);
  registerRealmGlobal(global);
  contextIds.set(contextObject, id);
  contextRealms.register(contextObject, id);
  return contextObject;
}

// What runInNewContext's options say about the context it makes.
function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) validateString(contextOptions.name, 'options.contextName');
  if (contextOptions.origin !== undefined) validateString(contextOptions.origin, 'options.contextOrigin');
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    const { strings, wasm } = options.contextCodeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.contextCodeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
    contextOptions.codeGeneration = { strings, wasm };
  }
  if (options.microtaskMode !== undefined) validateString(options.microtaskMode, 'options.microtaskMode');
  return contextOptions;
}

// A run's options, checked as Node checks them: the timeout (-1: none), breakOnSigint and
// displayErrors.
function getRunInContextArgs(options = {}) {
  validateObject(options, 'options');
  let timeout = options.timeout;
  if (timeout === undefined) timeout = -1;
  else validateTimeout(timeout, 'options.timeout');
  const { displayErrors = true, breakOnSigint = false } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { timeout, displayErrors, breakOnSigint };
}

// Compiles `code` as a script named `filename` without running it: a SyntaxError gets V8's
// head (the line and carets), as Node's vm.Script gives it when it compiles.
function checkSyntax(code, filename, lineOffset) {
  try {
    native.checkSyntax(code, filename);
  } catch (err) {
    require('internal/modules/syntax_error').decorateSyntaxError(err, filename, filename, code, false, lineOffset);
    throw err;
  }
}

// The error that replaces a run stopped by its watchdog: Node throws it from C++, a plain
// Error (of the realm that ran the code, `error` here) with a `code`.
function stoppedError(timeout) {
  return (kind, error) => {
    const message = kind === 'timeout' ? `Script execution timed out after ${timeout}ms`
      : 'Script execution was interrupted by `SIGINT`';
    Object.defineProperty(error, 'message', { value: message, writable: true, enumerable: false, configurable: true });
    error.code = kind === 'timeout' ? 'ERR_SCRIPT_EXECUTION_TIMEOUT' : 'ERR_SCRIPT_EXECUTION_INTERRUPTED';
    return error;
  };
}

const decoratedErrors = new WeakSet();

// displayErrors: an error a script threw gets, in front of its stack, the script's line it was
// thrown at and a caret under the position (V8's message location), once.
function decorateErrorStack(error, state) {
  if (error === null || typeof error !== 'object' || decoratedErrors.has(error)) return;
  let stack;
  try {
    stack = error.stack;
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  let site = native.throwSite(error);
  if (site === undefined) {
    const { errorSites } = require('internal/errors');
    site = errorSites.get(error);
  }
  if (site === undefined || site.file !== state.filename) return;
  const lines = state.code.split(/\r\n|[\n\r\u2028\u2029]/);
  const index = site.line - state.lineOffset - 1;
  if (index < 0 || index >= lines.length) return;
  const column = Math.max(0, site.column - 1 - (index === 0 ? state.padding : 0));
  decoratedErrors.add(error);
  try {
    error.stack = `${state.filename}:${site.line}\n${lines[index]}\n${' '.repeat(column)}^\n\n${stack}`;
  } catch {
    // (A frozen error keeps its stack.)
  }
}

// Runs `state`'s script in the calling realm (`sandbox` undefined) or in a context.
function runScript(state, sandbox, args) {
  const source = state.padding > 0 ? ' '.repeat(state.padding) + state.code : state.code;
  const limits = {
    timeout: args.timeout, breakOnSigint: args.breakOnSigint, onStop: stoppedError(args.timeout), assign: ReflectSet,
  };
  try {
    if (sandbox === undefined) {
      return native.runInThisContext(source, state.filename, state.lineOffset, limits);
    }
    return native.runInContext(source, sandbox, contextIds.get(sandbox), state.filename, state.lineOffset, limits);
  } catch (err) {
    if (args.displayErrors) decorateErrorStack(err, state);
    throw err;
  }
}

// breakOnSigint with SIGINT listeners: Node takes them off for the run (SIGINT then stops the
// script instead) and puts them back after.
function withoutSigintListeners(run) {
  const listeners = process.rawListeners('SIGINT');
  process.removeAllListeners('SIGINT');
  try {
    return run();
  } finally {
    for (const listener of listeners) process.addListener('SIGINT', listener);
  }
}

function runWithArgs(script, sandbox, options) {
  const { timeout, displayErrors, breakOnSigint } = getRunInContextArgs(options);
  const run = () => ContextifyScript.prototype.runInContext.call(script, sandbox === undefined ? null : sandbox,
    timeout, displayErrors, breakOnSigint);
  if (breakOnSigint && process.listenerCount('SIGINT') > 0) return withoutSigintListeners(run);
  return run();
}

// The compiled script Node's Script extends (its binding's class): cached data, and a run in a
// context with the options already checked.
class ContextifyScript {
  createCachedData() {
    const { code, filename } = scriptState.get(this);
    return require('buffer').Buffer.from(native.vmCachedData(code, filename));
  }

  // (A binding function: no declared parameters.)
  runInContext(...args) {
    const [contextifiedObject, timeout, displayErrors, breakOnSigint] = args;
    const sandbox = contextifiedObject === null ? undefined : contextifiedObject;
    return runScript(scriptState.get(this), sandbox, { timeout, displayErrors, breakOnSigint });
  }
}

// (The binding's prototype lists its methods before `constructor`.)
delete ContextifyScript.prototype.constructor;
Object.defineProperty(ContextifyScript.prototype, 'constructor', {
  value: ContextifyScript, writable: true, enumerable: false, configurable: true,
});

class Script extends ContextifyScript {
  constructor(code, options = {}) {
    // (Node converts the code to a string.)
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw codes.ERR_INVALID_ARG_TYPE('options.cachedData', ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    validateBoolean(produceCachedData, 'options.produceCachedData');
    validateImportModuleDynamically(importModuleDynamically, 'options.importModuleDynamically');
    // Node compiles here: a script with a syntax error is never made.
    checkSyntax(code, filename, lineOffset);
    super();
    // (V8 shifts the first line's columns by columnOffset; leading blanks do the same.)
    scriptState.set(this, { code, filename, lineOffset, padding: Math.max(0, columnOffset) });
    if (cachedData !== undefined) {
      const bytes = new Uint8Array(cachedData.buffer, cachedData.byteOffset, cachedData.byteLength);
      this.cachedDataRejected = !native.vmCacheMatches(code, bytes);
    }
    if (produceCachedData) {
      this.cachedData = this.createCachedData();
      this.cachedDataProduced = true;
    }
    this.sourceMapURL = sourceMapURLOf(code);
  }

  runInThisContext(options) {
    return runWithArgs(this, undefined, options);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    return runWithArgs(this, contextifiedObject, options);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }
}

// The URL of the last `//# sourceMappingURL=` comment of the source (V8's magic comment).
function sourceMapURLOf(code) {
  let url;
  for (const found of code.matchAll(/\/\/[#@] sourceMappingURL=([^\s'"]*)/g)) url = found[1];
  return url;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options, [kParsingContext]: contextifiedObject };
  else options = { ...options, [kParsingContext]: contextifiedObject };
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  options = { ...options, [kParsingContext]: contextObject };
  return createScript(code, options).runInNewContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
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
  if (parsingContext !== undefined &&
      (parsingContext === null || typeof parsingContext !== 'object' || !isContext(parsingContext))) {
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
