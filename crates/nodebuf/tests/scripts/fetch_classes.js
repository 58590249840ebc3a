// The shapes of Headers, Request, Response and FormData as Node v20 shows them (prototype
// members in order, descriptors, lengths, tags, inspect output), and the Request/Response
// constructor checks with Node's error names and messages.
'use strict';
const util = require('util');

function attempt(label, fn) {
  try {
    console.log(label, 'ok', fn());
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), e.cause ? `cause: ${e.cause.name} ${e.cause.code}` : '');
  }
}

for (const C of [Headers, Request, Response, FormData]) {
  console.log(C.name, C.length, Object.getOwnPropertyNames(C), Object.getOwnPropertyNames(C.prototype));
  console.log(Object.getOwnPropertySymbols(C.prototype).map(String).filter((s) => !s.includes('sorted')));
  for (const key of Reflect.ownKeys(C.prototype)) {
    const d = Object.getOwnPropertyDescriptor(C.prototype, key);
    const kind = d.get ? `get ${d.get.name}` : typeof d.value === 'function' ? `fn ${d.value.name}/${d.value.length}` : `value ${String(d.value)}`;
    console.log(' ', String(key), kind, d.enumerable, d.configurable, d.writable);
  }
  console.log(Object.prototype.toString.call(C.prototype), util.inspect(C));
}
console.log(typeof fetch, fetch.name, fetch.length, Object.getOwnPropertyDescriptor(globalThis, 'fetch').enumerable);
for (const name of ['Headers', 'Request', 'Response', 'FormData']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  console.log(name, d.enumerable, d.configurable);
}
console.log(Object.keys(globalThis).includes('fetch'));

console.log(new Request('http://a.test/x?y#frag'));
console.log(new Request('HTTP://A.TEST/b', {
  method: 'post', body: 'x', keepalive: true, integrity: 'sha', credentials: 'omit', mode: 'same-origin',
  cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'manual', referrer: '',
  headers: [['X-One', '1']],
}));
console.log(new Response('hi'));
console.log(new Response(null, { status: 204, statusText: 'Nothing', headers: { A: '1' } }));
console.log(Response.json({ a: [1] }, { status: 201, headers: { x: 'y' } }));
console.log(Response.redirect('http://a.test/b', 301));
console.log(Response.error());
console.log(util.inspect(new Response('x'), { depth: 0 }));
const form = new FormData();
form.append('a', '1');
form.append('a', '2');
form.append('b', 'three');
console.log(form, [...form], form.getAll('a'), form.get('b'), form.get('zz'), form.has('a'));

attempt('request no args', () => new Request());
attempt('relative url', () => new Request('/x'));
attempt('credentials', () => new Request('http://u:p@a.test/'));
attempt('get body', () => new Request('http://a.test/', { method: 'GET', body: 'x' }));
attempt('head body', () => new Request('http://a.test/', { method: 'HEAD', body: 'x' }));
attempt('connect', () => new Request('http://a.test/', { method: 'CONNECT' }));
attempt('trace', () => new Request('http://a.test/', { method: 'trace' }));
attempt('bad method', () => new Request('http://a.test/', { method: 'bad method' }));
for (const m of ['get', 'post', 'Delete', 'options', 'put', 'head', 'foo', 'PATCH']) {
  attempt(`method ${m}`, () => new Request('http://a.test/', { method: m }).method);
}
attempt('mode navigate', () => new Request('http://a.test/', { mode: 'navigate' }));
attempt('mode x', () => new Request('http://a.test/', { mode: 'x' }));
attempt('redirect x', () => new Request('http://a.test/', { redirect: 'x' }));
attempt('cache x', () => new Request('http://a.test/', { cache: 'x' }));
attempt('credentials x', () => new Request('http://a.test/', { credentials: 'x' }));
attempt('referrerPolicy x', () => new Request('http://a.test/', { referrerPolicy: 'x' }));
attempt('duplex full', () => new Request('http://a.test/', { method: 'POST', body: 'x', duplex: 'full' }));
attempt('only-if-cached', () => new Request('http://a.test/', { cache: 'only-if-cached' }));
attempt('no-cors put', () => new Request('http://a.test/', { mode: 'no-cors', method: 'PUT' }));
attempt('stream without duplex', () => new Request('http://a.test/', { method: 'POST', body: new ReadableStream() }));
attempt('stream with duplex', () => new Request('http://a.test/', { method: 'POST', body: new ReadableStream(), duplex: 'half' }).duplex);
attempt('keepalive stream', () => new Request('http://a.test/', { method: 'POST', body: new ReadableStream(), keepalive: true }));
attempt('bad signal', () => new Request('http://a.test/', { signal: 5 }));
attempt('null signal', () => new Request('http://a.test/', { signal: null }).signal.aborted);
attempt('window', () => new Request('http://a.test/', { window: 1 }));
attempt('init number', () => new Request('http://a.test/', 5));
attempt('bad referrer', () => new Request('http://a.test/', { referrer: '::bad' }));
attempt('referrer', () => new Request('http://a.test/', { referrer: 'http://r.test/p' }).referrer);
attempt('about:client', () => new Request('http://a.test/', { referrer: 'about:client' }).referrer);
attempt('url object', () => new Request(new URL('http://a.test/u')).url);
attempt('other scheme', () => new Request('x:/a').url);
attempt('aborted signal', () => {
  const ac = new AbortController();
  ac.abort('why');
  const r = new Request('http://a.test/', { signal: ac.signal });
  return [r.signal.aborted, r.signal.reason, r.signal === ac.signal];
});
attempt('follows signal', () => {
  const ac = new AbortController();
  const r = new Request('http://a.test/', { signal: ac.signal });
  const c = r.clone();
  ac.abort('later');
  return [r.signal.aborted, r.signal.reason, c.signal.aborted, c.signal.reason];
});
attempt('from request', () => {
  const r = new Request('http://a.test/b', { method: 'POST', body: 'x', headers: { a: '1' } });
  const r2 = new Request(r, { method: 'PUT' });
  return [r2.method, r2.headers, r.bodyUsed, r2.bodyUsed, r2.url];
});
attempt('used request', () => {
  const r = new Request('http://a.test/b', { method: 'POST', body: 'x' });
  r.text();
  return new Request(r);
});
attempt('request illegal this', () => Object.getOwnPropertyDescriptor(Request.prototype, 'url').get.call({}));

