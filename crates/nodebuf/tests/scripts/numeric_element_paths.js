// Buffer's 92 numeric accessors called on receivers that are not Uint8Arrays (plain arrays,
// typed arrays of other types, array-likes with getters, Proxies, strings), where Node's JS
// works element by element: results, errors, the receiver's elements afterwards and the order
// of every element read, element write and valueOf call, over seeded random cases.
'use strict';
let seed = 20261207;
const rand = (n) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const pick = (list) => list[rand(list.length)];
const log = [];
const B = Buffer.prototype;
const methods = Object.getOwnPropertyNames(B)
  .filter((k) => /^(read|write)[A-Z]/.test(k) && typeof B[k] === 'function')
  .sort();

function show(v) {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined || v === null) return String(v);
  if (typeof v === 'object' && v.tag) return `<${v.tag}>`;
  return typeof v;
}
function counted(tag, value) {
  return { tag, valueOf() { log.push(`valueOf ${tag}`); return value; } };
}
function element() {
  switch (rand(12)) {
    case 0: return rand(2) ? 255 : -1;
    case 1: return rand(70000);
    case 2: return rand(100) / 8;
    case 3: return String(rand(300));
    case 4: return counted(`e${rand(100)}`, rand(256));
    case 5: return rand(2) ? NaN : undefined;
    default: return rand(256);
  }
}
function receiver() {
  const n = rand(10);
  const items = Array.from({ length: n }, element);
  switch (rand(7)) {
    case 0: return { kind: 'Uint16Array', it: new Uint16Array(items.map((x) => (typeof x === 'number' ? x : 7))) };
    case 1: return { kind: 'Float64Array', it: new Float64Array(items.map((x) => (typeof x === 'number' ? x : 0.5))) };
    case 2: {
      const like = { length: n };
      items.forEach((x, i) => {
        Object.defineProperty(like, i, {
          get() { log.push(`get ${i}`); return x; },
          set(v) { log.push(`set ${i}=${show(v)}`); x = v; },
          enumerable: true,
        });
      });
      return { kind: 'getters', it: like };
    }
    case 3: return {
      kind: 'proxy',
      it: new Proxy(items, {
        get(t, k) { if (typeof k === 'string') log.push(`get ${k}`); return t[k]; },
        set(t, k, v) { log.push(`set ${String(k)}=${show(v)}`); t[k] = v; return true; },
      }),
    };
    case 4: return { kind: 'string', it: items.map((x) => String(x).slice(0, 1)).join('') };
    default: return { kind: 'array', it: items };
  }
}
function offset() {
  return pick([0, 0, 1, 1, 2, 3, 4, -1, 1.5, NaN, '1', undefined, null, 9, counted('o', 1)]);
}
function value(name) {
  if (/Big/.test(name)) return pick([0n, 1n, -1n, 255n, 2n ** 63n, -(2n ** 63n) - 1n, 2n ** 64n, 5, counted('v', 3n)]);
  return pick([0, 1, -1, 255, 256, 65535, -129, 2 ** 31, 2 ** 40, 1.5, NaN, '12', counted('v', 200), -(2 ** 47)]);
}
const byteLengths = [1, 2, 3, 4, 5, 6, 0, 7, 2.5, '3', undefined];

for (let i = 0; i < 1500; i++) {
  const name = methods[rand(methods.length)];
  const { kind, it } = receiver();
  const byLength = /Int(LE|BE)$/.test(name);
  const args = name.startsWith('write') ? [value(name), offset()] : [offset()];
  if (byLength) args.push(pick(byteLengths));
  log.length = 0;
  let out;
  try {
    out = `= ${show(B[name].apply(it, args))}`;
  } catch (e) {
    out = `! ${e.name} ${e.code} ${e.message}`;
  }
  const after = typeof it === 'string' ? JSON.stringify(it) : Array.from({ length: Math.min(it.length, 10) }, (_, k) => show(it[k])).join(',');
  console.log(`${name} ${kind}(${args.map(show).join(', ')}) ${out} | ${log.join(' ')} | ${after}`);
}
