// WebAssembly.compileStreaming / instantiateStreaming over fetch `Response`s (made directly and
// fetched from a local server): Node's checks in Node's order (type, MIME type, status, used
// body), compile errors named after the streaming API, and working modules.
'use strict';
const http = require('http');
const ok = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
const bad = new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0]);
const wasmHeaders = { 'content-type': 'application/wasm' };
const show = (e) => console.log(e.name, e.code, e.message);

(async () => {
  for (const f of ['compileStreaming', 'instantiateStreaming']) {
    const sources = [
      () => new Response(ok, { headers: wasmHeaders }),
      () => Promise.resolve(new Response(ok, { headers: wasmHeaders })),
      () => new Response(ok),
      () => new Response(ok, { headers: { 'content-type': 'application/wasm; charset=x' } }),
      () => new Response(ok, { status: 404, headers: wasmHeaders }),
      () => new Response(bad, { headers: wasmHeaders }),
      () => 5,
      () => ({ headers: wasmHeaders }),
      async () => { const r = new Response(ok, { headers: wasmHeaders }); await r.text(); return r; },
    ];
    for (const make of sources) {
      try {
        const out = await WebAssembly[f](make());
        console.log(f, out);
      } catch (e) {
        show(e);
      }
    }
  }
  try { await WebAssembly.instantiateStreaming(new Response(ok, { headers: wasmHeaders }), 5); } catch (e) { show(e); }
  const server = http.createServer((req, res) => {
    res.setHeader('content-type', req.url === '/ok.wasm' ? 'application/wasm' : 'text/html');
    res.end(ok);
  });
  await new Promise((resolve) => server.listen(0, resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(await WebAssembly.compileStreaming(fetch(`${base}/ok.wasm`)));
  try { await WebAssembly.compileStreaming(fetch(`${base}/page`)); } catch (e) { show(e); }
  server.close();
})();
