// `net`: TCP and Unix-domain sockets and servers as Node v20 has them. A Socket is a
// stream.Duplex over a native socket (modules/net.rs) that never blocks: the poller thread posts
// readiness to this thread's inbox, internal/messaging's pump calls `_onNetEvent`, and the
// socket reads until the kernel has nothing more (edge-triggered) or the stream says stop,
// writes what the kernel takes and keeps the rest for the next writable edge.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setImmediate, setTimeout: setTimer, clearTimeout } = require('timers');

const EventEmitter = require('events');
const { Duplex } = require('stream');
const { codes, makeNodeError, validateFunction, validateNumber } = require('internal/errors');
const messaging = require('internal/messaging');
const loop = require('internal/loop');
const handles = require('internal/net/handle');
const { TCP, Pipe, ownerSymbol } = handles;
// Node's built-in channels: a socket made by net.connect / accepted by a server.
const dc = require('diagnostics_channel');
const clientSocketChannel = dc.channel('net.client.socket');
const serverSocketChannel = dc.channel('net.server.socket');

const n = native.net;
const READABLE = 1;
const WRITABLE = 2;
const ERROR = 4;
const READ_CLOSED = 8;

// --- addresses ---------------------------------------------------------------------------

const v4Part = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Pattern = new RegExp(`^${v4Part}(?:\\.${v4Part}){3}$`);
const hexGroup = /^[0-9a-fA-F]{1,4}$/;
const zonePattern = /^[0-9a-zA-Z.:-]+$/;

/** `net.isIPv4(input)`: dotted decimal, four parts 0-255 without leading zeros. */
function isIPv4(input) {
  return v4Pattern.test(`${input}`);
}

/** `net.isIPv6(input)`: eight hex groups, one `::` for a run of zero groups, an optional
 * trailing dotted IPv4 (two groups) and an optional `%zone`. */
function isIPv6(input) {
  let text = `${input}`;
  const zoneAt = text.indexOf('%');
  if (zoneAt !== -1) {
    if (!zonePattern.test(text.slice(zoneAt + 1))) return false;
    text = text.slice(0, zoneAt);
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half, last) => {
    if (half === '') return [];
    const parts = half.split(':');
    const out = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (last && i === parts.length - 1 && part.includes('.')) {
        if (!isIPv4(part)) return null;
        out.push('v4', 'v4');
      } else if (hexGroup.test(part)) {
        out.push(part);
      } else {
        return null;
      }
    }
    return out;
  };
  if (halves.length === 1) {
    const groups = groupsOf(text, true);
    return groups !== null && groups.length === 8;
  }
  const left = groupsOf(halves[0], false);
  const right = groupsOf(halves[1], true);
  return left !== null && right !== null && left.length + right.length <= 7;
}

/** `net.isIP(input)`: 4, 6 or 0. */
function isIP(input) {
  if (isIPv4(input)) return 4;
  if (isIPv6(input)) return 6;
  return 0;
}

// --- errors ------------------------------------------------------------------------------

// libuv's [name, description] of a (positive) OS errno.
function uvCode(errno) {
  const known = require('internal/uv').describe(-errno);
  return known === undefined ? ['UNKNOWN', 'unknown error'] : known;
}

/** Node's errnoException (+ host:port): `syscall CODE[ address:port]`, then errno, code,
 * syscall, address, port. */
function errnoException(errno, syscall, address, port) {
  const [code] = uvCode(errno);
  let message = `${syscall} ${code}`;
  if (address !== undefined && port !== undefined) message += ` ${address}:${port}`;
  else if (address !== undefined) message += ` ${address}`;
  const err = new Error(message);
  err.errno = -errno;
  err.code = code;
  err.syscall = syscall;
  if (address !== undefined) err.address = address;
  if (port !== undefined) err.port = port;
  return err;
}

/** Node's uvExceptionWithHostPort: `syscall CODE: description address:port`, then code,
 * errno, syscall, address, port. */
function uvExceptionWithHostPort(errno, syscall, address, port) {
  const [code, description] = uvCode(errno);
  let where = address;
  if (port !== undefined && port !== -1) where = `${address}:${port}`;
  const err = new Error(`${syscall} ${code}: ${description}${where === undefined ? '' : ` ${where}`}`);
  err.code = code;
  err.errno = -errno;
  err.syscall = syscall;
  if (address !== undefined) err.address = address;
  if (port !== undefined && port !== -1) err.port = port;
  return err;
}

