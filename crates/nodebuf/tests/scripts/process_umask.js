// process.umask as Node's: it was a stub answering 0o22 and setting nothing. Reading, setting from
// numbers and octal strings (the old mask back), Node's errors, new files made under the mask,
// and in a worker: reading allowed, setting (and process.chdir) ERR_WORKER_UNSUPPORTED_OPERATION.
'use strict';
const old = process.umask();
for (const m of [undefined, '0664', 0o664, '664', 'abc', -1, 2 ** 32, 1.5, {}, null, '0o664', '0x1ff', 511, '', '0', 0]) {
  try {
    const o = process.umask(m);
    console.log(JSON.stringify(m), o, process.umask(o), process.umask());
  } catch (e) {
    console.log(JSON.stringify(m), e.code, e.message);
  }
}
process.umask(0o027);
const fs = require('fs');
const path = require('path');
const f = path.join(require('os').tmpdir(), `umask-${process.pid}`);
fs.writeFileSync(f, 'x');
console.log('file mode under umask 027', (fs.statSync(f).mode & 0o777).toString(8));
fs.unlinkSync(f);
process.umask(old);
const { Worker } = require('worker_threads');
new Worker(`
  for (const f of [() => process.umask(0o22), () => process.umask('0664'), () => process.chdir('/'), () => process.chdir(5)]) {
    try { f(); console.log('ran'); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  console.log('worker reads', typeof process.umask(), process.umask() === ${old});
`, { eval: true });
