// fs calls that take or fill views: Node's argument order and texts, readv/writev, views whose
// properties are read as Node's JS reads them (byteLength as a property), real bytes used.
const fs = require('fs');
const path = require('path');
const os = require('os');
const file = path.join(os.tmpdir(), `nodebuf-fs-views-${process.pid}.bin`);
const fd = fs.openSync(file, 'w+');
fs.writeSync(fd, Buffer.from('abcdef'));
function T(label, f) {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
}
T('readv', () => [fs.readvSync(fd, [Buffer.alloc(2), Buffer.alloc(3)], 0), fs.readvSync(fd, [Buffer.alloc(20)], 1), fs.readvSync(fd, [Buffer.alloc(0)], 1)]);
T('readv not a list', () => fs.readvSync(fd, 'x'));
T('readv not views', () => fs.readvSync(fd, [1]));
T('readv empty list', () => fs.readvSync(fd, [], 0));
T('writev not views', () => fs.writevSync(fd, [1]));
T('writev', () => [fs.writevSync(fd, [Buffer.from('xy'), new DataView(new ArrayBuffer(2))], 1), fs.readFileSync(file, 'latin1').length, fs.writevSync(fd, [])]);
T('readv current position', () => { const b = Buffer.alloc(3); return [fs.readvSync(fd, [b, new Uint16Array(1)]), b, fs.readvSync(fd, [b], 'x')]; });
T('read NaN offset', () => fs.readSync(fd, Buffer.alloc(4), NaN, 2, 0));
T('read empty buffer', () => fs.readSync(fd, Buffer.alloc(0), 3, 2, 0));
T('read past the end', () => fs.readSync(fd, Buffer.alloc(4), 1, 9, 0));
T('read options', () => fs.readSync(fd, Buffer.alloc(4), { offset: 1, length: 2, position: 0 }));
T('read null options', () => fs.readSync(fd, Buffer.alloc(4), null));
T('read fractional offset', () => fs.readSync(fd, Buffer.alloc(4), 1.5, 1, 0));
T('read negative offset', () => fs.readSync(fd, Buffer.alloc(4), -1, 1, 0));
T('read string offset', () => fs.readSync(fd, Buffer.alloc(4), 'x', 1, 0));
T('read valueOf offset is options', () => fs.readSync(fd, Buffer.alloc(4), { valueOf() { return 1; } }));
T('write offset past the end', () => fs.writeSync(fd, Buffer.alloc(4), 5));
T('write length past the end', () => fs.writeSync(fd, Buffer.alloc(4), 1, 5));
T('write negative length', () => fs.writeSync(fd, Buffer.alloc(4), 1, -1));
T('write fractional length', () => fs.writeSync(fd, Buffer.alloc(4), 1, 1.5));
T('write options', () => fs.writeSync(fd, Buffer.alloc(4), { offset: 1 }));
T('write string offset', () => fs.writeSync(fd, Buffer.alloc(4), 'a', 'b'));
T('write fractional offset', () => fs.writeSync(fd, Buffer.alloc(4), 1.5));
T('write null offset', () => fs.writeSync(fd, Buffer.alloc(4), null, 2));
T('write DataView', () => fs.writeSync(fd, new DataView(new ArrayBuffer(4), 1), 1, 2, 0));
// A view claiming fewer bytes than it has: Node trusts the property, and so does its range.
const shorter = Object.defineProperty(new Uint8Array(4).fill(7), 'byteLength', { value: 2 });
T('write lying shorter view', () => [fs.writeSync(fd, shorter, 0, 2, 0), fs.writeSync(fd, shorter, 0, 3, 0)]);
T('read lying shorter view', () => [fs.readSync(fd, shorter, 0, 2, 0), fs.readSync(fd, shorter, 1, 1, 0), shorter]);
T('writeFile a view', () => { fs.writeFileSync(file, new Uint16Array([1, 2])); return fs.readFileSync(file); });
T('writeFile a shorter view', () => { fs.writeFileSync(file, shorter); return fs.readFileSync(file); });
fs.closeSync(fd);
fs.unlinkSync(file);
