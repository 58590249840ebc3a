// The Buffer pool: small unsafe allocations are carved out of a shared 8 KiB ArrayBuffer.
//
// Node pre-allocates Buffer.poolSize (8192) bytes and hands out slices of it for small
// Buffer.allocUnsafe() calls (and for Buffer.from(string/array/buffer), Buffer.concat, ...):
// requests smaller than poolSize >>> 1 (4096 bytes) are pooled. After each pooled allocation the
// pool offset is rounded up to a multiple of 8. Startup code has already taken the first 8 bytes.
'use strict';

const a = Buffer.allocUnsafe(1);
const b = Buffer.allocUnsafe(3);
const c = Buffer.allocUnsafe(8);
const d = Buffer.from('abc');
const e = Buffer.from([1, 2, 3]);
for (const [name, buf] of Object.entries({ a, b, c, d, e })) {
  console.log(`${name}: length ${buf.length}, byteOffset ${buf.byteOffset}, ` +
    `backing ${buf.buffer.byteLength} bytes`);
}
console.log('all share one ArrayBuffer:', [b, c, d, e].every((x) => x.buffer === a.buffer));

// Buffer.alloc() is never pooled: it gets zeroed memory of its own.
const zeroed = Buffer.alloc(1);
console.log('alloc(1): byteOffset', zeroed.byteOffset, 'backing', zeroed.buffer.byteLength);

// Requests of poolSize >>> 1 bytes or more get their own ArrayBuffer.
console.log('allocUnsafe(4095) pooled:', Buffer.allocUnsafe(4095).buffer.byteLength === 8192);
console.log('allocUnsafe(4096) pooled:', Buffer.allocUnsafe(4096).buffer.byteLength === 8192);

// When a request does not fit in what is left, a fresh pool is made and the tail is abandoned.
const first = Buffer.allocUnsafe(3000);
const second = Buffer.allocUnsafe(3000);
console.log('3000 + 3000 bytes in the same pool:', first.buffer === second.buffer,
  'offsets', first.byteOffset, second.byteOffset);

// Buffer.poolSize is writable and read at every allocation: 0 turns pooling off.
const saved = Buffer.poolSize;
Buffer.poolSize = 0;
console.log('poolSize 0 -> allocUnsafe(1) backing', Buffer.allocUnsafe(1).buffer.byteLength);
Buffer.poolSize = saved;

// Consequence: never hand a pooled Buffer's .buffer to code that reads the whole ArrayBuffer.
const secret = Buffer.from('secret');
const neighbour = Buffer.from('public');
console.log('neighbour.buffer also contains:',
  Buffer.from(neighbour.buffer, secret.byteOffset, secret.length).toString());
