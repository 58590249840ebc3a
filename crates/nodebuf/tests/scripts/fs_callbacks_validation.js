// fs callback shapes and argument rules: what each callback receives (read/write give the
// buffer back, calls that produce nothing give the error alone), util.promisify of read,
// write, readv, writev and exists, read's optional parameters, FileHandles in fs.promises'
// readFile/writeFile/appendFile, open's/mkdir's argument checks, and the warnings of
// rmdir's recursive option, truncate by descriptor and mkdtemp templates ending in X.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const util = require('util');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nbcb-'));
const file = path.join(dir, 'x.txt');
fs.writeFileSync(file, 'xyz\n');
const R = (s) => String(s).split(dir).join('<d>');
function T(name, f) {
  try {
    console.log(name, '=>', f());
  } catch (e) {
    console.log(name, 'THROWS', e.name, e.code, R(e.message));
  }
}
const shape = (args) => args.map((a) => (a === null ? 'null' : Buffer.isBuffer(a) ? `Buffer(${a.length})` : Array.isArray(a) ? `Array(${a.length})` : typeof a === 'object' ? a.constructor.name : typeof a));

T('mkdir recursive type', () => fs.mkdirSync(path.join(dir, 'q'), { recursive: 1 }));
T('mkdir mode string', () => { fs.mkdirSync(path.join(dir, 'm'), { mode: '750' }); return fs.statSync(path.join(dir, 'm')).isDirectory(); });
T('mkdir mode bad', () => fs.mkdirSync(path.join(dir, 'm2'), { mode: 'rwx' }));
T('open mode boom', () => fs.openSync(file, 'r', 'boom'));
T('open mode object', () => fs.openSync(file, 'r', {}));
T('open flags object', () => fs.openSync(file, {}));
T('open mode null', () => { const fd = fs.openSync(file, 'r', null); fs.closeSync(fd); return typeof fd; });
T('exists no callback', () => fs.exists(file));
T('exists object callback', () => fs.exists(file, {}));
T('close no callback', () => fs.close(fs.openSync(file)));
T('read no callback', () => fs.read(0));
T('realpath.native', () => [typeof fs.realpath.native, typeof fs.realpathSync.native, fs.realpathSync.native(dir) === fs.realpathSync(dir)]);

