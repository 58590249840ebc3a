'use strict';
// http.Server's headersTimeout and requestTimeout, enforced as Node 20 does: every
// connectionsCheckingInterval ms, a connection in the middle of a message (or connected and
// silent) past headersTimeout without a complete head, or past requestTimeout without a
// complete message, gets a 408 response and is closed (or goes to 'clientError' with
// ERR_HTTP_REQUEST_TIMEOUT); an idle keep-alive connection between messages is left alone.
// Also the options' defaults and validation.
const http = require('http');
const net = require('net');

for (const o of [{ requestTimeout: 1000 }, {}, { headersTimeout: 5, requestTimeout: 3 }, { requestTimeout: -1 },
  { headersTimeout: 'x' }, { connectionsCheckingInterval: 1.5 }, { requestTimeout: 0, headersTimeout: 99 },
  { headersTimeout: 0 }]) {
  try {
    const s = http.createServer(o);
    console.log(s.headersTimeout, s.requestTimeout, s.connectionsCheckingInterval,
      Object.keys(s).filter((k) => /Timeout|Interval/.test(k)));
  } catch (e) {
    console.log(e.code, e.message);
  }
}

const HEADERS_TIMEOUT = 300;
const REQUEST_TIMEOUT = 600;

function run(withClientError, done) {
  const server = http.createServer({
    headersTimeout: HEADERS_TIMEOUT,
    requestTimeout: REQUEST_TIMEOUT,
    connectionsCheckingInterval: 50,
  }, (req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => res.end(`got ${body.length}`));
    req.on('error', (e) => console.log('  request error', e.code, e.message));
  });
  if (withClientError) {
    server.on('clientError', (e, socket) => {
      console.log('  clientError', e.code, e.message);
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    });
  }
  // Each probe: writes at given delays, then reports what came back and whether the server
  // waited at least `atLeast` ms before closing.
  function probe(name, writes, atLeast, next) {
    const started = Date.now();
    const sock = net.connect(server.address().port, '127.0.0.1');
    let data = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => { data += d; });
    sock.on('close', () => {
      const waited = Date.now() - started >= atLeast;
      console.log(' ', name, JSON.stringify(data.replace(/Date: .*\r\n/g, '')), waited);
      next();
    });
    for (const [delay, text] of writes) setTimeout(() => sock.write(text), delay);
  }
  const keepAlive = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
  const cases = [
    ['nothing', [], HEADERS_TIMEOUT],
    ['partial headers', [[10, 'GET / HTTP/1.1\r\nHost: x\r\n']], HEADERS_TIMEOUT],
    ['headers in pieces', [[10, 'GET / HTTP/1.1\r\n'], [100, 'Host: x\r\n'], [200, 'X: y\r\n']], HEADERS_TIMEOUT],
    ['slow body', [[10, 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc'], [200, 'def']], REQUEST_TIMEOUT],
    ['complete', [[10, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']], 0],
    // Idle longer than requestTimeout between two requests on one connection: both answered.
    ['idle keep-alive', [[10, keepAlive], [REQUEST_TIMEOUT + 300, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']], 0],
  ];
  let i = 0;
  const next = () => {
    if (i === cases.length) {
      server.close(done);
      return;
    }
    const [name, writes, atLeast] = cases[i++];
    probe(name, writes, atLeast, next);
  };
  server.listen(0, '127.0.0.1', next);
}

console.log('without a clientError listener');
run(false, () => {
  console.log('with a clientError listener');
  run(true, () => console.log('done'));
});