function badPort(name, port, allowZero = true) {
  const { inspect } = require('internal/inspect');
  const shown = typeof port === 'string' ? `'${port}'` : inspect(port);
  const received = port === null || port === undefined ? ` Received ${port}` : ` Received type ${typeof port} (${shown})`;
  return makeNodeError(RangeError, 'ERR_SOCKET_BAD_PORT',
    `${name} should be >= ${allowZero ? 0 : 1} and < 65536.${received}.`);
}

/** Node's validatePort: a number or numeric string in [0, 65536), as a number. */
function validatePort(port, name = 'Port', allowZero = true) {
  const isNumeric = typeof port === 'number' || (typeof port === 'string' && port.trim().length > 0);
  if (!isNumeric || +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    throw badPort(name, port, allowZero);
  }
  return port | 0;
}

// --- argument normalization --------------------------------------------------------------

function isPipeName(s) {
  return typeof s === 'string' && `${Number(s)}` !== s;
}

/** Node's normalizeArgs: `(options[, cb])`, `(path[, cb])`, `(port[, host][, cb])` ->
 * `[options, cb]`. */
function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const first = args[0];
  if (typeof first === 'function') return [{}, first];
  let options = {};
  if (first !== null && typeof first === 'object') {
    options = first;
  } else if (isPipeName(first)) {
    options.path = first;
  } else {
    options.port = first;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

// --- async context -----------------------------------------------------------------------
// Once async_hooks is loaded, each socket and server is an async resource (Node's TCPWRAP /
// PIPEWRAP): its events run in the frame made when it was created, so AsyncLocalStorage and
// executionAsyncResource() follow a connection.

function makeFrame(owner, type) {
  const context = loop.getAsyncContext();
  return context === null ? null : context.init(type, owner);
}

function runInFrame(owner, fn, arg) {
  const frame = owner._asyncFrame;
  const context = loop.getAsyncContext();
  if (frame === null || frame === undefined || context === null) {
    fn.call(owner, arg);
    return;
  }
  context.enter(frame);
  try {
    fn.call(owner, arg);
  } finally {
    context.exit(frame);
  }
}

function dropFrame(owner) {
  const frame = owner._asyncFrame;
  const context = loop.getAsyncContext();
  owner._asyncFrame = null;
  if (frame !== null && frame !== undefined && context !== null) context.destroy(frame);
}

// --- Socket ------------------------------------------------------------------------------

/** `new net.Socket([options])`: a Duplex over a socket (allowHalfOpen false by default). */
function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (typeof options === 'number') options = { fd: options };
  else options = { ...options };
  // Node's socket streams: strings reach _write undecoded, 'close' comes from the handle.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.decodeStrings = false;
  options.emitClose = false;
  options.autoDestroy = true;
  Duplex.call(this, options);
  this.connecting = false;
  this._hadError = false;
  this._id = null;
  this._handle = null;
  this._host = null;
  this._server = null;
  this._refed = true;
  this._reading = false;
  this._inRead = false;
  this._writeQueue = [];
  this._bytesRead = 0;
  this._bytesDispatched = 0;
  this._timeoutMs = 0;
  this._timer = null;
  this._local = null;
  this._remote = null;
  this._isUnix = false;
  this._pendingFinal = null;
  this._asyncFrame = makeFrame(this, 'TCPWRAP');
  if ((options.handle === undefined || options.handle === null) && typeof options.fd === 'number' &&
      options.fd > 2 && native.tty.guessHandle(options.fd) === 'PIPE') {
    // A socket descriptor this process was given (a parent's extra stdio pipe, say): the
    // socket takes it over, as Node's does.
    const adopted = handles.adoptFd(options.fd);
    // (A FIFO is no socket: left as it was.)
    if (adopted.errno !== undefined && adopted.errno !== 88) throw errnoException(adopted.errno, 'open');
    if (adopted.handle !== undefined) options.handle = adopted.handle;
  }
  if (options.handle !== undefined && options.handle !== null) {
    const handle = options.handle;
    this._attach(handles.handleId(handle), { unix: handle instanceof Pipe }, handle);
    // An accepted socket starts reading at once unless its server pauses on connect.
    if (options.pauseOnCreate) this.readableFlowing = false;
    else this.read(0);
  }
  if (options.signal !== undefined) require('stream').addAbortSignal(options.signal, this);
  this.on('end', onReadableEnd);
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

function onReadableEnd() {
  // Node: a socket that is not half-open refuses writes after the peer's FIN.
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (typeof encoding === 'function') cb = encoding;
  const er = new Error('This socket has been ended by the other party');
  er.code = 'EPIPE';
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

Socket.prototype._attach = function attach(id, info, handle) {
  this._id = id;
  this._isUnix = info !== undefined && info.unix === true;
  if (handle === undefined) handle = this._isUnix ? new Pipe(id) : new TCP(id);
  handle[ownerSymbol] = this;
  this._handle = handle;
  messaging.registerNet(id, this);
};

/** Called by the event pump with the poller's readiness bits. */
Socket.prototype._onNetEvent = function onNetEvent(bits) {
  runInFrame(this, socketReady, bits);
};

function socketReady(bits) {
  if (this._id === null) return;
  if (this.connecting) {
    const r = n.finishConnect(this._id);
    if (r === -1) return;
    if (r !== 0) {
      this._connectFailed(r);
      return;
    }
    this._afterConnect();
    return;
  }
  if (bits & WRITABLE) this._flush();
  if ((bits & (READABLE | READ_CLOSED | ERROR)) && this._reading) this._readNow();
}

/** Whether the socket is busy the way a libuv handle is active: connecting, reading (not
 * stopped by backpressure or end of file), or with bytes or a shutdown still to send. */
Socket.prototype._isActive = function isActive() {
  return this.connecting || this._reading || this._writeQueue.length > 0 || this._pendingFinal !== null;
};

Socket.prototype._readNow = function readNow() {
  if (this._inRead) return;
  this._inRead = true;
  try {
    while (this._reading && this._id !== null) {
      const chunk = n.read(this._id);
      if (chunk === 0) break;
      if (chunk === null) {
        this._reading = false;
        this.push(null);
        // As Node: the end is noticed even by a socket nobody reads from.
        this.read(0);
        break;
      }
      if (typeof chunk === 'number') {
        this._reading = false;
        this.destroy(errnoException(chunk, 'read'));
        break;
      }
      this._bytesRead += chunk.length;
      this._touch();
      this._reading = this.push(chunk);
    }
  } finally {
    this._inRead = false;
  }
};

Socket.prototype._read = function read() {
  this._reading = true;
  if (this.connecting || this._id === null) return;
  this._readNow();
};

Socket.prototype._write = function write(chunk, encoding, cb) {
  this._writev([{ chunk, encoding }], cb);
};

Socket.prototype._writev = function writev(chunks, cb) {
  const parts = [];
  for (const { chunk, encoding } of chunks) {
    if (typeof chunk === 'string') {
      if (encoding === 'buffer') {
        throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', 'Second argument must be a buffer');
      }
      parts.push(Buffer.from(chunk, encoding));
    } else {
      parts.push(chunk);
    }
  }
  const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  if (this.connecting) {
    this._writeQueue.push({ data, cb, pending: true });
    return;
  }
  if (this._id === null) {
    cb(makeNodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
    return;
  }
  this._writeQueue.push({ data, cb });
  this._flush();
};

// Writes queued data while the kernel takes it; a write's callback runs once all its bytes are
// out (synchronously when they went at once, as Node's stream writes do).
Socket.prototype._flush = function flush() {
  while (this._writeQueue.length > 0 && this._id !== null) {
    const item = this._writeQueue[0];
    const written = n.write(this._id, item.data);
    if (written < 0) {
      this._writeQueue.shift();
      const err = errnoException(-written, 'write');
      item.cb(err);
      return;
    }
    this._bytesDispatched += written;
    if (written > 0) this._touch();
    if (written < item.data.length) {
      item.data = item.data.subarray(written);
      return;
    }
    this._writeQueue.shift();
    item.cb();
  }
  if (this._writeQueue.length === 0 && this._pendingFinal !== null) {
    const cb = this._pendingFinal;
    this._pendingFinal = null;
    this._final(cb);
  }
};

Socket.prototype._final = function final(cb) {
  if (this.connecting || this._writeQueue.length > 0) {
    this._pendingFinal = cb;
    return;
  }
  if (this._id === null) {
    cb();
    return;
  }
  const r = n.shutdown(this._id);
  if (r !== 0) {
    cb(errnoException(r, 'shutdown'));
    return;
  }
  process.nextTick(cb);
};

Socket.prototype._destroy = function destroy(exception, cb) {
  this.connecting = false;
  this._clearTimer();
  this._writeQueue.length = 0;
  this._pendingFinal = null;
  const hadHandle = this._id !== null;
  if (hadHandle) {
    const id = this._id;
    this._id = null;
    messaging.unregisterNet(id);
    if (this.resetAndDestroying) n.reset(id);
    else n.close(id);
    handles.detach(this._handle);
    this._handle = null;
  }
  cb(exception);
  dropFrame(this);
  const isException = Boolean(exception);
  // Node emits 'close' from the handle's close callback (after this loop turn's I/O), or on
  // the next tick for a socket that never had a handle.
  if (hadHandle) setImmediate(() => this.emit('close', isException));
  else process.nextTick(() => this.emit('close', isException));
  if (this._server !== null) {
    const server = this._server;
    this._server = null;
    server._connections--;
    server._emitCloseIfDrained();
  }
};

Socket.prototype.resetAndDestroy = function resetAndDestroy() {
  if (this._id !== null) {
    this.resetAndDestroying = true;
    this.destroy();
  } else {
    this.destroy(makeNodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'));
  }
  return this;
};

Socket.prototype.destroySoon = function destroySoon() {
  if (this.writable) this.end();
  if (this.writableFinished) this.destroy();
  else this.once('finish', this.destroy);
};

Socket.prototype.connect = function connect(...args) {
  let normalized;
  if (Array.isArray(args[0]) && args[0].length === 2 && typeof args[0][0] === 'object') {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const [options, cb] = normalized;
  if (Object.prototype.hasOwnProperty.call(this, 'write')) delete this.write;
  if (this.destroyed) {
    this._readableState.reading = false;
    this._readableState.ended = false;
    this._readableState.endEmitted = false;
    this._writableState.ended = false;
    this._writableState.ending = false;
    this._writableState.finished = false;
    this._writableState.errorEmitted = false;
    this.destroyed = false;
    this._hadError = false;
  }
  if (cb !== null) this.once('connect', cb);
  this.connecting = true;
  if (options.path !== undefined && options.path !== null) {
    if (typeof options.path !== 'string') throw codes.ERR_INVALID_ARG_TYPE('options.path', 'string', options.path);
    this._isUnix = true;
    const path = options.path;
    process.nextTick(() => {
      if (this.destroyed) return;
      const id = n.connectUnix(path);
      if (id < 0) {
        this._connectError(errnoException(-id, 'connect', path));
        return;
      }
      this._attach(id, { unix: true });
      this._connectTarget = { address: path };
    });
    return this;
  }
  const host = options.host === undefined || options.host === null ? 'localhost' : options.host;
  if (typeof host !== 'string') throw codes.ERR_INVALID_ARG_TYPE('options.host', 'string', host);
  let { port } = options;
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw codes.ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    port = validatePort(port);
  } else {
    throw codes.ERR_MISSING_ARGS('options', 'port', 'path');
  }
  if (options.noDelay) this._noDelay = true;
  if (options.keepAlive) this._keepAlive = [true, options.keepAliveInitialDelay || 0];
  this._host = host;
  const family = isIP(host);
  if (family !== 0) {
    process.nextTick(() => this._tryConnect([[host, family]], 0, port));
    return this;
  }
  if (options.lookup !== undefined && options.lookup !== null) validateFunction(options.lookup, 'options.lookup');
  lookupAndConnect(this, options, host, port);
  return this;
};

// As Node: dns.lookup (or the caller's `lookup` option) with the socket's family and hints;
// with family autoselection (the default, when neither a family nor a local address is
// given) every address is asked for and tried in turn, the families alternating.
function lookupAndConnect(socket, options, host, port) {
  const dns = require('dns');
  const lookup = options.lookup ?? dns.lookup;
  let family = options.family;
  if (family === 'IPv4') family = 4;
  else if (family === 'IPv6') family = 6;
  const dnsopts = { family, hints: options.hints || 0 };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) dnsopts.hints = dns.ADDRCONFIG;
  const autoSelect = dnsopts.family !== 4 && dnsopts.family !== 6 && !options.localAddress &&
    (options.autoSelectFamily ?? defaultAutoSelectFamily);
  if (autoSelect) dnsopts.all = true;
  lookup(host, dnsopts, (err, found, addressType) => {
    if (!socket.connecting || socket.destroyed) return;
    if (err) {
      socket.emit('lookup', err, undefined, undefined, host);
      process.nextTick(() => socket._connectError(err));
      return;
    }
    const list = autoSelect ? found : [{ address: found, family: addressType }];
    const byFamily = [[], []];
    let firstFamily;
    for (const { address, family: f } of list) {
      socket.emit('lookup', null, address, f, host);
      if (isIP(address) && (f === 4 || f === 6)) {
        firstFamily ??= f;
        byFamily[f === firstFamily ? 0 : 1].push([address, f]);
      }
    }
    if (byFamily[0].length === 0) {
      const first = list[0] ?? {};
      let failure;
      if (!isIP(first.address)) failure = codes.ERR_INVALID_IP_ADDRESS(first.address);
      else failure = invalidAddressFamily(first.family, options.host, options.port);
      process.nextTick(() => socket._connectError(failure));
      return;
    }
    const addresses = [];
    for (let i = 0; i < Math.max(byFamily[0].length, byFamily[1].length); i++) {
      if (i < byFamily[0].length) addresses.push(byFamily[0][i]);
      if (i < byFamily[1].length) addresses.push(byFamily[1][i]);
    }
    socket._tryConnect(addresses, 0, port);
  });
}

// Node's ERR_INVALID_ADDRESS_FAMILY: a lookup answered with a family that is neither 4 nor 6.
function invalidAddressFamily(addressType, host, port) {
  const err = makeNodeError(RangeError, 'ERR_INVALID_ADDRESS_FAMILY', `Invalid address family: ${addressType} ${host}:${port}`);
  err.host = host;
  err.port = port;
  return err;
}

// Starts a connect to `addresses[index]`; a refused attempt moves on to the next address (what
// Node's family autoselection amounts to on loopback).
Socket.prototype._tryConnect = function tryConnect(addresses, index, port) {
  if (this.destroyed) return;
  const [address] = addresses[index];
  this._connectTarget = { address, port, addresses, index };
  const id = n.connectTcp(address, port);
  if (id < 0) {
    this._connectFailed(-id, true);
    return;
  }
  this._attach(id);
};

Socket.prototype._connectFailed = function connectFailed(errno, beforeHandle = false) {
  const target = this._connectTarget;
  if (!beforeHandle && this._id !== null) {
    const id = this._id;
    this._id = null;
    handles.detach(this._handle);
    this._handle = null;
    messaging.unregisterNet(id);
    n.close(id);
  }
  if (target.addresses !== undefined && target.index + 1 < target.addresses.length) {
    this._tryConnect(target.addresses, target.index + 1, target.port);
    return;
  }
  this._connectError(errnoException(errno, 'connect', target.address, target.port));
};

Socket.prototype._connectError = function connectError(err) {
  this.connecting = false;
  this.destroy(err);
};

Socket.prototype._afterConnect = function afterConnect() {
  this.connecting = false;
  if (this._noDelay) n.setNoDelay(this._id, true);
  if (this._keepAlive) n.setKeepAlive(this._id, true, this._keepAlive[1] / 1000);
  this._touch();
  this.emit('connect');
  this.emit('ready');
  for (const item of this._writeQueue) item.pending = false;
  this._flush();
  // A _read that came while connecting is still pending: the stream waits for its push.
  if (this._reading) this._readNow();
  else if (this.readable && !this.isPaused()) this.read(0);
};

function addressPart(socket, peer) {
  if (socket._id === null) {
    const cached = peer ? socket._remote : socket._local;
    return cached;
  }
  const r = n.address(socket._id, peer);
  if (typeof r === 'number') return null;
  if (peer) socket._remote = r;
  else socket._local = r;
  return r;
}

// remoteAddress/remotePort/remoteFamily and localAddress/localPort/localFamily: one part each
// of the peer's or the socket's own address, undefined until it is known.
for (const [side, peer] of [['remote', true], ['local', false]]) {
  ['Address', 'Port', 'Family'].forEach((part, index) => {
    Object.defineProperty(Socket.prototype, `${side}${part}`, {
      get() { const a = addressPart(this, peer); return a === null || a.length < 3 ? undefined : a[index]; },
      configurable: true, enumerable: false,
    });
  });
}

Object.defineProperties(Socket.prototype, {
  bytesRead: {
    get() { return this._bytesRead; },
    configurable: true, enumerable: false,
  },
  bytesWritten: {
    // Node counts bytes handed to the socket plus those still buffered in the stream.
    get() {
      let bytes = this._bytesDispatched;
      for (const item of this._writeQueue) bytes += item.data.length;
      for (const { chunk, encoding } of this.writableBuffer) {
        bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, encoding) : chunk.length;
      }
      return bytes;
    },
    configurable: true, enumerable: false,
  },
  pending: {
    get() { return this._id === null || this.connecting; },
    configurable: true, enumerable: false,
  },
  readyState: {
    get() {
      if (this.connecting) return 'opening';
      if (this.readable && this.writable) return 'open';
      if (this.readable && !this.writable) return 'readOnly';
      if (!this.readable && this.writable) return 'writeOnly';
      return 'closed';
    },
    configurable: true, enumerable: false,
  },
  bufferSize: {
    get() { return this._id === null ? undefined : this.writableLength; },
    configurable: true, enumerable: false,
  },
  timeout: {
    get() { return this._timeoutMs; },
    configurable: true, enumerable: false,
  },
});

Socket.prototype.address = function address() {
  const a = addressPart(this, false);
  if (a === null) return {};
  if (a.length < 3) return a[0];
  return { address: a[0], family: a[2], port: a[1] };
};

Socket.prototype.setNoDelay = function setNoDelay(enable) {
  const on = enable === undefined ? true : Boolean(enable);
  if (this._id === null) this._noDelay = on;
  else n.setNoDelay(this._id, on);
  return this;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable, initialDelayMsecs) {
  const on = Boolean(enable);
  const delay = Math.trunc((Number(initialDelayMsecs) || 0) / 1000);
  if (this._id === null) this._keepAlive = on ? [true, delay * 1000] : null;
  else n.setKeepAlive(this._id, on, delay);
  return this;
};

Socket.prototype.setTimeout = function setTimeout(msecs, callback) {
  validateNumber(msecs, 'msecs', 0);
  if (callback !== undefined) validateFunction(callback, 'callback');
  this._timeoutMs = msecs;
  this._clearTimer();
  if (msecs === 0) {
    if (callback !== undefined) this.removeListener('timeout', callback);
  } else {
    this._timer = setTimer(() => this._onTimeout(), msecs);
    this._timer.unref();
    if (callback !== undefined) this.once('timeout', callback);
  }
  return this;
};

Socket.prototype._onTimeout = function onTimeout() {
  this._timer = null;
  if (this.destroyed) return;
  this.emit('timeout');
};

Socket.prototype._touch = function touch() {
  if (this._timer !== null) this._timer.refresh();
};

Socket.prototype._clearTimer = function clearTimer() {
  if (this._timer !== null) {
    clearTimeout(this._timer);
    this._timer = null;
  }
};

Socket.prototype.ref = function ref() {
  this._refed = true;
  return this;
};

Socket.prototype.unref = function unref() {
  this._refed = false;
  return this;
};

// --- Server ------------------------------------------------------------------------------

/** `new net.Server([options][, connectionListener])`. */
function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  EventEmitter.call(this);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
  } else if (options === undefined || options === null) {
    options = {};
  } else if (typeof options !== 'object') {
    throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (typeof connectionListener === 'function') this.on('connection', connectionListener);
  this._connections = 0;
  this._handle = null;
  this._listeningId = 1;
  this._unix = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = Boolean(options.pauseOnConnect);
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.maxConnections = undefined;
}
Object.setPrototypeOf(Server.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Server, EventEmitter);

Object.defineProperty(Server.prototype, 'listening', {
  get() { return Boolean(this._handle); },
  configurable: true, enumerable: true,
});

Server.prototype.listen = function listen(...args) {
  const [options, cb] = normalizeArgs(args);
  if (this._handle) throw makeNodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.');
  if (cb !== null) this.once('listening', cb);
  let backlog = 511;
  if (typeof options.backlog === 'number') backlog = options.backlog;
  else if (args.length > 1 && typeof args[0] !== 'object') {
    const b = typeof args[1] === 'number' ? args[1] : args[2];
    if (typeof b === 'number') backlog = b;
  }
  this._listeningId++;
  // A handle, or an object holding one (`{ _handle }`, `{ handle }`): listened on as it is.
  const given = options._handle || options.handle || options;
  if (given instanceof TCP || given instanceof Pipe) {
    this._handle = given;
    listenInCluster(this, null, -1, -1, backlog);
    return this;
  }
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlog, options.fd);
    return this;
  }
  const exclusive = Boolean(options.exclusive);
  if (options.path !== undefined && options.path !== null) {
    listenInCluster(this, String(options.path), -1, -1, backlog, undefined, exclusive);
    return this;
  }
  let port = 0;
  if (options.port !== undefined && options.port !== null) port = validatePort(options.port, 'options.port');
  else if (options.port === undefined && args.length > 0 && typeof args[0] !== 'object' && typeof args[0] !== 'function' && args[0] !== undefined && args[0] !== null) {
    port = validatePort(args[0], 'options.port');
  }
  const host = options.host;
  if (host === undefined || host === null || host === '') {
    listenInCluster(this, null, port, 4, backlog, undefined, exclusive);
    return this;
  }
  const family = isIP(host);
  if (family !== 0) {
    listenInCluster(this, host, port, family, backlog, undefined, exclusive);
    return this;
  }
  // A host name is looked up first, as Node does with dns.lookup.
  require('dns').lookup(host, (err, ip, addressType) => {
    if (err) {
      this.emit('error', err);
      return;
    }
    listenInCluster(this, ip, port, addressType, backlog, undefined, exclusive);
  });
  return this;
};

