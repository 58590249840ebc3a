// `dgram`: UDP sockets as Node v20 has them. A Socket is an EventEmitter over a native UDP
// socket (modules/dgram.rs) registered with net's poller: the poller posts readiness to this
// thread's inbox, internal/messaging's pump calls the handle's `_onNetEvent`, and the handle
// reads every waiting datagram (the poller is edge-triggered) and sends what it had to queue.
// The states, their order of checks and the errors follow Node's dgram: a bind resolves its
// address first (dns-style lookup, so 'listening' comes a tick later), sends made before the
// bind finished wait in a queue, and system errors read `syscall CODE address:port`.
'use strict';
const { setImmediate } = require('timers');

const EventEmitter = require('events');
const { codes, makeNodeError, systemError, validateFunction, validateNumber, validateString } = require('internal/errors');
const messaging = require('internal/messaging');
const loop = require('internal/loop');
const net = require('net');

const n = native.dgram;
const READABLE = 1;
const WRITABLE = 2;
const ERROR = 4;

const UV_UDP_IPV6ONLY = 1;
const UV_UDP_REUSEADDR = 4;
const EAGAIN = 11;
const EBADF = 9;
const ECANCELED = 125;

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const RECV_BUFFER = true;
const SEND_BUFFER = false;

const kStateSymbol = Symbol('state symbol');
const asyncIdSymbol = Symbol('async_id_symbol');
const ownerSymbol = Symbol('owner_symbol');

let nextAsyncId = 1;

// --- errors ------------------------------------------------------------------------------

function errnoException(errno, syscall) {
  return net._errnoException(errno, syscall);
}

/** Node's ExceptionWithHostPort: `syscall CODE address:port` (just the address without a
 * positive port), then errno, code, syscall, address and (when truthy) port. */
