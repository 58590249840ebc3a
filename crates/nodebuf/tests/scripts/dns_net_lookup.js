// net.connect and dgram name lookups go through dns.lookup or the caller's `lookup` option:
// the options each lookup is called with, the 'lookup' events, and the errors of a failing or
// nonsensical custom lookup (ENOTFOUND-style, ERR_INVALID_IP_ADDRESS, ERR_INVALID_ADDRESS_FAMILY).
'use strict';

const net = require('net');
const dgram = require('dgram');
const dns = require('dns');

const server = net.createServer((socket) => {
  socket.on('error', () => {});
  socket.end();
});

function attempt(label, options) {
  return new Promise((resolve) => {
    const calls = [];
    const lookup = options.lookup;
    if (typeof lookup === 'function') {
      options.lookup = (host, opts, cb) => {
        calls.push([host, opts]);
        lookup(host, opts, cb);
      };
    }
    const socket = net.connect(options);
    socket.on('lookup', (err, address, family, host) => {
      console.log(label, 'lookup event', err ? err.code : null, address, family, host);
    });
    socket.on('connect', () => {
      console.log(label, 'connected', socket.remoteAddress, socket.remoteFamily);
      socket.destroy();
      console.log(label, 'lookup calls', JSON.stringify(calls));
      resolve();
    });
    socket.on('error', (err) => {
      const message = err.message.replace(`:${options.port}`, ':PORT');
      console.log(label, 'error', err.name, err.code, message, err.syscall, err.hostname);
      console.log(label, 'lookup calls', JSON.stringify(calls));
      resolve();
    });
  });
}

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  await attempt('default', { port, host: 'localhost', family: 4 });
  await attempt('custom all', {
    port, host: 'my.host',
    lookup: (host, opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]),
  });
  await attempt('custom single', {
    port, host: 'my.host', family: 4,
    lookup: (host, opts, cb) => cb(null, '127.0.0.1', 4),
  });
  await attempt('custom error', {
    port, host: 'my.host',
    lookup: (host, opts, cb) => {
      const err = new Error(`getaddrinfo ENOTFOUND ${host}`);
      err.code = 'ENOTFOUND';
      err.syscall = 'getaddrinfo';
      err.hostname = host;
      cb(err);
    },
  });
  await attempt('bad ip', { port, host: 'my.host', family: 4, lookup: (host, opts, cb) => cb(null, 'not-an-ip', 4) });
  await attempt('bad family', { port, host: 'my.host', family: 4, lookup: (host, opts, cb) => cb(null, '127.0.0.1', 5) });
  await attempt('invalid name', { port, host: 'nothing.invalid' });
  try {
    net.connect({ port, host: 'x', lookup: 'nope' });
  } catch (e) {
    console.log('lookup option', e.code, e.message);
  }
  // dgram's default lookup is dns.lookup, read when the socket is made.
  const original = dns.lookup;
  dns.lookup = (host, family, cb) => {
    console.log('dns.lookup from dgram', host, family);
    original(host, family, cb);
  };
  const udp = dgram.createSocket('udp4');
  dns.lookup = original;
  udp.bind(0, 'localhost', () => {
    console.log('dgram bound', udp.address().address);
    udp.close();
    server.close();
  });
});
