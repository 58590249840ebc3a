// cluster: messages between the primary and its workers ('message' on the worker and on the
// cluster, process.send in the worker), Node's own NODE_-prefixed messages kept from 'message'
// listeners, the 'advanced' serialization, a worker that disconnects itself, one killed with a
// signal, and cluster.disconnect once nothing is left. Output in worker-id order.
'use strict';
const cluster = require('cluster');

if (cluster.isWorker) {
  const id = cluster.worker.id;
  process.on('message', (message) => {
    if (message === 'bye') {
      cluster.worker.disconnect();
      return;
    }
    if (message === 'hang') return;
    // A message with a NODE_ cmd is Node's own: the primary's 'message' listeners never see it.
    process.send({ cmd: 'NODE_SECRET', id });
    process.send({ echo: message, from: id, isWorker: cluster.isWorker, workerState: cluster.worker.state });
  });
  cluster.worker.on('disconnect', () => process.send === undefined);
  return;
}

cluster.setupPrimary({ serialization: 'advanced' });
console.log('serialization', cluster.settings.serialization);

const log = new Map();
function record(worker, text) {
  if (!log.has(worker.id)) log.set(worker.id, []);
  log.get(worker.id).push(text);
}

cluster.on('message', (worker, message, handle) => {
  record(worker, `cluster message ${JSON.stringify(message, (k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Map ? [...v] : v))} handle=${handle}`);
});
cluster.on('exit', (worker, code, signal) => {
  record(worker, `exit code=${code} signal=${signal} afterDisconnect=${worker.exitedAfterDisconnect}`);
  if (Object.keys(cluster.workers).length === 0) {
    cluster.disconnect(() => console.log('nothing left to disconnect'));
  }
});

for (let i = 0; i < 3; i++) {
  const worker = cluster.fork();
  let internal = 0;
  worker.process.on('internalMessage', (message) => {
    if (message.cmd === 'NODE_SECRET') internal++;
  });
  worker.on('message', (message) => {
    record(worker, `worker message from=${message.from} state=${message.workerState} internal=${internal}`);
    if (worker.id === 1) worker.send('bye');
    else if (worker.id === 2) worker.kill('SIGKILL');
    else worker.process.kill();
  });
  worker.on('online', () => {
    const payload = { n: worker.id, big: 10n ** 20n, map: new Map([[1, 'one']]) };
    console.log('send returns', worker.send(payload));
    worker.send('hang');
  });
}

// Sending on a closed channel, and bad arguments.
const probe = new cluster.Worker({ id: 99, process: { on() {}, send(...args) { return args.length; } } });
console.log('send passes through', probe.send(1, 2, 3));
try {
  cluster.workers[1].send(undefined);
} catch (err) {
  console.log(err.name, err.code, err.message);
}
try {
  cluster.workers[1].send(() => {});
} catch (err) {
  console.log(err.name, err.code);
}

process.on('exit', () => {
  for (const id of [...log.keys()].sort()) console.log(id, log.get(id));
});
