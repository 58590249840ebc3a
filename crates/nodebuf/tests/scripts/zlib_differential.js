// Seeded zlib cases: round trips of random data through every codec (sync, callback and stream
// forms with random chunk boundaries), byte-exact output where zlib-rs and zlib agree (stored
// blocks, Huffman-only, RLE), and corrupt, truncated and oversized inputs, whose errors
// (message, errno, code) must be Node's. NODEBUF_SEED / NODEBUF_DIFF_CASES as elsewhere.
'use strict';
const zlib = require('zlib');

let seed = Number(process.env.NODEBUF_SEED || 7) >>> 0;
function rand(n) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % n;
}
const cases = Number(process.env.NODEBUF_DIFF_CASES || 30);

function randomData() {
  const n = rand(5) === 0 ? rand(8) : rand(20000);
  const buf = Buffer.alloc(n);
  const alphabet = 2 + rand(254);
  for (let i = 0; i < n; i++) buf[i] = rand(4) === 0 ? rand(256) : 97 + (rand(alphabet) % 26);
  return buf;
}

function describe(err) {
  return `${err.name} ${JSON.stringify(err.message)} errno=${err.errno} code=${err.code}`;
}

const pairs = [
  ['deflateSync', 'inflateSync', 'Deflate', 'Inflate'],
  ['gzipSync', 'gunzipSync', 'Gzip', 'Gunzip'],
  ['deflateRawSync', 'inflateRawSync', 'DeflateRaw', 'InflateRaw'],
  ['gzipSync', 'unzipSync', 'Gzip', 'Unzip'],
  ['deflateSync', 'unzipSync', 'Deflate', 'Unzip'],
  ['brotliCompressSync', 'brotliDecompressSync', 'BrotliCompress', 'BrotliDecompress'],
];

// Chunk sizes come from their own generator: compressed lengths differ between zlib builds, and
// the case generator must not drift with them.
function streamThrough(Ctor, input, opts, chunkSeed) {
  let local = chunkSeed >>> 0;
  const chunkSize = () => {
    local = (Math.imul(local, 1103515245) + 12345) >>> 0;
    return 1 + (local % 4096);
  };
  return new Promise((resolve, reject) => {
    const s = new zlib[Ctor](opts);
    const out = [];
    s.on('data', (c) => out.push(c));
    s.on('error', reject);
    s.on('end', () => resolve(Buffer.concat(out)));
    let off = 0;
    while (off < input.length) {
      const n = chunkSize();
      s.write(input.subarray(off, off + n));
      off += n;
    }
    s.end();
  });
}

async function main() {
  for (let i = 0; i < cases; i++) {
    const data = randomData();
    const [c, d, C, D] = pairs[rand(pairs.length)];
    const isBrotli = c.startsWith('brotli');
    const opts = isBrotli ? { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: rand(12) } }
      : { level: rand(11) - 1, strategy: rand(5), memLevel: 1 + rand(9), windowBits: 9 + rand(7) };
    const packed = zlib[c](data, opts);
    const back = zlib[d](packed, isBrotli ? {} : { windowBits: opts.windowBits });
    console.log(i, c, data.length, back.equals(data) ? 'round trip ok' : 'ROUND TRIP MISMATCH');
    // Stream form with random chunking, both directions.
    const streamed = await streamThrough(C, data, opts, i);
    const unstreamed = await streamThrough(D, streamed, isBrotli ? {} : { windowBits: opts.windowBits }, i + 1000);
    console.log(i, 'stream', unstreamed.equals(data) ? 'ok' : 'MISMATCH');
    if (!isBrotli && (opts.level === 0 || opts.strategy === zlib.constants.Z_HUFFMAN_ONLY)) {
      // zlib-rs writes the same bytes as zlib for these.
      console.log(i, 'bytes', packed.toString('base64').slice(0, 60), packed.length);
    }
    // Corrupt and truncated inputs.
    if (!isBrotli && packed.length > 4) {
      const stored = zlib[c](data, { level: 0 });
      const cut = stored.subarray(0, rand(stored.length));
      try { zlib[d](cut); console.log(i, 'truncated ok'); } catch (e) { console.log(i, 'truncated', describe(e)); }
      const bad = Buffer.from(stored);
      bad[rand(Math.min(bad.length, 12))] ^= 1 + rand(255);
      try { console.log(i, 'corrupt ok', zlib[d](bad).equals(data)); } catch (e) { console.log(i, 'corrupt', describe(e)); }
    }
    if (data.length > 10) {
      try { zlib[d](packed, { maxOutputLength: 1 + rand(data.length - 1) }); console.log(i, 'max ok'); } catch (e) { console.log(i, 'max', describe(e)); }
    }
    await new Promise((resolve) => zlib[c.replace('Sync', '')](data, opts, (err, out) => {
      zlib[d.replace('Sync', '')](out, (err2, back2) => {
        console.log(i, 'callback', err, err2 && describe(err2), back2 && back2.equals(data));
        resolve();
      });
    }));
  }
  for (const input of [Buffer.from('hello'), Buffer.alloc(0), Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.from([0x78, 0x9c, 1, 2, 3])]) {
    for (const d of ['inflateSync', 'gunzipSync', 'inflateRawSync', 'unzipSync']) {
      try { console.log(d, input.toString('hex'), zlib[d](input).toString('hex')); } catch (e) { console.log(d, input.toString('hex'), describe(e)); }
    }
  }
  try { zlib.inflateSync(zlib.deflateSync('abc', { dictionary: Buffer.from('abc') })); } catch (e) { console.log('dict', describe(e)); }
  try { zlib.inflateSync(zlib.deflateSync('abc', { dictionary: Buffer.from('abc') }), { dictionary: Buffer.from('xyz') }); } catch (e) { console.log('dict', describe(e)); }
  console.log('dict ok', zlib.inflateSync(zlib.deflateSync('abc', { dictionary: Buffer.from('abc') }), { dictionary: Buffer.from('abc') }).toString());
  const gz = Buffer.concat([zlib.gzipSync('one '), zlib.gzipSync('two'), Buffer.alloc(3)]);
  console.log('members', zlib.gunzipSync(gz).toString());
  console.log('crc32', zlib.crc32('hello'), zlib.crc32(Buffer.from('world'), 12345), zlib.crc32(''));
}
main();
