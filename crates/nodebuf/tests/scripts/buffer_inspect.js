// util.inspect of Buffers, INSPECT_MAX_BYTES, extra properties.
const util = require('util');
const buffer = require('buffer');
console.log(Buffer.from('hi'), Buffer.alloc(0), [Buffer.from('ab')], { b: Buffer.from([1]) });
console.log(util.inspect(Buffer.alloc(60)));
const x = Buffer.from('ab');
x.foo = 1;
x.bar = { baz: [1, 2] };
console.log(x, util.inspect(x, { showHidden: true }));
class MyBuf extends Buffer {}
console.log(util.inspect(Object.setPrototypeOf(Buffer.from('z'), MyBuf.prototype)));
console.log(Buffer.from('hello').inspect());
buffer.INSPECT_MAX_BYTES = 2;
console.log(Buffer.from('hello'), Buffer.from('hel'), Buffer.from('he'));
buffer.INSPECT_MAX_BYTES = 0;
console.log(Buffer.from('hello'));
for (const v of [-1, NaN, '5', 1.5]) {
  try { buffer.INSPECT_MAX_BYTES = v; console.log('set', buffer.INSPECT_MAX_BYTES); } catch (e) { console.log(String(e)); }
}
buffer.INSPECT_MAX_BYTES = 50;
console.log(util.format('%s|%o', Buffer.from('ab'), Buffer.from('c')));
