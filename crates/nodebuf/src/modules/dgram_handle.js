// `internal/dgram`: the UDP handle under a dgram Socket, shaped as Node's UDP wrap is (its
// methods return 0 or a negative libuv error number, `send` returns the byte count + 1 when the
// datagram left at once, received datagrams go to `handle.onmessage`), over a native UDP
// socket (modules/dgram.rs) registered with net's poller. Also Node's `newHandle`,
// `_createSocketHandle` and `kStateSymbol`, which dgram and Node's own tests reach for.
'use strict';
const { setImmediate } = require('timers');

const { validateFunction } = require('internal/errors');
const messaging = require('internal/messaging');
const loop = require('internal/loop');

const n = native.dgram;
const READABLE = 1;
const WRITABLE = 2;
const ERROR = 4;

const EAGAIN = 11;
const EBADF = 9;
const EEXIST = 17;
const EINVAL = 22;
const ECANCELED = 125;

const kStateSymbol = Symbol('state symbol');
const ownerSymbol = Symbol('owner_symbol');
// The handle's own state, out of sight of inspect() (Node's lives in C++).
const kNative = Symbol('kNative');

/** A pending send (Node's SendWrap): `oncomplete(status, sent)` runs when a queued send ends. */
class SendWrap {}

// The object registered with messaging for one native socket: what the event loop asks of the
// handle (whether it is ref'd and busy) and where the poller's news goes.
function loopHandle(handle) {
  const state = handle[kNative];
  return {
    get _refed() { return state.refed; },
    _isActive() { return state.receiving || state.queue.length > 0; },
    _onNetEvent(bits) { onReady(handle, bits); },
    // What process._getActiveHandles() shows (the socket owning the handle) and its type name.
    get _publicHandle() { return handle[ownerSymbol] === undefined ? handle : handle[ownerSymbol]; },
    _wrapName: 'UDPWrap',
  };
}

// The handles with a native socket, to find one watching a descriptor.
const liveHandles = new Set();

function attach(handle, id) {
  const state = handle[kNative];
  state.id = id;
  liveHandles.add(handle);
  messaging.registerNet(id, loopHandle(handle));
}

/** Node's UDP wrap. */
class UDP {
  constructor() {
    Object.defineProperty(this, kNative, {
      value: { id: null, refed: true, receiving: false, queue: [], queueSize: 0, closed: false },
    });
  }

  get fd() {
    const { id } = this[kNative];
    return id === null ? -1 : n.fd(id);
  }

  // Binds (making the socket on first use); 0 or the negative error number.
  bindFamily(family, ip, port, flags) {
    const state = this[kNative];
    if (state.closed) return -EBADF;
    const [id, errno] = n.bind(state.id === null ? 0 : state.id, family, `${ip}`, Number(port) || 0, flags | 0);
    if (id > 0 && state.id === null) attach(this, id);
    return -errno;
  }

  bind(ip, port, flags) {
    return this.bindFamily(4, ip, port, flags);
  }

  bind6(ip, port, flags) {
    return this.bindFamily(6, ip, port, flags);
  }

  /** Takes over UDP socket `fd`; 0 or the negative error number (EEXIST for one already in
   * use by this thread, as libuv's loop refuses a descriptor it already watches). */
  open(fd) {
    const state = this[kNative];
    if (state.id !== null) return -EBADF;
    for (const other of liveHandles) {
      if (other[kNative].receiving && other.fd === fd) return -EEXIST;
    }
    const id = n.adopt(fd);
    if (id < 0) return id;
    attach(this, id);
    return 0;
  }

  connectFamily(family, ip, port) {
    const state = this[kNative];
    if (state.id === null) {
      // libuv binds a socket that connects unbound to the any-address first.
      const err = this.bindFamily(family, family === 6 ? '::' : '0.0.0.0', 0, 0);
      if (err !== 0) return err;
    }
    return -n.connect(state.id, family, `${ip}`, Number(port) || 0);
  }

  connect(ip, port) {
    return this.connectFamily(4, ip, port);
  }

  connect6(ip, port) {
    return this.connectFamily(6, ip, port);
  }

  disconnect() {
    return -n.disconnect(this.nativeId());
  }

  nativeId() {
    const { id } = this[kNative];
    return id === null ? 0 : id;
  }

