// The primary's side of `cluster`: forks workers (this script again, or settings.exec, with
// NODE_UNIQUE_ID set), follows their life (fork, online, listening, disconnect, exit) and
// answers their servers' requests for a listening socket: with the socket itself
// (SCHED_NONE, internal/cluster/shared_handle) or with connections the primary accepts and
// deals out in turn (SCHED_RR, internal/cluster/round_robin_handle; the default but on Windows).
'use strict';

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
// Says when the last worker is gone (cluster.disconnect's callback).
const intercom = new EventEmitter();
// The servers asked for by workers, by key: each a SharedHandle or RoundRobinHandle.
const handles = new Map();
let initialized = false;
let ids = 0;

let schedulingPolicy = process.env.NODE_CLUSTER_SCHED_POLICY;
if (schedulingPolicy === 'rr') schedulingPolicy = SCHED_RR;
else if (schedulingPolicy === 'none') schedulingPolicy = SCHED_NONE;
else if (process.platform === 'win32') schedulingPolicy = SCHED_NONE;
else schedulingPolicy = SCHED_RR;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
cluster.schedulingPolicy = schedulingPolicy;

cluster.setupPrimary = function(options) {
  const settings = {
    args: process.argv.slice(2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  // V8's profiler writes one log per process only when told to name them apart.
  if (settings.execArgv.some((arg) => arg.startsWith('--prof')) &&
      !settings.execArgv.some((arg) => arg.startsWith('--logfile='))) {
    settings.execArgv = [...settings.execArgv, '--logfile=v8-%p.log'];
  }
  cluster.settings = settings;
  if (initialized === true) {
    process.nextTick(emitSetup, settings);
    return;
  }
  initialized = true;
  // The policy is fixed from the first setup on.
  schedulingPolicy = cluster.schedulingPolicy;
  if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
    const assert = require('assert');
    assert.fail(`Bad cluster.schedulingPolicy: ${schedulingPolicy}`);
  }
  process.nextTick(emitSetup, settings);
};
cluster.setupMaster = cluster.setupPrimary;

function emitSetup(settings) {
  cluster.emit('setup', settings);
}

function createWorkerProcess(id, env) {
  const { fork } = require('child_process');
  const settings = cluster.settings;
  return fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    serialization: settings.serialization,
    silent: settings.silent,
    windowsHide: settings.windowsHide,
    execArgv: [...settings.execArgv],
    stdio: settings.stdio,
    gid: settings.gid,
    uid: settings.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (Object.keys(cluster.workers).length === 0) intercom.emit('disconnect');
}

function removeHandlesForWorker(worker) {
  for (const [key, handle] of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const worker = new Worker({ id, process: createWorkerProcess(id, env) });
  worker.on('message', function onMessage(message, handle) {
    cluster.emit('message', this, message, handle);
  });
  worker.process.once('exit', (exitCode, signalCode) => {
    // A worker still connected stays listed: its channel may still have something to say.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });
  worker.process.once('disconnect', () => {
    // Its servers' shares go now; its entry once it has also exited.
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = Boolean(worker.exitedAfterDisconnect);
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });
  worker.process.on('internalMessage', internal(worker, onmessage));
  process.nextTick(emitFork, worker);
  cluster.workers[worker.id] = worker;
  return worker;
};

function emitFork(worker) {
  cluster.emit('fork', worker);
}

cluster.disconnect = function(cb) {
  const workers = Object.values(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const worker of workers) {
      if (worker.isConnected()) worker.disconnect();
    }
  }
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

// What a worker's control messages ask for, by `act`.
const actions = { close, exitedAfterDisconnect, listening, online, queryServer };

function onmessage(message, handle) {
  const action = actions[message.act];
  if (typeof action === 'function') action(this, message, handle);
}

function online(worker) {
  worker.state = 'online';
  worker.emit('online');
  cluster.emit('online', worker);
}

function exitedAfterDisconnect(worker, message) {
  worker.exitedAfterDisconnect = true;
  send(worker, { ack: message.seq });
}

// A worker's server wants to listen: all workers asking for the same address share one
// handle, made on the first request.
function queryServer(worker, message) {
  // A worker on its way out gets nothing new.
  if (worker.exitedAfterDisconnect) return;
  const key = `${message.address}:${message.port}:${message.addressType}:${message.fd}:${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    let address = message.address;
    // Unix socket paths are short (about 100 bytes): the shorter of relative and absolute.
    if (message.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
      address = require('path').relative(process.cwd(), address);
      if (message.address.length < address.length) address = message.address;
    }
    // Datagrams have no connections to deal out: UDP is always shared.
    if (schedulingPolicy !== SCHED_RR || message.addressType === 'udp4' || message.addressType === 'udp6') {
      const SharedHandle = require('internal/cluster/shared_handle');
      handle = new SharedHandle(key, address, message);
    } else {
      const RoundRobinHandle = require('internal/cluster/round_robin_handle');
      handle = new RoundRobinHandle(key, address, message);
    }
    handles.set(key, handle);
  }
  if (!handle.data) handle.data = message.data;
  handle.add(worker, (errno, reply, sharedHandle) => {
    const { data } = handles.get(key);
    // A failed handle is forgotten, so that another request may try again.
    if (errno) handles.delete(key);
    send(worker, { errno, key, ack: message.seq, data, ...reply }, sharedHandle);
  });
}

function listening(worker, message) {
  const info = {
    addressType: message.addressType,
    address: message.address,
    port: message.port,
    fd: message.fd,
  };
  worker.state = 'listening';
  worker.emit('listening', info);
  cluster.emit('listening', worker, info);
}

// A worker's server closed: its share of the handle goes (it may already be gone, with the
// worker's other handles).
function close(worker, message) {
  const handle = handles.get(message.key);
  if (handle && handle.remove(worker)) handles.delete(message.key);
}

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

Worker.prototype.disconnect = function() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

Worker.prototype.destroy = function(signo) {
  this.process.kill(signo || 'SIGTERM');
};

module.exports = cluster;
