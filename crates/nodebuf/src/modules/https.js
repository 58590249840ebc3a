// `https`: HTTP over TLS as Node v20 has it: http's client and server on TLS sockets. An
// https.Server is a tls.Server whose secure connections go through http's connection handling;
// an https.Agent is an http.Agent whose connections are tls.connect sockets, pooled per host,
// port and TLS options (so keep-alive reuses a socket only for requests with the same trust).
'use strict';

const tls = require('tls');
const net = require('net');
const { Agent: HttpAgent } = require('internal/http/agent');
const { ClientRequest } = require('internal/http/client');
const httpServer = require('internal/http/server');

// --- server ------------------------------------------------------------------------------

/** `new https.Server([options][, requestListener])`. */
function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  }
  options = { ...options };
  // Node offers http/1.1 by ALPN unless told otherwise.
  if (!options.ALPNProtocols) options.ALPNProtocols = ['http/1.1'];
  httpServer.storeHttpOptions(this, options);
  tls.Server.call(this, { noDelay: true, ...options }, httpServer.connectionListener);
  httpServer.initHttpServerState(this, options, requestListener);
  this.on('listening', httpServer.startConnectionsChecking);
}
Object.setPrototypeOf(Server.prototype, tls.Server.prototype);
Object.setPrototypeOf(Server, tls.Server);

for (const name of ['setTimeout', 'close', 'closeAllConnections', 'closeIdleConnections']) {
  Server.prototype[name] = httpServer.Server.prototype[name];
}
Server.prototype[Symbol.asyncDispose] = httpServer.Server.prototype[Symbol.asyncDispose];

/** `https.createServer([options][, requestListener])`. */
function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

// --- agent -------------------------------------------------------------------------------

// The TLS options that make two connections unlike each other, in the order Node's agent
// writes them into a pool name.
const nameFields = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx', 'rejectUnauthorized',
  'servername', 'minVersion', 'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder', 'ecdhCurve',
  'dhparam', 'secureOptions', 'sessionIdContext', 'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine'];
const presenceChecked = new Set(['rejectUnauthorized', 'honorCipherOrder', 'secureOptions']);

// The name SNI carries for a request: the Host header's (or host's) name, none for an IP.
function serverNameFor(options) {
  let host = options.host;
  const header = options.headers && (options.headers.host || options.headers.Host);
  if (header) {
    host = String(header);
    if (host.startsWith('[')) {
      const end = host.indexOf(']');
      host = end === -1 ? host : host.slice(1, end);
    } else {
      host = host.split(':', 1)[0];
    }
  }
  if (net.isIP(host)) return '';
  return host;
}

/** `new https.Agent([options])`. */
function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  HttpAgent.call(this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: {}, list: [] };
}
Object.setPrototypeOf(Agent.prototype, HttpAgent.prototype);
Object.setPrototypeOf(Agent, HttpAgent);

Agent.prototype.createConnection = function createConnection(port, host, options) {
  if (port !== null && typeof port === 'object') {
    options = { ...port };
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  if (!options.servername && options.servername !== '') options.servername = serverNameFor(options);
  if (options.servername === '') delete options.servername;
  return tls.connect(options);
};

Agent.prototype.getName = function getName(options = {}) {
  let name = HttpAgent.prototype.getName.call(this, options);
  for (const field of nameFields) {
    name += ':';
    const value = options[field];
    if (field === 'servername') {
      if (value && value !== options.host) name += value;
    } else if (presenceChecked.has(field) ? value !== undefined : value) {
      name += value;
    }
  }
  return name;
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

// --- requests ----------------------------------------------------------------------------

function withDefaultAgent(args) {
  // The http client reads `_defaultAgent` from the options (the last object argument or a new
  // one after a URL).
  const out = args.slice();
  let i = out.findIndex((a) => a !== null && typeof a === 'object' && !(a instanceof require('url').URL));
  if (i === -1) {
    i = typeof out[0] === 'string' || out[0] instanceof require('url').URL ? 1 : 0;
    out.splice(i, 0, {});
  } else {
    out[i] = { ...out[i] };
  }
  out[i]._defaultAgent = module.exports.globalAgent;
  return out;
}

/** `https.request(url[, options][, callback])`. */
function request(...args) {
  return new ClientRequest(...withDefaultAgent(args));
}

/** `https.get(...)`: a request ended at once. */
function get(...args) {
  const req = request(...args);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
