// JSON modules need `with { type: "json" }` (Node's attribute errors otherwise); data: URLs as
// JavaScript or JSON modules; unknown data: MIME types are rejected.
import data from './data.json' with { type: 'json' };
console.log(data);
const m = await import('./data.json', { with: { type: 'json' } }); console.log(m);
try { await import('./data.json'); } catch (e) { console.log(e.code, e.name, e.message); }
try { await import('./plain.mjs', { with: { type: 'json' } }); } catch (e) { console.log(e.code, e.name, e.message); }
try { await import('./plain.mjs', { with: { type: 'css' } }); } catch (e) { console.log(e.code, e.name, e.message); }
const d = await import('data:text/javascript,export default 42; export const b = 1;'); console.log(d);
const dj = await import('data:application/json,{"x":[1]}', { with: { type: 'json' } }); console.log(dj);
try { await import('data:text/plain,hi'); } catch (e) { console.log(e.code, e.name, e.message); }
