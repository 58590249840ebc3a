// structuredClone: the HTML structured clone algorithm for the types scripts use (primitives,
// plain objects, arrays, Date, RegExp, Map, Set, boxed primitives, errors, ArrayBuffer, typed
// arrays, DataView), keeping shared and circular references; `transfer` moves ArrayBuffers
// (the source is detached). Functions and symbols throw DataCloneError.
'use strict';

const { ArrayBufferPrototypeSlice, ArrayBufferPrototypeTransfer } = native.primordials;

const { types } = require('internal/inspect');

function dataCloneError(message) {
  return new DOMException(message, 'DataCloneError');
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    throw require('internal/errors').makeNodeError(TypeError, 'ERR_MISSING_ARGS', 'The "value" argument must be specified');
  }
  const transfer = options && options.transfer !== undefined ? [...options.transfer] : [];
  const transferred = new Set();
  for (const item of transfer) {
    if (!types.isArrayBuffer(item)) throw dataCloneError('Value not transferable');
    if (transferred.has(item)) throw dataCloneError('ArrayBuffer is a duplicate of an earlier ArrayBuffer');
    transferred.add(item);
  }
  const memory = new Map();
  const result = clone(value, memory, transferred);
  // Listed buffers the value did not reach are still detached, as transfer requires.
  for (const item of transfer) if (!memory.has(item)) ArrayBufferPrototypeTransfer.call(item);
  return result;
}

function clone(value, memory, transferred) {
  if (typeof value === 'function') throw dataCloneError(`${Function.prototype.toString.call(value)} could not be cloned.`);
  if (typeof value === 'symbol') throw dataCloneError(`${String(value)} could not be cloned.`);
  if (value === null || typeof value !== 'object') return value;
  if (memory.has(value)) return memory.get(value);
  let out;
  if (types.isArrayBuffer(value)) {
    out = transferred.has(value) ? ArrayBufferPrototypeTransfer.call(value) : ArrayBufferPrototypeSlice.call(value, 0);
    memory.set(value, out);
    return out;
  }
  if (types.isSharedArrayBuffer(value)) {
    memory.set(value, value);
    return value;
  }
  if (ArrayBuffer.isView(value)) {
    const { byteOffset, byteLength } = value;
    const length = types.isDataView(value) ? byteLength : value.length;
    const buffer = clone(value.buffer, memory, transferred);
    if (types.isDataView(value)) out = new DataView(buffer, byteOffset, byteLength);
    else {
      const Ctor = globalThis[types.typedArrayName(value)];
      out = new Ctor(buffer, byteOffset, length);
    }
    memory.set(value, out);
    return out;
  }
  if (types.isDate(value)) out = new Date(value.getTime());
  else if (types.isRegExp(value)) out = new RegExp(value.source, value.flags);
  else if (types.isBoxedPrimitive(value)) out = Object(value.valueOf());
  else if (types.isMap(value)) {
    out = new Map();
    memory.set(value, out);
    for (const [k, v] of value) out.set(clone(k, memory, transferred), clone(v, memory, transferred));
    return out;
  } else if (types.isSet(value)) {
    out = new Set();
    memory.set(value, out);
    for (const v of value) out.add(clone(v, memory, transferred));
    return out;
  } else if (types.isNativeError(value)) {
    const name = ['EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError'].includes(value.name) ? value.name : 'Error';
    out = new globalThis[name](value.message);
    if (typeof value.stack === 'string') Object.defineProperty(out, 'stack', { value: value.stack, writable: true, configurable: true });
    if ('cause' in value) out.cause = clone(value.cause, memory, transferred);
    memory.set(value, out);
    return out;
  } else if (Array.isArray(value)) {
    out = new Array(value.length);
    memory.set(value, out);
    for (const key of Object.keys(value)) out[key] = clone(value[key], memory, transferred);
    return out;
  } else if (types.isPromise(value) || types.isWeakMap(value) || types.isWeakSet(value) || types.isProxy(value)) {
    throw dataCloneError(`${require('internal/inspect').inspect(value)} could not be cloned.`);
  } else {
    out = {};
  }
  memory.set(value, out);
  for (const key of Object.keys(value)) out[key] = clone(value[key], memory, transferred);
  return out;
}

// Superseded by the shared serializer of postMessage (internal/messaging); kept for reference.
void structuredClone;
module.exports = { structuredClone: require('internal/messaging').structuredClone };
