// V8's circular-structure message from JSON.stringify (engine patch quickjs-0014): the cycle's
// path with constructor names, array indices, V8's elision of long paths, and the stack's first
// lines carrying the whole message.
const t = (f) => { try { f(); console.log('ok'); } catch (e) { console.log(e.name + ': ' + e.message); } };
const a = {}; let c = a; for (let i = 0; i < 8; i++) { c.next = {}; c = c.next; } c.back = a;
t(() => JSON.stringify(a));
const b = Object.create(null); b.self = b; t(() => JSON.stringify(b));
const d = [[[]]]; d[0][0].push(d); t(() => JSON.stringify(d));
const f = { x: { y: 1 } }; f.x.z = f.x; t(() => JSON.stringify(f));
class K {} const k = new K(); k.s = k; t(() => JSON.stringify({ k }));
const m = { 'a b': {} }; m['a b']['c"d'] = m; t(() => JSON.stringify(m));
const g = { p: {} }; g.p.q = { r: {} }; g.p.q.r.s = g.p; t(() => JSON.stringify(g, null, 2));
const h = [1, { z: [] }]; h[1].z.push(h[1]); t(() => JSON.stringify(h));
const u = {}; u.a = { b: { c: { d: u } } }; t(() => JSON.stringify(u));
const v = {}; v.a = { b: { c: { d: { e: v } } } }; t(() => JSON.stringify(v));
try { JSON.stringify(a); } catch (e) { console.log(e.stack.split('\n').slice(0, 4).join('|')); }
