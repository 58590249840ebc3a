// The bridges between Node streams and WHATWG streams: Readable.toWeb/fromWeb,
// Writable.toWeb/fromWeb and Duplex.toWeb/fromWeb, with Node's documented behaviour (a Node
// Readable feeds a ReadableStream and pauses while the web queue is full; a web reader feeds a
// Readable's _read; writes wait for the other side to accept them; errors and cancellation
// destroy or abort the other side).
'use strict';

const { codes } = require('internal/streams/errors');
const { destroyer } = require('internal/streams/destroy');
const { eos } = require('internal/streams/end-of-stream');
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { Duplex } = require('internal/streams/duplex');
const web = require('stream/web');
const brands = require('internal/streams/web-brands');

function validateObject(value, name) {
  if (value === null || typeof value !== 'object') throw codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
}

function asUint8Array(chunk) {
  if (typeof chunk === 'string') return new Uint8Array(Buffer.from(chunk));
  if (chunk instanceof Uint8Array && !Buffer.isBuffer(chunk)) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return chunk;
}

/** Readable.toWeb: a ReadableStream over a Node Readable. */
function newReadableStreamFromStreamReadable(streamReadable, options = {}) {
  if (typeof streamReadable !== 'object' || streamReadable === null || typeof streamReadable._readableState !== 'object') {
    throw codes.ERR_INVALID_ARG_TYPE('streamReadable', 'stream.Readable', streamReadable);
  }
  validateObject(options, 'options');
  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;
  const strategy = options.strategy !== undefined ? options.strategy :
    (objectMode ? new web.CountQueuingStrategy({ highWaterMark }) :
      { highWaterMark, size(chunk) { return chunk.byteLength; } });
  let controller;
  let wasCanceled = false;

  const onData = (chunk) => {
    controller.enqueue(objectMode ? chunk : asUint8Array(chunk));
    if (controller.desiredSize <= 0) streamReadable.pause();
  };
  const cleanup = eos(streamReadable, (error) => {
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const err = new Error('The operation was aborted');
      err.name = 'AbortError';
      err.code = 'ABORT_ERR';
      err.cause = error;
      error = err;
    }
    cleanup();
    // The stream may end with 'error' after a cancel: nothing to tell the web side then.
    streamReadable.on('error', () => {});
    if (wasCanceled) return;
    if (error) {
      controller.error(error);
      return;
    }
    controller.close();
  });
  streamReadable.on('data', onData);

  return new web.ReadableStream({
    start(c) {
      controller = c;
    },
    pull() {
      streamReadable.resume();
    },
    cancel(reason) {
      wasCanceled = true;
      destroyer(streamReadable, reason);
    },
  }, strategy);
}

/** Readable.fromWeb: a Node Readable over a ReadableStream. */
function newStreamReadableFromReadableStream(readableStream, options = {}) {
  if (!brands.isReadableStream(readableStream)) {
    throw codes.ERR_INVALID_ARG_TYPE('readableStream', 'ReadableStream', readableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, encoding, objectMode = false, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw codes.ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }
  const reader = readableStream.getReader();
  let closed = false;
  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) readable.push(null);
        else readable.push(chunk.value);
      }, (error) => destroyer(readable, error));
    },
    destroy(error, callback) {
      const done = () => process.nextTick(() => callback(error));
      if (!closed) {
        reader.cancel(error).then(done, done);
        return;
      }
      done();
    },
  });
  reader.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    destroyer(readable, error);
  });
  return readable;
}

/** Writable.toWeb: a WritableStream over a Node Writable. */
function newWritableStreamFromStreamWritable(streamWritable) {
  // As Node: anything with write() and on() (a stream.Writable or an http.OutgoingMessage).
  if (!streamWritable || typeof streamWritable.write !== 'function' || typeof streamWritable.on !== 'function') {
    throw codes.ERR_INVALID_ARG_TYPE('streamWritable', 'stream.Writable', streamWritable);
  }
  let controller;
  let backpressurePromise;
  let closed;

  const onDrain = () => {
    if (backpressurePromise !== undefined) backpressurePromise.resolve();
  };
  const cleanup = eos(streamWritable, (error) => {
    if (error && error.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      const err = new Error('The operation was aborted');
      err.name = 'AbortError';
      err.code = 'ABORT_ERR';
      err.cause = error;
      error = err;
    }
    cleanup();
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressurePromise !== undefined) backpressurePromise.reject(error);
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller.error(error);
      controller = undefined;
      return;
    }
    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller.error(new Error('The operation was aborted'));
    controller = undefined;
  });
  streamWritable.on('drain', onDrain);

  return new web.WritableStream({
    start(c) {
      controller = c;
    },
    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = withResolvers();
        return backpressurePromise.promise.finally(() => {
          backpressurePromise = undefined;
        });
      }
      return undefined;
    },
    abort(reason) {
      destroyer(streamWritable, reason);
    },
    close() {
      if (closed === undefined && !streamWritable.writableFinished) {
        closed = withResolvers();
        streamWritable.end();
        return closed.promise;
      }
      controller = undefined;
      return Promise.resolve();
    },
  }, { highWaterMark: streamWritable.writableHighWaterMark });
}

