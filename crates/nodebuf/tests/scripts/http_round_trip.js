'use strict';
// http: what a server receives and sends on the wire (raw and lowercased headers with Node's
// duplicate rules, Date/Connection/Keep-Alive/Content-Length as Node writes them), a client
// request written in pieces (chunked), a chunked response, and the event order on both sides.
const http = require('http'); const net = require('net');
const server = http.createServer((req, res) => {
  console.log('S req', req.method, req.url, req.httpVersion, JSON.stringify(req.rawHeaders).replace(/:[0-9]+/g, ':PORT'), JSON.stringify(req.headers).replace(/:[0-9]+/g, ':PORT'));
  req.on('end', () => console.log('S req end'));
  req.on('close', () => console.log('S req close'));
  res.on('finish', () => console.log('S res finish'));
  res.on('close', () => console.log('S res close'));
  req.resume();
  if (req.url === '/chunked') { res.write('abc'); res.end('def'); }
  else { res.setHeader('X-A', ['1', '2']); res.end('hello'); }
});
server.listen(0, () => {
  const port = server.address().port;
  const raw = net.connect(port, () => raw.write('GET /x HTTP/1.1\r\nHost: a\r\nX-Y: 1\r\nx-y: 2\r\nCookie: a\r\ncookie: b\r\nContent-Type: q\r\ncontent-type: r\r\n\r\n'));
  raw.setEncoding('latin1'); let t = ''; raw.on('data', d => { t += d; if (t.includes('hello')) { console.log(JSON.stringify(t.replace(/Date: .*\r\n/, 'Date: X\r\n'))); raw.end(); next(); } });
  function next() {
    const raw2 = net.createServer((s) => { s.setEncoding('latin1'); let q=''; s.on('data', d => { q += d; if (q.endsWith('\r\n0\r\n\r\n') || q.includes('\r\n\r\n') && !q.includes('chunked')) { console.log(JSON.stringify(q.replace(/:\d+/, ':PORT'))); s.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'); } }); });
    raw2.listen(0, () => {
      const req = http.request({ port: raw2.address().port, method: 'POST', path: '/p' }, (res) => {
        console.log('C response', res.statusCode, res.statusMessage, JSON.stringify(res.rawHeaders));
        res.on('data', (d) => console.log('C data', d));
        res.on('end', () => console.log('C res end'));
        res.on('close', () => console.log('C res close'));
      });
      req.on('socket', () => console.log('C socket'));
      req.on('finish', () => console.log('C finish'));
      req.on('close', () => { console.log('C req close'); raw2.close(); third(); });
      req.write('abc'); req.end('de');
    });
  }
  function third() {
    http.get({ port, path: '/chunked' }, (res) => {
      console.log('C3', res.headers['transfer-encoding'], res.headers.connection, res.headers['keep-alive']);
      res.setEncoding('utf8'); let b=''; res.on('data', d => b+=d); res.on('end', () => { console.log('C3 body', b); server.close(() => console.log('closed')); });
    });
  }
});
