// The JS-facing benchmark suite: the same Buffer work under any runtime (node, nodebuf, bun,
// deno). Prints one "<case>\t<ns per call>" line per case. Run by bench/report.js, which
// alternates runtimes and compares medians; `runtime bench/suite.js [filter]` runs it alone.
'use strict';
const { Buffer } = require('buffer');
const { bestNsPerCall } = require('./timing.js');

const KIB = 1024;
const MIB = 1024 * KIB;
const filter = (typeof process !== 'undefined' && process.argv[2]) || '';

function randomBytes(n) {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}
function repeatTo(pattern, n) {
  let s = pattern;
  while (s.length < n) s += s;
  return s.slice(0, n);
}

const random = randomBytes(MIB);
const latin1Text = repeatTo('Grüße aus Köln, señor Müller: ça coûte très cher! ', MIB);
let mixedText = repeatTo('Grüße, Jürgen! Привет, мир. 你好，世界 😀 ', MIB);
if (/[\ud800-\udbff]$/.test(mixedText)) mixedText = mixedText.slice(0, -1);
const asciiText = repeatTo('The quick brown fox jumps over the lazy dog 0123456789.\n', MIB);
const b64 = random.toString('base64');
const hex = random.toString('hex');
const kib1 = randomBytes(KIB);
const list = Array.from({ length: 1000 }, () => kib1);
const small = randomBytes(64 * KIB);
const haystack = Buffer.from(asciiText);
const other = Buffer.from(random);
const target = Buffer.alloc(MIB);
const b16 = randomBytes(16);
const dv = new DataView(b16.buffer, b16.byteOffset, 16);
const array16 = Array.from({ length: 16 }, (_, i) => i);

// [name, calls per round, fn]
const cases = [
  ['alloc(100)', 10000, () => Buffer.alloc(100)],
  ['allocUnsafe(100)', 10000, () => Buffer.allocUnsafe(100)],
  ['alloc(10 KiB)', 10000, () => Buffer.alloc(10 * KIB)],
  ['allocUnsafe(10 KiB)', 10000, () => Buffer.allocUnsafe(10 * KIB)],
  ['alloc(64 KiB)', 3000, () => Buffer.alloc(64 * KIB)],
  ['allocUnsafe(64 KiB)', 3000, () => Buffer.allocUnsafe(64 * KIB)],
  ['alloc(1 MiB)', 300, () => Buffer.alloc(MIB)],
  ['allocUnsafe(1 MiB)', 300, () => Buffer.allocUnsafe(MIB)],
  ['alloc(16 MiB)', 30, () => Buffer.alloc(16 * MIB)],
  ['allocUnsafe(16 MiB)', 30, () => Buffer.allocUnsafe(16 * MIB)],
  ['alloc(64 MiB)', 10, () => Buffer.alloc(64 * MIB)],
  ['allocUnsafe(64 MiB)', 10, () => Buffer.allocUnsafe(64 * MIB)],
  // the whole cost of a large buffer as it is meant to be used: allocate, then write every byte
  ['allocUnsafe(1 MiB) + fill', 300, () => Buffer.allocUnsafe(MIB).fill(1)],
  ['allocUnsafe(16 MiB) + fill', 30, () => Buffer.allocUnsafe(16 * MIB).fill(1)],
  ['allocUnsafe(64 MiB) + fill', 10, () => Buffer.allocUnsafe(64 * MIB).fill(1)],
  ['from(1 MiB buffer)', 300, () => Buffer.from(random)],
  ['from(array of 16)', 10000, () => Buffer.from(array16)],
  ['subarray', 10000, () => random.subarray(10, 100)],
  ['toString utf8 ascii 1 MiB', 50, () => haystack.toString('utf8')],
  ['toString latin1 1 MiB', 50, () => random.toString('latin1')],
  ['toString ascii 1 MiB', 50, () => random.toString('ascii')],
  ['toString utf16le 1 MiB', 50, () => random.toString('utf16le')],
  ['toString base64 1 MiB', 50, () => random.toString('base64')],
  ['toString hex 1 MiB', 50, () => random.toString('hex')],
  ['from latin1 1 MiB', 50, () => Buffer.from(latin1Text, 'latin1')],
  ['from utf8 latin1-text 1 MiB', 50, () => Buffer.from(latin1Text, 'utf8')],
  ['from utf8 mixed 1 MiB', 50, () => Buffer.from(mixedText, 'utf8')],
  ['from utf16le 1 MiB', 50, () => Buffer.from(mixedText, 'utf16le')],
  ['from base64 1 MiB', 50, () => Buffer.from(b64, 'base64')],
  ['from hex 1 MiB', 50, () => Buffer.from(hex, 'hex')],
  ['byteLength utf8 mixed 1 MiB', 50, () => Buffer.byteLength(mixedText, 'utf8')],
  ['byteLength utf8 latin1 1 MiB', 50, () => Buffer.byteLength(latin1Text, 'utf8')],
  ['indexOf(string) 1 MiB', 100, () => haystack.indexOf('lazy cat')],
  ['lastIndexOf(string) 1 MiB', 100, () => haystack.lastIndexOf('quick cat')],
  ['equals 1 MiB', 300, () => random.equals(other)],
  ['compare 1 MiB', 300, () => random.compare(other)],
  ['copy 1 MiB', 300, () => random.copy(target)],
  ['fill 1 MiB', 300, () => target.fill(0x41)],
  ['swap32 1 MiB', 100, () => target.swap32()],
  ['concat 1000 x 1 KiB', 100, () => Buffer.concat(list)],
  ['toJSON 64 KiB', 20, () => small.toJSON()],
  ['readUInt32LE', 100000, () => b16.readUInt32LE(4)],
  ['(DataView.getUint32)', 100000, () => dv.getUint32(4, true)],
  ['writeUInt32BE', 100000, () => b16.writeUInt32BE(0x12345678, 4)],
  ['readDoubleLE', 100000, () => b16.readDoubleLE(8)],
];

for (const [name, calls, fn] of cases) {
  if (filter && !name.includes(filter)) continue;
  console.log(`${name}\t${bestNsPerCall(fn, calls, 5).toFixed(1)}`);
}
