// require('stream/web'): the WHATWG Streams Standard's ReadableStream (default controller and
// reader, async iteration, tee, pipeTo/pipeThrough, ReadableStream.from), WritableStream (writer
// and controller), TransformStream, and the two queuing strategies, following the standard's
// algorithms (https://streams.spec.whatwg.org/) with Node's error codes. Written from the
// standard's text.
'use strict';

const { codes: nodeCodes, makeNodeError } = require('internal/errors');

// Node's codes, with the web-streams variants (TypeError for ERR_INVALID_STATE, RangeError for
// bad strategy values) these classes throw.
const codes = {
  ...nodeCodes,
  ERR_ILLEGAL_CONSTRUCTOR: () => makeNodeError(TypeError, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor'),
  ERR_MISSING_OPTION: (name) => makeNodeError(TypeError, 'ERR_MISSING_OPTION', `${name} is required`),
  ERR_INVALID_STATE: {
    TypeError: (message) => makeNodeError(TypeError, 'ERR_INVALID_STATE', `Invalid state: ${message}`),
  },
  ERR_INVALID_ARG_VALUE: Object.assign((...args) => nodeCodes.ERR_INVALID_ARG_VALUE(...args), {
    RangeError: (name, value) => {
      const error = nodeCodes.ERR_INVALID_ARG_VALUE(name, value);
      return makeNodeError(RangeError, 'ERR_INVALID_ARG_VALUE', error.message);
    },
  }),
};

const kState = Symbol('kState');

const PromiseResolve = (v) => Promise.resolve(v);
const PromiseReject = (e) => Promise.reject(e);

// A promise with its resolve/reject and whether it has settled.
function deferred() {
  const d = { promise: undefined, resolve: undefined, reject: undefined, settled: false };
  d.promise = new Promise((res, rej) => {
    d.resolve = (v) => {
      d.settled = true;
      res(v);
    };
    d.reject = (e) => {
      d.settled = true;
      rej(e);
    };
  });
  return d;
}

// A promise whose rejection counts as handled (the standard marks many as handled).
function markHandled(promise) {
  promise.then(undefined, () => {});
  return promise;
}

function invalidThis(name) {
  return codes.ERR_INVALID_THIS(name);
}

function isObjectLike(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

// Calls `dict[name]` as a method if present; the result (or throw) as a promise.
function promiseCall(fn, thisArg, ...args) {
  if (fn === undefined) return PromiseResolve(undefined);
  try {
    return PromiseResolve(fn.apply(thisArg, args));
  } catch (err) {
    return PromiseReject(err);
  }
}

function methodOf(dict, name, owner) {
  const fn = dict[name];
  if (fn === undefined || fn === null) return undefined;
  if (typeof fn !== 'function') throw codes.ERR_INVALID_ARG_TYPE(`${owner}.${name}`, 'Function', fn);
  return fn;
}

// --- queuing strategies ---------------------------------------------------------------------

function extractHighWaterMark(strategy, defaultHWM) {
  if (strategy === undefined || strategy === null || strategy.highWaterMark === undefined) return defaultHWM;
  const hwm = Number(strategy.highWaterMark);
  if (Number.isNaN(hwm) || hwm < 0) {
    throw codes.ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', strategy.highWaterMark);
  }
  return hwm;
}

function extractSizeAlgorithm(strategy) {
  if (strategy === undefined || strategy === null || strategy.size === undefined) return () => 1;
  const size = strategy.size;
  if (typeof size !== 'function') throw codes.ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
  return (chunk) => size(chunk);
}

function strategyInit(init) {
  if (init === null || typeof init !== 'object') throw codes.ERR_INVALID_ARG_TYPE('init', 'Object', init);
  if (init.highWaterMark === undefined) throw codes.ERR_MISSING_OPTION('init.highWaterMark');
  return Number(init.highWaterMark);
}

const byteLengthSize = function size(chunk) { return chunk.byteLength; };
const countSize = function size() { return 1; };

// The two queuing strategies differ only in name and in how they size a chunk.
function queuingStrategyClass(name, sizeOf) {
  const Strategy = class {
    constructor(init) {
      this[kState] = { highWaterMark: strategyInit(init) };
    }

    get highWaterMark() {
      if (!(this instanceof Strategy)) throw invalidThis(name);
      return this[kState].highWaterMark;
    }

    get size() {
      if (!(this instanceof Strategy)) throw invalidThis(name);
      return sizeOf;
    }
  };
  Object.defineProperty(Strategy, 'name', { value: name });
  return Strategy;
}

/** A strategy measuring chunks by their byteLength. */
const ByteLengthQueuingStrategy = queuingStrategyClass('ByteLengthQueuingStrategy', byteLengthSize);
/** A strategy counting chunks. */
const CountQueuingStrategy = queuingStrategyClass('CountQueuingStrategy', countSize);

// --- queue-with-sizes -------------------------------------------------------------------------

function enqueueValueWithSize(q, value, size) {
  if (typeof size !== 'number' || Number.isNaN(size) || size < 0 || size === Infinity) {
    throw codes.ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  q.queue.push({ value, size });
  q.queueTotalSize += size;
}

function dequeueValue(q) {
  const { value, size } = q.queue.shift();
  q.queueTotalSize = Math.max(0, q.queueTotalSize - size);
  return value;
}

function resetQueue(q) {
  q.queue = [];
  q.queueTotalSize = 0;
}

// --- ReadableStream -----------------------------------------------------------------------------

function isReadableStream(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'readable';
}

/** A source of chunks read through a reader. */
class ReadableStream {
  constructor(source = {}, strategy = {}) {
    if (source === null || (typeof source !== 'object' && typeof source !== 'function')) {
      throw codes.ERR_INVALID_ARG_TYPE('source', 'Object', source);
    }
    this[kState] = {
      kind: 'readable', state: 'readable', reader: undefined, storedError: undefined,
      disturbed: false, controller: undefined,
    };
    const type = source.type === undefined ? undefined : `${source.type}`;
    if (type === 'bytes') {
      if (strategy !== null && strategy !== undefined && strategy.size !== undefined) {
        throw codes.ERR_INVALID_ARG_VALUE.RangeError('strategy.size', strategy.size);
      }
      setupByteController(this, source, extractHighWaterMark(strategy, 0));
      return;
    }
    if (type !== undefined) throw codes.ERR_INVALID_ARG_VALUE('source.type', source.type);
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setupDefaultController(this, source, hwm, size);
  }

  get locked() {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    return this[kState].reader !== undefined;
  }

  cancel(reason = undefined) {
    if (!isReadableStream(this)) return PromiseReject(invalidThis('ReadableStream'));
    if (this[kState].reader !== undefined) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  getReader(options = {}) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    if (options === null || typeof options !== 'object') throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    const mode = options.mode;
    if (mode === undefined) return new ReadableStreamDefaultReader(this);
    if (`${mode}` !== 'byob') throw codes.ERR_INVALID_ARG_VALUE('options.mode', mode);
    return new ReadableStreamBYOBReader(this);
  }

  pipeThrough(transform, options = {}) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    const { readable, writable } = transform || {};
    if (!isReadableStream(readable)) throw codes.ERR_INVALID_ARG_TYPE('transform.readable', 'ReadableStream', readable);
    if (!isWritableStream(writable)) throw codes.ERR_INVALID_ARG_TYPE('transform.writable', 'WritableStream', writable);
    if (this.locked) throw codes.ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    if (writable.locked) throw codes.ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    markHandled(readableStreamPipeTo(this, writable, options));
    return readable;
  }

  pipeTo(destination, options = {}) {
    try {
      if (!isReadableStream(this)) throw invalidThis('ReadableStream');
      if (!isWritableStream(destination)) {
        throw codes.ERR_INVALID_ARG_TYPE('destination', 'WritableStream', destination);
      }
      if (this.locked) throw codes.ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
      if (destination.locked) throw codes.ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    } catch (err) {
      return PromiseReject(err);
    }
    return readableStreamPipeTo(this, destination, options);
  }

  tee() {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    return readableStreamTee(this);
  }

  values(options = {}) {
    if (!isReadableStream(this)) throw invalidThis('ReadableStream');
    const preventCancel = !!(options && options.preventCancel);
    const reader = new ReadableStreamDefaultReader(this);
    let done = false;
    let current = PromiseResolve();
    const next = () => {
      if (done) return PromiseResolve({ value: undefined, done: true });
      return reader.read().then((result) => {
        if (result.done) {
          done = true;
          reader.releaseLock();
        }
        return result;
      }, (err) => {
        done = true;
        reader.releaseLock();
        throw err;
      });
    };
    const iterator = {
      next() {
        current = current.then(next, next);
        return current;
      },
      return(value) {
        const finish = () => {
          if (done) return { value, done: true };
          done = true;
          if (!preventCancel) {
            const result = reader.cancel(value);
            reader.releaseLock();
            return result.then(() => ({ value, done: true }));
          }
          reader.releaseLock();
          return { value, done: true };
        };
        current = current.then(finish, finish);
        return current;
      },
      [Symbol.asyncIterator]() { return this; },
    };
    Object.setPrototypeOf(iterator, AsyncIteratorPrototype);
    return iterator;
  }

  /** A ReadableStream over an iterable or async iterable. */
  static from(iterable) {
    if (isReadableStream(iterable)) return iterable;
    const method = iterable === null || iterable === undefined ? undefined :
      (iterable[Symbol.asyncIterator] || iterable[Symbol.iterator]);
    if (typeof method !== 'function') throw codes.ERR_ARG_NOT_ITERABLE('iterable');
    const iterator = method.call(iterable);
    const isAsync = typeof iterable[Symbol.asyncIterator] === 'function';
    return new ReadableStream({
      async pull(controller) {
        const result = isAsync ? await iterator.next() : iterator.next();
        if (!isObjectLike(result)) throw codes.ERR_INVALID_STATE.TypeError('The promise returned by the iterator.next() method must fulfill with an object');
        if (result.done) controller.close();
        else controller.enqueue(await result.value);
      },
      async cancel(reason) {
        if (typeof iterator.return === 'function') {
          const result = await iterator.return(reason);
          if (!isObjectLike(result)) throw codes.ERR_INVALID_STATE.TypeError('The promise returned by the iterator.return() method must fulfill with an object');
        }
      },
    }, { highWaterMark: 0 });
  }
}

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);


function readableStreamCancel(stream, reason) {
  const s = stream[kState];
  s.disturbed = true;
  if (s.state === 'closed') return PromiseResolve();
  if (s.state === 'errored') return PromiseReject(s.storedError);
  readableStreamClose(stream);
  const reader = s.reader;
  if (reader !== undefined && reader[kState].kind === 'byob-reader') {
    const requests = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (const request of requests) request.close(undefined);
  }
  const c = s.controller[kState];
  if (c.kind === 'byte-controller') c.pendingPullIntos = [];
  resetQueue(c);
  const result = promiseCall(c.cancelAlgorithm, undefined, reason);
  clearReadableAlgorithms(c);
  return result.then(() => undefined);
}

function readableStreamClose(stream) {
  const s = stream[kState];
  s.state = 'closed';
  const reader = s.reader;
  if (reader === undefined) return;
  const r = reader[kState];
  r.closed.resolve();
  if (r.kind === 'reader') {
    const requests = r.readRequests;
    r.readRequests = [];
    for (const request of requests) request.close();
  }
}

function readableStreamError(stream, error) {
  const s = stream[kState];
  s.state = 'errored';
  s.storedError = error;
  const reader = s.reader;
  if (reader === undefined) return;
  const r = reader[kState];
  r.closed.reject(error);
  markHandled(r.closed.promise);
  const requests = r.kind === 'reader' ? r.readRequests : r.readIntoRequests;
  if (r.kind === 'reader') r.readRequests = [];
  else r.readIntoRequests = [];
  for (const request of requests) request.error(error);
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const r = stream[kState].reader[kState];
  const request = r.readRequests.shift();
  if (done) request.close();
  else request.chunk(chunk);
}

function readableStreamGetNumReadRequests(stream) {
  const reader = stream[kState].reader;
  return reader === undefined || reader[kState].kind !== 'reader' ? 0 : reader[kState].readRequests.length;
}

// --- ReadableStreamDefaultController --------------------------------------------------------

function isDefaultController(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'readable-controller';
}

/** The controller a default ReadableStream's source enqueues through. */
class ReadableStreamDefaultController {
  constructor() {
    throw codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    if (!isDefaultController(this)) throw invalidThis('ReadableStreamDefaultController');
    return readableControllerDesiredSize(this[kState]);
  }

  close() {
    if (!isDefaultController(this)) throw invalidThis('ReadableStreamDefaultController');
    if (!canCloseOrEnqueue(this[kState])) throw codes.ERR_INVALID_STATE.TypeError('Controller is already closed');
    readableControllerClose(this[kState]);
  }

  enqueue(chunk = undefined) {
    if (!isDefaultController(this)) throw invalidThis('ReadableStreamDefaultController');
    if (!canCloseOrEnqueue(this[kState])) throw codes.ERR_INVALID_STATE.TypeError('Controller is already closed');
    readableControllerEnqueue(this[kState], chunk);
  }

  error(error = undefined) {
    if (!isDefaultController(this)) throw invalidThis('ReadableStreamDefaultController');
    readableControllerError(this[kState], error);
  }
}


function createController(Ctor, state) {
  const controller = Object.create(Ctor.prototype);
  controller[kState] = state;
  return controller;
}

function setupDefaultController(stream, source, hwm, size) {
  const start = methodOf(source, 'start', 'source');
  const pull = methodOf(source, 'pull', 'source');
  const cancel = methodOf(source, 'cancel', 'source');
  const c = {
    kind: 'readable-controller', stream, queue: [], queueTotalSize: 0, started: false,
    closeRequested: false, pullAgain: false, pulling: false, strategySizeAlgorithm: size,
    strategyHWM: hwm, pullAlgorithm: undefined, cancelAlgorithm: undefined,
  };
  const controller = createController(ReadableStreamDefaultController, c);
  c.controller = controller;
  c.pullAlgorithm = pull === undefined ? () => PromiseResolve() : () => promiseCall(pull, source, controller);
  c.cancelAlgorithm = cancel === undefined ? () => PromiseResolve() : (reason) => promiseCall(cancel, source, reason);
  stream[kState].controller = controller;
  setupStartedController(c, () => (start === undefined ? undefined : start.call(source, controller)));
}

// Runs `startAlgorithm` (a throw propagates to the constructor), then starts pulling.
function setupStartedController(c, startAlgorithm) {
  const startResult = startAlgorithm();
  PromiseResolve(startResult).then(() => {
    c.started = true;
    readableControllerCallPullIfNeeded(c);
  }, (err) => readableControllerError(c, err));
}

function readableControllerDesiredSize(c) {
  const state = c.stream[kState].state;
  if (state === 'errored') return null;
  if (state === 'closed') return 0;
  return c.strategyHWM - c.queueTotalSize;
}

function canCloseOrEnqueue(c) {
  return !c.closeRequested && c.stream[kState].state === 'readable';
}

function clearReadableAlgorithms(c) {
  c.pullAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function readableControllerClose(c) {
  if (!canCloseOrEnqueue(c)) return;
  c.closeRequested = true;
  if (c.queue.length === 0) {
    clearReadableAlgorithms(c);
    readableStreamClose(c.stream);
  }
}

function readableControllerEnqueue(c, chunk) {
  if (!canCloseOrEnqueue(c)) return;
  const stream = c.stream;
  if (stream[kState].reader !== undefined && readableStreamGetNumReadRequests(stream) > 0) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    let size;
    try {
      size = c.strategySizeAlgorithm(chunk);
      enqueueValueWithSize(c, chunk, size);
    } catch (err) {
      readableControllerError(c, err);
      throw err;
    }
  }
  readableControllerCallPullIfNeeded(c);
}

function readableControllerError(c, error) {
  if (c.stream[kState].state !== 'readable') return;
  resetQueue(c);
  clearReadableAlgorithms(c);
  readableStreamError(c.stream, error);
}

function readableControllerShouldCallPull(c) {
  if (!canCloseOrEnqueue(c) || !c.started) return false;
  const stream = c.stream;
  if (stream[kState].reader !== undefined && readableStreamGetNumReadRequests(stream) > 0) return true;
  return readableControllerDesiredSize(c) > 0;
}

function readableControllerCallPullIfNeeded(c) {
  if (!readableControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pullAlgorithm().then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      readableControllerCallPullIfNeeded(c);
    }
  }, (err) => readableControllerError(c, err));
}

