// Seeded random values through v8.serialize and v8.deserialize: primitives (int32 and double
// numbers, -0, NaN, BigInts of several words, one- and two-byte strings with lone surrogates),
// objects with index-like and odd keys, packed and holey arrays with extra properties, Maps,
// Sets, Dates, RegExps, boxed primitives, ArrayBuffers (resizable too), every typed array kind,
// DataViews and Buffers over shared memory, errors of every kind with causes and stacks,
// shared and circular references, and values V8 refuses. Each value's bytes and its read-back
// value must equal Node's; then three damaged copies of the bytes (a changed byte, a cut, a
// doubled byte) must read back, or fail, as in Node. NODEBUF_SEED / NODEBUF_DIFF_CASES change
// seed and count.
'use strict';
const v8 = require('v8');
const util = require('util');

let seed = Number(process.env.NODEBUF_SEED || 12345) >>> 0;
function rand() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
// `| 0` keeps V8's integers small integers (a Math.floor result can be a heap number once the
// JIT has optimized the caller, and V8 writes those as doubles).
const int = (n) => (n <= 2 ** 31 ? (rand() * n) | 0 : Math.floor(rand() * n));
const pick = (list) => list[int(list.length)];

function randomString() {
  const kind = int(5);
  const length = int(kind === 4 ? 40 : 8);
  const codes = [];
  for (let i = 0; i < length; i++) {
    if (kind === 0) codes.push(0x20 + int(95));
    else if (kind === 1) codes.push(int(256));
    else if (kind === 2) codes.push(int(0x3000));
    else if (kind === 3) codes.push(pick([0xd800 + int(0x400), 0xdc00 + int(0x400), 0x61, 0xe9, 0x20ac]));
    else codes.push(0x61 + int(3));
  }
  return String.fromCharCode(...codes);
}

function randomNumber() {
  switch (int(8)) {
    case 0: return int(100);
    case 1: return -int(2 ** 31) | 0;
    case 2: return int(2) ? (int(2 ** 32) | 0) : (int(2 ** 32) | 0) + 0.5;
    // Integers from arithmetic: V8 may hold those as heap numbers (written as doubles), so
    // every integer here is made with `| 0` or a literal (small integers in both engines).
    // (Integers and doubles in separate lists: V8 reads numbers out of an array literal that
    // holds doubles as heap numbers.)
    case 3: return int(2) ? pick([-0, NaN, Infinity, -Infinity, 2 ** 31, 5e-324, Number.MAX_VALUE, 2 ** 53, 0.5])
      : pick([-2147483648, 2147483647, 0, 1, -1]);
    case 4: return (rand() - 0.5) * 1e10;
    case 5: return rand() * 1e-300;
    case 6: return int(2 ** 20);
    default: return -int(1000) | 0;
  }
}

function randomBigInt() {
  let v = 0n;
  const words = int(4);
  for (let i = 0; i < words; i++) v = (v << 32n) | BigInt(int(2 ** 32));
  return int(2) ? -v : v;
}

const keyPool = ['a', 'b', 'length', '0', '1', '10', '01', '-1', '4294967294', '4294967295', '1e3', 'é', '€', 'constructor', ''];
const viewKinds = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView', 'Buffer'];

function randomBytes(n) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = int(256);
  return out;
}

function randomView(buffers) {
  const kind = pick(viewKinds);
  const size = kind === 'DataView' || kind === 'Buffer' ? 1 : globalThis[kind].BYTES_PER_ELEMENT;
  let ab = buffers.length > 0 && int(2) ? pick(buffers) : null;
  if (ab === null) {
    ab = new ArrayBuffer(8 * (1 + int(4)));
    new Uint8Array(ab).set(randomBytes(ab.byteLength));
    buffers.push(ab);
  }
  const maxElems = Math.floor(ab.byteLength / size);
  const startElem = int(maxElems + 1);
  const count = int(maxElems - startElem + 1);
  if (kind === 'Buffer') return Buffer.from(ab, startElem, count);
  if (kind === 'DataView') return new DataView(ab, startElem, count);
  return new globalThis[kind](ab, startElem * size, count);
}

function newHoleyArray() {
  return [];
}
function newPackedArray() {
  return [];
}

