// structuredClone after a script replaced the builtins a JS serializer could lean on: Node's
// serializer is V8's, which calls none of them (only the getters of the value's own
// properties), and snapshots a Map's or Set's entries before it writes them. Also primitives
// (returned as they are, or refused), transfer lists with primitives, and a long loop of clones.
'use strict';

const samples = () => [
  { a: 1, b: 'x', c: [1, 2, { d: null }], e: undefined, f: true, g: 2n },
  new Map([[1, { x: 1 }], ['k', [2]]]),
  new Set([1, 'a', { z: 0 }]),
  new Uint8Array([1, 2, 3]),
  Buffer.from('hello'),
  new Float64Array([1.5, -0]),
  new DataView(new ArrayBuffer(4), 1, 2),
  [new Date(0), /ab+c/gi, Object(1), Object('s'), Object(false)],
  [1, , 3],
];
// Errors are cloned below with the builtins in place: reading an error's `stack` runs
// nodebuf's own stack formatting, which is not yet free of replaceable builtins.

// Warm up: every kind once before anything is replaced.
for (const v of samples()) structuredClone(v);
structuredClone(0, { transfer: [new ArrayBuffer(1)] });

const calls = [];
const saved = [];
function replace(owner, key, label) {
  const original = owner[key];
  saved.push([owner, key, original]);
  owner[key] = function (...args) {
    calls.push(label);
    return Reflect.apply(original, this, args);
  };
}
replace(Array.prototype, Symbol.iterator, 'Array.prototype[@@iterator]');
replace(Array.prototype, 'values', 'Array.prototype.values');
replace(Object, 'keys', 'Object.keys');
replace(Map.prototype, 'set', 'Map.prototype.set');
replace(Map.prototype, 'get', 'Map.prototype.get');
replace(Map.prototype, 'has', 'Map.prototype.has');
replace(Map.prototype, 'entries', 'Map.prototype.entries');
replace(Map.prototype, Symbol.iterator, 'Map.prototype[@@iterator]');
replace(Map.prototype, 'forEach', 'Map.prototype.forEach');
replace(Set.prototype, 'add', 'Set.prototype.add');
replace(Set.prototype, 'has', 'Set.prototype.has');
replace(Set.prototype, 'values', 'Set.prototype.values');
replace(Set.prototype, Symbol.iterator, 'Set.prototype[@@iterator]');
const globals = ['Map', 'Set', 'Date', 'RegExp', 'Uint8Array', 'Float64Array', 'DataView', 'Array', 'BigInt', 'Object'];
const savedGlobals = globals.map((name) => [name, globalThis[name]]);
for (const name of globals) {
  globalThis[name] = function () { calls.push(`new ${name}`); return {}; };
}

const clones = [];
const values = samples.call(null);
// samples() ran above with the globals replaced too: rebuild the values with the originals.
values.length = 0;
for (const [name, ctor] of savedGlobals) globalThis[name] = ctor;
values.push(...samples());
for (const name of globals) {
  globalThis[name] = function () { calls.push(`new ${name}`); return {}; };
}
calls.length = 0;
for (let i = 0; i < values.length; i++) clones[i] = structuredClone(values[i]);
const transferBuffer = new ArrayBuffer(8);
const primitiveWithTransfer = structuredClone(5, { transfer: [transferBuffer] });
const primitives = [1, 'two', 3n, null, undefined, false, -0].map((p) => structuredClone(p));
const seen = calls.slice();

for (const [name, ctor] of savedGlobals) globalThis[name] = ctor;
for (const [owner, key, original] of saved) owner[key] = original;

console.log('builtins called:', seen.length === 0 ? 'none' : seen.join(', '));
for (let i = 0; i < clones.length; i++) console.log(i, clones[i]);
const error = structuredClone(new RangeError('boom', { cause: { n: 1 } }));
console.log('error kept its class:', error instanceof RangeError, error.message, error.cause);
console.log('primitive with a transfer list:', primitiveWithTransfer, 'buffer now', transferBuffer.byteLength);
console.log('primitives:', primitives, Object.is(primitives[6], -0));
try {
  structuredClone(Symbol('s'));
} catch (e) {
  console.log(e.name, e.message);
}
try {
  structuredClone(7, { transfer: [transferBuffer] });
} catch (e) {
  console.log(e.name, e.message);
}

// A getter met while a Map is written adds to it: V8 wrote the entries it had when it reached
// the Map.
const grows = new Map();
grows.set('a', { get y() { grows.set('late', 1); return 'got'; } });
const grown = structuredClone(grows);
console.log('map clone:', grown, 'original now', grows.size);
const set = new Set();
set.add({ get y() { set.add('late'); return 'got'; } });
console.log('set clone:', structuredClone(set), 'original now', set.size);

// Many clones in a loop (each was a cycle of closures for the collector to find).
let total = 0;
for (let i = 0; i < 5000; i++) total += structuredClone({ i, bytes: new Uint8Array([i & 255]) }).bytes[0];
console.log('loop total', total);
