// child_process send(message, sendHandle): a server, a socket and a bare handle travel to a
// forked child and back.
const { fork } = require('child_process');
const net = require('net');
if (process.argv[2] === 'child') {
  let childServer;
  process.on('message', (msg, handle) => {
    if (msg.kind === 'server') {
      childServer = handle;
      console.log('child got server', handle instanceof net.Server, handle.listening);
      handle.on('connection', (socket) => {
        socket.end(`served by child\n`);
      });
      process.send({ kind: 'server-ready' });
    } else if (msg.kind === 'socket') {
      console.log('child got socket', handle instanceof net.Socket, msg.text);
      handle.end('child says hi\n');
      process.send({ kind: 'socket-done' });
    } else if (msg.kind === 'bye') {
      childServer.close(() => console.log('child server closed'));
      process.disconnect();
    }
  });
  return;
}
const child = fork(__filename, ['child']);
// The child's last message and the second client's data come in either order.
let pending = 2;
function finishOne() {
  if (--pending === 0) child.send({ kind: 'bye' });
}
const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  child.send({ kind: 'server' }, server, (err) => console.log('server sent', err));
  child.on('message', (msg) => {
    if (msg.kind !== 'socket-done') console.log('parent got', msg);
    if (msg.kind === 'server-ready') {
      server.close(() => console.log('parent server closed'));
      net.connect(port, '127.0.0.1').on('data', (d) => {
        process.stdout.write(`client read: ${d}`);
        // Now a socket accepted here, handed to the child.
        const other = net.createServer((socket) => {
          child.send({ kind: 'socket', text: 'take it' }, socket);
          other.close();
        }).listen(0, '127.0.0.1', () => {
          net.connect(other.address().port, '127.0.0.1').on('data', (d2) => {
            process.stdout.write(`second client read: ${d2}`);
            finishOne();
          });
        });
      });
    } else if (msg.kind === 'socket-done') {
      finishOne();
    }
  });
});
for (const bad of [1, 'str', {}, null]) {
  try {
    child.send('x', bad === null ? undefined : bad);
    console.log('sent with', bad);
  } catch (err) {
    console.log(err.name, err.code, err.message);
  }
}
child.on('exit', (code) => console.log('child exit', code));
