'use strict';
const net = require('net');
const events = [];
const server = net.createServer((sock) => {
  events.push('server:connection ' + typeof sock.remotePort + ' ' + sock.remoteFamily);
  sock.on('data', (d) => { events.push('server:data ' + d.length); sock.write(d); });
  sock.on('end', () => { events.push('server:end'); sock.end(); });
  sock.on('close', (h) => { events.push('server:close ' + h); });
});
server.on('listening', () => events.push('listening'));
server.listen(0, () => {
  const addr = server.address();
  console.log(addr.address, addr.family, typeof addr.port);
  const c = net.connect(addr.port, '127.0.0.1', () => {
    console.log('connect', c.remoteAddress, c.remotePort === addr.port, c.localAddress);
    c.write(Buffer.from([1, 2, 3, 255]));
    c.end('hello');
  });
  c.on('ready', () => console.log('ready'));
  const got = [];
  c.on('data', (d) => got.push(d));
  c.on('end', () => console.log('end', Buffer.concat(got), c.bytesRead, c.bytesWritten));
  c.on('close', (h) => {
    console.log('close', h);
    server.close(() => { console.log('server closed'); console.log(events.join('\n')); });
  });
});