function randomValue(depth, refs, buffers) {
  const r = int(depth > 3 ? 8 : 26);
  switch (r) {
    case 0: return undefined;
    case 1: return null;
    case 2: return int(2) === 1;
    case 3: case 4: return randomNumber();
    case 5: return randomBigInt();
    case 6: case 7: return randomString();
    case 8: if (refs.length > 0) return pick(refs); return 1;
    case 9: case 10: {
      const o = {};
      refs.push(o);
      for (let i = int(5); i > 0; i--) o[int(3) ? pick(keyPool) : randomString()] = randomValue(depth + 1, refs, buffers);
      // An own property named __proto__ (an assignment would set the prototype instead).
      if (int(8) === 0) Object.defineProperty(o, '__proto__', { value: int(9), enumerable: true, writable: true, configurable: true });
      return o;
    }
    case 11: case 12: {
      // V8 remembers per creation site that an array got holes and makes later arrays from
      // that site holey (written sparse) too: holey and packed arrays come from two sites.
      const holey = int(3) === 0;
      const a = holey ? newHoleyArray() : newPackedArray();
      refs.push(a);
      for (let i = int(6); i > 0; i--) a.push(randomValue(depth + 1, refs, buffers));
      if (holey) {
        if (a.length > 0 && int(2) === 0) delete a[int(a.length)];
        else a[a.length + int(3) + 1] = 'tail';
      }
      if (int(4) === 0) a[pick(['x', 'y', '-1'])] = randomValue(depth + 1, refs, buffers);
      return a;
    }
    case 13: { const m = new Map(); refs.push(m); for (let i = int(4); i > 0; i--) m.set(randomValue(depth + 1, refs, buffers), randomValue(depth + 1, refs, buffers)); return m; }
    case 14: { const s = new Set(); refs.push(s); for (let i = int(4); i > 0; i--) s.add(randomValue(depth + 1, refs, buffers)); return s; }
    case 15: return new Date(pick([0, -1, 8.64e15, NaN, int(2 ** 40)]));
    case 16: {
      const flags = ['d', 'g', 'i', 'm', 's', pick(['u', '']), 'y'].filter(() => int(2)).join('');
      return new RegExp(pick(['a+b', '[x-z]', '\\d{2}', '^é$', '(?<n>q)', '/', '']), flags);
    }
    case 17: return pick([Object(randomNumber()), Object(randomString()), Object(int(2) === 1), Object(randomBigInt())]);
    case 18: {
      const ab = int(3) === 0 ? new ArrayBuffer(int(9), { maxByteLength: 16 }) : new ArrayBuffer(int(12));
      new Uint8Array(ab).set(randomBytes(ab.byteLength));
      buffers.push(ab);
      return ab;
    }
    case 19: case 20: return randomView(buffers);
    case 21: {
      const C = pick([Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]);
      // (A numeric cause is left out: V8 may keep the field as a double and write it as one.)
      const cause = randomValue(depth + 1, refs, buffers);
      const e = int(3) ? new C(randomString(), int(2) ? { cause: typeof cause === 'number' ? `${cause}` : cause } : undefined) : new C();
      e.stack = int(4) ? `${C.name}: stack ${randomString()}` : undefined;
      if (int(5) === 0) e.name = pick(['TypeError', 'Other', 'RangeError']);
      return e;
    }
    case 22: return Buffer.from(randomString());
    case 23: { const o = Object.create(null); o.k = randomValue(depth + 1, refs, buffers); return o; }
    case 24: return pick([() => 1, Symbol('s'), new WeakMap(), Promise.resolve(), new Proxy({}, {}), function named() {}]);
    default: return randomString();
  }
}

// DataViews print their whole buffer, which for a deserialized one is the input's memory (a
// pool slab with other data in it): printed by their own bytes instead.
function describe(value) {
  return util.inspect(value, { depth: 6, breakLength: Infinity, showHidden: false, customInspect: true })
    .replace(/DataView \{ byteLength: (\d+), byteOffset: (\d+), buffer: ArrayBuffer \{ \[Uint8Contents\]: <[^>]*>, byteLength: \d+ \} \}/g, 'DataView($1 at $2)');
}

const cases = Number(process.env.NODEBUF_DIFF_CASES || 400);
for (let i = 0; i < cases; i++) {
  const value = randomValue(0, [], []);
  let bytes;
  try {
    bytes = v8.serialize(value);
  } catch (e) {
    console.log(i, 'throws', e.name, e.message);
    continue;
  }
  console.log(i, bytes.toString('hex'));
  const back = v8.deserialize(bytes);
  console.log(i, describe(back));
  // Damaged copies: a flipped byte, a cut, a doubled byte.
  for (let k = 0; k < 3; k++) {
    const damaged = Buffer.from(bytes);
    const at = 2 + int(Math.max(bytes.length - 2, 1));
    let input;
    if (k === 0) { damaged[at] = int(256); input = damaged; }
    else if (k === 1) input = damaged.subarray(0, at);
    else input = Buffer.concat([damaged.subarray(0, at), damaged.subarray(at - 1)]);
    try {
      console.log(i, k, describe(v8.deserialize(input)));
    } catch (e) {
      // The engines word invalid patterns differently.
      console.log(i, k, 'error', e.name, e.name === 'SyntaxError' ? '' : e.message);
    }
  }
}
