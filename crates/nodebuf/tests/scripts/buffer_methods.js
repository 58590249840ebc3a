// Search, compare, fill, copy, swap, equals.
const h = Buffer.from('hello world, hello');
console.log(h.indexOf('l'), h.lastIndexOf('l'), h.indexOf('hello', 1), h.lastIndexOf('hello', -5), h.indexOf(111), h.indexOf(111 + 256));
console.log(h.indexOf(Buffer.from('wor')), h.indexOf(''), h.indexOf('', 100), h.includes('world'), h.includes('x'), h.indexOf('6c6c', 'hex'), h.indexOf('l', 'latin1'));
console.log(h.indexOf('o', -3), h.indexOf('o', NaN), h.lastIndexOf('o', NaN), h.indexOf('o', {}), Buffer.from('abab', 'utf16le').indexOf('b', 0, 'utf16le'));
const a = Buffer.from([1, 2, 3, 4, 5]);
console.log(a.compare(Buffer.from([1, 2, 3])), a.compare(Buffer.from([2]), 0, 1, 1, 2), a.equals(Buffer.from([1, 2, 3, 4, 5])), a.equals(new Uint8Array([1])));
console.log(Buffer.alloc(6).fill('ab'), Buffer.alloc(6).fill(0x101), Buffer.alloc(6).fill('6162', 'hex'), Buffer.alloc(6).fill('x', 2, 4), Buffer.alloc(4).fill(Buffer.from([7, 8, 9])), Buffer.alloc(3).fill(''));
const t = Buffer.alloc(8);
console.log(a.copy(t), a.copy(t, 6), a.copy(t, 0, 3), t, a.copy(a, 1), a);
console.log(Buffer.from([1, 2, 3, 4]).swap16(), Buffer.from([1, 2, 3, 4]).swap32(), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
const errors = [
  () => Buffer.from([1, 2, 3]).swap16(),
  () => Buffer.alloc(3).fill('zz', 'hex'),
  () => Buffer.alloc(3).fill(Buffer.alloc(0)),
  () => Buffer.alloc(3).fill(1, -1),
  () => Buffer.alloc(3).fill(1, 0, 4),
  () => a.compare('x'),
  () => a.equals('x'),
  () => a.copy('x'),
  () => a.copy(t, -1),
  () => a.indexOf({}),
  () => Buffer.compare(a, 1),
  () => Buffer.concat('x'),
  () => Buffer.concat([1]),
  () => Buffer.from(5),
  () => Buffer.from(null),
  () => Buffer.from(Symbol('s')),
  () => Buffer.from(new Map()),
  () => Buffer.from(Object.create(null)),
  () => Buffer.from(function foo() {}),
  () => Buffer.alloc('5'),
  () => Buffer.alloc(-5),
  () => Buffer.allocUnsafe(2 ** 33),
  () => Buffer.alloc(1, 'x', 'bad'),
  () => Buffer.from(new ArrayBuffer(4), 5),
  () => Buffer.from(new ArrayBuffer(4), 1, 10),
  () => Buffer.byteLength(5),
  () => Buffer(5, 'utf8'),
  () => Buffer.copyBytesFrom([1]),
  () => Buffer.copyBytesFrom(new Uint8Array(2), -1),
  () => require('buffer').transcode(Buffer.from('a'), 'utf8', 'nope'),
  () => require('buffer').atob('a'),
  () => require('buffer').btoa('\u0100'),
  () => require('buffer').isUtf8('x'),
];
for (const f of errors) {
  try { f(); console.log('no error'); } catch (e) { console.log(String(e), JSON.stringify(Object.keys(e)), e.constructor.name); }
}
