const util = require('util');
console.log({}, { a: 1 }, { a: 1, b: 'two', c: [3] }, { 'key with space': 1, 'valid_id': 2, '1abc': 3, 42: 'num' });
console.log({ a: { b: { c: { d: { e: 1 } } } } });
console.log({ a: { b: { c: {} } } }, { a: { b: { c: [] } } }, { a: [{ b: [{ c: 1 }] }] });
console.log({ long1: 'x'.repeat(30), long2: 'y'.repeat(30), long3: 'z'.repeat(30) });
console.log({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17, r: 18, s: 19, t: 20, u: 21, v: 22, w: 23, x: 24, y: 25, z: 26 });
console.log(Object.create(null), Object.assign(Object.create(null), { a: 1 }));
class Foo { constructor() { this.x = 1; } }
class Bar extends Foo {}
class Empty {}
console.log(new Foo(), new Bar(), new Empty(), [new Foo()], { f: new Foo() });
const o = { [Symbol('sym')]: 1, regular: 2 };
Object.defineProperty(o, 'hidden', { value: 3, enumerable: false });
console.log(o, util.inspect(o, { showHidden: true }));
console.log({ get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} });
console.log(util.inspect({ get g() { return 1; } }, { getters: true }));
console.log({ f() {}, g: () => 1, h: function named() {}, async i() {}, *j() {} });
console.log({ __proto__: { inherited: 1 }, own: 2 });
console.log(util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }), util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: Infinity }));
console.log(util.inspect({ a: [1, 2, { b: 3 }] }, { compact: false }));
console.log(util.inspect({ a: 1, b: { c: 2 } }, { compact: true }), util.inspect({ a: 1, b: 2 }, { breakLength: 3 }));
console.log(util.inspect({ b: 1, a: 2, c: { z: 1, y: 2 } }, { sorted: true }));
console.log(util.inspect([1, 2, 3, 4, 5], { maxArrayLength: 2 }), util.inspect('abcdef', { maxStringLength: 3 }));
const tagged = { [Symbol.toStringTag]: 'Custom' };
class Tagged { get [Symbol.toStringTag]() { return 'TG'; } }
console.log(tagged, new Tagged());
console.log({ 'a-b': 1, 'c.d': 2, '': 3, 'é': 4 });
