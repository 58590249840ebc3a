// http.OutgoingMessage (the base of ServerResponse and ClientRequest): headers set before the
// head is sent, the head itself (Date, Connection, Keep-Alive, Content-Length or chunked
// framing as Node chooses them), body writes with chunked encoding, end() and 'finish'.
// Like Node's, it is a legacy Stream with its own write/end, not a stream.Writable.
'use strict';

const { Stream } = require('stream');
const { codes, makeNodeError } = require('internal/errors');

const tokenPattern = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const invalidHeaderChar = /[^\t\x20-\x7e\x80-\xff]/;
const kOutHeaders = Symbol('kOutHeaders');

function checkIsHttpToken(value) {
  return typeof value === 'string' && tokenPattern.test(value);
}

/** `http.validateHeaderName(name)`: ERR_INVALID_HTTP_TOKEN unless a token. */
function validateHeaderName(name, label = 'Header name') {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `${label} must be a valid HTTP token ["${name}"]`);
  }
}

/** `http.validateHeaderValue(name, value)`: defined and free of control characters. */
function validateHeaderValue(name, value) {
  if (value === undefined) {
    throw makeNodeError(TypeError, 'ERR_HTTP_INVALID_HEADER_VALUE', `Invalid value "${value}" for header "${name}"`);
  }
  if (invalidHeaderChar.test(String(value))) {
    throw makeNodeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in header content ["${name}"]`);
  }
}

function headersSentError(action) {
  return makeNodeError(Error, 'ERR_HTTP_HEADERS_SENT', `Cannot ${action} headers after they are sent to the client`);
}

let cachedDate = '';
let cachedDateSecond = -1;
/** The Date header value, as Node computes it at most once a second. */
function utcDate() {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedDateSecond) {
    cachedDateSecond = second;
    cachedDate = new Date(second * 1000).toUTCString();
  }
  return cachedDate;
}

/** `new http.OutgoingMessage()`. */
function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this.finished = false;
  this._headerSent = false;
  this._header = null;
  this[kOutHeaders] = null;
  this._closed = false;
  this.socket = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = () => {};
  this._finishEmitted = false;
  this._highWaterMark = options && options.highWaterMark ? options.highWaterMark : 16384;
}
Object.setPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
Object.setPrototypeOf(OutgoingMessage, Stream);

Object.defineProperties(OutgoingMessage.prototype, {
  headersSent: { get() { return this._header !== null; }, configurable: true, enumerable: true },
  closed: { get() { return this._closed; }, configurable: true, enumerable: true },
  connection: {
    get() { return this.socket; },
    set(value) { this.socket = value; },
    configurable: true, enumerable: true,
  },
  writableEnded: { get() { return this.finished; }, configurable: true, enumerable: true },
  writableFinished: {
    get() {
      return this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0);
    },
    configurable: true, enumerable: true,
  },
  writableObjectMode: { get() { return false; }, configurable: true, enumerable: true },
  writableLength: {
    get() { return this.outputSize + (this.socket ? this.socket.writableLength : 0); },
    configurable: true, enumerable: true,
  },
  writableHighWaterMark: {
    get() { return this.socket ? this.socket.writableHighWaterMark : this._highWaterMark; },
    configurable: true, enumerable: true,
  },
  writableCorked: {
    get() { return this.socket ? this.socket.writableCorked : 0; },
    configurable: true, enumerable: true,
  },
  writableNeedDrain: {
    get() { return !this.destroyed && !this.finished && this._needDrain === true; },
    configurable: true, enumerable: true,
  },
});

OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw headersSentError('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  headers[name.toLowerCase()] = [name, value];
  return this;
};

OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw headersSentError('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const key = name.toLowerCase();
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = { __proto__: null };
  const existing = headers[key];
  if (existing === undefined) {
    headers[key] = [name, value];
  } else {
    const list = Array.isArray(existing[1]) ? existing[1] : [existing[1]];
    headers[key] = [existing[0], list.concat(value)];
  }
  return this;
};

OutgoingMessage.prototype.getHeader = function getHeader(name) {
  if (typeof name !== 'string') throw codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
  const headers = this[kOutHeaders];
  if (headers === null) return undefined;
  const entry = headers[name.toLowerCase()];
  return entry && entry[1];
};

OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] === null ? [] : Object.keys(this[kOutHeaders]);
};

OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headers = this[kOutHeaders];
  return headers === null ? [] : Object.values(headers).map((entry) => entry[0]);
};

OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const out = { __proto__: null };
  if (headers !== null) for (const key of Object.keys(headers)) out[key] = headers[key][1];
  return out;
};

OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  if (typeof name !== 'string') throw codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
  return this[kOutHeaders] !== null && this[kOutHeaders][name.toLowerCase()] !== undefined;
};

OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  if (typeof name !== 'string') throw codes.ERR_INVALID_ARG_TYPE('name', 'string', name);
  if (this._header) throw headersSentError('remove');
  const key = name.toLowerCase();
  if (key === 'connection') this._removedConnection = true;
  else if (key === 'content-length') this._removedContLen = true;
  else if (key === 'transfer-encoding') this._removedTE = true;
  else if (key === 'date') this.sendDate = false;
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

/** Builds the head: `firstLine`, the headers (`headers`: the stored ones, an object, or a raw
 * array), then the Date/Connection/Keep-Alive/framing lines Node adds. */
OutgoingMessage.prototype._storeHeader = function storeHeader(firstLine, headers) {
  const state = { connection: false, contLen: false, te: false, date: false, expect: false, trailer: false, header: firstLine };
  const add = (name, value) => {
    if (Array.isArray(value)) {
      for (const v of value) add(name, v);
      return;
    }
    validateHeaderName(name);
    validateHeaderValue(name, value);
    state.header += `${name}: ${value}\r\n`;
    const key = name.length <= 17 ? name.toLowerCase() : '';
    if (key === 'connection') {
      state.connection = true;
      if (/(?:^|\W)close(?:$|\W)/i.test(String(value))) this._last = true;
      else this.shouldKeepAlive = true;
    } else if (key === 'transfer-encoding') {
      state.te = true;
      if (/(?:^|\W)chunked(?:$|\W)/i.test(String(value))) this.chunkedEncoding = true;
    } else if (key === 'content-length') {
      state.contLen = true;
    } else if (key === 'date') {
      state.date = true;
    } else if (key === 'expect') {
      state.expect = true;
    } else if (key === 'trailer') {
      state.trailer = true;
    }
  };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) add(headers[key][0], headers[key][1]);
    } else if (Array.isArray(headers)) {
      if (headers.length && Array.isArray(headers[0])) {
        for (const [name, value] of headers) add(name, value);
      } else {
        if (headers.length % 2 !== 0) throw codes.ERR_INVALID_ARG_VALUE('headers', headers);
        for (let i = 0; i < headers.length; i += 2) add(headers[i], headers[i + 1]);
      }
    } else {
      for (const name of Object.keys(headers)) add(name, headers[name]);
    }
  }
  let header = state.header;
  if (this.sendDate && !state.date) header += `Date: ${utcDate()}\r\n`;
  if (this.chunkedEncoding && (this.statusCode === 204 || this.statusCode === 304)) {
    this._last = true;
    this.chunkedEncoding = false;
  }
  if (this._removedConnection) {
    this._last = !this.shouldKeepAlive;
  } else if (!state.connection) {
    const sendKeepAlive = this.shouldKeepAlive && (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (sendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (sendKeepAlive) {
      header += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        header += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}\r\n`;
      }
    } else {
      this._last = true;
      header += 'Connection: close\r\n';
    }
  }
  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen && typeof this._contentLength === 'number') {
      header += `Content-Length: ${this._contentLength}\r\n`;
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }
  this._header = `${header}\r\n`;
  this._headerSent = false;
};

