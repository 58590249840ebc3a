// readline over a stream fed a text with mixed line endings (\n, \r\n, lone \r, \r at a chunk
// end followed by \n in the next) and multi-byte UTF-8 characters, cut into seeded random
// Buffer chunks (so characters and \r\n pairs split across chunks); the 'line' events, a
// question answered mid-stream, and `for await` over a second interface must equal Node's.
// NODEBUF_SEED / NODEBUF_DIFF_CASES change the seed and the number of texts.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');

let seed = Number(process.env.NODEBUF_SEED || 20261206) >>> 0;
const cases = Number(process.env.NODEBUF_DIFF_CASES || 60);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const pieces = ['a', 'bc', 'é', '€', '😀', 'ß', ' ', 'x y', '\t', '\u0000', '\uFEFF', '中文', 'Ω'];
const endings = ['\n', '\r\n', '\r', '\n\n', '\r\r', '\r\n\r\n'];

function makeText() {
  let text = '';
  const n = 1 + rand(40);
  for (let i = 0; i < n; i++) {
    text += rand(3) === 0 ? endings[rand(endings.length)] : pieces[rand(pieces.length)];
  }
  return text;
}

function chunksOf(bytes) {
  const out = [];
  let at = 0;
  while (at < bytes.length) {
    const size = 1 + rand(Math.min(8, bytes.length - at));
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

async function viaEvents(chunks, withQuestion) {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const seen = [];
  rl.on('line', (line) => seen.push(`L${JSON.stringify(line)}`));
  if (withQuestion) rl.question('', (answer) => seen.push(`Q${JSON.stringify(answer)}`));
  const closed = new Promise((resolve) => rl.on('close', resolve));
  for (const chunk of chunks) {
    input.write(chunk);
    // Yield now and then so chunks arrive in separate 'data' events.
    if (rand(2) === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  input.end();
  await closed;
  return seen.join(' ');
}

async function viaIterator(chunks) {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  const it = rl[Symbol.asyncIterator]();
  (async () => {
    for (const chunk of chunks) {
      input.write(chunk);
      await null;
    }
    input.end();
  })();
  const seen = [];
  for await (const line of it) seen.push(JSON.stringify(line));
  return seen.join(' ');
}

(async () => {
  for (let i = 0; i < cases; i++) {
    const text = makeText();
    const chunks = chunksOf(Buffer.from(text));
    console.log(i, await viaEvents(chunks, rand(2) === 0));
    console.log(i, await viaIterator(chunks));
  }
})();
