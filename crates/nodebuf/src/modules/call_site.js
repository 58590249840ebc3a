// V8's CallSite API and stack frame text over QuickJS's call sites.
//
// QuickJS hands `Error.prepareStackTrace` call sites with the frame's function, name, file,
// position, constructor flag and (engine patch 0011) receiver. V8's call sites answer more:
// the receiver's type name, the property the function was called through, whether the call is
// top level; and V8 prints a frame from those answers (`at Array.map (<anonymous>)`,
// `at Foo.bar [as baz] (file:1:2)`, `at new Foo (...)`). This module gives QuickJS's call sites
// the same methods, in V8's order, and renders frames the way V8 does.
'use strict';

// (Loaded when a stack is first formatted, after scripts may have run: the intrinsics come
// from the ones the bootstrap took before any script did.)
const { moduleWrappers, sourceColumn } = require('internal/modules/cjs_wrapper');
const {
  ObjectGetPrototypeOf, ObjectGetOwnPropertyDescriptor, ObjectGetOwnPropertyNames,
  FunctionPrototypeCall, FunctionPrototypeToString, FunctionPrototypeCallerGetter: callerGetter,
} = native.primordials;
const isProxy = (v) => native.proxyDetails(v) !== undefined;

// The global objects of the other realms whose frames read as top level (vm contexts, the
// REPL's contexts), as V8 prints code run in any context's global scope.
const realmGlobals = new WeakSet();
const isGlobalObject = (value) => value === globalThis || realmGlobals.has(value);

/** Makes frames whose receiver is `global` (another realm's global object) top level. */
function registerRealmGlobal(global) {
  realmGlobals.add(global);
}

// Reading `caller` of a strict function (or of a builtin) throws; of a sloppy one it does not.
function isStrictFunction(fn) {
  if (typeof fn !== 'function') return true;
  try {
    FunctionPrototypeCall.call(callerGetter, fn);
    return false;
  } catch {
    return true;
  }
}

// A data property's value along the prototype chain, without running getters or Proxy traps.
function dataPropertyOnChain(object, key) {
  for (let o = object; o !== null && o !== undefined; o = ObjectGetPrototypeOf(o)) {
    if (isProxy(o)) return undefined;
    const desc = ObjectGetOwnPropertyDescriptor(o, key);
    if (desc !== undefined) return 'value' in desc ? desc.value : undefined;
  }
  return undefined;
}

function declaredName(fn) {
  if (typeof fn !== 'function') return '';
  const desc = ObjectGetOwnPropertyDescriptor(fn, 'name');
  return desc !== undefined && typeof desc.value === 'string' ? desc.value : '';
}

const functionToString = FunctionPrototypeToString;

// A `class` (its `prototype` is read-only, as a builtin constructor's is, but its text is its
// source).
function isClassConstructor(value) {
  if (typeof value !== 'function') return false;
  const proto = ObjectGetOwnPropertyDescriptor(value, 'prototype');
  if (proto === undefined || proto.writable !== false) return false;
  return FunctionPrototypeCall.call(functionToString, value).startsWith('class');
}

const primitiveTypeNames = {
  string: 'String', number: 'Number', boolean: 'Boolean', symbol: 'Symbol', bigint: 'BigInt',
};

/**
 * The receiver's type name as V8's call sites give it: the name of the constructor that made
 * it (unless that is plain `Object`), else its `Symbol.toStringTag`, else its `constructor`'s
 * name, else its class; a prototype object is named by its tag or class only; null for a
 * top-level call.
 */
function typeNameOf(receiver) {
  if (receiver === undefined || receiver === null || isGlobalObject(receiver)) return null;
  const primitive = primitiveTypeNames[typeof receiver];
  if (primitive !== undefined) return primitive;
  if (isProxy(receiver)) return 'Object';
  const proto = ObjectGetPrototypeOf(receiver);
  // A prototype object is named by what it holds, not by the constructor it serves.
  const ownConstructor = ObjectGetOwnPropertyDescriptor(receiver, 'constructor');
  const isPrototype = ownConstructor !== undefined && typeof ownConstructor.value === 'function' &&
    ownConstructor.value.prototype === receiver;
  if (!isPrototype && proto !== null) {
    const made = ObjectGetOwnPropertyDescriptor(proto, 'constructor');
    const name = made !== undefined ? declaredName(made.value) : '';
    if (name !== '' && name !== 'Object') return name;
  }
  const tag = dataPropertyOnChain(receiver, Symbol.toStringTag);
  if (typeof tag === 'string' && tag !== '') return tag;
  const name = isPrototype ? '' : declaredName(dataPropertyOnChain(receiver, 'constructor'));
  if (name !== '') return name;
  return typeof receiver === 'function' ? 'Function' : 'Object';
}

