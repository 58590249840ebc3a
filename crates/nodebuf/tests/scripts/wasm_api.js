'use strict';
// The WebAssembly JS API's shapes and conversions: Module's static functions, Instance exports
// (function names are indices, lengths are parameter counts), imported JS functions with
// number/BigInt conversions and multi-value results, exceptions crossing wasm, tables of
// functions and externrefs, globals, link errors, traps, inspect and toStringTag.
const W = require('./_wasm_encoder');
const { op } = W;
const util = require('util');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (error) {
    console.log(label, `${error.name}: ${error.message}`, error instanceof WebAssembly.RuntimeError,
      error instanceof WebAssembly.LinkError, error instanceof WebAssembly.CompileError, error instanceof Error);
  }
}

console.log(WebAssembly, Object.prototype.toString.call(WebAssembly));
console.log(Object.getOwnPropertyNames(WebAssembly).sort().join());
for (const name of ['Module', 'Instance', 'Memory', 'Table', 'Global', 'Tag', 'Exception']) {
  const C = WebAssembly[name];
  console.log(name, C.name, C.length, typeof C, Object.prototype.toString.call(Object.create(C.prototype)),
    Object.getOwnPropertyNames(C.prototype).sort().join());
}
for (const name of ['CompileError', 'LinkError', 'RuntimeError']) {
  const C = WebAssembly[name];
  const e = new C('boom');
  console.log(name, C.length, e.name, e.message, String(e), Object.getPrototypeOf(C) === Error,
    Object.getOwnPropertyNames(e).sort().join(), e.stack.split('\n')[0], new C().message === '');
}

const types = [
  [['i32', 'i32'], ['i32']], // 0
  [['i64'], ['i64']], // 1
  [['f32', 'f64'], ['f64']], // 2
  [[], ['i32', 'i64', 'f64']], // 3
  [['i32'], []], // 4
  [[], []], // 5
  [['externref'], ['externref']], // 6
  [['i32'], ['i32']], // 7
];
const bytes = W.module({
  types,
  imports: [
    { module: 'js', name: 'add', kind: 'func', type: 0 },
    { module: 'js', name: 'wide', kind: 'func', type: 1 },
    { module: 'js', name: 'three', kind: 'func', type: 3 },
    { module: 'js', name: 'thrower', kind: 'func', type: 4 },
    { module: 'js', name: 'counter', kind: 'global', type: 'i32', mutable: true },
    { module: 'js', name: 'base', kind: 'global', type: 'i64' },
  ],
  funcs: [
    { type: 0, body: [op.local_get(0), op.local_get(1), op.call(0)] }, // 4 callAdd
    { type: 1, body: [op.local_get(0), op.call(1), op.global_get(1), op.i64_add] }, // 5 callWide
    { type: 3, body: [op.call(2)] }, // 6 callThree
    { type: 4, body: [op.local_get(0), op.call(3)] }, // 7 callThrower
    { type: 5, body: [op.global_get(0), op.i32_const(1), op.i32_add, op.global_set(0)] }, // 8 bump
    { type: 2, body: [op.local_get(0), op.f64_promote_f32, op.local_get(1), op.f64_mul] }, // 9 mix
    { type: 6, body: [op.local_get(0)] }, // 10 identity
    { type: 7, body: [op.i32_const(5), op.local_get(0), op.call_indirect(7)] }, // 11 dispatch
    { type: 7, body: [op.local_get(0), op.i32_const(10), op.i32_mul] }, // 12 times10
    { type: 7, body: [op.local_get(0), op.i32_const(1), op.i32_sub] }, // 13 minus1
  ],
  tables: [{ min: 4, max: 8 }],
  globals: [{ type: 'f64', mutable: false, init: [op.f64_const(2.5)] }],
  exports: [
    { name: 'callAdd', kind: 'func', index: 4 },
    { name: 'callWide', kind: 'func', index: 5 },
    { name: 'callThree', kind: 'func', index: 6 },
    { name: 'callThrower', kind: 'func', index: 7 },
    { name: 'bump', kind: 'func', index: 8 },
    { name: 'mix', kind: 'func', index: 9 },
    { name: 'identity', kind: 'func', index: 10 },
    { name: 'dispatch', kind: 'func', index: 11 },
    { name: 'times10', kind: 'func', index: 12 },
    { name: 'reexported', kind: 'func', index: 0 },
    { name: 'table', kind: 'table', index: 0 },
    { name: 'half', kind: 'global', index: 2 },
    { name: 'counter', kind: 'global', index: 0 },
  ],
  elements: [{ offset: 1, funcs: [12, 13] }],
  custom: [{ name: 'meta', bytes: [1, 2, 3] }, { name: 'other', bytes: [] }, { name: 'meta', bytes: [9] }],
});

const compiled = new WebAssembly.Module(bytes);
console.log(compiled, WebAssembly.Module.imports(compiled), WebAssembly.Module.exports(compiled));
console.log(WebAssembly.Module.customSections(compiled, 'meta'), WebAssembly.Module.customSections(compiled, 'none'));
console.log(WebAssembly.validate(bytes), WebAssembly.validate(bytes.subarray(0, 20)), WebAssembly.validate(bytes.buffer));

