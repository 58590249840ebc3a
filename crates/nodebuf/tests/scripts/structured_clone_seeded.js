// structuredClone of seeded random value graphs: plain objects (Object.prototype or null
// prototypes, integer-like and `__proto__` keys, non-enumerable and symbol keys), arrays (dense,
// holey, with extra keys), typed arrays of every type over shared, offset and pooled buffers,
// Buffers, ArrayBuffers, shared and circular references, and things a plain-data walk must hand
// to the general path (getters, class instances, Maps, Sets, Dates, Errors, boxed primitives,
// DataViews, Proxies, resizable buffers, length-tracking views). Each clone is described in a
// canonical form (structure, prototypes, key order, property attributes, which objects are the
// same object, which views share a buffer) that node and nodebuf must print alike.
'use strict';

const { rand, pick } = require('./_seeded').seeded(7071);

const primitives = [0, -0, 1, -1.5, NaN, Infinity, 2 ** 53, 'str', '', '\ud83d\ude00', '\ud800', 10n, -(2n ** 70n),
  true, false, null, undefined];
const typedCtors = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
  Float32Array, Float64Array, BigInt64Array, BigUint64Array];

function typedOver(buffer) {
  const C = pick(typedCtors);
  const size = C.BYTES_PER_ELEMENT;
  const elements = Math.floor(buffer.byteLength / size);
  const start = Math.floor(rand() * (elements + 1));
  const length = Math.floor(rand() * (elements - start + 1));
  const view = new C(buffer, start * size, length);
  for (let i = 0; i < view.length; i++) view[i] = C === BigInt64Array || C === BigUint64Array ? BigInt(i * 7 - 3) : i * 37 - 5;
  return view;
}

class Point {
  constructor() { this.x = 1; this.y = 2; }
}

function value(depth, pool) {
  const r = rand();
  if (r < 0.3 || depth > 3) return pick(primitives);
  if (r < 0.38 && pool.length > 0) return pick(pool); // a reference back (shared or circular)
  let out;
  if (r < 0.55) {
    out = rand() < 0.2 ? Object.create(null) : {};
    pool.push(out);
    const keys = ['a', 'b', '10', '2', 'z', '__proto__', 'constructor', 'length', '-1', '1.5'];
    const n = Math.floor(rand() * 5);
    for (let i = 0; i < n; i++) {
      const key = pick(keys);
      if (key === '__proto__') Object.defineProperty(out, key, { value: value(depth + 1, pool), enumerable: true, configurable: true, writable: true });
      else out[key] = value(depth + 1, pool);
    }
    if (rand() < 0.1) Object.defineProperty(out, 'hidden', { value: 1, enumerable: false });
    if (rand() < 0.1) out[Symbol('s')] = 2;
    if (rand() < 0.05) Object.defineProperty(out, 'got', { get() { return 'getter ran'; }, enumerable: true });
  } else if (r < 0.7) {
    out = [];
    pool.push(out);
    const n = Math.floor(rand() * 5);
    for (let i = 0; i < n; i++) out.push(value(depth + 1, pool));
    if (rand() < 0.1) out[n + 2] = 'after a hole';
    if (rand() < 0.08) out.length += 2; // trailing holes
    if (rand() < 0.02) out.length = 2 ** 32 - 1;
    if (rand() < 0.08) out.extra = 'key';
    if (rand() < 0.05) Object.defineProperty(out, 'hiddenKey', { value: 3, enumerable: false });
  } else if (r < 0.85) {
    const kind = rand();
    if (kind < 0.3) {
      out = typedOver(new ArrayBuffer(Math.floor(rand() * 40)));
    } else if (kind < 0.5) {
      out = Buffer.from(Array.from({ length: Math.floor(rand() * 10) }, (_, i) => i));
    } else if (kind < 0.7) {
      const shared = new ArrayBuffer(48);
      out = [typedOver(shared), typedOver(shared), shared];
    } else if (kind < 0.85) {
      out = new ArrayBuffer(Math.floor(rand() * 16));
    } else if (kind < 0.92) {
      const resizable = new ArrayBuffer(8, { maxByteLength: 16 });
      out = rand() < 0.5 ? resizable : new Uint8Array(resizable);
    } else {
      out = new DataView(new ArrayBuffer(8), 2, 4);
    }
    pool.push(out);
  } else {
    const odd = [
      () => new Point(),
      () => new Map([[1, { m: 1 }]]),
      () => new Set(['s']),
      () => new Date(86400000),
      () => new RangeError('e'),
      () => Object(5),
      () => /re/g,
      () => new Proxy({ p: 1 }, {}),
    ];
    out = pick(odd)();
    pool.push(out);
  }
  return out;
}

// A canonical description: objects are numbered in the order they are first met, so a shared
// or circular reference prints as the number of the object it is.
function describe(root) {
  const ids = new Map();
  const buffers = new Map();
  function bufferId(buffer) {
    if (!buffers.has(buffer)) buffers.set(buffer, buffers.size);
    return buffers.get(buffer);
  }
  function d(v) {
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'string') return JSON.stringify(v);
    if (v === null || typeof v !== 'object') return String(v);
    if (ids.has(v)) return `#${ids.get(v)}`;
    ids.set(v, ids.size);
    const id = ids.get(v);
    const proto = Object.getPrototypeOf(v);
    const protoName = proto === null ? 'null' : proto === Object.prototype ? 'Object' : proto.constructor.name;
    if (ArrayBuffer.isView(v)) {
      const items = v instanceof DataView ? [] : Array.from(v, (x) => d(x));
      // A pooled Buffer's clone copies the whole pool chunk, at the offset each runtime's pool
      // had reached (their other uses of the pool differ).
      const at = v.buffer.byteLength === Buffer.poolSize ? 'pool' : v.byteOffset;
      return `#${id}:${protoName}(buf${bufferId(v.buffer)}@${at}+${v.byteLength}/${v.buffer.byteLength}${v.buffer.resizable ? 'r' : ''})[${items.join(',')}]`;
    }
    if (v instanceof ArrayBuffer) {
      return `#${id}:ArrayBuffer(buf${bufferId(v)}:${v.byteLength}${v.resizable ? 'r' : ''})[${Array.from(new Uint8Array(v)).join(',')}]`;
    }
    const keys = Reflect.ownKeys(v).map((k) => {
      const desc = Object.getOwnPropertyDescriptor(v, k);
      const flags = `${desc.enumerable ? 'e' : ''}${desc.writable ? 'w' : ''}${desc.configurable ? 'c' : ''}${desc.get ? 'g' : ''}`;
      // An error's stack names each runtime's own module loader: only its first line.
      const shown = k === 'stack' && typeof desc.value === 'string' ? desc.value.split('\n')[0] : desc.value;
      return `${String(k)}/${flags}=${'value' in desc ? d(shown) : 'accessor'}`;
    });
    const extra = v instanceof Map ? ` map:${d([...v])}` : v instanceof Set ? ` set:${d([...v])}` :
      v instanceof Date ? ` date:${v.getTime()}` : v instanceof Error ? ` error:${v.message}` : '';
    return `#${id}:${Array.isArray(v) ? `Array(${v.length})` : protoName}{${keys.join(' ')}}${extra}`;
  }
  return d(root);
}

let same = 0;
for (let round = 0; round < 300; round++) {
  const pool = [];
  const v = value(0, pool);
  let text;
  try {
    text = describe(structuredClone(v));
  } catch (e) {
    text = `${e.name}: ${e.message}`;
  }
  if (round < 40 || round % 10 === 0) console.log(round, text);
  else same += text.length;
}
console.log('described', same);
