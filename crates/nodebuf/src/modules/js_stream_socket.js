// internal/js_stream_socket: a net.Socket whose bytes come from and go to any Duplex instead of
// a native socket (what Node uses to run TLS or HTTP over a user stream). Strings or objects
// from the Duplex are refused with ERR_STREAM_WRAP, as in Node: a socket carries bytes only.
'use strict';

const { Socket } = require('net');
const { makeNodeError } = require('internal/errors');

/** `new JSStreamSocket(stream)`: a connected Socket over `stream`. */
class JSStreamSocket extends Socket {
  constructor(stream) {
    super({});
    this.stream = stream;
    this._handle = { stream };
    const ondata = (chunk) => {
      if (typeof chunk === 'string' || stream.readableObjectMode === true) {
        // Node stops reading and reports it; the wrapped stream is left alone.
        stream.pause();
        stream.removeListener('data', ondata);
        this.emit('error', makeNodeError(Error, 'ERR_STREAM_WRAP', 'Stream has StringDecoder set or is in objectMode'));
        return;
      }
      this._bytesRead += chunk.length;
      if (!this.push(chunk)) stream.pause();
    };
    stream.on('data', ondata);
    stream.once('end', () => this.push(null));
    stream.once('error', (err) => this.destroy(err));
    this.read(0);
  }

  _read() {
    if (!this.stream.destroyed) this.stream.resume();
  }

  _writev(chunks, cb) {
    let pending = chunks.length;
    let failed = false;
    const done = (err) => {
      if (failed) return;
      if (err) {
        failed = true;
        cb(err);
        return;
      }
      if (--pending === 0) cb();
    };
    for (const { chunk, encoding } of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      this._bytesDispatched += bytes.length;
      this.stream.write(bytes, done);
    }
  }

  _final(cb) {
    this.stream.end(cb);
  }

  _destroy(err, cb) {
    this._handle = null;
    cb(err);
    process.nextTick(() => this.emit('close', Boolean(err)));
  }

  _isActive() {
    return false;
  }
}

module.exports = JSStreamSocket;
module.exports.StreamWrap = JSStreamSocket;
