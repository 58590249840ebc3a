// http.Server and http.ServerResponse: a net.Server whose connections are parsed into
// IncomingMessages ('request', 'checkContinue', 'upgrade', 'connect', 'clientError') and
// answered by ServerResponses, one at a time per connection (pipelined requests wait), with
// keep-alive connections closed when idle and on server.close().
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setInterval, clearInterval } = require('timers');

const net = require('net');
// Node's built-in channels around each request the server handles.
const dc = require('diagnostics_channel');
const requestStartChannel = dc.channel('http.server.request.start');
const responseFinishChannel = dc.channel('http.server.response.finish');
const { codes, makeNodeError, validateInteger } = require('internal/errors');
const { HTTPParser } = require('internal/http/parser');
const { IncomingMessage, setHead } = require('internal/http/incoming');
const { OutgoingMessage, kOutHeaders } = require('internal/http/outgoing');
const { STATUS_CODES } = require('internal/http/common');

/** `new http.ServerResponse(req[, options])`. */
function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  this.statusCode = 200;
  this.statusMessage = undefined;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = /(?:^|\W)chunked(?:$|\W)/i.test(req.headers.te || '');
    this.shouldKeepAlive = false;
  }
}
Object.setPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
Object.setPrototypeOf(ServerResponse, OutgoingMessage);

ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw makeNodeError(Error, 'ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket');
  socket._httpMessage = this;
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket._httpMessage = null;
  this.socket = null;
};

ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

ServerResponse.prototype._implicitHeader = function implicitHeader() {
  this.writeHead(this.statusCode);
};

