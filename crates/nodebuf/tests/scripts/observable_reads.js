'use strict';
// Node's ordinary property reads (counted) in TextDecoder's options, util.inspect of views whose
// length lies (own getters and a replaced %TypedArray% getter), the Blob/File constructors, and
// {enc}Write given a non-string (rejected before either offset is converted).
{
const mk=(L)=>new Proxy({stream:false},{get(t,k){L.push(String(k));return t[k]}});
for (const lab of ['utf-8','utf-16le','latin1','utf-8s']) {
  let td; if (lab==='utf-8s') { td=new TextDecoder(); td.decode(new Uint8Array(1),{stream:true}); } else td=new TextDecoder(lab);
  for (const inp of [5, new Uint8Array([65,66]), undefined, 'x', new DataView(new ArrayBuffer(2))]) for (const o of [5, 'x', null, undefined, ()=>1, true]) {
    let r; try { r = JSON.stringify(td.decode(inp, o)); } catch (e) { r = e.code + ' ' + e.message; }
    console.log(lab, typeof inp, typeof o, r);
  }
  const L=[]; try { td.decode(5, mk(L)) } catch(e) { L.push(e.code) } console.log(lab, L.join());
  const L2=[]; try { td.decode(new Uint8Array(1), mk(L2)) } catch(e) { L2.push(e.code) } console.log(lab, L2.join());
}
for (const o of [5, 'x', null, undefined, ()=>1, true]) { try { const t=new TextDecoder('utf-8', o); console.log('ctor', typeof o, t.fatal) } catch(e) { console.log('ctor', typeof o, e.code, e.message) } }
try { new TextDecoder('bogus', 5) } catch(e) { console.log(e.code, e.message) }
{ const L=[]; const td=new TextDecoder(); td.decode(new Uint8Array([65]), new Proxy({stream:true},{get(t,k){L.push(String(k));return t[k]}})); console.log('switch', L.join()); }
{ const L=[]; const td=new TextDecoder('latin1'); td.decode(new Uint8Array([65]), new Proxy({stream:true},{get(t,k){L.push(String(k));return t[k]}})); console.log('switch1252', L.join()); }
{ const td=new TextDecoder('utf-8', {ignoreBOM:true}); console.log(JSON.stringify(td.decode(new Uint8Array([0xef,0xbb,0xbf,65]),{stream:true})), td.ignoreBOM); }
{ const td=new TextDecoder('utf-16le', {ignoreBOM:true, fatal: true}); console.log(JSON.stringify(td.decode(new Uint8Array([0xff,0xfe,65,0]))), td.fatal); try { td.decode(new Uint8Array([0,0xd8])) } catch (e) { console.log(e.code) } }
}
{
const hs = Buffer.prototype.hexSlice;
for (const [n,a,b] of [[0,0,3],[8,0,100],[8,0,3],[0,0,0],[8,2,1]]) { try { console.log(JSON.stringify(hs.call(new Uint8Array(n).fill(171), a, b))); } catch (e) { console.log(e.name, e.code, e.message); } }
const util=require('util');
const desc=Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype),'length');
const out=[];
for (const lie of [0,3,1000,200]) { let n=0; Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype),'length',{configurable:true,get(){n++;return lie}});
 for (const n of [0,8]) { try { out.push(util.inspect(new ArrayBuffer(n))); } catch (e) { out.push(e.name+ e.code+ e.message); } }
 try { out.push(util.inspect(new Uint8Array(3))); } catch (e) { out.push(e.name+ e.code+ e.message); }
 try { out.push(util.inspect(new BigInt64Array(3))); } catch (e) { out.push(e.name+ e.code+ e.message); }
 try { out.push(util.inspect(Buffer.alloc(3))); } catch (e) { out.push(e.name+ e.code+ e.message); }
 try { out.push(util.inspect(new DataView(new ArrayBuffer(2)))); } catch (e) { out.push(e.name+ e.code+ e.message); }
 Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype),'length',desc);
 out.push('reads '+n);
}
console.log(out.join('\n'));
}
{
const L=[]; const px=(l,o)=>new Proxy(o,{get(t,k,r){if(typeof k==='string')L.push(l+'.'+k);return Reflect.get(t,k,r)}});
const ab=new ArrayBuffer(8); structuredClone(ab,{transfer:[ab]}); try { ab.slice(0,1) } catch(e) { console.log(e.message) }
try { new Blob([new Uint8Array(ab)]) } catch(e) { console.log(e.message) }
const v={ toString(){L.push('name');return 'n'} };
const f=new File(px('list',['a', new Uint8Array(2)]), v, px('opt',{type:'A/B', lastModified: {valueOf(){L.push('lm');return 7}}, endings: {toString(){L.push('end'); return 'native'}}}));
console.log(L.join(), f.type, f.lastModified, f.name, f.size);
for (const o of [5, 'x', null, ()=>1]) { try { const b=new Blob([], o); console.log('ok', b.type) } catch(e) { console.log(e.code, e.message) } }
for (const s of ['ab', 5, null, {}, new Set(['a'])]) { try { const b=new Blob(s); console.log('ok', b.size) } catch(e) { console.log(e.code, e.message) } }
try { new Blob([], {endings:'x'}) } catch(e) { console.log(e.code, e.message) }
console.log(new File([], 'a', {lastModified: 'x'}).lastModified, new File([], '\ud800').name.length);
console.log(new Blob(['a\nb\r\nc'], {endings:'native'}).size, new Blob([new SharedArrayBuffer(3), new DataView(new ArrayBuffer(4),1)]).size);
try { new File([]) } catch(e) { console.log(e.code, e.message) }
try { new File([], 'a', 5) } catch(e) { console.log(e.code, e.message) }
// lying view
const u=new Uint8Array([1,2,3,4]); Object.defineProperty(u,'byteLength',{get(){L.push('bl');return 2}}); Object.defineProperty(u,'byteOffset',{get(){L.push('bo');return 1}});
L.length=0; new Blob([u]).arrayBuffer().then(a=>console.log(L.join(), new Uint8Array(a)));
{ const M=[]; try { new Blob(new Proxy(['a'],{get(t,k,r){if(typeof k==='string')M.push('l.'+k);return Reflect.get(t,k,r)}}), {type:{toString(){M.push('type');return 'X'}}, endings: {toString(){M.push('end');return 'bad'}}}) } catch(e){M.push(e.code)} console.log(M.join()); }
{ const M=[]; const b=new Blob(['a'], {type:{toString(){M.push('type');return 'X\u00ff'}}}); console.log(M.join(), JSON.stringify(b.type)); }
{ const M=[]; const b=new Blob([{toString(){M.push('part');return 'pp'}}], {type:{toString(){M.push('type');return 'X'}}}); console.log(M.join(), b.size); }
{ const ab=new ArrayBuffer(4); const u=new Uint8Array(ab); const M=[]; const TA=Object.getPrototypeOf(Uint8Array.prototype); const d=Object.getOwnPropertyDescriptor(TA,'byteLength'); Object.defineProperty(TA,'byteLength',{configurable:true,get(){M.push('TA.bl');return d.get.call(this)}}); new Blob([ab,'x',u, new DataView(ab)]); Object.defineProperty(TA,'byteLength',d); console.log(M.join()); }
{ const M=[]; const b1=new Blob(['abc']); Object.defineProperty(b1,'size',{get(){M.push('size');return 1}}); const b2=new Blob([b1]); console.log(M.join(), b2.size); }
{ const f=new File(['x'],'n',{lastModified: -0}); console.log(Object.is(f.lastModified,-0), new File([],'n',{lastModified:1.5}).lastModified, new File([],'n',{lastModified:null}).lastModified); }
}
{
const b=Buffer.alloc(8); const L=[]; const n=(v)=>({valueOf(){L.push(v);return v}});
for (const m of ['latin1Write','hexWrite','utf8Write','asciiWrite','base64Write','ucs2Write','base64urlWrite']) for (const s of [5, undefined, {toString(){L.push('s');return 'x'}}, new String('ab'), Symbol.iterator]) { L.length=0; try { console.log(m, b[m](s, n(1), n(2))) } catch(e) { console.log(m, e.name, e.code, e.message, L.join()) } }
}
