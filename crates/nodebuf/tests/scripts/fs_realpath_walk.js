// fs.realpathSync and fs.realpath walk the path as Node's JS does (lstat per component, a stat
// before each link is read, so a cycle fails with ELOOP 'stat' and a missing component with
// ENOENT 'lstat' naming the first missing prefix); realpathSync.native and fs.promises.realpath
// are the C library's (errors name 'realpath' and the whole path). Seeded link chains.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.realpathSync.native(fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-realpath-')));
const at = (...parts) => path.join(root, ...parts);
fs.mkdirSync(at('d', 'e'), { recursive: true });
fs.writeFileSync(at('d', 'e', 'f'), 'x');
fs.symlinkSync('b', at('a'));
fs.symlinkSync('a', at('b'));
fs.symlinkSync('d', at('l'));
fs.symlinkSync(at('d', '..', 'l'), at('m'));
fs.symlinkSync('../l/e', at('d', 'up'));
fs.symlinkSync('nowhere', at('dangling'));

let seed = 7;
const rand = (n) => { seed = (Math.imul(seed, 48271) + 11) >>> 0; return seed % n; };
// A chain of links, each naming the next by a relative or absolute path.
let previous = 'd/e/f';
for (let i = 0; i < 6; i++) {
  const name = `c${i}`;
  fs.symlinkSync(rand(2) ? at(previous) : previous, at(name));
  previous = name;
}

const show = (label, f) => {
  try {
    const out = f();
    console.log(label, Buffer.isBuffer(out) ? `<${out.length} bytes>` : String(out).replace(root, '<root>'));
  } catch (e) {
    console.log(label, e.code, e.syscall, String(e.path).replace(root, '<root>'), e.message.replace(root, '<root>'));
  }
};
for (const p of ['a', 'a/x', 'l', 'l/e/f', 'm/e', 'd/e/f/x', 'd/../l/e', 'd/up/f', 'dangling', 'dangling/x',
  'c5', 'c3/', '', '.', 'nope', 'nope/deeper', 'l/../d/./e//f']) {
  show(`sync ${JSON.stringify(p)}`, () => fs.realpathSync(at(p)));
  show(`native ${JSON.stringify(p)}`, () => fs.realpathSync.native(at(p)));
  show(`buffer ${JSON.stringify(p)}`, () => fs.realpathSync(Buffer.from(at(p)), 'buffer'));
  show(`hex ${JSON.stringify(p)}`, () => fs.realpathSync(at(p), { encoding: 'hex' }).length);
}
process.chdir(root);
show('relative', () => fs.realpathSync('l/e/f'));
show('url', () => fs.realpathSync(new URL(`file://${at('m')}`)));
fs.realpath('c4', (err, resolved) => {
  console.log('callback', err, resolved.replace(root, '<root>'));
  fs.realpath('a', (err2) => {
    console.log('callback loop', err2.code, err2.syscall);
    fs.realpath.native('nope/x', (err3) => {
      console.log('callback native', err3.code, err3.syscall, err3.path);
      fs.promises.realpath('nope/x').catch((err4) => {
        console.log('promise', err4.code, err4.syscall, err4.path);
        process.chdir(os.tmpdir());
        fs.rmSync(root, { recursive: true });
      });
    });
  });
});
