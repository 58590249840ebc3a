// File streams whose `open()` a library replaces (graceful-fs's pattern, Node's "old" stream
// subclasses): the replacement opens the stream, its 'open' or 'error' event ends the
// construction; the default `open()` is a deprecated no-op (DEP0135, once per class).
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nbleg-'));
const file = path.join(dir, 'x.txt');
fs.writeFileSync(file, 'legacy open\n');
console.log(typeof fs.ReadStream.prototype.open, fs.ReadStream.prototype.open.name, fs.WriteStream.prototype.open.length);

function LegacyRead(...args) { fs.ReadStream.call(this, ...args); }
Object.setPrototypeOf(LegacyRead.prototype, fs.ReadStream.prototype);
Object.setPrototypeOf(LegacyRead, fs.ReadStream);
LegacyRead.prototype.open = function open() {
  console.log('legacy read open called');
  fs.open(this.path, this.flags, this.mode, (err, fd) => {
    if (err) {
      if (this.autoClose) this.destroy();
      this.emit('error', err);
    } else {
      this.fd = fd;
      this.emit('open', fd);
      this.read();
    }
  });
};

function LegacyWrite(...args) { fs.WriteStream.call(this, ...args); }
Object.setPrototypeOf(LegacyWrite.prototype, fs.WriteStream.prototype);
Object.setPrototypeOf(LegacyWrite, fs.WriteStream);
LegacyWrite.prototype.open = function open() {
  console.log('legacy write open called');
  fs.open(this.path, this.flags, this.mode, (err, fd) => {
    if (err) {
      this.destroy();
      this.emit('error', err);
    } else {
      this.fd = fd;
      this.emit('open', fd);
    }
  });
};

(async () => {
  const r = new LegacyRead(file, { encoding: 'utf8' });
  let text = '';
  r.on('open', (fd) => console.log('read open event', fd === r.fd));
  for await (const chunk of r) text += chunk;
  console.log('read', JSON.stringify(text));
  const out = path.join(dir, 'out.txt');
  const w = new LegacyWrite(out);
  w.on('open', (fd) => console.log('write open event', fd === w.fd));
  await new Promise((resolve) => w.end('written', resolve));
  console.log('wrote', fs.readFileSync(out, 'utf8'));
  const bad = new LegacyRead(path.join(dir, 'missing'));
  await new Promise((resolve) => bad.on('error', (e) => { console.log('legacy error', e.code); resolve(); }));
  const plain = fs.createReadStream(file);
  plain.open();
  plain.open();
  plain.destroy();
  const plainWrite = fs.createWriteStream(path.join(dir, 'w2'));
  plainWrite.open();
  plainWrite.destroy();
  // (Both streams closed before the directory goes: on a loaded machine a timer could fire
  // before the write stream's open, which then failed in node.)
  await Promise.all([plain, plainWrite].map((s) => new Promise((resolve) => s.on('close', resolve))));
  fs.rmSync(dir, { recursive: true });
  console.log('done');
})();
