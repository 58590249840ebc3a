'use strict';
// WHATWG streams (stream/web and the globals): default readable streams with strategies,
// readers, async iteration, tee, pipeTo/pipeThrough, WritableStream backpressure and errors,
// TransformStream, and the Node-stream bridges (toWeb/fromWeb), printing each step's results.
const web = require('stream/web');
const { Readable, Writable, Duplex, PassThrough } = require('stream');
const { text } = require('stream/consumers');

const log = (...args) => console.log(...args);
const errText = (e) => `${e.name} ${e.code} ${e.message}`;

const steps = [];
const step = (fn) => steps.push(fn);

step(async () => {
  log('globals', ReadableStream === web.ReadableStream, WritableStream === web.WritableStream,
      TransformStream === web.TransformStream, CountQueuingStrategy === web.CountQueuingStrategy);
  const sizes = [];
  const rs = new ReadableStream({
    start(c) {
      sizes.push(c.desiredSize);
      c.enqueue('a');
      sizes.push(c.desiredSize);
      c.enqueue('bb');
      sizes.push(c.desiredSize);
    },
    pull(c) {
      sizes.push(`pull ${c.desiredSize}`);
      c.close();
    },
  }, new CountQueuingStrategy({ highWaterMark: 3 }));
  const reader = rs.getReader();
  log('locked', rs.locked);
  try { rs.getReader(); } catch (e) { log('second reader:', errText(e)); }
  log(await reader.read(), await reader.read(), await reader.read(), await reader.read());
  log('sizes', sizes);
  await reader.closed;
  log('closed');
});

step(async () => {
  const strategy = new ByteLengthQueuingStrategy({ highWaterMark: 4 });
  log('bytelength', strategy.highWaterMark, strategy.size(new Uint8Array(3)));
  try { new CountQueuingStrategy({}); } catch (e) { log('no hwm:', errText(e)); }
  try { new ReadableStream({}, { highWaterMark: -1 }); } catch (e) { log('bad hwm:', errText(e)); }
  try { new ReadableStream({ type: 'nope' }); } catch (e) { log('bad type:', errText(e)); }
  try { new ReadableStreamDefaultController(); } catch (e) { log('ctor:', errText(e)); }
});

step(async () => {
  let i = 0;
  const rs = new ReadableStream({
    pull(c) {
      if (i < 4) c.enqueue(i++);
      else c.close();
    },
  });
  const out = [];
  for await (const v of rs) out.push(v);
  log('iterated', out, rs.locked);
  const errored = new ReadableStream({ start(c) { c.error(new Error('boom')); } });
  try {
    for await (const v of errored) log(v);
  } catch (e) {
    log('iterate errored:', e.message);
  }
  let canceled;
  const early = new ReadableStream({
    pull(c) { c.enqueue('x'); },
    cancel(reason) { canceled = reason; },
  });
  for await (const v of early) {
    log('first', v);
    break;
  }
  log('canceled with', canceled);
});

step(async () => {
  const rs = ReadableStream.from(['p', 'q', 'r']);
  const [a, b] = rs.tee();
  const readAll = async (s) => {
    const out = [];
    for await (const v of s) out.push(v);
    return out;
  };
  log('tee', await readAll(a), await readAll(b));
});

step(async () => {
  const written = [];
  const events = [];
  const ws = new WritableStream({
    start() { events.push('start'); },
    write(chunk) {
      events.push(`write ${chunk}`);
      return new Promise((resolve) => setTimeout(() => { written.push(chunk); resolve(); }, 1));
    },
    close() { events.push('close'); },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = ws.getWriter();
  log('desired', writer.desiredSize);
  const p1 = writer.write('one');
  log('desired', writer.desiredSize);
  writer.write('two');
  log('desired', writer.desiredSize);
  await p1;
  await writer.ready;
  await writer.close();
  log('written', written, events, writer.desiredSize);
  try {
    await ws.getWriter();
  } catch (e) {
    log('second writer:', errText(e));
  }
});

step(async () => {
  const ws = new WritableStream({
    write() { throw new Error('sink failed'); },
  });
  const writer = ws.getWriter();
  try {
    await writer.write('x');
  } catch (e) {
    log('write rejected:', e.message);
  }
  try {
    await writer.closed;
  } catch (e) {
    log('closed rejected:', e.message, writer.desiredSize);
  }
  let abortReason;
  const ws2 = new WritableStream({ abort(reason) { abortReason = reason; } });
  await ws2.abort('stop');
  log('aborted with', abortReason);
});

step(async () => {
  const ts = new TransformStream({
    transform(chunk, c) { c.enqueue(chunk.toUpperCase()); c.enqueue('|'); },
    flush(c) { c.enqueue('END'); },
  });
  const result = text(ts.readable);
  const writer = ts.writable.getWriter();
  writer.write('ab');
  writer.write('cd');
  writer.close();
  log('transformed', await result);

  const collected = [];
  await ReadableStream.from(['x', 'y'])
    .pipeThrough(new TransformStream({ transform(c, ctl) { ctl.enqueue(c + c); } }))
    .pipeTo(new WritableStream({ write(c) { collected.push(c); } }));
  log('piped', collected);

  const ac = new AbortController();
  const never = new ReadableStream({ pull() { return new Promise(() => {}); } });
  const piping = never.pipeTo(new WritableStream(), { signal: ac.signal });
  ac.abort();
  try {
    await piping;
  } catch (e) {
    log('pipe aborted:', e.name);
  }
});

step(async () => {
  const readable = Readable.from(['n1', 'n2', 'n3'], { objectMode: true });
  const out = [];
  for await (const v of Readable.toWeb(readable)) out.push(v);
  log('toWeb', out);

  const bytes = new PassThrough();
  bytes.end('hello bytes');
  const reader = Readable.toWeb(bytes).getReader();
  const first = await reader.read();
  log('toWeb bytes', first.value instanceof Uint8Array, Buffer.isBuffer(first.value), Buffer.from(first.value).toString());

  const fromWeb = Readable.fromWeb(ReadableStream.from(['w1', 'w2']), { objectMode: true });
  const got = [];
  fromWeb.on('data', (d) => got.push(d));
  await new Promise((resolve) => fromWeb.on('end', resolve));
  log('fromWeb', got);

  const sink = [];
  const writable = Writable.fromWeb(new WritableStream({ write(c) { sink.push(Buffer.from(c).toString()); } }));
  writable.write('to ');
  writable.end('web');
  await new Promise((resolve) => writable.on('finish', resolve));
  log('Writable.fromWeb', sink);

  const nodeSink = [];
  const nodeWritable = new Writable({ write(c, e, cb) { nodeSink.push(c.toString()); cb(); } });
  const webWriter = Writable.toWeb(nodeWritable).getWriter();
  await webWriter.write('a');
  await webWriter.write(new Uint8Array([98]));
  await webWriter.close();
  log('Writable.toWeb', nodeSink, nodeWritable.writableFinished);

  const duplex = Duplex.fromWeb({
    readable: ReadableStream.from(['d1']),
    writable: new WritableStream({ write(c) { log('duplex wrote', c); } }),
  }, { objectMode: true });
  duplex.write('to-web');
  duplex.on('data', (d) => log('duplex read', d));
  await new Promise((resolve) => duplex.on('end', resolve));

  const fromDuplex = Duplex.from(ReadableStream.from(['dx']));
  fromDuplex.on('data', (d) => log('Duplex.from web', d.toString()));
  await new Promise((resolve) => fromDuplex.on('end', resolve));
});

(async () => {
  for (const fn of steps) await fn();
  log('done');
})();