(async () => {
  const fd = fs.openSync(file, 'r+');
  const calls = [
    ['close', (cb) => fs.close(fs.openSync(file), cb)],
    ['fsync', (cb) => fs.fsync(fd, cb)],
    ['ftruncate', (cb) => fs.ftruncate(fs.openSync(path.join(dir, 't'), 'w'), 0, cb)],
    ['access', (cb) => fs.access(file, cb)],
    ['chmod', (cb) => fs.chmod(file, 0o644, cb)],
    ['writeFile', (cb) => fs.writeFile(path.join(dir, 'w'), 'w', cb)],
    ['appendFile', (cb) => fs.appendFile(path.join(dir, 'w'), 'w', cb)],
    ['mkdir', (cb) => fs.mkdir(path.join(dir, 'n1'), cb)],
    ['mkdir recursive', (cb) => fs.mkdir(path.join(dir, 'n2/n3'), { recursive: true }, cb)],
    ['rename', (cb) => fs.rename(path.join(dir, 'w'), path.join(dir, 'w2'), cb)],
    ['copyFile', (cb) => fs.copyFile(path.join(dir, 'w2'), path.join(dir, 'w3'), cb)],
    ['unlink', (cb) => fs.unlink(path.join(dir, 'w3'), cb)],
    ['rm', (cb) => fs.rm(path.join(dir, 'w2'), cb)],
    ['stat', (cb) => fs.stat(file, cb)],
    ['readFile', (cb) => fs.readFile(file, cb)],
    ['readdir', (cb) => fs.readdir(dir, cb)],
    ['open', (cb) => fs.open(file, cb)],
    ['read fd cb', (cb) => fs.read(fd, cb)],
    ['read fd null cb', (cb) => fs.read(fd, null, cb)],
    ['read options', (cb) => fs.read(fd, { buffer: Buffer.alloc(3), position: 0 }, cb)],
    ['read buffer cb', (cb) => fs.read(fd, Buffer.alloc(4), cb)],
    ['read buffer null', (cb) => fs.read(fd, Buffer.alloc(4), null, cb)],
    ['read buffer options', (cb) => fs.read(fd, Buffer.alloc(4), { position: 1 }, cb)],
    ['read full', (cb) => fs.read(fd, Buffer.alloc(4), 0, 4, 0, cb)],
    ['read offset null', (cb) => fs.read(fd, Buffer.alloc(4), null, 4, 0, cb)],
    ['write buffer', (cb) => fs.write(fd, Buffer.from('ab'), 0, 2, 0, cb)],
    ['write string', (cb) => fs.write(fd, 'cd', 0, 'utf8', cb)],
    ['readv', (cb) => fs.readv(fd, [Buffer.alloc(2), Buffer.alloc(2)], 0, cb)],
    ['writev', (cb) => fs.writev(fd, [Buffer.from('x')], cb)],
    ['exists', (cb) => fs.exists(file, cb)],
  ];
  for (const [name, call] of calls) {
    await new Promise((resolve) => call((...args) => {
      console.log('callback', name, args.length, shape(args).join(','), /^(read|write)/.test(name) ? args[1] : '');
      resolve();
    }));
  }
  console.log('promisify read', await util.promisify(fs.read)(fd, Buffer.alloc(2), 0, 2, 0));
  console.log('promisify write', await util.promisify(fs.write)(fd, Buffer.from('z'), 0, 1, 3));
  console.log('promisify readv', Object.keys(await util.promisify(fs.readv)(fd, [Buffer.alloc(1)], 0)));
  console.log('promisify writev', Object.keys(await util.promisify(fs.writev)(fd, [Buffer.from('q')], 0)));
  console.log('promisify exists', await util.promisify(fs.exists)(file), await util.promisify(fs.exists)(path.join(dir, 'nope')));
  console.log('read symbols', Object.getOwnPropertySymbols(fs.read).map(String), Object.getOwnPropertySymbols(fs.exists).map(String));
  fs.closeSync(fd);
  const handle = await fs.promises.open(path.join(dir, 'h.txt'), 'w+');
  await fs.promises.writeFile(handle, 'handle');
  await fs.promises.appendFile(handle, '+more');
  console.log('through handle', await fs.promises.readFile(path.join(dir, 'h.txt'), 'utf8'));
  await handle.close();
  await fs.promises.readFile(handle).catch((e) => console.log('closed handle', e.code, e.message));

  fs.writeFileSync(path.join(dir, 'file'), '');
  try { fs.rmdirSync(path.join(dir, 'file'), { recursive: true }); } catch (e) { console.log('rmdir file', e.code, R(e.message)); }
  try { fs.rmdirSync(path.join(dir, 'nope'), { recursive: true }); } catch (e) { console.log('rmdir missing', e.code, R(e.message)); }
  fs.mkdirSync(path.join(dir, 'tree/deep'), { recursive: true });
  fs.rmdirSync(path.join(dir, 'tree'), { recursive: true });
  console.log('rmdir tree', fs.existsSync(path.join(dir, 'tree')));
  const tfd = fs.openSync(path.join(dir, 'file'), 'r+');
  fs.writeSync(tfd, 'abcdef');
  fs.truncateSync(tfd, 2);
  fs.truncateSync(tfd, 1);
  fs.closeSync(tfd);
  console.log('truncated', fs.readFileSync(path.join(dir, 'file'), 'utf8'));
  fs.rmdirSync(fs.mkdtempSync(path.join(dir, 'tmpX')));
  fs.rmdirSync(fs.mkdtempSync(path.join(dir, 'tmpXX')));
  fs.rmSync(dir, { recursive: true });
  console.log('done');
})();
