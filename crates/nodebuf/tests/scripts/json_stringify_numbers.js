// JSON.stringify of arrays of numbers (engine patch 0047 writes an int element's digits
// straight into the output and makes an index's key string only when a toJSON method or a
// replacer can see it): seeded random values of every kind, with and without a replacer and
// an indent, after wide characters, from Buffers (toJSON) and holey arrays; plus what toJSON and
// replacers receive as keys. Each line is a digest of many outputs, and a few outputs in full.
'use strict';

let seed = 20261206;
function rand() {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 4294967296;
}
const ints = [0, 1, -1, 9, 10, -10, 99, 100, 2147483647, -2147483648, 65535, -65536, 123456789];
function value(depth) {
  const r = rand();
  if (r < 0.35) return ints[Math.floor(rand() * ints.length)];
  if (r < 0.45) return Math.floor(rand() * 2 ** 31) * (rand() < 0.5 ? -1 : 1);
  if (r < 0.5) return [1.5, -0, NaN, Infinity, -Infinity, 1e21, 2 ** 31, -(2 ** 31) - 1][Math.floor(rand() * 8)];
  if (r < 0.58) return ['a', '€uro', '\u00e9t\u00e9', '"q"', '\ud800', ''][Math.floor(rand() * 6)];
  if (r < 0.62) return [null, undefined, true, false][Math.floor(rand() * 4)];
  if (r < 0.65) return () => 1;
  if (depth > 2) return 7;
  if (r < 0.8) return Array.from({ length: Math.floor(rand() * 6) }, () => value(depth + 1));
  if (r < 0.88) return { k: value(depth + 1), n: value(depth + 1) };
  if (r < 0.93) return Buffer.from([Math.floor(rand() * 256), 0, 255]);
  if (r < 0.96) {
    const holey = [value(depth + 1), , value(depth + 1)];
    holey.length = 5;
    return holey;
  }
  return new Uint8Array([1, 2, 3]);
}

function digest(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

const replacers = [
  undefined,
  (k, v) => (typeof v === 'number' ? `${typeof k}:${k}:${v}` : v),
  ['k'],
  null,
];
const spaces = [undefined, 2, '\t', '€€'];
for (let round = 0; round < 40; round++) {
  const values = Array.from({ length: 25 }, () => value(0));
  const parts = [];
  for (const replacer of replacers) {
    for (const space of spaces) parts.push(String(JSON.stringify(values, replacer, space)));
  }
  console.log(round, digest(parts.join('\n')), parts[0].length);
  if (round < 3) console.log(parts[0]);
}

// Keys toJSON and replacers see in arrays: the index as a string.
const seen = [];
JSON.stringify([1, { toJSON(k) { seen.push(typeof k, k); return 2; } }, 3n === 3n ? 4 : 0]);
JSON.stringify([5, 6], (k, v) => { seen.push(typeof k, k); return v; });
BigInt.prototype.toJSON = function (k) { seen.push('bigint', typeof k, k); return 'n'; };
console.log(JSON.stringify([7, 8n, [9n]]));
delete BigInt.prototype.toJSON;
Number.prototype.toJSON = function () { seen.push('never'); return 0; };
console.log(JSON.stringify([10, -11, 12.5]));
delete Number.prototype.toJSON;
console.log(seen.join(' '));
// A getter on an index and a Proxy of an array (elements read through [[Get]]).
const withGetter = [1, 2, 3];
Object.defineProperty(withGetter, 1, { get() { seen.length = 0; return 42; }, enumerable: true });
console.log(JSON.stringify(withGetter), JSON.stringify(new Proxy([4, 5], {})));
console.log(JSON.stringify(['€', 1, -23, [2147483647]]), JSON.stringify(Buffer.from('hi')));
