// util.format groups the digits of %d/%i/%f/%s numbers as its options (else
// util.inspect.defaultOptions) say; util.callbackify copies the original's own properties
// (length + 1, name + 'Callbackified') and reports a falsy rejection as Node does.
'use strict';
const util = require('util');
const show = () => [
  util.format('%d %s %i %f', 1234567.5, 1234567, 1234567, 1234567.5),
  util.format('%d %s', 1_180_591_620_717_411_303_424n, 12_345_678_901_234_567_890_123n),
  util.formatWithOptions({ numericSeparator: false }, '%d %s', 1234567, 1234567),
  util.formatWithOptions({ numericSeparator: true }, '%d %i', 1234567, 7654321n),
  util.formatWithOptions({}, '%d', 1234567),
].join(' | ');
console.log(show());
util.inspect.defaultOptions.numericSeparator = true;
console.log(show());
util.inspect.defaultOptions.numericSeparator = false;

async function original(a, b) { return a + b; }
original.extra = 1;
const cb = util.callbackify(original);
console.log(cb.length, cb.name, Object.getOwnPropertyNames(cb).join(), cb.extra);
cb(1, 2, function (err, sum) { console.log('sum', err, sum, this === undefined); });
const receiver = { tag: 'receiver' };
util.callbackify(async function () { return this.tag; }).call(receiver, (err, v) => console.log('this', v));
for (const reason of [null, 0, '', undefined, false]) {
  util.callbackify(() => Promise.reject(reason))((err) => {
    console.log(err.name, err.code, err.message, err.reason, Object.keys(err).join());
  });
}
try {
  util.callbackify(original)(1, 2);
} catch (e) {
  console.log(e.code, e.message);
}
