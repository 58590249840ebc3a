// TLS server and client in one script, compared with Node: seeded random payloads echoed in
// random chunks over TLSv1.2 and TLSv1.3 (RSA and EC certificates, SNI through SNICallback,
// ALPN), the peer certificate as getPeerCertificate(true) shows it, every certificate
// verification error, client certificates, protocol alerts, checkServerIdentity's verdicts and
// TLS over a plain duplex. Fixtures are our own test CA and certificates (tests/fixtures/tls).
// NODEBUF_SEED / NODEBUF_DIFF_CASES vary the run.
'use strict';
const tls = require('tls');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { Duplex } = require('stream');
const { inspect } = require('util');

const dir = path.join(__dirname, '..', 'fixtures', 'tls');
const read = (name) => fs.readFileSync(path.join(dir, name));
const ca = read('ca.pem');
const rsa = { key: read('server-key.pem'), cert: read('server.pem') };
const ec = { key: read('ec-server-key.pem'), cert: read('ec-server.pem') };

let seed = (Number(process.env.NODEBUF_SEED || 4242) >>> 0) || 1;
// xorshift32: every bit varies, so small ranges are not stuck on a pattern.
function rand(n) {
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed % n;
}
const cases = Number(process.env.NODEBUF_DIFF_CASES || 6);
const sha = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);

function listen(options, onSecure) {
  return new Promise((resolve) => {
    const server = tls.createServer(options, onSecure);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

// One echo exchange: the client writes `payload` in random chunks, half-closes, and collects
// what comes back.
async function echoRound(round) {
  const version = round % 2 === 0 ? 'TLSv1.2' : 'TLSv1.3';
  // The EC certificate comes through SNICallback; over TLSv1.2 Node (OpenSSL) keeps the first
  // context's certificate after the switch, so the EC context is used with TLSv1.3 only.
  const useEc = version === 'TLSv1.3' && round % 4 === 1;
  const payload = crypto.randomBytes(1 + rand(200000));
  for (let i = 0; i < payload.length; i++) payload[i] = rand(256);
  const server = await listen({
    ...rsa,
    ALPNProtocols: ['h2', 'http/1.1'],
    allowHalfOpen: true,
    SNICallback: (name, cb) => cb(null, name === 'ec.nodebuf.test' ? tls.createSecureContext(ec) : undefined),
  }, (socket) => {
    const seen = [];
    socket.on('data', (d) => { seen.push(d.length); socket.write(d); });
    socket.on('end', () => { socket.end(); });
    socket.on('close', () => server.close());
    server.serverSide = { servername: socket.servername, alpn: socket.alpnProtocol, protocol: socket.getProtocol() };
  });
  await new Promise((resolve) => {
    const client = tls.connect({
      port: server.address().port,
      host: '127.0.0.1',
      ca,
      servername: useEc ? 'ec.nodebuf.test' : 'localhost',
      ALPNProtocols: rand(2) === 0 ? ['http/1.1'] : ['spdy/3', 'h2'],
      maxVersion: version,
    }, () => {
      const cert = client.getPeerCertificate();
      console.log(`round ${round}: ${client.getProtocol()} ${client.getCipher().name} ${client.getCipher().standardName} alpn=${client.alpnProtocol} authorized=${client.authorized} servername=${client.servername} cert=${cert.subject.CN}/${cert.bits}/${cert.asn1Curve || 'rsa'}`);
      let offset = 0;
      const writeSome = () => {
        while (offset < payload.length) {
          const size = 1 + rand(40000);
          const chunk = payload.subarray(offset, offset + size);
          offset += chunk.length;
          if (!client.write(chunk)) {
            client.once('drain', writeSome);
            return;
          }
        }
        client.end();
      };
      writeSome();
    });
    const back = [];
    client.on('data', (d) => back.push(d));
    client.on('end', () => {
      const got = Buffer.concat(back);
      console.log(`  echoed ${got.length}/${payload.length} equal=${got.equals(payload)} sha=${sha(got)} server=${inspect(server.serverSide)}`);
    });
    client.on('close', resolve);
    client.on('error', (e) => console.log('  client error', e.code, e.message));
  });
}

// A client connecting to a server with `serverOptions`; prints how it ends.
async function attempt(label, serverOptions, clientOptions) {
  const server = await listen(serverOptions, (socket) => {
    console.log(`  [${label}] server: authorized=${socket.authorized} authorizationError=${socket.authorizationError} peer=${inspect(socket.getPeerCertificate().subject)}`);
    socket.end('hello');
  });
  server.on('tlsClientError', (err) => {
    if (err.code !== 'ECONNRESET') console.log(`  [${label}] server tlsClientError ${err.code} ${err.library} ${err.reason}`);
  });
  await new Promise((resolve) => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ...clientOptions }, () => {
      console.log(`  [${label}] secureConnect authorized=${client.authorized} authorizationError=${client.authorizationError}`);
    });
    client.on('data', (d) => console.log(`  [${label}] data ${d}`));
    client.on('error', (err) => {
      const detail = err.library === undefined ? JSON.stringify(err.message) : `${err.library} / ${err.reason}`;
      console.log(`  [${label}] error ${err.code} ${detail} keys=${Object.keys(err)}`);
    });
    client.on('close', () => { server.close(); resolve(); });
  });
}

