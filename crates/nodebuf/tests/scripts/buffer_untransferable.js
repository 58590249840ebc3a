// Pool ArrayBuffers are untransferable: posting a pooled Buffer with its buffer in the transfer
// list copies it. Also: a slab that is no longer the pool's current one, the slab of each kind
// of pooled Buffer (from string, allocUnsafe, from array, concat), Buffers of their own memory
// (moved, and detached), plain ArrayBuffers, and ones the script marks untransferable.
const { MessageChannel, markAsUntransferable } = require('worker_threads');
const a = Buffer.from('hello'); const big = Buffer.alloc(10000, 1);
const { port1, port2 } = new MessageChannel();
const expected = 10;
let received = 0;
port2.on('message', (m) => {
  console.log('got', m instanceof ArrayBuffer ? `ArrayBuffer(${m.byteLength})` : m);
  if (++received === expected) port2.close();
});
port1.postMessage({ x: a }, [a.buffer]);
console.log(a.length, a.toString());

function post(label, value, ab) {
  try {
    port1.postMessage(value, [ab]);
    console.log(label, 'posted; left behind:', ab.byteLength);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

// The first slab: many pooled Buffers later, it is no longer the pool's current one.
const first = Buffer.from('first slab');
for (let i = 0; i < 2000; i++) Buffer.allocUnsafe(64);
post('old slab', first.buffer, first.buffer);
console.log('old slab still readable:', first.toString());
post('allocUnsafe slab', Buffer.allocUnsafe(10).buffer, Buffer.allocUnsafe(10).buffer);
const fromArray = Buffer.from([1, 2, 3]);
post('from array slab', fromArray.buffer, fromArray.buffer);
const joined = Buffer.concat([Buffer.from('a'), Buffer.from('b')]);
post('concat slab', joined.buffer, joined.buffer);
// Their own memory: moved, the sender's view left detached.
const own = Buffer.allocUnsafeSlow(16).fill(7);
post('allocUnsafeSlow', own.buffer, own.buffer);
console.log('after move:', own.length, own.buffer.byteLength);
const large = Buffer.alloc(9000, 2);
post('large alloc', large.buffer, large.buffer);
const plain = new ArrayBuffer(8);
const overPlain = Buffer.from(plain);
post('plain ArrayBuffer', plain, plain);
console.log('view over it:', overPlain.length);
post('detached again', plain, plain);
const marked = new ArrayBuffer(4);
markAsUntransferable(marked);
post('marked', marked, marked);
console.log('marked kept:', marked.byteLength);
