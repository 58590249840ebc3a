// `dgram`: UDP sockets as Node v20 has them. A Socket is an EventEmitter over a UDP handle
// (internal/dgram, modules/dgram_handle.js) whose native socket is registered with net's
// poller. The states, their order of checks and the errors follow Node's dgram: a bind
// resolves its address first (dns-style lookup, so 'listening' comes a tick later), sends made
// before the bind finished wait in a queue, and system errors read `syscall CODE address:port`.
'use strict';

const EventEmitter = require('events');
const {
  codes, makeNodeError, systemError, exceptionWithHostPort, validateNumber, validateString,
} = require('internal/errors');
const loop = require('internal/loop');
const net = require('net');
const { kStateSymbol, ownerSymbol, newHandle, guessHandleType, _createSocketHandle, SendWrap } = require('internal/dgram');

const UV_UDP_IPV6ONLY = 1;
const UV_UDP_REUSEADDR = 4;

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const RECV_BUFFER = true;
const SEND_BUFFER = false;

const asyncIdSymbol = Symbol('async_id_symbol');
let nextAsyncId = 1;

// --- errors ------------------------------------------------------------------------------

/** Node's ErrnoException: `syscall CODE`, then errno, code, syscall (`err` negative). */
function errnoException(err, syscall) {
  return net._errnoException(-err, syscall);
}


function notRunning() {
  return makeNodeError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running');
}

function isConnectedError() {
  return makeNodeError(Error, 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected');
}

function notConnectedError() {
  return makeNodeError(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected');
}

// ERR_MISSING_ARGS as Node's JS raises it (its own keys: stack, code, message; the C++ one
// that structuredClone throws has message before code).
function missingArgs(name) {
  const err = codes.ERR_MISSING_ARGS(name);
  const { message } = err;
  delete err.message;
  Object.defineProperty(err, 'message', { value: message, writable: true, configurable: true, enumerable: false });
  return err;
}

function badPort(port) {
  const { inspect } = require('internal/inspect');
  const received = port === null || port === undefined
    ? ` Received ${port}`
    : ` Received type ${typeof port} (${typeof port === 'string' ? `'${port}'` : inspect(port)})`;
  return makeNodeError(RangeError, 'ERR_SOCKET_BAD_PORT', `Port should be > 0 and < 65536.${received}.`);
}

/** Node's validatePort(port, 'Port', false): a number or numeric string in [1, 65536). */
function validatePort(port) {
  const isNumeric = typeof port === 'number' || (typeof port === 'string' && port.trim().length > 0);
  if (!isNumeric || +port !== (+port >>> 0) || port > 0xFFFF || +port === 0) throw badPort(port);
  return port | 0;
}

function bufferTypeError(name, value) {
  return codes.ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView', 'string'], value);
}

// --- async context -----------------------------------------------------------------------

function runInFrame(socket, fn, ...args) {
  const frame = socket._asyncFrame;
  const context = loop.getAsyncContext();
  if (frame === null || frame === undefined || context === null) {
    fn.apply(socket, args);
    return;
  }
  context.enter(frame);
  try {
    fn.apply(socket, args);
  } finally {
    context.exit(frame);
  }
}

// --- Socket ------------------------------------------------------------------------------

function validateBufferSizeOption(value, name) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < 0 || value > 4294967295) throw codes.ERR_OUT_OF_RANGE(name, '>= 0 && <= 4294967295', value);
}

/** `new dgram.Socket(type[, listener])`, `type` a string or an options object. */
function Socket(type, listener) {
  EventEmitter.call(this);
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  let options;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize) {
      validateBufferSizeOption(options.recvBufferSize, 'options.recvBufferSize');
      recvBufferSize = options.recvBufferSize;
    }
    if (options.sendBufferSize) {
      validateBufferSizeOption(options.sendBufferSize, 'options.sendBufferSize');
      sendBufferSize = options.sendBufferSize;
    }
  }
  const handle = newHandle(type, lookup);
  handle[ownerSymbol] = this;
  this[asyncIdSymbol] = nextAsyncId++;
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);
  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options && options.reuseAddr,
    ipv6Only: options && options.ipv6Only,
    recvBufferSize,
    sendBufferSize,
  };
  Object.defineProperty(this, '_asyncFrame', {
    value: net._makeFrame(this, 'UDPWRAP'), writable: true, configurable: true, enumerable: false,
  });
  if (options?.signal !== undefined) {
    const { signal } = options;
    require('internal/abort_controller').validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      const disposable = EventEmitter.addAbortListener(signal, onAborted);
      this.once('close', disposable[Symbol.dispose]);
    }
  }
}
Object.setPrototypeOf(Socket.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Socket, EventEmitter);

