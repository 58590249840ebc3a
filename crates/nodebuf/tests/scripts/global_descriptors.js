// The globals' property descriptors, as Node v20 shapes them: data properties for what Node
// makes eagerly (URL, console, Intl, Event...), accessor pairs named `get X`/`set X` for what it
// loads lazily (they become data properties on first read or assignment), `performance` and
// `crypto` accessors that stay so, DOMException's anonymous pair. Read before and after each
// global is used, and after assignments that must not load anything. (Buffer and process are
// a known difference: crates/nodebuf/README.md.)
'use strict';
const skip = new Set(['Buffer', 'process']);
const fmt = (d) => {
  if (d === undefined) return 'none';
  let out = `${'value' in d ? 'data' : 'accessor'}${d.enumerable ? ' E' : ''}${d.configurable ? ' C' : ''}${d.writable ? ' W' : ''}`;
  for (const k of ['get', 'set']) {
    if (!(k in d)) continue;
    const f = d[k];
    out += f === undefined ? ` ${k}:none` : ` ${k}:${JSON.stringify(f.name)}/${f.length}/${'prototype' in f}/${Reflect.ownKeys(f).join(',')}`;
  }
  return out;
};
const names = Object.getOwnPropertyNames(globalThis).filter((k) => !skip.has(k)).sort();
const before = new Map();
for (const k of names) before.set(k, fmt(Object.getOwnPropertyDescriptor(globalThis, k)));
// Assignments to a few globals before anything read them.
const assigned = ['URL', 'TextEncoder', 'DOMException', 'atob', 'performance', 'Intl', 'Blob'];
const saved = new Map();
for (const k of assigned) {
  saved.set(k, Object.getOwnPropertyDescriptor(globalThis, k));
  globalThis[k] = `replaced ${k}`;
  console.log('assigned', k, fmt(Object.getOwnPropertyDescriptor(globalThis, k)), String(globalThis[k]));
}
for (const [k, d] of saved) Object.defineProperty(globalThis, k, d);
for (const k of names) {
  let kind;
  try {
    const v = globalThis[k];
    kind = typeof v;
  } catch (e) {
    kind = `threw ${e.name}`;
  }
  console.log(k, before.get(k), '=>', kind, fmt(Object.getOwnPropertyDescriptor(globalThis, k)));
}
// A getter called on another receiver: `crypto`'s refuses it, the others ignore it.
const getter = Object.getOwnPropertyDescriptor(globalThis, 'crypto').get;
console.log(typeof getter.call(globalThis), getter.call(undefined) === globalThis.crypto);
try {
  getter.call({});
} catch (e) {
  console.log(e.name, e.code, e.message);
}
for (const k of ['performance', 'atob', 'AbortController']) {
  console.log(k, typeof Object.getOwnPropertyDescriptor(globalThis, k).get?.call({}));
}
console.log('in', 'URL' in globalThis, 'WebAssembly' in globalThis, Object.prototype.hasOwnProperty.call(globalThis, 'Intl'));
delete globalThis.URLSearchParams;
console.log('deleted', typeof URLSearchParams === 'undefined', Object.getOwnPropertyDescriptor(globalThis, 'URLSearchParams'));
console.log(Object.keys(globalThis).join(','));
