// A failed fs request's error, as the callback gets it, has its header line alone as its
// stack, as Node's (made in the loop, with no JS below it): console.log prints it in brackets
// with its properties; argument errors still throw at the call with their stack.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');

const missing = path.join(os.tmpdir(), `nodebuf-missing-${process.pid}`, 'nothing.txt');
const shown = (e) => require('util').inspect(e).replace(new RegExp(missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '<missing>');
const calls = [
  ['stat', (cb) => fs.stat(missing, cb)],
  ['lstat', (cb) => fs.lstat(missing, cb)],
  ['readFile', (cb) => fs.readFile(missing, cb)],
  ['readFile utf8', (cb) => fs.readFile(missing, 'utf8', cb)],
  ['open', (cb) => fs.open(missing, 'r', cb)],
  ['readdir', (cb) => fs.readdir(missing, cb)],
  ['access', (cb) => fs.access(missing, cb)],
  ['unlink', (cb) => fs.unlink(missing, cb)],
  ['rmdir', (cb) => fs.rmdir(missing, cb)],
  ['mkdir', (cb) => fs.mkdir(path.join(missing, 'a'), cb)],
  ['rename', (cb) => fs.rename(missing, `${missing}.2`, cb)],
  ['copyFile', (cb) => fs.copyFile(missing, `${missing}.2`, cb)],
  ['close', (cb) => fs.close(2147483000, cb)],
  ['fstat', (cb) => fs.fstat(2147483000, cb)],
  ['writeFile', (cb) => fs.writeFile(missing, 'x', cb)],
];
let i = 0;
function next() {
  if (i === calls.length) {
    try {
      fs.stat(12, () => {});
    } catch (e) {
      console.log('argument error has frames:', e.stack.split('\n').length > 1, e.code);
    }
    return;
  }
  const [name, call] = calls[i++];
  call((err) => {
    console.log(name, JSON.stringify(err.stack.split(missing).join('<missing>')));
    console.log(shown(err));
    next();
  });
}
next();