/** `dgram.createSocket(type[, listener])`. */
function createSocket(type, listener) {
  return new Socket(type, listener);
}

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw notRunning();
}

// What the handle calls with each datagram (a negative `nread` is a receive error).
function onMessage(nread, handle, buf, rinfo) {
  const self = handle[ownerSymbol];
  runInFrame(self, function deliver() {
    if (nread < 0) {
      this.emit('error', errnoException(nread, 'recvmsg'));
      return;
    }
    rinfo.size = buf.length;
    this.emit('message', buf, rinfo);
  });
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER);
  socket.emit('listening');
}

// Asks the cluster primary for the socket to bind to (internal/cluster/child); `errCb(errno)`
// when it has none.
function bindServerHandle(self, options, errCb) {
  const state = self[kStateSymbol];
  require('cluster')._getServer(self, options, (err, handle) => {
    if (err) {
      errCb(err);
      return;
    }
    // Closed while waiting.
    if (!state.handle) {
      handle.close();
      return;
    }
    replaceHandle(self, handle);
    startListening(self);
  });
}

function replaceHandle(self, newHandleObj) {
  const state = self[kStateSymbol];
  const oldHandle = state.handle;
  newHandleObj.lookup = oldHandle.lookup;
  newHandleObj.bind = oldHandle.bind;
  newHandleObj.send = oldHandle.send;
  newHandleObj[ownerSymbol] = self;
  state.handle = newHandleObj;
  oldHandle.close();
}

Socket.prototype.bind = function bind(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== BIND_STATE_UNBOUND) {
    throw makeNodeError(Error, 'ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound');
  }
  state.bindState = BIND_STATE_BINDING;
  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    function removeListeners() {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    }
    function onListening() {
      removeListeners.call(this);
      cb.call(this);
    }
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }
  if (port !== null && typeof port === 'object' && typeof port.recvStart === 'function') {
    replaceHandle(this, port);
    startListening(this);
    return this;
  }
  if (port !== null && typeof port === 'object' && Number.isInteger(port.fd) && port.fd > 0 && port.fd <= 0x7fffffff) {
    // A worker's descriptor number means the primary's socket: the primary binds it.
    if (require('cluster').isWorker && !port.exclusive) {
      bindServerHandle(this, { address: null, port: null, addressType: this.type, fd: port.fd, flags: null }, (err) => {
        state.bindState = BIND_STATE_UNBOUND;
        this.emit('error', exceptionWithHostPort(err, 'bind', null, null));
      });
      return this;
    }
    const type = guessHandleType(port.fd);
    if (type !== 'UDP') throw makeNodeError(TypeError, 'ERR_INVALID_FD_TYPE', `Unsupported fd type: ${type}`);
    const err = state.handle.open(port.fd);
    if (err) throw errnoException(err, 'open');
    startListening(this);
    return this;
  }
  let address;
  let exclusive = false;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = Boolean(port.exclusive);
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';
  state.handle.lookup(address, (err, ip) => {
    if (!state.handle) return;
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }
    let flags = 0;
    if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
    if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;
    // A cluster worker's socket is the primary's, shared (unless it binds exclusively).
    if (require('cluster').isWorker && !exclusive) {
      bindServerHandle(this, { address: ip, port, addressType: this.type, fd: -1, flags }, (clusterErr) => {
        state.bindState = BIND_STATE_UNBOUND;
        this.emit('error', exceptionWithHostPort(clusterErr, 'bind', ip, port));
      });
      return;
    }
    const bindErr = state.handle.bind(ip, port || 0, flags);
    if (bindErr) {
      const ex = exceptionWithHostPort(bindErr, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }
    startListening(this);
  });
  return this;
};

Socket.prototype.connect = function connect(port, address, callback) {
  port = validatePort(port);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_DISCONNECTED) throw isConnectedError();
  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, connectNow.bind(this, port, address, callback));
    return;
  }
  connectNow.call(this, port, address, callback);
};