// Objects with this many own names or more are not searched for the method's key (V8 answers
// lazily; QuickJS formats every stack when the error is made).
const methodSearchLimit = 1024;

/**
 * The key through which `fn` was reached on `receiver`, as V8's `getMethodName`: the function's
 * own name when the receiver has it there, else the one own key along the chain that holds it
 * (as a value or an accessor); null when there is none or more than one.
 */
function methodNameOf(receiver, fn) {
  if (receiver === undefined || receiver === null || typeof fn !== 'function') return null;
  let object = typeof receiver === 'object' || typeof receiver === 'function' ? receiver : Object(receiver);
  const name = declaredName(fn);
  const holds = (desc) => desc !== undefined && (desc.value === fn || desc.get === fn || desc.set === fn);
  if (name !== '') {
    for (let o = object; o !== null; o = ObjectGetPrototypeOf(o)) {
      if (isProxy(o)) return null;
      const desc = ObjectGetOwnPropertyDescriptor(o, name);
      if (desc !== undefined) {
        if (holds(desc)) return name;
        break;
      }
    }
  }
  let found = null;
  for (let o = object; o !== null; o = ObjectGetPrototypeOf(o)) {
    if (isProxy(o) || Array.isArray(o) || ArrayBuffer.isView(o)) continue;
    const keys = ObjectGetOwnPropertyNames(o);
    if (keys.length >= methodSearchLimit) continue;
    for (const key of keys) {
      if (holds(ObjectGetOwnPropertyDescriptor(o, key))) {
        if (found !== null && found !== key) return null;
        found = key;
      }
    }
  }
  return found;
}

// The methods QuickJS's call sites have, captured before they are replaced.
let raw;

function receiverOf(site) {
  return FunctionPrototypeCall.call(raw.getThis, site);
}

/** The frame's function, strict or not (V8's `getFunction` hides strict ones). */
function functionOf(site) {
  return FunctionPrototypeCall.call(raw.getFunction, site);
}

function isModuleWrapperFrame(site) {
  const fn = FunctionPrototypeCall.call(raw.getFunction, site);
  return fn !== undefined && moduleWrappers.has(fn);
}

function userColumn(site) {
  return sourceColumn(FunctionPrototypeCall.call(raw.getFileName, site),
    FunctionPrototypeCall.call(raw.getLineNumber, site), FunctionPrototypeCall.call(raw.getColumnNumber, site));
}

function functionNameOf(site) {
  const name = FunctionPrototypeCall.call(raw.getFunctionName, site);
  return name === '<eval>' ? null : name;
}

function isToplevel(site) {
  const receiver = receiverOf(site);
  return receiver === undefined || receiver === null || isGlobalObject(receiver);
}

function locationOf(site) {
  const file = FunctionPrototypeCall.call(raw.getFileName, site);
  if (FunctionPrototypeCall.call(raw.isNative, site) || file === undefined || file === null) return '<anonymous>';
  const line = FunctionPrototypeCall.call(raw.getLineNumber, site);
  return line > 0 ? `${file}:${line}:${userColumn(site)}` : `${file}`;
}

// Node's internal error builders (`makeNodeError`, the `codes.ERR_*` tables, the validators)
// never show in its stacks: V8 starts them at the API function that threw.
const errorBuilderName = /^(makeNodeError|ERR_[A-Z0-9_]+|validate[A-Z]\w*)$/;

/** Whether `site` is a frame of one of the runner's internal error builders. */
function isErrorBuilderFrame(site) {
  const file = FunctionPrototypeCall.call(raw.getFileName, site);
  if (typeof file !== 'string' || !file.startsWith('node:')) return false;
  return errorBuilderName.test(FunctionPrototypeCall.call(raw.getFunctionName, site) || '');
}

// Builtins that V8 runs without a frame of their own: a function called through them shows its
// caller next, not them.
const framelessBuiltins = new Set([FunctionPrototypeCall, native.primordials.FunctionPrototypeApply,
  native.primordials.ReflectApply, native.primordials.ReflectConstruct]);

