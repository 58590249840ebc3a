// Engine allocations of 4 MiB and more (patch 0030 advises glibc's fresh mappings to use huge
// pages): long strings made whole (repeat, toString of a large Buffer), grown step by step
// (concatenation, join, JSON.stringify: the engine reallocates its string buffer), large
// arrays grown by push, and an ArrayBuffer the engine allocates; every result is checked by
// its length and a digest, and freed before the next.
'use strict';
const crypto = require('crypto');
const digest = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);
const MIB = 1 << 20;

const a = 'abcdefghij'.repeat(MIB);
console.log('repeat', a.length, digest(a), a.slice(-3));
const wide = '\u0101\u4e00'.repeat(3 * MIB);
console.log('repeat wide', wide.length, digest(wide), wide.charCodeAt(wide.length - 1));

const parts = [];
for (let i = 0; i < 600000; i++) parts.push(`item ${i};`);
const joined = parts.join('');
console.log('join', joined.length, digest(joined));
let built = '';
for (let i = 0; i < 300; i++) built += String.fromCharCode(65 + (i % 26)).repeat(20000);
console.log('concat', built.length, digest(built));
const json = JSON.stringify(parts);
console.log('json', json.length, digest(json));

const big = [];
for (let i = 0; i < 1.2 * MIB; i++) big.push(i * 3);
let sum = 0;
for (let i = 0; i < big.length; i += 997) sum += big[i];
console.log('array', big.length, sum, big[big.length - 1]);

const ab = new ArrayBuffer(6 * MIB);
const u = new Uint8Array(ab);
console.log('arraybuffer', ab.byteLength, u[0], u[u.length - 1], u.every((x) => x === 0));
u.fill(7, MIB);
console.log('filled', u[MIB - 1], u[MIB], u[u.length - 1]);

const buf = Buffer.alloc(5 * MIB + 1, 'Zz');
for (const enc of ['latin1', 'hex', 'base64', 'utf16le', 'utf8']) {
  const s = buf.toString(enc);
  console.log('toString', enc, s.length, digest(s));
}
