'use strict';
// The fixed head of every boundary_differential batch (see gen.rs). It gives the generated cases
// their hostile tools (counted valueOf/toString/toPrimitive, getters, Proxies, species, lying own
// properties, replaced prototype getters, detach/shrink/grow actions) and prints every outcome as
// engine-independent lines. Rendering only uses intrinsics captured here, before any case runs,
// so a case that replaces a prototype getter cannot change what is printed.
const bufmod = require('buffer');
const { Buffer, transcode, isUtf8, isAscii, Blob, File, atob, btoa } = bufmod;
const util = require('util');
const fs = require('fs');
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');

const TAProto = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (proto, key) => Object.getOwnPropertyDescriptor(proto, key).get;
const G = {
  taLength: getter(TAProto, 'length'),
  taByteLength: getter(TAProto, 'byteLength'),
  taByteOffset: getter(TAProto, 'byteOffset'),
  taBuffer: getter(TAProto, 'buffer'),
  taTag: getter(TAProto, Symbol.toStringTag),
  dvByteLength: getter(DataView.prototype, 'byteLength'),
  dvByteOffset: getter(DataView.prototype, 'byteOffset'),
  dvBuffer: getter(DataView.prototype, 'buffer'),
  abByteLength: getter(ArrayBuffer.prototype, 'byteLength'),
  sabByteLength: getter(SharedArrayBuffer.prototype, 'byteLength'),
};
const call = Function.prototype.call.bind(Function.prototype.call);
const isView = ArrayBuffer.isView;
const isTA = (v) => isView(v) && call(G.taTag, v) !== undefined;
const isAB = (v) => { try { call(G.abByteLength, v); return true; } catch { return false; } };
const isSAB = (v) => { try { call(G.sabByteLength, v); return true; } catch { return false; } };
const MARK = 0xa5;

// Prototypes the renderer names (user subclasses register themselves).
const NAMES = new Map();
for (const C of [Buffer, Uint8Array, Int8Array, Uint16Array, Int32Array, Float64Array,
  BigInt64Array, Uint8ClampedArray, DataView, ArrayBuffer, SharedArrayBuffer, Array, Object,
  Blob, File, Promise]) NAMES.set(C.prototype, C.name);
function kind(v) {
  try {
    let p = Object.getPrototypeOf(v);
    for (let d = 0; p !== null && d < 8; d++, p = Object.getPrototypeOf(p)) {
      if (NAMES.has(p)) return NAMES.get(p);
    }
    return 'null-proto';
  } catch { return '?'; }
}

// Bytes and geometry of any memory, read through the captured intrinsics only.
function bytesOf(v) {
  let ab, off, len;
  if (isTA(v)) { ab = call(G.taBuffer, v); off = call(G.taByteOffset, v); len = call(G.taByteLength, v); }
  else if (isView(v)) {
    ab = call(G.dvBuffer, v);
    try { off = call(G.dvByteOffset, v); len = call(G.dvByteLength, v); } catch { return 'gone'; }
  } else if (isAB(v) || isSAB(v)) { ab = v; off = 0; len = isAB(v) ? call(G.abByteLength, v) : call(G.sabByteLength, v); }
  else return null;
  if (len === 0) return '0:';
  const u = new Uint8Array(ab, off, len);
  let s = len + ':';
  for (let i = 0; i < len && i < 96; i++) s += (u[i] < 16 ? '0' : '') + u[i].toString(16);
  return len > 96 ? s + '..' : s;
}

function NUM(v) {
  if (Object.is(v, -0)) return '-0';
  if (!Number.isFinite(v) || (Number.isInteger(v) && Math.abs(v) < 1e21)) return String(v);
  for (let p = 1; p < 17; p++) { const s = v.toPrecision(p); if (Number(s) === v) return s; }
  return v.toPrecision(17);
}