const calls = [];
const counter = new WebAssembly.Global({ value: 'i32', mutable: true }, 41);
const instance = new WebAssembly.Instance(compiled, {
  js: {
    add(a, b) {
      calls.push(['add', a, b, typeof a]);
      return a + b;
    },
    wide(x) {
      calls.push(['wide', x, typeof x]);
      return x * 2n;
    },
    three: () => [1.9, 2n, '3.5'],
    thrower(code) {
      if (code === 1) throw new TypeError('from JS');
      if (code === 2) throw 42;
      if (code === 3) return instance.exports.callThrower(1);
      return undefined;
    },
    counter,
    base: 1000n,
  },
});
const e = instance.exports;
console.log(instance, e, Object.isFrozen(e), Object.getPrototypeOf(e));
console.log(Object.keys(e).map((k) => typeof e[k] === 'function' ? `${k}:${e[k].name}/${e[k].length}` : k).join(' '));
console.log(String(e.callAdd), e.callAdd === instance.exports.callAdd, typeof e.reexported, e.reexported.name);
attempt('new export', () => new e.callAdd(1, 2));
attempt('add', () => [e.callAdd(2, 3), e.callAdd(2 ** 31 - 1, 1), e.callAdd('7', true), e.callAdd(1.9, -1.9), e.callAdd()]);
attempt('add bigint', () => e.callAdd(1n, 2));
attempt('wide', () => [e.callWide(5n), e.callWide(-1n), e.callWide(2n ** 63n), e.callWide('12'), e.callWide(true)]);
attempt('wide number', () => e.callWide(5));
attempt('wide undefined', () => e.callWide());
attempt('three', () => e.callThree());
attempt('mix', () => [e.mix(1.1, 2), e.mix(0.1, 3), e.mix(NaN, 1), e.mix(-0, 1)]);
console.log(JSON.stringify(calls, (k, v) => typeof v === 'bigint' ? `${v}n` : v));
attempt('thrower 0', () => e.callThrower(0));
attempt('thrower 1', () => e.callThrower(1));
attempt('thrower 3', () => e.callThrower(3));
try {
  e.callThrower(2);
} catch (thrown) {
  console.log('thrower 2 threw', thrown);
}

// Globals, imported and exported.
console.log(e.counter === counter, e.counter.value, e.bump(), counter.value, e.half.value, e.half.valueOf());
counter.value = 7;
e.bump();
console.log(counter.value, util.inspect(counter), Object.prototype.toString.call(counter));
attempt('set immutable', () => { e.half.value = 1; });
for (const [desc, value] of [[{ value: 'i32' }, 5.7], [{ value: 'i64' }, 5n], [{ value: 'i64' }, undefined],
  [{ value: 'f32', mutable: true }, 1.1], [{ value: 'f64' }, '2.5'], [{ value: 'externref' }, { a: 1 }],
  [{ value: 'externref' }, undefined], [{ value: 'anyfunc' }, null], [{ value: 'anyfunc' }, e.times10],
  [{ value: 'i64' }, 5], [{ value: 'x' }, 1], [{}, 1], [{ value: 'anyfunc' }, () => 1]]) {
  attempt(`global ${JSON.stringify(desc)}`, () => {
    const g = new WebAssembly.Global(desc, value);
    return g.value;
  });
}
attempt('global no new', () => WebAssembly.Global({ value: 'i32' }));
attempt('global receiver', () => WebAssembly.Global.prototype.value);

// Tables.
const table = e.table;
console.log(table, table.length, table.get(0), table.get(1) === e.times10, table.get(2).name, table.get(2).length);
console.log(e.dispatch(1), e.dispatch(2));
attempt('null slot', () => e.dispatch(0));
attempt('out of table', () => e.dispatch(9));
table.set(0, e.times10);
console.log(e.dispatch(0), table.grow(2), table.length, table.get(5));
attempt('bad set', () => table.set(0, () => 1));
attempt('set range', () => table.set(6, null));
attempt('get range', () => table.get(6));
attempt('grow past max', () => table.grow(3));
attempt('wrong signature', () => { table.set(3, e.callAdd); return e.dispatch(3); });
const refs = new WebAssembly.Table({ element: 'externref', initial: 2 }, 'init');
const obj = { key: 'value' };
refs.set(1, obj);
console.log(refs.get(0), refs.get(1) === obj, refs.length, refs.grow(1), refs.get(2));
console.log(e.identity(obj) === obj, e.identity(null), e.identity(undefined), e.identity(5), e.identity('s'));
for (const desc of [{ element: 'anyfunc', initial: 2 }, { element: 'x', initial: 1 }, { initial: 1 }, { element: 'anyfunc' },
  { element: 'anyfunc', initial: 2e7 }, { element: 'externref', initial: 3, maximum: 2 }]) {
  attempt(`table ${JSON.stringify(desc)}`, () => new WebAssembly.Table(desc).length);
}

