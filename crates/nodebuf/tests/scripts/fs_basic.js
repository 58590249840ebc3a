const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = path.join(os.tmpdir(), `nodebuf-fs-test-${path.basename(process.argv0)}-${process.pid}`);
fs.rmSync(dir, { recursive: true, force: true });
console.log(typeof fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true }));
console.log(fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true }));
const file = path.join(dir, 'a', 'f.txt');
fs.writeFileSync(file, 'hello ');
fs.appendFileSync(file, 'world\n');
fs.appendFileSync(file, new Uint8Array([0xe2, 0x82, 0xac, 10]));
console.log(JSON.stringify(fs.readFileSync(file, 'utf8')), fs.readFileSync(file, { encoding: 'utf-8' }).length);
const bytes = fs.readFileSync(file);
console.log(bytes instanceof Uint8Array, bytes.length, bytes[0], bytes[bytes.length - 1]);
const st = fs.statSync(file);
console.log(st.size, st.isFile(), st.isDirectory(), typeof st.mtimeMs, st.mtime instanceof Date, fs.statSync(dir).isDirectory());
console.log(fs.existsSync(file), fs.existsSync(path.join(dir, 'nope')), fs.readdirSync(path.join(dir, 'a')));
console.log(fs.readdirSync(path.join(dir, 'a'), { withFileTypes: true }).map((d) => [d.name, d.isFile(), d.isDirectory()]));
const fd = fs.openSync(file, 'r+');
console.log(typeof fd, fs.fstatSync(fd).size);
const buf = new Uint8Array(5);
console.log(fs.readSync(fd, buf, 0, 5, 0), Array.from(buf));
console.log(fs.readSync(fd, buf, 1, 2, 6), Array.from(buf));
console.log(fs.writeSync(fd, new Uint8Array([72, 73]), 0, 2, 0), fs.writeSync(fd, 'XY', 2));
fs.closeSync(fd);
console.log(fs.readFileSync(file, 'utf8').slice(0, 8));
const fd2 = fs.openSync(path.join(dir, 'w.bin'), 'w');
fs.writeSync(fd2, 'abc');
fs.writeSync(fd2, new Uint8Array([100, 101]));
fs.closeSync(fd2);
console.log(fs.readFileSync(path.join(dir, 'w.bin'), 'latin1'));
fs.renameSync(path.join(dir, 'w.bin'), path.join(dir, 'r.bin'));
fs.copyFileSync(path.join(dir, 'r.bin'), path.join(dir, 'c.bin'));
console.log(fs.readdirSync(dir));
fs.unlinkSync(path.join(dir, 'r.bin'));
console.log(fs.readdirSync(dir));
// The promise read starts from the callback: two reads in flight at once finish in an order
// that depends on node's thread pool timing.
fs.readFile(file, 'utf8', (err, data) => {
  console.log('callback', err, data.length);
  fs.promises.readFile(file).then((d) => console.log('promise', d.length));
});
process.on('exit', () => {
  fs.rmSync(dir, { recursive: true });
  console.log('cleaned', fs.existsSync(dir));
});
