// The per-call fast paths of the tiny Buffer methods (raw natives in nodebuf-js) against their
// general paths: every method over a matrix of argument shapes (ints, floats, -0, NaN, strings,
// null, booleans, BigInts, objects with valueOf, Uint8Arrays, views of the same memory),
// receivers (Buffer, Uint8Array, odd objects, overridden properties) and `new` calls, plus a
// seeded random sweep. Each line prints a result or an error's name/code/message. (Receivers
// Node's JS methods treat as plain objects, e.g. `toString.call(new Uint8Array())`, differ in
// engine-specific messages and are left out.)
'use strict';

function show(v) {
  if (typeof v === 'bigint') return `${v}n`;
  if (Object.is(v, -0)) return '-0';
  if (v instanceof Uint8Array) {
    return `${v.constructor.name}[${Array.from(v).join(',')}]`;
  }
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

function attempt(label, fn) {
  let out;
  try {
    out = show(fn());
  } catch (e) {
    out = `${e.name} ${e.code || ''} ${e.message}`;
  }
  console.log(`${label} -> ${out}`);
}

const args = [0, 1, 3, -1, 1.5, -0, NaN, Infinity, 2 ** 31, 2 ** 53, '1', '', null, undefined,
  true, false, 10n, { valueOf() { return 2; } }, [1], Symbol.iterator];
const label = (a) => (typeof a === 'symbol' ? 'Symbol' : typeof a === 'object' && a !== null
  ? JSON.stringify(a) || 'obj' : show(a));

// Numeric accessors: reads with every offset shape, writes with every value and offset shape.
const nb = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0x80, 0xff, 0x7f, 0]);
const reads = ['readUInt8', 'readInt8', 'readUInt16LE', 'readInt16BE', 'readUInt32LE',
  'readInt32BE', 'readFloatLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigInt64BE'];
for (const m of reads) {
  for (const a of args) attempt(`${m}(${label(a)})`, () => nb[m](a));
  attempt(`${m}()`, () => nb[m]());
}
for (const m of ['readUIntLE', 'readIntBE']) {
  for (const a of args) attempt(`${m}(1, ${label(a)})`, () => nb[m](1, a));
  for (const a of args) attempt(`${m}(${label(a)}, 2)`, () => nb[m](a, 2));
}
const writes = ['writeUInt8', 'writeInt8', 'writeUInt16LE', 'writeInt32BE', 'writeUInt32LE',
  'writeFloatBE', 'writeDoubleLE', 'writeBigInt64LE'];
for (const m of writes) {
  for (const v of [0, 1, -1, 255, 256, 1.5, -0, NaN, 2 ** 32, '7', null, 5n, -5n, true]) {
    for (const o of [0, 4, 1.5, -1, '0', undefined, 100]) {
      const w = Buffer.alloc(12);
      attempt(`${m}(${label(v)}, ${label(o)})`, () => [w[m](v, o), show(w)].join(' '));
    }
  }
}
attempt('writeUIntLE(1, 0, 6)', () => { const w = Buffer.alloc(8); w.writeUIntLE(1, 0, 6); return w; });
attempt('writeIntBE(-1, 2, 3)', () => { const w = Buffer.alloc(8); w.writeIntBE(-1, 2, 3); return w; });
attempt('readUInt8 on Uint8Array', () => Buffer.prototype.readUInt8.call(new Uint8Array([9]), 0));
attempt('readUInt8 on Uint16Array', () => Buffer.prototype.readUInt8.call(new Uint16Array(2), 0));
attempt('readDoubleLE -0', () => Buffer.from([0, 0, 0, 0, 0, 0, 0, 0x80]).readDoubleLE(0));
attempt('empty readUInt8', () => Buffer.alloc(0).readUInt8(0));

