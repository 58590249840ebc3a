// fetch() over http to a server in the same script, as Node v20 does it: the request line and
// headers on the wire, request bodies of every kind, the response's status/headers/body,
// redirects (follow, manual, error, 303 and POST rewrites, limits, bad locations), content
// decoding (gzip, deflate zlib and raw, br, stacked, unknown), aborts, connection reuse, and
// `TypeError: fetch failed` with its cause.
'use strict';
const http = require('http');
const net = require('net');
const zlib = require('zlib');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (d) => chunks.push(d));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const headers = req.rawHeaders.map((v, i) => (i === 1 && req.rawHeaders[0].toLowerCase() === 'host' ? 'HOST' : v));
    const line = `${req.method} ${req.url} ${headers.join('|')} body=${JSON.stringify(body.toString('latin1'))}`
      .replace(/----formdata-undici-0\d{11}/g, 'BOUNDARY');
    const path = req.url.split('?')[0];
    switch (path) {
      case '/echo':
        res.setHeader('X-B', '2');
        res.setHeader('x-a', ['1', '3']);
        res.setHeader('set-cookie', ['a=1', 'b=2']);
        res.end(line);
        return;
      case '/formcheck': {
        const boundary = /boundary=(\S+)/.exec(req.headers['content-type'])[1];
        res.end(`${req.method} ${body.toString().startsWith(`--${boundary}\r\n`) ? 'consistent' : 'mismatch'} ${body.length}`);
        return;
      }
      case '/status':
        res.writeHead(Number(req.url.split('?')[1]), 'Custom Text');
        res.end();
        return;
      case '/gzip':
        res.setHeader('content-encoding', 'gzip');
        res.end(zlib.gzipSync('gzipped body'));
        return;
      case '/deflate':
        res.setHeader('content-encoding', 'deflate');
        res.end(zlib.deflateSync('zlib deflate body'));
        return;
      case '/rawdeflate':
        res.setHeader('content-encoding', 'Deflate');
        res.end(zlib.deflateRawSync('raw deflate body'));
        return;
      case '/br':
        res.setHeader('content-encoding', 'br');
        res.end(zlib.brotliCompressSync('brotli body'));
        return;
      case '/stacked':
        res.setHeader('content-encoding', 'deflate, gzip');
        res.end(zlib.gzipSync(zlib.deflateSync('stacked body')));
        return;
      case '/unknown':
        res.setHeader('content-encoding', 'foo, gzip');
        res.end('as sent');
        return;
      case '/badgzip':
        res.setHeader('content-encoding', 'gzip');
        res.end('not gzip at all');
        return;
      case '/big':
        res.end(Buffer.alloc(300000, 'x'));
        return;
      case '/hangup':
        req.socket.destroy();
        return;
      case '/partial':
        res.writeHead(200, { 'content-length': '10' });
        res.write('abc');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      case '/slow':
        setTimeout(() => res.end('slow'), 200);
        return;
      default: {
        const m = /^\/r(\d+)(.*)$/.exec(path);
        if (m) {
          console.log('  server saw', line);
          res.writeHead(Number(m[1]), { location: decodeURIComponent(m[2].slice(1)) || '/echo' });
          res.end('redirect body');
          return;
        }
        res.writeHead(404);
        res.end('not found');
      }
    }
  });
});

