// toString('ascii') of non-ASCII bytes (masked straight into the engine string) and
// Buffer.from(string, latin1/ascii/utf16le) past the pool (written once into a fresh store):
// seeded bytes and strings of both widths at sizes around the pool threshold, printed whole
// through a digest and by samples.
'use strict';
const crypto = require('crypto');
let x = 0x2545f491;
const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
const digest = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);
const sizes = [0, 1, 7, 64, 4095, 4096, 5000, 65537];

for (const n of sizes) {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = next() & 0xff;
  for (const enc of ['ascii', 'ASCII', 'latin1', undefined]) {
    const s = enc === undefined ? b.toString() : b.toString(enc);
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum = (sum * 31 + s.charCodeAt(i)) >>> 0;
    console.log('toString', enc, n, s.length, sum, JSON.stringify(s.slice(0, 6)));
  }
}

// Dirty released memory first, so a store handed out unwritten would show old bytes.
for (let i = 0; i < 8; i++) Buffer.alloc(1 << 17, 0xa5);
for (const n of sizes) {
  let narrow = '';
  let wide = '';
  for (let i = 0; i < n; i++) {
    narrow += String.fromCharCode(next() & 0xff);
    wide += String.fromCharCode(next() & 0xffff);
  }
  for (const enc of ['latin1', 'binary', 'ascii', 'utf16le', 'ucs2']) {
    for (const [name, s] of [['narrow', narrow], ['wide', wide]]) {
      const b = Buffer.from(s, enc);
      console.log('from', enc, name, n, b.length, b.buffer.byteLength >= b.length, digest(b),
        b.subarray(0, 4).toString('hex'));
    }
  }
}
