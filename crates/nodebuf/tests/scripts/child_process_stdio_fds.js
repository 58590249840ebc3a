// child_process stdio entries past 2 and entries that are sockets: an extra 'pipe' (a Unix
// socket pair: child.stdio[4] in the parent, net.Socket({ fd: 4 }) in the child), and an
// accepted TCP connection given as a child's stdout. Also a stdio entry that is no stream.
'use strict';
const { fork, spawn } = require('child_process');
const net = require('net');

if (process.argv[2] === 'echo') {
  const pipe = new net.Socket({ fd: 4 });
  pipe.on('data', (data) => pipe.end(`echo: ${data}`));
  return;
}

const child = fork(__filename, ['echo'], { stdio: [0, 1, 2, 'ipc', 'pipe'] });
const extra = child.stdio[4];
console.log('extra is a socket', extra instanceof net.Socket, child.stdio.length, child.stdio[3]);
extra.setEncoding('utf8');
let echoed = '';
extra.on('data', (d) => { echoed += d; });
extra.on('end', () => {
  console.log(echoed);
  child.disconnect();
});
extra.write('ping');
child.on('exit', (code) => {
  console.log('echo child exited', code);
  socketAsStdout();
});

function socketAsStdout() {
  const server = net.createServer((conn) => {
    spawn(process.execPath, ['-e', 'console.log("written to a socket")'], {
      stdio: ['ignore', conn, 'inherit'],
    }).on('close', (code) => {
      console.log('writer closed', code);
      conn.end();
      server.close();
    });
  }).listen(0, '127.0.0.1', () => {
    let got = '';
    net.connect(server.address().port, '127.0.0.1')
      .on('data', (d) => { got += d; })
      .on('end', () => console.log('client read', JSON.stringify(got)));
  });
}

try {
  spawn(process.execPath, ['-v'], { stdio: ['pipe', {}, 'pipe'] });
} catch (err) {
  console.log(err.name, err.code, err.message);
}
