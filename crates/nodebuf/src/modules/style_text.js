// `util.styleText(format, text[, options])` (Node v20.12+): `text` wrapped in the SGR codes of
// `util.inspect.colors` (read when called, so changes to that table count). A single format is
// applied only when the target stream should be coloured; a list of formats always is.
'use strict';

const { codes, validateBoolean, validateOneOf, validateString } = require('internal/errors');
const { inspect } = require('internal/inspect');

const sgr = (code) => `\u001b[${code}m`;

/** The [on, off] codes of `name`, or ERR_INVALID_ARG_VALUE listing the valid names. */
function formatCodes(name) {
  const found = inspect.colors[name];
  if (found == null) validateOneOf(name, 'format', Object.keys(inspect.colors));
  return found;
}

/**
 * Whether output to `stream` gets colours: FORCE_COLOR decides through the terminal colour
 * depth it implies; otherwise a TTY with more than 2 colours (or no getColorDepth) does.
 */
function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) return require('tty').internals.getColorDepth() > 2;
  return stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

function styleText(format, text, options = {}) {
  // (Read one by one: a null `options` fails on its first property, as Node's does.)
  let validateStream = options.validateStream;
  if (validateStream === undefined) validateStream = true;
  let stream = options.stream;
  if (stream === undefined) stream = process.stdout;
  validateString(text, 'text');
  validateBoolean(validateStream, 'options.validateStream');
  if (validateStream) {
    const { isNodeStream, isReadableStream, isWritableStream } = require('internal/streams/utils');
    if (!isReadableStream(stream) && !isWritableStream(stream) && !isNodeStream(stream)) {
      throw codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
  }
  if (Array.isArray(format)) {
    let open = '';
    let close = '';
    for (const name of format) {
      const [on, off] = formatCodes(name);
      open += sgr(on);
      close = sgr(off) + close;
    }
    return `${open}${text}${close}`;
  }
  const [on, off] = formatCodes(format);
  if (validateStream && (!stream || !shouldColorize(stream))) return text;
  return `${sgr(on)}${text}${sgr(off)}`;
}

module.exports = { styleText };
