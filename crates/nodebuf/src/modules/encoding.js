// TextEncoder (UTF-8, per WHATWG) and TextDecoder (every WHATWG encoding Node's decoder has,
// streaming included), over native conversion (encoding.rs).
'use strict';

const { codes, makeNodeError } = require('internal/errors');

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

const customInspect = Symbol.for('nodejs.util.inspect.custom');

function isAnyArrayBuffer(value) {
  return value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer);
}

// Node's TextDecoder names the input differently on each of its decoding paths.
function badInput(name) {
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
    `The ${name} argument must be an instance of SharedArrayBuffer, ArrayBuffer or ArrayBufferView.`);
}

function checkInput(input, path) {
  if (ArrayBuffer.isView(input) || isAnyArrayBuffer(input)) return;
  if (path === 'utf-8') throw badInput('"list"');
  if (path === 'windows-1252') {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      'The "input" argument must be an instance of ArrayBuffer, SharedArrayBuffer, or ArrayBufferView.');
  }
  throw badInput('"input"');
}

/**
 * WHATWG TextDecoder on Node v20's terms: every WHATWG encoding but "replacement" and
 * "x-user-defined", `{ stream: true }`, `fatal`, `ignoreBOM`. Until its first streaming call a
 * utf-8 decoder takes Node's one-shot UTF-8 path and a windows-1252 decoder Node's latin1 path
 * (bytes as code points), with those paths' error texts.
 */
class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  // The native stream decoder, made on first use by the converter path (streaming, or an
  // encoding other than utf-8 and windows-1252): a decoder used one-shot never needs one.
  #handle = null;
  #oneShot;
  #converterFatal;
  #converterIgnoreBOM;

  constructor(encoding = 'utf-8', options = undefined) {
    encoding = `${encoding}`;
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    // The labels nearly every caller passes resolve without the native table.
    let name;
    if (encoding === 'utf-8' || encoding === 'utf8') {
      name = 'utf-8';
    } else {
      const made = native.textDecoderNew(encoding, false);
      if (made === null) throw codes.ERR_ENCODING_NOT_SUPPORTED(encoding);
      if (typeof made === 'string') throw codes.ERR_ENCODING_NOT_SUPPORTED(made);
      name = made[1];
    }
    // Node reads each option twice, as ordinary property gets, once the label is known: fatal
    // then ignoreBOM for the converter, then ignoreBOM then fatal for the exposed values
    // (which the one-shot paths and the getters use).
    const has = options !== undefined && options !== null;
    this.#converterFatal = has && Boolean(options.fatal);
    this.#converterIgnoreBOM = has && Boolean(options.ignoreBOM);
    this.#ignoreBOM = has && Boolean(options.ignoreBOM);
    this.#fatal = has && Boolean(options.fatal);
    this.#encoding = name;
    this.#oneShot = name === 'utf-8' || name === 'windows-1252' ? name : null;
  }

  decode(input = new Uint8Array(0), options = undefined) {
    if (this.#oneShot !== null) {
      // Node's one-shot paths read stream (once, unvalidated) before looking at the input.
      if (options != null && options.stream) this.#oneShot = null;
      if (this.#oneShot === 'utf-8') {
        // The native decodes a view or buffer at once and answers undefined for any other
        // input, which Node's check then refuses in its words.
        const text = native.utf8Decode(input, this.#fatal, this.#ignoreBOM);
        if (typeof text === 'string') return text;
        checkInput(input, 'utf-8');
        throw codes.ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
      }
      if (this.#oneShot === 'windows-1252') {
        checkInput(input, 'windows-1252');
        return native.latin1Decode(input, this.#ignoreBOM);
      }
    }
    // The converter path validates the options, reads stream once, then checks the input.
    if (options !== undefined && options !== null && typeof options !== 'object' && typeof options !== 'function') {
      throw codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const stream = options != null && Boolean(options.stream);
    checkInput(input, null);
    if (this.#handle === null) this.#handle = native.textDecoderNew(this.#encoding, this.#converterIgnoreBOM)[0];
    const text = native.textDecoderDecode(this.#handle, input, stream, this.#converterFatal);
    if (text === null) throw codes.ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding);
    return text;
  }

  get encoding() {
    return this.#encoding;
  }

  get fatal() {
    return this.#fatal;
  }

  get ignoreBOM() {
    return this.#ignoreBOM;
  }

  [customInspect](depth, options, inspect) {
    if (depth < 0) return 'TextDecoder';
    return `TextDecoder ${inspect({ encoding: this.#encoding, fatal: this.#fatal, ignoreBOM: this.#ignoreBOM }, options)}`;
  }
}

for (const C of [TextEncoder, TextDecoder]) {
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
}

module.exports = { TextEncoder, TextDecoder };
