// Typed arrays made from arrays (`new Uint8Array(array)`, `Uint8Array.from(array)`): the engine
// takes a dense array's values without iterator objects while iterating it could run no user
// code (engine patch 0043), and stores plain numbers straight in. Every way to make that
// iteration observable must still be seen as Node sees it: replaced or wrapped
// Array.prototype[Symbol.iterator] and %ArrayIteratorPrototype%.next, an own Symbol.iterator,
// holes, a length past the elements, getters on indices, proxies, subclasses, values whose
// conversion changes the source array, BigInt arrays, every element type, and mapping functions.
'use strict';
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
const numbers = [0, -0, 1, -1, 127, 128, 255, 256, -129, 65535, 65536, 2 ** 31 - 1, 2 ** 31,
  -(2 ** 31), 2 ** 32, 2 ** 32 + 5, 2 ** 53, -(2 ** 53) - 2, 1.5, 2.5, -1.5, 254.5, 255.5, 0.49999,
  1e300, -1e300, NaN, Infinity, -Infinity, 5e-324, 3.4028235e38, 65504, 65520];
const log = [];
function show(label, f) {
  try {
    const r = f();
    log.push(`${label}: ${r && r.constructor ? r.constructor.name : typeof r} [${Array.from(r, String).join(',')}]`);
  } catch (e) {
    log.push(`${label}: ${e.name}: ${e.message}`);
  }
}
const mapped = (v) => (typeof v === 'bigint' ? v : v * 2);

for (const T of kinds) {
  const big = T === BigInt64Array || T === BigUint64Array;
  show(`${T.name} numbers`, () => new T(numbers));
  show(`${T.name}.from numbers`, () => T.from(numbers));
  show(`${T.name}.from mapped`, () => T.from(numbers.slice(0, 6), mapped));
  show(`${T.name} empty`, () => new T([]));
  show(`${T.name} bigints`, () => new T([1n, -1n, 2n ** 64n + 3n]));
  show(`${T.name} mixed`, () => new T([1, '2', true, null, undefined, '0x10', {}, [7], big ? 1n : 3]));
  // Conversions that change the source array while its values are being stored.
  const src = [1, 2, { valueOf() { src[3] = 99; src.length = 2; return 5; } }, 4, 5];
  show(`${T.name} mutating valueOf`, () => new T(big ? src.map((v) => (typeof v === 'number' ? BigInt(v) : v)) : src));
  show(`${T.name} holes`, () => new T([1, , 3]));
  const long = [1, 2, 3];
  long.length = 5;
  show(`${T.name} length past elements`, () => new T(long));
}

// Iteration made observable in every way; each case counts its calls.
function observed(label, setup, make = () => new Uint8Array([1, 2, 3, 300])) {
  const calls = [];
  const undo = setup(calls);
  show(label, make);
  undo();
  log.push(`  calls: ${calls.join(' ')}`);
}
const ArrayIteratorPrototype = Object.getPrototypeOf([][Symbol.iterator]());
const IteratorPrototype = Object.getPrototypeOf(ArrayIteratorPrototype);
const values = Array.prototype[Symbol.iterator];
const next = ArrayIteratorPrototype.next;

observed('replaced Array.prototype[Symbol.iterator]', (calls) => {
  Array.prototype[Symbol.iterator] = function* () { calls.push('iter'); yield 9; yield 8; };
  return () => { Array.prototype[Symbol.iterator] = values; };
});
observed('wrapped Array.prototype[Symbol.iterator]', (calls) => {
  Array.prototype[Symbol.iterator] = function () { calls.push('iter'); return values.call(this); };
  return () => { Array.prototype[Symbol.iterator] = values; };
});
observed('replaced next', (calls) => {
  ArrayIteratorPrototype.next = function () { calls.push('next'); return next.call(this); };
  return () => { ArrayIteratorPrototype.next = next; };
});
observed('next as a getter', (calls) => {
  Object.defineProperty(ArrayIteratorPrototype, 'next', { configurable: true, writable: true, value: next });
  Object.defineProperty(ArrayIteratorPrototype, 'next', {
    configurable: true,
    get() { calls.push('get next'); return next; },
  });
  return () => {
    Object.defineProperty(ArrayIteratorPrototype, 'next', { configurable: true, writable: true, enumerable: false, value: next });
  };
});
observed('next moved to %IteratorPrototype%', (calls) => {
  delete ArrayIteratorPrototype.next;
  IteratorPrototype.next = function () { calls.push('proto next'); return next.call(this); };
  return () => {
    delete IteratorPrototype.next;
    Object.defineProperty(ArrayIteratorPrototype, 'next', { configurable: true, writable: true, enumerable: false, value: next });
  };
});
observed('own Symbol.iterator', (calls) => () => {}, () => {
  const a = [1, 2, 3];
  a[Symbol.iterator] = function* () { yield 4; yield 5; };
  return new Uint8Array(a);
});
observed('Symbol.iterator getter on the array', (calls) => () => {}, () => {
  const a = [1, 2, 3];
  Object.defineProperty(a, Symbol.iterator, { get() { calls.push('get iter'); return values; } });
  return new Uint8Array(a);
});
observed('index getter', (calls) => () => {}, () => {
  const a = [1, 2, 3];
  Object.defineProperty(a, 1, { get() { calls.push('get 1'); return 7; } });
  return new Uint8Array(a);
});
observed('proxy', (calls) => () => {}, () => {
  const p = new Proxy([1, 2, 3], { get(t, k, r) { calls.push(`get ${String(k)}`); return Reflect.get(t, k, r); } });
  return new Uint8Array(p);
});
observed('array subclass', (calls) => () => {}, () => {
  class Sub extends Array {
    *[Symbol.iterator]() { calls.push('sub iter'); yield* values.call(this); }
  }
  return new Uint8Array(Sub.from([1, 2, 3]));
});
observed('plain array subclass', (calls) => () => {}, () => {
  class Sub extends Array {}
  return new Float64Array(Sub.of(1.5, 2, 3));
});
observed('frozen', (calls) => () => {}, () => new Int16Array(Object.freeze([1, -2, 70000])));
observed('Symbol.iterator null', (calls) => {
  Array.prototype[Symbol.iterator] = null;
  return () => { Array.prototype[Symbol.iterator] = values; };
});
observed('from with mapping that mutates', (calls) => () => {}, () => {
  const a = [1, 2, 3, 4];
  return Uint8Array.from(a, (v, i) => { calls.push(`map ${i}`); a[3] = 50; a.length = 2; return v + 1; });
});
observed('from on a subclass of Uint8Array', (calls) => () => {}, () => {
  class U extends Uint8Array {
    constructor(n) { calls.push(`ctor ${n}`); super(n); }
  }
  return U.from([1, 2, 3]);
});
observed('new on a subclass of Float32Array', (calls) => () => {}, () => {
  class F extends Float32Array {}
  return new F([1.1, 2.2, 3]);
});
// A large dense array, every type.
const many = Array.from({ length: 3000 }, (_, i) => (i * 7919) % 70001 - 35000 + (i % 3) / 4);
for (const T of kinds.slice(0, 9)) {
  const t = new T(many);
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum = (sum * 31 + t[i] * 7) % 1000000007;
  log.push(`${T.name} of 3000: ${sum}`);
}
console.log(log.join('\n'));
