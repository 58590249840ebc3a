'use strict';
// net: Node's errors (EADDRINUSE, ECONNREFUSED, bad ports), isIP, unref'd servers and sockets
// not keeping the process alive, setEncoding, allowHalfOpen and setTimeout.
const net = require('net');
const assert = require('assert');

function show(err) {
  // Ports are random: print the shape with the port replaced.
  const port = err.port;
  const props = Object.keys(err).map((k) => `${k}=${k === 'port' ? 'PORT' : err[k]}`).join(' ');
  console.log(err.name, err.message.replace(String(port), 'PORT'), props);
}

for (const ip of ['127.0.0.1', '1.2.3', '256.1.1.1', '01.2.3.4', '::1', '::', '1::2::3',
  'fe80::1%eth0', '::ffff:127.0.0.1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9', 'g::1', '', 'localhost', 12, '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4']) {
  console.log(JSON.stringify(ip), net.isIP(ip), net.isIPv4(ip), net.isIPv6(ip));
}

for (const port of [-1, 65536, 1.5, NaN, true]) {
  try {
    net.connect(port);
  } catch (err) {
    console.log(err.code, err.name, err.message);
  }
}

const steps = [];
function next() {
  const step = steps.shift();
  if (step) step();
}

steps.push(() => {
  const a = net.createServer();
  a.listen(0, '127.0.0.1', () => {
    const b = net.createServer();
    b.on('error', (err) => {
      show(err);
      a.close(next);
    });
    b.listen(a.address().port, '127.0.0.1');
  });
});

steps.push(() => {
  const a = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = a.address();
    a.close(() => {
      const order = [];
      const c = net.connect(port, '127.0.0.1');
      c.on('connect', () => order.push('connect'));
      c.on('error', (err) => { order.push('error'); show(err); });
      c.on('close', (hadError) => { order.push(`close ${hadError}`); console.log(order.join(',')); next(); });
    });
  });
});

steps.push(() => {
  const a = net.createServer();
  a.close((err) => { console.log('close not running:', err.code, err.message); next(); });
});

steps.push(() => {
  // setEncoding and allowHalfOpen: the server still writes after the client's FIN.
  const server = net.createServer({ allowHalfOpen: true }, (sock) => {
    let text = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => { text += d; });
    sock.on('end', () => {
      console.log('server got', JSON.stringify(text), typeof text);
      sock.end(`reply:${text.length}`);
    });
  });
  server.listen(0, () => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1' });
    c.setEncoding('hex');
    let reply = '';
    c.on('data', (d) => { reply += d; });
    c.on('end', () => console.log('client got', reply));
    c.on('close', () => server.close(next));
    c.end('héllo €');
  });
});

steps.push(() => {
  // setTimeout fires 'timeout' on an idle socket; the socket stays open until destroyed.
  const server = net.createServer((sock) => {
    sock.on('close', () => server.close(next));
  });
  server.listen(0, () => {
    const c = net.connect(server.address().port);
    c.setTimeout(30, () => {
      console.log('timeout', c.destroyed, c.timeout);
      c.destroy();
    });
  });
});

steps.push(() => {
  // An unref'd server does not keep the process alive; the 'exit' event comes.
  const server = net.createServer(() => {});
  server.listen(0, () => {
    console.log('listening', server.listening);
    server.unref();
  });
});

process.on('exit', (code) => console.log('exit', code));
next();