// The controller's [[PullSteps]]: serve a read request from the queue or wait for a chunk.
function readableControllerPullSteps(c, request) {
  if (c.queue.length > 0) {
    const chunk = dequeueValue(c);
    if (c.closeRequested && c.queue.length === 0) {
      clearReadableAlgorithms(c);
      readableStreamClose(c.stream);
    } else {
      readableControllerCallPullIfNeeded(c);
    }
    request.chunk(chunk);
  } else {
    c.stream[kState].reader[kState].readRequests.push(request);
    readableControllerCallPullIfNeeded(c);
  }
}

// --- ReadableStreamDefaultReader -------------------------------------------------------------

// --- what both reader kinds share (the spec's ReadableStreamGenericReader) -------------------

function assertUnlockedStream(stream) {
  if (!isReadableStream(stream)) throw codes.ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
  if (stream[kState].reader !== undefined) throw codes.ERR_INVALID_STATE.TypeError('ReadableStream is locked');
}

// Locks `stream` to `reader` (whose state is `r`) and settles `closed` as the stream's state says.
function readerAttach(reader, stream, r) {
  reader[kState] = r;
  stream[kState].reader = reader;
  const state = stream[kState].state;
  if (state === 'closed') {
    r.closed.resolve();
  } else if (state === 'errored') {
    r.closed.reject(stream[kState].storedError);
    markHandled(r.closed.promise);
  }
}

// Unlocks the reader's stream; its pending requests (`r[requestsKey]`) fail with the release error.
function readerReleaseLock(r, requestsKey) {
  const stream = r.stream;
  if (stream === undefined) return;
  if (stream[kState].state !== 'readable') r.closed = deferred();
  r.closed.reject(codes.ERR_INVALID_STATE.TypeError('Reader released'));
  markHandled(r.closed.promise);
  stream[kState].reader = undefined;
  r.stream = undefined;
  const requests = r[requestsKey];
  r[requestsKey] = [];
  // Pending reads fail with their own error, worded as Node words it.
  const pendingError = codes.ERR_INVALID_STATE.TypeError('Releasing reader');
  for (const request of requests) request.error(pendingError);
}

