// `worker_threads` without workers: the main thread's facts, MessageChannel/MessagePort within
// one thread (messages are structured clones delivered on a later turn), and Node's
// untransferable marks (Buffer pool ArrayBuffers are marked, so transferring one copies it).
'use strict';

const EventEmitter = require('events');
const untransferable = require('buffer')[Symbol.for('nodebuf.untransferable')];

const kOther = Symbol('kOther');
const kClosed = Symbol('kClosed');

class MessagePort extends EventEmitter {
  postMessage(value, transferList) {
    let transfer = Array.isArray(transferList) ? transferList
      : (transferList && Array.isArray(transferList.transfer) ? transferList.transfer : []);
    transfer = transfer.filter((item) => !untransferable.has(item));
    const data = structuredClone(value, { transfer });
    const other = this[kOther];
    if (this[kClosed] || other === undefined) return;
    setImmediate(() => {
      if (other[kClosed]) return;
      if (typeof other.onmessage === 'function') other.onmessage({ data, target: other });
      other.emit('message', data);
    });
  }

  start() {}
  ref() { return this; }
  unref() { return this; }

  close() {
    if (this[kClosed]) return;
    this[kClosed] = true;
    const other = this[kOther];
    setImmediate(() => {
      this.emit('close');
      if (other !== undefined && !other[kClosed]) {
        other[kClosed] = true;
        other.emit('close');
      }
    });
  }
}

class MessageChannel {
  constructor() {
    this.port1 = new MessagePort();
    this.port2 = new MessagePort();
    this.port1[kOther] = this.port2;
    this.port2[kOther] = this.port1;
  }
}

module.exports = {
  isMainThread: true,
  threadId: 0,
  parentPort: null,
  workerData: null,
  resourceLimits: {},
  MessageChannel,
  MessagePort,
  markAsUntransferable: (value) => untransferable.mark(value),
};