// Hands bytes to the socket when this message owns it, else keeps them until it does.
OutgoingMessage.prototype._send = function send(data, encoding, callback) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' && (encoding === 'utf8' || encoding === 'latin1' || !encoding)) {
      data = this._header + data;
    } else {
      this.outputData.unshift({ data: this._header, encoding: 'latin1', callback: null });
      this.outputSize += this._header.length;
      this._onPendingData(this._header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback);
};

OutgoingMessage.prototype._writeRaw = function writeRaw(data, encoding, callback) {
  const conn = this.socket;
  if (conn && conn.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < this._highWaterMark;
};

OutgoingMessage.prototype._flushOutput = function flushOutput(socket) {
  const pending = this.outputData;
  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  let ret;
  socket.cork();
  for (const { data, encoding, callback } of pending) ret = socket.write(data, encoding, callback);
  socket.uncork();
  return ret;
};

OutgoingMessage.prototype._flush = function flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) this._finish();
    else if (ret) this.emit('drain');
  }
};

OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._send('');
};

function writeAfterEnd(msg, callback) {
  const err = makeNodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end');
  process.nextTick(() => {
    if (msg.socket && !msg.destroyed) msg.emit('error', err);
    if (typeof callback === 'function') callback(err);
  });
}

function validChunk(chunk) {
  if (chunk === null) throw makeNodeError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
  if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
    throw codes.ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
  }
}

