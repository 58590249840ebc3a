// What writing to stdout and stderr does to the Buffer pool: on a file (and /dev/null) Node turns
// each small string into a pooled Buffer first; on a pipe or terminal only hex/base64-like
// encodings make a Buffer. The test harness pipes both streams; run it with `> file` to see
// the other case (crates/nodebuf/tests/cli.rs does).
'use strict';
const a = Buffer.allocUnsafe(1).byteOffset;
process.stdout.write('x'.repeat(20) + '\n');
const b = Buffer.allocUnsafe(1).byteOffset;
console.error('err line');
const c = Buffer.allocUnsafe(1).byteOffset;
process.stdout.write(Buffer.from('buf\n'));
const d = Buffer.allocUnsafe(1).byteOffset;
process.stdout.write('héllo\n', 'latin1');
const e = Buffer.allocUnsafe(1).byteOffset;
console.log('y'.repeat(5000));
const f = Buffer.allocUnsafe(1).byteOffset;
process.stderr.write([a, b, c, d, e, f].join(' ') + '\n');
const g = Buffer.allocUnsafe(1).byteOffset;
process.stdout.write('6869', 'hex'); process.stdout.write('aGk=', 'base64'); process.stdout.write('zz', 'ascii'); process.stdout.write('q', 'ucs2');
const h = Buffer.allocUnsafe(1).byteOffset;
process.stderr.write([g, h].join(' ') + '\n');
