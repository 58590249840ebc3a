// TypedArray.prototype.join / toString / toLocaleString and String(typedArray): integer
// elements are formatted straight from memory (engine patch 0046). Every element type with its
// extreme values, separators of every kind (one character, several, empty, non-string, with a
// toString that shrinks or detaches the buffer), Buffers, views at offsets, empty arrays,
// length-tracking views of resizable buffers, and large arrays.
'use strict';
const out = [];
const show = (label, f) => {
  try {
    const r = f();
    out.push(`${label}: ${typeof r === 'string' && r.length > 200 ? `${r.length} ${r.slice(0, 60)}...${r.slice(-60)}` : r}`);
  } catch (e) {
    out.push(`${label}: ${e.name}: ${e.message}`);
  }
};
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
const values = [0, -0, 1, -1, 127, -128, 128, 255, 256, 32767, -32768, 65535, 2 ** 31 - 1, -(2 ** 31), 2 ** 32 - 1, 0.5, -2.5, NaN, Infinity];
for (const T of kinds) {
  const big = T === BigInt64Array || T === BigUint64Array;
  const t = big ? T.from(values.filter(Number.isInteger), (v) => BigInt(v)) : T.from(values);
  show(`${T.name} join()`, () => t.join());
  show(`${T.name} join('')`, () => t.join(''));
  show(`${T.name} join(' - ')`, () => t.join(' - '));
  show(`${T.name} join(0)`, () => t.join(0));
  show(`${T.name} join(null)`, () => t.join(null));
  show(`${T.name} join(undefined)`, () => t.join(undefined));
  show(`${T.name} toString`, () => t.toString());
  show(`${T.name} String`, () => String(t));
  show(`${T.name} template`, () => `[${t}]`);
  show(`${T.name} toLocaleString`, () => t.toLocaleString());
  show(`${T.name} empty`, () => new T(0).join('x'));
  show(`${T.name} subarray`, () => t.subarray(2, 5).join('|'));
}
const b = Buffer.from('hello, world');
show('Buffer join', () => b.join());
show('Buffer slice join', () => b.subarray(3, 8).join(';'));
show('Buffer toString is not join', () => b.toString());
show('Array.prototype.join.call', () => Array.prototype.join.call(new Int16Array([-5, 6]), '/'));
show('join on a non-typed-array', () => Uint8Array.prototype.join.call([1, 2]));

// A separator whose toString detaches or shrinks the buffer.
{
  const ab = new ArrayBuffer(8);
  const u = new Uint8Array(ab).fill(7);
  show('separator detaches', () => u.join({ toString() { structuredClone(ab, { transfer: [ab] }); return '+'; } }));
}
if (typeof ArrayBuffer.prototype.resize === 'function') {
  const rab = new ArrayBuffer(8, { maxByteLength: 16 });
  const tracking = new Uint16Array(rab);
  tracking.set([1, 2, 3, 4]);
  show('length-tracking join', () => tracking.join());
  show('separator shrinks', () => tracking.join({ toString() { rab.resize(4); return ':'; } }));
  rab.resize(12);
  show('after growing', () => tracking.join());
  const fixed = new Int8Array(rab, 2, 4);
  show('fixed view separator shrinks to out of bounds', () => fixed.join({ toString() { rab.resize(3); return ','; } }));
} else {
  out.push('no resizable ArrayBuffer');
}
const large = new Uint32Array(20000).map((_, i) => (i * 2654435761) >>> 0);
show('large Uint32Array', () => large.join());
const bytes = new Uint8Array(70000).map((_, i) => i * 31);
show('large Uint8Array', () => bytes.join(''));
console.log(out.join('\n'));
