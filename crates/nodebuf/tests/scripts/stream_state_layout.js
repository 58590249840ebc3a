// The layout Node v20.20 gives streams and their states: own keys and their order, the preset
// `_events` slots, the booleans packed under Symbol(kState) (its value shows in util.inspect),
// accessors on the states' prototypes, values kept under their own symbols only once set, and the
// read buffer's consumed slots (`bufferIndex`) — through constructions, writes, reads, pauses,
// ends and errors.
'use strict';
const { Readable, Writable, Duplex, Transform, PassThrough } = require('stream');
const util = require('util');

const kStateOf = (state) => Object.getOwnPropertySymbols(state).find((s) => s.description === 'kState');
const bits = (state) => state[kStateOf(state)];
const symbols = (object) => Object.getOwnPropertySymbols(object).map((s) => s.description).join(',');
const show = (label, value) => console.log(label, util.inspect(value, { depth: 1, breakLength: 120 }));

// --- fresh streams ---
for (const [name, make] of [
  ['Readable', () => new Readable()],
  ['Readable(read)', () => new Readable({ read() {} })],
  ['Readable(objectMode, encoding)', () => new Readable({ objectMode: true, encoding: 'hex', highWaterMark: 3 })],
  ['Writable', () => new Writable()],
  ['Writable(decodeStrings false)', () => new Writable({ decodeStrings: false, defaultEncoding: 'latin1', emitClose: false })],
  ['Duplex', () => new Duplex()],
  ['Duplex(half)', () => new Duplex({ allowHalfOpen: false, readable: false, autoDestroy: false })],
  ['Transform', () => new Transform()],
  ['PassThrough', () => new PassThrough()],
]) {
  const stream = make();
  console.log(name, Reflect.ownKeys(stream).map(String).join(','));
  show(`${name} inspect`, stream);
  if (stream._readableState) console.log('  readable bits', bits(stream._readableState), symbols(stream._readableState));
  if (stream._writableState) console.log('  writable bits', bits(stream._writableState), symbols(stream._writableState));
}

// --- the states' prototypes ---
for (const state of [new Readable()._readableState, new Writable()._writableState]) {
  const proto = Object.getPrototypeOf(state);
  console.log(proto.constructor.name, Object.getOwnPropertyNames(proto).join(','));
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (name === 'constructor') continue;
    console.log(' ', name, typeof d.get, typeof d.set, d.enumerable, d.configurable, typeof d.value);
  }
  show('showHidden', util.inspect(state, { showHidden: true }));
}

// --- every accessor, set to each kind of value on a fresh state ---
for (const [label, make] of [['R', () => new Readable()._readableState], ['W', () => new Writable()._writableState]]) {
  const proto = Object.getPrototypeOf(make());
  for (const name of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d.set) continue;
    const out = [];
    for (const value of [true, false, null, undefined, 'utf8', 'utf-8', 'hex', 0, 5]) {
      const state = make();
      const before = bits(state);
      state[name] = value;
      let read = state[name];
      if (typeof read === 'function') read = `function ${read.name}`;
      out.push(`${String(value)}:${(bits(state) ^ before).toString(2)}/${util.inspect(read)}/${symbols(state)}`);
    }
    console.log(label, name, out.join(' '));
  }
}

// --- the read buffer ---
{
  const r = new Readable({ read() {} });
  r.push('a');
  r.push('b');
  r.push('c');
  r.read(1);
  console.log(r.readableBuffer, r._readableState.bufferIndex);
  r.unshift('z');
  console.log(r.readableBuffer, r._readableState.bufferIndex, r.readableLength);
  r.read(2);
  console.log(r.readableBuffer, r._readableState.bufferIndex);
  r.setEncoding('hex');
  console.log(r.readableBuffer, r._readableState.bufferIndex, r.readableLength);
  const o = new Readable({ read() {}, objectMode: true });
  o.push(1);
  o.push(2);
  o.read();
  console.log(o.readableBuffer, o._readableState.bufferIndex);
  const q = new Readable({ read() {} });
  q.push('abc');
  q.push('def');
  q.push('ghi');
  console.log(q.read(4), q.readableBuffer, q._readableState.bufferIndex, q.read(5), q.readableBuffer,
    q._readableState.bufferIndex);
  const s = new Readable({ read() {}, encoding: 'utf8' });
  s.push('héllo');
  s.push(' wörld');
  console.log(s.read(3), s.readableBuffer, s.read(), s.readableBuffer, s._readableState.bufferIndex);
  // Many chunks taken one at a time: the consumed front is cut off past 1024 slots.
  const long = new Readable({ read() {} });
  for (let i = 0; i < 1500; i++) long.push(Buffer.from([i & 255]));
  const lengths = [];
  for (let i = 0; i < 1400; i++) {
    long.read(1);
    if (i % 200 === 0 || i > 1020 && i < 1030) lengths.push(`${long.readableBuffer.length}@${long._readableState.bufferIndex}`);
  }
  console.log(lengths.join(' '), long.readableLength);
}

// --- a write, end and finish cycle, and an error ---
{
  const w = new Writable({ write(chunk, encoding, cb) { setTimeout(cb, 2); } });
  const state = w._writableState;
  const log = (label) => console.log(label, bits(state).toString(2), symbols(state), state.length,
    state.bufferedIndex, state.pendingcb, state.writelen, state.bufferedRequestCount, state.getBuffer().length);
  log('init');
  w.write('a');
  log('write 1');
  w.write('b', () => {});
  log('write 2');
  w.write('c');
  log('write 3');
  w.end(() => {});
  log('end(cb)');
  w.on('finish', () => {
    log('finish');
    setImmediate(() => {
      log('closed');
      show('writable after close', state);
    });
  });
  const r = new Readable({ read() {} });
  const rs = r._readableState;
  const rlog = (label) => console.log(label, bits(rs).toString(2), symbols(rs), rs.bufferIndex, rs.buffer.length, rs.length);
  r.push('x');
  rlog('push');
  r.read(1);
  rlog('read');
  r.pause();
  rlog('pause');
  r.resume();
  rlog('resume');
  r.setEncoding('hex');
  rlog('setEncoding');
  r.push(null);
  rlog('push null');
  r.on('end', () => {
    rlog('end');
    const e = new Readable({ read() {} });
    e.on('error', (err) => {
      console.log('errored', bits(e._readableState).toString(2), symbols(e._readableState), err.message);
      show('errored state', e._readableState);
    });
    e.destroy(new Error('boom'));
  });
}

// --- preset event slots ---
{
  const r = new Readable({ read() {} });
  console.log(r.eventNames(), r.listenerCount('close'), r._eventsCount);
  const f = () => {};
  r.on('data', f);
  r.on('custom', f);
  console.log(r.eventNames(), Object.keys(r._events).join(), r._eventsCount);
  r.off('data', f);
  console.log(r.eventNames(), Object.keys(r._events).join(), r._eventsCount, r._events.data);
  r.removeAllListeners();
  console.log(r.eventNames(), r._events, r._eventsCount, Reflect.ownKeys(r).map(String).join(','));
  const t = new PassThrough();
  console.log(t.eventNames(), t.listenerCount('prefinish'));
}
