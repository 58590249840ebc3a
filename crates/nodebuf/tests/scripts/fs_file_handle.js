// fs.promises.open resolves to a FileHandle (read/write in their forms, readFile, writeFile,
// appendFile, stat, truncate, readv, close and 'close', EBADF after close); fs's callback forms
// carry Node's names and lengths and throw argument errors at once.
const fs = require('fs');
const path = require('path');
const os = require('os');
const file = path.join(os.tmpdir(), `nodebuf-fh-${process.pid}.txt`);
(async () => {
  console.log(['read', 'readFile', 'stat', 'write', 'open', 'close', 'mkdir'].map((n) => `${n}:${fs[n].name}:${fs[n].length}`).join(' '));
  const fh = await fs.promises.open(file, 'w+');
  console.log(fh.constructor.name, typeof fh.fd);
  console.log(await fh.write(Buffer.from('hello world')).then((r) => [r.bytesWritten, r.buffer.toString()]));
  console.log(await fh.write('!!', 11, 'utf8').then((r) => r.bytesWritten));
  const r = await fh.read(Buffer.alloc(5), 0, 5, 0);
  console.log(r.bytesRead, r.buffer.toString());
  const r2 = await fh.read({ buffer: Buffer.alloc(3), position: 6 });
  console.log(r2.bytesRead, r2.buffer.toString());
  console.log((await fh.readFile('utf8')).length, (await fh.stat()).size);
  await fh.truncate(5);
  await fh.writeFile('abc');
  await fh.appendFile('def');
  console.log(await fs.promises.readFile(file, 'utf8'));
  const v = await fh.readv([Buffer.alloc(2), Buffer.alloc(2)], 0);
  console.log(v.bytesRead, v.buffers.map(String).join('|'));
  fh.on('close', () => console.log('close event'));
  await fh.close();
  console.log(fh.fd);
  await fh.read(Buffer.alloc(1), 0, 1, 0).catch((e) => console.log(e.message, e.code, e.syscall));
  await fh.close();
  try { fs.read(1, 4, 0, 'utf-8', () => {}); } catch (e) { console.log('sync', e.code); }
  fs.readFile('/nonexistent-nodebuf', (err) => console.log('cb', err.code));
  fs.unlinkSync(file);
})();
