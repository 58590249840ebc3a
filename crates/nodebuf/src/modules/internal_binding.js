// `require('internal/test/binding')` under --expose-internals: the small part of Node's native
// bindings that Node's own Buffer and URL tests reach into. The buffer binding's `fill` is the
// native fill (positions must already be integers in range: others throw Index out of range);
// the url binding's `canParse(input[, base])` is the parser URL.canParse calls, on strings; the
// util binding's `arrayBufferViewHasBuffer(view)` reads the engine's on-heap typed-array state.
'use strict';

// Node warns once when the module loads.
process.emitWarning('These APIs are for internal testing only. Do not use them.', 'internal/test/binding');

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
  util: {
    // Whether a view has its ArrayBuffer yet: small typed arrays keep their bytes on the
    // engine's heap until their buffer is asked for, as V8's do.
    arrayBufferViewHasBuffer(view) {
      return native.internalBinding.util.arrayBufferViewHasBuffer(view);
    },
  },
  url: {
    canParse(input, base = undefined) {
      return native.url.canParse(`${input}`, base === undefined ? undefined : `${base}`);
    },
  },
};

// Made on first use: they load modules a Buffer test never needs.
const lazyBindings = {
  // libuv's error numbers by name (UV_EBADF: -9, ...), with errname and the map behind them.
  uv() {
    const { errorMap, errname } = require('internal/uv');
    const out = { errname, getErrorMap: () => new Map(errorMap) };
    for (const [errno, [name]] of errorMap) out[`UV_${name}`] = errno;
    return out;
  },
  // The dns modules' binding (getaddrinfo, getnameinfo, the request classes, AI_* flags).
  cares_wrap() {
    return require('internal/dns/utils').cares;
  },
  // The UDP handle class dgram sockets use, and the flags its bind takes.
  udp_wrap() {
    const { UDP, SendWrap } = require('internal/dgram');
    return { UDP, SendWrap, constants: { UV_UDP_IPV6ONLY: 1, UV_UDP_REUSEADDR: 4 } };
  },
};

function internalBinding(name) {
  if (bindings[name] === undefined && Object.prototype.hasOwnProperty.call(lazyBindings, name)) {
    bindings[name] = lazyBindings[name]();
  }
  const binding = bindings[name];
  if (binding === undefined) throw new Error(`No such binding: ${name}`);
  return binding;
}

module.exports = { internalBinding };
