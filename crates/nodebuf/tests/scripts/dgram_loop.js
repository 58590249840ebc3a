// dgram and the event loop: a burst of datagrams each delivered as its own callback (ticks
// queued by one run before the next) in the async context the receiving socket was made in;
// an unref'd bound socket does not keep the process alive; a udp6 socket on ::1; the socket's
// Symbol.asyncDispose closes it; 'close' listeners run once.
'use strict';
const dgram = require('dgram');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();
const receiver = als.run('receiver-context', () => dgram.createSocket('udp4'));
const sender = dgram.createSocket('udp4');
const COUNT = 100;
let got = 0;
let ticks = 0;
const stores = new Set();
const order = [];
receiver.on('message', (msg) => {
  order.push(msg[0]);
  got++;
  stores.add(als.getStore());
  process.nextTick(() => ticks++);
  if (got === COUNT) {
    const inOrder = order.every((v, i) => v === i % 256);
    console.log('got', got, 'in order', inOrder, 'stores', [...stores], 'ticks before last', ticks);
    receiver.close(() => console.log('receiver closed'));
    sender.close();
  }
});
receiver.bind(0, '127.0.0.1', () => {
  let callbacks = 0;
  for (let i = 0; i < COUNT; i++) {
    sender.send(Buffer.alloc(64, i), receiver.address().port, '127.0.0.1', (err, bytes) => {
      if (err) throw err;
      if (++callbacks === COUNT) console.log('all send callbacks', bytes);
    });
  }
  console.log('queued before bind', sender.getSendQueueCount(), sender.getSendQueueSize());
});

const idle = dgram.createSocket('udp4');
idle.bind(0, () => {
  idle.unref();
  console.log('idle socket unref\'d');
});

(async () => {
  const six = dgram.createSocket('udp6');
  await new Promise((resolve) => six.bind(0, '::1', resolve));
  const { address, family } = six.address();
  console.log('udp6', address, family);
  const listed = () => process._getActiveHandles().includes(six);
  const named = process.getActiveResourcesInfo().includes('UDPWrap');
  six.unref();
  const listedUnref = listed();
  six.ref();
  console.log('active handle', listed(), named, 'after unref', listedUnref);
  six.on('close', () => console.log('udp6 close event'));
  await six[Symbol.asyncDispose]();
  console.log('udp6 disposed');
  await six[Symbol.asyncDispose]();
  console.log('second dispose is a no-op');
})();
