'use strict';
// structuredClone and postMessage with views whose buffer is detached, shrunk or grown while
// the transfer option is read; resizable buffers and length-tracking views after a clone; and
// transfer lists behind a Proxy (every item is taken before any is checked).
const TAProto = Object.getPrototypeOf(Uint8Array.prototype);
const getter = (p, k) => Object.getOwnPropertyDescriptor(p, k).get;
const taBuffer = getter(TAProto, 'buffer');
const dvBuffer = getter(DataView.prototype, 'buffer');
const taTag = getter(TAProto, Symbol.toStringTag);
const isTA = (v) => ArrayBuffer.isView(v) && taTag.call(v) !== undefined;
const bufOf = (v) => (isTA(v) ? taBuffer.call(v) : ArrayBuffer.isView(v) ? dvBuffer.call(v) : v);
const detach = (v) => { const ab = bufOf(v); structuredClone(ab, { transfer: [ab] }); };
const rab = (n, max) => new ArrayBuffer(n, { maxByteLength: max });
const show = (o) => {
  const b = bufOf(o);
  const kind = Object.prototype.toString.call(o);
  const store = b.byteLength + (b.resizable ? ` resizable to ${b.maxByteLength}` : '');
  return ArrayBuffer.isView(o) ? `${kind} ${o.byteOffset}/${o.byteLength} of ${store}` : `${kind} ${store}`;
};

const views = [
  'Buffer.alloc(16)', 'Buffer.alloc(0)', 'Buffer.from(rab(16, 64))', 'Buffer.from(rab(16, 64), 4, 8)',
  'new Uint16Array(rab(16, 64))', 'new DataView(new ArrayBuffer(16), 2)', 'new DataView(rab(16, 64))',
  'new DataView(new ArrayBuffer(0))', 'new Uint8Array(new ArrayBuffer(8), 8)', 'new Uint8Array(new ArrayBuffer(8), 0, 0)',
  'new Uint8Array(rab(12, 64), 0, 0)', 'new DataView(rab(16, 64), 0, 0)', 'new DataView(rab(16, 64), 0, 8)',
  'new DataView(rab(16, 64), 16)', 'rab(8, 32)', 'new ArrayBuffer(8)',
];
const actions = {
  detach: (s) => detach(s),
  shrink: (s) => { const b = bufOf(s); if (b.resizable) b.resize(1); },
  grow: (s) => { const b = bufOf(s); if (b.resizable) b.resize(24); },
};
for (const expr of views) {
  for (const [name, act] of Object.entries(actions)) {
    for (const listed of [true, false]) {
      const s = eval(expr);
      const ab = bufOf(s);
      let out;
      try {
        out = show(structuredClone(s, { get transfer() { act(s); return listed ? [ab] : []; } }));
      } catch (e) {
        out = `${e.name}: ${e.message}`;
      }
      console.log(expr, name, listed ? 'transferred' : 'copied', '->', out);
    }
  }
}

// A resizable buffer stays resizable, and a length-tracking view tracks its copy.
const r = rab(4, 8);
const copies = structuredClone([r, new Uint8Array(r), new Uint8Array(r, 1, 2), new DataView(r, 1)]);
copies[0].resize(8);
console.log(copies.map(show).join('; '));

// Transfer lists behind a Proxy: the reads Node's native makes.
const reads = [];
const counted = (list) => new Proxy(list, {
  get(t, k, r) { if (typeof k === 'string') reads.push(k); return Reflect.get(t, k, r); },
  has(t, k) { reads.push(`has ${String(k)}`); return Reflect.has(t, k); },
});
const { port1, port2 } = new MessageChannel();
for (const list of [[new ArrayBuffer(2)], [new SharedArrayBuffer(2), 1], []]) {
  for (const send of ['structuredClone', 'postMessage', 'postMessage options']) {
    reads.length = 0;
    try {
      if (send === 'structuredClone') structuredClone(1, { transfer: counted(list) });
      else if (send === 'postMessage') port1.postMessage(1, counted(list));
      else port1.postMessage(1, { transfer: counted(list) });
      console.log(send, 'ok', reads.join(','));
    } catch (e) {
      console.log(send, e.code, e.message, reads.join(','));
    }
  }
}
for (const arg of [{ transfer: 5 }, { transfer: {} }, {}, 5, { transfer: null }, () => {}]) {
  try { port1.postMessage(1, arg); console.log('postMessage ok'); } catch (e) { console.log('postMessage', e.code, e.message); }
  try { structuredClone(1, { transfer: arg }); console.log('structuredClone ok'); } catch (e) { console.log('structuredClone', e.code, e.message); }
}
while (receiveMessage()) ;
function receiveMessage() { return require('worker_threads').receiveMessageOnPort(port2); }
port1.close();
