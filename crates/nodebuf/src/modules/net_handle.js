// Node's stream handles (tcp_wrap's TCP, pipe_wrap's Pipe): what `socket._handle` and
// `server._handle` hold, and what travels between processes with `send(message, handle)`.
// Each wraps one native socket of modules/net.rs by id. A listening handle hands each
// accepted connection, as a new handle, to its `onconnection(err, clientHandle)`; a handle no
// socket or server owns (a connection the cluster primary accepted for a worker, one a
// process received) is only passed along and closed.
'use strict';
const { setImmediate } = require('timers');

const messaging = require('internal/messaging');

const n = native.net;
const kId = Symbol('kId');
// The socket or server a handle belongs to (Node's owner_symbol).
const ownerSymbol = Symbol('owner_symbol');

/** The part of a handle the event loop sees while it listens (registered with messaging). */
function loopEntry(handle) {
  return {
    get _refed() { return handle._refed; },
    _onNetEvent() { acceptAll(handle); },
    get _publicHandle() { return handle[ownerSymbol] ?? handle; },
    get _wrapName() { return handle instanceof Pipe ? 'PipeServerWrap' : 'TCPServerWrap'; },
  };
}

function acceptAll(handle) {
  const id = handle[kId];
  if (id === null) return;
  const accepted = n.accept(id);
  if (typeof accepted === 'number') {
    if (typeof handle.onconnection === 'function') handle.onconnection(accepted);
    return;
  }
  const Kind = handle instanceof Pipe ? Pipe : TCP;
  for (const [clientId] of accepted) {
    if (handle[kId] === null || typeof handle.onconnection !== 'function') {
      n.close(clientId);
      continue;
    }
    handle.onconnection(0, new Kind(clientId));
  }
}

// [address, port, family] from net.rs into Node's { address, family, port }; 0 or the errno.
function fillAddress(id, peer, out) {
  if (id === null) return -9;
  const found = n.address(id, peer);
  if (typeof found === 'number') return -found;
  if (found.length >= 3) {
    out.address = found[0];
    out.family = found[2];
    out.port = found[1];
  }
  return 0;
}

class StreamHandle {
  constructor(id) {
    Object.defineProperty(this, kId, { value: id, writable: true });
    Object.defineProperty(this, ownerSymbol, { value: null, writable: true });
    this.onconnection = null;
    this._refed = true;
    Object.defineProperty(this, '_listening', { value: false, writable: true });
  }

  /** The OS descriptor, -1 once closed. */
  get fd() {
    return this[kId] === null ? -1 : n.fd(this[kId]);
  }

  /** Starts delivering connections to `onconnection` (the socket already listens). */
  listen() {
    if (this[kId] === null) return -9;
    if (!this._listening) {
      this._listening = true;
      messaging.registerNet(this[kId], loopEntry(this));
    }
    return 0;
  }

  close(callback) {
    const id = this[kId];
    if (id === null) return;
    this[kId] = null;
    if (this._listening) messaging.unregisterNet(id);
    n.close(id);
    if (typeof callback === 'function') setImmediate(callback);
  }

  getpeername(out) {
    return fillAddress(this[kId], true, out);
  }

  ref() {
    this._refed = true;
  }

  unref() {
    this._refed = false;
  }

  hasRef() {
    return this._refed;
  }
}

/** A TCP socket or server. */
class TCP extends StreamHandle {
  getsockname(out) {
    return fillAddress(this[kId], false, out);
  }
}

/** A Unix-domain socket or server. */
class Pipe extends StreamHandle {}

/** The native socket id of `handle` (null once closed). */
function handleId(handle) {
  return handle[kId];
}

/** Forgets the native socket without closing it (its owner closed it itself). */
function detach(handle) {
  handle[kId] = null;
}

/**
 * A handle for descriptor `fd` (received from another process, or given to listen):
 * `{ handle, kind }`, or `{ errno }` when it is no socket this process can use.
 */
function adoptFd(fd) {
  const r = n.adoptFd(fd);
  if (typeof r === 'number') return { errno: r };
  const [id, kind] = r;
  if (kind === 'udp') return { id, kind };
  return { handle: kind.startsWith('pipe') ? new Pipe(id) : new TCP(id), kind };
}

/** A listening handle (Node's net._createServerHandle): TCP on `address`:`port` (both
 * any-addresses when `address` is null), a Unix socket at `address` when `port` < 0, or the
 * socket at descriptor `fd`; the negative errno when that fails. */
function createServerHandle(address, port, addressType, fd, backlog = 511) {
  if (typeof fd === 'number' && fd >= 0) {
    const r = adoptFd(fd);
    if (r.errno !== undefined) return -r.errno;
    return r.handle === undefined ? -22 : r.handle;
  }
  let id;
  if (port < 0 && typeof address === 'string') {
    id = n.listenUnix(address);
    return id < 0 ? id : new Pipe(id);
  }
  if (address === null || address === undefined) {
    id = n.listenTcp('::', port, backlog);
    if (id < 0 && id !== -98) id = n.listenTcp('0.0.0.0', port, backlog);
  } else {
    id = n.listenTcp(address, port, backlog);
  }
  return id < 0 ? id : new TCP(id);
}

module.exports = { TCP, Pipe, ownerSymbol, handleId, detach, adoptFd, createServerHandle };
