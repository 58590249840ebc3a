// V8's async stack frames: below an async function resumed after an `await`, the async
// functions awaiting it (`at async f (file:line:col)`, placed at their `await`), through
// methods, static methods, arrows, anonymous callbacks and `Promise.all` elements
// (`at async Promise.all (index N)`), and through a promise's own resolve function
// (`Promise.race`, an executor passing `resolve` to `then`); none for a promise returned without
// `await`; and the
// CallSite methods (isAsync, isPromiseAll, getPromiseIndex) seen by Error.prepareStackTrace.
'use strict';
async function inner() { await null; throw new Error('deep'); }
async function middle() { const x = 1;   await inner(); return x; }
const o = { async method() { return await middle(); } };
async function top() { try { await o.method(); } catch (e) { console.log(e.stack); } }
top().then(async () => {
  async function a() { await null; return new Error('made').stack; }
  async function b() { const s = await a(); return s; }
  console.log(await b());
  class K { async run() { await null; throw new TypeError('k'); } static async st() { await new K().run(); } }
  try { await K.st(); } catch (e) { console.log(e.stack); }
  async function viaAll() { await Promise.all([1, inner()]); }
  try { await viaAll(); } catch (e) { console.log(e.stack); }
  const arrow = async () => { await inner(); };
  try { await arrow(); } catch (e) { console.log(e.stack); }
  async function noAwait() { return inner(); }
  try { await noAwait(); } catch (e) { console.log(e.stack); }
  async function viaRace() { await Promise.race([inner(), new Promise(() => {})]); }
  try { await viaRace(); } catch (e) { console.log(e.stack); }
  async function viaExecutor() { await new Promise((resolve, reject) => inner().then(resolve, reject)); }
  try { await viaExecutor(); } catch (e) { console.log(e.stack); }
  async function viaResolve() { await Promise.resolve(inner()); }
  try { await viaResolve(); } catch (e) { console.log(e.stack); }
  async function loop(n) { if (n === 0) { await null; throw new Error('bottom'); } await loop(n - 1); }
  try { await loop(12); } catch (e) { console.log(e.stack); }
  Error.stackTraceLimit = 3;
  try { await loop(5); } catch (e) { console.log(e.stack); }
  Error.stackTraceLimit = 10;
  const saved = Error.prepareStackTrace;
  Error.prepareStackTrace = (e, sites) => sites.map((s) => [s.isAsync(), s.isPromiseAll(),
    s.getPromiseIndex(), s.getFunctionName(), s.getTypeName(), s.getMethodName(),
    s.getFileName() === __filename, s.getLineNumber(), s.isNative(), s.isToplevel(),
    String(s)].join('|')).join('\n');
  try { await viaAll(); } catch (e) { console.log(e.stack); }
  Error.prepareStackTrace = saved;
  async function uncaught() { await null; throw new RangeError('uncaught'); }
  async function outer() { await uncaught(); }
  outer();
});
