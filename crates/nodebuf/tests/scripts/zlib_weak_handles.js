// flags: --expose-gc --no-concurrent-array-buffer-sweeping
'use strict';
// zlib streams nobody holds are freed by a collection, with the memory they hold (their output
// buffers are counted in `external`), as Node's weak zlib handles are; held ones stay.
const zlib = require('zlib');

const external = () => process.memoryUsage().external;
const makers = ['createGzip', 'createDeflate', 'createInflate', 'createUnzip', 'createBrotliCompress'];
for (const maker of makers) {
  gc();
  const before = external();
  for (let i = 0; i < 20; i++) zlib[maker]();
  const created = external();
  gc();
  const collected = external();
  console.log(maker, 'counted:', created - before >= 20 * 16384,
              'freed:', (collected - before) / (created - before) <= 0.05);
}

// A stream still referenced keeps working after a collection.
const kept = zlib.createGzip();
gc();
kept.end('hello');
const chunks = [];
kept.on('data', (c) => chunks.push(c));
kept.on('end', () => console.log('kept:', zlib.gunzipSync(Buffer.concat(chunks)).toString()));
