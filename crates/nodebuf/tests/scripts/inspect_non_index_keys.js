// util.inspect and Buffer's inspect list an object's own keys that are not array indices
// (Node's getOwnNonIndexProperties), now without making a key per element (engine patch 0045):
// Buffers, typed arrays, arrays (dense, holey, sparse with huge indices), String objects,
// arguments, plain objects with index-like keys ("01", "-1", "1.5", "4294967295", the largest
// index 4294967294), enumerable and hidden string and symbol keys, with and without
// showHidden, Proxies (their traps counted), getters, a large Buffer whose extra keys come
// after 64 KiB of indices, and arrays with holes up to a length of 2 ** 32 - 1.
'use strict';
const util = require('util');
const out = [];
const show = (label, v, opts) => out.push(`${label}: ${util.inspect(v, opts)}`);

const sym = Symbol('s');
const hidden = Symbol('hidden');
function decorate(o) {
  o.extra = 1;
  o['01'] = 'leading zero';
  // Canonical numeric strings: on a typed array, element writes (ignored out of range, a
  // conversion error on BigInt arrays); elsewhere ordinary keys.
  if (!ArrayBuffer.isView(o) || o instanceof DataView) {
    o['-1'] = 'negative';
    o['1.5'] = 'fraction';
    o['4294967295'] = 'past the last index';
  }
  o[sym] = 'symbol';
  Object.defineProperty(o, 'quiet', { value: 'not enumerable', enumerable: false });
  Object.defineProperty(o, hidden, { value: 'hidden symbol', enumerable: false });
  Object.defineProperty(o, 'got', { get() { return 'getter'; }, enumerable: true });
  return o;
}
const targets = {
  buffer: () => decorate(Buffer.from('hello')),
  emptyBuffer: () => decorate(Buffer.alloc(0)),
  uint8: () => decorate(new Uint8Array([1, 2, 3])),
  float64: () => decorate(new Float64Array([1.5, -0])),
  bigint64: () => decorate(new BigInt64Array([1n])),
  array: () => decorate([1, 2, 3]),
  holey: () => decorate([1, , 3]),
  sparse: () => { const a = decorate([]); a[4294967294] = 'last index'; a[10] = 'ten'; return a; },
  stringObject: () => decorate(new String('abc')),
  args: () => decorate((function () { return arguments; })(1, 2)),
  plain: () => decorate({ 0: 'zero', 7: 'seven', a: 'a' }),
  dataView: () => decorate(new DataView(new ArrayBuffer(4))),
  arrayBuffer: () => decorate(new ArrayBuffer(3)),
};
for (const [name, make] of Object.entries(targets)) {
  show(name, make());
  show(`${name} showHidden`, make(), { showHidden: true });
  show(`${name} depth 0`, { inner: make() }, { depth: 0 });
}

// Buffers through their own inspect (console.log's path) and a Buffer past INSPECT_MAX_BYTES.
const big = Buffer.alloc(65536, 7);
big.tail = 'after 64 KiB of indices';
big[Symbol('late')] = true;
show('big buffer', big);
show('big buffer showHidden', big, { showHidden: true });
show('big buffer in an array', [big]);
out.push(`buffer.inspect(): ${decorate(Buffer.from('xyz')).inspect()}`);

// Proxies: the listing that runs their traps, counted.
const calls = [];
const handler = {
  ownKeys(t) { calls.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { calls.push(`gOPD ${String(k)}`); return Reflect.getOwnPropertyDescriptor(t, k); },
};
show('proxy of a typed array', new Proxy(decorate(new Int16Array([5, 6])), handler));
show('proxy of an object', new Proxy(decorate({ a: 1 }), handler));
show('proxy of an array showProxy', new Proxy(decorate([9]), handler), { showProxy: true });
out.push(`proxy calls: ${calls.length}`);

// Holes: found from the own index keys, not by testing each index (a length of 2 ** 32 - 1
// would take minutes); after the first hole only enumerable index keys are elements, as Node.
const holeCases = [[1, , , 4], [, ,]];
const far = [];
far[5] = 1;
far[200] = 2;
far.length = 1000;
holeCases.push(far);
const nonEnumerable = [];
Object.defineProperty(nonEnumerable, 3, { value: 'ne', enumerable: false });
nonEnumerable.length = 6;
holeCases.push(nonEnumerable);
const every3 = new Array(500);
for (let i = 0; i < 500; i += 3) every3[i] = i;
holeCases.push(every3);
const million = new Array(1e6);
million[999999] = 'end';
holeCases.push(million);
for (const v of holeCases) {
  show('holes', v);
  show('holes max 2', v, { maxArrayLength: 2 });
  show('holes showHidden', v, { showHidden: true, breakLength: Infinity });
}

// Keys added and removed between calls.
const b = Buffer.from('ab');
show('before', b);
b.added = true;
show('added', b);
delete b.added;
show('removed', b);
console.log(out.join('\n'));
