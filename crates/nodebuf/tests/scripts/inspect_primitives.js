const util = require('util');
const values = [0, -0, 1.5, -1e21, 1e21, NaN, Infinity, -Infinity, 123n, -5n, true, false, null, undefined,
  '', 'plain', "it's", 'say "hi"', `both ' and "`, 'all \' " `', 'tab\there', 'nl\nline', '\x00\x1f\x7f', 'é ü 中文 😀',
  '\ud800 lone', 'back\\slash', Symbol(), Symbol('desc'), Symbol.iterator, Symbol.for('reg')];
for (const v of values) console.log(util.inspect(v));
console.log(values);
console.log(['x'.repeat(20)], ['multi\nline string that is fairly long indeed, longer than the break length, yes indeed it is']);
console.log({ s: 'a\nb' });
console.log(util.inspect('x'.repeat(20000)).length);
console.log(util.inspect(1234567.891, { numericSeparator: true }), util.inspect(123456789n, { numericSeparator: true }));