function readerCancel(r, reason) {
  if (r.stream === undefined) {
    return PromiseReject(codes.ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
  }
  return readableStreamCancel(r.stream, reason);
}

// A read (or read-into) request settling the promise of `d` with `{ value, done }`; a default
// reader's close passes no value.
function promiseReadRequest(d) {
  return {
    chunk: (value) => d.resolve({ value, done: false }),
    close: (value) => d.resolve({ value, done: true }),
    error: (err) => d.reject(err),
  };
}

// The members both reader classes have (the spec's ReadableStreamGenericReader mixin), each
// checking that `this` is a reader of `Reader`'s kind (`isReader`); `requestsKey` names the
// reader state's list of pending requests.
function defineGenericReaderMembers(Reader, isReader, requestsKey) {
  const name = Reader.name;
  Object.defineProperties(Reader.prototype, Object.getOwnPropertyDescriptors({
    releaseLock() {
      if (!isReader(this)) throw invalidThis(name);
      readerReleaseLock(this[kState], requestsKey);
    },
    get closed() {
      if (!isReader(this)) return PromiseReject(invalidThis(name));
      return this[kState].closed.promise;
    },
    cancel(reason = undefined) {
      if (!isReader(this)) return PromiseReject(invalidThis(name));
      return readerCancel(this[kState], reason);
    },
  }));
}

function isDefaultReader(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'reader';
}

/** Reads chunks from a locked ReadableStream. */
class ReadableStreamDefaultReader {
  constructor(stream) {
    assertUnlockedStream(stream);
    readerAttach(this, stream, { kind: 'reader', stream, readRequests: [], closed: deferred() });
  }

  read() {
    if (!isDefaultReader(this)) return PromiseReject(invalidThis('ReadableStreamDefaultReader'));
    const stream = this[kState].stream;
    if (stream === undefined) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const d = deferred();
    const request = promiseReadRequest(d);
    const s = stream[kState];
    s.disturbed = true;
    if (s.state === 'closed') request.close();
    else if (s.state === 'errored') request.error(s.storedError);
    else if (s.controller[kState].kind === 'byte-controller') byteControllerPullSteps(s.controller[kState], request);
    else readableControllerPullSteps(s.controller[kState], request);
    return d.promise;
  }

}
defineGenericReaderMembers(ReadableStreamDefaultReader, isDefaultReader, 'readRequests');


// --- byte streams: ReadableByteStreamController, BYOB reader and request ---------------------

function isByteController(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'byte-controller';
}

/** The controller a byte ReadableStream's source enqueues bytes (or fills BYOB views) through. */
class ReadableByteStreamController {
  constructor() {
    throw codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get byobRequest() {
    if (!isByteController(this)) throw invalidThis('ReadableByteStreamController');
    return byteControllerGetBYOBRequest(this[kState]);
  }

  get desiredSize() {
    if (!isByteController(this)) throw invalidThis('ReadableByteStreamController');
    return readableControllerDesiredSize(this[kState]);
  }

  close() {
    if (!isByteController(this)) throw invalidThis('ReadableByteStreamController');
    const c = this[kState];
    if (c.closeRequested) throw codes.ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw codes.ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    byteControllerClose(c);
  }

  enqueue(chunk) {
    if (!isByteController(this)) throw invalidThis('ReadableByteStreamController');
    if (!ArrayBuffer.isView(chunk)) throw codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], chunk);
    if (chunk.byteLength === 0) throw codes.ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    if (chunk.buffer.byteLength === 0) throw codes.ERR_INVALID_STATE.TypeError('chunk ArrayBuffer is zero-length or detached');
    const c = this[kState];
    if (c.closeRequested) throw codes.ERR_INVALID_STATE.TypeError('Controller is already closed');
    if (c.stream[kState].state !== 'readable') throw codes.ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    byteControllerEnqueue(c, chunk);
  }

  error(error = undefined) {
    if (!isByteController(this)) throw invalidThis('ReadableByteStreamController');
    byteControllerError(this[kState], error);
  }
}


function isBYOBRequest(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'byob-request';
}

/** The view a byte source fills for the current read, answered with respond(). */
class ReadableStreamBYOBRequest {
  constructor() {
    throw codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get view() {
    if (!isBYOBRequest(this)) throw invalidThis('ReadableStreamBYOBRequest');
    return this[kState].view;
  }

  respond(bytesWritten) {
    if (!isBYOBRequest(this)) throw invalidThis('ReadableStreamBYOBRequest');
    const r = this[kState];
    if (r.controller === undefined) throw codes.ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    const written = Number(bytesWritten);
    if (!Number.isFinite(written) || written < 0) {
      throw codes.ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
    if (r.view.buffer.byteLength === 0) throw codes.ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    byteControllerRespond(r.controller, Math.trunc(written));
  }

  respondWithNewView(view) {
    if (!isBYOBRequest(this)) throw invalidThis('ReadableStreamBYOBRequest');
    if (!ArrayBuffer.isView(view)) throw codes.ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view);
    const r = this[kState];
    if (r.controller === undefined) throw codes.ERR_INVALID_STATE.TypeError('This BYOB request has been invalidated');
    byteControllerRespondWithNewView(r.controller, view);
  }
}


function setupByteController(stream, source, hwm) {
  const start = methodOf(source, 'start', 'source');
  const pull = methodOf(source, 'pull', 'source');
  const cancel = methodOf(source, 'cancel', 'source');
  let autoAllocateChunkSize = source.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = Number(autoAllocateChunkSize);
    if (!Number.isInteger(autoAllocateChunkSize) || autoAllocateChunkSize <= 0) {
      throw codes.ERR_INVALID_ARG_VALUE.RangeError('source.autoAllocateChunkSize', source.autoAllocateChunkSize);
    }
  }
  const c = {
    kind: 'byte-controller', stream, queue: [], queueTotalSize: 0, started: false,
    closeRequested: false, pullAgain: false, pulling: false, strategyHWM: hwm,
    autoAllocateChunkSize, pendingPullIntos: [], byobRequest: null,
  };
  const controller = createController(ReadableByteStreamController, c);
  c.controller = controller;
  c.pullAlgorithm = pull === undefined ? () => PromiseResolve() : () => promiseCall(pull, source, controller);
  c.cancelAlgorithm = cancel === undefined ? () => PromiseResolve() : (reason) => promiseCall(cancel, source, reason);
  stream[kState].controller = controller;
  const startResult = start === undefined ? undefined : start.call(source, controller);
  PromiseResolve(startResult).then(() => {
    c.started = true;
    byteControllerCallPullIfNeeded(c);
  }, (err) => byteControllerError(c, err));
}

function transferBuffer(buffer) {
  return native.primordials.ArrayBufferPrototypeTransfer.call(buffer);
}

function byteControllerGetBYOBRequest(c) {
  if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled,
      first.byteLength - first.bytesFilled);
    const request = Object.create(ReadableStreamBYOBRequest.prototype);
    request[kState] = { kind: 'byob-request', controller: c, view };
    c.byobRequest = request;
  }
  return c.byobRequest;
}

function byteControllerInvalidateBYOBRequest(c) {
  if (c.byobRequest === null) return;
  c.byobRequest[kState].controller = undefined;
  c.byobRequest[kState].view = null;
  c.byobRequest = null;
}

function byteControllerError(c, error) {
  if (c.stream[kState].state !== 'readable') return;
  byteControllerInvalidateBYOBRequest(c);
  c.pendingPullIntos = [];
  resetQueue(c);
  clearReadableAlgorithms(c);
  readableStreamError(c.stream, error);
}

function byteControllerClose(c) {
  if (c.closeRequested || c.stream[kState].state !== 'readable') return;
  if (c.queueTotalSize > 0) {
    c.closeRequested = true;
    return;
  }
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    if (first.bytesFilled % first.elementSize !== 0) {
      const error = codes.ERR_INVALID_STATE.TypeError('Partial read');
      byteControllerError(c, error);
      throw error;
    }
  }
  clearReadableAlgorithms(c);
  readableStreamClose(c.stream);
}

function byteReaderKind(stream) {
  const reader = stream[kState].reader;
  return reader === undefined ? undefined : reader[kState].kind;
}

function numReadIntoRequests(stream) {
  return byteReaderKind(stream) === 'byob-reader' ? stream[kState].reader[kState].readIntoRequests.length : 0;
}

function byteControllerEnqueueChunk(c, buffer, byteOffset, byteLength) {
  c.queue.push({ buffer, byteOffset, byteLength });
  c.queueTotalSize += byteLength;
}

function byteControllerEnqueue(c, chunk) {
  const stream = c.stream;
  const { byteOffset, byteLength } = chunk;
  const buffer = transferBuffer(chunk.buffer);
  if (c.pendingPullIntos.length > 0) {
    const first = c.pendingPullIntos[0];
    byteControllerInvalidateBYOBRequest(c);
    first.buffer = transferBuffer(first.buffer);
    if (first.readerType === 'none') byteControllerEnqueueDetachedPullInto(c, first);
  }
  if (byteReaderKind(stream) === 'reader') {
    byteControllerProcessReadRequestsUsingQueue(c);
    if (readableStreamGetNumReadRequests(stream) === 0) {
      byteControllerEnqueueChunk(c, buffer, byteOffset, byteLength);
    } else {
      if (c.pendingPullIntos.length > 0) byteControllerShiftPendingPullInto(c);
      readableStreamFulfillReadRequest(stream, new Uint8Array(buffer, byteOffset, byteLength), false);
    }
  } else if (byteReaderKind(stream) === 'byob-reader') {
    byteControllerEnqueueChunk(c, buffer, byteOffset, byteLength);
    byteControllerProcessPullIntosUsingQueue(c);
  } else {
    byteControllerEnqueueChunk(c, buffer, byteOffset, byteLength);
  }
  byteControllerCallPullIfNeeded(c);
}

function byteControllerEnqueueDetachedPullInto(c, descriptor) {
  if (descriptor.bytesFilled > 0) {
    const copy = descriptor.buffer.slice(descriptor.byteOffset, descriptor.byteOffset + descriptor.bytesFilled);
    byteControllerEnqueueChunk(c, copy, 0, copy.byteLength);
  }
  byteControllerShiftPendingPullInto(c);
}

function byteControllerShiftPendingPullInto(c) {
  return c.pendingPullIntos.shift();
}

