// dgram: the errors of bad arguments and wrong states (type, lookup, signal, buffer sizes,
// ports, buffers, addresses, option setters on unbound/closed sockets), system errors as Node
// words them (EADDRINUSE, EINVAL, ENOTFOUND, EBADF), bind/close ordering, the send queue of an
// implicit bind, abort signals and the socket buffer size options.
'use strict';
const dgram = require('dgram');

function show(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : typeof r === 'object' ? r.constructor.name : r);
  } catch (e) {
    const extra = Object.keys(e).filter((k) => k !== 'code').map((k) => `${k}=${JSON.stringify(e[k])}`).join(' ');
    console.log(label, `${e.name} [${e.code}] ${e.message}`, extra);
  }
}

function errLine(e) {
  const props = Object.keys(e).map((k) => `${k}=${JSON.stringify(e[k])}`).join(' ');
  return `${e.name}: ${e.message} ${props}`;
}

// createSocket's arguments.
for (const type of ['udp5', '', undefined, null, 4, {}, { type: 'tcp' }]) {
  show(`createSocket(${JSON.stringify(type)})`, () => dgram.createSocket(type));
}
show('lookup number', () => dgram.createSocket({ type: 'udp4', lookup: 1 }));
show('signal number', () => dgram.createSocket({ type: 'udp4', signal: 1 }));
show('signal object', () => dgram.createSocket({ type: 'udp4', signal: {} }));
for (const size of [-1, 1.5, '10', Infinity]) {
  show(`recvBufferSize ${size}`, () => dgram.createSocket({ type: 'udp4', recvBufferSize: size }));
  show(`sendBufferSize ${size}`, () => dgram.createSocket({ type: 'udp6', sendBufferSize: size }));
}
show('listener', () => dgram.createSocket('udp4', () => {}).listenerCount('message'));

// An unbound socket: the options reach a socket that does not exist yet.
const unbound = dgram.createSocket('udp4');
show('setTTL 1', () => unbound.setTTL(1));
show('setTTL 0', () => unbound.setTTL(0));
show('setTTL 256', () => unbound.setTTL(256));
show('setTTL string', () => unbound.setTTL('1'));
show('setMulticastTTL -1', () => unbound.setMulticastTTL(-1));
show('setMulticastTTL 1', () => unbound.setMulticastTTL(1));
show('setMulticastTTL {}', () => unbound.setMulticastTTL({}));
show('setBroadcast', () => unbound.setBroadcast(true));
show('setMulticastLoopback', () => unbound.setMulticastLoopback(false));
show('setMulticastInterface 1', () => unbound.setMulticastInterface(1));
show('setMulticastInterface', () => unbound.setMulticastInterface('127.0.0.1'));
show('addMembership none', () => unbound.addMembership());
show('addMembership bad', () => unbound.addMembership('not an address'));
show('addSourceSpecificMembership 1', () => unbound.addSourceSpecificMembership(1, '232.1.1.1'));
show('addSourceSpecificMembership 2', () => unbound.addSourceSpecificMembership('10.0.0.1', 2));
show('dropSourceSpecificMembership', () => unbound.dropSourceSpecificMembership('10.0.0.1', 'x'));
show('address', () => unbound.address());
show('remoteAddress', () => unbound.remoteAddress());
show('disconnect', () => unbound.disconnect());
show('getSendQueueSize', () => unbound.getSendQueueSize());
show('getSendQueueCount', () => unbound.getSendQueueCount());
show('getRecvBufferSize', () => unbound.getRecvBufferSize());
show('setSendBufferSize', () => unbound.setSendBufferSize(8192));
show('setRecvBufferSize -1', () => unbound.setRecvBufferSize(-1));
show('setRecvBufferSize str', () => unbound.setRecvBufferSize('1'));
for (const port of [0, -1, 65536, 'x', '', null, undefined, 1.5, NaN, true]) {
  show(`connect(${JSON.stringify(port)})`, () => unbound.connect(port));
}
show('connect bad address', () => unbound.connect(1234, 5));
for (const args of [[5, 1234], [{}, 1234], [[1, 'a'], 1234], ['x'], ['x', 0], ['x', 70000],
  ['x', 1, 2], ['abc', 10, 1, 1234, '127.0.0.1'], ['abc', 1, 10, 1234, '127.0.0.1'],
  [null, 1234], ['x', '1234', 5]]) {
  show(`send(${JSON.stringify(args)})`, () => unbound.send(...args));
}
show('sendto bad offset', () => unbound.sendto('x', 'a', 1, 1234, '127.0.0.1'));
show('sendto bad address', () => unbound.sendto('x', 0, 1, 1234, 5));
unbound.close();

// A closed socket.
const closed = dgram.createSocket('udp4');
closed.close();
show('close twice', () => closed.close());
show('bind closed', () => closed.bind());
show('send closed', () => closed.send('x', 1234, '127.0.0.1'));
show('address closed', () => closed.address());
show('setMulticastInterface closed', () => closed.setMulticastInterface('127.0.0.1'));
show('ref closed', () => closed.ref() === closed);

const steps = [];
function next() {
  const step = steps.shift();
  if (step) step();
}

