// flags: --expose-gc
// The classic Buffer leak, to run with the retention report:
//
//   nodebuf --expose-gc --trace-retention examples/retention_leak.js
//   node --expose-gc --require ./packages/nodebuf-trace-retention/trace-retention.js examples/retention_leak.js
//
// A service reads a 50 MiB message and keeps 100,000 ten-byte record ids from it as views
// (`slice` shares memory). The message itself is dropped, yet all 50 MiB stay alive because
// every view keeps its whole backing store. The report printed at exit (on stderr) names the
// store, the 100,000 views, the 0.95 MiB they cover and the line that made them.
'use strict';

const MiB = 1024 * 1024;
const ids = [];

function receive() {
  const message = Buffer.alloc(50 * MiB);
  for (let i = 0; i < 100000; i++) {
    ids.push(message.slice(i * 16, i * 16 + 10));
  }
}

receive();
// Collect in a later turn, as a running service would.
setTimeout(() => {
  gc();
  console.log(`${ids.length} ids kept, ${ids.reduce((n, id) => n + id.length, 0)} bytes of ids`);
}, 1);
process.on('exit', () => console.log(`exiting with ${ids.length} ids`));
