'use strict';
// CompressionStream/DecompressionStream: round trips in every format, output readable by zlib,
// corrupt input, and a bad format.
const zlib = require('zlib');

async function run(stream, chunks) {
  const out = [];
  const reading = (async () => { for await (const c of stream.readable) out.push(Buffer.from(c)); })();
  const writer = stream.writable.getWriter();
  for (const c of chunks) writer.write(c).catch(() => {});
  await Promise.all([writer.close(), reading]);
  return Buffer.concat(out);
}

(async () => {
  const input = Buffer.from('web compression '.repeat(200));
  for (const format of ['deflate', 'deflate-raw', 'gzip']) {
    const compressed = await run(new CompressionStream(format), [input.subarray(0, 100), input.subarray(100)]);
    const back = await run(new DecompressionStream(format), [compressed]);
    const viaZlib = { deflate: zlib.inflateSync, 'deflate-raw': zlib.inflateRawSync, gzip: zlib.gunzipSync }[format](compressed);
    console.log(format, compressed.length < input.length, back.equals(input), viaZlib.equals(input));
  }
  try {
    await run(new DecompressionStream('gzip'), [new Uint8Array([1, 2, 3, 4])]);
  } catch (e) {
    console.log('corrupt:', e.code);
  }
  try {
    new CompressionStream('brotli');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  console.log(typeof CompressionStream, typeof DecompressionStream,
              Object.prototype.toString.call(new CompressionStream('gzip')));
})();
