// Objects built by seeded random sequences of what changes their engine shape (engine patch
// 0049 caches each shape's last transition): properties added in orders that share prefixes
// and then part, with different attributes, deleted and added back, prototypes swapped,
// objects frozen, sealed or made non-extensible, class instances, literals, JSON.parse, and
// collections run between rounds so shapes are freed and made again. Each object's own keys,
// attributes, values and prototype are printed as a digest (and a few in full).
'use strict';

const { rand, pick } = require('./_seeded').seeded(4049);
const keys = ['a', 'b', 'c', 'd', 'e', 'x', 'y', '0', '1', 'length', 'name', '__proto__x'];
const protos = [Object.prototype, null, Array.prototype, { inherited: 1 }, Object.create(null)];

function describe(o) {
  const proto = Object.getPrototypeOf(o);
  const protoName = proto === null ? 'null' : proto === Object.prototype ? 'Object' : proto === Array.prototype ? 'Array' : 'other';
  const parts = Reflect.ownKeys(o).map((k) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    return `${String(k)}:${d.enumerable ? 'e' : ''}${d.writable ? 'w' : ''}${d.configurable ? 'c' : ''}=${String(d.value)}`;
  });
  return `${protoName}${Object.isExtensible(o) ? '' : '!'}{${parts.join(',')}}`;
}

function digest(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

class Point {
  constructor(n) {
    this.x = n;
    if (n % 2) this.y = n;
    this.z = n;
  }
}

for (let round = 0; round < 60; round++) {
  const objects = [];
  for (let n = 0; n < 40; n++) {
    let o;
    const kind = rand();
    if (kind < 0.5) o = {};
    else if (kind < 0.6) o = Object.create(pick(protos));
    else if (kind < 0.7) o = new Point(n);
    else if (kind < 0.8) o = JSON.parse(`{"a":${n},"b":2${n % 3 ? ',"c":3' : ''}}`);
    else o = { a: n, b: 2, ...(n % 2 ? { c: 3 } : {}) };
    const steps = Math.floor(rand() * 8);
    for (let s = 0; s < steps; s++) {
      const op = rand();
      const key = pick(keys);
      try {
        if (op < 0.5) o[key] = s;
        else if (op < 0.6) delete o[key];
        else if (op < 0.7) Object.defineProperty(o, key, { value: s, enumerable: rand() < 0.5, writable: rand() < 0.5, configurable: rand() < 0.5 });
        else if (op < 0.78) Object.setPrototypeOf(o, pick(protos));
        else if (op < 0.82) Object.freeze(o);
        else if (op < 0.86) Object.seal(o);
        else if (op < 0.88) Object.preventExtensions(o);
        else o[key] += 1;
      } catch (e) {
        o = Object.assign({}, o);
      }
    }
    objects.push(o);
  }
  const text = objects.map(describe).join('\n');
  console.log(round, digest(text), objects.length);
  if (round < 2) console.log(text);
  if (round % 10 === 9 && typeof gc === 'function') gc();
}
