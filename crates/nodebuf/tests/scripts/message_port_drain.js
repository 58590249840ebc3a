// How a MessagePort delivers what waits on it, as Node's does: all in one go up to the larger
// of what was waiting when the delivery began and 1000 (the rest after the loop's check
// phase); a close() by a listener does not stop the delivery under way (even messages posted
// after it arrive), a close() before it begins leaves everything; what the closed side posts
// is dropped.
'use strict';
const { MessageChannel } = require('worker_threads');

const steps = [];
function next() {
  const step = steps.shift();
  if (step) step();
}

// A close by a listener mid-delivery.
steps.push(() => {
  const { port1, port2 } = new MessageChannel();
  port2.on('message', (m) => {
    console.log('A got', m);
    if (m === 1) {
      port2.close();
      port1.postMessage(5);
      port2.postMessage('from the closed side');
    }
  });
  port1.on('message', (m) => console.log('A port1 got', m));
  port2.on('close', () => console.log('A port2 close'));
  port1.on('close', () => { console.log('A port1 close'); next(); });
  port1.postMessage(1); port1.postMessage(2); port1.postMessage(3);
});

// A close before the delivery begins.
steps.push(() => {
  const { port1, port2 } = new MessageChannel();
  port2.on('message', (m) => console.log('B got', m));
  port2.on('close', () => { console.log('B port2 close'); next(); });
  port1.postMessage(1); port1.postMessage(2);
  port2.close();
  port1.postMessage(3);
});

// A listener that keeps feeding its own port: 1000 a turn, an immediate between turns.
steps.push(() => {
  const { port1, port2 } = new MessageChannel();
  let count = 0;
  port2.on('message', (k) => {
    count++;
    if (k < 2500) port1.postMessage(k + 1);
    else port2.close();
  });
  setImmediate(() => console.log('C immediate at', count));
  port1.postMessage(0);
  port2.on('close', () => { console.log('C closed at', count); next(); });
});

// 1500 waiting when the delivery begins: all of them before the immediate.
steps.push(() => {
  const { port1, port2 } = new MessageChannel();
  let count = 0;
  for (let i = 0; i < 1500; i++) port1.postMessage(i);
  port2.on('message', () => {
    count++;
    if (count === 1500) setImmediate(() => { port2.close(); next(); });
  });
  setImmediate(() => console.log('D immediate at', count));
});

next();
