// process.stdin as a Readable fed through a pipe (a child of this same runtime reads what we
// write to its stdin), process.stdout/stderr as Writables, and fs streams through zlib.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { pipeline, Writable } = require('stream');

const child = (code, input) => spawnSync(process.execPath, ['-e', code], { input });

let r = child(`
  const seen = [];
  process.stdin.on('data', (d) => seen.push(Buffer.isBuffer(d) + ':' + d.length));
  process.stdin.on('end', () => console.log('end', seen.join(',')));
`, Buffer.alloc(200000, 'x'));
console.log(r.status, r.stdout.toString().trim().split(',').length > 1, r.stdout.toString().includes('end'));

r = child(`
  process.stdin.setEncoding('utf8');
  let text = '';
  process.stdin.on('readable', () => { let c; while ((c = process.stdin.read()) !== null) text += c; });
  process.stdin.on('end', () => process.stdout.write(JSON.stringify(text) + '\\n'));
`, 'héllo 😀\nworld\n');
console.log(r.status, r.stdout.toString().trim());

r = child(`
  (async () => { let n = 0; for await (const c of process.stdin) n += c.length; console.log('bytes', n); })();
`, Buffer.alloc(70000, 'y'));
console.log(r.status, r.stdout.toString().trim());

console.log(process.stdout.writable, typeof process.stdout.write, process.stdout instanceof Writable);
process.stdout.write('written through the stream\n');
process.stdout.write(Buffer.from('bytes too\n'));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-streams-'));
const src = path.join(dir, 'in.txt');
fs.writeFileSync(src, 'line of text\n'.repeat(5000));
const events = [];
const rs = fs.createReadStream(src, { start: 5, end: 40000, highWaterMark: 16384 });
rs.on('open', () => events.push('open'));
rs.on('ready', () => events.push('ready'));
rs.on('data', (c) => events.push(`data ${c.length}`));
rs.on('end', () => events.push('end'));
rs.on('close', () => {
  console.log(events.join(' '), rs.bytesRead);
  pipeline(fs.createReadStream(src), zlib.createGzip(), fs.createWriteStream(path.join(dir, 'out.gz')), (err) => {
    console.log('pipeline', err, zlib.gunzipSync(fs.readFileSync(path.join(dir, 'out.gz'))).equals(fs.readFileSync(src)));
    const missing = fs.createReadStream(path.join(dir, 'missing'));
    missing.on('error', (e) => {
      console.log('error', e.code, e.syscall);
      fs.rmSync(dir, { recursive: true });
    });
  });
});
