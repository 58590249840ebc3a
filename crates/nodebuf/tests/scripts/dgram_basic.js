// dgram: two UDP sockets on 127.0.0.1 exchange seeded random binary payloads (Buffers, typed
// arrays, DataViews, strings, lists of them, offset/length slices), then a connected socket
// sends to its peer; the rinfo of each datagram is printed with its port replaced by the
// sender's name. Ends with connect/disconnect, address()/remoteAddress() and ref/unref.
'use strict';
const dgram = require('dgram');
const { seeded } = require('./_seeded');

const { int, pick } = seeded(20261207);

function randomBytes(len) {
  const out = Buffer.alloc(len);
  for (let i = 0; i < len; i++) out[i] = int(256);
  return out;
}

function randomString(len) {
  let s = '';
  for (let i = 0; i < len; i++) s += pick(['a', 'z', '0', 'é', '€', '😀', ' ', '\n']);
  return s;
}

// One case: the send() arguments and the bytes the receiver must get.
function makeCase() {
  const kind = pick(['buffer', 'string', 'uint8', 'uint16', 'dataview', 'list', 'slice', 'empty']);
  switch (kind) {
    case 'buffer': {
      const b = randomBytes(int(2000));
      return { kind, args: [b], expect: b };
    }
    case 'string': {
      const s = randomString(int(40));
      return { kind, args: [s], expect: Buffer.from(s) };
    }
    case 'uint8': {
      const b = randomBytes(1 + int(300));
      return { kind, args: [new Uint8Array(b)], expect: b };
    }
    case 'uint16': {
      const b = randomBytes(2 * (1 + int(100)));
      const view = new Uint16Array(b.buffer, b.byteOffset, b.length / 2);
      return { kind, args: [view], expect: b };
    }
    case 'dataview': {
      const b = randomBytes(1 + int(64));
      return { kind, args: [new DataView(b.buffer, b.byteOffset, b.length)], expect: b };
    }
    case 'list': {
      const parts = [];
      for (let i = int(4); i >= 0; i--) parts.push(int(2) === 0 ? randomBytes(int(50)) : randomString(int(10)));
      return { kind, args: [parts], expect: Buffer.concat(parts.map((p) => Buffer.from(p))) };
    }
    case 'slice': {
      const b = randomBytes(10 + int(200));
      const offset = int(10);
      const length = int(b.length - offset);
      return { kind, args: [b, offset, length], expect: b.subarray(offset, offset + length), sliced: true };
    }
    default:
      return { kind, args: [Buffer.alloc(0)], expect: Buffer.alloc(0) };
  }
}

const cases = [];
for (let i = 0; i < 40; i++) cases.push(makeCase());

const a = dgram.createSocket('udp4');
const b = dgram.createSocket({ type: 'udp4' });
const names = new Map();

function sender(rinfo) {
  return names.get(rinfo.port) || 'unknown';
}

function run() {
  let received = 0;
  let callbacks = 0;
  const sent = [];
  b.on('message', (msg, rinfo) => {
    const c = cases[received];
    const same = Buffer.isBuffer(msg) && msg.equals(c.expect);
    console.log(`#${received} ${c.kind} len=${msg.length} same=${same}`,
      JSON.stringify({ ...rinfo, port: sender(rinfo) }));
    received++;
    if (received === cases.length) {
      sent.sort((x, y) => x - y);
      console.log('callbacks', callbacks, 'bytes', sent.reduce((s, x) => s + x, 0),
        'expected', cases.reduce((s, c) => s + c.expect.length, 0));
      b.removeAllListeners('message');
      connected();
    }
  });
  const port = b.address().port;
  for (const c of cases) {
    const args = c.sliced ? [...c.args, port, '127.0.0.1'] : [...c.args, port, '127.0.0.1'];
    a.send(...args, (err, bytes) => {
      if (err) throw err;
      callbacks++;
      sent.push(bytes);
    });
  }
}

function connected() {
  a.connect(b.address().port, '127.0.0.1', () => {
    console.log('connected', JSON.stringify({ ...a.remoteAddress(), port: sender(a.remoteAddress()) }));
    b.once('message', (msg, rinfo) => {
      console.log('connected message', msg.toString(), sender(rinfo));
      try {
        a.send('x', b.address().port, '127.0.0.1');
      } catch (e) {
        console.log(e.name, e.code, e.message);
      }
      try {
        a.connect(b.address().port);
      } catch (e) {
        console.log(e.name, e.code, e.message);
      }
      a.disconnect();
      try {
        a.remoteAddress();
      } catch (e) {
        console.log(e.name, e.code, e.message);
      }
      try {
        a.disconnect();
      } catch (e) {
        console.log(e.name, e.code, e.message);
      }
      finish();
    });
    a.send(Buffer.from('hello over a connected socket'), 6, 4, (err, bytes) => {
      console.log('connected send', err, bytes);
    });
  });
}

function finish() {
  let closed = 0;
  const onClose = (name) => () => {
    console.log('close', name);
    if (++closed === 2) console.log('done');
  };
  a.close(onClose('a'));
  b.on('close', onClose('b'));
  b.close();
  try {
    b.send('late', 1, '127.0.0.1');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

let listening = 0;
const onListening = (name, socket) => () => {
  const addr = socket.address();
  names.set(addr.port, name);
  console.log('listening', name, addr.address, addr.family, typeof addr.port);
  if (++listening === 2) run();
};
a.on('listening', onListening('a', a));
a.bind(0, '127.0.0.1');
b.bind({ address: '127.0.0.1' }, onListening('b', b));
console.log('type', a.type, b.type);

// An unref'd bound socket does not keep the process alive; ref() makes it count again.
const idle = dgram.createSocket('udp4');
idle.bind(0, '127.0.0.1', () => {
  idle.unref();
  console.log('unref returns the socket', idle.unref() === idle, idle.ref() === idle);
  idle.unref();
});
