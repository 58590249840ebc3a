// fs.copyFile's modes (COPYFILE_EXCL, FICLONE falling back to a copy, FICLONE_FORCE failing where
// the file system cannot clone), fs.access's modes (R_OK/W_OK/X_OK through access(2)), both
// refusing a bad mode as Node's binding does, readFile's flag, and fs.read's position checks.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-modes-'));
const src = path.join(dir, 'src.txt');
const dest = path.join(dir, 'dest.txt');
fs.writeFileSync(src, 'hello');
fs.chmodSync(src, 0o640);
const show = (f) => {
  try {
    return `ok ${f()}`;
  } catch (e) {
    return `${e.name} ${e.code} ${e.message.replaceAll(dir, '<dir>')}`;
  }
};
for (const mode of [undefined, null, 8, 'r', -1, 1.5, fs.constants.COPYFILE_EXCL, fs.constants.COPYFILE_FICLONE]) {
  console.log('copyFile', String(mode), show(() => fs.copyFileSync(src, dest, mode)));
}
console.log(fs.readFileSync(dest, 'utf8'), (fs.statSync(dest).mode & 0o777).toString(8));
for (const mode of [undefined, fs.constants.F_OK, fs.constants.R_OK | fs.constants.W_OK, 8, 'r']) {
  console.log('access', String(mode), show(() => fs.accessSync(src, mode)));
}
console.log('access missing', show(() => fs.accessSync(path.join(dir, 'nope'))));
console.log('readFile a+', show(() => fs.readFileSync(path.join(dir, 'made.txt'), { encoding: 'utf8', flag: 'a+' })));
console.log('readFile ax+', show(() => fs.readFileSync(src, { encoding: 'utf8', flag: 'ax+' })));
const fd = fs.openSync(src, 'r');
for (const position of [undefined, null, 0, 1, -1, 1n, true, '', 1.5, -2, 2 ** 53, 2n ** 63n, {}]) {
  const buf = Buffer.alloc(3);
  console.log('read', typeof position, String(position), show(() => fs.readSync(fd, buf, 0, 3, position)), buf.toString());
}
console.log('callback throws', show(() => fs.read(fd, Buffer.alloc(1), 0, 1, true, () => {})));
console.log('callback access', show(() => fs.access(src, 'r', () => {})));
fs.closeSync(fd);
fs.rmSync(dir, { recursive: true });