// A cluster worker's server listens on a handle it asks the primary for (shared, or a stand-in
// the primary feeds connections to), unless it listens exclusively; everyone else listens
// themselves.
function listenInCluster(server, address, port, addressType, backlog, fd, exclusive) {
  const cluster = require('cluster');
  if (cluster.isPrimary || exclusive || server._handle) {
    server._listen2(address, port, addressType, backlog, fd);
    return;
  }
  const listeningId = server._listeningId;
  cluster._getServer(server, { address, port, addressType, fd, flags: 0, backlog }, (err, handle) => {
    if (listeningId !== server._listeningId) return;
    // A handle on another port than the one asked for means that port was taken.
    if (!err && port > 0 && handle !== null && typeof handle.getsockname === 'function') {
      const out = {};
      if (handle.getsockname(out) === 0 && out.port !== port) err = -98;
    }
    if (err) {
      server.emit('error', require('internal/errors').exceptionWithHostPort(err, 'bind', address, port));
      return;
    }
    server._handle = handle;
    server._listen2(address, port, addressType, backlog, fd);
  });
}

Server.prototype._listen2 = function listen2(address, port, addressType, backlog, fd) {
  if (!this._handle) {
    let rval;
    if (typeof fd !== 'number' && !address && port >= 0) {
      // No host: the IPv6 any-address (dual-stack), or IPv4's when IPv6 is unavailable.
      rval = handles.createServerHandle('::', port, 6, undefined, backlog);
      address = '::';
      if (typeof rval === 'number' && rval !== -98) {
        rval = handles.createServerHandle('0.0.0.0', port, 4, undefined, backlog);
        address = '0.0.0.0';
      }
    } else {
      rval = handles.createServerHandle(address, port, addressType, fd, backlog);
    }
    if (typeof rval === 'number') {
      const err = uvExceptionWithHostPort(-rval, 'listen', address, port);
      process.nextTick(() => this.emit('error', err));
      return;
    }
    this._handle = rval;
  }
  this._unix = port < 0 && typeof address === 'string' ? address : null;
  this._handle.onconnection = onServerConnection;
  this._handle[ownerSymbol] = this;
  const err = this._handle.listen(backlog);
  if (err) {
    this._handle.close();
    this._handle = null;
    const ex = uvExceptionWithHostPort(-err, 'listen', address, port);
    process.nextTick(() => this.emit('error', ex));
    return;
  }
  this._connectionKey = `${addressType}:${address}:${port}`;
  if (this._unref) this._handle.unref();
  if (this._asyncFrame === undefined || this._asyncFrame === null) this._asyncFrame = makeFrame(this, 'TCPSERVERWRAP');
  process.nextTick(() => {
    if (this._handle) this.emit('listening');
  });
};

