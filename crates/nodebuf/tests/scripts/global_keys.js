// The globals Object.keys(globalThis) lists, in Node's order and with Node's descriptors (data or
// accessor, attributes), and some that stay hidden; util.inspect of globalThis.

'use strict';

console.log(Object.keys(globalThis).join());
for (const k of Object.keys(globalThis)) {
  const d = Object.getOwnPropertyDescriptor(globalThis, k);
  console.log(k, 'value' in d ? 'data' : 'accessor', d.writable, d.enumerable, d.configurable, typeof (d.value ?? d.get));
}
for (const k of ['Buffer', 'process', 'console', 'URL', 'TextEncoder', 'Blob']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, k);
  console.log(k, d.enumerable, d.configurable);
}
let n = 0; for (const k in globalThis) n++; console.log('for-in', n);
console.log(globalThis);
// `crypto` has no setter: assigning it fails (strict code: a TypeError).
try { crypto = 5; } catch (e) { console.log(e.name, e.message); }
console.log(typeof crypto, clearInterval === clearTimeout, clearInterval.name, clearInterval.length);
console.log(require('util').promisify(setTimeout) === require('timers/promises').setTimeout);
console.log(structuredClone.length, structuredClone.name, structuredClone(new Map([[1, { a: 2 }]])));