function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Writable.fromWeb: a Node Writable over a WritableStream. */
function newStreamWritableFromWritableStream(writableStream, options = {}) {
  if (!brands.isWritableStream(writableStream)) {
    throw codes.ERR_INVALID_ARG_TYPE('writableStream', 'WritableStream', writableStream);
  }
  validateObject(options, 'options');
  const { highWaterMark, decodeStrings = true, objectMode = false, signal } = options;
  const writer = writableStream.getWriter();
  let closed = false;
  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk))))
        .then(() => callback(), (error) => callback(error));
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = new Uint8Array(Buffer.from(chunk, encoding));
      }
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), (error) => callback(error));
    },
    destroy(error, callback) {
      const done = () => process.nextTick(() => callback(error));
      if (!closed) {
        if (error != null) writer.abort(error).then(done, done);
        else writer.close().then(done, done);
        return;
      }
      done();
    },
    final(callback) {
      if (!closed) {
        writer.close().then(() => callback(), (error) => callback(error));
      } else {
        callback();
      }
    },
  });
  writer.closed.then(() => {
    closed = true;
  }, (error) => {
    closed = true;
    destroyer(writable, error);
  });
  return writable;
}

/** Duplex.toWeb: the { readable, writable } pair over a Node Duplex. */
function newReadableWritablePairFromDuplex(duplex) {
  if (typeof duplex !== 'object' || duplex === null || typeof duplex._readableState !== 'object' ||
      typeof duplex._writableState !== 'object') {
    throw codes.ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }
  return {
    readable: newReadableStreamFromStreamReadable(duplex),
    writable: newWritableStreamFromStreamWritable(duplex),
  };
}

/** Duplex.fromWeb: a Node Duplex over a { readable, writable } pair. */
function newStreamDuplexFromReadableWritablePair(pair = {}, options = {}) {
  validateObject(pair, 'pair');
  validateObject(options, 'options');
  const { readable: readableStream, writable: writableStream } = pair;
  if (!brands.isReadableStream(readableStream)) {
    throw codes.ERR_INVALID_ARG_TYPE('pair.readable', 'ReadableStream', readableStream);
  }
  if (!brands.isWritableStream(writableStream)) {
    throw codes.ERR_INVALID_ARG_TYPE('pair.writable', 'WritableStream', writableStream);
  }
  const { allowHalfOpen = false, objectMode = false, encoding, decodeStrings = true, highWaterMark, signal } = options;
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw codes.ERR_INVALID_ARG_VALUE('options.encoding', encoding);
  }
  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;
  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,
    writev(chunks, callback) {
      writer.ready.then(() => Promise.all(chunks.map((data) => writer.write(data.chunk))))
        .then(() => callback(), (error) => callback(error));
    },
    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = new Uint8Array(Buffer.from(chunk, encoding));
      }
      writer.ready.then(() => writer.write(chunk)).then(() => callback(), (error) => callback(error));
    },
    final(callback) {
      if (!writableClosed) writer.close().then(() => callback(), (error) => callback(error));
      else callback();
    },
    read() {
      reader.read().then((chunk) => {
        if (chunk.done) duplex.push(null);
        else duplex.push(chunk.value);
      }, (error) => destroyer(duplex, error));
    },
    destroy(error, callback) {
      const done = () => process.nextTick(() => callback(error));
      const steps = [];
      if (!writableClosed) steps.push(error != null ? writer.abort(error) : writer.close());
      if (!readableClosed) steps.push(reader.cancel(error));
      Promise.all(steps.map((p) => p.then(() => {}, () => {}))).then(done, done);
    },
  });
  writer.closed.then(() => {
    writableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyer(duplex, error);
  });
  reader.closed.then(() => {
    readableClosed = true;
  }, (error) => {
    writableClosed = true;
    readableClosed = true;
    destroyer(duplex, error);
  });
  return duplex;
}

module.exports = {
  newReadableStreamFromStreamReadable,
  newStreamReadableFromReadableStream,
  newWritableStreamFromStreamWritable,
  newStreamWritableFromWritableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
