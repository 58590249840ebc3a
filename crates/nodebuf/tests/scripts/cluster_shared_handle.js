// cluster with SCHED_NONE: the primary makes the listening socket and sends it to the workers
// (descriptor passing), which accept on it themselves; a port the primary already uses gives
// the worker's server Node's 'bind EADDRINUSE'; an exclusive listen makes the worker's own
// socket. Ports are printed as booleans, output in worker-id order.
'use strict';
const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  const mode = process.env.MODE;
  if (mode === 'shared') {
    const server = net.createServer((socket) => socket.end(`hello from ${process.env.MODE}`));
    server.listen(0, '127.0.0.1', () => {
      process.send({ port: server.address().port, family: server.address().family });
    });
  } else if (mode === 'taken') {
    net.createServer().listen(+process.env.PORT, '127.0.0.1').on('error', (err) => {
      process.send({ error: err.message.replace(process.env.PORT, 'PORT'), code: err.code, errno: err.errno, syscall: err.syscall });
      cluster.worker.disconnect();
    });
  } else if (mode === 'exclusive') {
    const server = net.createServer();
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      process.send({ exclusive: server.address().port !== +process.env.PORT });
      server.close(() => cluster.worker.disconnect());
    });
  }
  return;
}

cluster.schedulingPolicy = cluster.SCHED_NONE;
const log = new Map();
function record(worker, text) {
  if (!log.has(worker.id)) log.set(worker.id, []);
  log.get(worker.id).push(text);
}
cluster.on('listening', (worker, address) => record(worker, `listening ${address.address} ${address.addressType}`));
cluster.on('exit', (worker, code) => record(worker, `exit ${code} ${worker.exitedAfterDisconnect}`));

const holder = net.createServer().listen(0, '127.0.0.1', () => {
  const taken = holder.address().port;
  const shared = [cluster.fork({ MODE: 'shared' }), cluster.fork({ MODE: 'shared' })];
  const ports = [];
  for (const worker of shared) {
    worker.on('message', (message) => {
      ports.push(message.port);
      if (ports.length < 2) return;
      console.log('same port', ports[0] === ports[1], message.family);
      let left = 4;
      const replies = [];
      for (let i = 0; i < 4; i++) {
        net.connect(ports[0], '127.0.0.1').on('data', (d) => replies.push(String(d))).on('close', () => {
          if (--left > 0) return;
          console.log(replies);
          for (const w of shared) w.disconnect();
          const taker = cluster.fork({ MODE: 'taken', PORT: taken });
          taker.on('message', (m) => {
            record(taker, JSON.stringify(m));
            const own = cluster.fork({ MODE: 'exclusive', PORT: ports[0] });
            own.on('message', (m2) => record(own, JSON.stringify(m2)));
            own.on('exit', () => holder.close());
          });
        });
      }
    });
  }
});

process.on('exit', () => {
  for (const id of [...log.keys()].sort()) console.log(id, log.get(id));
});
