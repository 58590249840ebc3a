'use strict';
// The fixed head of every generated program (see gen.rs): live buffers and views, and the
// renderers that print every result or error as one deterministic line. Rendering never calls
// Buffer methods, so a bug in one cannot hide in the output.
const util = require('util');
const bufmod = require('buffer');
const { Buffer, SlowBuffer, transcode, isUtf8, isAscii } = bufmod;

function HX(v) {
  const n = v.length;
  let s = '';
  const shown = n > 256 ? 128 : n;
  for (let i = 0; i < shown; i++) s += (v[i] < 16 ? '0' : '') + v[i].toString(16);
  if (shown < n) {
    let h = 2166136261;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ v[i], 16777619) >>> 0;
    s += '..#' + h.toString(16);
  }
  return s;
}

function CN(v) {
  try {
    const c = v.constructor;
    return typeof c === 'function' ? c.name : typeof c;
  } catch (e) {
    return '?';
  }
}

// Numbers: integers as they print; others as the shortest toPrecision that reads back, since
// QuickJS's Number#toString is not always the shortest round-trip text V8 prints
// (7.174648137343064e-43 prints as 7.1746481373430634e-43: same double, longer text).
function NUM(v) {
  if (Object.is(v, -0)) return '-0';
  if (!Number.isFinite(v) || (Number.isInteger(v) && Math.abs(v) < 1e21)) return String(v);
  for (let p = 1; p < 17; p++) {
    const s = v.toPrecision(p);
    if (Number(s) === v) return s;
  }
  return v.toPrecision(17);
}

function R(v, d = 0) {
  switch (typeof v) {
    case 'number': return NUM(v);
    case 'bigint': return v + 'n';
    case 'string': return JSON.stringify(v);
    case 'undefined': case 'boolean': return String(v);
    case 'symbol': return v.toString();
    case 'function': return 'fn ' + JSON.stringify(v.name) + '/' + v.length;
  }
  if (v === null) return 'null';
  if (d > 3) return '…';
  if (v instanceof Uint8Array) {
    return CN(v) + (Buffer.isBuffer(v) ? '!' : '') + '(' + v.length + '@' + v.byteOffset + '/' +
      v.buffer.byteLength + ')' + HX(v);
  }
  if (v instanceof DataView) {
    return 'DataView(' + v.byteLength + '@' + v.byteOffset + ')' +
      HX(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  if (ArrayBuffer.isView(v)) {
    return CN(v) + '(' + v.length + '@' + v.byteOffset + ')[' +
      Array.prototype.map.call(v, (x) => R(x)).join(',') + ']';
  }
  if (v instanceof ArrayBuffer) return 'ArrayBuffer(' + v.byteLength + ')';
  if (v instanceof SharedArrayBuffer) return 'SharedArrayBuffer(' + v.byteLength + ')';
  if (Array.isArray(v)) return '[' + v.map((x) => R(x, d + 1)).join(',') + ']';
  if (v instanceof Error) return 'Error ' + E(v);
  return CN(v) + '{' + Object.keys(v).map((k) => k + ':' + R(v[k], d + 1)).join(',') + '}';
}

function E(e) {
  if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return 'thrown ' + R(e);
  let s;
  try { s = String(e); } catch (x) { s = '<String threw>'; }
  return CN(e) + '|' + e.name + '|' + e.code + '|' + JSON.stringify(e.message) + '|' +
    JSON.stringify(s) + '|' + Object.keys(e).join(',');
}

// Slots hold live Buffers (and the odd Uint8Array); ops may replace them with new results.
const ab = new ArrayBuffer(64);
const u8ab = new Uint8Array(ab);
const u16 = new Uint16Array(ab, 0, 16);
const f64 = new Float64Array(ab, 8, 4);
const dv = new DataView(ab, 4, 40);
const sab = new SharedArrayBuffer(32);
const u8sab = new Uint8Array(sab);
const i32s = new Int32Array(sab);
for (let i = 0; i < 64; i++) u8ab[i] = (i * 37 + 11) & 255;
for (let i = 0; i < 32; i++) u8sab[i] = (i * 13 + 200) & 255;
const B = [
  Buffer.from('hello world, nodebuf!'),
  Buffer.alloc(16, 'ab'),
  null,
  Buffer.from(ab, 8, 24),
  Buffer.from(sab),
  Buffer.from([1, 2, 3, 250, 255, 0, 128, 65]),
  Buffer.alloc(0),
  null,
];
B[2] = B[0].subarray(3, 12);
B[7] = B[3].slice(-8);

// Zero an unsafe allocation's bytes without Buffer code (their old contents are unspecified).
function Z(b) {
  if (b instanceof Uint8Array) Uint8Array.prototype.fill.call(b, 0);
  return b;
}

function T(i, f, slot) {
  let line;
  try {
    const v = f();
    line = 'ok ' + R(v);
    // Slots keep Buffers only: calling a Buffer method on a plain Uint8Array is a
    // "not a function" TypeError whose V8 text names the callee (QuickJS's does not).
    if (slot !== undefined && Buffer.isBuffer(v) && v.length <= 8192) B[slot] = v;
  } catch (e) {
    try { line = 'err ' + E(e); } catch (x) { line = 'err <unrenderable>'; }
  }
  // Where the pool stands after the operation: a 1-byte pooled allocation's offset pins down
  // the operation that moved the pool differently (it moves both runtimes' pools alike).
  let at;
  try { at = Buffer.allocUnsafe(1).byteOffset; } catch (e) { at = 'err'; }
  console.log(i + ' ' + line + ' @' + at);
}

function D(i) {
  const parts = B.map((b, k) => k + ':' + (b === null ? 'null' : R(b)));
  parts.push('ab:' + HX(u8ab), 'sab:' + HX(u8sab), 'pool:' + Buffer.poolSize);
  console.log(i + ' dump ' + parts.join(' '));
}
