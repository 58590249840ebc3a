// http.Agent: sockets per `host:port:localAddress[:family]` name, requests queued past
// maxSockets, and (keepAlive) finished sockets kept unref'd in freeSockets for the next request
// (lifo or fifo), closed after `timeout` idle.
'use strict';

const EventEmitter = require('events');
const net = require('net');

/** `new http.Agent([options])`. */
function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
  this.totalSocketCount = 0;
  if (this.scheduling !== 'fifo' && this.scheduling !== 'lifo') {
    const { codes } = require('internal/errors');
    throw codes.ERR_INVALID_ARG_VALUE('scheduling', this.scheduling, 'must be one of: \'fifo\', \'lifo\'');
  }

  this.on('free', (socket, opts) => {
    const name = this.getName(opts);
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const requests = this.requests[name];
    if (requests && requests.length) {
      const req = requests.shift();
      if (requests.length === 0) delete this.requests[name];
      setRequestSocket(this, req, socket);
      return;
    }
    const req = socket._httpMessage;
    if (!req || !req.shouldKeepAlive || !this.keepAlive) {
      socket.destroy();
      return;
    }
    const free = this.freeSockets[name] || [];
    const count = free.length + (this.sockets[name] ? this.sockets[name].length : 0);
    if (this.totalSocketCount > this.maxTotalSockets || count > this.maxSockets || free.length >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
      socket.destroy();
      return;
    }
    this.freeSockets[name] = free;
    socket._httpMessage = null;
    this.removeSocket(socket, opts, true);
    free.push(socket);
  });
}
Object.setPrototypeOf(Agent.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Agent, EventEmitter);
Agent.defaultMaxSockets = Infinity;

Agent.prototype.createConnection = net.createConnection;

Agent.prototype.getName = function getName(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) name += `:${options.family}`;
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

Agent.prototype.addRequest = function addRequest(req, options, port, localAddress) {
  if (typeof options === 'string') options = { __proto__: null, host: options, port, localAddress };
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  const name = this.getName(options);
  if (!this.sockets[name]) this.sockets[name] = [];
  const free = this.freeSockets[name];
  let socket;
  if (free) {
    while (free.length && free[0].destroyed) free.shift();
    socket = this.scheduling === 'fifo' ? free.shift() : free.pop();
    if (free.length === 0) delete this.freeSockets[name];
  }
  const freeLen = free ? free.length : 0;
  const sockLen = freeLen + this.sockets[name].length;
  if (socket) {
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    this.sockets[name].push(socket);
  } else if (sockLen < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, newSocket) => {
      if (err) req.onSocket(newSocket, err);
      else setRequestSocket(this, req, newSocket);
    });
  } else {
    if (!this.requests[name]) this.requests[name] = [];
    this.requests[name].push(req);
  }
};

Agent.prototype.createSocket = function createSocket(req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  const name = this.getName(options);
  options._agentKey = name;
  let called = false;
  const oncreate = (err, s) => {
    if (called) return;
    called = true;
    if (err) {
      cb(err);
      return;
    }
    if (!this.sockets[name]) this.sockets[name] = [];
    this.sockets[name].push(s);
    this.totalSocketCount++;
    installListeners(this, s, options);
    cb(null, s);
  };
  const newSocket = this.createConnection(options, oncreate);
  if (newSocket) oncreate(null, newSocket);
};

function installListeners(agent, s, options) {
  function onFree() {
    agent.emit('free', s, options);
  }
  s.on('free', onFree);
  function onClose() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);
  function onTimeout() {
    // A free socket timing out is closed; one in use tells its request.
    const sockets = agent.freeSockets;
    for (const name of Object.keys(sockets)) {
      if (sockets[name].includes(s)) {
        s.destroy();
        return;
      }
    }
  }
  s.on('timeout', onTimeout);
  function onRemove() {
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFree);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}

Agent.prototype.removeSocket = function removeSocket(s, options, keepFree) {
  const name = this.getName(options);
  const sets = keepFree ? [this.sockets] : [this.sockets, this.freeSockets];
  for (const sockets of sets) {
    const list = sockets[name];
    if (!list) continue;
    const index = list.indexOf(s);
    if (index !== -1) {
      list.splice(index, 1);
      if (list.length === 0) delete sockets[name];
    }
  }
  if (keepFree) return;
  const requests = this.requests[name];
  if (requests && requests.length) {
    const req = requests.shift();
    if (requests.length === 0) delete this.requests[name];
    this.createSocket(req, options, (err, socket) => {
      if (err) req.onSocket(socket, err);
      else socket.emit('free');
    });
  }
};

Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  if (socket._httpMessage && socket._httpMessage.res) {
    const keepAlive = socket._httpMessage.res.headers['keep-alive'];
    const m = keepAlive && /timeout=(\d+)/.exec(keepAlive);
    if (m) {
      const serverHint = Number(m[1]) * 1000 - 1000;
      if (serverHint > 0 && (agentTimeout === 0 || serverHint < agentTimeout)) agentTimeout = serverHint;
    }
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return true;
};

Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  req.reusedSocket = true;
  socket.ref();
};

Agent.prototype.destroy = function destroy() {
  for (const sets of [this.freeSockets, this.sockets]) {
    for (const name of Object.keys(sets)) {
      for (const socket of sets[name].slice()) socket.destroy();
    }
  }
};

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });

module.exports = { Agent, globalAgent };
