// fs returns Buffers and takes them.
const fs = require('fs');
const path = require('path');
const os = require('os');
const file = path.join(os.tmpdir(), `nodebuf-buffer-fs-${process.pid}.bin`);
fs.writeFileSync(file, Buffer.from([1, 2, 3, 250]));
const data = fs.readFileSync(file);
console.log(Buffer.isBuffer(data), data, data.length, data.buffer.byteLength === Buffer.poolSize);
fs.writeFileSync(file, 'héllo', 'latin1');
console.log(fs.readFileSync(file), fs.readFileSync(file, 'latin1'), fs.readFileSync(file, 'hex'));
fs.unlinkSync(file);
