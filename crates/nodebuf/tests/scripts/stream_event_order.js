// Seeded random stream scenarios; every event, callback and return value is logged in order, so
// node and nodebuf must agree on Node's nextTick/microtask scheduling of stream events.
// NODEBUF_SEED / NODEBUF_DIFF_CASES pick the seed and the number of cases.
'use strict';
const { Readable, Writable, Duplex, Transform, PassThrough, pipeline, finished } = require('stream');

let seed = Number(process.env.NODEBUF_SEED || 20261205) >>> 0;
function rand(n) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % n;
}
function pick(list) { return list[rand(list.length)]; }
const cases = Number(process.env.NODEBUF_DIFF_CASES || 40);

function show(v) {
  if (v === null) return 'null';
  if (Buffer.isBuffer(v)) return `<${v.toString('latin1')}>`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Error) return `${v.name}:${v.code || ''}:${v.message}`;
  return String(v);
}

function watch(log, name, stream) {
  for (const ev of ['readable', 'data', 'end', 'finish', 'prefinish', 'drain', 'close', 'error', 'pause', 'resume', 'pipe', 'unpipe']) {
    if (ev === 'readable' || ev === 'data') continue;
    stream.on(ev, (arg) => log(`${name} ${ev}${arg !== undefined && ev !== 'pipe' && ev !== 'unpipe' ? ' ' + show(arg) : ''}`));
  }
}

function chunks() {
  const out = [];
  const n = rand(6);
  for (let i = 0; i < n; i++) out.push('abcdefghij'.slice(0, 1 + rand(10)));
  return out;
}

function readableCase(log, done) {
  const data = chunks();
  const objectMode = rand(4) === 0;
  const hwm = pick([0, 1, 3, 16]);
  const asyncPush = rand(2) === 0;
  let i = 0;
  const r = new Readable({
    objectMode,
    highWaterMark: hwm,
    read() {
      const push = () => {
        const more = i < data.length ? this.push(data[i++]) : this.push(null);
        log(`push -> ${more}`);
      };
      if (asyncPush) process.nextTick(push); else push();
    },
  });
  if (rand(3) === 0) r.setEncoding(pick(['utf8', 'hex', 'base64']));
  watch(log, 'r', r);
  const mode = rand(3);
  if (mode === 0) r.on('data', (c) => log(`data ${show(c)}`));
  else if (mode === 1) r.on('readable', () => { let c; while ((c = r.read(rand(3) === 0 ? 2 : undefined)) !== null) log(`read ${show(c)}`); log('read null'); });
  else (async () => { for await (const c of r) log(`iter ${show(c)}`); log('iter done'); })();
  r.on('close', () => setImmediate(done));
}

function writableCase(log, done) {
  const hwm = pick([1, 4, 16]);
  const useWritev = rand(2) === 0;
  const asyncCb = rand(2) === 0;
  const failAt = rand(4) === 0 ? rand(4) : -1;
  let n = 0;
  const w = new Writable({
    highWaterMark: hwm,
    write(chunk, enc, cb) {
      log(`_write ${show(chunk)} ${enc}`);
      const err = n++ === failAt ? new Error('boom') : null;
      if (asyncCb) setImmediate(cb, err); else cb(err);
    },
    writev: useWritev ? function (list, cb) {
      log(`_writev ${list.map((x) => show(x.chunk)).join(',')}`);
      if (asyncCb) setImmediate(cb); else cb();
    } : undefined,
    final(cb) { log('_final'); process.nextTick(cb); },
  });
  watch(log, 'w', w);
  const data = chunks();
  if (rand(2) === 0) w.cork();
  for (const c of data) log(`write ${c} -> ${w.write(c, (err) => log(`cb ${c} ${show(err)}`))}`);
  if (w.writableCorked) process.nextTick(() => w.uncork());
  w.end((err) => log(`end cb ${show(err)}`));
  w.on('close', () => setImmediate(done));
}

function pipelineCase(log, done) {
  const data = chunks();
  const upper = new Transform({
    highWaterMark: pick([1, 2, 16]),
    transform(c, e, cb) {
      if (String(c) === 'abc' && rand(2) === 0) return cb(new Error('bad chunk'));
      cb(null, String(c).toUpperCase());
    },
    flush(cb) { log('flush'); cb(null, '!'); },
  });
  const got = [];
  const sink = new Writable({ write(c, e, cb) { got.push(String(c)); setImmediate(cb); } });
  watch(log, 't', upper);
  watch(log, 's', sink);
  const stages = [Readable.from(data), upper];
  if (rand(2) === 0) stages.push(new PassThrough());
  stages.push(sink);
  pipeline(...stages, (err) => {
    log(`pipeline ${show(err)} ${got.join('|')}`);
    setImmediate(done);
  });
}

function destroyCase(log, done) {
  const d = new Duplex({
    read() {},
    write(c, e, cb) { cb(); },
  });
  watch(log, 'd', d);
  finished(d, (err) => log(`finished ${show(err)}`));
  d.push('x');
  const how = rand(3);
  if (how === 0) d.destroy(new Error('gone'));
  else if (how === 1) d.destroy();
  else { d.end(); d.push(null); d.resume(); }
  setTimeout(done, 5);
}

// Multi-byte text cut at random byte boundaries, decoded by setEncoding.
function decoderCase(log, done) {
  const text = 'aé€😀ß\u0100z'.repeat(1 + rand(3));
  const bytes = Buffer.from(text, 'utf8');
  const encoding = ['utf8', 'utf16le', 'base64', 'hex', 'latin1'][rand(5)];
  const source = encoding === 'utf16le' ? Buffer.from(text, 'utf16le') : bytes;
  const r = new Readable({ read() {} });
  r.setEncoding(encoding);
  let off = 0;
  while (off < source.length) {
    const n = 1 + rand(5);
    r.push(source.subarray(off, off + n));
    off += n;
  }
  r.push(null);
  const parts = [];
  r.on('data', (c) => parts.push(c));
  r.on('end', () => {
    log(`decoded ${encoding} ${parts.map((p) => JSON.stringify(p)).join('|')}`);
    setImmediate(done);
  });
}

const kinds = [readableCase, writableCase, pipelineCase, destroyCase, decoderCase];
let k = 0;
function next() {
  if (k >= cases) return;
  const kind = pick(kinds);
  const id = k++;
  const log = (m) => console.log(`${id} ${m}`);
  log(kind.name);
  kind(log, next);
}
next();
