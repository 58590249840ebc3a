// TextEncoder (UTF-8, per WHATWG) and TextDecoder (UTF-8 only in this runner: other labels
// throw ERR_ENCODING_NOT_SUPPORTED), over native UTF-8 conversion.
'use strict';

const { codes } = require('internal/errors');
const utf8Labels = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return native.utf8Encode(`${input}`);
  }

  encodeInto(src, dest) {
    // Node validates the source first and never converts it (no toString runs).
    if (typeof src !== 'string') throw codes.ERR_INVALID_ARG_TYPE('src', 'string', src);
    if (!(dest instanceof Uint8Array)) throw codes.ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    const [read, written] = native.utf8EncodeInto(src, dest);
    return { read, written };
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return 'TextEncoder { encoding: \'utf-8\' }';
  }
}

class TextDecoder {
  #fatal;
  #ignoreBOM;

  constructor(encoding = 'utf-8', options = {}) {
    const label = `${encoding}`.trim().toLowerCase();
    if (!utf8Labels.has(label)) throw codes.ERR_ENCODING_NOT_SUPPORTED(encoding);
    if (options !== null && typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    this.#fatal = Boolean(options && options.fatal);
    this.#ignoreBOM = Boolean(options && options.ignoreBOM);
  }

  get encoding() {
    return 'utf-8';
  }

  get fatal() {
    return this.#fatal;
  }

  get ignoreBOM() {
    return this.#ignoreBOM;
  }

  decode(input = new Uint8Array(0), options = {}) {
    if (!ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer) &&
        !(typeof SharedArrayBuffer === 'function' && input instanceof SharedArrayBuffer)) {
      throw codes.ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'ArrayBufferView'], input);
    }
    void options;
    const text = native.utf8Decode(input, this.#fatal, this.#ignoreBOM);
    if (text === null) throw codes.ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
    return text;
  }
}

module.exports = { TextEncoder, TextDecoder };
