// require('stream'): the legacy Stream class carrying Readable, Writable, Duplex, Transform,
// PassThrough, pipeline, finished, addAbortSignal, compose, destroy and the predicates.
'use strict';

const legacy = require('internal/streams/legacy');
const { Stream } = legacy;
const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');
const { Duplex, Transform, PassThrough } = require('internal/streams/duplex');
const { eos, finished: finishedPromise } = require('internal/streams/end-of-stream');
const { pipeline, pipelinePromise } = require('internal/streams/pipeline');
const { addAbortSignal } = require('internal/streams/add-abort-signal');
const { destroyer } = require('internal/streams/destroy');
const duplexify = require('internal/streams/duplexify');
const u = require('internal/streams/utils');
const { codes } = require('internal/streams/errors');
const promisifyCustom = Symbol.for('nodejs.util.promisify.custom');

Duplex.from = function from(body) {
  return duplexify.from(body, 'body');
};

const operators = require('internal/streams/operators');
for (const [name, fn] of Object.entries(operators.streamReturning)) {
  Object.defineProperty(Readable.prototype, name, {
    value: function (...args) {
      if (new.target) throw codes.ERR_ILLEGAL_CONSTRUCTOR();
      return Readable.from(Reflect.apply(fn, this, args));
    },
    enumerable: false,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(Readable.prototype[name], 'name', { value: name });
  Object.defineProperty(Readable.prototype[name], 'length', { value: fn.length });
}
for (const [name, fn] of Object.entries(operators.promiseReturning)) {
  Object.defineProperty(Readable.prototype, name, {
    value: function (...args) {
      if (new.target) throw codes.ERR_ILLEGAL_CONSTRUCTOR();
      return Reflect.apply(fn, this, args);
    },
    enumerable: false,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(Readable.prototype[name], 'name', { value: name });
  Object.defineProperty(Readable.prototype[name], 'length', { value: fn.length });
}

const promises = { pipeline: pipelinePromise, finished: finishedPromise };

// The WHATWG-stream bridges (loaded on first use: most programs never call them).
const webAdapters = () => require('internal/streams/web-adapters');
Readable.toWeb = function toWeb(streamReadable, options) {
  return webAdapters().newReadableStreamFromStreamReadable(streamReadable, options);
};
Readable.fromWeb = function fromWeb(readableStream, options) {
  return webAdapters().newStreamReadableFromReadableStream(readableStream, options);
};
Writable.toWeb = function toWeb(streamWritable) {
  return webAdapters().newWritableStreamFromStreamWritable(streamWritable);
};
Writable.fromWeb = function fromWeb(writableStream, options) {
  return webAdapters().newStreamWritableFromWritableStream(writableStream, options);
};
Duplex.toWeb = function toWeb(duplex) {
  return webAdapters().newReadableWritablePairFromDuplex(duplex);
};
Duplex.fromWeb = function fromWeb(pair, options) {
  return webAdapters().newStreamDuplexFromReadableWritablePair(pair, options);
};
Stream.isDestroyed = u.isDestroyed;
Stream.isDisturbed = u.isDisturbed;
Stream.isErrored = u.isErrored;
Stream.isReadable = u.isReadable;
Stream.isWritable = u.isWritable;
Stream.Readable = Readable;
Stream.Writable = Writable;
Stream.Duplex = Duplex;
Stream.Transform = Transform;
Stream.PassThrough = PassThrough;
Stream.duplexPair = require('internal/streams/duplexpair').duplexPair;
Stream.pipeline = pipeline;
Stream.addAbortSignal = addAbortSignal;
Stream.finished = eos;
Stream.destroy = destroyer;
Stream.compose = require('internal/streams/compose');
Stream.setDefaultHighWaterMark = legacy.setDefaultHighWaterMark;
Stream.getDefaultHighWaterMark = legacy.getDefaultHighWaterMark;

Object.defineProperty(Stream, 'promises', {
  configurable: true,
  enumerable: true,
  get() { return promises; },
});
Object.defineProperty(pipeline, promisifyCustom, {
  enumerable: true,
  get() { return promises.pipeline; },
});
Object.defineProperty(eos, promisifyCustom, {
  enumerable: true,
  get() { return promises.finished; },
});

Stream.Stream = Stream;

module.exports = Stream;
