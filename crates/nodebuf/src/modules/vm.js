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

function runInNewContext(code, sandbox, options) {
  if (typeof code !== 'string') throw codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  if (sandbox === undefined) sandbox = {};
  else if (sandbox === null || typeof sandbox !== 'object') throw codes.ERR_INVALID_ARG_TYPE('contextObject', 'Object', sandbox);
  return native.runInNewContext(code, sandbox, filenameOf(options));
}

function runInContext(code, context, options) {
  if (!isContext(context)) throw codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', context);
  return runInNewContext(code, context, options);
}

function runInThisContext(code, options) {
  if (typeof code !== 'string') throw codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
  return native.compile(code, filenameOf(options));
}

class Script {
  constructor(code, options) {
    if (typeof code !== 'string') throw codes.ERR_INVALID_ARG_TYPE('code', 'string', code);
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

module.exports = { createContext, isContext, runInNewContext, runInContext, runInThisContext, Script };
