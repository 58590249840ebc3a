// SCHED_NONE (and UDP always): the primary makes the listening socket and sends it to each
// worker that asks; the workers accept on it themselves (the kernel picks which).
'use strict';

function SharedHandle(key, address, { port, addressType, fd, flags }) {
  this.key = key;
  this.workers = new Map();
  this.handle = null;
  this.errno = 0;
  let rval;
  if (addressType === 'udp4' || addressType === 'udp6') {
    rval = require('internal/dgram')._createSocketHandle(address, port, addressType, fd, flags);
  } else {
    rval = require('internal/net/handle').createServerHandle(address, port, addressType, fd);
  }
  if (typeof rval === 'number') this.errno = rval;
  else this.handle = rval;
}

SharedHandle.prototype.add = function(worker, send) {
  this.workers.set(worker.id, worker);
  send(this.errno, null, this.handle);
};

SharedHandle.prototype.remove = function(worker) {
  if (!this.workers.has(worker.id)) return false;
  this.workers.delete(worker.id);
  if (this.workers.size !== 0) return false;
  if (this.handle !== null) this.handle.close();
  this.handle = null;
  return true;
};

module.exports = SharedHandle;
