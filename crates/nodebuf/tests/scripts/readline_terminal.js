// readline's terminal mode (terminal: true) over streams: seeded random key streams (text with
// wide and combining characters, arrows, Home/End, Backspace/Delete, Ctrl+A/E/B/F/H/D/U/K/W,
// Meta+B/F/D, word moves, history Up/Down with prefix search, Return/Enter, \r\n pairs, yank and
// yank-pop from the kill ring, undo/redo) fed
// through the input and through rl.write(data, key); the bytes written to the output (Node's
// redraw escape sequences), the 'line'/'history' events, line, cursor and getCursorPos() must
// equal Node's, for an output of unknown width and one 20 columns wide.
// NODEBUF_SEED / NODEBUF_DIFF_CASES change the seed and the number of sessions.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');

let seed = Number(process.env.NODEBUF_SEED || 20261208) >>> 0;
const cases = Number(process.env.NODEBUF_DIFF_CASES || 40);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const texts = ['a', 'bc', 'foo bar', 'x.y/z', ' ', '丁', 'é', 'a\u0301', '€', '😀', '12', 'Hello, World'];
const keys = [
  '\x1b[D', '\x1b[C', '\x1b[H', '\x1b[F', '\x1b[1~', '\x1b[4~', '\x7f', '\b', '\x1b[3~',
  '\x01', '\x05', '\x02', '\x06', '\x08', '\x04', '\x15', '\x0b', '\x17',
  '\x1bb', '\x1bf', '\x1bd', '\x1b[1;5D', '\x1b[1;5C', '\x1b[A', '\x1b[B', '\x1b[A', '\x10', '\x0e',
  '\r', '\n', '\r\n', '\t',
  // The kill ring (Ctrl+U/K/Ctrl+Shift deletes fill it, Ctrl+Y yanks, Meta+Y cycles), undo
  // (Ctrl+_ is \x1f) and redo (Ctrl+^ is \x1e).
  '\x19', '\x19', '\x1by', '\x1by', '\x1f', '\x1f', '\x1e', '\x15', '\x0b',
];

async function session(columns) {
  const input = new PassThrough();
  const output = new PassThrough();
  if (columns !== undefined) output.columns = columns;
  const rl = readline.createInterface({ input, output, terminal: true, prompt: '> ', historySize: 5 });
  const seen = [];
  output.on('data', (chunk) => seen.push(`O${JSON.stringify(String(chunk))}`));
  rl.on('line', (line) => seen.push(`L${JSON.stringify(line)}`));
  rl.on('history', (history) => seen.push(`H${JSON.stringify(history)}`));
  rl.prompt();
  const steps = 5 + rand(25);
  for (let i = 0; i < steps; i++) {
    const chunk = rand(2) === 0 ? texts[rand(texts.length)] : keys[rand(keys.length)];
    if (rand(4) === 0) rl.write(chunk);
    else input.write(chunk);
    seen.push(`S${JSON.stringify(rl.line)} ${rl.cursor} ${JSON.stringify(rl.getCursorPos())}`);
  }
  rl.close();
  await new Promise((resolve) => setImmediate(resolve));
  return seen.join('\n');
}

(async () => {
  for (let i = 0; i < cases; i++) {
    console.log(`-- session ${i}`);
    console.log(await session(i % 2 === 0 ? undefined : 20));
  }
})();
