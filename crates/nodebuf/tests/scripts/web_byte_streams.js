'use strict';
// Byte ReadableStreams: enqueue (transferring the buffer), default and BYOB readers, byobRequest
// with respond/respondWithNewView, autoAllocateChunkSize, typed views wider than a byte, tee,
// Blob.prototype.stream, and the errors for misuse, each printed as node prints it.
const log = (...args) => console.log(...args);
const errText = (e) => `${e.name} ${e.code} ${e.message}`;
const show = (r) => (r.value === undefined ? `done=${r.done} undefined` :
  `done=${r.done} ${r.value.constructor.name}[${Array.from(r.value).join(',')}] off=${r.value.byteOffset}`);

const steps = [
  async () => {
    const source = new Uint8Array([1, 2, 3, 4, 5]);
    const rs = new ReadableStream({
      type: 'bytes',
      start(c) {
        c.enqueue(source);
        c.enqueue(new Uint8Array([6, 7]));
        c.close();
      },
    });
    log('transferred', source.byteLength);
    const reader = rs.getReader();
    log(show(await reader.read()), '|', show(await reader.read()), '|', show(await reader.read()));
  },
  async () => {
    const rs = new ReadableStream({
      type: 'bytes',
      start(c) {
        c.enqueue(new Uint8Array([10, 11, 12, 13, 14, 15, 16]));
        c.close();
      },
    });
    const reader = rs.getReader({ mode: 'byob' });
    log('byob', show(await reader.read(new Uint8Array(3))));
    log('byob', show(await reader.read(new Uint16Array(1))));
    log('byob', show(await reader.read(new Uint8Array(8))));
    log('byob', show(await reader.read(new Uint8Array(8))));
  },
  async () => {
    let n = 0;
    const rs = new ReadableStream({
      type: 'bytes',
      pull(c) {
        const req = c.byobRequest;
        log('request view', req.view.constructor.name, req.view.byteLength, req.view.byteOffset);
        if (n === 0) {
          req.view[0] = 42;
          req.view[1] = 43;
          req.respond(2);
        } else if (n === 1) {
          const v = new Uint8Array(req.view.buffer, req.view.byteOffset, 1);
          v[0] = 44;
          req.respondWithNewView(v);
        } else {
          c.close();
          req.respond(0);
        }
        n++;
      },
    });
    const reader = rs.getReader({ mode: 'byob' });
    log('respond', show(await reader.read(new Uint8Array(4))));
    log('respond', show(await reader.read(new Uint8Array(4))));
    log('respond', show(await reader.read(new Uint8Array(4))));
  },
  async () => {
    let n = 0;
    const rs = new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 4,
      pull(c) {
        const req = c.byobRequest;
        if (n++ < 2) {
          req.view.fill(n);
          req.respond(3);
        } else {
          c.close();
          req.respond(0);
        }
      },
    });
    const out = [];
    for await (const chunk of rs) out.push(`${chunk.constructor.name}[${Array.from(chunk)}] buffer=${chunk.buffer.byteLength}`);
    log('auto', out);
  },
  async () => {
    const rs = new ReadableStream({
      type: 'bytes',
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.close();
      },
    });
    const [a, b] = rs.tee();
    const ra = await a.getReader().read();
    const rb = await b.getReader({ mode: 'byob' }).read(new Uint8Array(4));
    log('tee', show(ra), show(rb));
  },
  async () => {
    const blob = new Blob(['hello ', 'blob']);
    let joined = '';
    for await (const chunk of blob.stream()) joined += Buffer.from(chunk).toString();
    log('blob', joined);
    const reader = new Blob(['abcdef']).stream().getReader({ mode: 'byob' });
    log('blob byob', show(await reader.read(new Uint8Array(4))));
    const big = new Blob([new Uint8Array(70000)]);
    const sizes = [];
    for await (const chunk of big.stream()) sizes.push(chunk.byteLength);
    log('blob sizes', sizes.reduce((a, b) => a + b, 0));
  },
  async () => {
    new ReadableStream({
      type: 'bytes',
      start(c) {
        try { c.enqueue(new Uint8Array(0)); } catch (e) { log('empty enqueue:', e.name, e.code); }
        try { c.enqueue('str'); } catch (e) { log('string enqueue:', errText(e)); }
        c.close();
        try { c.close(); } catch (e) { log('close twice:', e.name, e.code); }
      },
    });
    try { new ReadableStream().getReader({ mode: 'byob' }); } catch (e) { log('byob on default:', e.name, e.code); }
    try { new ReadableStream({}).getReader({ mode: 'x' }); } catch (e) { log('bad mode:', errText(e)); }
    try { new ReadableStream({ type: 'bytes' }, { size() { return 1; } }); } catch (e) { log('size on bytes:', e.name, e.code); }
    const reader = new ReadableStream({ type: 'bytes' }).getReader({ mode: 'byob' });
    try { await reader.read(new Uint8Array(0)); } catch (e) { log('empty view:', e.name, e.code); }
    try { await reader.read('x'); } catch (e) { log('not a view:', e.name, e.code); }
  },
];

(async () => {
  for (const s of steps) await s();
  log('done');
})();
