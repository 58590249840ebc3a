// Own named properties on typed arrays, Buffers and DataViews (whose objects start without a
// property array in this engine): added, redefined, deleted, many of them, on views made by
// every path, and objects sharing a typed array prototype without being typed arrays.
'use strict';
const keys = (o) => Reflect.ownKeys(o).map(String).join(',');

const b = Buffer.alloc(4);
b.foo = 1; b.bar = 2; b.baz = 3;
console.log('buffer', b.foo + b.bar + b.baz, keys(b));

const u = new Uint8Array(3);
u.x = 'y'; delete u.x; u.z = 1;
console.log('uint8array', keys(u), u.z, u.x);

const dv = new DataView(new ArrayBuffer(2));
dv.a = 1;
Object.defineProperty(dv, 'b', { get() { return 7; }, enumerable: true });
console.log('dataview', dv.a, dv.b, keys(dv));

const s = b.subarray(1);
Object.defineProperty(s, 'q', { value: 5, enumerable: true });
console.log('subarray', s.q, keys(s), JSON.stringify(Object.getOwnPropertyDescriptor(s, 'q')));

const sl = Buffer.from('abc').slice(1);
Object.defineProperty(sl, Symbol.toStringTag, { value: 'tagged', configurable: true });
console.log('slice', String(sl[Symbol.toStringTag]), keys(sl));

const o = Object.create(Uint8Array.prototype);
o.k = 1; o.j = 2;
console.log('plain object on Uint8Array.prototype', keys(o));

for (const C of [Int8Array, Uint16Array, Float64Array, BigInt64Array]) {
  const many = new C(1);
  for (let i = 0; i < 40; i++) many[`p${i}`] = i;
  for (let i = 0; i < 40; i += 3) delete many[`p${i}`];
  many.last = 'end';
  console.log(C.name, Object.keys(many).length, many.p1, many.p3, many.last);
}

const frozen = Object.freeze(new Uint8Array(0));
console.log('frozen', Object.isFrozen(frozen), keys(frozen));
const sealed = Object.seal(Buffer.alloc(0));
try {
  sealed.extra = 1;
} catch (e) {
  console.log('sealed', e.name);
}
console.log('sealed keys', keys(sealed));

// Views made in bulk, some of which get a property, then all collected.
let total = 0;
for (let i = 0; i < 2000; i++) {
  const v = b.subarray(i & 3);
  if (i % 7 === 0) v.tag = i;
  total += v.tag || 0;
}
console.log('bulk', total);
