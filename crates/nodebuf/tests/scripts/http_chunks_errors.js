'use strict';
// http: seeded random split points for raw requests (chunked and Content-Length bodies of
// random binary bytes), keep-alive reuse through an Agent, HEAD and 204 responses, Node's
// errors (invalid headers, headers already sent, ECONNREFUSED, a 400 for garbage, a client
// parse error) and the exported tables.
const http = require('http');
const net = require('net');
const crypto = require('crypto');

let seed = 12345;
function rand(n) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}

console.log(http.METHODS.length, http.METHODS.slice(0, 5), http.STATUS_CODES[418], http.STATUS_CODES[511]);
for (const [name, value] of [['x', 'ok'], ['bad name', 'v'], ['x', undefined], ['x', 'a\nb'], ['', 'v']]) {
  try {
    http.validateHeaderName(name);
    http.validateHeaderValue(name, value);
    console.log('valid', name);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}

const server = http.createServer((req, res) => {
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => {
    const body = Buffer.concat(parts);
    const digest = crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
    if (req.url === '/204') {
      res.writeHead(204, { 'X-Empty': 'yes' });
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('X-Multi', ['a', 'b']);
    res.writeHead(200, 'Fine', { 'X-Len': String(body.length) });
    try {
      res.setHeader('X-Late', '1');
    } catch (err) {
      if (req.url === '/late') console.log(err.code, err.message);
    }
    res.write(body.subarray(0, body.length >> 1));
    res.end(body.subarray(body.length >> 1));
    if (req.url === '/late') console.log('server saw', req.method, req.headers['transfer-encoding'], req.headers['content-length'], body.length, digest);
  });
});

function rawRequest(port, bytes, done) {
  const c = net.connect(port, '127.0.0.1');
  let at = 0;
  const sendSome = () => {
    if (at >= bytes.length) return;
    const piece = bytes.subarray(at, at + 1 + rand(40));
    at += piece.length;
    c.write(piece);
    setImmediate(sendSome);
  };
  sendSome();
  const got = [];
  c.on('data', (d) => got.push(d));
  c.on('end', () => done(Buffer.concat(got)));
  c.on('error', (e) => console.log('raw error', e.code));
}

function chunkedBody(body) {
  const pieces = [];
  let at = 0;
  while (at < body.length) {
    const size = 1 + rand(300);
    const piece = body.subarray(at, at + size);
    at += piece.length;
    pieces.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from('0\r\nX-Trailer: t\r\n\r\n'));
  return Buffer.concat(pieces);
}

const steps = [];
const next = () => { const s = steps.shift(); if (s) s(); };

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  for (let round = 0; round < 4; round++) {
    steps.push(() => {
      const body = crypto.randomBytes(0);
      const size = [0, 1, 700, 5000][round];
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = rand(256);
      const chunked = round % 2 === 0;
      const head = Buffer.from(`POST /late HTTP/1.1\r\nHost: h\r\nConnection: close\r\n${chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`}\r\n\r\n`);
      rawRequest(port, Buffer.concat([head, chunked ? chunkedBody(bytes) : bytes, body]), (reply) => {
        const text = reply.toString('latin1');
        const headEnd = text.indexOf('\r\n\r\n');
        console.log(JSON.stringify(text.slice(0, headEnd).replace(/Date: [^\r]*/, 'Date: X')));
        next();
      });
    });
  }
  steps.push(() => {
    rawRequest(port, Buffer.from('hello there\r\n\r\n'), (reply) => {
      console.log('garbage ->', JSON.stringify(reply.toString()));
      next();
    });
  });
  steps.push(() => {
    const agent = new http.Agent({ keepAlive: true });
    const seen = [];
    const one = (i) => {
      const req = http.request({ port, host: '127.0.0.1', method: i === 1 ? 'HEAD' : 'PUT', path: i === 2 ? '/204' : '/x', agent }, (res) => {
        const parts = [];
        res.on('data', (d) => parts.push(d));
        res.on('end', () => {
          seen.push(`${i} ${res.statusCode} ${res.statusMessage} ${req.reusedSocket} ${Buffer.concat(parts).length} ${res.headers['x-multi']} ${res.headers['x-empty']}`);
          if (i < 3) setTimeout(() => one(i + 1), 20);
          else {
            console.log(seen.join('\n'));
            agent.destroy();
            next();
          }
        });
      });
      if (i === 1) req.end();
      else req.end(Buffer.from([1, 2, 3, i]));
    };
    one(0);
  });
  steps.push(() => {
    const bad = net.createServer((s) => s.end('NOT HTTP AT ALL\r\n\r\n'));
    bad.listen(0, '127.0.0.1', () => {
      http.get({ port: bad.address().port, host: '127.0.0.1' }).on('error', (err) => {
        console.log('client parse error', err.code, err.message);
        bad.close();
        next();
      });
    });
  });
  steps.push(() => {
    const gone = net.createServer().listen(0, '127.0.0.1', () => {
      const gonePort = gone.address().port;
      gone.close(() => {
        http.get(`http://127.0.0.1:${gonePort}/`).on('error', (err) => {
          console.log(err.code, err.syscall, err.address, err.port === gonePort);
          server.close(() => console.log('server closed'));
        });
      });
    });
  });
  next();
});
