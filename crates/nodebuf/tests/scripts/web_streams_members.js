// What a script sees of the web stream classes' members: names, order, enumerability,
// accessors, function names and lengths, `Symbol.toStringTag`, the async iterator, and which
// names `stream/web` exports. Node's own internal symbols on the prototypes are left out.
'use strict';
const web = require('stream/web');

const shown = [Symbol.toStringTag, Symbol.asyncIterator, Symbol.for('nodejs.util.inspect.custom')];
function describe(target) {
  return Reflect.ownKeys(target)
    .filter((key) => typeof key === 'string' ? key !== 'prototype' : shown.includes(key))
    .map((key) => {
      const d = Object.getOwnPropertyDescriptor(target, key);
      const flags = (d.enumerable ? 'e' : '') + (d.writable ? 'w' : '') + (d.configurable ? 'c' : '');
      let what = '';
      if (d.get) what = `get ${d.get.name}/${d.get.length}`;
      else if (typeof d.value === 'function') what = `fn ${d.value.name}/${d.value.length}`;
      else what = JSON.stringify(d.value);
      return `${String(key)}[${flags}] ${what}`;
    });
}

console.log(Object.keys(web).join(' '));
for (const name of Object.keys(web)) {
  const Class = web[name];
  console.log(`${name}:`);
  console.log('  static', describe(Class).join(', '));
  console.log('  proto ', describe(Class.prototype).join(', '));
}
const { ReadableStream } = web;
console.log(ReadableStream.prototype[Symbol.asyncIterator] === ReadableStream.prototype.values);
console.log(Object.prototype.toString.call(new web.CountQueuingStrategy({ highWaterMark: 1 })));
console.log(Object.prototype.toString.call(new web.TextEncoderStream()));
for (const key in new ReadableStream()) console.log('for-in', key);
