// stream.finished (eos): calls back once a stream has ended, finished, errored or closed early
// (ERR_STREAM_PREMATURE_CLOSE), with Node's rules for streams that will still emit 'close'.
'use strict';

const { codes, AbortError } = require('internal/streams/errors');
const { validateAbortSignal, addAbortListener } = require('internal/streams/abort');
const { validateFunction, validateObject } = require('internal/errors');
const u = require('internal/streams/utils');

const nop = () => {};

function once(fn) {
  let called = false;
  return function (...args) {
    if (called) return;
    called = true;
    return Reflect.apply(fn, this, args);
  };
}

/** finished(stream[, options], callback) -> cleanup function. */
function eos(stream, options, callback) {
  if (arguments.length === 2) {
    callback = options;
    options = {};
  } else if (options == null) {
    options = {};
  } else {
    validateObject(options, 'options');
  }
  validateFunction(callback, 'callback');
  validateAbortSignal(options.signal, 'options.signal');
  callback = once(callback);

  if (u.isReadableStream(stream) || u.isWritableStream(stream)) {
    throw codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  if (!u.isNodeStream(stream)) {
    throw codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }

  const readable = options.readable ?? u.isReadableNodeStream(stream);
  const writable = options.writable ?? u.isWritableNodeStream(stream);
  const wState = stream._writableState;
  const rState = stream._readableState;

  const onlegacyfinish = () => {
    if (!stream.writable) onfinish();
  };

  let willEmitClose = u.willEmitClose(stream) && u.isReadableNodeStream(stream) === readable &&
    u.isWritableNodeStream(stream) === writable;
  let writableFinished = u.isWritableFinished(stream, false);
  const onfinish = () => {
    writableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.readable || readable)) return;
    if (!readable || readableFinished) callback.call(stream);
  };

  let readableFinished = u.isReadableFinished(stream, false);
  const onend = () => {
    readableFinished = true;
    if (stream.destroyed) willEmitClose = false;
    if (willEmitClose && (!stream.writable || writable)) return;
    if (!writable || writableFinished) callback.call(stream);
  };

  const onerror = (err) => { callback.call(stream, err); };

  let closed = u.isClosed(stream);
  const onclose = () => {
    closed = true;
    const errored = u.isWritableErrored(stream) || u.isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    if (readable && !readableFinished && u.isReadableNodeStream(stream, true)) {
      if (!u.isReadableFinished(stream, false)) return callback.call(stream, codes.ERR_STREAM_PREMATURE_CLOSE());
    }
    if (writable && !writableFinished) {
      if (!u.isWritableFinished(stream, false)) return callback.call(stream, codes.ERR_STREAM_PREMATURE_CLOSE());
    }
    callback.call(stream);
  };

  const onclosed = () => {
    closed = true;
    const errored = u.isWritableErrored(stream) || u.isReadableErrored(stream);
    if (errored && typeof errored !== 'boolean') return callback.call(stream, errored);
    callback.call(stream);
  };

  const onrequest = () => { stream.req.on('finish', onfinish); };

  if (u.isRequest(stream)) {
    stream.on('complete', onfinish);
    if (!willEmitClose) stream.on('abort', onclose);
    if (stream.req) onrequest();
    else stream.on('request', onrequest);
  } else if (writable && !wState) {
    stream.on('end', onlegacyfinish);
    stream.on('close', onlegacyfinish);
  }
  if (!willEmitClose && typeof stream.aborted === 'boolean') stream.on('aborted', onclose);

  stream.on('end', onend);
  stream.on('finish', onfinish);
  if (options.error !== false) stream.on('error', onerror);
  stream.on('close', onclose);

  if (closed) {
    process.nextTick(onclose);
  } else if ((wState && wState.errorEmitted) || (rState && rState.errorEmitted)) {
    if (!willEmitClose) process.nextTick(onclosed);
  } else if (!readable && (!willEmitClose || u.isReadable(stream)) &&
             (writableFinished || u.isWritable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (!writable && (!willEmitClose || u.isWritable(stream)) &&
             (readableFinished || u.isReadable(stream) === false)) {
    process.nextTick(onclosed);
  } else if (rState && stream.req && stream.aborted) {
    process.nextTick(onclosed);
  }

  const cleanup = () => {
    callback = nop;
    stream.removeListener('aborted', onclose);
    stream.removeListener('complete', onfinish);
    stream.removeListener('abort', onclose);
    stream.removeListener('request', onrequest);
    if (stream.req) stream.req.removeListener('finish', onfinish);
    stream.removeListener('end', onlegacyfinish);
    stream.removeListener('close', onlegacyfinish);
    stream.removeListener('finish', onfinish);
    stream.removeListener('end', onend);
    stream.removeListener('error', onerror);
    stream.removeListener('close', onclose);
  };

  if (options.signal && !closed) {
    const signal = options.signal;
    const abort = () => {
      const endCallback = callback;
      cleanup();
      endCallback.call(stream, new AbortError(undefined, { cause: signal.reason }));
    };
    if (signal.aborted) {
      process.nextTick(abort);
    } else {
      const disposable = addAbortListener(signal, abort);
      const originalCallback = callback;
      callback = once((...args) => {
        disposable.dispose();
        originalCallback.apply(stream, args);
      });
    }
  }
  return cleanup;
}

/** finished as a promise (stream/promises). */
function finishedPromise(stream, opts) {
  let autoCleanup = false;
  if (opts && opts.cleanup !== undefined) {
    if (typeof opts.cleanup !== 'boolean') throw codes.ERR_INVALID_ARG_TYPE('cleanup', 'boolean', opts.cleanup);
    autoCleanup = opts.cleanup;
  }
  return new Promise((resolve, reject) => {
    const cleanup = eos(stream, opts, (err) => {
      if (autoCleanup) cleanup();
      if (err) reject(err);
      else resolve();
    });
  });
}

eos.finished = finishedPromise;

module.exports = { eos, finished: finishedPromise };