function R(v, d = 0) {
  switch (typeof v) {
    case 'number': return NUM(v);
    case 'bigint': return v + 'n';
    case 'string': return v.length > 200 ? JSON.stringify(v.slice(0, 200)) + '..' + v.length : JSON.stringify(v);
    case 'undefined': case 'boolean': return String(v);
    case 'symbol': return 'symbol';
    case 'function': return 'fn';
  }
  if (v === null) return 'null';
  if (d > 2) return '..';
  const b = bytesOf(v);
  if (b !== null) return kind(v) + '(' + b + ')';
  if (Array.isArray(v)) return '[' + v.map((x) => R(x, d + 1)).join(',') + ']';
  if (v instanceof Error) return 'Error ' + E(v);
  if (v instanceof Blob) return kind(v) + '{size:' + v.size + ',type:' + JSON.stringify(v.type) + '}';
  return kind(v) + '{' + Object.keys(v).map((k) => k + ':' + R(v[k], d + 1)).join(',') + '}';
}

function E(e) {
  if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return 'thrown ' + R(e);
  return kind(e) + '|' + e.name + '|' + e.code + '|' + JSON.stringify(e.message);
}

// Counted hooks: every call to user code adds one to its label.
let K = {};
let restores = [];
const hit = (l) => { K[l] = (K[l] || 0) + 1; };
// A hook's action runs once; an action the engine refuses (resizing a detached store, growing
// past the maximum) is counted, not thrown, since V8 and QuickJS word those refusals differently.
function once(act) {
  let done = false;
  return () => { if (!done && act) { done = true; try { act(); } catch { hit('action refused'); } } };
}
const N = (l, v, act) => { const a = once(act); return { valueOf() { hit(l); a(); return v; } }; };
const S = (l, v, act) => { const a = once(act); return { toString() { hit(l); a(); return v; } }; };
const P = (l, v, act) => { const a = once(act); return { [Symbol.toPrimitive](hint) { hit(l + ':' + hint); a(); return v; } }; };
// An object (options, a list) whose every property read is counted, through a Proxy.
function PX(l, target, act) {
  const a = once(act);
  return new Proxy(target, {
    get(t, k, r) { if (typeof k === 'string') { hit(l + '.' + k); a(); } return Reflect.get(t, k, r); },
    has(t, k) { hit(l + ' has'); return Reflect.has(t, k); },
  });
}
// An options object with counted getters.
function OG(l, obj, act) {
  const a = once(act);
  const o = {};
  for (const k of Object.keys(obj)) Object.defineProperty(o, k, { enumerable: true, get() { hit(l + '.' + k); a(); return obj[k]; } });
  return o;
}
// Own properties that lie about a view's geometry, with counted getters.
function LIE(l, view, props, act) {
  const a = once(act);
  for (const k of Object.keys(props)) {
    Object.defineProperty(view, k, { configurable: true, get() { hit(l + '.' + k); a(); return props[k]; } });
  }
  return view;
}
// A constructor whose Symbol.species runs user code.
function SPECIES(l, view, act) {
  const a = once(act);
  const Base = isTA(view) ? Object.getPrototypeOf(Object.getPrototypeOf(view)).constructor : Uint8Array;
  Object.defineProperty(view, 'constructor', { configurable: true, value: { get [Symbol.species]() { hit(l); a(); return Base; } } });
  return view;
}
// Subclasses whose prototype getters lie; registered so the renderer names them.
class LyingU8 extends Uint8Array {
  get length() { hit('LyingU8.length'); return 1000; }
  get byteLength() { hit('LyingU8.byteLength'); return 1000; }
  get byteOffset() { hit('LyingU8.byteOffset'); return 3; }
}
class PlainU8 extends Uint8Array {}
class LyingDV extends DataView {
  get byteLength() { hit('LyingDV.byteLength'); return 1000; }
  get byteOffset() { hit('LyingDV.byteOffset'); return 2; }
  get buffer() { hit('LyingDV.buffer'); return new ArrayBuffer(1000); }
}
class LyingBuf extends Buffer {}
for (const C of [LyingU8, PlainU8, LyingDV]) NAMES.set(C.prototype, C.name);
// Replaces a prototype getter for the rest of the case (restored by C) with a counted one that
// returns the truth, or `lie` when given.
function SWAP(proto, key, lie, act) {
  const a = once(act);
  const d = Object.getOwnPropertyDescriptor(proto, key);
  const name = (proto === DataView.prototype ? 'DV.' : 'TA.') + key;
  Object.defineProperty(proto, key, { configurable: true, get() { hit(name); a(); return lie === undefined ? call(d.get, this) : lie; } });
  restores.push(() => Object.defineProperty(proto, key, d));
}

