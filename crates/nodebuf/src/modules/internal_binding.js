// `require('internal/test/binding')` under --expose-internals: the small part of Node's native
// bindings that Node's own Buffer tests reach into. The buffer binding's `fill` is the native
// fill (positions must already be integers in range: others throw Index out of range).
'use strict';

function indexOutOfRange() {
  const err = new RangeError('Index out of range');
  err.code = 'ERR_OUT_OF_RANGE';
  return err;
}

const bindings = {
  buffer: {
    fill(buf, value, start, end, encoding) {
      if (!(start >= 0) || !(end >= 0) || start > end || end > buf.length) throw indexOutOfRange();
      const { Buffer } = require('buffer');
      Buffer.prototype.fill.call(buf, value, start, end, encoding);
      return undefined;
    },
  },
};

function internalBinding(name) {
  const binding = bindings[name];
  if (binding === undefined) throw new Error(`No such binding: ${name}`);
  return binding;
}

module.exports = { internalBinding };
