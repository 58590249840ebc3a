// http.ClientRequest: a request written on a socket from an Agent (or createConnection), whose
// response is parsed into an IncomingMessage ('response', 'information', 'upgrade', 'connect');
// a keep-alive socket goes back to its agent ('free') once both sides are done.
'use strict';

const net = require('net');
// Node's built-in channels: a request sent (finished), its response received.
const dc = require('diagnostics_channel');
const requestStartChannel = dc.channel('http.client.request.start');
const responseFinishChannel = dc.channel('http.client.response.finish');
const { urlToHttpOptions } = require('url');
const { codes, makeNodeError } = require('internal/errors');
const { HTTPParser } = require('internal/http/parser');
const { IncomingMessage, setHead } = require('internal/http/incoming');
const { OutgoingMessage, checkIsHttpToken } = require('internal/http/outgoing');
const { Agent, globalAgent } = require('internal/http/agent');

const invalidPath = /[^\u0021-\u00ff]/;

function connResetException(message) {
  const err = new Error(message);
  err.code = 'ECONNRESET';
  return err;
}

/** `new http.ClientRequest(input[, options][, cb])`. */
// fetch's requests (internal/fetch/fetch): the method goes out as given (Node's fetch does not
// upper-case it) and no framing header is added (fetch writes content-length or
// transfer-encoding itself, or nothing).
const kFetchRequest = Symbol('kFetchRequest');