// Search, equality, strings.
const hay = Buffer.from('hello world, hello node');
for (const v of [0x6f, 111.7, -1, 256, 'o', 'hello', '', 'zz', 'ö', Buffer.from('node'),
  new Uint8Array([108, 108]), null, true, {}, 5n]) {
  for (const off of [undefined, 0, 5, -3, 100, -100, 1.5, NaN, '5', null, 'latin1', 'hex']) {
    for (const m of ['indexOf', 'lastIndexOf', 'includes']) {
      attempt(`${m}(${label(v)}, ${label(off)})`, () => hay[m](v, off));
    }
  }
}
for (const enc of [undefined, 'utf8', 'hex', 'latin1', 'ucs2', 'base64', 'bogus', 1]) {
  attempt(`indexOf('6c6c', 0, ${label(enc)})`, () => hay.indexOf('6c6c', 0, enc));
}
attempt('indexOf self view', () => hay.indexOf(hay.subarray(6, 11)));
attempt('indexOf on {}', () => Buffer.prototype.indexOf.call({}, 1));
attempt('new indexOf', () => new Buffer.prototype.indexOf(1));
attempt('new lastIndexOf', () => new Buffer.prototype.lastIndexOf(1, 'str'));

const texts = [Buffer.from('hello'), Buffer.from('héllo wörld'), Buffer.from([0xff, 0xfe, 0x41]),
  Buffer.alloc(0), Buffer.from('\u{1f600}'), Buffer.from([0x80])];
for (const t of texts) {
  attempt(`toString() ${show(t)}`, () => t.toString());
  for (const enc of ['utf8', 'hex', 'latin1', 'ascii', 'base64', 'ucs2', undefined, null, 'nope',
    'UTF-8', 'Utf8', 'binary', 'ASCII', 'LATIN1', '', 'utf16le', 0]) {
    attempt(`toString(${label(enc)}) ${show(t)}`, () => t.toString(enc));
    attempt(`toString(${label(enc)}, 1, 3) ${show(t)}`, () => t.toString(enc, 1, 3));
  }
  attempt(`toString('utf8', -1, 1.5) ${show(t)}`, () => t.toString('utf8', -1, 1.5));
  attempt(`toString('utf8', '1') ${show(t)}`, () => t.toString('utf8', '1'));
  attempt(`toString('latin1', undefined, undefined) ${show(t)}`, () => t.toString('latin1', undefined, undefined));
  attempt(`toString(undefined, undefined, 2) ${show(t)}`, () => t.toString(undefined, undefined, 2));
}

for (const o of [Buffer.from('abc'), new Uint8Array([97, 98, 99]), Buffer.from('abd'), 'abc',
  null, undefined, {}, [97, 98, 99]]) {
  attempt(`equals(${label(o)})`, () => Buffer.from('abc').equals(o));
}
attempt('equals()', () => Buffer.from('abc').equals());
attempt('equals self', () => { const b = Buffer.from('x'); return b.equals(b); });

for (const s of ['abc', 'héllo', '\u{1f600}', '', 5, null]) {
  for (const rest of [[], [2], [2, 1], [2, 'latin1'], [0, 2, 'hex'], [-1], [100], ['ucs2'],
    [1.5], [0, undefined, 'base64']]) {
    const w = Buffer.alloc(8);
    attempt(`write(${label(s)}, ${rest.map(label).join(', ')})`, () => [w.write(s, ...rest), show(w)].join(' '));
  }
}

