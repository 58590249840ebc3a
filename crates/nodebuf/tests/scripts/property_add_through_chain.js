// Assignments that add a property look along the prototype chain first: a setter or a
// read-only property of that name anywhere on it wins. Engine patch 0050 remembers, per shape,
// a key its chain lacked; this changes the chain between hot assignments every way a script
// can (a setter, getter or read-only property added to a prototype near or far, a prototype
// swapped, an intermediate prototype's own prototype swapped, Proxies and arrays in the
// chain, frozen and non-extensible receivers, symbol and index keys) and prints what each
// assignment did.
'use strict';

const log = [];
function assignAll(make, key, label) {
  const results = [];
  for (let i = 0; i < 3; i++) {
    const o = make();
    try {
      o[key] = i;
      results.push(Object.prototype.hasOwnProperty.call(o, key) ? `own=${o[key]}` : `not own (${String(o[key])})`);
    } catch (e) {
      results.push(`${e.name}: ${e.message}`);
    }
  }
  log.push(`${label}: ${results.join(' | ')}`);
}

// Warm the shapes: plain adds on every kind of receiver used below.
class Base {}
class Mid extends Base {}
class Leaf extends Mid {
  constructor() {
    super();
    this.a = 1;
  }
}
for (let i = 0; i < 50; i++) {
  const l = new Leaf();
  l.x = i;
  l.y = i;
  const o = {};
  o.x = i;
  const c = Object.create(Leaf.prototype);
  c.x = i;
}
assignAll(() => new Leaf(), 'x', 'plain');

// A setter added to a far prototype after the key was added many times.
let setterCalls = 0;
Object.defineProperty(Base.prototype, 'x', { set(v) { setterCalls++; }, get() { return 'from getter'; }, configurable: true });
assignAll(() => new Leaf(), 'x', 'setter on Base.prototype');
delete Base.prototype.x;
assignAll(() => new Leaf(), 'x', 'setter deleted');

// A read-only property on Object.prototype.
Object.defineProperty(Object.prototype, 'y', { value: 'ro', writable: false, configurable: true });
assignAll(() => new Leaf(), 'y', 'read-only on Object.prototype');
assignAll(() => ({}), 'y', 'read-only on Object.prototype, literal');
delete Object.prototype.y;
assignAll(() => new Leaf(), 'y', 'read-only deleted');

// A getter only (no setter): strict mode throws.
Object.defineProperty(Mid.prototype, 'x', { get() { return 'mid getter'; }, configurable: true });
assignAll(() => new Leaf(), 'x', 'getter only on Mid.prototype');
delete Mid.prototype.x;

// The chain changed: an intermediate prototype's own prototype swapped for one with a setter.
const withSetter = { set x(v) { setterCalls++; } };
Object.setPrototypeOf(Base.prototype, withSetter);
assignAll(() => new Leaf(), 'x', 'Base.prototype now inherits a setter');
Object.setPrototypeOf(Base.prototype, Object.prototype);
assignAll(() => new Leaf(), 'x', 'restored');

// A Proxy in the chain sees every add.
const trapped = [];
const proxyProto = new Proxy({}, { set(t, k, v, r) { trapped.push(String(k)); return Reflect.set(t, k, v, r); } });
for (let i = 0; i < 3; i++) { const o = Object.create(proxyProto); o.z = i; }
log.push(`proxy traps: ${trapped.join(',')}`);

// An array and a typed array as prototypes, index and named keys.
assignAll(() => Object.create([1, 2, 3]), '1', 'array prototype, index');
assignAll(() => Object.create(new Uint8Array(4)), '2', 'typed array prototype, index');
assignAll(() => Object.create(new Uint8Array(4)), 'named', 'typed array prototype, name');

// Non-extensible and frozen receivers, symbol keys.
const sym = Symbol('s');
assignAll(() => Object.preventExtensions(new Leaf()), 'x', 'non-extensible');
assignAll(() => Object.freeze(new Leaf()), 'a', 'frozen');
assignAll(() => new Leaf(), sym, 'symbol key');
Object.defineProperty(Base.prototype, sym, { set(v) { setterCalls++; }, configurable: true });
assignAll(() => new Leaf(), sym, 'symbol setter added');

// The same key on the same shape, then a setter on the object's own prototype chain made by a
// class field definition elsewhere; then many shapes and a collection in between.
for (let round = 0; round < 5; round++) {
  const made = [];
  for (let i = 0; i < 200; i++) {
    const o = new Leaf();
    o[`k${i % 7}`] = i;
    made.push(o);
  }
  if (round === 2) Object.defineProperty(Leaf.prototype, 'k3', { set(v) { setterCalls++; }, configurable: true });
  if (round === 4) delete Leaf.prototype.k3;
  log.push(`round ${round}: ${made.filter((o) => Object.prototype.hasOwnProperty.call(o, 'k3')).length} own k3`);
  if (typeof gc === 'function') gc();
}
log.push(`setter calls: ${setterCalls}`);

// V8 names the object holding a lone getter in its message (engine patch 0051).
class A { get x() { return 1; } }
class B extends A {}
Object.defineProperty(String.prototype, 'gz', { get() { return 1; }, configurable: true });
for (const attempt of [
  () => { new B().x = 1; },
  () => { const o = { get y() { return 1; } }; o.y = 2; },
  () => { const o = Object.create({ get z() { return 1; } }); o.z = 2; },
  () => { 'str'.gz = 1; },
  () => { const p = Object.create(Object.create(null, { w: { get() {} } })); p.w = 1; },
  () => Reflect.set(new B(), 'x', 1),
]) {
  try {
    log.push(`getter only: ${attempt()}`);
  } catch (e) {
    log.push(`getter only: ${e.message}`);
  }
}
delete String.prototype.gz;
console.log(log.join('\n'));
