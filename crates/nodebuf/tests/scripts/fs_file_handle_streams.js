// A FileHandle's streams: readLines, createReadStream (a range, an encoding; the handle is
// closed with the stream), createWriteStream, readableWebStream (once per handle, never on a
// closed one), and a closed handle refused as a stream's fd.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nbfh-'));
const file = path.join(dir, 'lines.txt');
fs.writeFileSync(file, 'line1\nline2\r\nline3');
(async () => {
  const fh = await fs.promises.open(file);
  const lines = [];
  for await (const l of fh.readLines()) lines.push(l);
  console.log(lines, fh.fd === -1);
  const fh2 = await fs.promises.open(file);
  const rs = fh2.createReadStream({ start: 2, end: 8, encoding: 'utf8' });
  let s = '';
  for await (const c of rs) s += c;
  console.log(JSON.stringify(s), fh2.fd, typeof rs.fd);
  const fh3 = await fs.promises.open(file);
  const ws = fh3.readableWebStream();
  const reader = ws.getReader();
  let total = 0;
  let r;
  while (!(r = await reader.read()).done) total += r.value.byteLength;
  console.log(total, r.value, fh3.fd > 0, ws.constructor.name);
  try { fh3.readableWebStream(); } catch (e) { console.log(e.code, e.message); }
  await fh3.close();
  const out = path.join(dir, 'out.txt');
  const fh4 = await fs.promises.open(out, 'w');
  const w = fh4.createWriteStream();
  w.end('written');
  await new Promise((res) => w.on('close', res));
  console.log(fs.readFileSync(out, 'utf8'), fh4.fd);
  const fh5 = await fs.promises.open(file);
  await fh5.close();
  try { fh5.readableWebStream(); } catch (e) { console.log(e.code, e.message); }
  try { fh5.createReadStream(); } catch (e) { console.log(e.code, e.message); }
  fs.rmSync(dir, { recursive: true });
})();
