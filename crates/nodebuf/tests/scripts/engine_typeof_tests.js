// Engine patch 0081 against what node prints:
// - `typeof v === '<name>'` (and `!==`, `==`, `!=`, in conditions, negated, reversed, in a
//   switch) is compiled to one test of the type for every name typeof answers; every value
//   kind x every name, including names typeof never answers;
// - `===` between two strings is decided by identity when both are interned (two different
//   interned strings never hold the same text): strings made every way (literals, property
//   names, concatenations, ropes, slices, symbol descriptions, wide characters, numeric
//   names) compared with every operator and collection that uses strict equality, plus a
//   seeded random sweep.
'use strict';

const values = [
  ['int', 1], ['float', 1.5], ['-0', -0], ['NaN', NaN], ['bigint', 1n], ['big bigint', 2n ** 70n],
  ['string', 'number'], ['empty string', ''], ['long string', 'x'.repeat(100) + 'y'.repeat(100)],
  ['symbol', Symbol('number')], ['true', true], ['false', false], ['null', null],
  ['undefined', undefined], ['object', {}], ['array', []], ['function', function f() {}],
  ['arrow', () => 0], ['class', class C {}], ['async', async () => 0], ['generator', function* g() {}],
  ['bound', function h() {}.bind(null)], ['proxy of function', new Proxy(function p() {}, {})],
  ['proxy of object', new Proxy({}, {})], ['Number object', Object(1)], ['String object', Object('s')],
  ['Buffer', Buffer.from('ab')], ['Uint8Array', new Uint8Array(2)], ['Date', new Date(0)],
  ['RegExp', /x/], ['Map', new Map()], ['Symbol object', Object(Symbol.iterator)],
];

const names = ['undefined', 'object', 'boolean', 'number', 'bigint', 'string', 'symbol', 'function',
  'unknown', 'Number', 'numbe', 'numberr', ''];

// One tester per name, the name a literal in the source as scripts write it.
function tester(name) {
  const n = JSON.stringify(name);
  return new Function('v', `
    const out = [];
    out.push(typeof v === ${n}, typeof v !== ${n}, typeof v == ${n}, typeof v != ${n});
    out.push(${n} === typeof v, ${n} !== typeof v);
    out.push(!(typeof v === ${n}), (typeof v !== ${n}) ? 'ne' : 'eq');
    if (typeof v === ${n}) out.push('if-eq'); else out.push('else-eq');
    if (typeof v !== ${n}) out.push('if-ne'); else out.push('else-ne');
    if (typeof v != ${n}) out.push('if-loose-ne');
    out.push(typeof v === ${n} && typeof v !== 'nothing', typeof v !== ${n} || v === 7);
    let count = 0;
    for (let i = 0; i < 3 && typeof v === ${n}; i++) count++;
    out.push(count);
    const t = typeof v;
    out.push(t === ${n});
    switch (typeof v) { case ${n}: out.push('case'); break; default: out.push('default'); }
    return out.map(String).join('');
  `);
}

for (const name of names) {
  const test = tester(name);
  const line = values.map(([label, v]) => `${label}:${test(v)}`).join(' ');
  console.log(`${JSON.stringify(name)} ${line}`);
}

// A throwing getter around the typeof operand still throws first, and typeof of an undeclared
// name is still 'undefined'.
try {
  const o = { get v() { throw new Error('getter ran'); } };
  console.log(typeof o.v === 'number');
} catch (e) {
  console.log('threw', e.message);
}
// eslint-disable-next-line no-undef
console.log(typeof notDeclaredAnywhere === 'undefined', typeof notDeclaredAnywhere !== 'object');

// Strings made every way.
function stringsFrom(seed) {
  const base = ['number', 'abc', 'é', '😀', '1', '01', 'length', 'constructor', ''][seed % 9];
  const half = Math.floor(base.length / 2);
  const obj = { [base]: 1 };
  return [
    ['literal', base],
    ['concat', base.slice(0, half) + base.slice(half)],
    ['template', `${base.slice(0, half)}${base.slice(half)}`],
    ['key', Object.keys(obj)[0]],
    ['fromCharCode', String.fromCharCode(...Array.from(base, (c) => c.charCodeAt(0)))],
    ['rope', (base + 'z'.repeat(300)).slice(0, base.length)],
    ['long rope', base + 'q'.repeat(2000)],
    ['symbol description', Symbol(base).description],
    ['json', JSON.parse(JSON.stringify(base))],
    ['number text', String(Number(base))],
    ['buffer', Buffer.from(base).toString()],
    ['typeof', typeof 0],
  ];
}

for (let seed = 0; seed < 9; seed++) {
  const strings = stringsFrom(seed).concat(stringsFrom(seed + 1));
  const rows = [];
  for (const [la, a] of strings) {
    let row = `${la}:`;
    for (const [, b] of strings) {
      const set = new Set([a]);
      const map = new Map([[a, 1]]);
      row += [a === b, a !== b, a == b, Object.is(a, b), [a].includes(b), [a].indexOf(b),
        set.has(b), map.get(b) === 1, a < b].map((x) => (x === true ? 1 : x === false ? 0 : x)).join('');
      row += ' ';
    }
    rows.push(row);
  }
  console.log(seed, rows.join('|'));
}

// Seeded sweep: random short texts, one side interned by use as a property name.
let x = 20261207;
const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 16;
const alphabet = ['a', 'b', 'é', 'ü', '你', '😀', '0', '1'];
let equalCount = 0;
let checksum = 0;
for (let i = 0; i < 4000; i++) {
  const text = (n) => Array.from({ length: n }, () => alphabet[next() % alphabet.length]).join('');
  const a = text(next() % 4);
  const b = next() % 2 ? a.split('').join('') : text(next() % 4);
  const interned = Object.keys({ [a]: 0 })[0];
  const internedB = Object.keys({ [b]: 0 })[0];
  const eq = [interned === internedB, a === internedB, interned === b, a === b, interned !== internedB];
  if (eq[0]) equalCount++;
  checksum = (checksum * 31 + eq.reduce((s, v, k) => s + (v ? 1 << k : 0), 0)) >>> 0;
}
console.log('sweep', equalCount, checksum);