function byteControllerFillReadRequestFromQueue(c, request) {
  const entry = c.queue.shift();
  c.queueTotalSize -= entry.byteLength;
  byteControllerHandleQueueDrain(c);
  request.chunk(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
}

function byteControllerProcessReadRequestsUsingQueue(c) {
  const reader = c.stream[kState].reader[kState];
  while (reader.readRequests.length > 0) {
    if (c.queueTotalSize === 0) return;
    byteControllerFillReadRequestFromQueue(c, reader.readRequests.shift());
  }
}

function byteControllerHandleQueueDrain(c) {
  if (c.queueTotalSize === 0 && c.closeRequested) {
    clearReadableAlgorithms(c);
    readableStreamClose(c.stream);
  } else {
    byteControllerCallPullIfNeeded(c);
  }
}

// Copies queued bytes into the descriptor; true once it holds at least one whole element.
function byteControllerFillPullIntoFromQueue(c, d) {
  const maxBytesToCopy = Math.min(c.queueTotalSize, d.byteLength - d.bytesFilled);
  const maxBytesFilled = d.bytesFilled + maxBytesToCopy;
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % d.elementSize);
  if (maxAlignedBytes >= d.elementSize) {
    totalBytesToCopyRemaining = maxAlignedBytes - d.bytesFilled;
    ready = true;
  }
  while (totalBytesToCopyRemaining > 0) {
    const head = c.queue[0];
    const bytesToCopy = Math.min(totalBytesToCopyRemaining, head.byteLength);
    const destStart = d.byteOffset + d.bytesFilled;
    new Uint8Array(d.buffer, destStart, bytesToCopy)
      .set(new Uint8Array(head.buffer, head.byteOffset, bytesToCopy));
    if (head.byteLength === bytesToCopy) {
      c.queue.shift();
    } else {
      head.byteOffset += bytesToCopy;
      head.byteLength -= bytesToCopy;
    }
    c.queueTotalSize -= bytesToCopy;
    byteControllerInvalidateBYOBRequest(c);
    d.bytesFilled += bytesToCopy;
    totalBytesToCopyRemaining -= bytesToCopy;
  }
  return ready;
}

function byteControllerProcessPullIntosUsingQueue(c) {
  while (c.pendingPullIntos.length > 0) {
    if (c.queueTotalSize === 0) return;
    const d = c.pendingPullIntos[0];
    if (byteControllerFillPullIntoFromQueue(c, d)) {
      byteControllerShiftPendingPullInto(c);
      byteControllerCommitPullInto(c.stream, d);
    }
  }
}

function pullIntoView(d) {
  const { viewConstructor: View, buffer, byteOffset, bytesFilled, elementSize } = d;
  if (View === DataView) return new DataView(buffer, byteOffset, bytesFilled);
  return new View(buffer, byteOffset, bytesFilled / elementSize);
}

function byteControllerCommitPullInto(stream, d) {
  let done = false;
  if (stream[kState].state === 'closed') done = true;
  const view = pullIntoView(d);
  if (d.readerType === 'default') {
    readableStreamFulfillReadRequest(stream, view, done);
  } else {
    const reader = stream[kState].reader[kState];
    const request = reader.readIntoRequests.shift();
    if (done) request.close(view);
    else request.chunk(view);
  }
}

function byteControllerShouldCallPull(c) {
  const stream = c.stream;
  if (stream[kState].state !== 'readable' || c.closeRequested || !c.started) return false;
  if (readableStreamGetNumReadRequests(stream) > 0) return true;
  if (numReadIntoRequests(stream) > 0) return true;
  return readableControllerDesiredSize(c) > 0;
}

function byteControllerCallPullIfNeeded(c) {
  if (!byteControllerShouldCallPull(c)) return;
  if (c.pulling) {
    c.pullAgain = true;
    return;
  }
  c.pulling = true;
  c.pullAlgorithm().then(() => {
    c.pulling = false;
    if (c.pullAgain) {
      c.pullAgain = false;
      byteControllerCallPullIfNeeded(c);
    }
  }, (err) => byteControllerError(c, err));
}

function byteControllerPullSteps(c, request) {
  const stream = c.stream;
  if (c.queueTotalSize > 0) {
    byteControllerFillReadRequestFromQueue(c, request);
    return;
  }
  if (c.autoAllocateChunkSize !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(c.autoAllocateChunkSize);
    } catch (err) {
      request.error(err);
      return;
    }
    c.pendingPullIntos.push({
      buffer, bufferByteLength: c.autoAllocateChunkSize, byteOffset: 0,
      byteLength: c.autoAllocateChunkSize, bytesFilled: 0, elementSize: 1,
      viewConstructor: Uint8Array, readerType: 'default',
    });
  }
  stream[kState].reader[kState].readRequests.push(request);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerPullInto(c, view, request) {
  const stream = c.stream;
  const View = view.constructor === DataView ? DataView : view.constructor;
  const elementSize = View === DataView ? 1 : (View.BYTES_PER_ELEMENT || 1);
  // Read the window before the transfer detaches the view.
  const { byteOffset, byteLength } = view;
  let buffer;
  try {
    buffer = transferBuffer(view.buffer);
  } catch (err) {
    request.error(err);
    return;
  }
  const d = {
    buffer, bufferByteLength: buffer.byteLength, byteOffset,
    byteLength, bytesFilled: 0, elementSize, viewConstructor: View, readerType: 'byob',
  };
  if (c.pendingPullIntos.length > 0) {
    c.pendingPullIntos.push(d);
    stream[kState].reader[kState].readIntoRequests.push(request);
    return;
  }
  if (stream[kState].state === 'closed') {
    request.close(new View(d.buffer, d.byteOffset, 0));
    return;
  }
  if (c.queueTotalSize > 0) {
    if (byteControllerFillPullIntoFromQueue(c, d)) {
      const filled = pullIntoView(d);
      byteControllerHandleQueueDrain(c);
      request.chunk(filled);
      return;
    }
    if (c.closeRequested) {
      const error = codes.ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
      byteControllerError(c, error);
      request.error(error);
      return;
    }
  }
  c.pendingPullIntos.push(d);
  stream[kState].reader[kState].readIntoRequests.push(request);
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespondInternal(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  const state = c.stream[kState].state;
  byteControllerInvalidateBYOBRequest(c);
  if (state === 'closed') {
    if (first.readerType === 'none') byteControllerShiftPendingPullInto(c);
    if (byteReaderKind(c.stream) === 'byob-reader') {
      while (numReadIntoRequests(c.stream) > 0) {
        byteControllerCommitPullInto(c.stream, byteControllerShiftPendingPullInto(c));
      }
    }
  } else {
    first.bytesFilled += bytesWritten;
    if (first.readerType === 'none') {
      byteControllerEnqueueDetachedPullInto(c, first);
      byteControllerProcessPullIntosUsingQueue(c);
    } else if (first.bytesFilled >= first.elementSize) {
      byteControllerShiftPendingPullInto(c);
      const remainder = first.bytesFilled % first.elementSize;
      if (remainder > 0) {
        const end = first.byteOffset + first.bytesFilled;
        const rest = first.buffer.slice(end - remainder, end);
        byteControllerEnqueueChunk(c, rest, 0, rest.byteLength);
      }
      first.bytesFilled -= remainder;
      byteControllerCommitPullInto(c.stream, first);
      byteControllerProcessPullIntosUsingQueue(c);
    }
  }
  byteControllerCallPullIfNeeded(c);
}

function byteControllerRespond(c, bytesWritten) {
  const first = c.pendingPullIntos[0];
  if (c.stream[kState].state === 'closed') {
    if (bytesWritten !== 0) throw codes.ERR_INVALID_STATE.TypeError('Controller is already closed');
  } else {
    if (bytesWritten === 0) throw codes.ERR_INVALID_STATE.TypeError('bytesWritten must be greater than zero');
    if (first.bytesFilled + bytesWritten > first.byteLength) {
      throw codes.ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }
  first.buffer = transferBuffer(first.buffer);
  byteControllerRespondInternal(c, bytesWritten);
}

function byteControllerRespondWithNewView(c, view) {
  const first = c.pendingPullIntos[0];
  if (c.stream[kState].state === 'closed') {
    if (view.byteLength !== 0) throw codes.ERR_INVALID_STATE.TypeError('View is not zero-length');
  } else if (view.byteLength === 0) {
    throw codes.ERR_INVALID_STATE.TypeError('View is zero-length');
  }
  if (first.byteOffset + first.bytesFilled !== view.byteOffset) {
    throw codes.ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bufferByteLength !== view.buffer.byteLength) {
    throw codes.ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  if (first.bytesFilled + view.byteLength > first.byteLength) {
    throw codes.ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
  const written = view.byteLength;
  first.buffer = transferBuffer(view.buffer);
  byteControllerRespondInternal(c, written);
}

function isBYOBReader(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'byob-reader';
}

/** Reads a byte stream into views the caller provides. */
class ReadableStreamBYOBReader {
  constructor(stream) {
    assertUnlockedStream(stream);
    if (stream[kState].controller[kState].kind !== 'byte-controller') {
      throw codes.ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
    }
    readerAttach(this, stream, { kind: 'byob-reader', stream, readIntoRequests: [], closed: deferred() });
  }

  read(view) {
    if (!isBYOBReader(this)) return PromiseReject(invalidThis('ReadableStreamBYOBReader'));
    if (!ArrayBuffer.isView(view)) {
      return PromiseReject(codes.ERR_INVALID_ARG_TYPE('view', ['Buffer', 'TypedArray', 'DataView'], view));
    }
    if (view.byteLength === 0 || view.buffer.byteLength === 0) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('View or Viewed ArrayBuffer is zero-length or detached'));
    }
    const stream = this[kState].stream;
    if (stream === undefined) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('The reader is not attached to a stream'));
    }
    const d = deferred();
    const request = promiseReadRequest(d);
    const s = stream[kState];
    s.disturbed = true;
    if (s.state === 'errored') request.error(s.storedError);
    else byteControllerPullInto(s.controller[kState], view, request);
    return d.promise;
  }

}
defineGenericReaderMembers(ReadableStreamBYOBReader, isBYOBReader, 'readIntoRequests');