ServerResponse.prototype.writeHead = function writeHead(statusCode, reason, obj) {
  if (this._header) throw makeNodeError(Error, 'ERR_HTTP_HEADERS_SENT', 'Cannot write headers after they are sent to the client');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw makeNodeError(RangeError, 'ERR_HTTP_INVALID_STATUS_CODE', `Invalid status code: ${originalStatusCode}`);
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;
  let headers;
  if (this[kOutHeaders]) {
    if (obj) {
      if (Array.isArray(obj)) {
        for (let i = 0; i < obj.length; i += 2) this.setHeader(obj[i], obj[i + 1]);
      } else {
        for (const key of Object.keys(obj)) if (key) this.setHeader(key, obj[key]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }
  if (/[\r\n]/.test(this.statusMessage)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_CHAR', 'Invalid character in statusMessage');
  }
  const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};

ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

// --- the server ----------------------------------------------------------------------------

/** `new http.Server([options][, requestListener])`. */
function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  storeHttpOptions(this, options);
  net.Server.call(this, {
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
  });
  initHttpServerState(this, options, requestListener);
  this.on('connection', connectionListener);
  this.on('listening', startConnectionsChecking);
}
const kOptions = Symbol('kOptions');
const kIncoming = Symbol('IncomingMessage');
const kResponse = Symbol('ServerResponse');
const kConnections = Symbol('http.server.connections');
const kCheckingInterval = Symbol('http.server.connectionsCheckingInterval');

// As Node: while the server listens, every connectionsCheckingInterval ms the connections in
// the middle of a message (from its first byte, or from connecting) are checked against
// headersTimeout (head not complete) and requestTimeout (message not complete); one past
// either gets ERR_HTTP_REQUEST_TIMEOUT: 'clientError', or a 408 response and the socket closed.
function startConnectionsChecking() {
  clearInterval(this[kCheckingInterval]);
  if (this.connectionsCheckingInterval > 0) {
    this[kCheckingInterval] = setInterval(checkConnections.bind(this), this.connectionsCheckingInterval).unref();
  }
}

function checkConnections() {
  if (this.headersTimeout === 0 && this.requestTimeout === 0) return;
  const now = native.now();
  for (const conn of this[kConnections]) {
    if (conn.messageStart === null) continue;
    const elapsed = now - conn.messageStart;
    if ((!conn.headersDone && this.headersTimeout > 0 && elapsed > this.headersTimeout) ||
        (this.requestTimeout > 0 && elapsed > this.requestTimeout)) {
      conn.messageStart = null;
      conn.onSocketError(makeNodeError(Error, 'ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout'));
    }
  }
}
Object.setPrototypeOf(Server.prototype, net.Server.prototype);
Object.setPrototypeOf(Server, net.Server);

/** The HTTP half of a server's state (timeouts, limits, message classes, connections), shared
 * by http.Server and https.Server (which is a tls.Server underneath). */
/**
 * The options part of an http (or https) server, in Node's order and with its checks and
 * defaults: stored before the net (or tls) server is set up, as Node's storeHTTPOptions is.
 */
function storeHttpOptions(server, options) {
  server[kOptions] = options;
  server[kIncoming] = options.IncomingMessage || IncomingMessage;
  server[kResponse] = options.ServerResponse || ServerResponse;
  server.maxHeaderSize = options.maxHeaderSize;
  // The deadlines a request's head and whole message must meet (checked on a timer).
  const requestTimeout = options.requestTimeout ?? 300000;
  validateInteger(requestTimeout, 'requestTimeout', 0);
  server.requestTimeout = requestTimeout;
  const headersTimeout = options.headersTimeout ?? Math.min(60000, requestTimeout);
  validateInteger(headersTimeout, 'headersTimeout', 0);
  if (requestTimeout > 0 && headersTimeout > 0 && headersTimeout > requestTimeout) {
    throw codes.ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout', headersTimeout);
  }
  server.headersTimeout = headersTimeout;
  server.keepAliveTimeout = 5000;
  const connectionsCheckingInterval = options.connectionsCheckingInterval ?? 30000;
  validateInteger(connectionsCheckingInterval, 'connectionsCheckingInterval', 0);
  server.connectionsCheckingInterval = connectionsCheckingInterval;
  server.joinDuplicateHeaders = options.joinDuplicateHeaders;
}

/** The rest of an http (or https) server's state, once its net (or tls) server exists. */
function initHttpServerState(server, options, requestListener) {
  if (requestListener) server.on('request', requestListener);
  server.httpAllowHalfOpen = false;
  server.timeout = 0;
  server.maxHeadersCount = null;
  server.maxRequestsPerSocket = options.maxRequestsPerSocket || 0;
  server[kConnections] = new Set();
}

Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype.close = function close(...args) {
  this.closeIdleConnections();
  clearInterval(this[kCheckingInterval]);
  return net.Server.prototype.close.apply(this, args);
};

Server.prototype.closeAllConnections = function closeAllConnections() {
  for (const conn of this[kConnections]) conn.socket.destroy();
};

Server.prototype.closeIdleConnections = function closeIdleConnections() {
  for (const conn of this[kConnections]) {
    if (conn.current === null && conn.parserIdle()) conn.socket.destroy();
  }
};

Server.prototype[Symbol.asyncDispose] = function asyncDispose() {
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

// One connection's request/response cycle.
function ignoreError() {}

// What a request cut short by its connection is destroyed with, as in Node.
function abortedError() {
  const err = new Error('aborted');
  err.code = 'ECONNRESET';
  return err;
}

function connectionListener(socket) {
  const server = this;
  // A socket may come from elsewhere (sent by another process, emitted by hand): it is this
  // server's now, as in Node.
  socket.server = server;
  const conn = {
    socket,
    current: null,
    requests: 0,
    parserIdle: () => parser.state === 'head' && (parser.pending === null || parser.pending.length === 0),
    // When the message being received began (null between messages), and whether its head
    // is complete: what checkConnections reads. A new connection counts as a message begun.
    messageStart: native.now(),
    headersDone: false,
    onSocketError: null,
  };
  server[kConnections].add(conn);
  // Node's parser resource for the connection (an async resource while async_hooks is on).
  const parserResource = { type: 'HTTPINCOMINGMESSAGE', socket, _asyncFrame: null };
  parserResource._asyncFrame = net._makeFrame(parserResource, 'HTTPINCOMINGMESSAGE');
  let req = null;
  if (server.timeout && typeof socket.setTimeout === 'function') socket.setTimeout(server.timeout);
  socket.on('timeout', () => {
    const handled = (req && req.emit('timeout', socket)) | (conn.current && conn.current.emit('timeout', socket));
    const serverHandled = server.emit('timeout', socket);
    if (!handled && !serverHandled) socket.destroy();
  });

  const parser = new HTTPParser('request', {
    onHead(info) {
      conn.headersDone = true;
      req = new server[kIncoming](socket);
      setHead(req, info, server.joinDuplicateHeaders);
      req.method = info.method;
      req.url = info.url;
      if (info.upgrade) {
        const event = info.method === 'CONNECT' ? 'connect' : 'upgrade';
        if (server.listenerCount(event) > 0) {
          detach();
          const head = parser.takeRemaining();
          req.complete = true;
          server.emit(event, req, socket, head);
          return true;
        }
        if (event === 'connect') {
          socket.destroy();
          return true;
        }
        req.upgrade = false;
        info.upgrade = false;
      }
      conn.requests++;
      const res = new server[kResponse](req, { highWaterMark: socket.writableHighWaterMark });
      res.shouldKeepAlive = info.shouldKeepAlive;
      res._keepAliveTimeout = server.keepAliveTimeout;
      if (server.maxRequestsPerSocket > 0 && conn.requests >= server.maxRequestsPerSocket) {
        res.maxRequestsOnConnectionReached = true;
      }
      if (socket._httpMessage) {
        // A pipelined request: answered after the one in flight.
        conn.queue = conn.queue || [];
        conn.queue.push(res);
      } else {
        res.assignSocket(socket);
        conn.current = res;
      }
      res.on('finish', () => {
        if (responseFinishChannel.hasSubscribers) {
          responseFinishChannel.publish({ request: req, response: res, socket, server });
        }
        onResponseFinish(req, res);
      });
      if (requestStartChannel.hasSubscribers) requestStartChannel.publish({ request: req, response: res, socket, server });
      const expect = req.headers.expect;
      if (expect !== undefined && req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
        if (/(?:^|\W)100-continue(?:$|\W)/i.test(expect)) {
          res._expect_continue = true;
          if (server.listenerCount('checkContinue') > 0) {
            server.emit('checkContinue', req, res);
          } else {
            res.writeContinue();
            server.emit('request', req, res);
          }
        } else if (server.listenerCount('checkExpectation') > 0) {
          server.emit('checkExpectation', req, res);
        } else {
          res.writeHead(417);
          res.end();
        }
      } else {
        server.emit('request', req, res);
      }
      return false;
    },
    onBody(chunk) {
      if (req !== null && !req._dumped) req._addBody(chunk);
    },
    onComplete(trailers) {
      conn.messageStart = null;
      conn.headersDone = false;
      if (req === null) return;
      req.rawTrailers = trailers;
      req.complete = true;
      req.push(null);
      // As Node's parser does at a message's end: a pause the body put on the socket is lifted,
      // or a keep-alive connection whose body filled the request's buffer in one read never
      // hears its next request.
      if (req._paused) {
        req._paused = false;
        socket.resume();
      }
      // Hold a pipelined request until the response in flight is done.
      if (conn.current !== null) parser.pause();
    },
  }, server.maxHeaderSize);

  function onResponseFinish(request, res) {
    if (!request._consuming && !request._readableState.resumeScheduled) request._dump();
    res.detachSocket(socket);
    process.nextTick(() => res._emitClose());
    if (conn.current === res) conn.current = null;
    if (res._last) {
      if (typeof socket.destroySoon === 'function') socket.destroySoon();
      else socket.end();
      return;
    }
    const next = conn.queue && conn.queue.shift();
    if (next) {
      conn.current = next;
      next.assignSocket(socket);
      return;
    }
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
    }
    if (!conn.parserIdle()) beginMessage();
    const err = parser.resume();
    if (err) onParseError(err);
  }

  // Bytes of a new message arrived (or were waiting): its deadlines start now.
  function beginMessage() {
    if (conn.messageStart === null) {
      conn.messageStart = native.now();
      conn.headersDone = false;
    }
  }

  // Node's socketOnError: the first error (a parse error, a timeout, the socket's own) goes to
  // 'clientError' or gets a 400/408/431 answer; the socket's later errors are ignored.
  function onParseError(err) {
    socket.removeListener('error', onError);
    if (socket.listenerCount('error') === 0) socket.on('error', ignoreError);
    if (server.listenerCount('clientError') > 0) {
      server.emit('clientError', err, socket);
      return;
    }
    if (socket.writable && (!socket._httpMessage || !socket._httpMessage._headerSent)) {
      let status = '400 Bad Request';
      if (err.code === 'HPE_HEADER_OVERFLOW') status = '431 Request Header Fields Too Large';
      else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') status = '408 Request Timeout';
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy(err);
  }
  conn.onSocketError = onParseError;

  function onData(data) {
    if (data.length > 0 && conn.current === null) beginMessage();
    if (conn.current === null && server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.timeout || 0);
    }
    const err = parser.execute(data);
    if (err) onParseError(err);
  }

  function onEnd() {
    const err = parser.finish();
    if (err) {
      onParseError(err);
      return;
    }
    // As Node: without httpAllowHalfOpen the peer's end aborts what is in flight and ends
    // this side at once.
    if (!server.httpAllowHalfOpen) {
      if (req !== null && !req.complete) req.destroy(abortedError());
      if (socket.writable) socket.end();
    }
  }

  function onClose() {
    server[kConnections].delete(conn);
    net._dropFrame(parserResource);
    if (req !== null && !req.complete) {
      req.destroy(abortedError());
    }
    if (conn.current !== null && !conn.current.finished) conn.current._emitClose();
    if (conn.queue) for (const res of conn.queue.splice(0)) res._emitClose();
  }

  function onError(err) {
    onParseError(err);
  }

  function detach() {
    socket.removeListener('data', onData);
    socket.removeListener('end', onEnd);
    socket.removeListener('error', onError);
    server[kConnections].delete(conn);
  }

  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('close', onClose);
  socket.on('error', onError);
}

module.exports = { Server, ServerResponse, storeHttpOptions, initHttpServerState, startConnectionsChecking, connectionListener };
