// flags: --expose-gc --no-concurrent-array-buffer-sweeping
'use strict';
// zlib streams nobody holds are freed by a collection, with the memory they hold (their output
// buffers are counted in `external`), as Node's weak zlib handles are; held ones stay.
const zlib = require('zlib');

const external = () => process.memoryUsage().external;
const makers = ['createGzip', 'createDeflate', 'createInflate', 'createUnzip', 'createBrotliCompress'];
const turn = () => new Promise((resolve) => setImmediate(resolve));

(async () => {
  for (const maker of makers) {
    gc();
    const before = external();
    // Held while counting: an automatic collection during the loop (when one runs depends on
    // the heap's size) must not free them before they are counted. Node releases a handle's
    // memory in a callback after the collection, hence a loop turn before each measure.
    let held = [];
    for (let i = 0; i < 20; i++) held.push(zlib[maker]());
    const created = external();
    held = null;
    await turn();
    gc();
    await turn();
    gc();
    const collected = external();
    console.log(maker, 'counted:', created - before >= 20 * 16384,
                'freed:', (collected - before) / (created - before) <= 0.05);
  }
  keptStreamWorks();
})();

// A stream still referenced keeps working after a collection.
function keptStreamWorks() {
  const kept = zlib.createGzip();
  gc();
  kept.end('hello');
  const chunks = [];
  kept.on('data', (c) => chunks.push(c));
  kept.on('end', () => console.log('kept:', zlib.gunzipSync(Buffer.concat(chunks)).toString()));
}
