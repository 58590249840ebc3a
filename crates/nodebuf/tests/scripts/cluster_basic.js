// cluster: a primary forks two workers that each run an http server on port 0 (round robin:
// the primary accepts and hands out the connections), makes requests, then disconnects.
// Events are collected per worker and printed in order of worker id, so the output does not
// depend on which worker answers first.
'use strict';
const cluster = require('cluster');
const http = require('http');

if (cluster.isWorker) {
  console.log = () => {};
  http.createServer((req, res) => {
    res.end(`worker ${cluster.worker.id} answered ${req.url}`);
  }).listen(0);
  return;
}

console.log('isPrimary', cluster.isPrimary, cluster.isMaster, cluster.isWorker);
console.log('policy', cluster.schedulingPolicy === cluster.SCHED_RR, cluster.SCHED_NONE, cluster.SCHED_RR);
console.log('settings before', cluster.settings);
console.log('worker', cluster.worker);

// A Worker made by hand: no process, nothing started.
const bare = new cluster.Worker();
console.log('bare', bare.id, bare.state, bare.exitedAfterDisconnect, 'process' in bare);
console.log('bare with options', new cluster.Worker({ id: 7, state: 'custom' }).state);

const events = new Map();
function record(worker, text) {
  if (!events.has(worker.id)) events.set(worker.id, []);
  events.get(worker.id).push(text);
}

let setups = 0;
cluster.on('setup', (settings) => {
  setups++;
  console.log('setup', Object.keys(settings).sort().join(','), settings.exec === __filename);
});
cluster.on('fork', (worker) => record(worker, 'fork'));
cluster.on('online', (worker) => record(worker, `online state=${worker.state}`));
cluster.on('disconnect', (worker) => record(worker, `disconnect state=${worker.state}`));
cluster.on('exit', (worker, code, signal) => {
  record(worker, `exit ${code} ${signal} afterDisconnect=${worker.exitedAfterDisconnect} dead=${worker.isDead()}`);
});

let listening = 0;
let port;
cluster.on('listening', (worker, address) => {
  record(worker, `listening ${address.address} ${address.addressType} ${address.port > 0} state=${worker.state}`);
  port = address.port;
  if (++listening === 2) makeRequests();
});

const workers = [cluster.fork(), cluster.fork({ EXTRA: 'x' })];
console.log('ids', workers.map((w) => w.id), Object.keys(cluster.workers));
console.log('connected', workers.map((w) => w.isConnected()), 'dead', workers.map((w) => w.isDead()));
console.log('state at fork', workers[0].state, workers[0].exitedAfterDisconnect);
console.log('settings after fork', cluster.settings.exec === __filename, cluster.settings.args,
  cluster.settings.silent, Array.isArray(cluster.settings.execArgv));
console.log('process', typeof workers[0].process.pid, workers[0].process.connected);

function makeRequests() {
  const bodies = [];
  let left = 6;
  for (let i = 0; i < 6; i++) {
    http.get({ port, path: `/r${i}`, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => {
        bodies.push(body.replace(/worker [12]/, 'worker N'));
        if (--left === 0) {
          console.log(bodies.sort());
          cluster.disconnect(() => {
            console.log('disconnect callback, workers left:', Object.keys(cluster.workers).length);
          });
        }
      });
    });
  }
}

process.on('exit', () => {
  for (const id of [...events.keys()].sort()) console.log(id, events.get(id));
  console.log('setups', setups);
  console.log('final', workers.map((w) => [w.state, w.isConnected(), w.isDead(), w.process.exitCode]));
});
