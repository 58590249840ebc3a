// The options a custom inspect function receives: the context's settings in Node's order, then
// the caller's own options over them (their values kept, `maxArrayLength: null` included, extra
// keys last); and a multi-line result indented where it is nested, left alone at the top.
'use strict';
const util = require('util');

const probe = {
  [util.inspect.custom](depth, options, inspect) {
    return JSON.stringify([depth, Object.keys(options), options.depth, options.maxArrayLength, options.foo,
      options.colors, typeof options.stylize, inspect === util.inspect]);
  },
};
const lines = { [util.inspect.custom]: () => 'first\nsecond\n  third' };

console.log(util.inspect(probe));
console.log(util.inspect(probe, { maxArrayLength: null, foo: 1, depth: 5 }));
console.log(util.inspect(probe, { colors: true, depth: 4, breakLength: 40 }));
console.log(util.inspect({ a: { b: probe } }, { depth: 6, sorted: true }));
console.log(util.inspect(probe, false, 3, false));
console.log(util.inspect(probe, true));
console.log(util.inspect(lines));
console.log(util.inspect({ nested: { deeper: lines } }));
console.log(util.inspect([lines, lines]));
console.log(util.format('%o', probe));
console.log(probe, [lines]);
const buffer = Buffer.from('custom');
buffer.note = 'x';
console.log(util.inspect({ buffer }, { colors: false, showHidden: false, foo: 2 }));