async function verification() {
  console.log('verification:');
  const self = { key: read('self-signed-key.pem'), cert: read('self-signed.pem') };
  await attempt('self-signed', self, {});
  await attempt('self-signed, not rejected', self, { rejectUnauthorized: false });
  await attempt('self-signed as ca', self, { ca: read('self-signed.pem'), servername: 'localhost' });
  await attempt('leaf without ca', rsa, {});
  await attempt('chain without ca', { key: rsa.key, cert: read('server-chain.pem') }, {});
  await attempt('chain with ca', { key: rsa.key, cert: read('server-chain.pem') }, { ca, servername: 'localhost' });
  await attempt('expired', { key: rsa.key, cert: read('expired.pem') }, { ca });
  await attempt('expired, not rejected', { key: rsa.key, cert: read('expired.pem') }, { ca, rejectUnauthorized: false });
  await attempt('wrong name', rsa, { ca, servername: 'other.example' });
  await attempt('wrong name, not rejected', rsa, { ca, servername: 'other.example', rejectUnauthorized: false });
  await attempt('ip name', rsa, { ca });
  await attempt('wildcard name', rsa, { ca, servername: 'a.nodebuf.test' });
  await attempt('custom checkServerIdentity', rsa, {
    ca,
    servername: 'localhost',
    checkServerIdentity: (host, cert) => {
      console.log(`  checkServerIdentity(${host}, ${cert.subject.CN}) issuer chain: ${cert.issuerCertificate.subject.CN}`);
      return new Error('refused by the script');
    },
  });
}

async function clientCertificates() {
  console.log('client certificates:');
  const strict = { ...rsa, ca, requestCert: true, rejectUnauthorized: true };
  const soft = { ...rsa, ca, requestCert: true, rejectUnauthorized: false };
  const client = { key: read('client-key.pem'), cert: read('client.pem') };
  await attempt('with client cert', strict, { ca, servername: 'localhost', ...client });
  await attempt('no client cert, optional', soft, { ca, servername: 'localhost' });
  await attempt('self-signed client cert, optional', soft, { ca, servername: 'localhost', key: read('self-signed-key.pem'), cert: read('self-signed.pem') });
  await attempt('no client cert, required', strict, { ca, servername: 'localhost' });
}

async function alerts() {
  console.log('protocol alerts:');
  await attempt('alpn mismatch', { ...rsa, ALPNProtocols: ['h2'] }, { ca, servername: 'localhost', ALPNProtocols: ['http/1.1'] });
  await attempt('version mismatch', { ...rsa, minVersion: 'TLSv1.3' }, { ca, servername: 'localhost', maxVersion: 'TLSv1.2' });
}

// TLS over a pair of plain duplexes (no socket anywhere).
function duplexPair() {
  const a = new Duplex({ read() {}, write(chunk, enc, cb) { b.push(chunk); cb(); }, final(cb) { b.push(null); cb(); } });
  const b = new Duplex({ read() {}, write(chunk, enc, cb) { a.push(chunk); cb(); }, final(cb) { a.push(null); cb(); } });
  return [a, b];
}

