// The worker's side of `cluster` (a process cluster.fork started): says 'online' to the
// primary, gets its servers' listening sockets from it (net's listen asks through
// `_getServer`: a shared socket, or a stand-in fed with the connections the primary deals
// out) and takes part in disconnecting.
'use strict';
const { setInterval, clearInterval } = require('timers');

const EventEmitter = require('events');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');
const { ownerSymbol } = require('internal/net/handle');

const cluster = new EventEmitter();
// This worker's listening handles, by the primary's key.
const handles = new Map();
// How many servers listen on each address (the primary tells same-address servers apart by
// their index).
const indexes = new Map();
// A stand-in handle keeps the loop alive with a timer this long (the largest there is).
const kTimeoutMax = 2 ** 31 - 1;

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

cluster._setupWorker = function() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });
  cluster.worker = worker;
  process.once('disconnect', () => {
    worker.emit('disconnect');
    // Disconnected without asking (the primary went away): nothing left to do.
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });
  process.on('internalMessage', internal(worker, onmessage));
  send({ act: 'online' });

  function onmessage(message, handle) {
    if (message.act === 'newconn') onconnection(message, handle);
    else if (message.act === 'disconnect') disconnectWorker.call(worker, true);
  }
};

// Asks the primary for a listening handle for server `obj`; `cb(errno, handle)`.
cluster._getServer = function(obj, options, cb) {
  let address = options.address;
  if (options.port < 0 && typeof address === 'string' && process.platform !== 'win32') {
    address = require('path').resolve(address);
  }
  const indexesKey = [address, options.port, options.addressType, options.fd].join(':');
  let indexSet = indexes.get(indexesKey);
  if (indexSet === undefined) {
    indexSet = { nextIndex: 0, set: new Set() };
    indexes.set(indexesKey, indexSet);
  }
  const index = indexSet.nextIndex++;
  indexSet.set.add(index);
  const message = { act: 'queryServer', index, data: null, ...options, address };
  // Server data (TLS session ticket keys) shared by the workers through the primary.
  if (obj._getServerData) message.data = obj._getServerData();
  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function') obj._setServerData(reply.data);
    if (handle) shared(reply, { handle, indexesKey, index }, cb);
    else roundRobin(reply, { indexesKey, index }, cb);
  });
  obj.once('listening', () => {
    // A server closed at once may be gone already.
    if (!indexes.has(indexesKey)) return;
    cluster.worker.state = 'listening';
    const listened = obj.address();
    message.act = 'listening';
    message.port = (listened && listened.port) || options.port;
    send(message);
  });
};

function removeIndexesKey(indexesKey, index) {
  const indexSet = indexes.get(indexesKey);
  if (!indexSet) return;
  indexSet.set.delete(index);
  if (indexSet.set.size === 0) indexes.delete(indexesKey);
}

// The primary's own listening socket: listened on here; the primary hears when it closes.
function shared(message, { handle, indexesKey, index }, cb) {
  const key = message.key;
  const closeHandle = handle.close;
  handle.close = function() {
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    return Reflect.apply(closeHandle, handle, arguments);
  };
  handles.set(key, handle);
  cb(message.errno, handle);
}

// Round robin: the primary accepts; this stand-in handle gets the connections it sends.
function roundRobin(message, { indexesKey, index }, cb) {
  if (message.errno) {
    cb(message.errno, null);
    return;
  }
  let key = message.key;
  let keepAlive = null;
  const handle = {
    close() {
      // Connections the primary sends before it hears of this go back (onconnection).
      if (key === undefined) return;
      handle.unref();
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
      key = undefined;
    },
    listen() {
      return 0;
    },
    ref() {
      if (keepAlive === null) keepAlive = setInterval(() => {}, kTimeoutMax);
    },
    unref() {
      if (keepAlive !== null) {
        clearInterval(keepAlive);
        keepAlive = null;
      }
    },
  };
  handle.ref();
  // TCP servers have an address; Unix-socket ones do not.
  if (message.sockname) {
    handle.getsockname = function(out) {
      if (key) Object.assign(out, message.sockname);
      return 0;
    };
  }
  handles.set(key, handle);
  cb(0, handle);
}

// A connection the primary accepted for this worker's server `message.key`.
function onconnection(message, handle) {
  const server = handles.get(message.key);
  let accepted = server !== undefined;
  // A server at its maxConnections turns the connection down: the primary offers it to
  // another worker.
  const owner = accepted ? server[ownerSymbol] : undefined;
  if (owner && owner.maxConnections != null && owner._connections >= owner.maxConnections) accepted = false;
  send({ ack: message.seq, accepted });
  if (accepted) server.onconnection(0, handle);
  else handle.close();
}

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

// Closes this worker's servers, then the channel (after telling the primary, unless the
// primary asked).
function disconnectWorker(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waitingCount = 1;
  function checkWaitingCount() {
    waitingCount--;
    if (waitingCount !== 0) return;
    if (primaryInitiated) process.disconnect();
    else send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
  }
  for (const handle of handles.values()) {
    waitingCount++;
    if (handle[ownerSymbol]) handle[ownerSymbol].close(checkWaitingCount);
    else handle.close(checkWaitingCount);
  }
  handles.clear();
  checkWaitingCount();
}

Worker.prototype.disconnect = function() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    disconnectWorker.call(this, false);
  }
  return this;
};

Worker.prototype.destroy = function() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};

module.exports = cluster;
