// SystemError (internal/errors' systemError builder): errno/syscall/path/dest are accessors
// that util.inspect and console.log show with their values, as Node's custom inspection does;
// ERR_TTY_INIT_FAILED is built the same way. Internal frames are cut so the output is stable.
'use strict';
const os = require('os');
const fs = require('fs');
const path = require('path');
const tty = require('tty');
const util = require('util');

// The temporary directory's random name is shown as <dir>.
let dir = null;
function log(...values) {
  const text = util.format(...values);
  console.log(dir === null ? text : text.replaceAll(dir, '<dir>'));
}

function show(fn) {
  try {
    fn();
    console.log('no error');
  } catch (err) {
    err.stack = err.stack.split('\n')[0];
    log(err);
    log(util.inspect(err, { depth: 0 }));
    log(util.inspect({ nested: err }));
    log(Object.keys(err), err.errno, err.syscall, err.name, err.code);
    // The accessors write through to `info`.
    err.errno = 99;
    console.log(err.info.errno, Object.getOwnPropertyDescriptor(err, 'errno').enumerable);
  }
}

show(() => os.setPriority(-1, 0));
show(() => os.getPriority(-1));
dir = fs.mkdtempSync(path.join(os.tmpdir(), 'syserr-'));
const file = path.join(dir, 'f');
fs.writeFileSync(file, 'x');
const fd = fs.openSync(file, 'r');
show(() => new tty.ReadStream(fd));
show(() => new tty.WriteStream(fd));
fs.closeSync(fd);
// fs.cp's SystemErrors carry a path.
show(() => fs.cpSync(dir, path.join(dir, 'inside')));
show(() => fs.cpSync(dir, path.join(dir, 'copy')));
fs.rmSync(dir, { recursive: true });