function ClientRequest(input, options, cb) {
  OutgoingMessage.call(this);
  if (typeof input === 'string') {
    input = urlToHttpOptions(new (require('url').URL)(input));
  } else if (input instanceof require('url').URL) {
    input = urlToHttpOptions(input);
  } else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === 'function') {
    cb = options;
    options = input || {};
  } else {
    options = { ...input, ...options };
  }
  let agent = options.agent;
  const defaultAgent = options._defaultAgent || globalAgent;
  if (agent === false) {
    agent = new defaultAgent.constructor();
  } else if (agent === null || agent === undefined) {
    if (typeof options.createConnection !== 'function') agent = defaultAgent;
    options.agent = agent;
  } else if (typeof agent.addRequest !== 'function') {
    throw codes.ERR_INVALID_ARG_TYPE('options.agent', ['Agent-like Object', 'undefined', 'false'], agent);
  }
  this.agent = agent;
  const protocol = options.protocol || defaultAgent.protocol;
  let expectedProtocol = defaultAgent.protocol;
  if (this.agent && this.agent.protocol) expectedProtocol = this.agent.protocol;
  if (options.path) {
    const path = String(options.path);
    if (invalidPath.test(path)) {
      throw makeNodeError(TypeError, 'ERR_UNESCAPED_CHARACTERS', 'Request path contains unescaped characters');
    }
  }
  if (protocol !== expectedProtocol) {
    throw makeNodeError(TypeError, 'ERR_INVALID_PROTOCOL', `Protocol "${protocol}" not supported. Expected "${expectedProtocol}"`);
  }
  const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort) || 80;
  const port = options.port = options.port || defaultPort || 80;
  const host = options.host = options.hostname || options.host || 'localhost';
  const setHost = options.setHost === undefined || Boolean(options.setHost);
  this.socketPath = options.socketPath;
  if (options.timeout !== undefined) this.timeout = options.timeout;
  let method = options.method;
  const methodIsString = typeof method === 'string';
  if (method !== null && method !== undefined && !methodIsString) {
    throw codes.ERR_INVALID_ARG_TYPE('options.method', 'string', method);
  }
  if (methodIsString && method) {
    if (!checkIsHttpToken(method)) {
      throw makeNodeError(TypeError, 'ERR_INVALID_HTTP_TOKEN', `Method must be a valid HTTP token ["${method}"]`);
    }
    method = this.method = options[kFetchRequest] ? method : method.toUpperCase();
  } else {
    method = this.method = 'GET';
  }
  this.path = options.path || '/';
  if (cb) this.once('response', cb);
  if (options[kFetchRequest] || method === 'GET' || method === 'HEAD' || method === 'DELETE' ||
      method === 'OPTIONS' || method === 'TRACE' || method === 'CONNECT') {
    this.useChunkedEncodingByDefault = false;
  } else {
    this.useChunkedEncodingByDefault = true;
  }
  this._ended = false;
  this.res = null;
  this.aborted = false;
  this.timeoutCb = null;
  this.upgradeOrConnect = false;
  this.parser = null;
  this.maxHeadersCount = null;
  this.reusedSocket = false;
  this.host = host;
  this.protocol = protocol;
  this.joinDuplicateHeaders = options.joinDuplicateHeaders;
  this.maxHeaderSize = options.maxHeaderSize;
  if (this.agent) {
    if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
      this._last = true;
      this.shouldKeepAlive = false;
    } else {
      this._last = false;
      this.shouldKeepAlive = true;
    }
  } else {
    this.shouldKeepAlive = false;
  }
  const headersArray = Array.isArray(options.headers);
  if (!headersArray) {
    if (options.headers) {
      for (const key of Object.keys(options.headers)) this.setHeader(key, options.headers[key]);
    }
    if (host && !this.getHeader('host') && setHost) {
      let hostHeader = host;
      if (hostHeader.includes(':') && !hostHeader.startsWith('[')) hostHeader = `[${hostHeader}]`;
      if (port && +port !== defaultPort) hostHeader += `:${port}`;
      this.setHeader('Host', hostHeader);
    }
    if (options.auth && !this.getHeader('Authorization')) {
      this.setHeader('Authorization', `Basic ${Buffer.from(options.auth).toString('base64')}`);
    }
    if (this.getHeader('expect')) {
      this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[require('internal/http/outgoing').kOutHeaders]);
    }
  } else {
    this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, options.headers);
  }
  if (options.signal) {
    const signal = options.signal;
    const onAbort = () => this.destroy(new (require('internal/streams/errors').AbortError)(undefined, { cause: signal.reason }));
    if (signal.aborted) process.nextTick(onAbort);
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      this.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  const optsWithoutSignal = { __proto__: null, ...options };
  delete optsWithoutSignal.signal;
  if (this.agent) {
    this.agent.addRequest(this, optsWithoutSignal);
  } else {
    this._last = true;
    this.shouldKeepAlive = false;
    let socket;
    if (typeof optsWithoutSignal.createConnection === 'function') {
      let called = false;
      const oncreate = (err, s) => {
        if (called) return;
        called = true;
        if (err) process.nextTick(() => this.emit('error', err));
        else this.onSocket(s);
      };
      socket = optsWithoutSignal.createConnection(optsWithoutSignal, oncreate);
      if (socket) oncreate(null, socket);
    } else {
      this.onSocket(net.createConnection(optsWithoutSignal));
    }
  }
}
Object.setPrototypeOf(ClientRequest.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ClientRequest, OutgoingMessage);

// 'http.client.request.start' when the request is finished (its 'finish' emitted), as Node's.
const kStartPublished = Symbol('kStartPublished');
ClientRequest.prototype._finish = function _finish() {
  OutgoingMessage.prototype._finish.call(this);
  if (this._finishEmitted && !this[kStartPublished] && requestStartChannel.hasSubscribers) {
    this[kStartPublished] = true;
    requestStartChannel.publish({ request: this });
  }
};

ClientRequest.prototype._implicitHeader = function implicitHeader() {
  if (this._header) throw makeNodeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot render headers after they are sent to the client');
  this._storeHeader(`${this.method} ${this.path} HTTP/1.1\r\n`, this[require('internal/http/outgoing').kOutHeaders]);
};

ClientRequest.prototype.abort = function abort() {
  if (this.aborted) return;
  this.aborted = true;
  process.nextTick(() => this.emit('abort'));
  this.destroy();
};

ClientRequest.prototype.destroy = function destroy(err) {
  if (this.destroyed) return this;
  this.destroyed = true;
  if (this.res) this.res._dump();
  this[kError] = err;
  if (this.socket) {
    this.socket.destroy(err);
  } else if (err !== undefined || !this._closed) {
    process.nextTick(() => {
      if (err) this.emit('error', err);
      this._closed = true;
      this.emit('close');
    });
  }
  return this;
};
const kError = Symbol('kError');

