// `http`: HTTP/1.1 servers and clients over `net` sockets. The pieces live in internal/http/*:
// the parser, IncomingMessage, OutgoingMessage, the server and ServerResponse, ClientRequest,
// Agent; this module puts Node's public surface together.
'use strict';

const { METHODS, STATUS_CODES } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage, validateHeaderName, validateHeaderValue } = require('internal/http/outgoing');
const { Server, ServerResponse } = require('internal/http/server');
const { ClientRequest } = require('internal/http/client');
const agent = require('internal/http/agent');
const { validateInteger } = require('internal/errors');

/** `http.createServer([options][, requestListener])`. */
function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

/** `http.request(url[, options][, callback])`. */
function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

/** `http.get(...)`: a request ended at once. */
function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

let maxIdleParsers = 1000;

module.exports = {
  _connectionListener: undefined,
  METHODS: METHODS.slice(),
  STATUS_CODES,
  Agent: agent.Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers(max) {
    validateInteger(max, 'max', 1);
    maxIdleParsers = max;
  },
  maxHeaderSize: 16384,
};

Object.defineProperty(module.exports, 'globalAgent', {
  configurable: true,
  enumerable: true,
  get() { return agent.globalAgent; },
  set(value) { agent.globalAgent = value; },
});
