// Error codes of the stream and zlib modules (Node's codes and texts), and AbortError.
'use strict';

const { makeNodeError, codes } = require('internal/errors');

const streamCodes = {
  ERR_STREAM_PUSH_AFTER_EOF: () => makeNodeError(Error, 'ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF'),
  ERR_STREAM_UNSHIFT_AFTER_END_EVENT: () =>
    makeNodeError(Error, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event'),
  ERR_STREAM_WRITE_AFTER_END: () => makeNodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'),
  ERR_STREAM_DESTROYED: (method) =>
    makeNodeError(Error, 'ERR_STREAM_DESTROYED', `Cannot call ${method} after a stream was destroyed`),
  ERR_STREAM_ALREADY_FINISHED: (method) =>
    makeNodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', `Cannot call ${method} after a stream was finished`),
  ERR_STREAM_NULL_VALUES: () => makeNodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream'),
  ERR_STREAM_CANNOT_PIPE: () => makeNodeError(Error, 'ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable'),
  ERR_STREAM_PREMATURE_CLOSE: () => makeNodeError(Error, 'ERR_STREAM_PREMATURE_CLOSE', 'Premature close'),
  ERR_MULTIPLE_CALLBACK: () => makeNodeError(Error, 'ERR_MULTIPLE_CALLBACK', 'Callback called multiple times'),
  ERR_UNKNOWN_ENCODING: (enc) =>
    makeNodeError(TypeError, 'ERR_UNKNOWN_ENCODING', require('util').format('Unknown encoding: %s', enc)),
  ERR_BUFFER_TOO_LARGE: (max) =>
    makeNodeError(RangeError, 'ERR_BUFFER_TOO_LARGE', `Cannot create a Buffer larger than ${max} bytes`),
  ERR_ZLIB_INITIALIZATION_FAILED: () => makeNodeError(Error, 'ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed'),
  ERR_ILLEGAL_CONSTRUCTOR: () => makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'),
};

// Node's AbortError (code ABORT_ERR): one class for the whole runner.
const { AbortError } = require('internal/errors');

/** Two errors become one: the first, or an AggregateError-like error holding both (Node's rule). */
function aggregateTwoErrors(inner, outer) {
  if (inner && outer && inner !== outer) {
    if (Array.isArray(outer.errors)) {
      outer.errors.push(inner);
      return outer;
    }
    const err = new AggregateError([outer, inner], outer.message);
    err.code = outer.code;
    return err;
  }
  return inner || outer;
}

module.exports = { codes: { ...codes, ...streamCodes }, AbortError, aggregateTwoErrors };
