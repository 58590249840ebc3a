// The pre-streams2 `Stream` base (an EventEmitter) with its simple data/end pipe, and the
// highWaterMark rules shared by Readable and Writable.
'use strict';

const EE = require('events');
const { codes } = require('internal/streams/errors');

/** `stream.Stream`: an EventEmitter whose pipe() forwards 'data' and honours write() === false. */
function Stream(opts) {
  EE.call(this, opts);
}
Object.setPrototypeOf(Stream.prototype, EE.prototype);
Object.setPrototypeOf(Stream, EE);

Stream.prototype.pipe = function pipe(dest, options) {
  const source = this;
  function ondata(chunk) {
    if (dest.writable && dest.write(chunk) === false && source.pause) source.pause();
  }
  source.on('data', ondata);
  function ondrain() {
    if (source.readable && source.resume) source.resume();
  }
  dest.on('drain', ondrain);
  if (!dest._isStdio && (!options || options.end !== false)) {
    source.on('end', onend);
    source.on('close', onclose);
  }
  let didOnEnd = false;
  function onend() {
    if (didOnEnd) return;
    didOnEnd = true;
    dest.end();
  }
  function onclose() {
    if (didOnEnd) return;
    didOnEnd = true;
    if (typeof dest.destroy === 'function') dest.destroy();
  }
  function onerror(er) {
    cleanup();
    if (EE.prototype.listenerCount.call(this, 'error') === 0) this.emit('error', er);
  }
  prependListener(source, 'error', onerror);
  prependListener(dest, 'error', onerror);
  function cleanup() {
    source.removeListener('data', ondata);
    dest.removeListener('drain', ondrain);
    source.removeListener('end', onend);
    source.removeListener('close', onclose);
    source.removeListener('error', onerror);
    dest.removeListener('error', onerror);
    source.removeListener('end', cleanup);
    source.removeListener('close', cleanup);
    dest.removeListener('close', cleanup);
  }
  source.on('end', cleanup);
  source.on('close', cleanup);
  dest.on('close', cleanup);
  dest.emit('pipe', source);
  return dest;
};

/** prependListener that also works on emitters without it (old-style objects). */
function prependListener(emitter, event, fn) {
  if (typeof emitter.prependListener === 'function') return emitter.prependListener(event, fn);
  if (!emitter._events || !emitter._events[event]) emitter.on(event, fn);
  else if (Array.isArray(emitter._events[event])) emitter._events[event].unshift(fn);
  else emitter._events[event] = [fn, emitter._events[event]];
}

Stream._isUint8Array = function _isUint8Array(value) {
  return value instanceof Uint8Array;
};
Stream._isArrayBufferView = ArrayBuffer.isView;
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};

let defaultHwmBytes = 16 * 1024;
let defaultHwmObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultHwmObjects : defaultHwmBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  const { validateInteger } = require('internal/errors');
  validateInteger(value, 'value', 0);
  if (objectMode) defaultHwmObjects = value;
  else defaultHwmBytes = value;
}

/** options.defaultEncoding, 'utf8' when absent; an unknown encoding throws ERR_UNKNOWN_ENCODING. */
function validDefaultEncoding(options) {
  const enc = options ? options.defaultEncoding : undefined;
  if (enc == null) return 'utf8';
  if (!Buffer.isEncoding(enc)) throw codes.ERR_UNKNOWN_ENCODING(enc);
  return enc;
}

/** The highWaterMark an options object asks for (Node's validation and key precedence). */
function getHighWaterMark(state, options, duplexKey, isDuplex) {
  const hwm = options.highWaterMark != null ? options.highWaterMark : (isDuplex ? options[duplexKey] : null);
  if (hwm != null) {
    if (!Number.isInteger(hwm) || hwm < 0) {
      const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
      throw codes.ERR_INVALID_ARG_VALUE(name, hwm);
    }
    return Math.floor(hwm);
  }
  return getDefaultHighWaterMark(state.objectMode);
}

// Where readable.js/writable.js keep helpers duplex.js needs (not visible to scripts).
const kInternals = Symbol('kInternals');

module.exports = { validDefaultEncoding, kInternals, Stream, prependListener, getHighWaterMark, getDefaultHighWaterMark, setDefaultHighWaterMark };