// --- tee and pipeTo ---------------------------------------------------------------------------

// Controller operations for either kind (tee branches of a byte stream are byte streams).
function anyControllerClose(c) {
  if (c.kind === 'byte-controller') {
    byteControllerClose(c);
    if (c.stream[kState].state === 'closed' && c.pendingPullIntos.length > 0) byteControllerRespond(c, 0);
  } else {
    readableControllerClose(c);
  }
}

function anyControllerEnqueue(c, chunk, copy) {
  if (c.kind !== 'byte-controller') {
    readableControllerEnqueue(c, chunk);
    return;
  }
  // Each byte branch gets its own bytes (enqueueing transfers the buffer).
  byteControllerEnqueue(c, copy ? new Uint8Array(chunk) : chunk);
}

function anyControllerError(c, error) {
  if (c.kind === 'byte-controller') byteControllerError(c, error);
  else readableControllerError(c, error);
}

function readableStreamTee(stream) {
  const isBytes = stream[kState].controller[kState].kind === 'byte-controller';
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = deferred();
  const pull = () => {
    if (reading) {
      readAgain = true;
      return PromiseResolve();
    }
    reading = true;
    reader.read().then(({ value, done }) => {
      if (done) {
        reading = false;
        if (!canceled1) anyControllerClose(branch1[kState].controller[kState]);
        if (!canceled2) anyControllerClose(branch2[kState].controller[kState]);
        if (!canceled1 || !canceled2) cancelPromise.resolve();
        return;
      }
      require('internal/loop').queueMicrotask(() => {
        readAgain = false;
        if (!canceled1) anyControllerEnqueue(branch1[kState].controller[kState], value, !canceled2);
        if (!canceled2) anyControllerEnqueue(branch2[kState].controller[kState], value, false);
        reading = false;
        if (readAgain) pull();
      });
    }, () => { reading = false; });
    return PromiseResolve();
  };
  const cancelBoth = () => {
    const result = readableStreamCancel(stream, [reason1, reason2]);
    result.then(cancelPromise.resolve, cancelPromise.reject);
  };
  branch1 = new ReadableStream({
    type: isBytes ? 'bytes' : undefined,
    pull,
    cancel(reason) {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) cancelBoth();
      return cancelPromise.promise;
    },
  });
  branch2 = new ReadableStream({
    type: isBytes ? 'bytes' : undefined,
    pull,
    cancel(reason) {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) cancelBoth();
      return cancelPromise.promise;
    },
  });
  reader[kState].closed.promise.then(undefined, (err) => {
    anyControllerError(branch1[kState].controller[kState], err);
    anyControllerError(branch2[kState].controller[kState], err);
    if (!canceled1 || !canceled2) cancelPromise.resolve();
  });
  return [branch1, branch2];
}

function readableStreamPipeTo(source, dest, options) {
  if (options === null || typeof options !== 'object') {
    return PromiseReject(codes.ERR_INVALID_ARG_TYPE('options', 'Object', options));
  }
  const preventClose = !!options.preventClose;
  const preventAbort = !!options.preventAbort;
  const preventCancel = !!options.preventCancel;
  const signal = options.signal;
  const reader = new ReadableStreamDefaultReader(source);
  const writer = new WritableStreamDefaultWriter(dest);
  source[kState].disturbed = true;
  const result = deferred();
  let shuttingDown = false;
  let currentWrite = PromiseResolve();
  let abortListener;

  const finalize = (isError, error) => {
    writer.releaseLock();
    reader.releaseLock();
    if (signal !== undefined && abortListener !== undefined) signal.removeEventListener('abort', abortListener);
    if (isError) result.reject(error);
    else result.resolve();
  };
  const waitForWrites = () => {
    const last = currentWrite;
    return last.then(() => (last !== currentWrite ? waitForWrites() : undefined));
  };
  const shutdown = (action, isError, error) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const run = () => {
      if (action === undefined) {
        finalize(isError, error);
        return;
      }
      action().then(() => finalize(isError, error), (err) => finalize(true, err));
    };
    if (dest[kState].state === 'writable' && !writableStreamCloseQueuedOrInFlight(dest)) {
      waitForWrites().then(run, run);
    } else {
      run();
    }
  };

  if (signal !== undefined) {
    abortListener = () => {
      const error = signal.reason;
      const actions = [];
      if (!preventAbort) {
        actions.push(() => (dest[kState].state === 'writable' ? writableStreamAbort(dest, error) : PromiseResolve()));
      }
      if (!preventCancel) {
        actions.push(() => (source[kState].state === 'readable' ? readableStreamCancel(source, error) : PromiseResolve()));
      }
      shutdown(() => Promise.all(actions.map((a) => a())), true, error);
    };
    if (signal.aborted) {
      abortListener();
      return result.promise;
    }
    signal.addEventListener('abort', abortListener, { once: true });
  }

  // Errors and closures, checked before each step and watched through the closed promises.
  const checkStates = () => {
    const ss = source[kState];
    const ds = dest[kState];
    if (ss.state === 'errored') {
      if (!preventAbort) shutdown(() => writableStreamAbort(dest, ss.storedError), true, ss.storedError);
      else shutdown(undefined, true, ss.storedError);
      return true;
    }
    if (ds.state === 'errored' || ds.state === 'erroring') {
      const err = ds.storedError;
      if (!preventCancel) shutdown(() => readableStreamCancel(source, err), true, err);
      else shutdown(undefined, true, err);
      return true;
    }
    if (ss.state === 'closed') {
      if (!preventClose) shutdown(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
      else shutdown();
      return true;
    }
    if (writableStreamCloseQueuedOrInFlight(dest) || ds.state === 'closed') {
      const err = codes.ERR_INVALID_STATE.TypeError('Destination WritableStream is closed');
      if (!preventCancel) shutdown(() => readableStreamCancel(source, err), true, err);
      else shutdown(undefined, true, err);
      return true;
    }
    return false;
  };
  reader[kState].closed.promise.then(checkStates, checkStates);
  writer[kState].closed.promise.then(checkStates, checkStates);

  const step = () => {
    if (shuttingDown || checkStates()) return;
    writer[kState].ready.promise.then(() => {
      if (shuttingDown || checkStates()) return;
      reader.read().then(({ value, done }) => {
        if (done) {
          checkStates();
          return;
        }
        currentWrite = markHandled(writableStreamDefaultWriterWrite(writer, value));
        step();
      }, () => checkStates());
    }, () => checkStates());
  };
  step();
  return result.promise;
}

// --- WritableStream --------------------------------------------------------------------------

function isWritableStream(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'writable';
}

/** A destination for chunks written through a writer. */
class WritableStream {
  constructor(sink = {}, strategy = {}) {
    if (sink === null || (typeof sink !== 'object' && typeof sink !== 'function')) {
      throw codes.ERR_INVALID_ARG_TYPE('sink', 'Object', sink);
    }
    if (sink.type !== undefined) throw codes.ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
    this[kState] = {
      kind: 'writable', state: 'writable', storedError: undefined, writer: undefined,
      controller: undefined, inFlightWriteRequest: undefined, closeRequest: undefined,
      inFlightCloseRequest: undefined, pendingAbortRequest: undefined, writeRequests: [],
      backpressure: false,
    };
    const size = extractSizeAlgorithm(strategy);
    const hwm = extractHighWaterMark(strategy, 1);
    setupWritableController(this, sink, hwm, size);
  }

  get locked() {
    if (!isWritableStream(this)) throw invalidThis('WritableStream');
    return this[kState].writer !== undefined;
  }

  abort(reason = undefined) {
    if (!isWritableStream(this)) return PromiseReject(invalidThis('WritableStream'));
    if (this[kState].writer !== undefined) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  close() {
    if (!isWritableStream(this)) return PromiseReject(invalidThis('WritableStream'));
    if (this[kState].writer !== undefined) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  getWriter() {
    if (!isWritableStream(this)) throw invalidThis('WritableStream');
    return new WritableStreamDefaultWriter(this);
  }
}


function writableStreamAbort(stream, reason) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') return PromiseResolve();
  const c = s.controller[kState];
  c.abortController.abort(reason);
  if (s.state === 'closed' || s.state === 'errored') return PromiseResolve();
  if (s.pendingAbortRequest !== undefined) return s.pendingAbortRequest.promise.promise;
  let wasAlreadyErroring = false;
  if (s.state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }
  const promise = deferred();
  s.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);
  return promise.promise;
}

