// The helper that shapes Node's errors (see error.rs). It is plain JS because every step
// (constructing, defining properties, setting prototypes) is a JS operation; it is made once per
// install and kept in the install's state, so each error costs one call. Arguments: (Base
// constructor, code or undefined, message, code in name, lazy stacks). Its `protoFor(Base)` and
// `isNodeError(value)` serve a stack formatter and JS-made errors.
'use strict';
(function () {
  const kProto = Symbol('nodebuf.nodeErrorPrototype');
  const prototypes = new WeakSet();
  const getPrototypeOf = Object.getPrototypeOf;
  function protoFor(Base) {
    if (Object.prototype.hasOwnProperty.call(Base, kProto)) return Base[kProto];
    const proto = Object.create(Base.prototype, {
      constructor: { value: Base, writable: true, configurable: true, enumerable: false },
      toString: {
        value: function toString() { return `${this.name} [${this.code}]: ${this.message}`; },
        writable: true, configurable: true, enumerable: false,
      },
    });
    Object.defineProperty(Base, kProto, { value: proto });
    prototypes.add(proto);
    return proto;
  }
  // Whether `value` inherits from one of these prototypes (Node: `kIsNodeError in error`).
  function isNodeError(value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    for (let p = getPrototypeOf(value); p !== null; p = getPrototypeOf(p)) {
      if (prototypes.has(p)) return true;
    }
    return false;
  }
  // Node's errors start their stack at the API function that threw, never inside the code
  // that built them: the stack is taken again from the caller of makeNodeError.
  // As Node's NodeError: no frames are taken while the error is constructed
  // (Error.stackTraceLimit is 0 meanwhile), only once by captureStackTrace.
  const captureStackTrace = Error.captureStackTrace;
  function create(Base, message) {
    if (typeof captureStackTrace !== 'function') return new Base(message);
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let error;
    try {
      error = new Base(message);
    } finally {
      Error.stackTraceLimit = limit;
    }
    captureStackTrace(error, makeNodeError);
    return error;
  }
  // The codes whose Node message template is a function, each checked against node's
  // Reflect.ownKeys order.
  const codeBeforeMessage = new Set([
    'ERR_INVALID_ARG_TYPE', 'ERR_INVALID_ARG_VALUE', 'ERR_OUT_OF_RANGE', 'ERR_BUFFER_OUT_OF_BOUNDS',
  ]);
  const makeNodeError = function makeNodeError(Base, code, message, codeInName, lazyStacks) {
    if (code === undefined) return create(Base, message);
    if (!codeInName) {
      // Thrown by Node's C++ layer: an ordinary error that merely carries a `code`.
      const plain = create(Base, message);
      plain.code = code;
      return plain;
    }
    const error = create(Base, message);
    Object.setPrototypeOf(error, protoFor(Base));
    if (!lazyStacks) {
      const head = `${error.name} [${code}]: ${message}`;
      let stack = error.stack;
      let frames = '';
      if (typeof stack === 'string') {
        // Without a final line break (a string test: QuickJS runs an unanchored regular
        // expression from every position of the whole stack).
        if (stack.endsWith('\n')) stack = stack.slice(0, -1);
        const at = stack.indexOf('\n    at ');
        if (stack.startsWith('    at ')) frames = '\n' + stack;
        else if (at !== -1) frames = stack.slice(at);
      }
      Object.defineProperty(error, 'stack', {
        value: head + frames, writable: true, configurable: true, enumerable: false,
      });
    }
    // Own keys: stack, message, code; but stack, code, message for the codes whose message
    // Node builds with a function (its NodeError class sets `code` before `message`).
    if (codeBeforeMessage.has(code)) delete error.message;
    error.code = code;
    Object.defineProperty(error, 'message', {
      value: message, writable: true, configurable: true, enumerable: false,
    });
    return error;
  };
  makeNodeError.protoFor = protoFor;
  makeNodeError.isNodeError = isNodeError;
  return makeNodeError;
})();
