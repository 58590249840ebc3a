// Deep equality as assert.deepEqual (loose) and assert.deepStrictEqual / util.isDeepStrictEqual
// (strict) define it: prototypes and tags (strict), own enumerable keys, Dates, RegExps,
// boxed primitives, errors' name/message, typed arrays and ArrayBuffers by content, Maps and
// Sets without regard to order, and cycles.
'use strict';

const { types } = require('internal/inspect');

const tagOf = (v) => Object.prototype.toString.call(v);

function isPrimitive(v) {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

function ownKeys(value, strict) {
  const keys = Object.keys(value);
  if (strict) {
    for (const sym of Object.getOwnPropertySymbols(value)) {
      if (Object.prototype.propertyIsEnumerable.call(value, sym)) keys.push(sym);
    }
  }
  return keys;
}

function primitiveEqual(a, b, strict) {
  if (strict) return Object.is(a, b);
  // eslint-disable-next-line eqeqeq
  return a == b || (a !== a && b !== b);
}

function innerEqual(a, b, strict, memo) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (isPrimitive(a) || isPrimitive(b)) {
    if (strict) return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (a !== null && typeof a === 'object') return false;
    if (b !== null && typeof b === 'object') return false;
    return primitiveEqual(a, b, false);
  }
  if (strict) {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  }
  if (tagOf(a) !== tagOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (types.isDate(a)) {
    if (!types.isDate(b) || Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
  } else if (types.isRegExp(a)) {
    if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
  } else if (types.isNativeError(a) || a instanceof Error) {
    if (!(types.isNativeError(b) || b instanceof Error) || a.message !== b.message || a.name !== b.name) return false;
  } else if (types.isBoxedPrimitive(a)) {
    if (!types.isBoxedPrimitive(b) || !Object.is(a.valueOf(), b.valueOf())) return false;
  } else if (ArrayBuffer.isView(a)) {
    if (!ArrayBuffer.isView(b)) return false;
    if (types.isTypedArray(a) && types.typedArrayName(a) !== types.typedArrayName(b)) return false;
    if (a.byteLength !== b.byteLength) return false;
    if (!strict && (types.isTypedArray(a) && /Float/.test(types.typedArrayName(a)))) {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    } else {
      const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
    }
    const ka = ownKeys(a, strict).filter((k) => !/^\d+$/.test(k));
    const kb = ownKeys(b, strict).filter((k) => !/^\d+$/.test(k));
    return keysEqual(a, b, ka, kb, strict, memo);
  } else if (types.isAnyArrayBuffer(a)) {
    if (!types.isAnyArrayBuffer(b) || a.byteLength !== b.byteLength) return false;
    const x = new Uint8Array(a);
    const y = new Uint8Array(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  } else if (typeof a === 'function' || typeof b === 'function') {
    return false;
  }
  return objEquiv(a, b, strict, memo);
}

function keysEqual(a, b, ka, kb, strict, memo) {
  if (ka.length !== kb.length) return false;
  for (const key of ka) {
    if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false;
  }
  if (memo === undefined) memo = { a: new Map(), b: new Map(), position: 0 };
  const seenA = memo.a.get(a);
  if (seenA !== undefined) {
    const seenB = memo.b.get(b);
    if (seenB !== undefined) return seenA === seenB;
  }
  memo.position++;
  memo.a.set(a, memo.position);
  memo.b.set(b, memo.position);
  try {
    for (const key of ka) {
      if (!innerEqual(a[key], b[key], strict, memo)) return false;
    }
    return true;
  } finally {
    memo.a.delete(a);
    memo.b.delete(b);
  }
}

function objEquiv(a, b, strict, memo) {
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const hasA = Object.prototype.hasOwnProperty.call(a, i);
      const hasB = Object.prototype.hasOwnProperty.call(b, i);
      if (hasA !== hasB && strict) return false;
    }
  }
  const ka = ownKeys(a, strict);
  const kb = ownKeys(b, strict);
  if (!keysEqual(a, b, ka, kb, strict, memo)) return false;
  if (types.isSet(a)) return types.isSet(b) && setEquiv(a, b, strict, memo);
  if (types.isMap(a)) return types.isMap(b) && mapEquiv(a, b, strict, memo);
  return true;
}

function setEquiv(a, b, strict, memo) {
  if (a.size !== b.size) return false;
  const unmatched = [...b];
  for (const value of a) {
    if (b.has(value) && (isPrimitive(value) || value === value)) {
      const index = unmatched.indexOf(value);
      if (index !== -1) {
        unmatched.splice(index, 1);
        continue;
      }
    }
    const index = unmatched.findIndex((other) => innerEqual(value, other, strict, memo));
    if (index === -1) return false;
    unmatched.splice(index, 1);
  }
  return true;
}

function mapEquiv(a, b, strict, memo) {
  if (a.size !== b.size) return false;
  const unmatched = [...b];
  for (const [key, value] of a) {
    let index = -1;
    if (b.has(key)) index = unmatched.findIndex(([k]) => k === key);
    if (index !== -1 && innerEqual(value, unmatched[index][1], strict, memo)) {
      unmatched.splice(index, 1);
      continue;
    }
    index = unmatched.findIndex(([k, v]) => innerEqual(key, k, strict, memo) && innerEqual(value, v, strict, memo));
    if (index === -1) return false;
    unmatched.splice(index, 1);
  }
  return true;
}

module.exports = {
  isDeepEqual: (a, b) => innerEqual(a, b, false),
  isDeepStrictEqual: (a, b) => innerEqual(a, b, true),
};
