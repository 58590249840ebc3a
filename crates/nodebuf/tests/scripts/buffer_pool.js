// Pool offsets and sharing, exactly as Node.
const a = Buffer.allocUnsafe(1);
const b = Buffer.allocUnsafe(1);
console.log(a.buffer === b.buffer, a.byteOffset, b.byteOffset, a.buffer.byteLength);
const offsets = [Buffer.allocUnsafe(3), Buffer.allocUnsafe(8), Buffer.from('abc'), Buffer.from([1, 2, 3]), Buffer.concat([a, b]), Buffer.from(a), Buffer.copyBytesFrom(new Uint8Array(5))].map((x) => x.byteOffset);
console.log(offsets.join());
console.log(Buffer.alloc(1).byteOffset, Buffer.alloc(1).buffer.byteLength, Buffer.allocUnsafeSlow(1).buffer.byteLength, Buffer.of(1).buffer.byteLength);
console.log(Buffer.allocUnsafe(4095).buffer.byteLength, Buffer.allocUnsafe(4096).buffer.byteLength);
const x = Buffer.allocUnsafe(3000);
const y = Buffer.allocUnsafe(3000);
console.log(x.buffer === y.buffer, x.byteOffset, y.byteOffset);
console.log(Buffer.from('x'.repeat(1000)).byteOffset, Buffer.from('é'.repeat(1100)).buffer.byteLength);
Buffer.poolSize = 0;
console.log(Buffer.poolSize, Buffer.allocUnsafe(1).buffer.byteLength);
Buffer.poolSize = 64;
console.log(Buffer.allocUnsafe(1).buffer.byteLength, Buffer.allocUnsafe(31).buffer.byteLength, Buffer.allocUnsafe(32).buffer.byteLength);
Buffer.poolSize = 8192;
const s = Buffer.allocUnsafe(10);
console.log(s.slice(2).byteOffset - s.byteOffset, s.subarray(-3).length, s.slice(5, 2).length);
