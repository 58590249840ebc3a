// What `send(message, sendHandle)` can send, as Node v20 sends it: for each kind of handle, how
// the sender gets the native socket out of it (`send`), what it does once the message left
// (`postSend`), and how the receiver makes the object back (`got`). The kinds: a net.Socket, a
// net.Server, a bare TCP/Pipe handle ('net.Native'), a dgram.Socket and a bare UDP handle
// ('dgram.Native'). The descriptor itself travels as SCM_RIGHTS (modules/child_process_ipc.rs).
'use strict';

const { makeNodeError } = require('internal/errors');
const messaging = require('internal/messaging');
const handles = require('internal/net/handle');

function invalidHandleType() {
  return makeNodeError(TypeError, 'ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent');
}

/** The message type for `handle` (Node's `NODE_HANDLE` `type`); throws for anything else. */
function typeOf(handle) {
  const net = require('net');
  if (handle instanceof net.Socket) return 'net.Socket';
  if (handle instanceof net.Server) return 'net.Server';
  if (handle instanceof handles.TCP || handle instanceof handles.Pipe) return 'net.Native';
  const dgram = require('dgram');
  if (handle instanceof dgram.Socket) return 'dgram.Socket';
  if (handle instanceof require('internal/dgram').UDP) return 'dgram.Native';
  throw invalidHandleType();
}

/** The native socket id to send with the message for `handle` (what `send` returned). */
function nativeId(handle) {
  const { UDP, handleId: udpId } = require('internal/dgram');
  return handle instanceof UDP ? udpId(handle) : handles.handleId(handle);
}

// Per channel end (ChildProcess or process): the socket lists by server key, both ways.
const socketLists = new WeakMap();

function getSocketList(type, target, key) {
  let lists = socketLists.get(target);
  if (lists === undefined) {
    lists = { send: new Map(), got: new Map() };
    socketLists.set(target, lists);
  }
  let list = lists[type].get(key);
  if (list === undefined) {
    const { SocketListSend, SocketListReceive } = require('internal/socket_list');
    list = type === 'send' ? new SocketListSend(target, key) : new SocketListReceive(target, key);
    lists[type].set(key, list);
  }
  return list;
}

const conversions = {
  'net.Native': {
    send(message, handle) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    },
  },

  'net.Server': {
    send(message, server) {
      return server._handle;
    },
    got(message, handle, emit) {
      const server = new (require('net').Server)();
      server.listen(handle, () => emit(server));
    },
  },

  'net.Socket': {
    send(message, socket, options) {
      const handle = socket._handle;
      if (!handle) return undefined;
      const server = socket._server;
      if (server !== null && server !== undefined) {
        // The server follows its sockets in the other process through a socket list.
        message.key = server._connectionKey;
        const firstTime = !socketLists.get(this)?.send.has(message.key);
        const list = getSocketList('send', this, message.key);
        if (firstTime) server._setupWorker(list);
        if (!options.keepOpen) {
          // The socket counts as gone from its server here.
          socket._server = null;
          server._connections--;
        }
      }
      if (!options.keepOpen) {
        // The socket lets go of its handle here; the handle closes once the other side has
        // it (postSend).
        if (socket._id !== null) messaging.unregisterNet(socket._id);
        socket._id = null;
        socket._handle = null;
        socket.setTimeout(0);
      }
      return handle;
    },
    postSend(message, handle, options, callback, target) {
      if (!handle || options.keepOpen) return;
      if (target) target._pendingMessage = { callback, message, handle, options, retransmissions: 0 };
      else handle.close();
    },
    got(message, handle, emit) {
      const socket = new (require('net').Socket)({ handle, readable: true, writable: true });
      if (message.key) getSocketList('got', this, message.key).add({ socket });
      emit(socket);
    },
  },

  'dgram.Native': {
    send(message, handle) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    },
  },

  'dgram.Socket': {
    send(message, socket) {
      const { kStateSymbol } = require('internal/dgram');
      message.dgramType = socket.type;
      return socket[kStateSymbol].handle;
    },
    got(message, handle, emit) {
      const socket = new (require('dgram').Socket)(message.dgramType);
      socket.bind(handle, () => emit(socket));
    },
  },
};

/**
 * The handle for a received descriptor: a TCP/Pipe handle, or a UDP one; undefined (the
 * descriptor closed) when it is no socket this process can use.
 */
function receive(fd) {
  const r = handles.adoptFd(fd);
  if (r.errno !== undefined) {
    native.ipc.closeFd(fd);
    return undefined;
  }
  if (r.handle !== undefined) return r.handle;
  return require('internal/dgram').wrapReceived(r.id);
}

module.exports = { typeOf, nativeId, conversions, receive, invalidHandleType };
