// readline tab completion in terminal mode: sync, callback and (readline/promises) async
// completers; a common prefix completed on the first Tab, the list on the second, in columns as
// wide as the longest entry plus two (one per row for an output of unknown width), empty
// entries as row breaks, replacement when the completion does not extend the text, no
// completer (Tab is text), a classic completer returning a promise (completes nothing).
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');
async function run(columns, completer, typed, label) {
  const input = new PassThrough(); const output = new PassThrough();
  if (columns) output.columns = columns;
  const out = []; output.on('data', (c) => out.push(JSON.stringify(String(c))));
  const rl = readline.createInterface({ input, output, terminal: true, prompt: '> ', completer });
  rl.prompt();
  for (const t of typed) { input.write(t); await new Promise((r) => setImmediate(r)); }
  console.log(label, typeof rl.completer, rl.completer && rl.completer.length, JSON.stringify(rl.line), rl.cursor, out.join(' '));
  rl.close();
}
const words = ['alpha', 'alphabet', 'beta', 'banana', '', 'bandana', 'c'];
const sync = (line) => { const w = line.split(' ').pop(); return [words.filter((x) => x.startsWith(w)), w]; };
const cb = (line, callback) => setImmediate(() => callback(null, sync(line)));
(async () => {
  await run(undefined, sync, ['al', '\t'], 'A');
  await run(undefined, sync, ['al', '\t', '\t'], 'B');
  await run(undefined, sync, ['b', '\t', '\t'], 'C');
  await run(30, sync, ['b', '\t', '\t'], 'D');
  await run(12, sync, ['', '\t', '\t'], 'E');
  await run(undefined, cb, ['xx al', '\t'], 'F');
  await run(undefined, sync, ['z', '\t', '\t'], 'G');
  await run(undefined, undefined, ['a\tb'], 'H');
  await run(undefined, (l) => [['ALPHA'], 'al'], ['al', '\t'], 'I');
  await run(undefined, (l) => [[], l], ['al', '\t', '\t'], 'J');
  await promiseCompleters();
})();
async function promiseCompleters() {
  await run(undefined, async (l) => [['alpha'], 'al'], ['al', '\t'], 'P');
  const rp = require('readline/promises');
  const input = new PassThrough(); const output = new PassThrough();
  const out = []; output.on('data', (c) => out.push(JSON.stringify(String(c))));
  const rl = rp.createInterface({ input, output, terminal: true, completer: async (l) => [['alpha'], 'al'] });
  input.write('al'); input.write('\t');
  await new Promise((r) => setTimeout(r, 10));
  console.log('Q', JSON.stringify(rl.line), out.join(' '));
  rl.close();
}
