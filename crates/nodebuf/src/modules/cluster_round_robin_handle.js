// SCHED_RR: the primary listens and accepts; each connection goes to the next worker waiting
// for one (the workers' servers listen on stand-ins, internal/cluster/child), and back into
// the queue if that worker is closing its server.
'use strict';

const net = require('net');
const { sendHelper } = require('internal/cluster/utils');

function RoundRobinHandle(key, address, { port, fd, flags, backlog, readableAll, writableAll }) {
  this.key = key;
  // Workers sharing this handle, and those of them waiting for a connection, by id.
  this.all = new Map();
  this.free = new Map();
  // Connections accepted and not yet handed out, oldest first.
  this.pending = [];
  this.handle = null;
  this.server = net.createServer(() => {
    throw new Error('a round-robin server hands its connections out; it accepts none itself');
  });
  if (fd >= 0) {
    this.server.listen({ fd, backlog });
  } else if (port >= 0) {
    this.server.listen({ port, host: address, ipv6Only: Boolean(flags & 1), backlog });
  } else {
    this.server.listen({ path: address, backlog, readableAll, writableAll });
  }
  this.server.once('listening', () => {
    // From here on the handle is used alone: its connections come to distribute.
    this.handle = this.server._handle;
    this.handle.onconnection = (err, handle) => this.distribute(err, handle);
    this.server._handle = null;
    this.server = null;
  });
}

RoundRobinHandle.prototype.add = function(worker, send) {
  this.all.set(worker.id, worker);
  const done = () => {
    if (this.handle.getsockname) {
      const out = {};
      this.handle.getsockname(out);
      send(null, { sockname: out }, null);
    } else {
      // A Unix socket has no address to report.
      send(null, null, null);
    }
    // Connections may have come while the worker was starting.
    this.handoff(worker);
  };
  if (this.server === null) {
    done();
    return;
  }
  // Still binding.
  this.server.once('listening', done);
  this.server.once('error', (err) => {
    send(err.errno, null);
  });
};

RoundRobinHandle.prototype.remove = function(worker) {
  const existed = this.all.delete(worker.id);
  if (!existed) return false;
  this.free.delete(worker.id);
  if (this.all.size !== 0) return false;
  for (const handle of this.pending.splice(0)) handle.close();
  if (this.handle !== null) this.handle.close();
  else if (this.server !== null) this.server.close();
  this.handle = null;
  return true;
};

RoundRobinHandle.prototype.distribute = function(err, handle) {
  // A failed accept has no connection to hand out.
  if (err) return;
  this.pending.push(handle);
  const next = this.free.entries().next();
  if (!next.done) {
    const [workerId, worker] = next.value;
    this.free.delete(workerId);
    this.handoff(worker);
  }
};

RoundRobinHandle.prototype.handoff = function(worker) {
  // The worker is closing (or closed) its server.
  if (!this.all.has(worker.id)) return;
  const handle = this.pending.shift();
  if (handle === undefined) {
    this.free.set(worker.id, worker);
    return;
  }
  const message = { act: 'newconn', key: this.key };
  sendHelper(worker.process, message, handle, (reply) => {
    if (reply.accepted) handle.close();
    else this.distribute(0, handle);
    this.handoff(worker);
  });
};

module.exports = RoundRobinHandle;
