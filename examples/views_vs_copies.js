// Views vs copies: which Buffer operations share memory with the original and which copy it.
//
// A Buffer is a Uint8Array: a window (byteOffset, length) onto an ArrayBuffer. Operations that
// make a new window onto the same ArrayBuffer are *views*: writes through one are seen through
// the other. Operations that allocate new memory are *copies*: they are independent afterwards.
'use strict';

const original = Buffer.from('hello world');

// buf.slice() and buf.subarray() are views (unlike Array.prototype.slice, which copies!).
const view = original.subarray(0, 5);
const sliced = original.slice(6);
view[0] = 0x48; // 'H'
sliced[0] = 0x57; // 'W'
console.log('after writing through views:', original.toString()); // Hello World
console.log('view shares memory:', view.buffer === original.buffer);

// Buffer.from(buffer) and Uint8Array.prototype.slice copy.
const copy = Buffer.from(original);
const typedCopy = Uint8Array.prototype.slice.call(original, 0, 5);
copy[0] = 0x4a; // 'J'
typedCopy[0] = 0x4a;
console.log('after writing copies:', original.toString(), '|', copy.toString());
console.log('slice via Uint8Array.prototype is still a Buffer:', Buffer.isBuffer(typedCopy));

// Buffer.from(arrayBuffer, offset, length) is a view of that ArrayBuffer.
const ab = new ArrayBuffer(8);
const overAb = Buffer.from(ab, 2, 4);
new Uint8Array(ab)[2] = 0xff;
console.log('view over an ArrayBuffer:', overAb, 'byteOffset', overAb.byteOffset);

// A view keeps the whole ArrayBuffer alive, not only the bytes it shows: its .buffer is the
// full backing store. That is why keeping a tiny slice of a huge Buffer retains all of it
// (see memory_retention.js).
const big = Buffer.alloc(64 * 1024);
const tiny = big.subarray(10, 12);
console.log('tiny view length', tiny.length, 'retains', tiny.buffer.byteLength, 'bytes');

// To keep only the bytes you need, copy them.
const detached = Buffer.from(tiny);
console.log('copy retains', detached.buffer === big.buffer ? 'the big store' : 'only a pool slot');
