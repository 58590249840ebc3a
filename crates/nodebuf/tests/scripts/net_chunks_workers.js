'use strict';
// net: seeded random binary payloads written in random pieces (strings in several encodings
// and Buffers) through an echo server that pipes the socket to itself; the bytes that come back
// equal the bytes sent whatever the chunk boundaries. Then a worker that listens and is
// terminated while a client is connected: terminate() does not hang on its sockets.
const net = require('net');
const { Worker } = require('worker_threads');

let seed = 0x9e3779b9;
function rand(n) {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed % n;
}

const server = net.createServer((sock) => sock.pipe(sock));
const rounds = [];
for (let r = 0; r < 6; r++) {
  const size = [0, 1, 100, 65535, 65537, 300000][r];
  const payload = Buffer.alloc(size);
  for (let i = 0; i < size; i++) payload[i] = rand(256);
  rounds.push(payload);
}

function sendRound(port, payload, done) {
  const c = net.connect(port, '127.0.0.1');
  const got = [];
  c.on('data', (d) => {
    if (!Buffer.isBuffer(d)) throw new Error('not a Buffer');
    got.push(d);
  });
  c.on('end', () => {
    const back = Buffer.concat(got);
    console.log(payload.length, back.length, back.equals(payload), c.bytesRead, c.bytesWritten);
    done();
  });
  let at = 0;
  while (at < payload.length) {
    const piece = payload.subarray(at, at + 1 + rand(20000));
    at += piece.length;
    const how = rand(3);
    if (how === 0) c.write(piece);
    else if (how === 1) c.write(piece.toString('latin1'), 'latin1');
    else c.write(piece.toString('hex'), 'hex');
  }
  c.end();
}

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  let i = 0;
  const next = () => {
    if (i < rounds.length) sendRound(port, rounds[i++], next);
    else server.close(workerRound);
  };
  next();
});

function workerRound() {
  const w = new Worker(`
    const net = require('net');
    const { parentPort } = require('worker_threads');
    const s = net.createServer((sock) => { sock.write('hi from worker'); });
    s.listen(0, '127.0.0.1', () => parentPort.postMessage(s.address().port));
  `, { eval: true });
  w.on('message', (port) => {
    const c = net.connect(port, '127.0.0.1');
    let pending = 2;
    const finish = () => { if (--pending === 0) console.log('worker gone and its socket closed'); };
    c.on('close', finish);
    c.on('error', () => {});
    c.once('data', (d) => {
      console.log('worker said', d.toString());
      w.terminate().then((code) => {
        console.log('terminated', code);
        finish();
      });
    });
  });
}
