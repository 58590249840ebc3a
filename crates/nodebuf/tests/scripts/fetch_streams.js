// fetch() bodies as streams, against a server in the same script: a multi-megabyte upload
// from a ReadableStream of many chunks, a multi-megabyte download read chunk by chunk, a
// network response cloned and read twice, async iteration, cancelling a body half-way, and
// AbortSignal.timeout on a slow answer.
'use strict';
const http = require('http');
const crypto = require('crypto');

const big = Buffer.alloc(3 * 1024 * 1024);
for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 10)) & 255;
const digest = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const server = http.createServer((req, res) => {
  const hash = crypto.createHash('sha256');
  let length = 0;
  req.on('data', (d) => {
    hash.update(d);
    length += d.length;
  });
  req.on('end', () => {
    if (req.url === '/upload') {
      res.end(`${length} ${hash.digest('hex').slice(0, 16)} ${req.headers['transfer-encoding']}`);
    } else if (req.url === '/download') {
      res.end(big);
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 300);
    } else {
      res.end('small');
    }
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  let offset = 0;
  const upload = new ReadableStream({
    pull(controller) {
      if (offset >= big.length) {
        controller.close();
        return;
      }
      const size = 1000 + (offset % 65536);
      controller.enqueue(new Uint8Array(big.subarray(offset, offset + size)));
      offset += size;
    },
  });
  let r = await fetch(`${base}/upload`, { method: 'PUT', body: upload, duplex: 'half' });
  console.log('upload', r.status, await r.text(), digest(big));

  r = await fetch(`${base}/download`);
  const reader = r.body.getReader();
  let total = 0;
  const hash = crypto.createHash('sha256');
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new Error('not bytes');
    total += value.byteLength;
    hash.update(value);
  }
  console.log('download', total, hash.digest('hex').slice(0, 16), r.bodyUsed);

  r = await fetch(`${base}/download`);
  const copy = r.clone();
  const [a, b] = await Promise.all([r.arrayBuffer(), copy.bytes()]);
  console.log('clone', a.byteLength, b.byteLength, digest(new Uint8Array(a)) === digest(b), r.bodyUsed, copy.bodyUsed);

  r = await fetch(`${base}/small`);
  const parts = [];
  for await (const chunk of r.body) parts.push(Buffer.from(chunk).toString());
  console.log('iterate', parts.join(''), r.bodyUsed);

  r = await fetch(`${base}/download`);
  const partial = r.body.getReader();
  const first = await partial.read();
  await partial.cancel('enough');
  console.log('cancelled', first.value.byteLength > 0, await partial.read());
  r = await fetch(`${base}/small`);
  console.log('after cancel', await r.text());

  try {
    await fetch(`${base}/slow`, { signal: AbortSignal.timeout(50) });
  } catch (e) {
    console.log('timeout', e.name, e.message, e.code);
  }
  r = await fetch(`${base}/small`);
  console.log('json error', await r.json().catch((e) => `${e.name}: ${e.message}`));
  server.close(() => console.log('closed'));
});
