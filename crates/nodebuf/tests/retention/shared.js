'use strict';
// Views of one SharedArrayBuffer: a Uint8Array of bytes 0-15 and an Int32Array of bytes 8-23
// overlap partially; a DataView inside the Uint8Array's range is nested.
const sab = new SharedArrayBuffer(32);
const bytes = new Uint8Array(sab, 0, 16);
const words = new Int32Array(sab, 8, 4);
const inner = new DataView(sab, 4, 4);
words[0] = -1;
console.log(bytes[8], bytes[11], inner.getInt32(0), sab.byteLength);