function byteLength(chunk, encoding) {
  return typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.byteLength;
}

OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = this._write_(chunk, encoding, callback, false);
  if (!ret) this._needDrain = true;
  return ret;
};

OutgoingMessage.prototype._write_ = function write_(chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = () => {};
  if (this.finished) {
    writeAfterEnd(this, callback);
    return true;
  }
  if (this.destroyed) {
    const err = makeNodeError(Error, 'ERR_STREAM_DESTROYED', 'Cannot call write after a stream was destroyed');
    process.nextTick(callback, err);
    return false;
  }
  validChunk(chunk);
  let length;
  if (!this._header) {
    if (fromEnd) {
      length = byteLength(chunk, encoding);
      this._contentLength = length;
    }
    this._implicitHeader();
  }
  if (!this._hasBody) {
    process.nextTick(callback);
    return true;
  }
  if (!fromEnd && this.socket && !this.socket.writableCorked) {
    this.socket.cork();
    const socket = this.socket;
    process.nextTick(() => socket.uncork());
  }
  if (this.chunkedEncoding && chunk.length !== 0) {
    length = length === undefined ? byteLength(chunk, encoding) : length;
    this._send(`${length.toString(16)}\r\n`, 'latin1', null);
    this._send(chunk, encoding, null);
    return this._send('\r\n', 'latin1', callback);
  }
  if (chunk.length === 0) {
    process.nextTick(callback);
    return this.outputSize < this._highWaterMark;
  }
  return this._send(chunk, encoding, callback);
};

OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const entries = Array.isArray(headers) ? headers : Object.keys(headers).map((k) => [k, headers[k]]);
  for (const [name, value] of entries) {
    validateHeaderName(name, 'Trailer name');
    if (invalidHeaderChar.test(String(value))) {
      throw makeNodeError(TypeError, 'ERR_INVALID_CHAR', `Invalid character in trailer content ["${name}"]`);
    }
    this._trailer += `${name}: ${value}\r\n`;
  }
};

OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (chunk) {
    if (this.finished) {
      writeAfterEnd(this, callback);
      return this;
    }
    if (this.socket) this.socket.cork();
    this._write_(chunk, encoding, null, true);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) {
        this.on('finish', callback);
      } else {
        callback(makeNodeError(Error, 'ERR_STREAM_ALREADY_FINISHED', 'Cannot call end after a stream was finished'));
      }
    }
    return this;
  } else if (!this._header) {
    if (this.socket) this.socket.cork();
    this._contentLength = 0;
    this._implicitHeader();
  }
  if (typeof callback === 'function') this.once('finish', callback);
  const finish = () => this._finish();
  if (this._hasBody && this.chunkedEncoding) {
    this._send(`0\r\n${this._trailer}\r\n`, 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }
  if (this.socket) {
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  }
  this.finished = true;
  return this;
};

OutgoingMessage.prototype._finish = function finish() {
  if (this._finishEmitted || !this.finished) return;
  if (this.outputData.length !== 0) return;
  if (this.socket && this.socket.writableLength !== 0) {
    // Wait until the socket took the last bytes.
    if (!this._finishWaiting) {
      this._finishWaiting = true;
      const socket = this.socket;
      const check = () => {
        if (socket.writableLength === 0 || socket.destroyed) {
          socket.removeListener('drain', check);
          this._finishWaiting = false;
          this._finish();
        }
      };
      socket.on('drain', check);
    }
    return;
  }
  this._finishEmitted = true;
  this.emit('prefinish');
  this.emit('finish');
};

/** Emits 'close' once, marked closed and destroyed first (what `finished()` looks at). */
OutgoingMessage.prototype._emitClose = function emitClose() {
  if (this._closed) return;
  this.destroyed = true;
  this._closed = true;
  this.emit('close');
};

OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this.errored = error;
  if (this.socket) this.socket.destroy(error);
  else this.once('socket', (socket) => socket.destroy(error));
  return this;
};

OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) this.once('socket', (socket) => socket.setTimeout(msecs));
  else this.socket.setTimeout(msecs);
  return this;
};

OutgoingMessage.prototype.cork = function cork() {
  if (this.socket) this.socket.cork();
};

OutgoingMessage.prototype.uncork = function uncork() {
  if (this.socket) this.socket.uncork();
};

OutgoingMessage.prototype._implicitHeader = function implicitHeader() {
  throw codes.ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

module.exports = {
  OutgoingMessage,
  validateHeaderName,
  validateHeaderValue,
  checkIsHttpToken,
  kOutHeaders,
  utcDate,
};
