'use strict';
// The fix: copy the 10 bytes kept, so the 50 MiB parent can go.
let large = Buffer.alloc(50 * 1024 * 1024);
const copies = [];
for (let i = 0; i < 100000; i++) {
  copies.push(Buffer.from(large.slice(0, 10)));
}
large = null;
setTimeout(() => {
  gc();
  console.log('copies kept:', copies.length);
}, 1);
process.on('exit', () => console.log('exiting with', copies.length, 'copies'));