function writableStreamClose(stream) {
  const s = stream[kState];
  if (s.state === 'closed' || s.state === 'errored') {
    return PromiseReject(codes.ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  const promise = deferred();
  s.closeRequest = promise;
  const writer = s.writer;
  if (writer !== undefined && s.backpressure && s.state === 'writable') writer[kState].ready.resolve();
  const c = s.controller[kState];
  enqueueValueWithSize(c, kCloseSentinel, 0);
  writableControllerAdvanceQueueIfNeeded(c);
  return promise.promise;
}

const kCloseSentinel = Symbol('close');

function writableStreamCloseQueuedOrInFlight(stream) {
  const s = stream[kState];
  return s.closeRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamHasOperationMarkedInFlight(stream) {
  const s = stream[kState];
  return s.inFlightWriteRequest !== undefined || s.inFlightCloseRequest !== undefined;
}

function writableStreamDealWithRejection(stream, error) {
  if (stream[kState].state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const s = stream[kState];
  s.state = 'erroring';
  s.storedError = reason;
  const writer = s.writer;
  if (writer !== undefined) writerEnsureReadyPromiseRejected(writer, reason);
  if (!writableStreamHasOperationMarkedInFlight(stream) && s.controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  const s = stream[kState];
  s.state = 'errored';
  const c = s.controller[kState];
  resetQueue(c);
  const error = s.storedError;
  for (const request of s.writeRequests) request.reject(error);
  s.writeRequests = [];
  const abortRequest = s.pendingAbortRequest;
  if (abortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  s.pendingAbortRequest = undefined;
  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(error);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }
  const result = promiseCall(c.abortAlgorithm, undefined, abortRequest.reason);
  clearWritableAlgorithms(c);
  result.then(() => {
    abortRequest.promise.resolve();
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  }, (err) => {
    abortRequest.promise.reject(err);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
  });
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const s = stream[kState];
  if (s.closeRequest !== undefined) {
    s.closeRequest.reject(s.storedError);
    s.closeRequest = undefined;
  }
  const writer = s.writer;
  if (writer !== undefined) {
    writer[kState].closed.reject(s.storedError);
    markHandled(writer[kState].closed.promise);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const s = stream[kState];
  const writer = s.writer;
  if (writer !== undefined && backpressure !== s.backpressure) {
    if (backpressure) writer[kState].ready = deferred();
    else writer[kState].ready.resolve();
  }
  s.backpressure = backpressure;
}

// --- WritableStreamDefaultController -----------------------------------------------------------

function isWritableController(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'writable-controller';
}

/** The controller a WritableStream's sink can error the stream through. */
class WritableStreamDefaultController {
  constructor() {
    throw codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get signal() {
    if (!isWritableController(this)) throw invalidThis('WritableStreamDefaultController');
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    if (!isWritableController(this)) throw invalidThis('WritableStreamDefaultController');
    if (this[kState].stream[kState].state !== 'writable') return;
    writableControllerError(this[kState], error);
  }
}


function setupWritableController(stream, sink, hwm, size) {
  const start = methodOf(sink, 'start', 'sink');
  const write = methodOf(sink, 'write', 'sink');
  const close = methodOf(sink, 'close', 'sink');
  const abort = methodOf(sink, 'abort', 'sink');
  const c = {
    kind: 'writable-controller', stream, queue: [], queueTotalSize: 0, started: false,
    strategySizeAlgorithm: size, strategyHWM: hwm, abortController: new (require('internal/abort_controller').AbortController)(),
  };
  const controller = createController(WritableStreamDefaultController, c);
  c.controller = controller;
  c.writeAlgorithm = write === undefined ? () => PromiseResolve() : (chunk) => promiseCall(write, sink, chunk, controller);
  c.closeAlgorithm = close === undefined ? () => PromiseResolve() : () => promiseCall(close, sink);
  c.abortAlgorithm = abort === undefined ? () => PromiseResolve() : (reason) => promiseCall(abort, sink, reason);
  stream[kState].controller = controller;
  writableStreamUpdateBackpressure(stream, writableControllerGetBackpressure(c));
  const startResult = start === undefined ? undefined : start.call(sink, controller);
  PromiseResolve(startResult).then(() => {
    c.started = true;
    writableControllerAdvanceQueueIfNeeded(c);
  }, (err) => {
    c.started = true;
    writableStreamDealWithRejection(stream, err);
  });
}

function clearWritableAlgorithms(c) {
  c.writeAlgorithm = undefined;
  c.closeAlgorithm = undefined;
  c.abortAlgorithm = undefined;
  c.strategySizeAlgorithm = undefined;
}

function writableControllerGetDesiredSize(c) {
  return c.strategyHWM - c.queueTotalSize;
}

function writableControllerGetBackpressure(c) {
  return writableControllerGetDesiredSize(c) <= 0;
}

function writableControllerError(c, error) {
  clearWritableAlgorithms(c);
  writableStreamStartErroring(c.stream, error);
}

function writableControllerErrorIfNeeded(c, error) {
  if (c.stream[kState].state === 'writable') writableControllerError(c, error);
}

function writableControllerGetChunkSize(c, chunk) {
  try {
    return c.strategySizeAlgorithm(chunk);
  } catch (err) {
    writableControllerErrorIfNeeded(c, err);
    return 1;
  }
}

function writableControllerWrite(c, chunk, size) {
  try {
    enqueueValueWithSize(c, chunk, size);
  } catch (err) {
    writableControllerErrorIfNeeded(c, err);
    return;
  }
  const stream = c.stream;
  if (!writableStreamCloseQueuedOrInFlight(stream) && stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(stream, writableControllerGetBackpressure(c));
  }
  writableControllerAdvanceQueueIfNeeded(c);
}

function writableControllerAdvanceQueueIfNeeded(c) {
  const stream = c.stream;
  const s = stream[kState];
  if (!c.started || s.inFlightWriteRequest !== undefined) return;
  if (s.state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }
  if (c.queue.length === 0) return;
  const value = c.queue[0].value;
  if (value === kCloseSentinel) {
    // Process the close.
    s.inFlightCloseRequest = s.closeRequest;
    s.closeRequest = undefined;
    dequeueValue(c);
    const result = c.closeAlgorithm();
    clearWritableAlgorithms(c);
    result.then(() => {
      s.inFlightCloseRequest.resolve();
      s.inFlightCloseRequest = undefined;
      if (s.state === 'erroring') {
        s.storedError = undefined;
        if (s.pendingAbortRequest !== undefined) {
          s.pendingAbortRequest.promise.resolve();
          s.pendingAbortRequest = undefined;
        }
      }
      s.state = 'closed';
      if (s.writer !== undefined) s.writer[kState].closed.resolve();
    }, (err) => {
      s.inFlightCloseRequest.reject(err);
      s.inFlightCloseRequest = undefined;
      if (s.pendingAbortRequest !== undefined) {
        s.pendingAbortRequest.promise.reject(err);
        s.pendingAbortRequest = undefined;
      }
      writableStreamDealWithRejection(stream, err);
    });
    return;
  }
  // Process a write.
  s.inFlightWriteRequest = s.writeRequests.shift();
  c.writeAlgorithm(value).then(() => {
    s.inFlightWriteRequest.resolve();
    s.inFlightWriteRequest = undefined;
    dequeueValue(c);
    if (!writableStreamCloseQueuedOrInFlight(stream) && s.state === 'writable') {
      writableStreamUpdateBackpressure(stream, writableControllerGetBackpressure(c));
    }
    writableControllerAdvanceQueueIfNeeded(c);
  }, (err) => {
    if (s.state === 'writable') clearWritableAlgorithms(c);
    s.inFlightWriteRequest.reject(err);
    s.inFlightWriteRequest = undefined;
    writableStreamDealWithRejection(stream, err);
  });
}

// --- WritableStreamDefaultWriter -------------------------------------------------------------

function isWriter(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'writer';
}

/** Writes chunks to a locked WritableStream. */
class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) throw codes.ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    if (stream[kState].writer !== undefined) throw codes.ERR_INVALID_STATE.TypeError('WritableStream is locked');
    const w = { kind: 'writer', stream, ready: deferred(), closed: deferred() };
    this[kState] = w;
    const s = stream[kState];
    s.writer = this;
    if (s.state === 'writable') {
      if (!writableStreamCloseQueuedOrInFlight(stream) && s.backpressure) {
        // ready stays pending.
      } else {
        w.ready.resolve();
      }
    } else if (s.state === 'erroring') {
      w.ready.reject(s.storedError);
      markHandled(w.ready.promise);
    } else if (s.state === 'closed') {
      w.ready.resolve();
      w.closed.resolve();
    } else {
      w.ready.reject(s.storedError);
      markHandled(w.ready.promise);
      w.closed.reject(s.storedError);
      markHandled(w.closed.promise);
    }
  }

  get closed() {
    if (!isWriter(this)) return PromiseReject(invalidThis('WritableStreamDefaultWriter'));
    return this[kState].closed.promise;
  }

  get desiredSize() {
    if (!isWriter(this)) throw invalidThis('WritableStreamDefaultWriter');
    const stream = this[kState].stream;
    if (stream === undefined) throw codes.ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream');
    const state = stream[kState].state;
    if (state === 'errored' || state === 'erroring') return null;
    if (state === 'closed') return 0;
    return writableControllerGetDesiredSize(stream[kState].controller[kState]);
  }

  get ready() {
    if (!isWriter(this)) return PromiseReject(invalidThis('WritableStreamDefaultWriter'));
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isWriter(this)) return PromiseReject(invalidThis('WritableStreamDefaultWriter'));
    const stream = this[kState].stream;
    if (stream === undefined) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamAbort(stream, reason);
  }

  close() {
    if (!isWriter(this)) return PromiseReject(invalidThis('WritableStreamDefaultWriter'));
    const stream = this[kState].stream;
    if (stream === undefined) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    }
    return writableStreamClose(stream);
  }

  releaseLock() {
    if (!isWriter(this)) throw invalidThis('WritableStreamDefaultWriter');
    const w = this[kState];
    const stream = w.stream;
    if (stream === undefined) return;
    const error = codes.ERR_INVALID_STATE.TypeError('Writer has been released');
    writerEnsureReadyPromiseRejected(this, error);
    if (stream[kState].state === 'writable' || writableStreamCloseQueuedOrInFlight(stream)) {
      w.closed.reject(error);
    } else {
      w.closed = deferred();
      w.closed.reject(error);
    }
    markHandled(w.closed.promise);
    stream[kState].writer = undefined;
    w.stream = undefined;
  }

  write(chunk = undefined) {
    if (!isWriter(this)) return PromiseReject(invalidThis('WritableStreamDefaultWriter'));
    if (this[kState].stream === undefined) {
      return PromiseReject(codes.ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }
}


function writerEnsureReadyPromiseRejected(writer, error) {
  const w = writer[kState];
  if (w.ready.settled) w.ready = deferred();
  w.ready.reject(error);
  markHandled(w.ready.promise);
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const stream = writer[kState].stream;
  const s = stream[kState];
  const c = s.controller[kState];
  const size = writableControllerGetChunkSize(c, chunk);
  if (stream !== writer[kState].stream) {
    return PromiseReject(codes.ERR_INVALID_STATE.TypeError('Writer is not bound to a WritableStream'));
  }
  if (s.state === 'errored') return PromiseReject(s.storedError);
  if (writableStreamCloseQueuedOrInFlight(stream) || s.state === 'closed') {
    return PromiseReject(codes.ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  if (s.state === 'erroring') return PromiseReject(s.storedError);
  const promise = deferred();
  s.writeRequests.push(promise);
  writableControllerWrite(c, chunk, size);
  return promise.promise;
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const stream = writer[kState].stream;
  const state = stream[kState].state;
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') return PromiseResolve();
  if (state === 'errored') return PromiseReject(stream[kState].storedError);
  return writableStreamClose(stream);
}

// --- TransformStream --------------------------------------------------------------------------

function isTransformStream(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'transform';
}

/** A writable side whose chunks, transformed, come out of a readable side. */
class TransformStream {
  constructor(transformer = {}, writableStrategy = {}, readableStrategy = {}) {
    if (transformer === null || (typeof transformer !== 'object' && typeof transformer !== 'function')) {
      throw codes.ERR_INVALID_ARG_TYPE('transformer', 'Object', transformer);
    }
    if (transformer.readableType !== undefined) {
      throw codes.ERR_INVALID_ARG_VALUE.RangeError('transformer.readableType', transformer.readableType);
    }
    if (transformer.writableType !== undefined) {
      throw codes.ERR_INVALID_ARG_VALUE.RangeError('transformer.writableType', transformer.writableType);
    }
    const readableHWM = extractHighWaterMark(readableStrategy, 0);
    const readableSize = extractSizeAlgorithm(readableStrategy);
    const writableHWM = extractHighWaterMark(writableStrategy, 1);
    const writableSize = extractSizeAlgorithm(writableStrategy);
    const t = { kind: 'transform', backpressure: undefined, backpressureChange: undefined, controller: undefined };
    this[kState] = t;
    const startPromise = deferred();
    const self = this;
    t.writable = new WritableStream({
      start: () => startPromise.promise,
      write: (chunk) => transformSinkWrite(self, chunk),
      abort: (reason) => transformSinkAbort(self, reason),
      close: () => transformSinkClose(self),
    }, { highWaterMark: writableHWM, size: writableSize });
    t.readable = new ReadableStream({
      start: () => startPromise.promise,
      pull: () => transformSourcePull(self),
      cancel: (reason) => transformSourceCancel(self, reason),
    }, { highWaterMark: readableHWM, size: readableSize });
    transformSetBackpressure(this, true);
    const start = methodOf(transformer, 'start', 'transformer');
    const transform = methodOf(transformer, 'transform', 'transformer');
    const flush = methodOf(transformer, 'flush', 'transformer');
    const cancel = methodOf(transformer, 'cancel', 'transformer');
    const c = { kind: 'transform-controller', stream: this, finishPromise: undefined };
    const controller = createController(TransformStreamDefaultController, c);
    t.controller = controller;
    c.transformAlgorithm = transform === undefined ? (chunk) => {
      try {
        transformControllerEnqueue(c, chunk);
        return PromiseResolve();
      } catch (err) {
        return PromiseReject(err);
      }
    } : (chunk) => promiseCall(transform, transformer, chunk, controller);
    c.flushAlgorithm = flush === undefined ? () => PromiseResolve() : () => promiseCall(flush, transformer, controller);
    c.cancelAlgorithm = cancel === undefined ? () => PromiseResolve() : (reason) => promiseCall(cancel, transformer, reason);
    try {
      startPromise.resolve(start === undefined ? undefined : start.call(transformer, controller));
    } catch (err) {
      startPromise.reject(err);
      throw err;
    }
  }

  get readable() {
    if (!isTransformStream(this)) throw invalidThis('TransformStream');
    return this[kState].readable;
  }

  get writable() {
    if (!isTransformStream(this)) throw invalidThis('TransformStream');
    return this[kState].writable;
  }
}


function isTransformController(v) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === 'transform-controller';
}

/** The controller a TransformStream's transformer enqueues through. */
class TransformStreamDefaultController {
  constructor() {
    throw codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get desiredSize() {
    if (!isTransformController(this)) throw invalidThis('TransformStreamDefaultController');
    const readable = this[kState].stream[kState].readable;
    return readableControllerDesiredSize(readable[kState].controller[kState]);
  }

  enqueue(chunk = undefined) {
    if (!isTransformController(this)) throw invalidThis('TransformStreamDefaultController');
    transformControllerEnqueue(this[kState], chunk);
  }

  error(reason = undefined) {
    if (!isTransformController(this)) throw invalidThis('TransformStreamDefaultController');
    transformError(this[kState].stream, reason);
  }

  terminate() {
    if (!isTransformController(this)) throw invalidThis('TransformStreamDefaultController');
    const stream = this[kState].stream;
    readableControllerClose(stream[kState].readable[kState].controller[kState]);
    transformErrorWritableAndUnblockWrite(stream,
      codes.ERR_INVALID_STATE.TypeError('TransformStream has been terminated'));
  }
}


function transformControllerEnqueue(c, chunk) {
  const stream = c.stream;
  const rc = stream[kState].readable[kState].controller[kState];
  if (!canCloseOrEnqueue(rc)) throw codes.ERR_INVALID_STATE.TypeError('Unable to enqueue');
  try {
    readableControllerEnqueue(rc, chunk);
  } catch (err) {
    transformErrorWritableAndUnblockWrite(stream, err);
    throw stream[kState].readable[kState].storedError;
  }
  const backpressure = !readableControllerShouldCallPull(rc) && readableControllerDesiredSize(rc) <= 0;
  if (backpressure !== stream[kState].backpressure) transformSetBackpressure(stream, true);
}

function transformError(stream, error) {
  readableControllerError(stream[kState].readable[kState].controller[kState], error);
  transformErrorWritableAndUnblockWrite(stream, error);
}

function transformErrorWritableAndUnblockWrite(stream, error) {
  const c = stream[kState].controller[kState];
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  const wc = stream[kState].writable[kState].controller[kState];
  writableControllerErrorIfNeeded(wc, error);
  if (stream[kState].backpressure) transformSetBackpressure(stream, false);
}

function transformSetBackpressure(stream, backpressure) {
  const t = stream[kState];
  if (t.backpressureChange !== undefined) t.backpressureChange.resolve();
  t.backpressureChange = deferred();
  t.backpressure = backpressure;
}

function transformPerform(c, chunk) {
  return c.transformAlgorithm(chunk).then(undefined, (err) => {
    transformError(c.stream, err);
    throw err;
  });
}

function transformSinkWrite(stream, chunk) {
  const t = stream[kState];
  const c = t.controller[kState];
  if (t.backpressure) {
    return t.backpressureChange.promise.then(() => {
      const writable = t.writable[kState];
      if (writable.state === 'erroring') throw writable.storedError;
      return transformPerform(c, chunk);
    });
  }
  return transformPerform(c, chunk);
}

function transformSinkAbort(stream, reason) {
  const t = stream[kState];
  const c = t.controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = t.readable;
  c.finishPromise = deferred();
  const cancel = c.cancelAlgorithm;
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  promiseCall(cancel, undefined, reason).then(() => {
    if (readable[kState].state === 'errored') c.finishPromise.reject(readable[kState].storedError);
    else {
      readableControllerError(readable[kState].controller[kState], reason);
      c.finishPromise.resolve();
    }
  }, (err) => {
    readableControllerError(readable[kState].controller[kState], err);
    c.finishPromise.reject(err);
  });
  return c.finishPromise.promise;
}

function transformSinkClose(stream) {
  const t = stream[kState];
  const c = t.controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const readable = t.readable;
  c.finishPromise = deferred();
  const flush = c.flushAlgorithm;
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  promiseCall(flush, undefined).then(() => {
    if (readable[kState].state === 'errored') c.finishPromise.reject(readable[kState].storedError);
    else {
      readableControllerClose(readable[kState].controller[kState]);
      c.finishPromise.resolve();
    }
  }, (err) => {
    readableControllerError(readable[kState].controller[kState], err);
    c.finishPromise.reject(err);
  });
  return c.finishPromise.promise;
}

function transformSourcePull(stream) {
  transformSetBackpressure(stream, false);
  return stream[kState].backpressureChange.promise;
}

function transformSourceCancel(stream, reason) {
  const t = stream[kState];
  const c = t.controller[kState];
  if (c.finishPromise !== undefined) return c.finishPromise.promise;
  const writable = t.writable;
  c.finishPromise = deferred();
  const cancel = c.cancelAlgorithm;
  c.transformAlgorithm = undefined;
  c.flushAlgorithm = undefined;
  c.cancelAlgorithm = undefined;
  promiseCall(cancel, undefined, reason).then(() => {
    if (writable[kState].state === 'errored') c.finishPromise.reject(writable[kState].storedError);
    else {
      writableControllerErrorIfNeeded(writable[kState].controller[kState], reason);
      if (t.backpressure) transformSetBackpressure(stream, false);
      c.finishPromise.resolve();
    }
  }, (err) => {
    writableControllerErrorIfNeeded(writable[kState].controller[kState], err);
    if (t.backpressure) transformSetBackpressure(stream, false);
    c.finishPromise.reject(err);
  });
  return c.finishPromise.promise;
}

// --- TextEncoderStream / TextDecoderStream ---------------------------------------------------

function isTextStream(v, kind) {
  return isObjectLike(v) && v[kState] !== undefined && v[kState].kind === kind;
}

/** Strings in, UTF-8 bytes out; a high surrogate ending a chunk waits for the next one. */
class TextEncoderStream {
  constructor() {
    const encoder = new (require('internal/encoding').TextEncoder)();
    let pendingHigh = '';
    const transform = new TransformStream({
      transform(chunk, controller) {
        let text = pendingHigh + `${chunk}`;
        pendingHigh = '';
        const last = text.charCodeAt(text.length - 1);
        if (last >= 0xd800 && last <= 0xdbff) {
          pendingHigh = text[text.length - 1];
          text = text.slice(0, -1);
        }
        if (text.length > 0) controller.enqueue(encoder.encode(text));
      },
      flush(controller) {
        if (pendingHigh !== '') controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
      },
    });
    this[kState] = { kind: 'text-encoder-stream', transform };
  }

  get encoding() {
    if (!isTextStream(this, 'text-encoder-stream')) throw invalidThis('TextEncoderStream');
    return 'utf-8';
  }

  get readable() {
    if (!isTextStream(this, 'text-encoder-stream')) throw invalidThis('TextEncoderStream');
    return this[kState].transform.readable;
  }

  get writable() {
    if (!isTextStream(this, 'text-encoder-stream')) throw invalidThis('TextEncoderStream');
    return this[kState].transform.writable;
  }
}


/** Bytes in, strings out, through a streaming TextDecoder. */
class TextDecoderStream {
  constructor(encoding = 'utf-8', options = {}) {
    const decoder = new (require('internal/encoding').TextDecoder)(encoding, options);
    const transform = new TransformStream({
      transform(chunk, controller) {
        const text = decoder.decode(chunk, { stream: true });
        if (text) controller.enqueue(text);
      },
      flush(controller) {
        const text = decoder.decode();
        if (text) controller.enqueue(text);
      },
    });
    this[kState] = { kind: 'text-decoder-stream', transform, decoder };
  }

  get encoding() {
    if (!isTextStream(this, 'text-decoder-stream')) throw invalidThis('TextDecoderStream');
    return this[kState].decoder.encoding;
  }

  get fatal() {
    if (!isTextStream(this, 'text-decoder-stream')) throw invalidThis('TextDecoderStream');
    return this[kState].decoder.fatal;
  }

  get ignoreBOM() {
    if (!isTextStream(this, 'text-decoder-stream')) throw invalidThis('TextDecoderStream');
    return this[kState].decoder.ignoreBOM;
  }

  get readable() {
    if (!isTextStream(this, 'text-decoder-stream')) throw invalidThis('TextDecoderStream');
    return this[kState].transform.readable;
  }

  get writable() {
    if (!isTextStream(this, 'text-decoder-stream')) throw invalidThis('TextDecoderStream');
    return this[kState].transform.writable;
  }
}


// --- CompressionStream / DecompressionStream ---------------------------------------------------

// A zlib stream for `format`, bridged to a { readable, writable } pair.
function zlibPair(format, forCompression) {
  const zlib = require('zlib');
  let handle;
  if (format === 'deflate') handle = forCompression ? zlib.createDeflate() : zlib.createInflate();
  else if (format === 'deflate-raw') handle = forCompression ? zlib.createDeflateRaw() : zlib.createInflateRaw();
  else if (format === 'gzip') handle = forCompression ? zlib.createGzip() : zlib.createGunzip();
  else throw codes.ERR_INVALID_ARG_VALUE('format', format);
  return require('internal/streams/web-adapters').newReadableWritablePairFromDuplex(handle);
}

/** Bytes in, deflate/deflate-raw/gzip-compressed bytes out. */
class CompressionStream {
  constructor(format) {
    this[kState] = { kind: 'compression-stream', pair: zlibPair(format, true) };
  }

  get readable() {
    if (!isTextStream(this, 'compression-stream')) throw invalidThis('CompressionStream');
    return this[kState].pair.readable;
  }

  get writable() {
    if (!isTextStream(this, 'compression-stream')) throw invalidThis('CompressionStream');
    return this[kState].pair.writable;
  }
}


/** Compressed bytes (deflate/deflate-raw/gzip) in, the original bytes out. */
class DecompressionStream {
  constructor(format) {
    this[kState] = { kind: 'decompression-stream', pair: zlibPair(format, false) };
  }

  get readable() {
    if (!isTextStream(this, 'decompression-stream')) throw invalidThis('DecompressionStream');
    return this[kState].pair.readable;
  }

  get writable() {
    if (!isTextStream(this, 'decompression-stream')) throw invalidThis('DecompressionStream');
    return this[kState].pair.writable;
  }
}


// --- util.inspect -----------------------------------------------------------------------------

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// Node prints each of these objects as its type name (whatever subclass made it) and a plain
// object of what it exposes, never its internal state; nested past the depth limit it prints
// `undefined`. `dataOf(state, object)` gives that plain object.
function defineInspect(Class, dataOf) {
  const name = Class.name;
  // Named and shaped as Node's own: `[nodejs.util.inspect.custom]`, two declared parameters.
  const { [kInspect]: inspectCustom } = {
    [kInspect](depth, options) {
      if (depth < 0) return undefined;
      const inspect = arguments[2];
      const nested = { ...options, depth: options.depth == null ? null : options.depth - 1 };
      return `${name} ${inspect(dataOf(this[kState], this), nested)}`;
    },
  };
  Object.defineProperty(Class.prototype, kInspect, { value: inspectCustom, writable: true, configurable: true });
}

// What a script sees of each class's members, as Web IDL (and Node) lays them out: every public
// method and accessor enumerable, statics too, and the class name as `Symbol.toStringTag`
// unless `tagged` is false (Node's TextEncoderStream/TextDecoderStream carry none).
function exposeMembers(Class, tagged) {
  for (const target of [Class.prototype, Class]) {
    for (const key of Object.getOwnPropertyNames(target)) {
      if (key === 'constructor' || key === 'prototype' || key === 'length' || key === 'name') continue;
      Object.defineProperty(target, key, { enumerable: true });
    }
  }
  if (tagged) Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: Class.name, configurable: true });
}

// What Node shows for the TransformStream a TransformStreamDefaultController belongs to: its
// backpressure, with `readable` and `writable` always undefined there.
class TransformStreamAsSeenByItsController {
  constructor(t) { this[kState] = t; }
}
Object.defineProperty(TransformStreamAsSeenByItsController, 'name', { value: 'TransformStream' });

const strategyData = (q) => ({ highWaterMark: q.highWaterMark });
const pairData = (st, object) => ({ readable: object.readable, writable: object.writable });
for (const [Class, dataOf] of [
  [ReadableStream, (s) => ({
    locked: s.reader !== undefined,
    state: s.state,
    supportsBYOB: s.controller[kState].kind === 'byte-controller',
  })],
  [ReadableStreamDefaultReader, (r) => ({ stream: r.stream, readRequests: r.readRequests.length, close: r.closed.promise })],
  [ReadableStreamBYOBReader, (r) => ({ stream: r.stream, readIntoRequests: r.readIntoRequests.length, close: r.closed.promise })],
  [ReadableStreamDefaultController, () => ({})],
  [ReadableByteStreamController, () => ({})],
  [ReadableStreamBYOBRequest, (q) => ({ view: q.view, controller: q.controller.stream[kState].controller })],
  [WritableStream, (s) => ({ locked: s.writer !== undefined, state: s.state })],
  // The desiredSize getter itself: a released writer throws from inspect as in Node.
  [WritableStreamDefaultWriter, (w, writer) => ({
    stream: w.stream, close: w.closed.promise, ready: w.ready.promise, desiredSize: writer.desiredSize,
  })],
  [WritableStreamDefaultController, (c) => ({ stream: c.stream })],
  [TransformStream, (t) => ({ readable: t.readable, writable: t.writable, backpressure: t.backpressure })],
  [TransformStreamDefaultController, (c) => ({ stream: new TransformStreamAsSeenByItsController(c.stream[kState]) })],
  [TransformStreamAsSeenByItsController, (t) => ({ readable: undefined, writable: undefined, backpressure: t.backpressure })],
  [ByteLengthQueuingStrategy, strategyData],
  [CountQueuingStrategy, strategyData],
  [TextEncoderStream, (st, object) => ({ encoding: object.encoding, ...pairData(st, object) })],
  [TextDecoderStream, (st, object) => ({
    encoding: object.encoding, fatal: object.fatal, ignoreBOM: object.ignoreBOM, ...pairData(st, object),
  })],
  [CompressionStream, pairData],
  [DecompressionStream, pairData],
]) {
  defineInspect(Class, dataOf);
  if (Class === ReadableStream) {
    // A stream's async iterator is its `values` method itself (placed where Node places it).
    Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator,
      { value: ReadableStream.prototype.values, writable: true, configurable: true });
  }
  if (Class !== TransformStreamAsSeenByItsController) {
    exposeMembers(Class, Class !== TextEncoderStream && Class !== TextDecoderStream);
  }
}

// In the order Node's `stream/web` lists them.
module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  TransformStream,
  TransformStreamDefaultController,
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  TextEncoderStream,
  TextDecoderStream,
  CompressionStream,
  DecompressionStream,
};
// The brand checks, for the Node-stream adapters: internal, so not on the public module.
// isDisturbed is fetch's "body used" (a stream that has been read from or cancelled).
const isDisturbed = (stream) => isReadableStream(stream) && stream[kState].disturbed;
Object.assign(require('internal/streams/web-brands'), { isReadableStream, isWritableStream, isTransformStream, isDisturbed });