// compare (both forms) and byteLength.
const cmpA = Buffer.from('abcdef');
for (const t of [Buffer.from('abc'), Buffer.from('abcdef'), Buffer.from('b'), new Uint8Array([97]), 'abc', null, {}]) {
  attempt(`Buffer.compare(${label(t)})`, () => Buffer.compare(cmpA, t));
  attempt(`Buffer.compare(r, ${label(t)})`, () => Buffer.compare(t, cmpA));
  for (const range of [[], [0, 3], [1], [0, 3, 0, 3], [-1], [0, 100], [1.5], ['1'], [undefined, undefined, 2], [null, 2]]) {
    attempt(`compare(${label(t)}, ${range.map(label).join(', ')})`, () => cmpA.compare(t, ...range));
  }
}
attempt('compare self view', () => cmpA.compare(cmpA.subarray(1), 0, 2, 1, 3));
for (const v of ['hello', '', 'héllo', '\u{1f600}', 'aGk=', 'abc', Buffer.from('abc'), new Uint16Array(3),
  new ArrayBuffer(5), new DataView(new ArrayBuffer(7)), 5, null, {}, undefined]) {
  for (const enc of [undefined, 'utf8', 'base64', 'hex', 'ucs2', 'latin1', 'nope', 1]) {
    attempt(`byteLength(${label(v)}, ${label(enc)})`, () => Buffer.byteLength(v, enc));
  }
}
attempt('byteLength()', () => Buffer.byteLength());
attempt('slice with subarray from another Buffer', () => {
  const b = Buffer.from('abcdef');
  b.subarray = Buffer.prototype.subarray;
  return b.slice(1, 3);
});
attempt('slice on Uint8Array', () => Buffer.prototype.slice.call(new Uint8Array([1, 2, 3]), 1));
attempt('slice arity', () => {
  const b = Buffer.from('abc');
  b.subarray = function () { return arguments.length; };
  return b.slice();
});

// fill, copy, swap, isEncoding.
for (const v of [0, 1, 257, -1, 1.5, 'ab', '', 'zz', 'aGk=', Buffer.from([1, 2]), new Uint8Array(0), null, true, 5n]) {
  for (const rest of [[], [1], [1, 3], [1, 3, 'hex'], ['base64'], [-1], [0, 100], [1.5, 2], ['1'], [undefined, 2], [0, undefined, 'latin1']]) {
    attempt(`fill(${label(v)}, ${rest.map(label).join(', ')})`, () => Buffer.alloc(6).fill(v, ...rest));
  }
}
attempt('fill returns this', () => { const b = Buffer.alloc(2); return b.fill(1) === b; });
attempt('fill self view', () => { const b = Buffer.from('abcdef'); return b.fill(b.subarray(1, 3)); });
attempt('fill length shorter', () => {
  const b = Buffer.alloc(6);
  Object.defineProperty(b, 'length', { value: 3 });
  b.fill(7);
  return Uint8Array.prototype.join.call(new Uint8Array(b.buffer, b.byteOffset, 6));
});
attempt('fill length shorter with offset', () => {
  const b = Buffer.alloc(6);
  Object.defineProperty(b, 'length', { value: 4 });
  b.fill('ab', 1);
  return Uint8Array.prototype.join.call(new Uint8Array(b.buffer, b.byteOffset, 6));
});
attempt('fill length longer', () => {
  const b = Buffer.alloc(6);
  Object.defineProperty(b, 'length', { value: 9 });
  return b.fill(7);
});
attempt('fill on Uint8Array', () => Buffer.prototype.fill.call(new Uint8Array(3), 4));
for (const t of [Buffer.alloc(6), new Uint8Array(6), 'x', null, {}]) {
  for (const rest of [[], [1], [1, 2], [1, 2, 4], [-1], [0, -1], [0, 0, 100], [10], [1.5, '2'], [null, null, null]]) {
    attempt(`copy(${label(t)}, ${rest.map(label).join(', ')})`, () => {
      const src = Buffer.from('abcdef');
      const target = t instanceof Buffer ? Buffer.alloc(6) : t instanceof Uint8Array ? new Uint8Array(6) : t;
      return [src.copy(target, ...rest), show(target)].join(' ');
    });
  }
}
attempt('copy overlapping forward', () => { const b = Buffer.from('abcdef'); b.copy(b, 1, 0, 4); return b; });
attempt('copy overlapping backward', () => { const b = Buffer.from('abcdef'); b.copy(b, 0, 2); return b; });
attempt('copy from view to parent', () => { const b = Buffer.from('abcdef'); b.subarray(2).copy(b); return b; });
for (const n of [0, 1, 2, 3, 4, 8, 16, 17]) {
  for (const m of ['swap16', 'swap32', 'swap64']) {
    attempt(`${m} of ${n}`, () => { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = i; return [b[m]() === b, show(b)].join(' '); });
  }
}
attempt('swap16 on Uint8Array', () => Buffer.prototype.swap16.call(new Uint8Array([1, 2])));
for (const e of ['utf8', 'UTF-8', 'hex', 'binary', 'ucs-2', 'UTF16LE', 'base64url', 'nope', '', 1, null, undefined, {}, ['utf8']]) {
  attempt(`isEncoding(${label(e)})`, () => Buffer.isEncoding(e));
}

