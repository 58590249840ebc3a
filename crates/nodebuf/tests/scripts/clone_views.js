// structuredClone and postMessage of views and buffers that are detached, out of bounds or lie
// about their geometry: V8's errors, the engine's slots (never own properties or getters).
const detach = (ab) => structuredClone(ab, { transfer: [ab] });
function T(l, f) { try { const r = f(); console.log(l, r && r.constructor.name, r && r.byteLength); } catch (e) { console.log(l, e.name, e.code, e.message); } }
const oobOf = (mk) => () => { const ab = new ArrayBuffer(16, { maxByteLength: 32 }); const v = mk(ab); ab.resize(1); return v; };
const detOf = (mk) => () => { const ab = new ArrayBuffer(16); const v = mk(ab); detach(ab); return v; };
for (const [n, mk] of [['u8', (ab) => new Uint8Array(ab, 4, 8)], ['u16', (ab) => new Uint16Array(ab, 4, 4)], ['buf', (ab) => Buffer.from(ab, 4, 8)], ['dv', (ab) => new DataView(ab, 4, 8)]]) {
  T('oob ' + n, () => structuredClone(oobOf(mk)()));
  T('det ' + n, () => structuredClone(detOf(mk)()));
  T('oob transfer ' + n, () => { const v = oobOf(mk)(); return structuredClone(v, { transfer: [v.buffer] }); });
  T('det in obj ' + n, () => structuredClone({ a: detOf(mk)() }));
  T('lie ' + n, () => { const v = mk(new ArrayBuffer(16)); Object.defineProperty(v, 'byteLength', { get() { console.log('getter!'); return 3; } }); Object.defineProperty(v, 'buffer', { value: new ArrayBuffer(64) }); return structuredClone(v); });
}
T('track', () => { const ab = new ArrayBuffer(16, { maxByteLength: 32 }); const v = new Uint8Array(ab); ab.resize(8); const c = structuredClone(v); ab.resize(12); return c; });
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const ab = new ArrayBuffer(4); detach(ab);
try { port1.postMessage(1, [ab]); console.log('posted'); } catch (e) { console.log('post', e.name, e.message); }
try { console.log(receiveMessageOnPort(port2)); } catch (e) { console.log('recv', e.name, e.message); }
try { console.log(structuredClone(1, { transfer: [ab] })); } catch (e) { console.log('clone', e.name, e.message); }
const u = new Uint8Array(4); detach(u.buffer);
try { console.log(structuredClone(u, { transfer: [u.buffer] })); } catch (e) { console.log('clone2', e.name, e.message); }
port1.close();
const ab2 = new ArrayBuffer(4); structuredClone(ab2, {transfer:[ab2]});
for (const f of [() => structuredClone(ab2, {transfer:[ab2]}).byteLength, () => structuredClone(ab2), () => structuredClone({a: ab2}, {transfer:[ab2]}).a.byteLength]) { try { console.log(f()); } catch (e) { console.log(e.name, e.message); } }
for (const mk of [(ab) => new DataView(ab, 2), (ab) => new Uint8Array(ab, 2)]) {
  const ab = new ArrayBuffer(8);
  const v = mk(ab);
  detach(ab);
  try { console.log(structuredClone(v, { transfer: [ab] })); } catch (e) { console.log('detached view, transferred', e.name, e.message); }
}