/** Whether V8 would print no frame for `site` (a builtin that only forwards a call). */
function isFramelessBuiltin(site) {
  return FunctionPrototypeCall.call(raw.isNative, site) && framelessBuiltins.has(functionOf(site));
}

/** One frame as V8 prints it after `    at ` (`async ` first for an async function waiting at
 * an `await`). */
function frameText(site) {
  const text = plainFrameText(site);
  return FunctionPrototypeCall.call(raw.isAsync, site) ? `async ${text}` : text;
}

function plainFrameText(site) {
  const index = FunctionPrototypeCall.call(raw.getPromiseIndex, site);
  if (index !== null) return `Promise.all (index ${index})`;
  const location = locationOf(site);
  let name = functionNameOf(site);
  if (FunctionPrototypeCall.call(raw.isConstructor, site)) return `new ${name || '<anonymous>'} (${location})`;
  if (isModuleWrapperFrame(site)) return `Object.<anonymous> (${location})`;
  if (!isToplevel(site)) {
    const receiver = receiverOf(site);
    // A static method prints with its class's name (`Shape.make`), other function receivers
    // as `Function`.
    const typeName = isClassConstructor(receiver) && declaredName(receiver) !== '' ?
      declaredName(receiver) : typeNameOf(receiver);
    const methodName = methodNameOf(receiver, FunctionPrototypeCall.call(raw.getFunction, site));
    let text = '';
    if (name) {
      // Names that already say where they live (`o.f`, inferred from an assignment) and
      // accessors (`get size`) print without the type.
      if (typeName && !name.includes('.') && !name.includes(' ') && !name.startsWith(typeName)) {
        text += `${typeName}.`;
      }
      text += name;
      if (methodName && name !== methodName && !name.endsWith(`.${methodName}`)) text += ` [as ${methodName}]`;
    } else {
      text += `${typeName ? `${typeName}.` : ''}${methodName || '<anonymous>'}`;
    }
    return `${text} (${location})`;
  }
  return name ? `${name} (${location})` : location;
}

// V8's call site methods, in V8's order; what QuickJS cannot know (eval origins) reads as V8
// reads it for an ordinary frame.
const methods = {
  getColumnNumber() { return userColumn(this); },
  getEvalOrigin() { return undefined; },
  getFileName() { return FunctionPrototypeCall.call(raw.getFileName, this); },
  getFunction() {
    const fn = FunctionPrototypeCall.call(raw.getFunction, this);
    return isStrictFunction(fn) ? undefined : fn;
  },
  getFunctionName() { return functionNameOf(this); },
  getLineNumber() { return FunctionPrototypeCall.call(raw.getLineNumber, this); },
  getMethodName() {
    if (FunctionPrototypeCall.call(raw.getPromiseIndex, this) !== null) return 'all';
    if (isToplevel(this) || FunctionPrototypeCall.call(raw.isConstructor, this)) return null;
    return methodNameOf(receiverOf(this), FunctionPrototypeCall.call(raw.getFunction, this));
  },
  getPromiseIndex() { return FunctionPrototypeCall.call(raw.getPromiseIndex, this); },
  getScriptNameOrSourceURL() { return FunctionPrototypeCall.call(raw.getFileName, this); },
  getThis() {
    return isStrictFunction(FunctionPrototypeCall.call(raw.getFunction, this)) ? undefined : receiverOf(this);
  },
  getTypeName() {
    if (FunctionPrototypeCall.call(raw.isConstructor, this)) return typeNameOf(receiverOf(this));
    return isToplevel(this) ? null : typeNameOf(receiverOf(this));
  },
  isAsync() { return FunctionPrototypeCall.call(raw.isAsync, this); },
  isConstructor() { return FunctionPrototypeCall.call(raw.isConstructor, this); },
  isEval() { return false; },
  isNative() { return FunctionPrototypeCall.call(raw.isNative, this); },
  isPromiseAll() { return FunctionPrototypeCall.call(raw.getPromiseIndex, this) !== null; },
  isToplevel() { return isToplevel(this); },
  toString() { return frameText(this); },
};

// The main realm's CallSite prototype, then each vm context's (every realm has its own).
let callSiteProto;
const contextCallSiteProtos = new Set();

/** Whether `value` is one of the engine's call sites (a script may hand Error.prepareStackTrace
 * anything). */
function isCallSite(value) {
  if (value === null || typeof value !== 'object') return false;
  const proto = ObjectGetPrototypeOf(value);
  return proto === callSiteProto || (contextCallSiteProtos.size > 0 && contextCallSiteProtos.has(proto));
}