function connectNow(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);
  state.handle.lookup(address, (ex, ip) => doConnect(ex, this, ip, address, port, callback));
}

function doConnect(ex, self, ip, address, port, callback) {
  const state = self[kStateSymbol];
  if (!state.handle) return;
  if (!ex) {
    const err = state.handle.connect(ip, port);
    if (err) ex = exceptionWithHostPort(err, 'connect', address, port);
  }
  if (ex) {
    state.connectState = CONNECT_STATE_DISCONNECTED;
    process.nextTick(() => {
      if (callback) {
        self.removeListener('connect', callback);
        callback(ex);
      } else {
        self.emit('error', ex);
      }
    });
    return;
  }
  state.connectState = CONNECT_STATE_CONNECTED;
  process.nextTick(() => self.emit('connect'));
}

Socket.prototype.disconnect = function disconnect() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw notConnectedError();
  const err = state.handle.disconnect();
  if (err) throw errnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

// Sends made before the bind finished wait here; a failed bind drops them.
function enqueue(self, toEnqueue) {
  const state = self[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    self.once(EventEmitter.errorMonitor, onListenError);
    self.once('listening', onListenSuccess);
  }
  state.queue.push(toEnqueue);
}

function onListenSuccess() {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  clearQueue.call(this);
}

function onListenError() {
  this.removeListener('listening', onListenSuccess);
  this[kStateSymbol].queue = undefined;
}

function clearQueue() {
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (const queueEntry of queue) queueEntry();
}

function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') buffer = Buffer.from(buffer);
  else if (!ArrayBuffer.isView(buffer)) throw bufferTypeError('buffer', buffer);
  offset >>>= 0;
  length >>>= 0;
  if (offset > buffer.byteLength) {
    throw makeNodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"offset" is outside of buffer bounds');
  }
  if (offset + length > buffer.byteLength) {
    throw makeNodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', '"length" is outside of buffer bounds');
  }
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

function fixBufferList(list) {
  const newList = new Array(list.length);
  for (let i = 0, l = list.length; i < l; i++) {
    const buf = list[i];
    if (typeof buf === 'string') newList[i] = Buffer.from(buf);
    else if (!ArrayBuffer.isView(buf)) return null;
    else newList[i] = buf;
  }
  return newList;
}

Socket.prototype.sendto = function sendto(buffer, offset, length, port, address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

Socket.prototype.send = function send(buffer, offset, length, port, address, callback) {
  let list;
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      } else {
        callback = address;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw isConnectedError();
  }
  if (!Array.isArray(buffer)) {
    if (typeof buffer === 'string') list = [Buffer.from(buffer)];
    else if (!ArrayBuffer.isView(buffer)) throw bufferTypeError('buffer', buffer);
    else list = [buffer];
  } else if (!(list = fixBufferList(buffer))) {
    throw bufferTypeError('buffer list arguments', buffer);
  }
  if (!connected) port = validatePort(port);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }
  healthCheck(this);
  if (state.bindState === BIND_STATE_UNBOUND) this.bind({ port: 0, exclusive: true }, null);
  if (list.length === 0) list.push(Buffer.alloc(0));
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, this.send.bind(this, list, port, address, callback));
    return;
  }
  const afterDns = (ex, ip) => doSend(ex, this, ip, list, address, port, callback);
  if (!connected) state.handle.lookup(address, afterDns);
  else afterDns(null, null);
};

function doSend(ex, self, ip, list, address, port, callback) {
  const state = self[kStateSymbol];
  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
      return;
    }
    process.nextTick(() => self.emit('error', ex));
    return;
  } else if (!state.handle) {
    return;
  }
  const req = new SendWrap();
  req.list = list;
  req.address = address;
  req.port = port;
  if (callback) {
    req.callback = callback;
    req.oncomplete = afterSend;
  }
  let err;
  if (port) err = state.handle.send(req, list, list.length, port, ip, !!callback);
  else err = state.handle.send(req, list, list.length, !!callback);
  if (err >= 1) {
    // Sent at once: the count comes back as bytes + 1 (0 means queued).
    if (callback) process.nextTick(callback, null, err - 1);
    return;
  }
  if (err && callback) {
    // Not emitted as 'error' without a callback: a failed send is dropped, as in Node.
    process.nextTick(callback, exceptionWithHostPort(err, 'send', address, port));
  }
}

