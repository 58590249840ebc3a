// The `WebAssembly` namespace with V8's (Node v20's) shape: Module, Instance, Memory, Table,
// Global, Tag, Exception, the three error classes and the promise functions. Compiling and
// running is native (native.wasm, src/modules/wasm.rs, on the wasmi interpreter); this half does
// what can run user code: argument and descriptor conversions, import object lookups, the
// JS-API value conversions (ToWebAssemblyValue / ToJSValue) and V8's error texts.
'use strict';

const binding = native.wasm;
const { defineProperty, freeze, create, getPrototypeOf } = Object;
const asIntN = BigInt.asIntN;
const isArrayBufferView = ArrayBuffer.isView;
const iteratorSymbol = Symbol.iterator;
const untransferable = require('buffer')[Symbol.for('nodebuf.untransferable')];

// ---------------------------------------------------------------------------------------------
// Errors

const internalFrame = /\n {4}at [^\n]*\(?node:internal\/wasm:[^\n]*/g;

/** Drops this file's frames from `error.stack`: V8 throws these from C++, below the caller. */
function scrub(error) {
  const stack = error.stack;
  if (typeof stack === 'string') {
    defineProperty(error, 'stack', { value: stack.replace(internalFrame, ''), writable: true, configurable: true });
  }
  return error;
}

// `new TypeError(m)` / `new RangeError(m)` below make the engine's errors, scrubbed.
const NativeTypeError = globalThis.TypeError;
const NativeRangeError = globalThis.RangeError;
function TypeError(message) {
  return scrub(new NativeTypeError(message));
}
function RangeError(message) {
  return scrub(new NativeRangeError(message));
}

function makeErrorClass(name) {
  // A named function expression so `.name` and the stack frames say the class name.
  const Class = {
    [name]: function (message) {
      if (new.target === undefined) return new Class(message);
      const error = Reflect.construct(Error, message === undefined ? [] : [message], new.target);
      // V8's errors carry an own `stack` that starts at the caller, not in this constructor.
      Error.captureStackTrace(error, Class);
      scrub(error);
      // ... and lists `stack` before `message`, as V8's own properties are ordered.
      const own = Object.getOwnPropertyDescriptor(error, 'message');
      if (own !== undefined) {
        delete error.message;
        defineProperty(error, 'message', own);
      }
      return error;
    },
  }[name];
  Object.setPrototypeOf(Class, Error);
  Class.prototype = create(Error.prototype, {
    constructor: { value: Class, writable: true, configurable: true },
    name: { value: name, writable: true, configurable: true },
    message: { value: '', writable: true, configurable: true },
  });
  defineProperty(Class, 'prototype', { writable: false });
  return Class;
}

const CompileError = makeErrorClass('CompileError');
const LinkError = makeErrorClass('LinkError');
const RuntimeError = makeErrorClass('RuntimeError');

// ---------------------------------------------------------------------------------------------
// Handles behind the JS objects

const memories = new WeakMap();
const tables = new WeakMap();
const globals = new WeakMap();
const modules = new WeakMap();
const instances = new WeakMap();
const tags = new WeakMap();
const exceptions = new WeakMap();
// Exported functions: JS function -> { handle, sig }, and handle -> the one JS function.
const functionHandles = new WeakMap();
const functionsByHandle = new Map();
const memoryByHandle = new Map();
const tableByHandle = new Map();
const globalByHandle = new Map();
// externref values held by wasm: id - 1 -> value (ids are what the store keeps).
const externValues = [];
const externIds = new Map();
// JS functions imported by instances: id -> { fn, sig }.
const importedFunctions = [];
// The exception an import threw while wasm ran, rethrown where the wasm call returns.
let pendingThrow = null;
let hasPendingThrow = false;

const TYPE_NAMES = { i32: 'i', i64: 'l', f32: 'f', f64: 'd', v128: 'v', anyfunc: 'r', funcref: 'r', externref: 'x' };
const REF_NAMES = { anyfunc: 'r', funcref: 'r', externref: 'x' };

function externIdOf(value) {
  let id = externIds.get(value);
  if (id === undefined) {
    externValues.push(value);
    id = externValues.length;
    externIds.set(value, id);
  }
  return id;
}

function incompatible() {
  return new TypeError('type incompatibility when transforming from/to JS');
}

function toBigInt64(value) {
  switch (typeof value) {
    case 'bigint': return asIntN(64, value);
    case 'number': throw new TypeError(`Cannot convert ${value} to a BigInt`);
    case 'undefined': throw new TypeError('Cannot convert undefined to a BigInt');
    case 'symbol': throw new TypeError(`Cannot convert ${String(value)} to a BigInt`);
    default:
      if (value === null) throw new TypeError('Cannot convert null to a BigInt');
      return asIntN(64, value);
  }
}

/** ToWebAssemblyValue: the primitive the native half takes for a value of type `t`. */
function toWasm(value, t, funcError) {
  switch (t) {
    case 'i': return +value | 0;
    case 'l': return toBigInt64(value);
    case 'f': return Math.fround(+value);
    case 'd': return +value;
    case 'r': {
      if (value === null) return null;
      const fn = typeof value === 'function' ? functionHandles.get(value) : undefined;
      if (fn === undefined) throw funcError ? funcError() : incompatible();
      return fn.handle;
    }
    case 'x': return value === null ? null : externIdOf(value);
    default: throw incompatible();
  }
}

/** ToJSValue of what the native half returned for type `t`. */
function toJS(value, t) {
  if (t === 'r') return value === null ? null : exportedFunction(value);
  if (t === 'x') return value === null ? null : externValues[value - 1];
  if (t === 'v') throw incompatible();
  return value;
}

function parseSig(sig) {
  const colon = sig.indexOf(':');
  return { params: sig.slice(0, colon), results: sig.slice(colon + 1) };
}

function takePending() {
  const error = pendingThrow;
  pendingThrow = null;
  hasPendingThrow = false;
  return error;
}

/** Throws the error a native run reported (`[status, message]`), prefixed for LinkErrors. */
function throwFailure(status, message, api) {
  switch (status) {
    case 1: throw new RuntimeError(message);
    case 2: throw takePending();
    case 3: throw new RangeError(message);
    case 5: throw new RuntimeError(`${api}: ${message}`);
    case 6: throw new RangeError(`${api}: ${message}`);
    default: throw new LinkError(`${api}: ${message}`);
  }
}

// The import dispatcher the native half calls from inside wasm: the results converted for
// wasm as an array, or undefined after keeping the exception the import threw.
binding.setDispatch(function dispatch(id, ...args) {
  const entry = importedFunctions[id];
  try {
    const { params, results } = entry.sig;
    for (let i = 0; i < args.length; i++) args[i] = toJS(args[i], params[i]);
    const ret = Reflect.apply(entry.fn, undefined, args);
    if (results.length === 0) return [];
    if (results.length === 1) return [toWasm(ret, results[0])];
    if (ret === null || (typeof ret !== 'object' && typeof ret !== 'function') || typeof ret[iteratorSymbol] !== 'function') {
      throw new TypeError(`${describe(ret)} is not iterable (cannot read property Symbol(Symbol.iterator))`);
    }
    const values = [...ret];
    if (values.length !== results.length) throw new TypeError('multi-return length mismatch');
    return values.map((v, i) => toWasm(v, results[i]));
  } catch (error) {
    pendingThrow = error;
    hasPendingThrow = true;
    return undefined;
  }
});

function describe(value) {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function callExport(handle, sig, args) {
  const { params, results } = sig;
  const converted = [];
  for (let i = 0; i < params.length; i++) converted.push(toWasm(args[i], params[i]));
  const out = binding.call(handle, ...converted);
  if (out[0] !== 0) throwFailure(out[0], out[1]);
  if (results.length === 0) return undefined;
  if (results.length === 1) return toJS(out[1], results[0]);
  const values = [];
  for (let i = 0; i < results.length; i++) values.push(toJS(out[i + 1], results[i]));
  return values;
}

/** The one JS function for wasm function `handle` (V8 names it by its function index). */
function exportedFunction(handle) {
  let fn = functionsByHandle.get(handle);
  if (fn !== undefined) return fn;
  const sig = parseSig(binding.funcType(handle));
  const forwarder = (...args) => callExport(handle, sig, args);
  const index = binding.funcIndex(handle);
  fn = binding.exportFunction(forwarder, handle, throwFailure, String(index < 0 ? handle : index), sig.params.length);
  functionHandles.set(fn, { handle, sig });
  functionsByHandle.set(handle, fn);
  return fn;
}

// ---------------------------------------------------------------------------------------------
// Argument helpers (V8's texts)

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function isBufferSource(value) {
  if (isArrayBufferView(value)) return true;
  if (!isObjectLike(value)) return false;
  const tag = Object.prototype.toString.call(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

function requireNew(newTarget, name) {
  if (newTarget === undefined) {
    throw new TypeError(`WebAssembly.${name}(): WebAssembly.${name} must be invoked with 'new'`);
  }
}

/** V8's descriptor number rule: a property converted with ToNumber, then range-checked. */
function limitProperty(api, desc, name, upper, required) {
  const value = desc[name];
  if (value === undefined) {
    if (required) throw new TypeError(`${api}: Property '${name}' is required`);
    return undefined;
  }
  const n = Number(value);
  if (Number.isNaN(n) || n === Infinity || n === -Infinity) {
    throw new TypeError(`${api}: Property '${name}' must be convertible to a valid number`);
  }
  if (n < 0) throw new TypeError(`${api}: Property '${name}' must be non-negative`);
  const int = Math.trunc(n);
  if (int > 0xffffffff) throw new TypeError(`${api}: Property '${name}' must be in the unsigned long range`);
  if (int > upper) throw new RangeError(`${api}: Property '${name}': value ${int} is above the upper bound ${upper}`);
  return int;
}

function growDelta(api, value) {
  const n = Number(value);
  if (Number.isNaN(n) || n === Infinity || n === -Infinity) {
    throw new TypeError(`${api}: Argument 0 must be convertible to a valid number`);
  }
  if (n < 0) throw new TypeError(`${api}: Argument 0 must be non-negative`);
  const int = Math.trunc(n);
  if (int > 0xffffffff) throw new TypeError(`${api}: Argument 0 must be in the unsigned long range`);
  return int;
}

function brand(map, value, message) {
  const handle = isObjectLike(value) ? map.get(value) : undefined;
  if (handle === undefined) throw new TypeError(message);
  return handle;
}

function defineMethods(target, methods, enumerable = true) {
  for (const key of Object.keys(methods)) {
    const d = Object.getOwnPropertyDescriptor(methods, key);
    d.enumerable = enumerable;
    defineProperty(target, key, d);
  }
}

function setTag(Class, tag) {
  defineProperty(Class.prototype, Symbol.toStringTag, { value: tag, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// Module

function compileBytes(api, bytes) {
  if (!isBufferSource(bytes)) throw new TypeError(`${api}: Argument 0 must be a buffer source`);
  const made = binding.compile(bytes);
  if (typeof made === 'string') throw new CompileError(`${api}: ${made}`);
  return made;
}

function wrapModule(handle) {
  const module = create(Module.prototype);
  modules.set(module, handle);
  return module;
}

function Module(bytes) {
  requireNew(new.target, 'Module');
  const handle = compileBytes('WebAssembly.Module()', bytes);
  const module = create(new.target.prototype);
  modules.set(module, handle);
  return module;
}
defineMethods(Module, {
  imports(module) {
    const h = brand(modules, module, 'WebAssembly.Module.imports(): Argument 0 must be a WebAssembly.Module');
    return binding.moduleImports(h);
  },
  exports(module) {
    const h = brand(modules, module, 'WebAssembly.Module.exports(): Argument 0 must be a WebAssembly.Module');
    return binding.moduleExports(h);
  },
  customSections(module, sectionName) {
    const h = brand(modules, module, 'WebAssembly.Module.customSections(): Argument 0 must be a WebAssembly.Module');
    if (sectionName === undefined) {
      throw new TypeError('WebAssembly.Module.customSections(): Argument 1 is required');
    }
    return binding.customSections(h, String(sectionName));
  },
});
setTag(Module, 'WebAssembly.Module');

// ---------------------------------------------------------------------------------------------
// Instance

function importError(api, i, module, kind, name, text) {
  return new LinkError(`${api}: Import #${i} module="${module}" ${kind}="${name}" error: ${text}`);
}

/** Reads and checks every import as the JS-API's "read the imports" does, in order. */
function resolveImports(api, moduleHandle, importObject) {
  const list = binding.moduleImports(moduleHandle);
  if (list.length > 0 && !isObjectLike(importObject)) {
    throw new TypeError(`${api}: Imports argument must be present and must be an object`);
  }
  const types = binding.importTypes(moduleHandle);
  const descriptors = [];
  for (let i = 0; i < list.length; i++) {
    const { module: moduleName, name } = list[i];
    const type = types[i];
    const ns = importObject[moduleName];
    if (!isObjectLike(ns)) {
      throw new TypeError(`${api}: Import #${i} module="${moduleName}" error: module is not an object or function`);
    }
    const value = ns[name];
    const fail = (text) => importError(api, i, moduleName, 'function', name, text);
    switch (type[0]) {
      case 'f': {
        if (typeof value !== 'function') throw fail('function import requires a callable');
        const wasmFn = functionHandles.get(value);
        if (wasmFn !== undefined) {
          if (binding.funcType(wasmFn.handle) !== type[1]) throw fail('imported function does not match the expected type');
          descriptors.push(['f', wasmFn.handle]);
        } else {
          importedFunctions.push({ fn: value, sig: parseSig(type[1]) });
          descriptors.push(['j', importedFunctions.length - 1]);
        }
        break;
      }
      case 'g': {
        const [, letter, mutable] = type;
        const handle = isObjectLike(value) ? globals.get(value) : undefined;
        if (handle !== undefined) {
          const [have, haveMutable] = binding.globalInfo(handle);
          if (have !== letter) throw fail('imported global does not match the expected type');
          if (haveMutable !== mutable) throw fail('imported global does not match the expected mutability');
          descriptors.push(['g', handle]);
          break;
        }
        if (mutable) throw fail('imported mutable global must be a WebAssembly.Global object');
        const fits = letter === 'l' ? typeof value === 'bigint'
          : letter === 'r' || letter === 'x' ? true
            : letter !== 'v' && typeof value === 'number';
        if (!fits) throw fail('global import must be a number, valid Wasm reference, or WebAssembly.Global object');
        descriptors.push(['g', binding.globalNew(letter, false, toWasm(value, letter, () => fail('function-typed object must be null (if nullable) or a Wasm function object')))]);
        break;
      }
      case 'm': {
        const handle = isObjectLike(value) ? memories.get(value) : undefined;
        if (handle === undefined) throw fail('memory import must be a WebAssembly.Memory object');
        const [pages, max] = binding.memoryInfo(handle);
        if (pages < type[1]) throw new LinkError(`${api}: memory import ${i} is smaller than initial ${type[1]}, got ${pages}`);
        if (type[2] >= 0) {
          if (max < 0) throw new LinkError(`${api}: memory import ${i} has no maximum limit, expected at most 4294967295`);
          if (max > type[2]) throw new LinkError(`${api}: memory import ${i} has a larger maximum size ${max} than the module's declared maximum ${type[2]}`);
        }
        descriptors.push(['m', handle]);
        break;
      }
      case 't': {
        const handle = isObjectLike(value) ? tables.get(value) : undefined;
        if (handle === undefined) throw fail('table import requires a WebAssembly.Table');
        const [length, max, element] = binding.tableInfo(handle);
        if (element !== type[1]) throw fail('imported table does not match the expected type');
        if (length < type[2]) throw new LinkError(`${api}: table import ${i} is smaller than initial ${type[2]}, got ${length}`);
        if (type[3] >= 0) {
          if (max < 0) throw new LinkError(`${api}: table import ${i} has no maximum length, expected ${type[3]}`);
          if (max > type[3]) throw new LinkError(`${api}: table import ${i} has a larger maximum size ${max} than the module's declared maximum ${type[3]}`);
        }
        descriptors.push(['t', handle]);
        break;
      }
      default:
        throw fail('tag import requires a WebAssembly.Tag');
    }
  }
  return descriptors;
}

function instantiateModule(api, moduleHandle, importObject) {
  const descriptors = resolveImports(api, moduleHandle, importObject);
  const out = binding.instantiate(moduleHandle, descriptors);
  if (out[0] !== 0) {
    if (out[0] === 1 && !binding.hasStart(moduleHandle)) throw new RuntimeError(`${api}: data segment is out of bounds`);
    throwFailure(out[0], out[1], api);
  }
  const exports = create(null);
  for (const [name, kind, handle] of out[1]) {
    let value;
    switch (kind) {
      case 'f': value = exportedFunction(handle); break;
      case 'm': value = memoryObject(handle); break;
      case 't': value = tableObject(handle); break;
      default: value = globalObject(handle); break;
    }
    defineProperty(exports, name, { value, writable: false, enumerable: true, configurable: false });
  }
  freeze(exports);
  const instance = create(Instance.prototype);
  instances.set(instance, exports);
  return instance;
}

function Instance(module, importObject) {
  requireNew(new.target, 'Instance');
  const handle = brand(modules, module, 'WebAssembly.Instance(): Argument 0 must be a WebAssembly.Module');
  if (importObject !== undefined && !isObjectLike(importObject)) {
    throw new TypeError('WebAssembly.Instance(): Argument 1 must be an object');
  }
  const made = instantiateModule('WebAssembly.Instance()', handle, importObject);
  if (new.target !== Instance) Object.setPrototypeOf(made, new.target.prototype);
  return made;
}
defineProperty(Instance.prototype, 'exports', {
  get: {
    exports() {
      return brand(instances, this, 'WebAssembly.Instance.exports(): Receiver is not a WebAssembly.Instance');
    },
  }.exports,
  enumerable: true,
  configurable: true,
});
defineProperty(Object.getOwnPropertyDescriptor(Instance.prototype, 'exports').get, 'name', { value: 'get exports' });
setTag(Instance, 'WebAssembly.Instance');

// ---------------------------------------------------------------------------------------------
// Memory

function memoryObject(handle) {
  let memory = memoryByHandle.get(handle);
  if (memory === undefined) {
    memory = create(Memory.prototype);
    memories.set(memory, handle);
    memoryByHandle.set(handle, memory);
  }
  return memory;
}

function Memory(descriptor) {
  requireNew(new.target, 'Memory');
  const api = 'WebAssembly.Memory()';
  if (!isObjectLike(descriptor)) throw new TypeError(`${api}: Argument 0 must be a memory descriptor`);
  const initial = limitProperty(api, descriptor, 'initial', 65536, true);
  const maximum = limitProperty(api, descriptor, 'maximum', 65536, false);
  if (maximum !== undefined && maximum < initial) {
    throw new RangeError(`${api}: Property 'maximum': value ${maximum} is below the lower bound ${initial}`);
  }
  if (descriptor.shared) {
    if (maximum === undefined) throw new TypeError(`${api}: If shared is true, maximum property should be defined.`);
    // wasmi has no threads proposal, so no shared linear memory to hand out.
    throw new TypeError(`${api}: shared memories are not supported by nodebuf's wasm engine`);
  }
  let handle;
  try {
    handle = binding.memoryNew(initial, maximum);
  } catch {
    throw new RangeError(`${api}: could not allocate memory`);
  }
  const memory = create(new.target.prototype);
  memories.set(memory, handle);
  memoryByHandle.set(handle, memory);
  return memory;
}
defineMethods(Memory.prototype, {
  grow(delta) {
    const handle = brand(memories, this, 'WebAssembly.Memory.grow(): Receiver is not a WebAssembly.Memory');
    const pages = growDelta('WebAssembly.Memory.grow()', delta);
    const old = binding.memoryGrow(handle, pages);
    if (old < 0) throw new RangeError('WebAssembly.Memory.grow(): Maximum memory size exceeded');
    return old;
  },
  get buffer() {
    const handle = brand(memories, this, 'WebAssembly.Memory.buffer: Receiver is not a WebAssembly.Memory');
    const buffer = binding.memoryBuffer(handle);
    // V8's wasm buffers cannot be detached by a transfer (Node copies them instead); the
    // native half relies on it: a moved buffer could not be detached when the memory grows.
    untransferable.mark(buffer);
    return buffer;
  },
});
setTag(Memory, 'WebAssembly.Memory');

// ---------------------------------------------------------------------------------------------
// Table

function tableObject(handle) {
  let table = tableByHandle.get(handle);
  if (table === undefined) {
    table = create(Table.prototype);
    tables.set(table, handle);
    tableByHandle.set(handle, table);
  }
  return table;
}

function tableValue(api, letter, value, argIndex) {
  if (letter === 'x') return value === null ? null : externIdOf(value);
  return toWasm(value, 'r', () => new TypeError(
    `${api}: Argument ${argIndex} is invalid for table: function-typed object must be null (if nullable) or a Wasm function object`));
}

function Table(descriptor, value) {
  requireNew(new.target, 'Table');
  const api = 'WebAssembly.Table()';
  if (!isObjectLike(descriptor)) throw new TypeError(`${api}: Argument 0 must be a table descriptor`);
  const letter = REF_NAMES[String(descriptor.element)];
  if (letter === undefined) {
    throw new TypeError(`${api}: Descriptor property 'element' must be a WebAssembly reference type`);
  }
  const initial = limitProperty(api, descriptor, 'initial', 10000000, true);
  const maximum = limitProperty(api, descriptor, 'maximum', 0xffffffff, false);
  if (maximum !== undefined && maximum < initial) {
    throw new RangeError(`${api}: Property 'maximum': value ${maximum} is below the lower bound ${initial}`);
  }
  const init = value === undefined ? (letter === 'x' ? externIdOf(undefined) : null) : tableValue(api, letter, value, 1);
  const handle = binding.tableNew(letter, initial, maximum, init);
  if (handle < 0) throw new RangeError(`${api}: could not allocate table`);
  const table = create(new.target.prototype);
  tables.set(table, handle);
  tableByHandle.set(handle, table);
  return table;
}
defineMethods(Table.prototype, {
  get length() {
    const handle = brand(tables, this, 'WebAssembly.Table.length: Receiver is not a WebAssembly.Table');
    return binding.tableInfo(handle)[0];
  },
  grow(delta, value) {
    const api = 'WebAssembly.Table.grow()';
    const handle = brand(tables, this, `${api}: Receiver is not a WebAssembly.Table`);
    const n = growDelta(api, delta);
    const letter = binding.tableInfo(handle)[2];
    const init = value === undefined ? (letter === 'x' ? externIdOf(undefined) : null) : tableValue(api, letter, value, 1);
    const old = binding.tableGrow(handle, n, init);
    if (old < 0) throw new RangeError(`${api}: failed to grow table by ${n}`);
    return old;
  },
  set(index, value) {
    const api = 'WebAssembly.Table.set()';
    const handle = brand(tables, this, `${api}: Receiver is not a WebAssembly.Table`);
    const i = growDelta(api, index);
    const [length, , letter] = binding.tableInfo(handle);
    if (i >= length) throw new RangeError(`${api}: invalid index ${i} into ${letter === 'x' ? 'externref' : 'function'} table`);
    const v = value === undefined && arguments.length < 2 && letter === 'x' ? externIdOf(undefined)
      : tableValue(api, letter, value === undefined && letter === 'r' ? null : value, 1);
    binding.tableSet(handle, i, v);
    return undefined;
  },
  get(index) {
    const api = 'WebAssembly.Table.get()';
    const handle = brand(tables, this, `${api}: Receiver is not a WebAssembly.Table`);
    const i = growDelta(api, index);
    const [length, , letter] = binding.tableInfo(handle);
    if (i >= length) throw new RangeError(`${api}: invalid index ${i} into ${letter === 'x' ? 'externref' : 'function'} table`);
    return toJS(binding.tableGet(handle, i), letter);
  },
});
setTag(Table, 'WebAssembly.Table');

// ---------------------------------------------------------------------------------------------
// Global

function globalObject(handle) {
  let global = globalByHandle.get(handle);
  if (global === undefined) {
    global = create(Global.prototype);
    globals.set(global, handle);
    globalByHandle.set(handle, global);
  }
  return global;
}

function Global(descriptor, value) {
  requireNew(new.target, 'Global');
  const api = 'WebAssembly.Global()';
  if (!isObjectLike(descriptor)) throw new TypeError(`${api}: Argument 0 must be a global descriptor`);
  const mutable = !!descriptor.mutable;
  const letter = TYPE_NAMES[String(descriptor.value)];
  if (letter === undefined || letter === 'v') {
    throw new TypeError(`${api}: Descriptor property 'value' must be a WebAssembly type`);
  }
  let v;
  if (value === undefined) {
    v = letter === 'l' ? 0n : letter === 'r' ? null : letter === 'x' ? (arguments.length < 2 ? null : externIdOf(undefined)) : 0;
  } else {
    v = toWasm(value, letter, () => new TypeError(`${api}: function-typed object must be null (if nullable) or a Wasm function object`));
  }
  const handle = binding.globalNew(letter, mutable, v);
  const global = create(new.target.prototype);
  globals.set(global, handle);
  globalByHandle.set(handle, global);
  return global;
}
function globalValue(self, api) {
  const handle = brand(globals, self, `${api}: Receiver is not a WebAssembly.Global`);
  const [letter] = binding.globalInfo(handle);
  return toJS(binding.globalGet(handle), letter);
}
defineMethods(Global.prototype, {
  valueOf() {
    return globalValue(this, 'WebAssembly.Global.valueOf()');
  },
  get value() {
    return globalValue(this, 'get WebAssembly.Global.value');
  },
  set value(v) {
    const handle = brand(globals, this, 'set WebAssembly.Global.value: Receiver is not a WebAssembly.Global');
    const [letter, mutable] = binding.globalInfo(handle);
    if (!mutable) throw new TypeError("set WebAssembly.Global.value: Can't set the value of an immutable global.");
    if (arguments.length === 0) throw new TypeError('set WebAssembly.Global.value: Argument 0 is required');
    binding.globalSet(handle, toWasm(v, letter));
  },
});
setTag(Global, 'WebAssembly.Global');

// ---------------------------------------------------------------------------------------------
// Tag and Exception (the JS-side objects of the exception-handling proposal)

function Tag(descriptor) {
  requireNew(new.target, 'Tag');
  const api = 'WebAssembly.Tag()';
  if (!isObjectLike(descriptor)) throw new TypeError(`${api}: Argument 0 must be a tag type`);
  const parameters = descriptor.parameters;
  if (!isObjectLike(parameters) || typeof parameters[iteratorSymbol] !== 'function') {
    throw new TypeError(`${api}: Argument 0 must be a tag type with 'parameters'`);
  }
  const letters = [];
  for (const p of parameters) {
    const letter = TYPE_NAMES[String(p)];
    if (letter === undefined) throw new TypeError(`${api}: Argument 0 parameter type at index #${letters.length} must be a value type`);
    letters.push(letter);
  }
  const tag = create(new.target.prototype);
  tags.set(tag, letters);
  return tag;
}
setTag(Tag, 'WebAssembly.Tag');

function Exception(tag, payload, options) {
  requireNew(new.target, 'Exception');
  const api = 'WebAssembly.Exception()';
  const letters = brand(tags, tag, `${api}: Argument 0 must be a WebAssembly tag`);
  if (!isObjectLike(payload) || typeof payload[iteratorSymbol] !== 'function') {
    throw new TypeError(`${api}: Exception values must be an iterable object`);
  }
  const values = [...payload];
  // V8 takes as many values as the tag has parameters; missing ones are the type's zero.
  const converted = letters.map((letter, i) => (i < values.length ? toWasm(values[i], letter)
    : letter === 'l' ? 0n : letter === 'r' || letter === 'x' ? null : 0));
  const exception = create(new.target.prototype);
  exceptions.set(exception, { tag, values: converted, letters });
  if (isObjectLike(options) && options.traceStack) {
    const holder = {};
    Error.captureStackTrace?.(holder);
    defineProperty(exception, 'stack', { value: holder.stack, writable: true, configurable: true });
  }
  return exception;
}
defineMethods(Exception.prototype, {
  getArg(tag, index) {
    const api = 'WebAssembly.Exception.getArg()';
    const data = brand(exceptions, this, `${api}: Receiver is not a WebAssembly.Exception`);
    brand(tags, tag, `${api}: Argument 0 must be a WebAssembly.Tag`);
    if (tag !== data.tag) throw new TypeError(`${api}: First argument does not match the exception tag`);
    const i = growDelta(api, index);
    if (i >= data.values.length) throw new RangeError(`${api}: Index out of range`);
    return toJS(data.values[i], data.letters[i]);
  },
  is(tag) {
    const data = brand(exceptions, this, 'WebAssembly.Exception.is(): Receiver is not a WebAssembly.Exception');
    brand(tags, tag, 'WebAssembly.Exception.is(): Argument 0 must be a WebAssembly.Tag');
    return tag === data.tag;
  },
});
setTag(Exception, 'WebAssembly.Exception');

// ---------------------------------------------------------------------------------------------
// The promise functions: V8 settles them from a task, after the current microtasks.

const { queueIoCompletion } = require('internal/loop');

// Settled from a later turn of the event loop (V8 compiles and instantiates in tasks), never
// before the microtasks and ticks queued by the caller.
function later(work) {
  return new Promise((resolve, reject) => {
    queueIoCompletion(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    });
  });
}

function copyBytes(bytes) {
  // The bytes are taken when the call is made, as V8 copies them before compiling.
  return isArrayBufferView(bytes)
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength).slice()
    : new Uint8Array(bytes).slice();
}

// `compile` and `instantiate` under the name of the API a script called (errors carry it).
function compileAs(api, bytes) {
  if (!isBufferSource(bytes)) return Promise.reject(new TypeError(`${api}: Argument 0 must be a buffer source`));
  const copy = copyBytes(bytes);
  return later(() => wrapModule(compileBytes(api, copy)));
}

function instantiateAs(api, source, importObject) {
  const moduleHandle = isObjectLike(source) ? modules.get(source) : undefined;
  if (moduleHandle === undefined && !isBufferSource(source)) {
    return later(() => {
      throw new TypeError(`${api}: Argument 0 must be a buffer source or a WebAssembly.Module object`);
    });
  }
  if (importObject !== undefined && !isObjectLike(importObject)) {
    return Promise.reject(new TypeError(`${api}: Argument 1 must be an object`));
  }
  if (moduleHandle !== undefined) {
    return later(() => instantiateModule(api, moduleHandle, importObject));
  }
  const copy = copyBytes(source);
  return later(() => {
    const handle = compileBytes(api, copy);
    return { module: wrapModule(handle), instance: instantiateModule(api, handle, importObject) };
  });
}

const namespace = {
  compile(bytes) {
    return compileAs('WebAssembly.compile()', bytes);
  },
  validate(bytes) {
    if (!isBufferSource(bytes)) throw new TypeError('WebAssembly.validate(): Argument 0 must be a buffer source');
    return binding.validate(bytes);
  },
  instantiate(source, importObject) {
    return instantiateAs('WebAssembly.instantiate()', source, importObject);
  },
  compileStreaming(source) {
    return streaming(source).then((bytes) => compileAs('WebAssembly.compileStreaming()', bytes));
  },
  instantiateStreaming(source, importObject) {
    return streaming(source)
      .then((bytes) => instantiateAs('WebAssembly.instantiateStreaming()', bytes, importObject));
  },
};

// The bytes of a fetch `Response` (or a promise of one), with Node's checks in Node's order:
// the type, a Content-Type of exactly `application/wasm`, an ok status, an unread body.
function streaming(source) {
  return Promise.resolve(source).then((response) => {
    const { codes, makeNodeError } = require('internal/errors');
    const Response = globalThis.Response;
    if (typeof Response !== 'function' || !(response instanceof Response)) {
      throw codes.ERR_INVALID_ARG_TYPE('source', ['Response', 'Promise resolving to Response'], response);
    }
    const refuse = (what) => makeNodeError(NativeTypeError, 'ERR_WEBASSEMBLY_RESPONSE', `WebAssembly response ${what}`);
    const contentType = response.headers.get('Content-Type');
    if (contentType !== 'application/wasm') throw refuse(`has unsupported MIME type '${contentType}'`);
    if (!response.ok) throw refuse(`has status code ${response.status}`);
    if (response.bodyUsed !== false) throw refuse('body has already been used');
    return response.arrayBuffer();
  });
}

// For the structured clone serializer (internal/messaging): a Module travels as its bytes and is
// compiled again where it arrives (V8 shares the compiled code); the other wasm objects are
// refused, as V8 refuses them.
native.wasmClone = {
  kind(value) {
    if (modules.has(value)) return 'Module';
    if (memories.has(value)) return 'Memory';
    if (tables.has(value)) return 'Table';
    if (globals.has(value)) return 'Global';
    if (instances.has(value)) return 'Instance';
    if (tags.has(value)) return 'Tag';
    if (exceptions.has(value)) return 'Exception';
    return undefined;
  },
  bytes(value) {
    return binding.moduleBytes(modules.get(value));
  },
  module(bytes) {
    return wrapModule(compileBytes('WebAssembly.Module()', bytes));
  },
};

const WebAssembly = create(Object.prototype);
for (const key of Object.keys(namespace)) {
  defineProperty(namespace[key], 'length', { value: 1 });
  defineProperty(WebAssembly, key, { value: namespace[key], writable: true, enumerable: true, configurable: true });
}
const classes = { Module, Instance, Table, Memory, Global, Tag, Exception, CompileError, LinkError, RuntimeError };
for (const key of Object.keys(classes)) {
  const Class = classes[key];
  if (key !== 'CompileError' && key !== 'LinkError' && key !== 'RuntimeError') {
    defineProperty(Class, 'length', { value: 1 });
    defineProperty(Class, 'prototype', { writable: false });
  }
  defineProperty(WebAssembly, key, { value: Class, writable: true, enumerable: false, configurable: true });
}
defineProperty(WebAssembly, Symbol.toStringTag, { value: 'WebAssembly', configurable: true });

module.exports = WebAssembly;
