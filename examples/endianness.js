// Endianness: the same bytes read as different numbers, with Buffer methods and with DataView.
//
// Buffer's readUInt32LE/BE name the byte order explicitly. DataView defaults to big-endian and
// takes `littleEndian` as its last argument. Typed arrays (Uint32Array, ...) use the machine's
// order, which is little-endian on x86 and ARM: never use them for wire formats.
'use strict';

const buf = Buffer.from([0x12, 0x34, 0x56, 0x78]);
console.log('bytes:', buf);
console.log('readUInt32BE:', buf.readUInt32BE(0).toString(16));
console.log('readUInt32LE:', buf.readUInt32LE(0).toString(16));
console.log('readUInt16BE at 1:', buf.readUInt16BE(1).toString(16));

// A DataView over the same memory (byteOffset matters for pooled Buffers!).
const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
console.log('DataView getUint32 (BE default):', dv.getUint32(0).toString(16));
console.log('DataView getUint32 LE:', dv.getUint32(0, true).toString(16));

// Writing with one order and reading with the other swaps the bytes.
const out = Buffer.alloc(8);
out.writeUInt32LE(0xdeadbeef, 0);
out.writeUInt32BE(0xdeadbeef, 4);
console.log('LE then BE:', out);
console.log('swap32 turns LE into BE:', Buffer.from(out.subarray(0, 4)).swap32());

// Floats too: 1.5 as a big-endian double.
const d = Buffer.alloc(8);
d.writeDoubleBE(1.5);
console.log('1.5 as double BE:', d, 'read back LE:', d.readDoubleLE(0));

// Signed values: the top bit decides.
const s = Buffer.from([0xff, 0xfe]);
console.log('readInt16BE:', s.readInt16BE(0), 'readUInt16BE:', s.readUInt16BE(0));
console.log('64-bit:', Buffer.from([0, 0, 0, 0, 0, 0, 1, 0]).readBigUInt64BE(0));