// Allocation statics.
for (const n of [0, 1, 10, 4096, 5000, -1, 1.5, NaN, '10', null, undefined, 2 ** 32 + 1, 10n]) {
  attempt(`allocUnsafe(${label(n)}).length`, () => Buffer.allocUnsafe(n).length);
  attempt(`alloc(${label(n)})`, () => (typeof n === 'number' && n > 100 ? Buffer.alloc(n).length : Buffer.alloc(n)));
}
for (const fill of [1, 'ab', '', 'zz', Buffer.from([1, 2]), new Uint8Array(0), 300, -1, null, true]) {
  for (const enc of [undefined, 'hex', 'base64', 'nope']) {
    attempt(`alloc(5, ${label(fill)}, ${label(enc)})`, () => Buffer.alloc(5, fill, enc));
  }
}
attempt('new Buffer.alloc(2)', () => new Buffer.alloc(2));
attempt('new Buffer.from', () => new Buffer.from('a'));

// Buffer.from: strings, Uint8Arrays, and the objects whose valueOf/length change the result.
for (const s of ['hello world', '', 'héllo', 'aGk=', '6869', '\ud800x']) {
  for (const enc of [undefined, 'utf8', 'base64', 'hex', 'latin1', 'ucs2', 'nope', 1, null]) {
    attempt(`from(${label(s)}, ${label(enc)})`, () => Buffer.from(s, enc));
  }
}
const u8 = new Uint8Array([1, 2, 3]);
attempt('from(Uint8Array)', () => Buffer.from(u8));
attempt('from(Buffer)', () => Buffer.from(Buffer.from('xyz')));
attempt('from(empty Buffer)', () => Buffer.from(Buffer.alloc(0)));
attempt('from(Uint8Array, 1, 1)', () => Buffer.from(u8, 1, 1));
attempt('from(valueOf string)', () => { const o = new Uint8Array(2); o.valueOf = () => 'str'; return Buffer.from(o); });
attempt('from(length 1)', () => {
  const o = new Uint8Array([5, 6, 7]);
  Object.defineProperty(o, 'length', { value: 1 });
  return Buffer.from(o);
});
attempt('from(length "x")', () => {
  const o = new Uint8Array([5, 6, 7]);
  Object.defineProperty(o, 'length', { value: 'x' });
  return Buffer.from(o);
});
attempt('from(Uint16Array)', () => Buffer.from(new Uint16Array([258, 3])));
for (const [real, claimed] of [[3, 1], [3, 5], [5000, 4096], [5000, 10], [3, 5000], [3, 0], [3, -1]]) {
  attempt(`from(Uint8Array(${real}) claiming ${claimed})`, () => {
    const o = new Uint8Array(real).fill(7);
    Object.defineProperty(o, 'length', { value: claimed });
    const b = Buffer.from(o);
    return [b.length, b[0], b[b.length - 1]].join(' ');
  });
}
attempt('from(Uint16Array claiming 2)', () => {
  const o = new Uint16Array([300, 2, 3]);
  Object.defineProperty(o, 'length', { value: 2 });
  return Buffer.from(o);
});
attempt('from(pool view)', () => { const b = Buffer.allocUnsafe(3).fill(9); return Buffer.from(b); });
attempt('from(whole slab)', () => Buffer.from(new Uint8Array(Buffer.allocUnsafe(1).buffer)).length);
for (const v of [5, null, undefined, {}, Symbol.iterator, 3n, [1, 2], { type: 'Buffer', data: [7] }]) {
  attempt(`from(${label(v)})`, () => Buffer.from(v));
}

