// Typed arrays filled from arrays and from typed arrays of another element type
// (`ta.set(array, offset)`, `ta.set(otherTypedArray, offset)`, `new Float64Array(uint8Array)`):
// the engine converts numbers in one pass (engine patch 0044). Seeded values of every awkward
// kind, every pair of element types, offsets, range errors, sources that are not dense arrays
// of numbers (holes, strings, objects whose valueOf changes the target or source, array-likes,
// getters, proxies), and views of one buffer that overlap in both directions, where the values
// must be read as the spec reads them, from a copy of the source.
'use strict';
let seed = Number(process.env.NODEBUF_SEED || 9044) >>> 0;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array];
const awkward = [0, -0, 1, -1, 127, 128, 255, 256, -129, 65535, 65536, 2 ** 31 - 1, 2 ** 31,
  -(2 ** 31), 2 ** 32 + 5, 2 ** 53, 1.5, 2.5, -1.5, 254.5, 255.5, 0.49999, 1e300, -1e300, NaN,
  Infinity, -Infinity, 5e-324, 3.4028235e38, 3.4028236e38];
const value = () => (rand(3) === 0 ? awkward[rand(awkward.length)] : rand(70000) - 35000 + rand(4) / 4);
const out = [];
let digest = 0;
function record(label, f) {
  let text;
  try {
    const r = f();
    text = Array.from(r, (x) => (Object.is(x, -0) ? '-0' : String(x))).join(',');
  } catch (e) {
    text = `${e.name}: ${e.message}`;
  }
  for (let i = 0; i < text.length; i++) digest = (Math.imul(digest, 31) + text.charCodeAt(i)) | 0;
  if (out.length < 60) out.push(`${label}: ${text.slice(0, 120)}`);
}

// set(array, offset) and new T(otherT), every pair of types.
for (let round = 0; round < 4; round++) {
  for (const T of kinds) {
    const n = 1 + rand(40);
    const src = Array.from({ length: n }, value);
    const offset = rand(4) === 0 ? rand(60) : rand(5);
    record(`${T.name}.set(array ${n}, ${offset})`, () => { const t = new T(n + 4); t.set(src, offset); return t; });
    for (const S of kinds) {
      const s = new S(src);
      record(`new ${T.name}(${S.name})`, () => new T(s));
      record(`${T.name}.set(${S.name}, 2)`, () => { const t = new T(n + 3).fill(9); t.set(s, 2); return t; });
    }
  }
}

// Sources the one-pass path must not take, or must take exactly as the slow path would.
const target = new Int16Array(8);
record('holes', () => { const t = new Int16Array(6); t.set([1, , 3]); return t; });
record('strings and objects', () => { const t = new Float32Array(6); t.set([1, '2', '0x10', true, null, { valueOf: () => 7 }]); return t; });
record('valueOf changes the target', () => {
  const t = new Uint8Array(4);
  t.set([1, { valueOf() { t[0] = 99; t[3] = 77; return 5; } }, 3]);
  return t;
});
record('valueOf changes the source', () => {
  const src = [1, { valueOf() { src[2] = 50; src.length = 2; return 5; } }, 3, 4];
  const t = new Uint8Array(6);
  t.set(src);
  return t;
});
record('array-like', () => { const t = new Uint16Array(5); t.set({ length: 3, 0: 70000, 1: -1, 2: 2.7 }, 1); return t; });
record('index getter', () => {
  const a = [1, 2, 3];
  Object.defineProperty(a, 1, { get: () => 42 });
  const t = new Int8Array(3);
  t.set(a);
  return t;
});
record('proxy', () => { const t = new Uint32Array(3); t.set(new Proxy([1, -1, 2 ** 33], {})); return t; });
record('length past elements', () => { const a = [1, 2]; a.length = 4; const t = new Float64Array(4); t.set(a); return t; });
record('offset too far', () => { target.set([1, 2, 3], 6); return target; });
record('negative offset', () => { target.set([1], -1); return target; });
record('string offset', () => { target.set([5, 6], '3'); return target; });
record('typed source too long', () => { target.set(new Float64Array(9)); return target; });
record('bigint into number', () => { target.set(new BigInt64Array(2)); return target; });
record('number into bigint', () => { const t = new BigInt64Array(2); t.set(new Int8Array([1, -1])); return t; });
record('bigints across signedness', () => { const t = new BigUint64Array(2); t.set(new BigInt64Array([-1n, 5n])); return t; });
record('new BigInt64Array(Float64Array)', () => new BigInt64Array(new Float64Array(2)));

// Overlapping views of one buffer, both directions and several shifts.
for (let round = 0; round < 3; round++) {
  for (const [D, S] of [[Uint8Array, Uint16Array], [Uint16Array, Uint8Array], [Float64Array, Int8Array],
    [Int8Array, Float32Array], [Uint32Array, Int16Array], [Int16Array, Float64Array]]) {
    const buf = new ArrayBuffer(256);
    const bytes = new Uint8Array(buf);
    for (let i = 0; i < bytes.length; i++) bytes[i] = rand(256);
    const count = 1 + rand(12);
    const srcByte = rand(8) * S.BYTES_PER_ELEMENT;
    const dstByte = rand(8) * D.BYTES_PER_ELEMENT;
    record(`overlap ${D.name}@${dstByte} <- ${S.name}@${srcByte} x${count}`, () => {
      const s = new S(buf, srcByte, count);
      const d = new D(buf, dstByte, count + 2);
      d.set(s, 1);
      return bytes;
    });
  }
}

// A large conversion in every pair.
const big = new Float64Array(5000).map((_, i) => (i * 7919) % 70001 - 35000 + (i % 4) / 4);
for (const T of kinds) record(`new ${T.name}(5000)`, () => new T(big).subarray(4990));
console.log(out.join('\n'));
console.log('digest', digest);