function show(label, r, text) {
  const headers = [...r.headers].filter(([k]) => k !== 'date');
  console.log(label, r.status, JSON.stringify(r.statusText), r.ok, r.redirected, r.type,
    r.url.replace(/:\d+\//, ':PORT/'), JSON.stringify(headers), JSON.stringify(text));
}

async function get(label, path, init) {
  try {
    const r = await fetch(base + path, init);
    const text = await r.text();
    show(label, r, text);
  } catch (e) {
    console.log(label, 'rejected', e.name, e.message, e.cause ? [e.cause.name, e.cause.message, e.cause.code] : e.code);
  }
}

let base;
server.listen(0, '127.0.0.1', async () => {
  base = `http://127.0.0.1:${server.address().port}`;
  await get('plain', '/echo?q=1#frag');
  await get('headers', '/echo', { headers: { b: '1', A: '2', Accept: 'x/y', 'User-Agent': 'me', 'accept-encoding': 'identity' } });
  await get('header pairs', '/echo', { headers: [['z', '1'], ['Z', '2'], ['set-cookie', 'c=1']] });
  await get('connection close', '/echo', { headers: { connection: 'close' } });
  await get('content-length given', '/echo', { method: 'POST', headers: { 'content-length': '0' } });
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'patch', 'PATCH', 'custom']) {
    await get(`method ${method}`, '/echo', { method });
  }
  const bodies = {
    string: () => 'abc',
    unicode: () => 'é€😀',
    bytes: () => new Uint8Array([65, 66]),
    buffer: () => Buffer.from('buf'),
    arraybuffer: () => new Uint16Array([0x4142]).buffer,
    blob: () => new Blob(['xyz'], { type: 'text/x' }),
    params: () => new URLSearchParams('a=1&b=2'),
    stream: () => new ReadableStream({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.enqueue(new Uint8Array([3]));
        c.close();
      },
    }),
  };
  for (const [name, make] of Object.entries(bodies)) {
    await get(`body ${name}`, '/echo', { method: 'POST', body: make(), duplex: 'half' });
  }
  await get('body request', '/echo', undefined);
  {
    const req = new Request(`${base}/echo`, { method: 'PUT', body: 'from request', headers: { 'x-r': '1' } });
    const r = await fetch(req);
    show('request object', r, await r.text());
    console.log('request used', req.bodyUsed);
  }
  {
    const form = new FormData();
    form.append('field', 'value');
    form.append('file', new Blob(['content'], { type: 'text/plain' }), 'f.txt');
    const r = await fetch(`${base}/echo`, { method: 'POST', body: form });
    console.log('form', r.status, (await r.text()).replace(/----formdata-undici-0\d{11}/g, 'BOUNDARY'));
  }
  for (const status of [200, 201, 204, 299, 400, 404, 500, 599]) await get(`status ${status}`, `/status?${status}`);
  for (const path of ['/gzip', '/deflate', '/rawdeflate', '/br', '/stacked', '/unknown', '/badgzip']) await get(path, path);
  {
    const r = await fetch(`${base}/big`);
    const bytes = await r.arrayBuffer();
    console.log('big', bytes.byteLength, r.headers.get('content-length'));
  }
  await get('follow 301', '/r301');
  await get('follow 302 post', '/r302', { method: 'POST', body: 'dropped' });
  await get('follow 303 put', '/r303', { method: 'PUT', body: 'dropped' });
  await get('follow 307 post', '/r307', { method: 'POST', body: 'kept', headers: { 'content-type': 'x/y' } });
  await get('follow 308 empty stream', '/r308', {
    method: 'POST',
    duplex: 'half',
    body: new ReadableStream({
      start(c) {
        c.close();
      },
    }),
  });
  await get('follow 307 stream with data', '/r307', {
    method: 'POST',
    duplex: 'half',
    body: new ReadableStream({
      start(c) {
        c.enqueue(new Uint8Array([1]));
        c.close();
      },
    }),
  });
  {
    const form = new FormData();
    form.append('k', 'v');
    await get('follow 307 form', `/r307/${encodeURIComponent('/formcheck')}`, { method: 'POST', body: form });
  }
  await get('chain', `/r301/${encodeURIComponent('/r302/' + encodeURIComponent('/echo?end'))}`);
  await get('manual', '/r302', { redirect: 'manual' });
  await get('error', '/r302', { redirect: 'error' });
  await get('bad location', `/r302/${encodeURIComponent('ftp://x/')}`);
  await get('no location', '/status?302');
  await get('loop', `/r302/${encodeURIComponent('/r302/x')}`.replace('/x', '').replace('%2Fr302%2F', '%2Fr302'));
  await get('hangup', '/hangup');
  await get('partial', '/partial');
  {
    const controller = new AbortController();
    const pending = fetch(`${base}/slow`, { signal: controller.signal });
    controller.abort();
    try {
      await pending;
    } catch (e) {
      console.log('abort', e.name, e.message, e.code, e instanceof DOMException);
    }
    try {
      await fetch(`${base}/echo`, { signal: AbortSignal.abort('reason') });
    } catch (e) {
      console.log('pre-aborted', e);
    }
    const during = new AbortController();
    const r = await fetch(`${base}/partial`, { signal: during.signal });
    const reader = r.body.getReader();
    console.log('first chunk', await reader.read());
    during.abort(new Error('stop'));
    try {
      await reader.read();
    } catch (e) {
      console.log('read after abort', e.name, e.message);
    }
  }
  {
    // A server of its own, so that no earlier connection is in the pool.
    let own = 0;
    const reuse = http.createServer((req, res) => res.end('r')).on('connection', () => own++);
    await new Promise((resolve) => reuse.listen(0, '127.0.0.1', resolve));
    for (let i = 0; i < 3; i++) {
      await (await fetch(`http://127.0.0.1:${reuse.address().port}/`)).text();
      // Give the finished connection a moment to return to the pool.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    console.log('connections for 3 sequential fetches', own);
    reuse.close();
  }
  const [a, b] = await Promise.all([fetch(`${base}/slow`), fetch(`${base}/slow`)]);
  console.log('parallel', await a.text(), await b.text());

  // Nothing listens on a port that was just closed.
  const closed = net.createServer();
  closed.listen(0, '127.0.0.1', () => {
    const port = closed.address().port;
    closed.close(async () => {
      for (const url of [`http://127.0.0.1:${port}/`, `https://127.0.0.1:${port}/`]) {
        try {
          await fetch(url);
        } catch (e) {
          const c = e.cause;
          console.log('refused', e.name, e.message, c.name, c.message.replace(String(port), 'PORT'), c.code, c.syscall, c.errno, c.port === port);
        }
      }
      const blobURL = URL.createObjectURL(new Blob(['blobby'], { type: 'x/y' }));
      const urls = ['http://127.0.0.1:6000/', 'ftp://x/', 'file:///etc/hostname', 'about:blank', 'http://a.invalid\u0000/',
        'data:xx', 'data:;base64,%%%', 'blob:nodedata:missing', blobURL];
      for (const url of urls) {
        try {
          await fetch(url, url === blobURL ? { method: 'POST', body: 'x' } : undefined);
        } catch (e) {
          const c = e.cause;
          console.log('refused', JSON.stringify(url === blobURL ? 'blob' : url), e.name, e.message, c && c.constructor.name,
            JSON.stringify(c && c.message), c && Object.keys(c));
        }
      }
      {
        const r = await fetch(blobURL);
        console.log('blob', r.status, r.statusText, [...r.headers], await r.text(), r.url === blobURL);
      }
      for (const url of ['data:,Hello%2C%20World', 'data:text/plain;base64,aGk=', 'data:;charset=utf-8,x', 'data:text/html,<b>']) {
        const r = await fetch(url);
        console.log('data', r.status, r.statusText, [...r.headers], JSON.stringify(await r.text()), r.url, r.type);
      }
      try {
        await fetch();
      } catch (e) {
        console.log('no args', e.name, e.message, e.cause && e.cause.code);
      }
      server.close(() => console.log('closed'));
    });
  });
});
