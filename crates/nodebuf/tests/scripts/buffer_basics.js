// The Buffer class shape, statics and module exports.
const buffer = require('buffer');
const { Buffer } = buffer;
console.log(Object.getPrototypeOf(Buffer) === Uint8Array, Buffer.name, Buffer.length);
console.log(Buffer.prototype.constructor === Buffer, Buffer[Symbol.species].name);
console.log(Object.keys(buffer).sort().join());
console.log(buffer.kMaxLength, buffer.kStringMaxLength, buffer.constants, buffer.INSPECT_MAX_BYTES);
console.log(require('node:buffer').Buffer === Buffer, globalThis.Buffer === Buffer);
for (const name of ['from', 'alloc', 'allocUnsafe', 'allocUnsafeSlow', 'of', 'concat', 'byteLength', 'compare', 'isBuffer', 'isEncoding', 'copyBytesFrom']) {
  console.log(name, typeof Buffer[name], Buffer[name].length);
}
const p = Buffer.prototype;
console.log(p.readUint8 === p.readUInt8, p.writeUint32LE === p.writeUInt32LE, p.readBigUint64LE === p.readBigUInt64LE);
console.log(p.toLocaleString === p.toString, typeof p[Symbol.for('nodejs.util.inspect.custom')]);
for (const name of ['readUInt8', 'readUIntLE', 'writeUInt8', 'writeIntBE', 'toString', 'write', 'fill', 'indexOf', 'copy', 'compare', 'slice', 'subarray', 'equals', 'toJSON', 'swap16', 'latin1Slice', 'hexWrite']) {
  console.log(name, p[name].length);
}
const b = Buffer.from('hello');
console.log(b instanceof Buffer, b instanceof Uint8Array, Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(2)));
console.log(b.parent === b.buffer, b.offset === b.byteOffset, [...b.keys()].join(), [...b]);
console.log(Uint8Array.prototype.slice.call(b, 1, 3), b.map((x) => x + 1), b.filter((x) => x > 104));
console.log(Buffer.isEncoding('UTF-8'), Buffer.isEncoding('binary'), Buffer.isEncoding(''), Buffer.isEncoding(null));
console.log(Buffer.byteLength('héllo'), Buffer.byteLength('aGk=', 'base64'), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(9)));
console.log(String(b), JSON.stringify(b), b.toJSON());
console.log(Buffer.of(1, 2, 300, -1, 1.5, '7'), Buffer.from({ type: 'Buffer', data: [1, 2] }), Buffer.from({ length: 2, 0: 9 }));
console.log(Buffer.from(new String('abc')), Buffer.from({ valueOf() { return 'xy'; } }), Buffer.from({ [Symbol.toPrimitive]() { return 'pq'; } }));
console.log(Buffer.from(new Uint16Array([1, 256, 513])), Buffer.from(new Float64Array([1.9, -1, 300])), Buffer.from([257, -1, 'x', '3']));
console.log(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1), Buffer.copyBytesFrom(new Uint8Array([5, 6, 7]), 1));
const ab = new ArrayBuffer(10);
const v = Buffer.from(ab, 2, 4);
console.log(v.byteOffset, v.length, v.buffer === ab, Buffer.from(ab, 8).length, Buffer.from(ab, '3', '2').byteOffset);
console.log(Buffer.concat([Buffer.from('ab'), new Uint8Array([99])]), Buffer.concat([Buffer.from('abc')], 2), Buffer.concat([Buffer.from('a')], 3), Buffer.concat([]));
console.log(Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')), Buffer.compare(Buffer.from('a'), Buffer.from('a')));
console.log(buffer.atob('aGk='), buffer.btoa('hi'), buffer.isUtf8(Buffer.from([0xc3, 0xa9])), buffer.isAscii(Buffer.from('é')));
console.log(buffer.transcode(Buffer.from('héllo'), 'utf8', 'latin1'), buffer.transcode(Buffer.from('hé'), 'utf8', 'ucs2'));
console.log(new buffer.SlowBuffer(3).length, Buffer.allocUnsafeSlow(5).length);