  // send(req, list, count, port, ip, hasCallback) or, connected, send(req, list, count,
  // hasCallback): the byte count + 1 when sent at once, 0 when queued (req.oncomplete runs
  // later), or the negative error number.
  sendFamily(family, req, list, count, ...rest) {
    const state = this[kNative];
    const toAddress = rest.length > 1;
    const port = toAddress ? rest[0] : 0;
    const ip = toAddress ? `${rest[1]}` : null;
    if (state.closed) return -EBADF;
    const parts = Array.prototype.slice.call(list, 0, count);
    let bytes = 0;
    for (const part of parts) bytes += part.byteLength;
    // As libuv's try-send: nothing overtakes sends still waiting for the socket.
    if (state.queue.length === 0 && !native.process.flags.testUdpNoTrySend) {
      const sent = n.send(this.nativeId(), family, parts, ip, Number(port) || 0);
      if (sent >= 0) return sent + 1;
      if (sent !== -EAGAIN) return sent;
    } else if (toAddress && n.checkAddress(family, ip) !== 0) {
      return -EINVAL;
    }
    state.queue.push({ req, parts, family, ip, port, bytes });
    state.queueSize += bytes;
    // Without a writable edge to wait for (a send that was never tried), try on the next turn.
    setImmediate(flushQueue, this);
    return 0;
  }

  send(req, list, count, ...rest) {
    return this.sendFamily(4, req, list, count, ...rest);
  }

  send6(req, list, count, ...rest) {
    return this.sendFamily(6, req, list, count, ...rest);
  }

  recvStart() {
    const state = this[kNative];
    if (state.closed) return -EBADF;
    state.receiving = true;
    // Datagrams that came before anyone listened were announced already (the poller reports
    // each arrival once): read them once the current callback is done.
    if (state.id !== null) process.nextTick(onReady, this, READABLE);
    return 0;
  }

  recvStop() {
    this[kNative].receiving = false;
    return 0;
  }

  getsockname(out) {
    return this.addressInto(out, false);
  }

  getpeername(out) {
    return this.addressInto(out, true);
  }

  addressInto(out, peer) {
    const { id } = this[kNative];
    const r = id === null ? EBADF : native.net.address(id, peer);
    if (typeof r === 'number') return -r;
    out.address = r[0];
    out.family = r[2];
    out.port = r[1];
    return 0;
  }

  setBroadcast(on) {
    return -n.setBroadcast(this.nativeId(), Boolean(on));
  }

  setTTL(ttl) {
    return -n.setTTL(this.nativeId(), ttl | 0);
  }

  setMulticastTTL(ttl) {
    return -n.setMulticastTTL(this.nativeId(), ttl | 0);
  }

  setMulticastLoopback(on) {
    return -n.setMulticastLoopback(this.nativeId(), Boolean(on));
  }

  setMulticastInterface(address) {
    return -n.setMulticastInterface(this.nativeId(), `${address}`);
  }

  // libuv binds a socket that joins a group before any bind: to the group family's
  // any-address, port 0, address reuse on.
  implicitBind(group) {
    if (this[kNative].id !== null) return 0;
    const family = require('net').isIP(group);
    if (family === 0) return 0;
    return this.bindFamily(family, family === 6 ? '::' : '0.0.0.0', 0, 4);
  }

  membership(group, iface, join) {
    const err = this.implicitBind(`${group}`);
    if (err !== 0) return err;
    const i = iface === undefined || iface === null ? undefined : `${iface}`;
    return -n.membership(this.nativeId(), `${group}`, i, join);
  }

  addMembership(group, iface) {
    return this.membership(group, iface, true);
  }

  dropMembership(group, iface) {
    return this.membership(group, iface, false);
  }

  sourceMembership(source, group, iface, join) {
    const net = require('net');
    if (net.isIP(group) !== 0 && net.isIP(source) === net.isIP(group)) {
      const err = this.implicitBind(group);
      if (err !== 0) return err;
    }
    const i = iface === undefined || iface === null ? undefined : `${iface}`;
    return -n.sourceMembership(this.nativeId(), `${source}`, `${group}`, i, join);
  }

  addSourceSpecificMembership(source, group, iface) {
    return this.sourceMembership(source, group, iface, true);
  }

  dropSourceSpecificMembership(source, group, iface) {
    return this.sourceMembership(source, group, iface, false);
  }

  /** SO_RCVBUF (`recv` true) or SO_SNDBUF: read when `size` is 0, else set; the size, or
   * undefined with `ctx` filled in as Node's C++ does for ERR_SOCKET_BUFFER_SIZE. */
  bufferSize(size, recv, ctx) {
    const r = n.bufferSize(this.nativeId(), size, recv);
    if (typeof r !== 'number') return r[0];
    const [code, message] = require('internal/uv').describe(-r) ?? ['UNKNOWN', 'unknown error'];
    ctx.errno = -r;
    ctx.code = code;
    ctx.message = message;
    ctx.syscall = recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size';
    return undefined;
  }

