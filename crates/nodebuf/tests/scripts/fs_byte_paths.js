// Paths given as Buffers reach the system calls byte for byte, as in Node: names that are not
// UTF-8 (bytes another program wrote) are made, found, read, renamed and removed as themselves,
// never as their U+FFFD decoding. Seeded names mix ASCII, UTF-8 and invalid bytes.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

let seed = 0x5eed1234;
function rand(n) {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
}
function randomName() {
  const parts = [];
  const count = 1 + rand(6);
  for (let i = 0; i < count; i++) {
    switch (rand(4)) {
      case 0: parts.push(Buffer.from([0x61 + rand(26)])); break;
      case 1: parts.push(Buffer.from(['é', '€', '𝄞', 'ж'][rand(4)])); break;
      case 2: parts.push(Buffer.from([0x80 + rand(0x40)])); break; // a lone continuation byte
      default: parts.push(Buffer.from([0xf8 + rand(8)])); break; // never valid in UTF-8
    }
  }
  return Buffer.concat(parts);
}
const hex = (b) => (Buffer.isBuffer(b) ? b.toString('hex') : Buffer.from(b).toString('hex'));
const sortedHex = (names) => names.map(hex).sort();

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-bytes-'));
const rootBytes = Buffer.from(root + '/');
const under = (name) => Buffer.concat([rootBytes, name]);

try {
  const names = [];
  for (let i = 0; i < 12; i++) {
    let name = randomName();
    while (names.some((n) => n.equals(name))) name = Buffer.concat([name, Buffer.from('z')]);
    names.push(name);
    fs.writeFileSync(under(name), `file ${i}`);
  }
  console.log('listed as made', JSON.stringify(sortedHex(fs.readdirSync(root, 'buffer'))) === JSON.stringify(sortedHex(names)));
  for (const [i, name] of names.entries()) {
    const p = under(name);
    const st = fs.statSync(p);
    const out = [i, hex(name), fs.existsSync(p), st.isFile(), st.size, fs.readFileSync(p, 'latin1')];
    fs.appendFileSync(p, '+');
    out.push(fs.readFileSync(p).toString());
    fs.accessSync(p, fs.constants.R_OK);
    fs.chmodSync(p, 0o600);
    out.push((fs.statSync(p).mode & 0o777).toString(8));
    const fd = fs.openSync(p, 'r+');
    fs.writeSync(fd, 'F');
    fs.closeSync(fd);
    out.push(fs.readFileSync(p, 'utf8'));
    console.log(out.join(' '));
  }
  // rename, copy, link, symlink, readlink, realpath, lstat
  const [a, b, c] = names;
  const moved = under(Buffer.concat([a, Buffer.from([0xff])]));
  fs.renameSync(under(a), moved);
  fs.copyFileSync(moved, under(Buffer.concat([b, Buffer.from([0xfe, 0x01])])));
  fs.linkSync(moved, under(Buffer.concat([c, Buffer.from([0xfd])])));
  const link = under(Buffer.from([0x6c, 0xfc]));
  fs.symlinkSync(moved, link);
  console.log('readlink', fs.readlinkSync(link, 'buffer').equals(moved), hex(fs.readlinkSync(link, 'buffer')).length);
  console.log('realpath.native', fs.realpathSync.native(link, 'buffer').equals(fs.realpathSync.native(moved, 'buffer')), fs.lstatSync(link).isSymbolicLink());
  // (Node's JS realpathSync reads a Buffer path as UTF-8 text, so these bytes name nothing.)
  try { fs.realpathSync(link); } catch (e) { console.log('realpath', e.code, e.syscall, e.path.slice(root.length)); }
  console.log('links', fs.statSync(moved).nlink);
  // directories: mkdir (recursive), readdir with types, opendir, rmdir
  const dir = under(Buffer.concat([randomName(), Buffer.from('/'), randomName()]));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(Buffer.concat([dir, Buffer.from([0x2f, 0xfb])]), 'deep');
  console.log('types', fs.readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }).map((d) => [hex(d.name), d.isFile()]));
  const handle = fs.opendirSync(dir, { encoding: 'buffer' });
  console.log('opendir', hex(handle.readSync().name));
  handle.closeSync();
  // mkdtemp with a Buffer prefix keeps the prefix's bytes
  const made = fs.mkdtempSync(under(Buffer.from([0x74, 0xfa])), 'buffer');
  console.log('mkdtemp', made.subarray(rootBytes.length, rootBytes.length + 2).toString('hex'), made.length - rootBytes.length);
  fs.rmdirSync(made);
  // errors name the path as Node shows it (invalid bytes as U+FFFD)
  for (const f of [() => fs.readFileSync(under(Buffer.from([0x6e, 0xff]))),
    () => fs.mkdirSync(under(a)),
    () => fs.readdirSync(under(Buffer.from([0xff, 0xfe]))),
    () => fs.openSync(Buffer.from([0x61, 0, 0xff]))]) {
    try { f(); } catch (e) { console.log(e.code, e.syscall, typeof e.path === 'string' ? e.path.slice(root.length) : e.path, e.message.replace(root, '<root>')); }
  }
  // callbacks and promises take the same bytes
  const cbName = under(Buffer.from([0x63, 0xf9]));
  fs.writeFile(cbName, 'by callback', (err) => {
    console.log('callback write', err);
    fs.readFile(cbName, 'utf8', async (err2, text) => {
      console.log('callback read', err2, text);
      const pName = under(Buffer.from([0x70, 0xf8]));
      await fs.promises.writeFile(pName, 'by promise');
      console.log('promise read', await fs.promises.readFile(pName, 'utf8'));
      await fs.promises.rename(pName, cbName);
      console.log('after rename', (await fs.promises.readdir(root, 'buffer')).some((n) => n.equals(Buffer.from([0x70, 0xf8]))));
      await fs.promises.unlink(cbName);
      fs.rmSync(root, { recursive: true });
      console.log('removed', fs.existsSync(root));
    });
  });
} catch (e) {
  fs.rmSync(root, { recursive: true });
  throw e;
}
