// Seeded random fetch exchanges with a server in the same script: random request headers
// (names in random case, values with whitespace to trim), random bodies of every kind and
// chunking, random methods; the server answers with random headers, status and
// content-encoding. Both sides' view of each exchange is printed, so every header, byte and
// ordering is compared with Node's. NODEBUF_SEED / NODEBUF_DIFF_CASES vary the run.
'use strict';
const http = require('http');
const zlib = require('zlib');
const crypto = require('crypto');

let seed = Number(process.env.NODEBUF_SEED || 1337) >>> 0;
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
function pick(list) {
  return list[rand(list.length)];
}
function randText(max) {
  const alphabet = ['a', 'b', 'Z', '0', ' ', '-', '_', '=', '&', '%', '+', '/', 'é', '€', '😀', '\n', '\r\n', '"'];
  let s = '';
  for (let i = rand(max + 1); i > 0; i--) s += pick(alphabet);
  return s;
}
function randBytes(max) {
  const out = new Uint8Array(rand(max + 1));
  for (let i = 0; i < out.length; i++) out[i] = rand(256);
  return out;
}
function randCase(s) {
  return [...s].map((c) => (rand(2) ? c.toUpperCase() : c)).join('');
}
const headerNames = ['x-a', 'x-b', 'x-long-name', 'accept', 'user-agent', 'content-type', 'x-list', 'cookie', 'x-z'];
const valueChars = ['v', '1', ' ', '\t', ',', ';', '=', 'é', 'ÿ', '"', '/'];
function randHeaderValue() {
  let v = '';
  for (let i = rand(12); i > 0; i--) v += pick(valueChars);
  return v;
}

function randBody() {
  switch (rand(8)) {
    case 0: return ['string', randText(40)];
    case 1: return ['bytes', randBytes(200)];
    case 2: return ['blob', new Blob([randBytes(50), randText(10)], { type: pick(['', 'text/x', 'application/octet-stream']) })];
    case 3: {
      const params = new URLSearchParams();
      for (let i = rand(4); i > 0; i--) params.append(randText(5), randText(8));
      return ['params', params];
    }
    case 4: {
      const chunks = [];
      for (let i = rand(5); i > 0; i--) chunks.push(randBytes(30));
      return ['stream', new ReadableStream({
        pull(c) {
          if (chunks.length === 0) c.close();
          else c.enqueue(chunks.shift());
        },
      })];
    }
    case 5: return ['buffer', Buffer.from(randText(30))];
    case 6: {
      const form = new FormData();
      for (let i = rand(4); i > 0; i--) {
        if (rand(2)) form.append(randText(6), randText(12));
        else form.append(randText(6), new Blob([randBytes(20)], { type: pick(['', 'text/x']) }), pick([undefined, 'f.bin', randText(5)]));
      }
      return ['form', form];
    }
    default: return ['none', undefined];
  }
}

// The server's answer is chosen from the request's own seed (sent in the path).
function answer(req, res, body) {
  let local = Number(req.url.slice(1)) >>> 0;
  const r = (n) => {
    local = (local * 69069 + 1) >>> 0;
    return (local >>> 8) % n;
  };
  const status = [200, 201, 202, 203, 400, 404, 410, 500][r(8)];
  const headers = [];
  for (let i = r(5); i > 0; i--) headers.push([['X-Out', 'x-out', 'Set-Cookie', 'X-Other', 'Vary'][r(5)], `v${r(100)}`]);
  // A multipart body's boundary is random in both runtimes: the digest is taken without it.
  const comparable = Buffer.from(body.toString('latin1').replace(/----formdata-undici-0\d{11}/g, 'BOUNDARY'), 'latin1');
  const digest = crypto.createHash('sha256').update(comparable).digest('hex').slice(0, 16);
  let payload = Buffer.from(`${req.method} ${body.length} ${digest} ${comparable.toString('latin1').slice(0, 60)}`);
  const coding = ['identity', 'gzip', 'deflate', 'br'][r(4)];
  if (coding === 'gzip') payload = zlib.gzipSync(payload);
  if (coding === 'deflate') payload = zlib.deflateSync(payload);
  if (coding === 'br') payload = zlib.brotliCompressSync(payload);
  if (coding !== 'identity') headers.push(['Content-Encoding', coding]);
  res.writeHead(status, headers.flat());
  res.end(payload);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const seen = req.rawHeaders.filter((v, i) => i > 1 || i === 0)
      .map((v) => v.replace(/----formdata-undici-0\d{11}/, 'BOUNDARY'));
    console.log('  server', req.method, req.url, JSON.stringify(seen));
    answer(req, res, body);
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const cases = Number(process.env.NODEBUF_DIFF_CASES || 60);
  for (let i = 0; i < cases; i++) {
    const headers = [];
    for (let j = rand(5); j > 0; j--) headers.push([randCase(pick(headerNames)), randHeaderValue()]);
    const [kind, body] = randBody();
    const method = body === undefined ? pick(['GET', 'DELETE', 'OPTIONS', 'POST', 'PUT']) : pick(['POST', 'PUT', 'PATCH', 'DELETE']);
    const init = { method, headers, duplex: 'half' };
    if (body !== undefined) init.body = body;
    const tag = rand(1e6);
    try {
      const response = await fetch(`${base}/${tag}`, init);
      const text = await response.text();
      const out = [...response.headers].filter(([k]) => k !== 'date');
      console.log(i, kind, method, response.status, response.statusText, JSON.stringify(out), JSON.stringify(text));
    } catch (e) {
      console.log(i, kind, method, 'rejected', e.name, e.message, e.cause && e.cause.message);
    }
  }
  server.close();
});