ClientRequest.prototype.onSocket = function onSocket(socket, err) {
  process.nextTick(() => this._tickOnSocket(socket, err));
};

ClientRequest.prototype._tickOnSocket = function tickOnSocket(socket, err) {
  if (err || this.destroyed) {
    const error = err || this[kError];
    if (socket) {
      if (!err && this.agent && !socket.destroyed) {
        socket.emit('free');
      } else {
        socket.destroy(error);
      }
    }
    if (!this._closed) {
      this._closed = true;
      if (error) this.emit('error', error);
      this.emit('close');
    }
    return;
  }
  const req = this;
  this.socket = socket;
  socket._httpMessage = this;
  let res = null;
  // Node's parser resource for this request (an async resource while async_hooks is on).
  const parserResource = { type: 'HTTPCLIENTREQUEST', req, _asyncFrame: null };
  parserResource._asyncFrame = net._makeFrame(parserResource, 'HTTPCLIENTREQUEST');
  const parser = new HTTPParser('response', {
    onHead(info) {
      res = new IncomingMessage(socket);
      setHead(res, info, req.joinDuplicateHeaders);
      res.statusCode = info.statusCode;
      res.statusMessage = info.statusMessage;
      if (info.statusCode >= 100 && info.statusCode < 200 && info.statusCode !== 101) {
        if (info.statusCode === 100) req.emit('continue');
        req.emit('information', {
          statusCode: res.statusCode,
          statusMessage: res.statusMessage,
          httpVersion: res.httpVersion,
          httpVersionMajor: res.httpVersionMajor,
          httpVersionMinor: res.httpVersionMinor,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
        });
        res = null;
        return false;
      }
      if (req.res) {
        // A second response on one request: the server misbehaves.
        socket.destroy();
        return true;
      }
      req.res = res;
      res.req = req;
      if (info.upgrade) {
        const event = req.method === 'CONNECT' ? 'connect' : 'upgrade';
        detach();
        const head = parser.takeRemaining();
        if (req.listenerCount(event) > 0) {
          req.upgradeOrConnect = true;
          socket._httpMessage = null;
          req.emit(event, res, socket, head);
          req.destroyed = true;
          req._closed = true;
          req.emit('close');
        } else {
          socket.destroy();
        }
        return true;
      }
      if (req.shouldKeepAlive && !info.shouldKeepAlive && !req.upgradeOrConnect) {
        req.shouldKeepAlive = false;
      }
      if (req.timeoutCb) socket.removeListener('timeout', req.timeoutCb);
      res.on('end', onResponseEnd);
      if (req.aborted || !req.emit('response', res)) res._dump();
      if (responseFinishChannel.hasSubscribers) responseFinishChannel.publish({ request: req, response: res });
      return req.method === 'HEAD';
    },
    onBody(chunk) {
      if (res !== null && !res._dumped) res._addBody(chunk);
    },
    onComplete(trailers) {
      if (res === null) return;
      res.rawTrailers = trailers;
      res.complete = true;
      res.push(null);
      // The body is complete, so the socket no longer follows this body's reader: a pause the
      // body put on it is lifted (else a keep-alive socket goes back to the pool paused and the
      // next request on it never hears its response).
      if (res._paused) {
        res._paused = false;
        socket.resume();
      }
    },
  }, this.maxHeaderSize);
  parser.connectRequest = this.method === 'CONNECT';
  this.parser = parser;

  function onResponseEnd() {
    if (!req.shouldKeepAlive) {
      if (socket.writable) {
        if (typeof socket.destroySoon === 'function') socket.destroySoon();
        else socket.end();
      }
    } else if (req.writableFinished && !req.aborted) {
      responseKeepAlive();
    } else {
      req.once('finish', () => responseKeepAlive());
    }
  }

  function responseKeepAlive() {
    detach();
    req.destroyed = true;
    if (req.res) {
      // Nothing more comes for this response.
    }
    process.nextTick(() => {
      req._closed = true;
      req.emit('close');
      if (!socket.destroyed) socket.emit('free');
    });
  }

  function onData(data) {
    const err = parser.execute(data);
    if (err) {
      detach();
      socket.destroy();
      req.socket._hadError = true;
      req.emit('error', err);
      req._closed = true;
      req.emit('close');
    }
  }

  function onEnd() {
    const err = parser.finish();
    if (err && !req.res) {
      req.socket._hadError = true;
      req.emit('error', connResetException('socket hang up'));
    }
    if (!req.res && !req.socket._hadError) {
      req.socket._hadError = true;
      req.emit('error', connResetException('socket hang up'));
    }
    socket.destroy();
  }

  function onClose() {
    const r = req.res;
    if (r) {
      if (!r.complete) {
        r.destroy(connResetException('aborted'));
      }
      req._closed = true;
      req.emit('close');
      if (!r.aborted && r.readable) {
        r.on('end', () => {
          r.destroyed = true;
          r.emit('close');
        });
        r.push(null);
      } else if (!r.destroyed) {
        r.destroyed = true;
        r.emit('close');
      }
    } else {
      if (!socket._hadError) {
        socket._hadError = true;
        req.emit('error', connResetException('socket hang up'));
      }
      req._closed = true;
      req.emit('close');
    }
    detach();
  }

  // As Node's socketErrorListener: the request the socket serves hears the error, after its
  // response began too (`req.destroy(err)` mid-response emits it on the request).
  function onError(err) {
    if (req.socket && !req.socket._hadError && socket._httpMessage === req) {
      req.socket._hadError = true;
      req.emit('error', err);
    }
  }

  // A write that returned false waits for 'drain': the socket's drain is the request's
  // (as in Node, which relays it to the socket's current message).
  function onDrain() {
    if (socket._httpMessage === req && !req.finished && req._needDrain) {
      req._needDrain = false;
      req.emit('drain');
    }
  }

  function detach() {
    net._dropFrame(parserResource);
    socket.removeListener('data', onData);
    socket.removeListener('end', onEnd);
    socket.removeListener('close', onClose);
    socket.removeListener('error', onError);
    socket.removeListener('drain', onDrain);
    if (socket._httpMessage === req) socket._httpMessage = req.upgradeOrConnect ? null : req;
  }

  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('close', onClose);
  socket.on('error', onError);
  socket.on('drain', onDrain);
  socket._hadError = false;
  this.emit('socket', socket);
  if (this.timeout !== undefined) this.setTimeout(this.timeout);
  const flushWhenConnected = () => this._flush();
  if (socket.connecting) socket.once('connect', flushWhenConnected);
  else this._flush();
  // A reused socket may already hold data or an end: nothing, it was read when free.
};

ClientRequest.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (this._ended) return this;
  if (callback) this.once('timeout', callback);
  const emitTimeout = () => this.emit('timeout');
  if (this.socket) {
    this.timeoutCb = emitTimeout;
    this.socket.setTimeout(msecs);
    this.socket.removeAllListeners('timeout');
    this.socket.on('timeout', emitTimeout);
  } else {
    this.once('socket', (socket) => {
      this.timeoutCb = emitTimeout;
      socket.setTimeout(msecs);
      socket.on('timeout', emitTimeout);
    });
  }
  return this;
};

ClientRequest.prototype.setNoDelay = function setNoDelay(noDelay) {
  if (this.socket) this.socket.setNoDelay(noDelay);
  else this.once('socket', (socket) => socket.setNoDelay(noDelay));
};

ClientRequest.prototype.setSocketKeepAlive = function setSocketKeepAlive(enable, initialDelay) {
  if (this.socket) this.socket.setKeepAlive(enable, initialDelay);
  else this.once('socket', (socket) => socket.setKeepAlive(enable, initialDelay));
};

ClientRequest.prototype.clearTimeout = function clearTimeout(cb) {
  this.setTimeout(0, cb);
};

module.exports = { ClientRequest, Agent, kFetchRequest };
