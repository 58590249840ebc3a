// The size sweep: the encodings (both directions), byteLength, copy, search and comparison at
// 1 KiB, 64 KiB, 1 MiB, 16 MiB and 64 MiB under any runtime (node, nodebuf, bun, deno), to show
// whether a cost grows faster with size than Node's. Prints one "<case> @ <size>\t<ns per call>"
// line per case, like bench/suite.js. Run by `node bench/report.js --suite sizes`, which
// alternates runtimes and compares medians (and prints a ratio table per size);
// `runtime bench/sizes.js [filter]` runs it alone.
//
// Each size's inputs are built before its cases run (never inside a timed loop) and dropped
// after them, so at most one size's inputs are alive. The calls per round are scaled so that a
// round handles about `BUDGET` bytes (times the case's weight): ~20-50 ms per round on node for
// most cases; the 16 and 64 MiB cases make one call per round.
'use strict';
const { bestNsPerCall } = require('./timing.js');
const { Buffer } = require('buffer');

const KIB = 1024;
const MIB = 1024 * KIB;
const SIZES = [
  [KIB, '1 KiB'],
  [64 * KIB, '64 KiB'],
  [MIB, '1 MiB'],
  [16 * MIB, '16 MiB'],
  [64 * MIB, '64 MiB'],
];
const BUDGET = 16 * MIB;
const ROUNDS = 3; // timed rounds after one warm-up round; the best is printed
const filter = (typeof process !== 'undefined' && process.argv[2]) || '';

// 64 KiB of seeded pseudo-random bytes, repeated to any size (cheap to build at 64 MiB; the
// repetition does not help any encoder).
const seed = (() => {
  const b = Buffer.alloc(64 * KIB);
  let x = 12345;
  for (let i = 0; i < b.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
})();
const bytesOf = (n) => Buffer.alloc(n, seed);
function repeatTo(pattern, n) {
  let s = pattern;
  while (s.length < n) s += s;
  return s.slice(0, n);
}
// A string of n UTF-16 units with no lone surrogate at its end.
function textOf(pattern, n) {
  const s = repeatTo(pattern, n);
  return /[\ud800-\udbff]$/.test(s) ? s.slice(0, -1) + 'x' : s;
}
const ASCII = 'The quick brown fox jumps over the lazy dog 0123456789.\n';
const LATIN1 = 'Grüße aus Köln, señor Müller: ça coûte très cher! ';
const MIXED = 'Grüße, Jürgen! Привет, мир. 你好，世界 😀 ';

// Inputs of one size, each built on first use.
function inputsOf(n) {
  const cache = {};
  const lazy = (key, make) => () => (key in cache ? cache[key] : (cache[key] = make()));
  const get = {
    random: lazy('random', () => bytesOf(n)),
    other: lazy('other', () => Buffer.from(get.random())),
    target: lazy('target', () => Buffer.alloc(n)),
    asciiBuf: lazy('asciiBuf', () => Buffer.from(get.ascii(), 'latin1')),
    mixedBuf: lazy('mixedBuf', () => Buffer.from(get.mixed(), 'utf8').subarray(0, n)),
    ascii: lazy('ascii', () => repeatTo(ASCII, n)),
    latin1: lazy('latin1', () => repeatTo(LATIN1, n)),
    mixed: lazy('mixed', () => textOf(MIXED, n)),
    utf16: lazy('utf16', () => textOf(MIXED, n >> 1)),
    b64: lazy('b64', () => get.random().toString('base64')),
    b64url: lazy('b64url', () => get.random().toString('base64url')),
    hex: lazy('hex', () => get.random().toString('hex')),
  };
  return get;
}

// [name, weight, make(inputs) -> fn]: a case handles about n bytes per call; `weight` scales
// the calls per round for cases much cheaper (or dearer) per byte than the rest.
const cases = [
  ['toString utf8 ascii', 1, (i) => { const b = i.asciiBuf(); return () => b.toString('utf8'); }],
  ['toString utf8 mixed', 0.25, (i) => { const b = i.mixedBuf(); return () => b.toString('utf8'); }],
  ['toString latin1', 1, (i) => { const b = i.random(); return () => b.toString('latin1'); }],
  ['toString ascii', 1, (i) => { const b = i.random(); return () => b.toString('ascii'); }],
  ['toString utf16le', 1, (i) => { const b = i.random(); return () => b.toString('utf16le'); }],
  ['toString base64', 1, (i) => { const b = i.random(); return () => b.toString('base64'); }],
  ['toString base64url', 1, (i) => { const b = i.random(); return () => b.toString('base64url'); }],
  ['toString hex', 0.5, (i) => { const b = i.random(); return () => b.toString('hex'); }],
  ['from utf8 ascii', 1, (i) => { const s = i.ascii(); return () => Buffer.from(s, 'utf8'); }],
  ['from utf8 mixed', 0.5, (i) => { const s = i.mixed(); return () => Buffer.from(s, 'utf8'); }],
  ['from latin1', 1, (i) => { const s = i.latin1(); return () => Buffer.from(s, 'latin1'); }],
  ['from ascii', 1, (i) => { const s = i.ascii(); return () => Buffer.from(s, 'ascii'); }],
  ['from utf16le', 1, (i) => { const s = i.utf16(); return () => Buffer.from(s, 'utf16le'); }],
  ['from base64', 1, (i) => { const s = i.b64(); return () => Buffer.from(s, 'base64'); }],
  ['from base64url', 1, (i) => { const s = i.b64url(); return () => Buffer.from(s, 'base64url'); }],
  ['from hex', 0.5, (i) => { const s = i.hex(); return () => Buffer.from(s, 'hex'); }],
  ['byteLength utf8 mixed', 2, (i) => { const s = i.mixed(); return () => Buffer.byteLength(s, 'utf8'); }],
  ['byteLength utf8 latin1', 4, (i) => { const s = i.latin1(); return () => Buffer.byteLength(s, 'utf8'); }],
  ['copy', 4, (i) => { const b = i.random(), t = i.target(); return () => b.copy(t); }],
  ['indexOf(string)', 4, (i) => { const b = i.asciiBuf(); return () => b.indexOf('lazy cat'); }],
  ['lastIndexOf(string)', 4, (i) => { const b = i.asciiBuf(); return () => b.lastIndexOf('quick cat'); }],
  ['equals', 4, (i) => { const b = i.random(), o = i.other(); return () => b.equals(o); }],
  ['compare', 4, (i) => { const b = i.random(), o = i.other(); return () => b.compare(o); }],
];

for (const [n, label] of SIZES) {
  const todo = cases.filter(([name]) => `${name} @ ${label}`.includes(filter));
  if (todo.length === 0) continue;
  const inputs = inputsOf(n);
  for (const [name, weight, make] of todo) {
    const fn = make(inputs);
    const calls = Math.max(1, Math.round((BUDGET * weight) / n));
    console.log(`${name} @ ${label}\t${bestNsPerCall(fn, calls, ROUNDS).toFixed(1)}`);
  }
}
