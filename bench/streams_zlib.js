// Times zlib and stream work under whichever runtime runs it (node or nodebuf) and prints
// "<name> <ms per iteration>" lines; bench/streams_zlib.sh runs it under both and prints ratios.
// Inputs are deterministic so both runtimes compress the same bytes.
'use strict';
const zlib = require('zlib');
const { Readable, Transform, Writable, pipeline } = require('stream');

const MIB = 1 << 20;
// Text-like 1 MiB: words from a small vocabulary, chosen by an LCG.
function corpus() {
  const words = ['stream', 'buffer', 'zlib', 'node', 'chunk', 'pipe', 'data', 'end', 'the', 'a', 'of', 'and'];
  let seed = 12345;
  const parts = [];
  let len = 0;
  while (len < MIB) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const w = words[(seed >>> 16) % words.length];
    parts.push(w);
    len += w.length + 1;
  }
  return Buffer.from(parts.join(' ')).subarray(0, MIB);
}

function time(name, iterations, fn) {
  fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / iterations;
  console.log(`${name} ${ms.toFixed(3)}`);
}

async function timeAsync(name, iterations, fn) {
  await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / iterations;
  console.log(`${name} ${ms.toFixed(3)}`);
}

function streamPipeline(chunks) {
  return new Promise((resolve, reject) => {
    let i = 0;
    const chunk = Buffer.alloc(64, 'x');
    let bytes = 0;
    pipeline(
      new Readable({ read() { this.push(i++ < chunks ? chunk : null); } }),
      new Transform({ transform(c, e, cb) { cb(null, c); } }),
      new Writable({ write(c, e, cb) { bytes += c.length; cb(); } }),
      (err) => (err ? reject(err) : resolve(bytes)),
    );
  });
}

async function main() {
  const input = corpus();
  const gz = zlib.gzipSync(input);
  time('gzipSync_1MiB', 10, () => zlib.gzipSync(input));
  time('gunzipSync_1MiB', 20, () => zlib.gunzipSync(gz));
  const br = zlib.brotliCompressSync(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
  time('brotliCompressSync_q4_1MiB', 5, () => zlib.brotliCompressSync(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }));
  time('brotliDecompressSync_1MiB', 10, () => zlib.brotliDecompressSync(br));
  await timeAsync('gzip_stream_1MiB', 5, () => new Promise((resolve, reject) => {
    const out = [];
    const g = zlib.createGzip();
    g.on('data', (c) => out.push(c));
    g.on('end', resolve);
    g.on('error', reject);
    for (let off = 0; off < input.length; off += 65536) g.write(input.subarray(off, off + 65536));
    g.end();
  }));
  await timeAsync('stream_pipeline_10000_chunks', 5, () => streamPipeline(10000));
}
main();
