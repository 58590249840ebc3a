// Numeric reads and writes, fast paths and their fallbacks.
const b = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0x80, 0, 0x7f]);
const reads = ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE', 'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE', 'readBigUInt64LE', 'readBigInt64BE'];
for (const name of reads) {
  const out = [];
  for (const off of [0, 1, 3, 4, 8, 10, 11, 12, -1, 1.5, '1', undefined, NaN, null]) {
    try { out.push(String(b[name](off))); } catch (e) { out.push(e.code || e.name); }
  }
  console.log(name, out.join(' '));
}
for (const name of ['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE']) {
  const out = [];
  for (const [off, len] of [[0, 1], [0, 6], [6, 6], [7, 6], [0, 0], [0, 7], [undefined, 2], [0, '2']]) {
    try { out.push(String(b[name](off, len))); } catch (e) { out.push(e.code || e.name); }
  }
  console.log(name, out.join(' '));
}
const writes = [['writeUInt8', [0, 255, 256, -1, 1.7, '7', NaN]], ['writeInt8', [-128, 127, 128]], ['writeUInt16LE', [65535, 65536]], ['writeUInt16BE', [258]], ['writeInt16BE', [-2]], ['writeUInt32LE', [0xdeadbeef, 2 ** 32, -1, 4.9]], ['writeUInt32BE', [0xdeadbeef]], ['writeInt32LE', [-1, 2 ** 31]], ['writeInt32BE', [-2]], ['writeFloatLE', [1.5, NaN, 1e40]], ['writeFloatBE', [-0]], ['writeDoubleLE', [Math.PI]], ['writeDoubleBE', [-1e-300]], ['writeBigUInt64LE', [2n ** 64n - 1n, -1n, 5]], ['writeBigInt64BE', [-(2n ** 63n), 2n ** 63n]]];
for (const [name, values] of writes) {
  const out = [];
  for (const v of values) {
    for (const off of [0, 5, 9]) {
      const w = Buffer.alloc(12);
      try { out.push(`${w[name](v, off)}:${w.toString('hex')}`); } catch (e) { out.push(e.code || e.name); }
    }
  }
  console.log(name, out.join(' '));
}
const w = Buffer.alloc(8);
console.log(w.writeUIntLE(0x123456, 1, 3), w.writeIntBE(-5, 4, 3), w, w.writeUInt32LE(1), w.writeUInt8(2), w);
try { w.writeUInt32LE(1, 5); } catch (e) { console.log(String(e)); }
try { w.readUInt32LE(5); } catch (e) { console.log(String(e)); }
try { w.writeUInt8(300); } catch (e) { console.log(String(e)); }
try { w.readUInt8('0'); } catch (e) { console.log(String(e)); }
try { w.writeBigInt64LE(5); } catch (e) { console.log(String(e)); }
console.log(Object.is(Buffer.from([0, 0, 0, 0x80]).readFloatLE(0), -0), Object.is(Buffer.from([0x80, 0, 0, 0, 0, 0, 0, 0]).readDoubleBE(0), -0));