// Already bound; EADDRINUSE as Node words it; an address of the wrong family; a name that
// does not resolve; a custom lookup.
steps.push(() => {
  const first = dgram.createSocket('udp4');
  first.bind(0, '127.0.0.1', () => {
    show('bind twice', () => first.bind());
    const port = first.address().port;
    const second = dgram.createSocket('udp4');
    second.on('error', (e) => {
      console.log('second error', errLine(e).replace(String(port), 'PORT').replace(String(port), 'PORT'));
      first.close();
      second.close(next);
    });
    second.bind(port, '127.0.0.1', () => console.log('second bound?'));
  });
});
steps.push(() => {
  const s = dgram.createSocket('udp4');
  s.on('error', (e) => {
    console.log('udp4 on ::1', errLine(e));
    s.close(next);
  });
  s.bind(0, '::1');
});
steps.push(() => {
  const s = dgram.createSocket('udp4');
  s.on('error', (e) => {
    console.log('lookup fails', errLine(e));
    s.close(next);
  });
  s.bind(0, 'no-such-host.invalid');
});
steps.push(() => {
  const calls = [];
  const s = dgram.createSocket({
    type: 'udp4',
    lookup(address, family, cb) {
      calls.push(`${address}/${family}`);
      process.nextTick(cb, null, '127.0.0.1', 4);
    },
  });
  s.bind(0, 'anything', () => {
    console.log('custom lookup', calls.join(' '), s.address().address);
    s.send('via lookup', s.address().port, 'somewhere', (err, bytes) => {
      console.log('send via lookup', err, bytes, calls.join(' '));
    });
    s.once('message', (msg) => {
      console.log('got', msg.toString());
      s.close(next);
    });
  });
});
steps.push(() => {
  const s = dgram.createSocket({
    type: 'udp4',
    lookup(address, family, cb) {
      if (address === 'somewhere') cb(new Error(`no ${address}`));
      else process.nextTick(cb, null, address, family);
    },
  });
  s.send('x', 1234, 'somewhere', (err) => {
    console.log('lookup error', err.message);
    s.close(next);
  });
});
// A send before bind binds implicitly, queueing until listening; a close during the bind
// waits for it.
steps.push(() => {
  const s = dgram.createSocket('udp4');
  const order = [];
  s.on('listening', () => order.push('listening'));
  s.send('to self?', 9, '127.0.0.1', (err, bytes) => {
    order.push(`sent ${err} ${bytes}`);
  });
  console.log('queued', s.getSendQueueCount(), s.getSendQueueSize());
  s.close(() => {
    order.push('close');
    console.log('implicit bind order', order.join(', '));
    next();
  });
});
// The signal option closes the socket; an aborted one closes it at once.
steps.push(() => {
  const controller = new AbortController();
  const s = dgram.createSocket({ type: 'udp4', signal: controller.signal });
  s.on('close', () => {
    console.log('aborted socket closed');
    const pre = AbortSignal.abort();
    const t = dgram.createSocket({ type: 'udp4', signal: pre });
    show('address of pre-aborted', () => t.address());
    t.on('close', () => {
      console.log('pre-aborted closed');
      next();
    });
  });
  s.bind(0, '127.0.0.1', () => controller.abort());
});
// Buffer sizes: options applied at bind, set/get after, errors with their system context.
steps.push(() => {
  const s = dgram.createSocket({ type: 'udp4', recvBufferSize: 16384, sendBufferSize: 16384 });
  s.bind(0, '127.0.0.1', () => {
    console.log('sizes', s.getRecvBufferSize(), s.getSendBufferSize());
    s.setRecvBufferSize(10000);
    console.log('recv size', s.getRecvBufferSize());
    show('setSendBufferSize 2**31', () => s.setSendBufferSize(2 ** 31));
    try {
      s.setRecvBufferSize(2 ** 31);
    } catch (e) {
      console.log(e.name, e.code, e.message, JSON.stringify(e.info), e.errno, e.syscall);
    }
    show('setTTL 64', () => s.setTTL(64));
    show('setTTL 1.9', () => s.setTTL(1.9));
    show('setMulticastTTL 0', () => s.setMulticastTTL(0));
    show('setMulticastLoopback', () => s.setMulticastLoopback(1));
    show('setBroadcast', () => s.setBroadcast(true));
    show('setMulticastInterface ::1', () => s.setMulticastInterface('::1'));
    show('setMulticastInterface bad', () => s.setMulticastInterface('x'));
    show('addMembership 224.0.0.114', () => s.addMembership('224.0.0.114'));
    show('dropMembership 224.0.0.114', () => s.dropMembership('224.0.0.114'));
    show('dropMembership again', () => s.dropMembership('224.0.0.114'));
    show('addMembership bad iface', () => s.addMembership('224.0.0.114', 'x'));
    show('addMembership unicast', () => s.addMembership('127.0.0.1'));
    s.close(next);
  });
});
// A send error reaches the callback; a connect to a bad address errors on the callback.
steps.push(() => {
  const s = dgram.createSocket('udp4');
  s.send(Buffer.alloc(70000), 1234, '127.0.0.1', (err) => {
    console.log('too big', errLine(err));
    s.connect(1234, '::1', (err2) => {
      console.log('connect ::1', errLine(err2));
      s.close(next);
    });
  });
});
next();
