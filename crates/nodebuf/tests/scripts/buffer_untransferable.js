// Pool ArrayBuffers are untransferable: posting a pooled Buffer with its buffer in the transfer list copies it.
const { MessageChannel } = require('worker_threads');
const a = Buffer.from('hello'); const big = Buffer.alloc(10000, 1);
const { port1, port2 } = new MessageChannel();
port2.on('message', (m) => { console.log('got', m); port2.close(); });
port1.postMessage({ x: a }, [a.buffer]);
console.log(a.length, a.toString());