// A listening handle's `onconnection` (`this` is the handle): errors and new connections for
// the server owning it.
function onServerConnection(err, clientHandle) {
  const server = this[ownerSymbol];
  if (server === null || server === undefined) {
    if (clientHandle !== undefined) clientHandle.close();
    return;
  }
  runInFrame(server, acceptConnection, [err, clientHandle]);
}

function acceptConnection([err, clientHandle]) {
  if (err) {
    this.emit('error', errnoException(err, 'accept'));
    return;
  }
  if (!this._handle) {
    clientHandle.close();
    return;
  }
  if (this.maxConnections !== undefined && this._connections >= this.maxConnections) {
    clientHandle.close();
    this.emit('drop', {});
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: this.allowHalfOpen,
    pauseOnCreate: this.pauseOnConnect,
    readable: true,
    writable: true,
  });
  if (this.noDelay) socket.setNoDelay(true);
  if (this.keepAlive) socket.setKeepAlive(true, this.keepAliveInitialDelay * 1000);
  this._connections++;
  socket.server = this;
  socket._server = this;
  if (serverSocketChannel.hasSubscribers) serverSocketChannel.publish({ socket });
  this.emit('connection', socket);
}

Server.prototype.address = function address() {
  if (this._handle && typeof this._handle.getsockname === 'function') {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errnoException(-err, 'address');
    return out;
  }
  if (this._handle && this._unix !== null) return this._unix;
  return null;
};

