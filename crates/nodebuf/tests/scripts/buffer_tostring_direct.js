// toString(enc) written straight into the new engine string (hex, base64, base64url, utf16le,
// ascii, latin1; utf8 of ASCII): seeded bytes of every kind (random, ASCII-only, and for
// utf16le pairs whose high byte is zero, so the result is narrow), at sizes around the SIMD
// block sizes and past 4 MiB, from offsets 0 and 1 of a larger Buffer, under spellings of the
// names; each result printed through a digest of its units, its length and a sample, and
// round-tripped through Buffer.from.
'use strict';
const crypto = require('crypto');
let x = 0x1234567;
const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
const digest = (s) => crypto.createHash('sha256').update(s, 'utf16le').digest('hex').slice(0, 16);
const sizes = [0, 1, 2, 3, 31, 32, 33, 47, 48, 64, 65, 95, 96, 97, 1023, 4096, 65537, (5 << 20) + 3];
const names = ['hex', 'HEX', 'base64', 'Base64', 'base64url', 'utf16le', 'ucs2', 'UCS-2',
  'utf-16le', 'ascii', 'latin1', 'binary', 'utf8', undefined];

for (const n of sizes) {
  for (const kind of ['random', 'ascii', 'narrow16']) {
    // up to 64 KiB of seeded bytes (an even length keeps narrow16's zero high bytes in
    // place), repeated to the size
    const block = Buffer.alloc(Math.min(n + 1, 65538));
    for (let i = 0; i < block.length; i++) {
      const r = next() & 0xff;
      block[i] = kind === 'random' ? r : kind === 'ascii' ? r & 0x7f : i % 2 ? 0 : r;
    }
    const big = block.length === n + 1 ? block : Buffer.alloc(n + 1, block);
    for (const off of [0, 1]) {
      const b = big.subarray(off, off + n);
      for (const enc of names) {
        // the biggest size: the direct encodings only (every name above is checked below it)
        if (n > 65537 && enc !== undefined && enc !== enc.toLowerCase()) continue;
        const s = enc === undefined ? b.toString() : b.toString(enc);
        const back = enc === undefined ? Buffer.from(s) : Buffer.from(s, enc);
        console.log(n, kind, off, enc, s.length, digest(s), JSON.stringify(s.slice(0, 4)),
          JSON.stringify(s.slice(-3)), back.length, back.equals(b.subarray(0, back.length)));
      }
    }
  }
}
// The declared path still decides explicit ranges and non-string encodings.
const b = Buffer.from('00ff10ab7f80', 'hex');
console.log(b.toString('hex', 1), b.toString('base64', 0, 4), b.toString('utf16le', 1, 5));
console.log(b.toString({ toString: () => 'hex' }));
try {
  b.toString('nope');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
