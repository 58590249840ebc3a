// readline's API over streams: options and their errors, line splitting (\\r at a chunk end
// then \\n), question (pending twice, aborted), readline/promises question with signals,
// the cursor/clear helpers' escape sequences and errors, the Readline batcher, pause/resume/close
// events, and Node's order of events when the input ends.
const readline = require('readline');
const { PassThrough } = require('stream');
console.log(Object.keys(require('readline/promises')));
const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: 5 });
console.log(rl.crlfDelay, rl.historySize, rl.terminal, rl.line, rl.cursor, rl.getPrompt(), typeof rl.history, rl.removeHistoryDuplicates, rl.tabSize, rl.escapeCodeTimeout);
console.log(Object.keys(rl));
for (const ev of ['line', 'close', 'pause', 'resume', 'history']) rl.on(ev, (...a) => console.log(ev, JSON.stringify(a)));
input.write('a\r');
input.write('\nb\r\n\rc');
input.end('d');
try { readline.createInterface({input, historySize: -1}); } catch (e) { console.log(e.code, e.message); }
try { readline.cursorTo(process.stdout, NaN); } catch (e) { console.log(e.code, e.message); }
try { readline.cursorTo(process.stdout, 1, 2, 3); } catch (e) { console.log(e.code, e.message); }
try { readline.createInterface({input, completer: 1}); } catch (e) { console.log(e.code, e.message); }
try { readline.createInterface({input, tabSize: 0}); } catch (e) { console.log(e.code, e.message); }
try { readline.createInterface({input, prompt: 1}); } catch (e) { console.log(e.code, e.message); }
setTimeout(() => { try { rl.question('x', () => {}); } catch (e) { console.log(e.code, e.message); }
try { rl.write('x'); } catch (e) { console.log(e.code, e.message); } 
rl.close(); console.log('closed again', rl.closed);
}, 10);
setTimeout(() => {

const i = new PassThrough();
const rl = readline.createInterface({ input: i, output: null });
rl.question('q', (a) => console.log('ans', JSON.stringify(a)));
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
rl.on('close', () => console.log('close'));
i.write('\uFEFFbom\n');
i.end('tail');
console.log(readline.clearLine(null, 0, () => console.log('cb')), readline.moveCursor(null,1,1), readline.cursorTo(null, 1));
const w2 = new (require("stream").Writable)(); w2.write = function write(d, cb) { console.log('w', JSON.stringify(d), typeof cb); return "r"; };
console.log(readline.clearLine(w2, -1), readline.clearLine(w2, 1), readline.clearLine(w2, 0), readline.clearScreenDown(w2), readline.cursorTo(w2, 3), readline.cursorTo(w2, 3, 4), readline.moveCursor(w2, -2, 3), readline.moveCursor(w2, 2, -3), readline.moveCursor(w2, 0, 0));
try { readline.clearLine(w2, 0, 1) } catch (e) { console.log(e.code, e.message); }
try { readline.moveCursor(w2, 'a', 1) } catch (e) { console.log(e.code, e.message); }
console.log(readline.moveCursor(w2, '2', 1));
try { readline.cursorTo(w2, '2', 1) } catch (e) { console.log(e.code, e.message); }
try { readline.cursorTo(w2, 2, '1') } catch (e) { console.log(e.code, e.message); }
try { readline.cursorTo(w2, undefined, 1) } catch (e) { console.log(e.code, e.message); }
console.log(readline.cursorTo(w2, 1.5, -2))
try { new (require("readline/promises").Readline)({}) ; } catch (e) { console.log(e.code, e.message.slice(0,40)); }
const R = new (require('readline/promises').Readline)(w2, { autoCommit: false });
R.clearLine(0).cursorTo(1, 2).moveCursor(1, -1).clearScreenDown();
R.commit().then((v) => console.log('committed', v));
const R2 = new (require('readline/promises').Readline)(w2, { autoCommit: true });
console.log(R2.clearLine(1) === R2);
}, 30);
setTimeout(() => {

const rp = require('readline/promises');
const { Writable } = require('stream');
const out2 = new Writable({ write(c, e, cb) { console.log('out', JSON.stringify(String(c))); cb(); } });
(async () => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, output: out2, prompt: '$ ' });
  rl.on('close', () => console.log('close'));
  rl.prompt();
  rl.question('q1? ', (a) => console.log('a1', a));
  rl.question('q2? ', (a) => console.log('a2', a));
  input.write('yes\n');
  await new Promise((r) => setTimeout(r, 5));
  const ac = new AbortController();
  rl.question('q3? ', { signal: ac.signal }, (a) => console.log('a3', a));
  ac.abort();
  console.log(JSON.stringify(rl.getPrompt()), rl.line, rl.cursor);
  input.write('after\n');
  rl.on('line', (l) => console.log('line', l));
  await new Promise((r) => setTimeout(r, 5));
  const r2 = rp.createInterface({ input, output: out2 });
  const p = r2.question('pq? ');
  input.write('pans\n');
  console.log('pa', await p);
  const ac2 = new AbortController();
  const p2 = r2.question('pq2? ', { signal: ac2.signal });
  ac2.abort();
  try { await p2; } catch (e) { console.log(e.name, e.code, e.message); }
  const p3 = Promise.resolve('skip');
  r2.close();
  try { console.log(await p3); } catch (e) { console.log(e.name, e.code, e.message); }
  try { await rp.createInterface({ input }).question('x', { signal: AbortSignal.abort() }); } catch (e) { console.log(e.name, e.code, e.message); }
  const i3 = new PassThrough();
  const rl3 = readline.createInterface({ input: i3 });
  i3.end('l1\nl2\r\nl3');
  for await (const l of rl3) console.log('iter', l);
  const i4 = new PassThrough();
  const rl4 = readline.createInterface({ input: i4 });
  rl4.on('close', () => console.log('rl4 close'));
  i4.write('m1\nm2\n');
  for await (const l of rl4) { console.log('iter4', l); break; }
  console.log('destroyed', i4.destroyed, rl4.closed);
  rl.close();
})();
}, 60);
// Last, once everything above is done (the block before awaits timers: on a loaded machine a
// fixed delay could interleave them).
let lastBlockRan = false;
process.on('beforeExit', () => {
  if (lastBlockRan) return;
  lastBlockRan = true;
  // cursorTo's argument rules: no number at all writes nothing; a row needs a column.
  const w3 = new (require('stream').Writable)();
  w3.write = function write(d, cb) { console.log('w3', JSON.stringify(d), typeof cb); return 'r'; };
  for (const args of [['a'], ['a', 'b'], [1, 'a'], [undefined], [], [1.5], [-3, 0]]) {
    console.log(JSON.stringify(args), readline.cursorTo(w3, ...args));
  }
  try { readline.cursorTo(w3, 'a', 1); } catch (e) { console.log(e.code, e.message); }
  try { readline.cursorTo(w3, 1, 1, null); } catch (e) { console.log(e.code); }
  readline.cursorTo(null, 1, 1, (err) => console.log('cb', err));
});
