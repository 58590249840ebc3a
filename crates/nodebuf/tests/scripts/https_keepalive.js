// https server and client in one script, compared with Node: seeded random request and
// response bodies over a keep-alive https.Agent (socket reuse, pool names, agent.options),
// https.get/request argument forms, the globalAgent refusing an unknown CA, and fetch over
// https. fetch takes no `ca` in Node 20, so the fetch part runs in a child whose
// NODE_EXTRA_CA_CERTS names our test CA (both runtimes read it into the default trust store).
'use strict';
const https = require('https');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { spawnSync } = require('child_process');

const dir = path.join(__dirname, '..', 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const ca = read('ca.pem');
const serverOptions = { key: read('server-key.pem'), cert: read('server.pem') };

let seed = (Number(process.env.NODEBUF_SEED || 99) >>> 0) || 1;
function rand(n) {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed % n;
}
const cases = Number(process.env.NODEBUF_DIFF_CASES || 8);
const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
const randomBytes = (max) => {
  const out = Buffer.alloc(rand(max + 1));
  for (let i = 0; i < out.length; i++) out[i] = rand(256);
  return out;
};

function collect(stream) {
  return new Promise((resolve, reject) => {
    const parts = [];
    stream.on('data', (d) => parts.push(d));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}

async function exchanges(port) {
  const agent = new https.Agent({ keepAlive: true, ca, maxSockets: 2 });
  console.log('agent:', agent.defaultPort, agent.protocol, agent.keepAlive, agent.options);
  for (let i = 0; i < cases; i++) {
    const body = randomBytes(rand(2) === 0 ? 100 : 70000);
    const method = body.length === 0 ? 'GET' : 'POST';
    const res = await new Promise((resolve, reject) => {
      const req = https.request({ host: 'localhost', port, path: `/echo/${i}?n=${body.length}`, method, agent }, resolve);
      req.on('error', reject);
      let offset = 0;
      while (offset < body.length) {
        const size = 1 + rand(30000);
        req.write(body.subarray(offset, offset + size));
        offset += size;
      }
      req.end();
    });
    const tlsInfo = `alpn=${res.socket.alpnProtocol} protocol=${res.socket.getProtocol()}`;
    const got = await collect(res);
    console.log(`  ${method} ${i}: ${res.statusCode} ${res.headers['x-length']} ${got.length} ${sha(got)} reused=${res.req.reusedSocket} ${tlsInfo}`);
  }
  await new Promise((resolve) => setImmediate(resolve));
  console.log('  pools:', Object.keys(agent.freeSockets).map((n) => n.replace(String(port), 'PORT').replace(/-----BEGIN[^]*?-----END CERTIFICATE-----\n?/g, '<ca>')));
  agent.destroy();
}

async function forms(port) {
  console.log('forms:');
  const show = (label) => (res) => {
    collect(res).then((b) => console.log(`  ${label}: ${res.statusCode} ${b.length}`));
  };
  const wait = (req) => new Promise((resolve) => { req.on('close', resolve); req.on('error', (e) => console.log('  error', e.code, e.message)); });
  await wait(https.get(`https://localhost:${port}/a`, { ca }, show('url + options')));
  await wait(https.get(new URL(`https://localhost:${port}/b`), { ca, agent: false }, show('URL + agent false')));
  await wait(https.get({ hostname: '127.0.0.1', port, path: '/c', ca, servername: 'localhost' }, show('ip with servername')));
  await wait(https.get({ hostname: 'localhost', port, path: '/d' }, show('global agent, unknown CA')));
  await wait(https.get({ hostname: 'localhost', port, path: '/e', rejectUnauthorized: false }, show('global agent, not rejected')));
  try {
    https.get(`http://localhost:${port}/`);
  } catch (err) {
    console.log(`  ${err.code}: ${err.message}`);
  }
}

function fetchInChild() {
  const child = spawnSync(process.execPath, [__filename, 'fetch'], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem') },
    encoding: 'utf8',
    timeout: 30000,
  });
  process.stdout.write(child.stdout);
  process.stdout.write(child.stderr);
}

async function fetchPart() {
  const server = https.createServer(serverOptions, async (req, res) => {
    const body = await collect(req);
    res.setHeader('content-type', 'application/octet-stream');
    res.setHeader('x-method', req.method);
    res.end(Buffer.concat([Buffer.from(`${req.method} ${req.url} ${body.length} `), body]));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  console.log('fetch:');
  for (let i = 0; i < cases; i++) {
    const body = randomBytes(5000);
    const res = await fetch(`https://localhost:${port}/f/${i}`, { method: body.length % 2 ? 'PUT' : 'POST', body });
    const got = Buffer.from(await res.arrayBuffer());
    console.log(`  ${res.status} ${res.headers.get('x-method')} ${res.headers.get('content-type')} ${got.length} ${sha(got)}`);
  }
  // An IP URL sends no SNI; the certificate names 127.0.0.1 among its IP addresses.
  const byIp = await fetch(`https://127.0.0.1:${port}/ip`);
  console.log(`  by IP: ${byIp.status} ${await byIp.text()}`);
  try {
    await fetch(`https://[::1]:${port}/refused`);
  } catch (err) {
    console.log(`  ${err.name}: ${err.message}; cause ${err.cause && err.cause.code}`);
  }
  server.close();
}

if (process.argv[2] === 'fetch') {
  fetchPart().then(() => process.exit(0));
} else {
  const server = https.createServer(serverOptions, async (req, res) => {
    const body = await collect(req);
    res.setHeader('x-length', String(body.length));
    res.end(Buffer.concat([Buffer.from(`${req.method} ${req.url} `), body.reverse()]));
  });
  server.listen(0, async () => {
    const { port } = server.address();
    await exchanges(port);
    await forms(port);
    server.close();
    fetchInChild();
  });
}
