// The engine's shortcuts (vendor/patches 0024, 0025) against what node prints:
// - closures made from a kept shape: every kind of function, made many times, shows the same own
//   keys, descriptors, name, length and lazy prototype, and changing one closure (its prototype,
//   name, length, a new or deleted property) leaves the next ones as they are;
// - `===` / `!==` decided in the interpreter: every pair from a list of values of each type
//   (ints, -0, NaN, floats equal to ints, booleans, null, undefined, objects, strings, symbols,
//   bigints), plus a seeded random sweep.
'use strict';

function describe(f) {
  const keys = Object.getOwnPropertyNames(f);
  const descriptors = keys.map((k) => {
    const d = Object.getOwnPropertyDescriptor(f, k);
    const value = typeof d.value === 'function' ? 'fn' : typeof d.value === 'object' ? typeof d.value : d.value;
    return `${k}:${value}:${d.writable}${d.enumerable}${d.configurable}`;
  });
  return `${typeof f} ${f.name}/${f.length} [${descriptors.join(' ')}]`;
}

function makers(i) {
  return {
    arrow: () => (x) => x + i,
    named: () => function named(a, b) { return a + b + i; },
    anonymous: () => function (a) { return a; },
    method: () => ({ m(a, b, c) { return i; } }).m,
    getter: () => Object.getOwnPropertyDescriptor({ get g() { return i; } }, 'g').get,
    asyncFn: () => async function af(q) { return q; },
    asyncArrow: () => async (a, b) => a,
    generator: () => function* gen(a) { yield a; },
    asyncGenerator: () => async function* agen() {},
    klass: () => class K { constructor(a) { this.a = a; } },
    bound: () => function b(a, b2) {}.bind(null, 1),
  };
}

for (const kind of Object.keys(makers(0))) {
  const seen = new Set();
  for (let i = 0; i < 5; i++) seen.add(describe(makers(i)[kind]()));
  console.log(kind, [...seen].join(' | '));
}

// Changing one closure must not change its siblings (they share a shape).
const make = (i) => function shared(a, b) { return i; };
const first = make(1);
first.prototype.extra = 1;
console.log(Object.keys(first.prototype), Object.keys(make(2).prototype), first.prototype === make(2).prototype);
console.log(first.prototype.constructor === first, Object.getOwnPropertyNames(make(3).prototype));
delete first.name;
console.log(first.name, describe(make(4)));
Object.defineProperty(first, 'length', { value: 9 });
console.log(first.length, describe(make(5)));
first.added = 'x';
console.log(Object.getOwnPropertyNames(first), describe(make(6)));
const replaced = make(7);
replaced.prototype = 5;
console.log(replaced.prototype, typeof make(8).prototype, describe(replaced));
const frozen = Object.freeze(make(9));
console.log(Object.isFrozen(frozen), Object.isFrozen(make(10)), describe(frozen));
console.log(new (make(11))() instanceof make(12) === false, (() => 1).hasOwnProperty('prototype'));
for (const f of [async function () {}, () => {}, { m() {} }.m]) {
  try {
    new f();
    console.log('constructed');
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}

// Strict equality.
const obj = {};
const values = [
  0, -0, 1, -1, 2 ** 31 - 1, 1.5, NaN, Infinity, 1.0, 0.1 + 0.2, 0.3,
  true, false, null, undefined, obj, {}, [], 'a', '', '1', 'a' + '', Symbol.iterator, Symbol('s'),
  0n, 1n, -1n, 2n ** 64n,
];
const names = values.map((v) => (typeof v === 'symbol' ? v.toString() : typeof v === 'bigint' ? `${v}n` : v === obj ? 'obj' : Object.is(v, -0) ? '-0' : JSON.stringify(v) ?? String(v)));
const rows = [];
for (let i = 0; i < values.length; i++) {
  let row = '';
  for (let j = 0; j < values.length; j++) {
    const a = values[i];
    const b = values[j];
    row += a === b ? (a !== b ? '?' : '1') : (a !== b ? '0' : '?');
  }
  rows.push(`${names[i].padEnd(20)} ${row}`);
}
console.log(rows.join('\n'));

// Seeded sweep: values picked by an LCG, compared through a function (so the comparison runs in
// the interpreter with values coming from variables, arguments and properties alike).
let seed = 12345;
function next(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
function eq(a, b) { return a === b; }
function neq(a, b) { return a !== b; }
const holder = { v: null };
let summary = '';
for (let k = 0; k < 2000; k++) {
  const a = values[next(values.length)];
  holder.v = values[next(values.length)];
  summary += eq(a, holder.v) ? 'e' : neq(a, holder.v) ? 'n' : '?';
}
console.log(summary.length, summary.split('e').length - 1, summary.split('?').length - 1, summary.slice(0, 80));
