// util.inspect of the web-streams classes prints what each exposes (type name, locked/state,
// pending request counts, the promises), never internal state; nested past the depth limit it
// prints undefined. Releasing a reader fails its pending reads with "Releasing reader".
const w = require('stream/web');
const util = require('util');

(async () => {
  let rc; let bc; let wc; let tc;
  const rs = new w.ReadableStream({ start(c) { rc = c; } });
  console.log(rs, [rs], { a: rs }, rc);
  const reader = rs.getReader();
  reader.read(); reader.read();
  console.log(reader, util.inspect(reader, { depth: 0 }), util.inspect({ a: { b: rs } }, { depth: 1 }));
  const bytes = new w.ReadableStream({ type: 'bytes', start(c) { bc = c; } });
  console.log(bytes, bc);
  const byob = bytes.getReader({ mode: 'byob' });
  const pending = byob.read(new Uint8Array(2));
  console.log(byob, bc.byobRequest);
  byob.releaseLock();
  await pending.catch((e) => console.log(e.code, e.message));
  console.log(byob);
  await byob.closed.catch((e) => console.log(e.code, e.message));

  const ws = new w.WritableStream({ start(c) { wc = c; } }, { highWaterMark: 3 });
  const writer = ws.getWriter();
  console.log(ws, writer, wc);
  await writer.close();
  console.log(ws, writer);
  writer.releaseLock();
  try { util.inspect(writer); } catch (e) { console.log(e.code, e.message); }

  const ts = new w.TransformStream({ start(c) { tc = c; } });
  console.log(ts, tc);
  class Sub extends w.ReadableStream {}
  const sub = new Sub();
  sub.extra = 1;
  console.log(sub, Object.prototype.toString.call(sub));
  console.log(new w.ByteLengthQueuingStrategy({ highWaterMark: 3 }), new w.CountQueuingStrategy({ highWaterMark: 2 }));
  console.log(new w.TextEncoderStream(), new w.TextDecoderStream('latin1', { fatal: false }));
  console.log(new w.CompressionStream('gzip'), new w.DecompressionStream('deflate'));
  const errored = new w.ReadableStream({ start(c) { c.error(new Error('x')); } });
  const closed = new w.ReadableStream({ start(c) { c.close(); } });
  console.log(errored, closed, util.inspect(closed, { depth: -1 }));
})();
