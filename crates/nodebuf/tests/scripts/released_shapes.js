// flags: --expose-gc
// Objects whose shape (prototype + property list) outlives them: the engine keeps the last 64
// shapes released by dying objects for the next object of the same kind (engine patch 0041).
// Seeded programs make and drop objects of more kinds than that (classes, literals,
// Object.create with shared and fresh prototypes), change some of them (add, delete, redefine,
// freeze, seal, prevent extensions, swap prototypes) and change prototypes, while a few objects
// live on; each object's own properties, flags, prototype and inherited reads are printed as a
// digest and compared with Node. Then prototypes reachable only through dead objects' kept
// shapes are collected by gc(), and their finalizers run.
'use strict';
let seed = Number(process.env.NODEBUF_SEED || 41041) >>> 0;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}

const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const protos = [];
for (let i = 0; i < 6; i++) protos.push({ tag: 'proto' + i, [NAMES[i]]: 'inherited' + i });
const classes = [];
for (let i = 0; i < 30; i++) {
  const order = NAMES.slice(0, 1 + (i % 5));
  if (i & 1) order.reverse();
  classes.push(class {
    constructor(v) {
      for (const name of order) this[name] = v + name;
    }
  });
}

// The kinds: 30 classes, 40 literal orders, 6 shared prototypes, and fresh prototypes.
function make(kind, v) {
  if (kind < 30) return new classes[kind](v);
  if (kind < 70) {
    const o = {};
    const k = kind - 30;
    for (let j = 0; j <= k % 6; j++) o[NAMES[(k + j * 3) % NAMES.length]] = v * 10 + j;
    return o;
  }
  if (kind < 76) {
    const o = Object.create(protos[kind - 70]);
    o.own = v;
    return o;
  }
  const fresh = Object.create(protos[rand(protos.length)]);
  fresh.fresh = v;
  const o = Object.create(fresh);
  o.x = v;
  return o;
}

// A change a frozen, sealed or non-extensible object may refuse: the error's class is folded.
function change(o) {
  try {
    changeOnce(o);
  } catch (e) {
    fold(e.constructor.name);
  }
}

function changeOnce(o) {
  const name = NAMES[rand(NAMES.length)];
  switch (rand(9)) {
    case 0: o[name] = rand(100); break;
    case 1: delete o[name]; break;
    case 2: Object.defineProperty(o, name, { value: rand(100), writable: false, enumerable: rand(2) === 0, configurable: true }); break;
    case 3: Object.freeze(o); break;
    case 4: Object.seal(o); break;
    case 5: Object.preventExtensions(o); break;
    case 6: Object.setPrototypeOf(o, protos[rand(protos.length)]); break;
    case 7: Object.defineProperty(o, name, { get() { return 'got ' + name; }, configurable: true }); break;
    default: break;
  }
}

function describe(o) {
  const proto = Object.getPrototypeOf(o);
  const parts = [protos.indexOf(proto), Object.isFrozen(o), Object.isSealed(o), Object.isExtensible(o)];
  for (const name of Object.getOwnPropertyNames(o)) {
    const d = Object.getOwnPropertyDescriptor(o, name);
    parts.push(name + (d.writable ? 'w' : '') + (d.enumerable ? 'e' : '') + (d.configurable ? 'c' : '') +
      (d.get ? 'g' : '') + '=' + String(o[name]));
  }
  for (const name of NAMES) parts.push(name in o ? String(o[name]) : '-');
  return parts.join(',');
}

let digest = 0;
function fold(text) {
  for (let i = 0; i < text.length; i++) digest = (Math.imul(digest, 31) + text.charCodeAt(i)) >>> 0;
}

for (let round = 0; round < 6; round++) {
  const living = [];
  for (let step = 0; step < 3000; step++) {
    const kind = rand(80);
    const o = make(kind, step);
    if (rand(3) === 0) change(o);
    if (rand(4) === 0) change(o);
    fold(describe(o));
    if (rand(10) === 0) living.push(o);
    if (living.length > 0 && rand(5) === 0) {
      const old = living[rand(living.length)];
      change(old);
      fold(describe(old));
    }
    if (rand(200) === 0) {
      // a prototype changes while shapes of its objects are kept
      const p = protos[rand(protos.length)];
      if (rand(2) === 0) p[NAMES[rand(NAMES.length)]] = 'changed' + step;
      else delete p[NAMES[rand(NAMES.length)]];
    }
  }
  for (const o of living) fold(describe(o));
  console.log('round', round, 'digest', digest.toString(16), 'living', living.length);
}

// Prototypes that only dead objects' shapes hold are collected.
const finalized = [];
const registry = new FinalizationRegistry((name) => finalized.push(name));
(function makeAndDrop() {
  for (let i = 0; i < 3; i++) {
    const proto = { kind: 'temp' + i };
    registry.register(proto, 'temp' + i);
    for (let j = 0; j < 10; j++) {
      const o = Object.create(proto);
      o.n = j;
    }
    class Temp { constructor() { this.v = i; } }
    registry.register(Temp.prototype, 'Temp' + i);
    for (let j = 0; j < 10; j++) new Temp();
  }
})();
// Right away, before other work releases more shapes: the kept ones go, and with them the
// last references to the prototypes.
gc();
setTimeout(() => {
  setTimeout(() => {
    // (the registry is named here so it lives until now in either engine: V8 keeps a closure's
    // whole scope, QuickJS only the variables a closure names)
    console.log('finalized', finalized.sort().join(' '), registry.unregister({}));
  }, 10);
}, 0);