  getSendQueueSize() {
    return this[kNative].queueSize;
  }

  getSendQueueCount() {
    return this[kNative].queue.length;
  }

  ref() {
    this[kNative].refed = true;
  }

  unref() {
    this[kNative].refed = false;
  }

  hasRef() {
    return this[kNative].refed && !this[kNative].closed;
  }

  /** Closes the socket; sends still queued end with ECANCELED, then `cb` runs. */
  close(cb) {
    const state = this[kNative];
    if (state.closed) return;
    state.closed = true;
    state.receiving = false;
    if (state.id !== null) {
      const id = state.id;
      state.id = null;
      liveHandles.delete(this);
      messaging.unregisterNet(id);
      native.net.close(id);
    }
    const pending = state.queue.splice(0);
    state.queueSize = 0;
    setImmediate(() => {
      for (const item of pending) {
        if (typeof item.req.oncomplete === 'function') item.req.oncomplete(-ECANCELED, 0);
      }
      if (typeof cb === 'function') cb();
    });
  }
}

// Sends what waited for the socket; each queued send's req hears how it went.
function flushQueue(handle) {
  const state = handle[kNative];
  while (state.queue.length > 0 && state.id !== null) {
    const item = state.queue[0];
    const sent = n.send(state.id, item.family, item.parts, item.ip, Number(item.port) || 0);
    if (sent === -EAGAIN) return;
    state.queue.shift();
    state.queueSize -= item.bytes;
    if (typeof item.req.oncomplete === 'function') {
      item.req.oncomplete(sent >= 0 ? 0 : sent, sent >= 0 ? sent : 0);
      loop.runTicks();
    }
  }
}

// The poller's news for a handle: flush waiting sends, read every waiting datagram (the
// poller is edge-triggered), each its own callback as in Node (ticks run in between).
function onReady(handle, bits) {
  const state = handle[kNative];
  if (state.id === null) return;
  if (bits & WRITABLE) flushQueue(handle);
  if (!(bits & (READABLE | ERROR))) return;
  while (state.receiving && state.id !== null) {
    const got = n.recv(state.id);
    if (got === 0) break;
    if (typeof handle.onmessage === 'function') {
      if (typeof got === 'number') {
        handle.onmessage(-got, handle, undefined, undefined);
      } else {
        const [buf, address, family, port] = got;
        handle.onmessage(buf.length, handle, buf, { address, family, port });
      }
    }
    loop.runTicks();
  }
}

function lookup4(lookup, address, callback) {
  return lookup(address || '127.0.0.1', 4, callback);
}

function lookup6(lookup, address, callback) {
  return lookup(address || '::1', 6, callback);
}

/** Node's newHandle: a UDP handle for 'udp4' or 'udp6' with its family's lookup. */
function newHandle(type, lookupFn) {
  if (lookupFn === undefined) lookupFn = require('dns').lookup;
  else validateFunction(lookupFn, 'lookup');
  if (type === 'udp4') {
    const handle = new UDP();
    handle.lookup = lookup4.bind(handle, lookupFn);
    return handle;
  }
  if (type === 'udp6') {
    const handle = new UDP();
    handle.lookup = lookup6.bind(handle, lookupFn);
    handle.bind = handle.bind6;
    handle.connect = handle.connect6;
    handle.send = handle.send6;
    return handle;
  }
  const { makeNodeError } = require('internal/errors');
  throw makeNodeError(TypeError, 'ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6');
}

/** Node's guessHandleType for a descriptor: 'TCP', 'UDP', 'PIPE', 'TTY', 'FILE' or 'UNKNOWN'. */
function guessHandleType(fd) {
  return n.fdKind(fd);
}

/** `_createSocketHandle(address, port, addressType, fd, flags)`: a handle opened on `fd` or
 * bound to `address:port` (unbound with neither), or the negative error number. */
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err;
  if (Number.isInteger(fd) && fd > 0 && fd <= 0x7fffffff) {
    err = guessHandleType(fd) === 'UDP' ? handle.open(fd) : -EINVAL;
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

/** The native socket id of UDP handle `handle` (to send it to another process). */
function handleId(handle) {
  return handle[kNative].id;
}

/** A UDP handle for native socket `id`, received from another process (net.rs adoptFd). */
function wrapReceived(id) {
  const handle = new UDP();
  attach(handle, id);
  return handle;
}

module.exports = {
  handleId,
  wrapReceived,
  kStateSymbol,
  ownerSymbol,
  newHandle,
  guessHandleType,
  _createSocketHandle,
  UDP,
  SendWrap,
};
