// Buffer.alloc vs Buffer.allocUnsafe vs Buffer.allocUnsafeSlow.
//
// - alloc(n) returns n zero bytes in memory of its own (never pooled). alloc(n, fill) fills.
// - allocUnsafe(n) may return memory that still holds old data (in Node), pooled when small:
//   always overwrite it completely before reading it.
// - allocUnsafeSlow(n) is allocUnsafe without the pool.
'use strict';

const safe = Buffer.alloc(8);
console.log('alloc(8):', safe, 'all zero:', safe.every((b) => b === 0));
console.log('alloc(6, "ab"):', Buffer.alloc(6, 'ab').toString());
console.log('alloc(4, 0x41):', Buffer.alloc(4, 0x41).toString());
console.log('alloc(4, "aGk=", "base64"):', Buffer.alloc(4, 'aGk=', 'base64').toString());

// The safe pattern with allocUnsafe: fill every byte before use.
const unsafe = Buffer.allocUnsafe(8);
unsafe.fill(0);
console.log('allocUnsafe(8) after fill(0):', unsafe);

// Only lengths and pooling are observable without reading the (possibly stale) contents.
console.log('allocUnsafe(8) pooled:', Buffer.allocUnsafe(8).buffer.byteLength === Buffer.poolSize);
console.log('allocUnsafeSlow(8) pooled:', Buffer.allocUnsafeSlow(8).buffer.byteLength === Buffer.poolSize);

// Sizes are validated the same way for all three.
for (const size of [-1, 2 ** 32 + 1, '8']) {
  try {
    Buffer.alloc(size);
  } catch (err) {
    console.log(`alloc(${JSON.stringify(size)}) ->`, err.code, err.message);
  }
}

// new Buffer(n) / Buffer(n) are deprecated (DEP0005): use alloc / allocUnsafe / from.
