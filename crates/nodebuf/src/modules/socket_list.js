// The sockets a server sent to other processes (`send(message, socket)`), tracked per channel
// and server key so the server can still count its connections and knows when all of them are
// closed: the sending side asks (NODE_SOCKET_GET_COUNT, NODE_SOCKET_NOTIFY_CLOSE), the
// receiving side counts the sockets it got and answers.
'use strict';

const EventEmitter = require('events');
const { makeNodeError } = require('internal/errors');

/** The sender's view: the sockets of server `key` sent over `child`'s channel. */
class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once('exit', () => this.emit('exit', this));
  }

  // Sends `message` and calls back with the reply whose cmd is `replyCmd` (or an error when
  // the channel closes first).
  _request(message, replyCmd, swallowErrors, callback) {
    const child = this.child;
    const key = this.key;
    if (!child.connected) {
      callback(closedBeforeReply());
      return;
    }
    child._send(message, undefined, swallowErrors);
    function onclose() {
      child.removeListener('internalMessage', onreply);
      callback(closedBeforeReply());
    }
    function onreply(reply) {
      if (!(reply.cmd === replyCmd && reply.key === key)) return;
      child.removeListener('disconnect', onclose);
      child.removeListener('internalMessage', onreply);
      callback(null, reply);
    }
    child.once('disconnect', onclose);
    child.on('internalMessage', onreply);
  }

  close(callback) {
    this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key }, 'NODE_SOCKET_ALL_CLOSED', true, callback);
  }

  getConnections(callback) {
    this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key }, 'NODE_SOCKET_COUNT', false, (err, reply) => {
      if (err) callback(err);
      else callback(null, reply.count);
    });
  }
}

function closedBeforeReply() {
  return makeNodeError(Error, 'ERR_CHILD_CLOSED_BEFORE_REPLY', 'Child closed before reply received');
}

/** The receiver's view: the sockets of server `key` that came over `child`'s channel. */
class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.child = child;
    const onempty = () => {
      if (!this.child.connected) return;
      this.child._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: this.key }, undefined, true);
    };
    child.on('internalMessage', (message) => {
      if (message.key !== this.key) return;
      if (message.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) onempty();
        else this.once('empty', onempty);
      } else if (message.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (!this.child.connected) return;
        this.child._send({ cmd: 'NODE_SOCKET_COUNT', key: this.key, count: this.connections });
      }
    });
  }

  add({ socket }) {
    this.connections++;
    socket.once('close', () => {
      this.connections--;
      if (this.connections === 0) this.emit('empty', this);
    });
  }
}

module.exports = { SocketListSend, SocketListReceive };