// Link errors.
const imp = (imports) => new WebAssembly.Module(W.module({ types: [[['i32'], ['i32']]], imports }));
const fmod = imp([{ module: 'm', name: 'f', kind: 'func', type: 0 }]);
attempt('no imports', () => new WebAssembly.Instance(fmod));
attempt('missing module', () => new WebAssembly.Instance(fmod, {}));
attempt('not callable', () => new WebAssembly.Instance(fmod, { m: { f: 5 } }));
attempt('signature', () => new WebAssembly.Instance(fmod, { m: { f: e.callWide } }));
attempt('wasm import ok', () => new WebAssembly.Instance(fmod, { m: { f: e.times10 } }) instanceof WebAssembly.Instance);
const gmod = imp([{ module: 'm', name: 'g', kind: 'global', type: 'i32' }]);
for (const g of [5n, 'x', new WebAssembly.Global({ value: 'i64' }), new WebAssembly.Global({ value: 'i32', mutable: true }), 3]) {
  attempt('global import', () => new WebAssembly.Instance(gmod, { m: { g } }) instanceof WebAssembly.Instance);
}
attempt('mutable number', () => new WebAssembly.Instance(imp([{ module: 'm', name: 'g', kind: 'global', type: 'i32', mutable: true }]), { m: { g: 5 } }));
attempt('i64 number', () => new WebAssembly.Instance(imp([{ module: 'm', name: 'g', kind: 'global', type: 'i64' }]), { m: { g: 5 } }));
const mmod = imp([{ module: 'm', name: 'mem', kind: 'memory', min: 2, max: 3 }]);
for (const mem of [5, new WebAssembly.Memory({ initial: 1 }), new WebAssembly.Memory({ initial: 2 }),
  new WebAssembly.Memory({ initial: 2, maximum: 4 }), new WebAssembly.Memory({ initial: 2, maximum: 3 })]) {
  attempt('memory import', () => new WebAssembly.Instance(mmod, { m: { mem } }) instanceof WebAssembly.Instance);
}
const tmod = imp([{ module: 'm', name: 't', kind: 'table', min: 2, max: 3 }]);
for (const t of [5, new WebAssembly.Table({ element: 'anyfunc', initial: 1 }), new WebAssembly.Table({ element: 'anyfunc', initial: 2 }),
  new WebAssembly.Table({ element: 'externref', initial: 2, maximum: 3 }), new WebAssembly.Table({ element: 'anyfunc', initial: 2, maximum: 3 })]) {
  attempt('table import', () => new WebAssembly.Instance(tmod, { m: { t } }) instanceof WebAssembly.Instance);
}

// Instantiation-time traps and compile errors.
attempt('data segment', () => new WebAssembly.Instance(new WebAssembly.Module(W.module({ memories: [{ min: 1 }], data: [{ offset: 65535, bytes: [1, 2] }] }))));
attempt('element segment', () => new WebAssembly.Instance(new WebAssembly.Module(W.module({ types: [[[], []]], funcs: [{ type: 0, body: [] }], tables: [{ min: 1 }], elements: [{ offset: 1, funcs: [0] }] }))));
attempt('start trap', () => new WebAssembly.Instance(new WebAssembly.Module(W.module({ types: [[[], []]], funcs: [{ type: 0, body: [op.unreachable] }], start: 0 }))));
for (const bad of [new Uint8Array(0), new Uint8Array([1, 2, 3, 4]), new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0]), new Uint8Array(2), 5, 'wasm', new ArrayBuffer(3)]) {
  attempt('compile', () => new WebAssembly.Module(bad));
}
attempt('no new', () => WebAssembly.Module(bytes));
attempt('exports of non-module', () => WebAssembly.Module.exports({}));
attempt('instance of non-module', () => new WebAssembly.Instance({}));
attempt('validate non-source', () => WebAssembly.validate('x'));

// Traps.
const trapMod = new WebAssembly.Instance(new WebAssembly.Module(W.module({
  types: [[[], []], [['i32'], ['i32']]],
  funcs: [
    { type: 0, body: [op.unreachable] },
    { type: 0, body: [op.call(1)] },
    { type: 1, body: [op.i32_const(1), op.local_get(0), op.i32_rem_u] },
  ],
  exports: [{ name: 'unreachable', kind: 'func', index: 0 }, { name: 'recurse', kind: 'func', index: 1 }, { name: 'rem', kind: 'func', index: 2 }],
}))).exports;
attempt('unreachable', () => trapMod.unreachable());
attempt('recurse', () => trapMod.recurse());
attempt('rem', () => trapMod.rem(0));
attempt('rem ok', () => trapMod.rem(3));

// Tag and Exception objects.
const tag = new WebAssembly.Tag({ parameters: ['i32', 'i64'] });
const exc = new WebAssembly.Exception(tag, [7.9, 3n]);
console.log(tag, exc, exc.is(tag), exc.getArg(tag, 0), exc.getArg(tag, 1), exc instanceof Error);
attempt('exception arity', () => new WebAssembly.Exception(tag, [1]));
attempt('other tag', () => exc.getArg(new WebAssembly.Tag({ parameters: [] }), 0));