function exceptionWithHostPort(errno, syscall, address, port) {
  const [code] = require('internal/uv').describe(-errno) ?? ['UNKNOWN'];
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const err = new Error(`${syscall} ${code}${details}`);
  err.errno = -errno;
  err.code = code;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  return err;
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

// --- lookup ------------------------------------------------------------------------------

function notFoundError(host) {
  const err = new Error(`getaddrinfo ENOTFOUND ${host}`);
  err.errno = -3008;
  err.code = 'ENOTFOUND';
  err.syscall = 'getaddrinfo';
  err.hostname = host;
  return err;
}

/** What `dns.lookup(hostname, family, callback)` does for a socket: an IP literal comes back
 * on the next tick, a name resolves through the system resolver (the first address of the
 * family asked for) and answers after this turn's I/O, as a thread-pool lookup does. */
function defaultLookup(hostname, family, callback) {
  validateString(hostname, 'hostname');
  const literal = net.isIP(hostname);
  if (literal !== 0) {
    process.nextTick(callback, null, hostname, literal);
    return;
  }
  setImmediate(() => {
    const found = native.net.lookup(hostname);
    const match = found === null ? undefined : found.find((entry) => entry[1] === family);
    if (match === undefined) callback(notFoundError(hostname));
    else callback(null, match[0], match[1]);
  });
}

// --- the handle --------------------------------------------------------------------------
// What Node's UDP wrap is: the native socket id (null until the first bind makes one), the
// lookup for its family, and what the event loop asks of it (`_refed`, `_isActive`).

class UDP {
  constructor(type, lookup) {
    const family = type === 'udp6' ? 6 : 4;
    const fallback = family === 6 ? '::1' : '127.0.0.1';
    const lookupFn = lookup === undefined ? defaultLookup : lookup;
    // Bound like Node's lookup4/lookup6: an empty address is the loopback one.
    this.lookup = function (address, callback) {
      return lookupFn(address || fallback, family, callback);
    }.bind(null);
    Object.defineProperty(this.lookup, 'name', { value: `bound lookup${family}` });
  }
}

function handleState(handle) {
  let state = handleStates.get(handle);
  if (state === undefined) {
    state = {
      id: null, family: 4, refed: true, receiving: false, sendQueue: [], sendQueueSize: 0, closed: false,
    };
    handleStates.set(handle, state);
  }
  return state;
}
const handleStates = new WeakMap();

// The object registered with messaging for one native socket.
function makeLoopHandle(socket, hs) {
  return {
    get _refed() { return hs.refed; },
    _isActive() { return hs.receiving || hs.sendQueue.length > 0; },
    _onNetEvent(bits) { runInFrame(socket, onReady, bits); },
    _owner: socket,
  };
}

function idOf(hs) {
  return hs.id === null ? 0 : hs.id;
}

function adoptId(socket, hs, id) {
  hs.id = id;
  const a = native.net.address(id, false);
  if (typeof a !== 'number') hs.family = a[2] === 'IPv6' ? 6 : 4;
  hs.loopHandle = makeLoopHandle(socket, hs);
  messaging.registerNet(id, hs.loopHandle);
}

// Makes or binds the native socket; returns the OS error number (0 on success).
function nativeBind(socket, hs, ip, port, flags) {
  const [id, errno] = n.bind(idOf(hs), hs.family, ip, Number(port), flags);
  if (id > 0 && hs.id === null) {
    hs.id = id;
    hs.loopHandle = makeLoopHandle(socket, hs);
    messaging.registerNet(id, hs.loopHandle);
  }
  return errno;
}

function closeNative(hs) {
  hs.receiving = false;
  hs.closed = true;
  if (hs.id !== null) {
    const id = hs.id;
    hs.id = null;
    messaging.unregisterNet(id);
    native.net.close(id);
  }
}

// --- async context -----------------------------------------------------------------------

function runInFrame(socket, fn, arg) {
  const frame = socket._asyncFrame;
  const context = loop.getAsyncContext();
  if (frame === null || frame === undefined || context === null) {
    fn.call(socket, arg);
    return;
  }
  context.enter(frame);
  try {
    fn.call(socket, arg);
  } finally {
    context.exit(frame);
  }
}

// --- Socket ------------------------------------------------------------------------------

function newHandle(type, lookup) {
  if (lookup !== undefined) validateFunction(lookup, 'lookup');
  if (type === 'udp4' || type === 'udp6') {
    const handle = new UDP(type, lookup);
    handleState(handle).family = type === 'udp6' ? 6 : 4;
    return handle;
  }
  throw makeNodeError(TypeError, 'ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6');
}

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

function startListening(socket) {
  const state = socket[kStateSymbol];
  const hs = handleState(state.handle);
  hs.receiving = true;
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, SEND_BUFFER);
  socket.emit('listening');
  // Datagrams that arrived before the listener existed were announced already: read them.
  if (hs.id !== null) onReady.call(socket, READABLE);
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
  if (port !== null && typeof port === 'object' && Number.isInteger(port.fd) && port.fd > 0 && port.fd <= 0x7fffffff) {
    const hs = handleState(state.handle);
    const kind = n.fdKind(port.fd);
    if (kind !== 'UDP') {
      state.bindState = BIND_STATE_UNBOUND;
      throw makeNodeError(TypeError, 'ERR_INVALID_FD_TYPE', `Unsupported fd type: ${kind}`);
    }
    const id = n.adopt(port.fd);
    if (id < 0) throw errnoException(-id, 'open');
    adoptId(this, hs, id);
    startListening(this);
    return this;
  }
  let address;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
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
    const errno = nativeBind(this, handleState(state.handle), ip, port || 0, flags);
    if (errno !== 0) {
      const ex = exceptionWithHostPort(errno, 'bind', ip, port);
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
    const hs = handleState(state.handle);
    const errno = n.connect(idOf(hs), hs.family, ip, port);
    if (errno !== 0) ex = exceptionWithHostPort(errno, 'connect', address, port);
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
  const errno = n.disconnect(idOf(handleState(state.handle)));
  if (errno !== 0) throw errnoException(errno, 'connect');
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
  const hs = handleState(state.handle);
  const req = { list, ip: port ? ip : null, address, port, callback, bytes: 0 };
  for (const part of list) req.bytes += part.byteLength;
  // As libuv's try-send: nothing jumps the queue of sends still waiting for the socket.
  if (hs.sendQueue.length === 0) {
    const sent = n.send(idOf(hs), hs.family, list, req.ip, Number(port || 0));
    if (sent >= 0) {
      if (callback) process.nextTick(callback, null, sent);
      return;
    }
    if (sent !== -EAGAIN) {
      // Without a callback a failed send is dropped silently, as in Node.
      if (callback) process.nextTick(callback, exceptionWithHostPort(-sent, 'send', address, port));
      return;
    }
  }
  hs.sendQueue.push(req);
  hs.sendQueueSize += req.bytes;
}

// Sends what waited for the socket to take it; each callback hears how its send went.
function flushSendQueue(socket, hs) {
  while (hs.sendQueue.length > 0 && hs.id !== null) {
    const req = hs.sendQueue[0];
    const sent = n.send(hs.id, hs.family, req.list, req.ip, Number(req.port || 0));
    if (sent === -EAGAIN) return;
    hs.sendQueue.shift();
    hs.sendQueueSize -= req.bytes;
    if (req.callback) {
      if (sent >= 0) req.callback(null, sent);
      else req.callback(exceptionWithHostPort(-sent, 'send', req.address, req.port));
      loop.runTicks();
    }
  }
}

// The poller's news for this socket: flush waiting sends, read every waiting datagram.
function onReady(bits) {
  const state = this[kStateSymbol];
  if (!state.handle) return;
  const hs = handleState(state.handle);
  if (bits & WRITABLE) flushSendQueue(this, hs);
  if (!(bits & (READABLE | ERROR)) || !hs.receiving) return;
  while (hs.receiving && hs.id !== null) {
    const got = n.recv(hs.id);
    if (got === 0) break;
    if (typeof got === 'number') {
      this.emit('error', errnoException(got, 'recvmsg'));
    } else {
      const [msg, address, family, port] = got;
      this.emit('message', msg, { address, family, port, size: msg.length });
    }
    // Each datagram is its own callback in Node: the ticks it queued run before the next.
    loop.runTicks();
  }
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
  const hs = handleState(state.handle);
  const pending = hs.sendQueue.splice(0);
  hs.sendQueueSize = 0;
  closeNative(hs);
  state.handle = null;
  net._dropFrame(this);
  // Sends that never left are cancelled, their callbacks told so after this turn.
  for (const req of pending) {
    if (req.callback) setImmediate(req.callback, exceptionWithHostPort(ECANCELED, 'send', req.address, req.port));
  }
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

function addressOf(socket, peer, syscall) {
  const hs = handleState(socket[kStateSymbol].handle);
  const r = hs.id === null ? EBADF : native.net.address(hs.id, peer);
  if (typeof r === 'number') throw errnoException(r, syscall);
  return { address: r[0], family: r[2], port: r[1] };
}

Socket.prototype.address = function address() {
  healthCheck(this);
  return addressOf(this, false, 'getsockname');
};

Socket.prototype.remoteAddress = function remoteAddress() {
  healthCheck(this);
  if (this[kStateSymbol].connectState !== CONNECT_STATE_CONNECTED) throw notConnectedError();
  return addressOf(this, true, 'getpeername');
};

// The native id of a socket for its option calls (0, so EBADF, before the first bind); a
// closed socket's handle is gone, and its options are a TypeError as in Node.
function optionId(socket) {
  return idOf(handleState(socket[kStateSymbol].handle));
}

Socket.prototype.setBroadcast = function setBroadcast(arg) {
  const errno = n.setBroadcast(optionId(this), Boolean(arg));
  if (errno !== 0) throw errnoException(errno, 'setBroadcast');
};

Socket.prototype.setTTL = function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const errno = n.setTTL(optionId(this), ttl | 0);
  if (errno !== 0) throw errnoException(errno, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const errno = n.setMulticastTTL(optionId(this), ttl | 0);
  if (errno !== 0) throw errnoException(errno, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function setMulticastLoopback(arg) {
  const errno = n.setMulticastLoopback(optionId(this), Boolean(arg));
  if (errno !== 0) throw errnoException(errno, 'setMulticastLoopback');
  return arg;
};

Socket.prototype.setMulticastInterface = function setMulticastInterface(interfaceAddress) {
  healthCheck(this);
  validateString(interfaceAddress, 'interfaceAddress');
  const errno = n.setMulticastInterface(optionId(this), interfaceAddress);
  if (errno !== 0) throw errnoException(errno, 'setMulticastInterface');
};

// libuv binds a socket that joins a group before any bind: to the group's any-address, port
// 0, address reuse on; the socket stays unbound as far as bind() is concerned.
function implicitBindFor(socket, group) {
  const hs = handleState(socket[kStateSymbol].handle);
  if (hs.id !== null) return 0;
  const family = net.isIP(group);
  if (family === 0) return 0;
  const saved = hs.family;
  hs.family = family;
  const errno = nativeBind(socket, hs, family === 6 ? '::' : '0.0.0.0', 0, UV_UDP_REUSEADDR);
  hs.family = saved;
  return errno;
}

function membership(socket, multicastAddress, interfaceAddress, join, syscall) {
  healthCheck(socket);
  if (!multicastAddress) throw codes.ERR_MISSING_ARGS('multicastAddress');
  let errno = implicitBindFor(socket, String(multicastAddress));
  if (errno === 0) {
    const iface = interfaceAddress === undefined || interfaceAddress === null ? undefined : String(interfaceAddress);
    errno = n.membership(optionId(socket), String(multicastAddress), iface, join);
  }
  if (errno !== 0) throw errnoException(errno, syscall);
}

Socket.prototype.addMembership = function addMembership(multicastAddress, interfaceAddress) {
  membership(this, multicastAddress, interfaceAddress, true, 'addMembership');
};

Socket.prototype.dropMembership = function dropMembership(multicastAddress, interfaceAddress) {
  membership(this, multicastAddress, interfaceAddress, false, 'dropMembership');
};

function sourceMembership(socket, sourceAddress, groupAddress, interfaceAddress, join, syscall) {
  healthCheck(socket);
  validateString(sourceAddress, 'sourceAddress');
  validateString(groupAddress, 'groupAddress');
  let errno = 0;
  if (net.isIP(groupAddress) !== 0 && net.isIP(sourceAddress) === net.isIP(groupAddress)) {
    errno = implicitBindFor(socket, groupAddress);
  }
  if (errno === 0) {
    const iface = interfaceAddress === undefined || interfaceAddress === null ? undefined : String(interfaceAddress);
    errno = n.sourceMembership(optionId(socket), sourceAddress, groupAddress, iface, join);
  }
  if (errno !== 0) throw errnoException(errno, syscall);
}

Socket.prototype.addSourceSpecificMembership = function addSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
  sourceMembership(this, sourceAddress, groupAddress, interfaceAddress, true, 'addSourceSpecificMembership');
};

Socket.prototype.dropSourceSpecificMembership = function dropSourceSpecificMembership(sourceAddress, groupAddress, interfaceAddress) {
  sourceMembership(this, sourceAddress, groupAddress, interfaceAddress, false, 'dropSourceSpecificMembership');
};

Socket.prototype.ref = function ref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handleState(handle).refed = true;
  return this;
};

Socket.prototype.unref = function unref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handleState(handle).refed = false;
  return this;
};

function bufferSize(self, size, buffer) {
  if (size >>> 0 !== size) {
    throw makeNodeError(TypeError, 'ERR_SOCKET_BAD_BUFFER_SIZE', 'Buffer size must be a positive integer');
  }
  const r = n.bufferSize(optionId(self), size, buffer);
  if (typeof r === 'number') {
    const [code, message] = require('internal/uv').describe(-r) ?? ['UNKNOWN', 'unknown error'];
    throw systemError('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', {
      errno: -r, code, message, syscall: buffer === RECV_BUFFER ? 'uv_recv_buffer_size' : 'uv_send_buffer_size',
    });
  }
  return r[0];
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
  return handleState(this[kStateSymbol].handle).sendQueueSize;
};

Socket.prototype.getSendQueueCount = function getSendQueueCount() {
  return handleState(this[kStateSymbol].handle).sendQueue.length;
};

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  handleState(state.handle).receiving = false;
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

/** `dgram._createSocketHandle(address, port, addressType, fd, flags)` (DEP0112): a handle
 * bound to `address:port`, or the negative error number. */
const createSocketHandle = deprecate(function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  const hs = handleState(handle);
  if (Number.isInteger(fd) && fd > 0 && fd <= 0x7fffffff) {
    if (n.fdKind(fd) !== 'UDP') return -22;
    const id = n.adopt(fd);
    if (id < 0) return id;
    hs.id = id;
  } else if (port || address) {
    const [id, errno] = n.bind(0, hs.family, address, Number(port), flags | 0);
    if (errno !== 0) {
      if (id > 0) native.net.close(id);
      return -errno;
    }
    hs.id = id;
  }
  return handle;
}, 'dgram._createSocketHandle() is deprecated');

module.exports = {
  _createSocketHandle: createSocketHandle,
  createSocket,
  Socket,
};
