// An empty string needle in an ascii/base64/base64url/hex search goes through Node's fast
// string path, which runs the pool's room check even for 0 bytes: past the end of a small
// slab it makes a new one (found by js_differential seed 942611).
const out = [];
function exhaustSmall() {
  Buffer.poolSize = 9;
  let n = 0;
  while (Buffer.allocUnsafe(1).byteOffset !== 0 && n < 2000) n++;
  out.push(Buffer.allocUnsafe(1).byteOffset);
}
const b = Buffer.from([1, 2, 3]);
for (const enc of ['hex', 'ascii', 'base64', 'base64url', 'utf8', 'latin1', 'ucs2']) {
  exhaustSmall();
  Buffer.poolSize = 2.5;
  out.push(enc, b.lastIndexOf('', 9, enc), b.indexOf('', 1, enc));
  Buffer.poolSize = 16384;
  out.push(Buffer.allocUnsafe(1).byteOffset, Buffer.allocUnsafe(1).byteOffset, Buffer.allocUnsafe(1).buffer.byteLength);
}
exhaustSmall();
Buffer.poolSize = 1;
out.push(b.indexOf('', 0, 'hex'));
Buffer.poolSize = 8192;
out.push(Buffer.allocUnsafe(1).byteOffset);
exhaustSmall();
Buffer.poolSize = 64;
out.push(b.includes('', 0, 'base64'), Buffer.allocUnsafe(1).byteOffset);
console.log(out.join(' '));
