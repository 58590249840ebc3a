'use strict';
// Every Buffer.prototype method (helpers, numeric accessors, getters included) called with a
// receiver that is not a Buffer: typed arrays of every kind (at non-zero offsets too),
// DataViews, an ArrayBuffer, array-likes and arrays, primitives, a Buffer subclass and plain
// Uint8Arrays whose methods or `length` are their own, objects whose `length` lies, and Proxies
// that log the properties Node's JS reads. Seeded argument lists; each result printed with the
// receiver's contents afterwards and the reads made.

let seed = Number(process.env.SEED || 20261207);
function rand(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}

const reads = [];
// A receiver whose reads are logged: getters for its elements and `length`, and for the
// properties Node's JS may read of it (methods, view fields, `constructor`), each answering
// what a plain object of these `fields` would. (Getters, not a Proxy: V8 and the engine word a
// Proxy receiver differently in their own TypeErrors.)
const watched = ['length', 'constructor', 'utf8Slice', 'hexSlice', 'latin1Slice', 'utf8Write',
  'asciiWrite', 'latin1Write', 'hexWrite', 'indexOf', 'subarray', 'buffer', 'byteOffset',
  'byteLength', 'readUInt8', 'readUInt16LE', 'readInt32BE'];
function logged(fields, label, proto = Object.prototype) {
  const o = Object.create(proto);
  const keys = [...new Set([...Object.keys(fields), ...watched])];
  for (const key of keys) {
    Object.defineProperty(o, key, {
      get() {
        reads.push(`${label}.${key}`);
        return key in fields ? fields[key] : proto[key];
      },
      enumerable: key in fields,
    });
  }
  return o;
}

class Sub extends Buffer {}
function sub(bytes) {
  const b = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i++) b[i] = bytes[i];
  Object.setPrototypeOf(b, Sub.prototype);
  return b;
}

function fill(view, count) {
  for (let i = 0; i < count; i++) view[i] = 97 + ((i * 7 + rand(5)) % 26);
  return view;
}

const receivers = [
  ['Int8Array', () => fill(new Int8Array(4), 4)],
  ['Uint8Array', () => fill(new Uint8Array(4), 4)],
  ['Uint8ClampedArray', () => fill(new Uint8ClampedArray(3), 3)],
  ['Int16Array', () => new Int16Array([0x6261, -2])],
  ['Uint16Array', () => new Uint16Array([0x6261, 0x6463])],
  ['Int32Array', () => new Int32Array([0x64636261])],
  ['Uint32Array', () => new Uint32Array([0x64636261, 7])],
  ['Float32Array', () => new Float32Array([1.5, -2])],
  ['Float64Array', () => new Float64Array([0.1])],
  ['BigInt64Array', () => new BigInt64Array([0x6463626166656867n])],
  ['BigUint64Array', () => new BigUint64Array([1n, 2n])],
  ['Uint16Array@2', () => { const ab = new ArrayBuffer(10); fill(new Uint8Array(ab), 10); return new Uint16Array(ab, 2, 3); }],
  ['Uint8Array@3', () => { const ab = new ArrayBuffer(8); fill(new Uint8Array(ab), 8); return new Uint8Array(ab, 3, 4); }],
  ['Float64Array@8', () => { const ab = new ArrayBuffer(24); return new Float64Array(ab, 8, 1); }],
  ['DataView', () => new DataView(fill(new Uint8Array(4), 4).buffer)],
  ['DataView@1', () => new DataView(fill(new Uint8Array(6), 6).buffer, 1, 3)],
  ['empty DataView', () => new DataView(new ArrayBuffer(0))],
  ['ArrayBuffer', () => fill(new Uint8Array(4), 4).buffer],
  ['array-like', () => ({ length: 3, 0: 97, 1: 98, 2: 99 })],
  ['array', () => [97, 98, 99, 100]],
  ['empty array', () => []],
  ['string', () => 'abcd'],
  ['number', () => 3],
  ['boolean', () => true],
  ['symbol', () => Symbol('s')],
  ['bigint', () => 5n],
  ['null', () => null],
  ['undefined', () => undefined],
  ['plain object', () => ({})],
  ['Buffer subclass', () => sub([97, 98, 99, 100])],
  ['Buffer subclass with methods', () => {
    const b = sub([1, 2, 3, 4]);
    b.utf8Slice = function (s, e) { return `own utf8Slice(${s}, ${e})`; };
    b.hexSlice = function (s, e) { return `own hexSlice(${s}, ${e})`; };
    b.utf8Write = function (s, o, l) { return `own utf8Write(${s}, ${o}, ${l})`; };
    b.latin1Write = function (s, o, l) { return `own latin1Write(${s}, ${o}, ${l})`; };
    b.indexOf = function (v, o, e) { return v === 2 ? 1 : -1; };
    b.subarray = function (s, e) { return `own subarray(${s}, ${e})`; };
    return b;
  }],
  ['Uint8Array with Buffer helpers', () => {
    const u = fill(new Uint8Array(4), 4);
    u.utf8Slice = Buffer.prototype.utf8Slice;
    u.utf8Write = Buffer.prototype.utf8Write;
    u.hexSlice = Buffer.prototype.hexSlice;
    return u;
  }],
  ['Uint16Array with Buffer helpers', () => {
    const u = new Uint16Array([0x6261, 0x6463]);
    u.utf8Slice = Buffer.prototype.utf8Slice;
    u.latin1Slice = Buffer.prototype.latin1Slice;
    u.utf8Write = Buffer.prototype.utf8Write;
    u.hexWrite = Buffer.prototype.hexWrite;
    u.asciiWrite = Buffer.prototype.asciiWrite;
    u.subarray = Buffer.prototype.subarray;
    return u;
  }],
  ['lying length', () => ({ length: 5, 0: 1, 1: 2 })],
  ['negative length', () => ({ length: -2, 0: 1 })],
  ['string length', () => ({ length: '2', 0: 9, 1: 8 })],
  ['long array-like', () => { const o = { length: 130 }; for (let i = 0; i < 130; i++) o[i] = i; return o; }],
  ['long Uint16Array', () => { const u = new Uint16Array(130); for (let i = 0; i < 130; i++) u[i] = i * 257; return u; }],
  ['Buffer with own length', () => { const b = Buffer.alloc(4, 'ab'); Object.defineProperty(b, 'length', { value: 2 }); return b; }],
  ['logged array-like', () => logged({ length: 2, 0: 97, 1: 98 }, 'p')],
  ['logged array-like with methods', () => logged({ length: 3, 0: 1, 1: 2, 2: 3,
    utf8Slice: (s, e) => `slice ${s} ${e}`, utf8Write: (s, o, l) => `write ${s} ${o} ${l}`,
    indexOf: (v) => (v === 2 ? 1 : -1), subarray: (s, e) => `sub ${s} ${e}`,
    readUInt8: (o) => `u8 ${o}` }, 'm')],
  ['logged Buffer-like', () => logged({}, 'b', Buffer.prototype)],
  ['Buffer-like', () => Object.create(Buffer.prototype)],
  ['Buffer', () => { const b = Buffer.alloc(4); b.write('wxyz'); return b; }],
];

