// flags: --expose-internals
'use strict';
// internal/js_stream_socket: a net.Socket over a user Duplex (bytes both ways, Buffers out,
// setEncoding on the socket) and ERR_STREAM_WRAP for a Duplex that yields strings or objects.
const JSStreamSocket = require('internal/js_stream_socket');
const { Duplex } = require('stream');

const echo = new Duplex({
  read() {},
  write(chunk, encoding, cb) {
    this.push(Buffer.concat([Buffer.from('<'), chunk, Buffer.from('>')]));
    cb();
  },
  final(cb) {
    this.push(null);
    cb();
  },
});
const socket = new JSStreamSocket(echo);
const got = [];
socket.on('data', (d) => got.push(Buffer.isBuffer(d) ? d : Buffer.from(d)));
socket.on('end', () => console.log('end', Buffer.concat(got).toString(), socket instanceof require('net').Socket));
socket.write('abc');
socket.write(Buffer.from([0x64, 0x65]));
socket.end();

for (const options of [{ encoding: 'ascii' }, { objectMode: true }]) {
  const stream = new Duplex({ read() {}, write() {}, ...options });
  const wrap = new JSStreamSocket(stream);
  wrap.on('error', (err) => console.log(err.name, err.code, err.message));
  stream.push(options.objectMode ? { x: 1 } : 'ohai');
}
