// fs.rm on symbolic links removes the link, never what it points to: a link to a directory
// (with and without `recursive`), a dangling link; a missing path with and without `force`.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nbrm-'));
const at = (name) => path.join(dir, name);
fs.mkdirSync(at('d'));
fs.writeFileSync(at('d/inside'), 'kept');
fs.symlinkSync('d', at('l'));
fs.rmSync(at('l'));
console.log('link to dir', fs.existsSync(at('d/inside')), fs.existsSync(at('l')));
fs.symlinkSync('d', at('l2'));
fs.rmSync(at('l2'), { recursive: true });
console.log('link to dir, recursive', fs.existsSync(at('d/inside')), fs.existsSync(at('l2')));
fs.symlinkSync('nowhere', at('l3'));
fs.rmSync(at('l3'));
console.log('dangling', fs.readdirSync(dir));
fs.rmSync(at('missing'), { force: true });
try {
  fs.rmSync(at('missing'));
} catch (e) {
  console.log('missing', e.code, e.syscall, e.message.split(dir).join('<d>'));
}
fs.rmSync(dir, { recursive: true });
console.log('done', fs.existsSync(dir));
