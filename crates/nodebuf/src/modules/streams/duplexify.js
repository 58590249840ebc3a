// Duplex.from(body): a Duplex from a stream, a { readable, writable } pair, an (async) iterable, an
// async generator function, or a promise, as Node's Duplex.from builds them.
'use strict';

const { codes, AbortError } = require('internal/streams/errors');
const { AbortController } = require('internal/streams/abort');
const { kInternals } = require('internal/streams/legacy');
const { destroyer } = require('internal/streams/destroy');
const { eos } = require('internal/streams/end-of-stream');
const Readable = require('internal/streams/readable');
const { Duplex } = require('internal/streams/duplex');
const u = require('internal/streams/utils');

/** The Duplex subclass Duplex.from returns. */
class Duplexify extends Duplex {}

function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

function from(body, name = 'body') {
  if (u.isDuplexNodeStream(body)) return body;
  if (u.isReadableNodeStream(body)) return duplexify({ readable: body });
  if (u.isWritableNodeStream(body)) return duplexify({ writable: body });
  if (u.isNodeStream(body)) return duplexify({ writable: false, readable: false });
  if (u.isReadableStream(body)) {
    return duplexify({ readable: require('internal/streams/web-adapters').newStreamReadableFromReadableStream(body) });
  }
  if (u.isWritableStream(body)) {
    return duplexify({ writable: require('internal/streams/web-adapters').newStreamWritableFromWritableStream(body) });
  }
  if (typeof body === 'function') {
    const { value, write, final, destroy } = fromAsyncGen(body);
    if (u.isIterable(value)) {
      return Readable[kInternals].fromIterable(Duplexify, value, { objectMode: true, write, final, destroy });
    }
    const then = value && value.then;
    if (typeof then === 'function') {
      let d;
      const promise = then.call(value, (val) => {
        if (val != null) throw codes.ERR_INVALID_RETURN_VALUE('nully', 'body', val);
      }, (err) => { destroyer(d, err); });
      d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(async () => {
            try {
              await promise;
              process.nextTick(cb, null);
            } catch (err) {
              process.nextTick(cb, err);
            }
          });
        },
        destroy,
      });
      return d;
    }
    throw codes.ERR_INVALID_RETURN_VALUE('Iterable, AsyncIterable or AsyncFunction', name, value);
  }
  const { Blob } = require('buffer');
  if (typeof Blob === 'function' && body instanceof Blob) return from(body.stream(), name);
  if (u.isIterable(body)) {
    return Readable[kInternals].fromIterable(Duplexify, body, { objectMode: true, writable: false });
  }
  if (body && (typeof body.writable === 'object' || typeof body.readable === 'object')) {
    const readable = body.readable
      ? (u.isReadableNodeStream(body.readable) ? body.readable : from(body.readable))
      : undefined;
    const writable = body.writable
      ? (u.isWritableNodeStream(body.writable) ? body.writable : from(body.writable))
      : undefined;
    return duplexify({ readable, writable });
  }
  const then = body && body.then;
  if (typeof then === 'function') {
    let d;
    then.call(body, (val) => {
      if (val != null) d.push(val);
      d.push(null);
    }, (err) => { destroyer(d, err); });
    d = new Duplexify({ objectMode: true, writable: false, read() {} });
    return d;
  }
  throw codes.ERR_INVALID_ARG_TYPE(name, ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable',
    'AsyncIterable', 'Function', '{ readable, writable } pair', 'Promise'], body);
}

function fromAsyncGen(fn) {
  let { promise, resolve } = deferred();
  const ac = new AbortController();
  const signal = ac.signal;
  const value = fn(async function* () {
    while (true) {
      const current = promise;
      promise = null;
      const { chunk, done, cb } = await current;
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted) throw new AbortError(undefined, { cause: signal.reason });
      ({ promise, resolve } = deferred());
      yield chunk;
    }
  }(), { signal });
  return {
    value,
    write(chunk, encoding, cb) {
      const r = resolve;
      resolve = null;
      r({ chunk, done: false, cb });
    },
    final(cb) {
      const r = resolve;
      resolve = null;
      r({ done: true, cb });
    },
    destroy(err, cb) {
      ac.abort();
      cb(err);
    },
  };
}

function noop() {}

// Makes `d`'s writable side write into `w`: a write whose chunk `w` could not take at once
// completes on `w`'s 'drain', and `d`'s final callback on `finisher`'s 'finish' (`w` itself, or
// the last stream of a compose() pipeline). Returns a function that drops the waiting callbacks
// (called when `d` is destroyed).
function forwardWrites(d, w, finisher) {
  let ondrain = null;
  let onfinish = null;
  d._write = function (chunk, encoding, callback) {
    if (w.write(chunk, encoding)) callback();
    else ondrain = callback;
  };
  d._final = function (callback) {
    w.end();
    onfinish = callback;
  };
  w.on('drain', () => {
    const cb = ondrain;
    ondrain = null;
    if (cb) cb();
  });
  finisher.on('finish', () => {
    const cb = onfinish;
    onfinish = null;
    if (cb) cb();
  });
  return () => {
    ondrain = null;
    onfinish = null;
  };
}

// Makes `d`'s readable side read from `r`: `d._read` pushes what `r` has and, when `r` runs dry,
// waits for its 'readable'; `r`'s end ends `d`. Returns a function that drops the wait.
function forwardReads(d, r) {
  let onreadable = null;
  r.on('readable', () => {
    const cb = onreadable;
    onreadable = null;
    if (cb) cb();
  });
  r.on('end', () => { d.push(null); });
  d._read = function () {
    while (true) {
      const buf = r.read();
      if (buf === null) {
        onreadable = d._read;
        return;
      }
      if (!d.push(buf)) return;
    }
  };
  return () => { onreadable = null; };
}

function duplexify(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function' ? Readable.wrap(pair.readable) : pair.readable;
  const w = pair.writable;
  let readable = !!u.isReadable(r);
  let writable = !!u.isWritable(w);
  let onclose;
  let d;
  let stopWrites = noop;
  let stopReads = noop;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
  }

  d = new Duplexify({
    readableObjectMode: !!(r && r.readableObjectMode),
    writableObjectMode: !!(w && w.writableObjectMode),
    readable,
    writable,
  });

  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });
    stopWrites = forwardWrites(d, w, w);
  }

  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });
    stopReads = forwardReads(d, r);
  }

  d._destroy = function (err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    stopReads();
    stopWrites();
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      destroyer(w, err);
      destroyer(r, err);
    }
  };
  return d;
}

module.exports = { from, Duplexify, forwardWrites, forwardReads };