function afterSend(err, sent) {
  this.callback(err ? exceptionWithHostPort(err, 'send', this.address, this.port) : null, sent);
}

Socket.prototype.close = function close(callback) {
  const state = this[kStateSymbol];
  const queue = state.queue;
  if (typeof callback === 'function') this.on('close', callback);
  if (queue !== undefined) {
    queue.push(this.close.bind(this));
    return this;
  }
  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  net._dropFrame(this);
  process.nextTick(socketCloseNT, this);
  return this;
};

Socket.prototype[Symbol.asyncDispose] = async function asyncDispose() {
  if (!this[kStateSymbol].handle) return;
  await new Promise((resolve, reject) => {
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

function socketCloseNT(self) {
  self.emit('close');
}

Socket.prototype.address = function address() {
  healthCheck(this);
  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw errnoException(err, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function remoteAddress() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) throw notConnectedError();
  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw errnoException(err, 'getpeername');
  return out;
};

Socket.prototype.setBroadcast = function setBroadcast(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setBroadcast');
};

Socket.prototype.setTTL = function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw errnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw errnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function setMulticastLoopback(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setMulticastLoopback');
  return arg;
};

Socket.prototype.setMulticastInterface = function setMulticastInterface(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  const err = this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
  if (err) throw errnoException(err, 'setMulticastInterface');
};

Socket.prototype.addMembership = function addMembership(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw missingArgs('multicastAddress');
  const err = this[kStateSymbol].handle.addMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addMembership');
};

Socket.prototype.dropMembership = function dropMembership(multicastAddress, interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw missingArgs('multicastAddress');
  const err = this[kStateSymbol].handle.dropMembership(multicastAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropMembership');
};

Socket.prototype.addSourceSpecificMembership = function addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const err = this[kStateSymbol].handle.addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'addSourceSpecificMembership');
};

Socket.prototype.dropSourceSpecificMembership = function dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
  healthCheck(this);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  const err = this[kStateSymbol].handle.dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress);
  if (err) throw errnoException(err, 'dropSourceSpecificMembership');
};

Socket.prototype.ref = function ref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

function bufferSize(self, size, buffer) {
  if (size >>> 0 !== size) {
    throw makeNodeError(TypeError, 'ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer');
  }
  const ctx = {};
  const ret = self[kStateSymbol].handle.bufferSize(size, buffer, ctx);
  if (ret === undefined) throw systemError('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', ctx);
  return ret;
}

Socket.prototype.setRecvBufferSize = function setRecvBufferSize(size) {
  bufferSize(this, size, RECV_BUFFER);
};

Socket.prototype.setSendBufferSize = function setSendBufferSize(size) {
  bufferSize(this, size, SEND_BUFFER);
};

Socket.prototype.getRecvBufferSize = function getRecvBufferSize() {
  return bufferSize(this, 0, RECV_BUFFER);
};

Socket.prototype.getSendBufferSize = function getSendBufferSize() {
  return bufferSize(this, 0, SEND_BUFFER);
};

Socket.prototype.getSendQueueSize = function getSendQueueSize() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function getSendQueueCount() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

// --- deprecated internals (DEP0112) ------------------------------------------------------

function deprecate(fn, message) {
  return require('util').deprecate(fn, message, 'DEP0112');
}

for (const [name, field] of [['_handle', 'handle'], ['_receiving', 'receiving'], ['_bindState', 'bindState'],
  ['_queue', 'queue'], ['_reuseAddr', 'reuseAddr']]) {
  const message = `Socket.prototype.${name} is deprecated`;
  Object.defineProperty(Socket.prototype, name, {
    get: deprecate(function () { return this[kStateSymbol][field]; }, message),
    set: deprecate(function (value) { this[kStateSymbol][field] = value; }, message),
    configurable: true, enumerable: false,
  });
}

Socket.prototype._healthCheck = deprecate(function () { healthCheck(this); }, 'Socket.prototype._healthCheck() is deprecated');
Socket.prototype._stopReceiving = deprecate(function () { stopReceiving(this); }, 'Socket.prototype._stopReceiving() is deprecated');

module.exports = {
  _createSocketHandle: deprecate(_createSocketHandle, 'dgram._createSocketHandle() is deprecated'),
  createSocket,
  Socket,
};
