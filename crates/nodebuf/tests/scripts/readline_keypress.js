// readline.emitKeypressEvents: the 'keypress' events (str, key) for characters, control keys,
// ESC-prefixed meta keys, CSI/SS3 sequences with xterm modifiers and rxvt variants, broken
// sequences, a lone ESC reported after the interface's escapeCodeTimeout; then seeded random
// concatenations of those tokens cut into random chunks (sequences split across 'data'
// events). NODEBUF_SEED / NODEBUF_DIFF_CASES change the seed and the case count.
'use strict';
const readline = require('readline');
const { PassThrough } = require('stream');
const inputs = ['a', 'A', 'abc', '\r', '\n', '\r\n', '\t', '\b', '\x7f', '\x1b', '\x1b\x1b', ' ', '\x01', '\x1a', '\x00', '\x1ba', '\x1bA', '\x1b\r', '\x1b\x7f', '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[H', '\x1b[F', '\x1bOA', '\x1bOP', '\x1b[11~', '\x1b[15~', '\x1b[24~', '\x1b[2~', '\x1b[3~', '\x1b[5~', '\x1b[6~', '\x1b[1;5C', '\x1b[1;2A', '\x1b[1;3D', '\x1b[3;5~', '\x1b[Z', '\x1b[200~', '\x1b[201~', 'é', '😀', '\x1b[[A', '\x1b[E', '\x1b[a', '\x1b[1;9A', '\x1bOa', '\x1b[7~', '\x1b[8^', '\x1b[1~', '\x1b[4~', '\x1bOM', '\x1b\x1b[A', '\x1b[<0;1;1M', '\x1b[M', '1', '\x1f', '\x1c', 'Z'];
let seed = Number(process.env.NODEBUF_SEED || 20261207) >>> 0;
const cases = Number(process.env.NODEBUF_DIFF_CASES || 80);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

(async () => {
  const out = [];
  const s = new PassThrough();
  readline.emitKeypressEvents(s);
  readline.emitKeypressEvents(s); // a second call changes nothing
  s.on('keypress', (str, key) => out.push(JSON.stringify([str, key])));
  for (const input of inputs) {
    s.write(input);
    await tick();
    out.push('--');
  }
  for (let i = 0; i < cases; i++) {
    let text = '';
    const n = 1 + rand(6);
    for (let j = 0; j < n; j++) text += inputs[rand(inputs.length)];
    const bytes = Buffer.from(text);
    let at = 0;
    while (at < bytes.length) {
      const size = 1 + rand(Math.min(6, bytes.length - at));
      s.write(bytes.subarray(at, at + size));
      at += size;
    }
    await tick();
    // Finish any sequence left open so cases stay independent.
    s.write('\r');
    await tick();
    out.push(`-- case ${i}`);
  }
  // A lone ESC is reported once the interface's escapeCodeTimeout passed.
  const s2 = new PassThrough();
  readline.emitKeypressEvents(s2, { escapeCodeTimeout: 20 });
  s2.on('keypress', (str, key) => out.push(JSON.stringify([str, key])));
  s2.write('\x1b');
  await new Promise((resolve) => setTimeout(resolve, 60));
  out.push('-- lone escape after the timeout');
  console.log(out.join('\n'));
})();
