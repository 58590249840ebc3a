// Object.keys / values / entries / getOwnPropertyNames / getOwnPropertySymbols (engine patch
// 0053 gathers their elements before making the array): plain, null-prototype, class instances,
// integer-like keys, non-enumerable and symbol keys, arrays (holes, extra keys), typed arrays,
// strings and boxed primitives, arguments, Proxies (traps logged), and getters that delete,
// add, redefine or make non-enumerable the properties still to come, or throw midway.
'use strict';
const sym = Symbol('s');
const log = [];
const proxy = new Proxy({ a: 1, b: 2 }, {
  ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
  getOwnPropertyDescriptor(t, k) { log.push(`gopd ${String(k)}`); return Reflect.getOwnPropertyDescriptor(t, k); },
  get(t, k, r) { log.push(`get ${String(k)}`); return Reflect.get(t, k, r); },
});
const changing = {
  get a() { delete this.c; Object.defineProperty(this, 'd', { enumerable: false }); this.z = 'late'; return 'A'; },
  b: 'B',
  c: 'C',
  d: 'D',
  get e() { Object.defineProperty(this, 'f', { get() { return 'F2'; }, enumerable: true, configurable: true }); return 'E'; },
  f: 'F',
};
const throwing = { a: 1, get b() { throw new Error('midway'); }, c: 3 };
const holes = [1, , 3];
holes.extra = 'x';
const values = {
  plain: { b: 1, a: 2, 10: 'ten', 2: 'two', [sym]: 's', '-1': 'neg' },
  nullProto: Object.assign(Object.create(null), { x: 1, y: 2 }),
  hidden: Object.defineProperty({ v: 1 }, 'h', { value: 2, enumerable: false }),
  instance: new (class { constructor() { this.p = 1; this.q = 2; } })(),
  holes,
  typed: new Uint8Array([5, 6]),
  string: 'hé',
  boxed: Object('ab'),
  args: (function () { return arguments; })(1, 2),
  proxy,
  many: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i])),
};
for (const [name, v] of Object.entries(values)) {
  const out = [];
  for (const f of [Object.keys, Object.values, Object.entries, Object.getOwnPropertyNames, Object.getOwnPropertySymbols]) {
    try {
      const r = f(v);
      out.push(name === 'many' ? `${r.length}:${JSON.stringify(r.slice(-2))}` : JSON.stringify(r, (k, x) => (typeof x === 'symbol' ? String(x) : x)));
    } catch (e) {
      out.push(`${e.name}: ${e.message}`);
    }
  }
  console.log(name, out.join(' | '));
}
console.log('proxy traps', log.join(','));
for (const f of [Object.values, Object.entries]) {
  const o = Object.create(Object.getPrototypeOf(changing), Object.getOwnPropertyDescriptors(changing));
  console.log(f.name, JSON.stringify(f(o)), JSON.stringify(Object.keys(o)));
}
try { Object.values(throwing); } catch (e) { console.log('threw', e.message); }
try { Object.entries(throwing); } catch (e) { console.log('threw', e.message); }
try { Object.keys(null); } catch (e) { console.log(e.name, e.message); }
console.log(Object.keys(5), Object.values(true), Object.entries('xy'));
