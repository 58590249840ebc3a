'use strict';
// The classic leak: a 50 MiB Buffer pinned by 100,000 ten-byte views kept in an array.
let large = Buffer.alloc(50 * 1024 * 1024);
const views = [];
for (let i = 0; i < 100000; i++) {
  views.push(large.slice(0, 10));
}
large = null;
// Collect in a later turn (V8 keeps objects seen by a WeakRef alive until the turn ends).
setTimeout(() => {
  gc();
  console.log('views kept:', views.length);
}, 1);
process.on('exit', () => console.log('exiting with', views.length, 'views'));