// Memory makers and the actions a hook performs mid-call.
const bufOf = (v) => (isTA(v) ? call(G.taBuffer, v) : isView(v) ? call(G.dvBuffer, v) : v);
function detach(v) {
  const ab = bufOf(v);
  if (isAB(ab) && call(G.abByteLength, ab) >= 0) { try { structuredClone(ab, { transfer: [ab] }); } catch { hit('detach failed'); } }
}
function shrink(v, n) { const ab = bufOf(v); if (isAB(ab) && ab.resizable) ab.resize(n); }
function grow(v, n) { const ab = bufOf(v); if (isAB(ab) ? ab.resizable : (isSAB(ab) && ab.growable)) (isAB(ab) ? ab.resize(n) : ab.grow(n)); }
const marked = (n) => { const u = new Uint8Array(n); for (let i = 0; i < n; i++) u[i] = i % 5 === 4 ? i : MARK; return u; };
const rab = (n, max) => new ArrayBuffer(n, { maxByteLength: max });
const gsab = (n, max) => new SharedArrayBuffer(n, { maxByteLength: max });
function fillMarked(v) { const ab = bufOf(v); if (isView(v) || isAB(ab) || isSAB(ab)) { const b = bytesOf(v); if (b !== '0:' && b !== 'gone') new Uint8Array(ab, isTA(v) ? call(G.taByteOffset, v) : isView(v) ? call(G.dvByteOffset, v) : 0, +b.split(':')[0]).set(marked(+b.split(':')[0])); } return v; }
function detached(v) { detach(v); return v; }
function oob(v) { shrink(v, 1); return v; }

// The canary: fresh memory must hold nothing a case wrote (MARK runs) and zeroed memory zeros.
function canary() {
  const zeroed = [Buffer.alloc(64), new Uint8Array(64), new Uint8Array(new ArrayBuffer(64))];
  let z = 'clean';
  for (const u of zeroed) for (let i = 0; i < 64; i++) if (u[i] !== 0) z = 'DIRTY';
  const un = Buffer.allocUnsafe(40);
  let run = 0, m = 'clean';
  for (let i = 0; i < 40; i++) { run = un[i] === MARK ? run + 1 : 0; if (run >= 4) m = 'MARKED'; }
  return z + ' ' + m;
}

// Files for the fs cases: SRC holds marked bytes, OUT is what writes produce.
const SRC = TMPDIR + '/src';
const OUT = TMPDIR + '/out';
fs.writeFileSync(SRC, Buffer.from(marked(64)));
let FDR = fs.openSync(SRC, 'r');
let FDW = fs.openSync(OUT, 'w+');
function outBytes() { return bytesOf(fs.readFileSync(OUT)); }
function resetOut() { fs.closeSync(FDW); FDW = fs.openSync(OUT, 'w+'); }

const out = [];
const print = (s) => { out.push(s); if (out.length >= 256) { console.log(out.join('\n')); out.length = 0; } };

// Runs case `i`: the result or error, the bytes of every memory it registered in `h.mem`,
// the files it registered, the hook counts, and the canary.
async function C(i, f) {
  // A fresh read descriptor: reads at the current position (position null) start at 0 whatever
  // ran before, so a case run alone reads what it reads in a batch.
  fs.closeSync(FDR);
  FDR = fs.openSync(SRC, 'r');
  K = {};
  restores = [];
  const h = { mem: [], file: false };
  let line;
  try {
    let r = f(h);
    if (r instanceof Promise) r = await r;
    line = i + ' ok ' + R(r);
  } catch (e) {
    line = i + ' err ' + E(e);
  }
  for (const r of restores.reverse()) r();
  restores = [];
  print(line);
  print(i + ' mem ' + h.mem.map((m) => { try { return kind(m) + bytesOf(m); } catch (e) { return 'E ' + E(e); } }).join(' '));
  if (h.file) { print(i + ' file ' + outBytes()); resetOut(); }
  print(i + ' calls ' + Object.keys(K).sort().map((k) => k + '=' + K[k]).join(','));
  print(i + ' canary ' + canary());
  // Each case's lines are out before the next case runs, so a case that crashes node is known.
  console.log(out.join('\n'));
  out.length = 0;
}