// subarray / slice: bounds of every shape, odd receivers, overridden properties.
const base = Buffer.from('abcdefgh');
for (const a of [undefined, 0, 2, -2, 1.7, -0, NaN, 100, -100, '3', null, true, Infinity, -Infinity,
  { valueOf() { return 1; } }]) {
  for (const b of [undefined, 5, -1, 2.9, NaN, '6', null, false, Infinity, 100]) {
    attempt(`subarray(${label(a)}, ${label(b)})`, () => base.subarray(a, b));
    attempt(`slice(${label(a)}, ${label(b)})`, () => base.slice(a, b));
  }
}
attempt('subarray shares memory', () => { const s = base.subarray(1, 3); s[0] = 66; return base; });
attempt('subarray of view', () => base.subarray(2, 6).subarray(1, 2));
attempt('subarray on Uint8Array', () => Buffer.prototype.subarray.call(new Uint8Array([1, 2, 3]), 1));
attempt('subarray on {}', () => Buffer.prototype.subarray.call({}, 0));
attempt('subarray length override', () => {
  const b = Buffer.from('abcdef');
  Object.defineProperty(b, 'length', { value: 3 });
  return b.subarray(1);
});
attempt('subarray length string', () => {
  const b = Buffer.from('abcdef');
  Object.defineProperty(b, 'length', { value: '4' });
  return b.subarray(1);
});
attempt('subarray byteOffset float', () => {
  const b = Buffer.alloc(6).fill('abcdef');
  Object.defineProperty(b, 'byteOffset', { value: 1.5 });
  return b.subarray(1, 2);
});
attempt('subarray getter order', () => {
  const b = Buffer.from('abcdef');
  const seen = [];
  for (const k of ['length', 'buffer', 'byteOffset']) {
    const d = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), k);
    Object.defineProperty(b, k, { get() { seen.push(k); return d.get.call(this); } });
  }
  const s = b.subarray(1, 3);
  return `${seen.join(',')} ${show(s)}`;
});
attempt('subarray getter throws', () => {
  const b = Buffer.from('abcdef');
  Object.defineProperty(b, 'buffer', { get() { throw new Error('no buffer'); } });
  return b.subarray(1);
});
attempt('subarray length getter on Buffer.prototype', () => {
  Object.defineProperty(Buffer.prototype, 'length', { get() { return 2; }, configurable: true });
  try {
    return Buffer.from('abcdef').subarray(0);
  } finally {
    delete Buffer.prototype.length;
  }
});
attempt('subarray byteOffset getter on Uint8Array.prototype', () => {
  Object.defineProperty(Uint8Array.prototype, 'byteOffset', { get() { return 1; }, configurable: true });
  try {
    return Buffer.alloc(6).fill('abcdef').subarray(1, 3);
  } finally {
    delete Uint8Array.prototype.byteOffset;
  }
});
attempt('subarray through a Proxy prototype', () => {
  const b = Buffer.from('abcdef');
  const seen = [];
  Object.setPrototypeOf(b, new Proxy(Buffer.prototype, {
    get(t, k, r) { seen.push(String(k)); return Reflect.get(t, k, r); },
  }));
  const s = Buffer.prototype.subarray.call(b, 1, 3);
  return `${seen.join(',')} ${show(s)}`;
});
attempt('subarray after the intrinsic getters come back', () => Buffer.from('abcdef').subarray(2, 4));
// Each override below comes right after a plain call (whose answer the engine may reuse): the
// next call must see it, and the call after it is removed must not. Results are printed once
// the override is gone (node's own output code reads these properties too).
function outcome(fn) {
  try {
    return show(fn());
  } catch (e) {
    return `${e.name} ${e.code || ''} ${e.message}`;
  }
}
const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
// Not from the pool: a view past its own bytes must read the same bytes in node and here.
const warm = Buffer.alloc(16).fill('abcdefghijklmnop');
for (const [name, where, key, desc, again] of [
  ['TypedArray.prototype', typedArrayPrototype, 'buffer',
    { get() { return new ArrayBuffer(8); }, configurable: true }, () => new ArrayBuffer(4)],
  ['TypedArray.prototype', typedArrayPrototype, 'byteOffset',
    { get() { return 3; }, configurable: true }, () => 1],
  ['Buffer.prototype', Buffer.prototype, 'buffer',
    { value: new ArrayBuffer(6), configurable: true, writable: true }, () => new ArrayBuffer(3)],
  ['Buffer.prototype', Buffer.prototype, 'byteOffset',
    { value: 2, configurable: true, writable: true }, () => 0],
  ['Uint8Array.prototype', Uint8Array.prototype, 'length',
    { get() { return 3; }, configurable: true }, () => 1],
]) {
  const lines = [`subarray before ${name}.${key} -> ${outcome(() => warm.subarray(1, 5))}`];
  const own = Object.getOwnPropertyDescriptor(where, key);
  Object.defineProperty(where, key, desc);
  try {
    lines.push(`subarray with ${name}.${key} -> ${outcome(() => warm.subarray(1, 5))}`);
    lines.push(`slice with ${name}.${key} -> ${outcome(() => warm.slice(0, 4))}`);
    Object.defineProperty(where, key, { get: again, configurable: true });
    lines.push(`subarray with ${name}.${key} redefined -> ${outcome(() => warm.subarray(0, 2))}`);
  } finally {
    if (own) Object.defineProperty(where, key, own);
    else delete where[key];
  }
  lines.push(`subarray after ${name}.${key} is restored -> ${outcome(() => warm.subarray(1, 5))}`);
  for (const line of lines) console.log(line);
}
{
  warm.subarray(0, 1);
  const middle = Object.create(Uint8Array.prototype, {
    byteOffset: { get() { return 4; }, configurable: true },
  });
  Object.setPrototypeOf(Buffer.prototype, middle);
  let out;
  try {
    out = outcome(() => warm.subarray(0, 2));
  } finally {
    Object.setPrototypeOf(Buffer.prototype, Uint8Array.prototype);
  }
  console.log(`subarray after Buffer.prototype gets another prototype -> ${out}`);
}
attempt('subarray with an own byteOffset on a warm Buffer', () => {
  warm.subarray(0, 1);
  const b = Buffer.alloc(6).fill('abcdef');
  Object.defineProperty(b, 'byteOffset', { value: 2 });
  return b.subarray(0, 2);
});
attempt('subarray once the prototype is back', () => warm.subarray(2, 4));
attempt('subarray of a detached buffer', () => {
  const ab = new ArrayBuffer(8);
  const b = Buffer.from(ab);
  structuredClone(ab, { transfer: [ab] });
  return b.subarray(0);
});
attempt('subarray of a view past a shrunk resizable buffer', () => {
  const ab = new ArrayBuffer(8, { maxByteLength: 16 });
  const b = Buffer.from(ab, 4, 4);
  ab.resize(2);
  return `${b.length} ${b.byteOffset} ${show(b.subarray(0))}`;
});
attempt('slice uses this.subarray', () => {
  const b = Buffer.from('abc');
  b.subarray = () => 'mine';
  return b.slice(1);
});
attempt('new subarray', () => new Buffer.prototype.subarray());

// Seeded random sweep of the numeric accessors over random buffers and offsets.
let seed = 12345;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const all = Object.getOwnPropertyNames(Buffer.prototype).filter((n) => /^(read|write)/.test(n) &&
  !/^write$/.test(n) && !/(Slice|Write)$/.test(n)).sort();
for (let i = 0; i < 600; i++) {
  const len = rand(12);
  const b = Buffer.alloc(len);
  for (let j = 0; j < len; j++) b[j] = rand(256);
  const m = all[rand(all.length)];
  const off = [rand(12), rand(12) - 3, rand(24) / 2, undefined][rand(4)];
  if (m.startsWith('read')) {
    attempt(`#${i} ${show(b)}.${m}(${label(off)}, 3)`, () => b[m](off, 3));
  } else {
    const v = m.includes('Big') ? BigInt(rand(100000)) - 50000n : rand(70000) - 35000 + rand(4) / 4;
    attempt(`#${i} ${show(b)}.${m}(${label(v)}, ${label(off)}, 2)`, () => [b[m](v, off, 2), show(b)].join(' '));
  }
}
