// Cross-runtime TLS: the driver (this script with no role) starts its peer runtime (PEER_BIN)
// running this script as the server, then connects to it. tests/tls_cross.rs runs it both
// ways (nodebuf client to node server, node client to nodebuf server). Each connection carries
// a seeded random payload in random chunks; the server answers with the payload's SHA-256 and
// the payload XOR 0x5a, so both directions are checked byte for byte. Client certificates,
// SNI, ALPN and TLS versions are exercised on the way.
'use strict';
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawn } = require('child_process');

const dir = path.join(__dirname, '..', 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const rounds = Number(process.env.NODEBUF_DIFF_CASES || 6);

function transform(payload) {
  const out = Buffer.alloc(payload.length);
  for (let i = 0; i < payload.length; i++) out[i] = payload[i] ^ 0x5a;
  return Buffer.concat([crypto.createHash('sha256').update(payload).digest(), out]);
}

function serve() {
  let left = rounds;
  const server = tls.createServer({
    key: read('server-key.pem'), cert: read('server.pem'), ca: read('ca.pem'),
    requestCert: true, rejectUnauthorized: true, ALPNProtocols: ['x-cross', 'http/1.1'],
  }, (socket) => {
    const parts = [];
    socket.on('data', (d) => parts.push(d));
    socket.on('end', () => {
      const got = Buffer.concat(parts);
      const peer = socket.getPeerCertificate();
      process.stdout.write(`server: ${got.length} bytes ${socket.getProtocol()} alpn=${socket.alpnProtocol} sni=${socket.servername} client=${peer.subject.CN} authorized=${socket.authorized}\n`);
      socket.end(transform(got));
      if (--left === 0) server.close();
    });
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`port ${server.address().port}\n`));
}

function drive() {
  const peer = spawn(process.env.PEER_BIN, [__filename, 'server'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let buffered = '';
  let started = false;
  const serverLines = [];
  peer.stdout.on('data', (d) => {
    buffered += d;
    let nl;
    while ((nl = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (!started && line.startsWith('port ')) {
        started = true;
        run(Number(line.slice(5)));
      } else {
        serverLines.push(line);
      }
    }
  });
  peer.on('close', (code) => {
    for (const line of serverLines) console.log(line);
    console.log(`server exited ${code}`);
  });
  let seed = (Number(process.env.NODEBUF_SEED || 7) >>> 0) || 1;
  const rand = (n) => {
    seed ^= seed << 13; seed >>>= 0; seed ^= seed >>> 17; seed ^= seed << 5; seed >>>= 0;
    return seed % n;
  };
  async function run(port) {
    for (let round = 0; round < rounds; round++) {
      const payload = Buffer.alloc(rand(300000));
      for (let i = 0; i < payload.length; i++) payload[i] = rand(256);
      const got = await new Promise((resolve, reject) => {
        const socket = tls.connect({
          port, host: '127.0.0.1', servername: round % 2 ? 'localhost' : 'x.nodebuf.test',
          ca: read('ca.pem'), key: read('client-key.pem'), cert: read('client.pem'),
          ALPNProtocols: round % 3 ? ['x-cross'] : ['h2', 'http/1.1'],
          maxVersion: round % 2 ? 'TLSv1.3' : 'TLSv1.2',
        }, () => {
          let offset = 0;
          const more = () => {
            while (offset < payload.length) {
              const chunk = payload.subarray(offset, offset + 1 + rand(50000));
              offset += chunk.length;
              if (!socket.write(chunk)) return socket.once('drain', more);
            }
            socket.end();
          };
          more();
        });
        const parts = [];
        socket.on('data', (d) => parts.push(d));
        socket.on('end', () => resolve({ bytes: Buffer.concat(parts), protocol: socket.getProtocol(), alpn: socket.alpnProtocol, authorized: socket.authorized }));
        socket.on('error', reject);
      });
      const expected = transform(payload);
      console.log(`client: round ${round} sent ${payload.length} got ${got.bytes.length} equal=${got.bytes.equals(expected)} ${got.protocol} alpn=${got.alpn} authorized=${got.authorized}`);
    }
  }
}

if (process.argv[2] === 'server') serve();
else drive();
