// The JS half of `messages`: replaces the typed array, ArrayBuffer, SharedArrayBuffer and
// DataView constructors and `BigInt` with native forwarders (`wrap`) that keep every identity
// scripts can see (prototype objects, `constructor`, statics, [[Prototype]], name, length), and
// gives the errors the engine throws from them V8's texts (`reword`, called only on failure,
// with the arguments the script passed). Primitive arguments are converted again to name the
// value; an object argument is never converted twice (its valueOf could run code), so its error
// keeps the engine's text. Evaluated once per context.
(function installMessages(wrap, formatNumber, Buffer, adopt) {
  'use strict';
  const global = globalThis;
  const { defineProperty, getOwnPropertyDescriptor, getPrototypeOf, setPrototypeOf } = Object;
  const { apply } = Reflect;
  const { trunc } = Math;
  const RangeErrorCtor = RangeError;
  const TypeErrorCtor = TypeError;
  const SyntaxErrorCtor = SyntaxError;
  const StringCtor = String;
  const isError = (e, C) => e !== null && typeof e === 'object' && e instanceof C;
  const byteLengthOf = (C) => getOwnPropertyDescriptor(C.prototype, 'byteLength').get;
  const abByteLength = byteLengthOf(ArrayBuffer);
  const sabByteLength = byteLengthOf(SharedArrayBuffer);
  const primitive = (v) => v === null || (typeof v !== 'object' && typeof v !== 'function');

  // The byte length of an ArrayBuffer/SharedArrayBuffer, undefined for anything else.
  function bufferLength(v) {
    if (primitive(v)) return undefined;
    try { return apply(abByteLength, v, []); } catch {}
    try { return apply(sabByteLength, v, []); } catch {}
    return undefined;
  }
  // ToIntegerOrInfinity of a primitive (no user code runs).
  function integer(v) {
    const n = +v;
    return n !== n ? 0 : trunc(n);
  }

  const typedArrays = [
    ['Int8Array', 1], ['Uint8Array', 1], ['Uint8ClampedArray', 1], ['Int16Array', 2],
    ['Uint16Array', 2], ['Int32Array', 4], ['Uint32Array', 4], ['Float32Array', 4],
    ['Float64Array', 8], ['BigInt64Array', 8], ['BigUint64Array', 8],
  ];
  const kArrayBuffer = typedArrays.length;
  const kSharedArrayBuffer = kArrayBuffer + 1;
  const kDataView = kArrayBuffer + 2;
  const kBigInt = kArrayBuffer + 3;
  // Methods: the native side never constructs these (its METHOD_KINDS).
  const kRepeat = 100;
  const kFromCodePoint = 101;
  const names = [...typedArrays.map((t) => t[0]), 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'BigInt'];

  // V8's text for an error a typed array constructor threw, or undefined to keep the engine's.
  function typedArrayText(error, name, size, args) {
    const [source, byteOffset, length] = args;
    if (primitive(source)) {
      if (!isError(error, RangeErrorCtor) || typeof source === 'symbol' || typeof source === 'bigint') return undefined;
      return `Invalid typed array length: ${formatNumber(+source)}`;
    }
    const bufferBytes = bufferLength(source);
    if (bufferBytes === undefined) return undefined;
    if (isError(error, TypeErrorCtor) && /detached/.test(error.message)) {
      return 'Cannot perform Construct on a detached ArrayBuffer';
    }
    if (!isError(error, RangeErrorCtor) || !primitive(byteOffset) || !primitive(length)) return undefined;
    if (typeof byteOffset === 'symbol' || typeof length === 'symbol') return undefined;
    const offset = integer(byteOffset);
    if (offset < 0 || offset > 2 ** 53 - 1) {
      return `Start offset ${formatNumber(+byteOffset)} is outside the bounds of the buffer`;
    }
    if (offset % size !== 0) return `start offset of ${name} should be a multiple of ${size}`;
    if (length === undefined) {
      if (bufferBytes % size !== 0) return `byte length of ${name} should be a multiple of ${size}`;
      return `Start offset ${offset} is outside the bounds of the buffer`;
    }
    const count = integer(length);
    if (count < 0 || count > 2 ** 53 - 1) return `Invalid typed array length: ${formatNumber(+length)}`;
    return `Invalid typed array length: ${count}`;
  }

  function dataViewText(error, args) {
    const [source, byteOffset, byteLength] = args;
    const bufferBytes = bufferLength(source);
    if (bufferBytes === undefined) {
      return isError(error, TypeErrorCtor) ? 'First argument to DataView constructor must be an ArrayBuffer' : undefined;
    }
    if (isError(error, TypeErrorCtor) && /detached/.test(error.message)) {
      return 'Cannot perform DataView constructor on a detached ArrayBuffer';
    }
    if (!isError(error, RangeErrorCtor) || !primitive(byteOffset) || !primitive(byteLength)) return undefined;
    if (typeof byteOffset === 'symbol' || typeof byteLength === 'symbol') return undefined;
    const offset = integer(byteOffset);
    if (offset < 0 || offset > bufferBytes) {
      return `Start offset ${formatNumber(offset)} is outside the bounds of the buffer`;
    }
    return `Invalid DataView length ${formatNumber(integer(byteLength))}`;
  }

  function bigIntText(error, args) {
    const value = args.length === 0 ? undefined : args[0];
    if (!primitive(value)) return undefined;
    if (typeof value === 'number') {
      return `The number ${formatNumber(value)} cannot be converted to a BigInt because it is not an integer`;
    }
    if (typeof value === 'symbol' || value === undefined || value === null) {
      return isError(error, TypeErrorCtor) ? `Cannot convert ${StringCtor(value)} to a BigInt` : undefined;
    }
    if (typeof value === 'string' && isError(error, SyntaxErrorCtor)) return `Cannot convert ${value} to a BigInt`;
    return undefined;
  }

  function repeatText(error, args) {
    const count = args[0];
    if (isError(error, TypeErrorCtor) && /null or undefined/.test(error.message)) {
      return 'String.prototype.repeat called on null or undefined';
    }
    if (!isError(error, RangeErrorCtor) || !primitive(count) || typeof count === 'symbol' || typeof count === 'bigint') return undefined;
    const n = integer(count);
    return n < 0 || n === Infinity ? `Invalid count value: ${formatNumber(+count)}` : 'Invalid string length';
  }

  function codePointText(error, args) {
    if (!isError(error, RangeErrorCtor)) return undefined;
    for (const v of args) {
      if (!primitive(v) || typeof v === 'symbol' || typeof v === 'bigint') return undefined;
      const n = +v;
      if (!(n >= 0 && n <= 0x10ffff && trunc(n) === n)) return `Invalid code point ${formatNumber(n)}`;
    }
    return undefined;
  }

  // Called by the forwarder with the error its engine function threw; returns what to throw.
  function reword(error, kind, newTarget, args) {
    let text;
    try {
      if (kind === kRepeat) {
        text = repeatText(error, args);
      } else if (kind === kFromCodePoint) {
        text = codePointText(error, args);
      } else if (newTarget === undefined && kind !== kBigInt) {
        text = `Constructor ${names[kind]} requires 'new'`;
      } else if (kind < kArrayBuffer) {
        text = typedArrayText(error, typedArrays[kind][0], typedArrays[kind][1], args);
      } else if (kind === kArrayBuffer || kind === kSharedArrayBuffer) {
        // A refused allocation (the OS or the memory budget) already carries V8's text.
        if (isError(error, RangeErrorCtor) && error.message !== 'Array buffer allocation failed') {
          text = /max/.test(error.message) ? 'Invalid array buffer max length' : 'Invalid array buffer length';
        }
      } else if (kind === kDataView) {
        text = dataViewText(error, args);
      } else {
        text = bigIntText(error, args);
      }
    } catch {
      text = undefined;
    }
    if (text === undefined || !isError(error, Error)) return error;
    const old = `${error.name}: ${error.message}`;
    error.message = text;
    const stack = error.stack;
    if (typeof stack === 'string' && stack.startsWith(old)) {
      error.stack = `${error.name}: ${text}${stack.slice(old.length)}`;
    }
    return error;
  }

  // Puts `wrapper` where `original` was, with every property scripts can reach (`adopt`: the
  // statics, [[Prototype]], `prototype.constructor` and the global, natively).
  function replace(name, kind, length, isConstructor) {
    const original = global[name];
    const wrapper = wrap(original, reword, kind, name, length, isConstructor);
    adopt(original, wrapper, name);
    return [original, wrapper];
  }

  const replaced = new Map();
  for (const [name] of typedArrays) replaced.set(...replace(name, names.indexOf(name), 3, true));
  replaced.set(...replace('ArrayBuffer', kArrayBuffer, 1, true));
  replaced.set(...replace('SharedArrayBuffer', kSharedArrayBuffer, 1, true));
  replaced.set(...replace('DataView', kDataView, 1, true));
  replace('BigInt', kBigInt, 1, false);
  // Methods whose errors name the argument.
  function replaceMethod(owner, name, kind, length) {
    const desc = getOwnPropertyDescriptor(owner, name);
    defineProperty(owner, name, { ...desc, value: wrap(desc.value, reword, kind, name, length, false) });
  }
  replaceMethod(StringCtor.prototype, 'repeat', kRepeat, 1);
  replaceMethod(StringCtor, 'fromCodePoint', kFromCodePoint, 1);
  // Buffer inherits from Uint8Array as the script sees it.
  if (typeof Buffer === 'function' && replaced.has(getPrototypeOf(Buffer))) {
    setPrototypeOf(Buffer, replaced.get(getPrototypeOf(Buffer)));
  }
})