attempt('status 99', () => new Response('x', { status: 99 }));
attempt('status 600', () => new Response('x', { status: 600 }));
attempt('status wraps', () => new Response('x', { status: 65736 }).status);
attempt('status string', () => new Response('x', { status: '201' }).status);
attempt('status NaN', () => new Response('x', { status: 'abc' }));
attempt('204 with body', () => new Response('x', { status: 204 }));
attempt('304 null body', () => new Response(null, { status: 304 }).status);
attempt('statusText newline', () => new Response('x', { statusText: 'a\nb' }));
attempt('statusText wide', () => new Response('x', { statusText: '\u0100' }));
attempt('statusText tab', () => new Response('x', { statusText: 'A\tB' }).statusText);
attempt('init number', () => new Response('x', 5));
attempt('bad headers', () => new Response(null, { headers: 5 }));
attempt('redirect relative', () => Response.redirect('/x'));
attempt('redirect status', () => Response.redirect('http://a.test/', 200));
attempt('redirect url object', () => Response.redirect(new URL('http://a.test/q')).headers.get('location'));
attempt('redirect none', () => Response.redirect());
attempt('json none', () => Response.json());
attempt('json undefined', () => Response.json(undefined));
attempt('json bigint', () => Response.json(1n));
attempt('json symbol', () => Response.json(Symbol('s')));
attempt('response illegal this', () => Response.prototype.clone.call({}));
attempt('used clone', () => {
  const r = new Response('x');
  r.text();
  return r.clone();
});
attempt('ok range', () => [200, 299, 300, 404, 599].map((status) => new Response(null, { status }).ok));
attempt('formdata init', () => new FormData(5));
attempt('formdata arity', () => new FormData().append('a'));
attempt('formdata filename', () => new FormData().append('a', 'b', 'c'));
attempt('formdata set filename', () => new FormData().set('a', 5, 'c'));
attempt('formdata this', () => FormData.prototype.get.call({}, 'a'));
attempt('formdata entries', () => {
  const f = new FormData();
  f.append('a', { toString() { return 'obj'; } });
  f.set('b', new File(['x'], 'orig.txt'), 'renamed');
  f.append('c\r\nd', 'v\rw\nz\r\n');
  f.append('b', new Blob(['yy'], { type: 'text/x' }));
  f.set('a', 'replaced');
  return [...f].map(([k, v]) => [k, typeof v === 'string' ? v : [v.constructor.name, v.name, v.type, v.size]]);
});
attempt('formdata file identity', () => {
  const file = new File(['x'], 'f.txt');
  const f = new FormData();
  f.append('f', file);
  f.append('g', file, 'g.txt');
  return [f.get('f') === file, f.get('g') === file, f.get('g').name, f.get('g').lastModified === file.lastModified];
});
attempt('formdata undefined filename', () => {
  const f = new FormData();
  f.append('a', new Blob(['x']), undefined);
  f.set('b', new File(['x'], 'n.txt'), undefined);
  f.append('c', new Blob(['x']));
  return [...f].map(([k, v]) => [k, v.name]);
});
attempt('formdata delete', () => {
  const f = new FormData();
  f.append('a', '1');
  f.append('b', '2');
  f.append('a', '3');
  f.delete('a');
  return [...f.keys()];
});