const argPool = [
  [], [0], [1], [2], [97], [0x6261], [-1], [1.5], [300], [NaN], [1e10],
  ['a'], ['b'], ['ab'], ['hex'], ['latin1'], ['utf8'], ['ucs2'], ['base64'], ['nope'], [''],
  ['zz', 1], ['61', 'hex'], ['q', 0, 1], ['ab', 1, 2, 'latin1'], ['YQ', 'base64'],
  [undefined, 1], [undefined, 0, 2], ['hex', 0, 2], ['utf8', 1], ['latin1', -1, 10],
  [0, 2], [1, 3, 'hex'], [97, -1], ['b', 0, 'ucs2'], ['c', 'latin1'],
  [Buffer.from('ab')], [Buffer.from('b'), 0], [new Uint8Array([98, 99])], [Buffer.alloc(0)],
  [new Uint16Array([0x6261])], [new DataView(new ArrayBuffer(2))],
  [Buffer.from('abcd'), 0, 2, 0, 2], [Buffer.from('abcd'), 1], [Buffer.from('ab'), 0, 1, 1],
  [1n], [1n, 0], [-(2n ** 63n), 0], [{}], [null], [true], [Symbol('x')],
  [{ valueOf() { reads.push('valueOf'); return 1; } }],
  [1, { valueOf() { reads.push('offset valueOf'); return 0; } }],
  [0x41, 1, 3], ['xyz', 1, 3], [Buffer.from('k'), 1, 2], [7, 1],
  [0, 4], [2, 0, 2], [1, 1, 1], [0x1234, 0, 2],
];

function show(v) {
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'bigint': return `${v}n`;
    case 'symbol': return v.toString();
    case 'function': return `[function ${v.name}]`;
    case 'object': {
      if (v === null) return 'null';
      if (ArrayBuffer.isView(v)) {
        const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        return `${Object.prototype.toString.call(v)}(${v.byteOffset}+${v.byteLength})[${Array.from(bytes)}]`;
      }
      if (v instanceof ArrayBuffer) return `ArrayBuffer(${v.byteLength})[${Array.from(new Uint8Array(v))}]`;
      try {
        return JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? `${x}n` : x));
      } catch (e) {
        return `<${e.name}>`;
      }
    }
    default: return String(v);
  }
}

function contents(r) {
  if (r === null || (typeof r !== 'object' && typeof r !== 'function')) return '-';
  if (ArrayBuffer.isView(r) || r instanceof ArrayBuffer) return show(r);
  const out = [];
  for (const k of Object.keys(r)) {
    if (typeof r[k] !== 'function') out.push(`${k}:${show(r[k])}`);
  }
  return `{${out.join(',')}}`;
}

function run(fn, receiver, args) {
  reads.length = 0;
  let out;
  try {
    out = `= ${show(Reflect.apply(fn, receiver, args))}`;
  } catch (e) {
    out = `! ${e && e.name} ${e && e.code} ${e && e.message}`;
  }
  const log = reads.length ? ` reads ${reads.join(',')}` : '';
  reads.length = 0;
  return `${out} | ${contents(receiver)}${log}`;
}

const proto = Buffer.prototype;
const names = Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor').sort();
const numeric = /^(read|write)(U?Int|Uint|BigU?Int|BigUint|Float|Double)/;
for (const name of names) {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  const fn = d.get || d.value;
  if (typeof fn !== 'function') continue;
  for (const [label, make] of receivers) {
    // Numeric accessors: fewer argument lists (their element paths have their own tests).
    const count = d.get ? 1 : numeric.test(name) ? 1 : 3;
    for (let k = 0; k < count; k++) {
      const args = d.get ? [] : argPool[rand(argPool.length)];
      const shown = args.map(show).join(', ');
      console.log(`${name}.call(${label}, ${shown}) ${run(fn, make(), args)}`);
    }
  }
}

// toLocaleString is toString; inspect through util too.
const util = require('util');
for (const [label, make] of receivers) {
  if (label.startsWith('logged')) continue;
  console.log(`inspect(${label}) ${run((r) => util.inspect(Buffer.prototype.inspect.call(r, 2, { showHidden: false })), undefined, [make()])}`);
}