/** Gives QuickJS's CallSite prototype (`proto`, taken from a call site the engine handed over)
 * V8's methods, once per realm: internal/errors does it before any script can see a call site. */
function installCallSiteMethods(proto) {
  if (proto === callSiteProto || contextCallSiteProtos.has(proto)) return;
  if (callSiteProto === undefined) {
    callSiteProto = proto;
    // (The engine's methods work on the call sites of every realm: one class for the runtime.)
    raw = {};
    for (const key of ['getThis', 'getFunction', 'getFunctionName', 'getFileName', 'getLineNumber',
      'getColumnNumber', 'isNative', 'isConstructor', 'isAsync', 'getPromiseIndex']) {
      raw[key] = proto[key];
    }
  } else {
    contextCallSiteProtos.add(proto);
  }
  const constructor = ObjectGetOwnPropertyDescriptor(proto, 'constructor');
  for (const key of Reflect.ownKeys(proto)) delete proto[key];
  if (constructor !== undefined) Object.defineProperty(proto, 'constructor', constructor);
  for (const key of Object.keys(methods)) {
    Object.defineProperty(proto, key, { value: methods[key], writable: true, configurable: true, enumerable: false });
  }
}

// How many frames Node's own tail below a callback has, by the loop phase nodebuf's tail shows.
// nodebuf's runtime frames differ from Node's in number, and the count decides what Node elides.
const nodeTailFrames = [
  ['runMain', 6], // Module._compile ... executeUserEntryPoint, run_main_module
  ['runTimers', 2], // listOnTimeout, processTimers
  ['runImmediates', 1], // processImmediate
  ['runTicks', 1], // processTicksAndRejections
];

function isRuntimeFrame(line) {
  return line.includes('(node:') || line.startsWith('    at node:');
}

// The frames of `stack` above the runtime's own tail, the tail, and what the tail counts for
// in Node.
function splitTail(stack) {
  let userEnd = stack.length;
  while (userEnd > 0 && isRuntimeFrame(stack[userEnd - 1])) userEnd--;
  const tail = stack.slice(userEnd);
  const known = nodeTailFrames.find(([name]) => tail.some((line) => line.includes(` ${name} `) || line.includes(`.${name} `)));
  return { user: stack.slice(0, userEnd), tail, tailWeight: known === undefined ? tail.length : known[1] };
}

const sameFrames = (a, b) => a.length === b.length && a.every((line, i) => line === b[i]);

/**
 * The run of frames (lines "    at ...") that `own` shares with `other` which Node elides when
 * it prints them one above the other: the first run of more than three equal frames, found from
 * the first place `other` has the run's first frame. As Node counts, a run that reaches the
 * stacks' common runtime tail counts that tail as Node's own frames for the loop phase.
 * Returns `{ len, offset, nodeLen }`: the run is `own[offset .. offset + len)`, `nodeLen` its
 * length as Node counts it (what "... N lines matching ..." reports, plus the two kept);
 * `len` is 0 when nothing is elided. Used for error causes (util.inspect) and for unhandled
 * 'error' events (events).
 */
function sharedFrameRun(own, other) {
  const a = splitTail(own);
  const b = splitTail(other);
  const tailsEqual = a.tail.length > 0 && sameFrames(a.tail, b.tail);
  for (let i = 0; i < a.user.length; i++) {
    const pos = b.user.indexOf(a.user[i]);
    if (pos === -1) continue;
    let len = 1;
    while (i + len < a.user.length && pos + len < b.user.length && a.user[i + len] === b.user[pos + len]) len++;
    const reachesTail = tailsEqual && i + len === a.user.length && pos + len === b.user.length;
    const nodeLen = len + (reachesTail ? a.tailWeight : 0);
    if (nodeLen > 3) return { len: reachesTail ? own.length - i : len, offset: i, nodeLen };
  }
  // Only the tail is shared: elided when Node's tail alone is that long.
  if (tailsEqual && a.tailWeight > 3) {
    return { len: a.tail.length, offset: a.user.length, nodeLen: a.tailWeight };
  }
  return { len: 0, offset: 0, nodeLen: 0 };
}

module.exports = {
  sharedFrameRun,
  frameText, functionOf, isCallSite, registerRealmGlobal, isErrorBuilderFrame, isFramelessBuiltin, installCallSiteMethods,
};
