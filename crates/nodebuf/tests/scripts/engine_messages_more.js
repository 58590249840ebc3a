// More of V8's error texts where scripts see them (engine patch quickjs-0014): iterating what is
// not iterable (spread, for-of, destructuring, builtins), destructuring null/undefined, calls
// through Function.prototype.call/apply, builtins on the wrong receiver, frozen and
// non-extensible objects, the `in`/`instanceof` operators, TDZ and const, BigInt, URI, constructors
// without `new`. Each shape prints its result or `Constructor: message` as node prints it.
const o = { n: null, u: undefined, x: 1, e: {}, arr: [null], g() { return 1; } };
const n = null;
const one = 1;
function f() {}
const shapes = [
  // Iteration: bytecode sites name the expression, builtins name the value by type.
  () => [...o.n], () => [...o.x], () => [...n], () => [...one], () => [...o.e], () => [...o.u], () => [...1],
  () => [...null], () => [...{}], () => [...f()], () => [...o.g()], () => [...o[0]], () => [...this.x],
  () => f(...o.n), () => f(...one), () => f(...n), () => f(...o.e), () => f(1, ...o.x), () => f(...undefined),
  () => f(...f()), () => f(...o.g()), () => new f(...o.x), () => new f(...n), () => Math.max(...null),
  () => { for (const a of o.x); }, () => { for (const a of n); }, () => { for (const a of o.e); },
  () => { for (const a of f()); }, () => { for (const a of o.g()); }, () => { for (const a of o['x']); },
  () => { for (const a of 'abc'.length); }, () => { for (const a of (o).x); }, () => { for (const a of o.x.y); },
  () => { for (const x of 1); }, () => { for (const x of {}); },
  () => { const [a] = o.x; }, () => { const [a] = n; }, () => { let a; [a] = o.e; }, () => { const [a] = o.u; },
  () => { const [a] = 5; }, () => { const [a] = f(); }, () => { const [a] = o.g(); }, () => { const [a] = undefined; },
  () => { const [a] = true; }, () => { const [a] = 'x'.length; }, () => { const [a] = o.x, b = 1; },
  () => { function g([a]) {} g(); }, () => { function g([a]) {} g(1); }, () => { const [[a]] = [1]; },
  () => { const [a] = 1; }, () => { const [a] = null; },
  () => { function* g() { yield* n; } g().next(); },
  () => new Map(o.x), () => new Set(n), () => new Map(o.e), () => Array.from(one), () => new Map(1), () => new Set(1),
  () => new WeakMap(1), () => Object.fromEntries(1), () => Array.from(null),
  () => Array.from({ [Symbol.iterator]: 1 }),
  async () => { for await (const a of o.x); },
  () => Promise.all(1).catch((e) => console.log('async', e.message)),
  // Destructuring null or undefined.
  () => { const { a } = o.n; }, () => { const {} = o.n; }, () => { const { ...r } = n; }, () => { const { [o.x]: a } = n; },
  () => { const { a, b } = o.u; }, () => { let a; ({ a } = o.n); }, () => { var { 'q': a } = n; }, () => { const { 1: a } = n; },
  () => { function g({ a }) {} g(); }, () => { function g({ a }) {} g(null); }, () => { function g(x, { a }) {} g(); },
  () => { const g = ({ a }) => a; g(); }, () => { const { a: { b } } = o; }, () => { const { n: { b } } = o; },
  () => { const [{ b }] = o.arr; }, () => { const { a } = null; }, () => { const { a } = f(); },
  () => { const { a } = o . n; }, () => { const { a } = (o.n); }, () => { const { a } = undefined; },
  // Calls through call/apply/bind and other receivers.
  () => Function.prototype.call.call(1), () => Function.prototype.apply.call({}), () => Function.prototype.bind.call(1),
  () => Function.prototype.call.call(o.x), () => { const g = o.x; g.call(); }, () => o.x.call(),
  () => { const g = o.e; Function.prototype.apply.call(g); }, () => Reflect.apply(one), () => Reflect.apply({}),
  () => Reflect.apply('s'), () => Reflect.apply(null), () => Reflect.apply(undefined), () => Reflect.apply(Symbol()),
  () => Function.prototype.toString.call(1), () => Function.prototype.bind.call(o.e),
  () => Function.prototype.call.call(undefined), () => Function.prototype.apply.call(null),
  () => Promise.prototype.then.call(1), () => Promise.prototype.then.call({}, () => {}), () => Promise.prototype.then.call(o.e),
  () => Promise.prototype.catch.call(1), () => Promise.prototype.catch.call(o.e), () => Promise.prototype.catch.call({ then: 1 }),
  () => new Promise(() => {}).then.call(null), () => Promise.prototype.finally.call(1), () => Promise.resolve.call(1),
  () => Promise.reject.call(1), () => Promise.all.call(1), () => Promise.race.call(1), () => Promise.any.call(1),
  () => Promise.allSettled.call(1),
  () => new Map().get.call([]), () => Set.prototype.has.call(null), () => Map.prototype.set.call(new Set()),
  () => WeakMap.prototype.get.call(1), () => Map.prototype.get.call(1), () => Set.prototype.add.call({}),
  () => new Set().add.call(1), () => Map.prototype.forEach.call({}), () => ArrayBuffer.prototype.slice.call(1),
  () => String.prototype.toString.call({}), () => String.prototype.valueOf.call(1), () => Number.prototype.valueOf.call('1'),
  () => Boolean.prototype.valueOf.call(1), () => Boolean.prototype.toString.call(1), () => Symbol.prototype.valueOf.call(1),
  () => Symbol.prototype.toString.call(1), () => BigInt.prototype.toString.call(1),
  () => Date.prototype.getFullYear.call({}), () => Date.prototype.getTime.call(1), () => new Date(NaN).toISOString(),
  () => Date.prototype.toISOString.call(1),
  () => Array.prototype.map.call(null), () => Array.prototype.forEach.call(undefined, () => {}),
  () => Array.prototype.join.call(null), () => Array.prototype.at.call(null), () => Array.prototype.indexOf.call(null),
  () => String.prototype.trim.call(null), () => String.prototype.slice.call(undefined), () => String.prototype.at.call(null),
  () => String.prototype.split.call(undefined), () => ''.padStart.call(null), () => String.prototype.trimEnd.call(null),
  () => 'a'.codePointAt.call(null),
  () => [].forEach(o.x), () => [].map(o.e), () => [].filter(), () => [1].find(n), () => [1].map(1), () => [1].forEach(),
  () => [].reduce((a, b) => a), () => [1].reduce((a, b) => a),
  // Objects: descriptors, prototypes, frozen and non-extensible.
  () => Object.defineProperty(1, 'x', {}), () => Object.defineProperty({}, 'x', 1), () => Object.defineProperty({}, 'x', 'str'),
  () => Object.defineProperty({}, 'x', null), () => Object.defineProperties(1, {}), () => Object.defineProperties({}, { a: 1 }),
  () => Object.create(1), () => Object.create('s'), () => Object.create(undefined), () => Object.setPrototypeOf({}, 1),
  () => Object.setPrototypeOf({}, 's'), () => Object.getPrototypeOf(null), () => Reflect.get(1, 'x'), () => Reflect.ownKeys(1),
  () => Object.freeze([1]).push(2),
  () => { 'use strict'; Object.freeze({ a: 1 }).a = 2; }, () => { 'use strict'; Object.preventExtensions({}).a = 2; },
  () => { 'use strict'; delete Object.freeze({ a: 1 }).a; }, () => { 'use strict'; const a = Object.freeze([1]); a[0] = 2; },
  () => { 'use strict'; const a = Object.freeze(new Map()); a.x = 2; }, () => { 'use strict'; const a = Object.preventExtensions([]); a[5] = 2; },
  () => { 'use strict'; const a = Object.preventExtensions(new (class Foo {})()); a.y = 2; },
  () => { 'use strict'; const p = {}; Object.defineProperty(p, 'x', { value: 1 }); p.x = 3; },
  () => { 'use strict'; delete [].length; }, () => { 'use strict'; delete Math.PI; },
  () => { 'use strict'; const s = Symbol('q'); const p = Object.freeze({ [s]: 1 }); delete p[s]; },
  () => { 'use strict'; const s = Symbol('q'); const p = Object.freeze({ [s]: 1 }); p[s] = 2; },
  () => Object.defineProperty(Object.freeze({}), Symbol('z'), { value: 1 }), () => Object.defineProperty(Object.freeze({}), 'x', { value: 1 }),
  () => Object.defineProperty(Object.freeze({ x: 1 }), 'x', { value: 2 }), () => Array.prototype.push.call(Object.freeze([]), 1),
  () => { const a = []; a.__proto__ = a; }, () => { const p = {}; Object.setPrototypeOf(p, Object.create(p)); },
  () => new Proxy({}, 1), () => new WeakMap().set(1, 1), () => new WeakSet().add(1), () => new WeakMap().set('s', 1),
  () => new WeakSet().add(null), () => new WeakMap([[1, 2]]), () => new Map([1]), () => new Map([[1, 2], 3]), () => new Map(['ab']),
  () => Object.fromEntries([1]), () => Object.fromEntries([null]),
  // Operators, bindings, classes.
  () => 1 in 1, () => 'x' in 'str', () => 'x' in null, () => Symbol('s') in 1, () => 1 in undefined, () => 'a' in true,
  () => ({}) instanceof 1, () => ({}) instanceof {}, () => ({}) instanceof null, () => ({}) instanceof 'x',
  () => { let q = q; }, () => { const c = 1; c = 2; }, () => { const q = 1; q++; }, () => { const q = 1; q += 1; },
  () => { 'use strict'; let x = 1; { x = y; let y; } }, () => { typeof z; let z; }, () => { g(); const g = 1; },
  () => { class A { #x; static f(p) { return p.#x; } } A.f({}); }, () => { class A { #x = 1; static s(p, v) { p.#x = v; } } A.s({}, 1); },
  () => { class A { get #g() { return 1; } static s(p) { p.#g = 1; } } A.s(new A()); },
  () => { class A { constructor() { this.x; } } class B extends A { constructor() { this.y = 1; super(); } } new B(); },
  () => { class B extends Object { constructor() { } } new B(); },
  () => new Symbol(), () => Symbol.keyFor('x'), () => Symbol.keyFor(1), () => Symbol.keyFor({}),
  () => Promise(), () => Map(), () => Set(), () => WeakMap(), () => Proxy({}, {}),
  // BigInt, JSON, URI, RegExp flags, Atomics.
  () => 1n / 0n, () => 1n % 0n, () => 2n ** -1n, () => 1n >>> 1n, () => 1n >>> 0n, () => Math.max(1n), () => BigInt(1) + undefined,
  () => JSON.stringify(1n), () => encodeURIComponent('\uD800'), () => decodeURIComponent('%'), () => decodeURI('%E0%A4%A'),
  () => encodeURI('\uDFFF'), () => 'abc'.matchAll(/a/), () => 'abc'.replaceAll(/a/, ''), () => 'abc'.replaceAll(/b/, 'x'),
  () => Atomics.add(new Float64Array(4), 0, 0), () => Atomics.add(new Uint8ClampedArray(2), 0, 1), () => Atomics.load([1], 0),
  () => BigInt.asUintN(1), () => BigInt.asUintN(1, 'x1'), () => BigInt.asIntN(1, 1.5), () => new RegExp('a', 'gg'),
  () => new RegExp('', 0), () => Reflect.construct(undefined, []), () => Reflect.apply(f, null, 1), () => f.apply(null, 1),
  () => Reflect.apply(Function.prototype.call, 1, []), () => Function.prototype.call.apply(1),
  () => Promise.allSettled.call(() => 1, []), () => Reflect.construct(function* g() {}, []), () => new (o.g)(),
  () => Error.prototype.toString.call(1), () => Object.fromEntries(undefined), () => Object.fromEntries(null),
  () => Object.getOwnPropertyDescriptor(Symbol.prototype, 'description').get.call(1),
  () => Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.call(1),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'global').get.call(1),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get.call({}),
  () => Object.getOwnPropertyDescriptor(RegExp.prototype, 'flags').get.call(1),
  () => RegExp.prototype.exec.call({}), () => RegExp.prototype.test.call(1), () => RegExp.prototype.test.call({}),
  () => RegExp.prototype.toString.call(1), () => RegExp.prototype.compile.call(1),
  () => Date.prototype.setHours.call({}), () => Date.prototype.toString.call(1), () => Date.prototype.toGMTString.call({}),
  () => Date.prototype.getYear.call({}), () => Date.prototype.valueOf.call({}), () => Date.prototype.toJSON.call({}),
  () => ({}).__defineGetter__('x', 1), () => ({}).__defineSetter__('x', 1), () => 'a'.fontcolor(), () => 'a'.anchor(),
  () => Object.setPrototypeOf(null, {}), () => Object.setPrototypeOf(Object.preventExtensions(new Set()), {}),
  () => (function () { 'use strict'; return Function.prototype.caller; })(), () => [1].map(() => 1, 1).x.y,
  // JSON.parse of what scripts often pass by mistake.
  ...['{"a":1,}', '{a:1}', '[1 2]', '"abc', '"abc\\', 'tru', 'trux', 'nul', '{"a":1}x', '\n\n  }', 'undefined', 'NaN',
    'Infinity', '-Infinity', '[object Object]', '{"a"', 'x', '', ' ', '[1,]', '[,1]', '[1] [2]', '"\\x"', '"\\u12"',
    '01', '1.', '1e', '-', '{"a": 1, "b": 2, "c": 3, "d": xyz, "e": 5}', 'abcdefghijklmnopqrstuvwxyz',
    '{"aaaaaaaaaaaaaaaaaaaaaa": truu}', '{"é": x}', '[1,2', '{"a":1', "{'a':1}", '"a"x', '1 2', '{"a":1}}', '[NaN]',
    '{"a":undefined}', 'True', '123abc', 'null null', '[01]'].map((text) => () => JSON.parse(text)),
  // A BigInt stored into a number typed array: V8's conversion text from any frame; an
  // operator mixing the two: its mixing text. (An object whose valueOf returns a BigInt still
  // gets the mixing text from a script's own store: crates/nodebuf/README.md.)
  ...[Float64Array, Float32Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint32Array, Int8Array, Buffer.from]
    .flatMap((C) => {
      const make = () => (C === Buffer.from ? Buffer.from([0, 0]) : new C(2));
      return [
        () => { make()[0] = 5n; }, () => { make()[9] = 5n; }, () => { make()['1'] = 5n; },
        () => { const t = make(); t[1] += 5n; }, () => Reflect.set(make(), 0, 5n), () => make().fill(1n),
        () => Object.defineProperty(make(), 0, { value: 5n }),
      ];
    }),
  () => { new BigInt64Array(1)[0] = 5; }, () => { new BigUint64Array(1)[0] = 1.5; },
];
(async () => {
  for (const [i, g] of shapes.entries()) {
    try {
      const r = await g();
      console.log(i, 'ok', typeof r === 'object' ? Object.prototype.toString.call(r) : String(r));
    } catch (e) {
      console.log(i, e && e.constructor && `${e.constructor.name}: ${e.message}`);
    }
  }
})();
