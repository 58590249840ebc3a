// Object literal fields and class fields are defined, never assigned (engine patch 0058 adds a
// new field to a plain object directly): setters on Object.prototype never run, duplicates
// and accessors are replaced, `__proto__` and computed keys keep their rules, and class fields
// on exotic or frozen instances keep theirs. Property descriptors are such fresh objects too
// (engine patch 0064): their keys, order and prototype, and no setter run while they are made.
'use strict';
const log = [];
let setterRuns = 0;
Object.defineProperty(Object.prototype, 'trap', { set(v) { setterRuns++; }, get() { return 'inherited'; }, configurable: true });
const lit = { trap: 1, b: 2 };
log.push(['setter not run', setterRuns, Object.getOwnPropertyDescriptor(lit, 'trap')]);
log.push(['duplicate', { a: 1, b: 2, a: 3 }]);
log.push(['accessor then value', Object.getOwnPropertyDescriptor({ get x() { return 1; }, x: 2 }, 'x')]);
log.push(['value then accessor', typeof Object.getOwnPropertyDescriptor({ x: 2, get x() { return 1; } }, 'x').get]);
const proto = { inherited: true };
const withProto = { __proto__: proto, own: 1 };
log.push(['__proto__', Object.getPrototypeOf(withProto) === proto, Object.keys(withProto)]);
const key = 'computed';
log.push(['computed', Object.keys({ [key]: 1, [1 + 1]: 2, plain: 3, 0: 4 })]);
log.push(['many', Object.keys(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]))).length]);
const big = { a0: 0, a1: 1, a2: 2, a3: 3, a4: 4, a5: 5, a6: 6, a7: 7, a8: 8, a9: 9, a10: 10, a11: 11, a12: 12, a13: 13, a14: 14, a15: 15, a16: 16, a17: 17, a18: 18, a19: 19, a20: 20 };
log.push(['twenty-one fields', Object.values(big).reduce((s, v) => s + v, 0), JSON.stringify(big).length]);
class Fields { x = 1; y = this.x + 1; ['z' + 1] = 3; }
log.push(['class fields', new Fields()]);
class ArrayFields extends Array { tag = 'arr'; }
const af = new ArrayFields();
log.push(['fields on an Array', af.tag, af.length, Array.isArray(af)]);
class Base { constructor() { return Object.freeze({}); } }
class OnFrozen extends Base { field = 1; }
try { new OnFrozen(); log.push(['frozen', 'no error']); } catch (e) { log.push(['frozen', e.name, e.message]); }
class Base2 { constructor() { return Object.preventExtensions({ kept: 1 }); } }
class OnSealed extends Base2 { field = 1; }
try { new OnSealed(); } catch (e) { log.push(['not extensible', e.name, e.message]); }
class Base3 { constructor() { return new Proxy({}, { defineProperty(t, k, d) { log.push(['trap', k]); return Reflect.defineProperty(t, k, d); } }); } }
class OnProxy extends Base3 { p = 1; }
log.push(['proxy fields', Object.keys(new OnProxy())]);
delete Object.prototype.trap;
const described = { a: 1 };
Object.defineProperty(described, 'h', { value: 2, enumerable: false, writable: false });
Object.defineProperty(described, 'g', { get() { return 1; }, set(v) {}, configurable: true });
for (const k of ['a', 'h', 'g', 'missing']) {
  const d = Object.getOwnPropertyDescriptor(described, k);
  log.push(['descriptor', k, d && Object.keys(d), d && Object.getPrototypeOf(d) === Object.prototype, Reflect.getOwnPropertyDescriptor(described, k)]);
}
log.push(['descriptors', Object.keys(Object.getOwnPropertyDescriptors(described)), Object.getOwnPropertyDescriptor('str', 'length')]);
Object.defineProperty(Object.prototype, 'value', { set() { log.push(['value setter ran']); }, configurable: true });
log.push(['descriptor with a setter on the prototype', Object.getOwnPropertyDescriptor(described, 'a').value]);
delete Object.prototype.value;
console.log(log.map((entry) => JSON.stringify(entry)).join('\n'));
