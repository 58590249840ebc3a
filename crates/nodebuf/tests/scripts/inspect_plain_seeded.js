// util.inspect and console.log of plain data take a native walk (modules/inspect_plain.rs)
// under the default options; anything it cannot print exactly (getters, Proxies, symbols,
// BigInts, cycles, class instances, holes, extra array keys, changed intrinsics or default
// options) goes to the JS formatter. Seeded random trees of plain and hostile values, printed
// both ways, must equal node's output; getters must run exactly as often as in node.
'use strict';
const util = require('util');
const { seeded } = require('./_seeded');

const { rand, int, pick } = seeded(20261207);
let getterCalls = 0;

const pieces = ['a', 'é', '€', '😀', '\n', '\t', "'", '"', '`', '${', '\\', '\x00', '\x7f', '\x9f',
  '\ud800', '\udc00', ' ', 'word', 'x'.repeat(20), 'line\n'];
function randomString() {
  let s = '';
  const n = int(6);
  for (let i = 0; i < n; i++) s += pick(pieces);
  if (int(12) === 0) s = 'long text '.repeat(int(12) + 4);
  if (int(20) === 0) s = 'multi line\n'.repeat(int(10) + 2);
  return s;
}

const keys = ['a', 'b', 'id', 'name', '_x', 'a-b', '0', '12', 'with space', '__proto__', 'é', '$', 'constructor', ''];
function randomKey() {
  return int(3) === 0 ? randomString() : pick(keys);
}

function randomNumber() {
  return pick([0, -0, 1, -1, 42, 1.5, -2.25, 1e21, 1e-7, 123456789, NaN, Infinity, -Infinity, 2 ** 31, 0.1 + 0.2]);
}

function hostile(depth) {
  switch (int(12)) {
    case 0: return Object.defineProperty({ a: 1 }, 'g', { get() { getterCalls++; return 'got'; }, enumerable: true });
    case 1: return new Proxy({ p: 1 }, {});
    case 2: return { [Symbol('s')]: 1, a: 2 };
    case 3: return 10n;
    case 4: { const c = { a: 1 }; c.self = c; return c; }
    case 5: return new (class Point { constructor() { this.x = 1; } })();
    case 6: return [1, , 3];
    case 7: { const a = [1, 2]; a.extra = 'x'; return a; }
    case 8: return Object.create(null);
    case 9: return Object.defineProperty({ v: 1 }, 'hidden', { value: 2, enumerable: false });
    case 10: return new Map([[1, randomValue(depth + 1)]]);
    default: return Buffer.from([1, 2, 3]);
  }
}

function randomValue(depth) {
  const r = int(depth > 3 ? 4 : 10);
  if (r === 0) return randomNumber();
  if (r === 1) return randomString();
  if (r === 2) return pick([null, undefined, true, false]);
  if (r === 3) return int(100);
  if (int(15) === 0) return hostile(depth);
  if (r < 7) {
    const o = {};
    const n = int(8);
    // Defined, not assigned: a `__proto__` key stays an own property.
    for (let i = 0; i < n; i++) {
      Object.defineProperty(o, randomKey(), { value: randomValue(depth + 1), enumerable: true, writable: true, configurable: true });
    }
    if (int(25) === 0) Object.setPrototypeOf(o, pick([Array.prototype, null, { inherited: 1 }]));
    return o;
  }
  const allNumbers = int(2) === 0;
  // Long arrays (the column grid, the 100-item cut) of numbers, or near the top.
  const n = allNumbers || depth === 0 ? pick([0, 1, 3, 6, 7, 12, 30, 99, 100, 101, 150]) : pick([0, 1, 2, 3, 6, 7, 8]);
  const a = [];
  for (let i = 0; i < n; i++) a.push(allNumbers ? int(2000) - 500 : randomValue(depth + 1));
  return a;
}

const out = [];
for (let i = 0; i < 300; i++) {
  const value = randomValue(0);
  out.push(util.inspect(value));
  if (i % 10 === 0) out.push(util.format('%s | %O', value, value));
}
console.log(out.join('\n'));
console.log(util.inspect({ a: [1, 2, 3] }), util.inspect([{ a: 1 }]));

// Intrinsics and defaults changed by the script: the native walk steps aside.
const o = { a: 1, b: [1, 2, { c: 'x' }] };
const show = (label) => console.log(label, util.inspect(o), util.inspect([o]));
Object.prototype[Symbol.toStringTag] = 'Tagged'; show('tag'); delete Object.prototype[Symbol.toStringTag];
Array.prototype[util.inspect.custom] = function () { return 'custom-array'; }; show('custom');
delete Array.prototype[util.inspect.custom];
Object.prototype[util.inspect.custom] = function (depth) { return `custom-object at ${depth}`; }; show('custom object');
delete Object.prototype[util.inspect.custom];
const saved = Array.prototype.constructor;
Array.prototype.constructor = function Other() {}; show('array constructor'); Array.prototype.constructor = saved;
for (const [key, value] of [['depth', 0], ['breakLength', 10], ['compact', false], ['maxArrayLength', 1], ['sorted', true]]) {
  const before = util.inspect.defaultOptions[key];
  util.inspect.defaultOptions[key] = value;
  show(`defaultOptions.${key}`);
  util.inspect.defaultOptions[key] = before;
}
show('restored');
// Buffers inside plain data: printed as Buffer's inspect prints them, natively while its
// intrinsics stand; INSPECT_MAX_BYTES, extra keys, replaced hexSlice/inspect/length/name.
const buffer = require('buffer');
const b = Buffer.from('hello world');
console.log({ id: 1, payload: b, list: [Buffer.alloc(0), Buffer.alloc(60, 1)], view: b.subarray(2, 4) });
for (const max of [3, 2.5, 0, Infinity, 50]) {
  buffer.INSPECT_MAX_BYTES = max;
  console.log(max, [b], { b });
}
const tagged = Buffer.from('ab');
tagged.tag = 'x';
console.log({ tagged, u8: new Uint8Array([1, 2]), shared: Buffer.from(new SharedArrayBuffer(4)) });
const savedHex = Buffer.prototype.hexSlice;
Buffer.prototype.hexSlice = function (start, end) { return 'ff'.repeat(end - start); };
console.log('hexSlice', { b });
Buffer.prototype.hexSlice = savedHex;
const savedInspect = Buffer.prototype[util.inspect.custom];
Buffer.prototype[util.inspect.custom] = () => 'custom!';
console.log('inspect', { b });
Buffer.prototype[util.inspect.custom] = savedInspect;
Object.defineProperty(Buffer, 'name', { value: 'Renamed' });
console.log('name', { b });
Object.defineProperty(Buffer, 'name', { value: 'Buffer' });
const own = Buffer.from('xyz');
Object.defineProperty(own, 'length', { value: 1 });
console.log('own length', { own }, { b });
console.log('getter calls', getterCalls);
