// The Body members of Request and Response as Node v20's fetch has them: each body kind's
// bytes and Content-Type, text/json/arrayBuffer/blob/formData/bytes, bodyUsed, body as a
// ReadableStream, clone (a tee), the used-body errors, and FormData's multipart round trip.
'use strict';

const boundaryPattern = /----formdata-undici-0\d{11}/g;
function masked(s) {
  return s.replace(boundaryPattern, 'BOUNDARY');
}

async function attempt(label, fn) {
  try {
    const value = await fn();
    console.log(label, 'ok', typeof value === 'string' ? masked(value) : value);
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message));
  }
}

function fileShape(v) {
  return typeof v === 'string' ? v : [v.constructor.name, v.name, v.type, v.size];
}

(async () => {
  const kinds = {
    string: () => 'héllo',
    empty: () => '',
    bytes: () => new Uint8Array([104, 105]),
    arraybuffer: () => new Uint8Array([1, 2, 3]).buffer,
    dataview: () => new DataView(new Uint8Array([7, 8, 9]).buffer, 1),
    int16: () => new Int16Array([1, -1]),
    buffer: () => Buffer.from('buf'),
    blob: () => new Blob(['blob text'], { type: 'Text/Plain; Charset=UTF-8' }),
    untypedBlob: () => new Blob(['b']),
    params: () => new URLSearchParams('a=1&b=%20x+y'),
    object: () => ({ toString() { return 'objstr'; } }),
    number: () => 42,
    stream: () => new ReadableStream({ start(c) { c.enqueue(new Uint8Array([104, 105])); c.close(); } }),
  };
  for (const [name, make] of Object.entries(kinds)) {
    const r = new Response(make());
    console.log(name, r.headers.get('content-type'), r.bodyUsed);
    await attempt(`${name} text`, () => new Response(make()).text());
    await attempt(`${name} arrayBuffer`, () => new Response(make()).arrayBuffer());
    await attempt(`${name} bytes`, () => new Response(make()).bytes());
    await attempt(`${name} blob`, async () => {
      const b = await new Response(make()).blob();
      return [b.constructor.name, b.type, b.size];
    });
    const req = new Request('http://a.test/', { method: 'POST', body: make(), duplex: 'half' });
    await attempt(`${name} request text`, () => req.text());
  }
  await attempt('json', () => new Response('{"a":[1,{"b":null}]}').json());
  await attempt('bad json', () => new Response('{bad').json());
  await attempt('bom', () => new Response(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text());
  await attempt('invalid utf8', () => new Response(new Uint8Array([0xff, 0x41, 0xc3])).text());
  await attempt('non-bytes chunk', () => new Response(new ReadableStream({ start(c) { c.enqueue('str'); c.close(); } })).text());
  await attempt('null body', async () => {
    const r = new Response(null);
    return [r.body, r.bodyUsed, await r.text(), r.bodyUsed, await new Response().arrayBuffer()];
  });
  await attempt('empty string body', async () => {
    const r = new Response('');
    return [r.body, await r.text(), r.bodyUsed, r.body];
  });
  await attempt('read twice', async () => {
    const r = new Response('abc');
    await r.text();
    return r.text();
  });
  await attempt('locked body', () => {
    const r = new Response('abc');
    r.body.getReader();
    return r.text();
  });
  await attempt('reader read', async () => {
    const r = new Response('abc');
    const reader = r.body.getReader();
    const first = await reader.read();
    return [first, r.bodyUsed, await reader.read()];
  });
  await attempt('async iteration', async () => {
    const chunks = [];
    for await (const chunk of new Response('abc').body) chunks.push(chunk);
    return chunks;
  });
  await attempt('clone', async () => {
    const r = new Response('abc', { status: 201, headers: { x: '1' } });
    const c = r.clone();
    c.headers.append('y', '2');
    return [await r.text(), await c.text(), r.bodyUsed, c.bodyUsed, c.status, [...r.headers], [...c.headers]];
  });
  await attempt('request clone', async () => {
    const r = new Request('http://a.test/', { method: 'PUT', body: 'abc' });
    const c = r.clone();
    return [await c.text(), await r.text(), c.method, c.url];
  });
  await attempt('used request clone', async () => {
    const r = new Request('http://a.test/', { method: 'PUT', body: 'abc' });
    await r.text();
    return r.clone();
  });
  await attempt('illegal this', () => Response.prototype.text.call({}));
  await attempt('urlencoded formData', async () => [...await new Response('a=1&b=%20x+y&a=2', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }).formData()]);
  await attempt('no type formData', () => new Response('a=1').formData());
  await attempt('multipart round trip', async () => {
    const f = new FormData();
    f.append('a', '1');
    f.append('line\nbreak"q"', 'x\ry\nz');
    f.append('file', new Blob(['hello'], { type: 'text/plain' }), 'h "q".txt');
    f.append('blob', new Blob([new Uint8Array([0, 1, 2])]));
    const r = new Response(f);
    const type = r.headers.get('content-type');
    const text = await r.clone().text();
    const back = await r.formData();
    return [masked(type), masked(text), [...back].map(([k, v]) => [k, fileShape(v)])];
  });
  await attempt('multipart file bytes', async () => {
    const f = new FormData();
    f.append('file', new Blob(['DATA']), 'd.bin');
    const back = await new Response(f).formData();
    return Buffer.from(await back.get('file').arrayBuffer()).toString();
  });
  const mp = (body, type) => new Response(body, { headers: { 'content-type': type } }).formData()
    .then((f) => [...f].map(([k, v]) => [k, fileShape(v)]));
  const part = 'Content-Disposition: form-data; name="a"\r\n\r\nv';
  await attempt('mp plain', () => mp(`--b\r\n${part}\r\n--b--`, 'multipart/form-data; boundary=b'));
  await attempt('mp trailing crlf', () => mp(`--b\r\n${part}\r\n--b--\r\n`, 'multipart/form-data; boundary=b'));
  await attempt('mp quoted boundary', () => mp(`--b\r\n${part}\r\n--b--`, 'multipart/form-data; boundary="b"'));
  await attempt('mp junk', () => mp('junk', 'multipart/form-data; boundary=b'));
  await attempt('mp unterminated', () => mp(`--b\r\n${part}`, 'multipart/form-data; boundary=b'));
  await attempt('mp no boundary', () => mp('--b--', 'multipart/form-data'));
  await attempt('mp no disposition', () => mp('--b\r\nX: y\r\n\r\nv\r\n--b--', 'multipart/form-data; boundary=b'));
  await attempt('mp preamble', () => mp(`pre\r\n--b\r\n${part}\r\n--b--`, 'multipart/form-data; boundary=b'));
  await attempt('mp file', () => mp('--b\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n' +
    'Content-Type: text/x\r\n\r\nDATA\r\n--b--', 'multipart/form-data; boundary=b'));
  await attempt('mp two parts', () => mp(`--b\r\n${part}1\r\n--b\r\n${part}2\r\n--b--`, 'multipart/form-data; boundary=b'));
  for (const type of ['Text/HTML; Charset="UTF-8"; a=b', 'bogus', 'text/plain;a="x y"', 'a/b;c', 'a/b;;c=d;c=e']) {
    await attempt(`blob type ${type}`, async () => (await new Response('x', { headers: { 'content-type': type } }).blob()).type);
  }
  await attempt('Response.json body', async () => {
    const r = Response.json({ a: 1, b: 'é' });
    return [r.headers.get('content-type'), await r.text()];
  });
  await attempt('Response.json keeps type', () => Response.json(1, { headers: { 'Content-Type': 'x/y' } }).headers.get('content-type'));
  await attempt('error body', async () => [Response.error().body, await Response.error().text()]);
  await attempt('redirect body', async () => [Response.redirect('http://a.test/').body, Response.redirect('http://a.test/').status]);
})();
