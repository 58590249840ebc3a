// http.IncomingMessage: a request on the server or a response on the client, as a Readable of
// body Buffers; headers come as the raw list and as Node's lowercased object (duplicates dropped,
// joined or collected by Node's per-header rules).
'use strict';

const { Readable } = require('stream');

// Headers where a second value is dropped (Node keeps the first).
const dropDuplicates = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host', 'authorization',
  'proxy-authorization', 'if-modified-since', 'if-unmodified-since', 'from', 'location',
  'max-forwards', 'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires',
]);

/** Adds one raw header to `dest` by Node's rules (`joinDuplicates`: always join with ', '). */
function addHeaderLine(dest, name, value, joinDuplicates) {
  const key = name.toLowerCase();
  if (key === 'set-cookie') {
    if (dest[key] !== undefined) dest[key].push(value);
    else dest[key] = [value];
    return;
  }
  if (dest[key] === undefined) {
    dest[key] = value;
    return;
  }
  if (joinDuplicates) dest[key] += `, ${value}`;
  else if (key === 'cookie') dest[key] += `; ${value}`;
  else if (!dropDuplicates.has(key)) dest[key] += `, ${value}`;
}

function headersFromRaw(raw, joinDuplicates) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) addHeaderLine(out, raw[i], raw[i + 1], joinDuplicates);
  return out;
}

function distinctFromRaw(raw) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    if (out[key] === undefined) out[key] = [raw[i + 1]];
    else out[key].push(raw[i + 1]);
  }
  return out;
}

/** `new http.IncomingMessage(socket)`. */
function IncomingMessage(socket) {
  if (!(this instanceof IncomingMessage)) return new IncomingMessage(socket);
  let streamOptions;
  if (socket && socket.readableHighWaterMark !== undefined) {
    streamOptions = { highWaterMark: socket.readableHighWaterMark };
  }
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this.rawHeaders = [];
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this._consuming = false;
  this._dumped = false;
  this._headersCache = null;
  this._trailersCache = null;
  this._paused = false;
}
Object.setPrototypeOf(IncomingMessage.prototype, Readable.prototype);
Object.setPrototypeOf(IncomingMessage, Readable);

Object.defineProperties(IncomingMessage.prototype, {
  connection: {
    get() { return this.socket; },
    set(value) { this.socket = value; },
    configurable: true, enumerable: true,
  },
  headers: {
    get() {
      if (this._headersCache === null) this._headersCache = headersFromRaw(this.rawHeaders, this.joinDuplicateHeaders);
      return this._headersCache;
    },
    set(value) { this._headersCache = value; },
    configurable: true, enumerable: true,
  },
  headersDistinct: {
    get() { return distinctFromRaw(this.rawHeaders); },
    configurable: true, enumerable: true,
  },
  trailers: {
    get() {
      if (this._trailersCache === null) this._trailersCache = headersFromRaw(this.rawTrailers, this.joinDuplicateHeaders);
      return this._trailersCache;
    },
    set(value) { this._trailersCache = value; },
    configurable: true, enumerable: true,
  },
  trailersDistinct: {
    get() { return distinctFromRaw(this.rawTrailers); },
    configurable: true, enumerable: true,
  },
});

IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function read() {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // Body bytes come from the socket: resume it if a full buffer paused it.
  if (this._paused && this.socket) {
    this._paused = false;
    this.socket.resume();
  }
};

/** Pushes body bytes; pauses the socket while the body's buffer is full. */
IncomingMessage.prototype._addBody = function addBody(chunk) {
  if (!this.push(chunk) && this.socket && !this._paused) {
    this._paused = true;
    this.socket.pause();
  }
};

IncomingMessage.prototype._destroy = function destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  // As Node (for compatibility): the error is reported only to a message that listens for
  // 'error'; one nobody listens to is destroyed quietly.
  const done = () => (this.listenerCount('error') === 0 ? cb() : cb(err));
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    this.socket.once('close', done);
    return;
  }
  done();
};

/** Reads and discards a body nobody consumed (so the connection can carry the next message). */
IncomingMessage.prototype._dump = function dump() {
  if (this._dumped) return;
  this._dumped = true;
  this.removeAllListeners('data');
  this.resume();
};

// The fields a parsed message head gives every IncomingMessage, request or response (the
// parser's `onHead` info); the caller adds the start line's own (method and url, or status).
function setHead(message, info, joinDuplicateHeaders) {
  message.httpVersionMajor = info.versionMajor;
  message.httpVersionMinor = info.versionMinor;
  message.httpVersion = `${info.versionMajor}.${info.versionMinor}`;
  message.rawHeaders = info.rawHeaders;
  message.joinDuplicateHeaders = Boolean(joinDuplicateHeaders);
  message.upgrade = info.upgrade;
}

module.exports = { IncomingMessage, headersFromRaw, setHead };