Server.prototype.close = function close(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function onClose() {
        cb(makeNodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'));
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
    dropFrame(this);
  }
  if (this._usingWorkers) {
    // Sockets sent to other processes: closed once every one of those answered (or left).
    let left = this._workers.length;
    const onWorkerClose = () => {
      if (--left !== 0) return;
      this._connections = 0;
      this._emitCloseIfDrained();
    };
    // Held up by one so that 'close' comes once, after the last answer.
    this._connections++;
    for (const list of this._workers) list.close(onWorkerClose);
  } else {
    this._emitCloseIfDrained();
  }
  return this;
};

// A socket list (internal/socket_list) for sockets this server sent to another process.
Server.prototype._setupWorker = function setupWorker(socketList) {
  this._usingWorkers = true;
  this._workers.push(socketList);
  socketList.once('exit', (list) => {
    const index = this._workers.indexOf(list);
    this._workers.splice(index, 1);
  });
};

Server.prototype._emitCloseIfDrained = function emitCloseIfDrained() {
  if (this._handle || this._connections > 0 || this._closeQueued) return;
  this._closeQueued = true;
  process.nextTick(() => {
    this._closeQueued = false;
    if (this._handle || this._connections > 0) return;
    this.emit('close');
  });
};

Server.prototype.getConnections = function getConnections(cb) {
  if (!this._usingWorkers) {
    process.nextTick(cb, null, this._connections);
    return this;
  }
  // Its own connections plus those of the sockets it sent away, as their holders count them.
  let left = this._workers.length;
  let total = this._connections;
  const oncount = (err, count) => {
    if (err) {
      left = -1;
      process.nextTick(cb, err);
      return;
    }
    total += count;
    if (--left === 0) process.nextTick(cb, null, total);
  };
  for (const list of this._workers) list.getConnections(oncount);
  return this;
};

Server.prototype.ref = function ref() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function unref() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

Server.prototype[Symbol.asyncDispose] = function asyncDispose() {
  if (!this._handle) return Promise.resolve();
  return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
};

// --- factories ---------------------------------------------------------------------------

/** `net.createServer([options][, connectionListener])`. */
function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

/** `net.connect(...)` / `net.createConnection(...)`: a Socket connecting now. */
function connect(...args) {
  const normalized = normalizeArgs(args);
  const [options] = normalized;
  const socket = new Socket(options);
  if (clientSocketChannel.hasSubscribers) clientSocketChannel.publish({ socket });
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

let defaultAutoSelectFamily = true;
let defaultAutoSelectFamilyAttemptTimeout = 250;

module.exports = {
  // Loaded on first use, as in Node.
  get BlockList() {
    return require('internal/blocklist').BlockList;
  },
  get SocketAddress() {
    return require('internal/socketaddress').SocketAddress;
  },
  Server,
  Socket,
  Stream: Socket,
  createServer,
  connect,
  createConnection: connect,
  isIP,
  isIPv4,
  isIPv6,
  getDefaultAutoSelectFamily: function getDefaultAutoSelectFamily() {
    return defaultAutoSelectFamily;
  },
  setDefaultAutoSelectFamily: function setDefaultAutoSelectFamily(value) {
    defaultAutoSelectFamily = Boolean(value);
  },
  getDefaultAutoSelectFamilyAttemptTimeout: function getDefaultAutoSelectFamilyAttemptTimeout() {
    return defaultAutoSelectFamilyAttemptTimeout;
  },
  setDefaultAutoSelectFamilyAttemptTimeout: function setDefaultAutoSelectFamilyAttemptTimeout(value) {
    validateNumber(value, 'value', 1);
    defaultAutoSelectFamilyAttemptTimeout = value < 10 ? 10 : value;
  },
  // For http: the error helpers and port validation the socket layer uses.
  _errnoException: errnoException,
  _validatePort: validatePort,
  _makeFrame: makeFrame,
  _dropFrame: dropFrame,
};
