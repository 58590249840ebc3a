// A MessageChannel between two workers: each gets one port through workerData's transferList
// and they talk directly, without the main thread relaying.
const { Worker, MessageChannel, receiveMessageOnPort } = require('worker_threads');
const path = require('path');

function betweenWorkers() {
  const { port1, port2 } = new MessageChannel();
  const file = path.join(__dirname, 'worker_files', 'peer.js');
  const results = {};
  let exits = 0;
  for (const [role, port] of [['pong', port2], ['ping', port1]]) {
    const w = new Worker(file, { workerData: { role, port }, transferList: [port] });
    w.on('message', (m) => { results[m.role] = m.seen; });
    w.on('exit', (code) => {
      // The two workers' results reach this thread in either order (threads race): print
      // them in a fixed one.
      if (++exits === 2) console.log({ ping: results.ping, pong: results.pong }, code);
    });
  }
}

// Within one thread: ordering, receiveMessageOnPort, start(), onmessage, close.
const ch = new MessageChannel();
for (let i = 0; i < 5; i++) ch.port1.postMessage({ i });
console.log(receiveMessageOnPort(ch.port2), receiveMessageOnPort(ch.port2));
ch.port2.onmessage = (event) => {
  console.log('onmessage', event.data, event.type);
  if (event.data.i === 4) ch.port2.close();
};
ch.port2.on('close', () => {
  console.log('port2 close');
  betweenWorkers();
});
console.log(receiveMessageOnPort(new MessageChannel().port1));
try { receiveMessageOnPort({}); } catch (e) { console.log(e.code); }