async function overDuplex() {
  console.log('over a duplex:');
  const [left, right] = duplexPair();
  const server = new tls.TLSSocket(right, { isServer: true, secureContext: tls.createSecureContext(rsa) });
  server.on('secure', () => console.log(`  server secure ${server.getProtocol()}`));
  server.on('data', (d) => server.write(Buffer.from(d.toString().toUpperCase())));
  server.on('end', () => server.end());
  await new Promise((resolve) => {
    const client = tls.connect({ socket: left, ca, servername: 'localhost' }, () => {
      console.log(`  client secureConnect authorized=${client.authorized} encrypted=${client.encrypted}`);
      client.end('over a duplex');
    });
    client.on('data', (d) => console.log(`  client got ${d}`));
    client.on('end', resolve);
  });
}

function identities() {
  console.log('checkServerIdentity:');
  const certs = [
    { subject: { CN: 'example.com' } },
    { subject: { CN: '*.example.com' } },
    { subject: { CN: ['a.example.com', 'b.example.com'] } },
    { subject: {}, subjectaltname: 'DNS:example.com, DNS:*.example.org, DNS:x*.example.net' },
    { subject: { CN: 'ignored.example' }, subjectaltname: 'DNS:xn--*.example.com, DNS:*.com' },
    { subject: {}, subjectaltname: 'IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1' },
    { subject: {} },
  ];
  const hosts = ['example.com', 'EXAMPLE.COM.', 'a.example.com', 'b.example.com', 'a.b.example.com', 'www.example.org',
    'example.org', 'xyz.example.net', 'abc.example.net', 'foo.com', '127.0.0.1', '::1', '0:0::1', '10.0.0.1'];
  for (const cert of certs) {
    for (const host of hosts) {
      const err = tls.checkServerIdentity(host, cert);
      console.log(`  ${host} vs ${JSON.stringify(cert)}: ${err === undefined ? 'ok' : `${err.code} ${err.message} | reason=${err.reason} host=${err.host}`}`);
    }
  }
}

function api() {
  console.log('api:');
  console.log(' ', tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION, tls.DEFAULT_ECDH_CURVE, typeof tls.DEFAULT_CIPHERS);
  console.log(' ', Array.isArray(tls.rootCertificates), Object.isFrozen(tls.rootCertificates), tls.rootCertificates.length > 100,
    tls.rootCertificates.every((c) => c.startsWith('-----BEGIN CERTIFICATE-----\n') && c.endsWith('\n-----END CERTIFICATE-----')));
  const ciphers = tls.getCiphers();
  console.log(' ', ['tls_aes_256_gcm_sha384', 'ecdhe-rsa-aes128-gcm-sha256', 'ecdhe-ecdsa-chacha20-poly1305'].map((c) => ciphers.includes(c)));
  for (const bad of [{ minVersion: 'TLSv1.9' }, { maxVersion: 'SSLv3' }, { minVersion: 5 }]) {
    try {
      tls.createSecureContext(bad);
    } catch (err) {
      console.log(`  ${err.name} ${err.code}: ${err.message}`);
    }
  }
  try {
    tls.createSecureContext({ key: read('client-key.pem'), cert: read('server.pem') });
  } catch (err) {
    console.log(`  mismatch: ${err.code} ${err.library} ${err.reason}`);
  }
  const context = tls.createSecureContext(rsa);
  console.log(' ', context instanceof tls.SecureContext, typeof context.context);
  const socket = new tls.TLSSocket();
  console.log(' ', socket instanceof require('net').Socket, socket.encrypted, socket.authorized, socket.getPeerCertificate(), socket.getProtocol());
  socket.destroy();
}

(async () => {
  api();
  identities();
  for (let round = 0; round < cases; round++) await echoRound(round);
  await verification();
  await clientCertificates();
  await alerts();
  await overDuplex();
  const server = await listen(rsa, (s) => s.end());
  await new Promise((resolve) => {
    const client = tls.connect({ port: server.address().port, host: '127.0.0.1', ca, servername: 'localhost' }, () => {
      console.log('peer certificate:', inspect(client.getPeerCertificate(true), { depth: 4 }));
      console.log('own certificate:', client.getCertificate());
    });
    client.resume();
    client.on('close', () => { server.close(); resolve(); });
  });
})();
