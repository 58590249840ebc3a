const fs = require('fs');
const attempts = [
  () => fs.readFileSync('no-such-file.txt'),
  () => fs.readFileSync('/'),
  () => fs.mkdirSync('/tmp'),
  () => fs.readdirSync('/etc/hostname'),
  () => fs.openSync('no-such-file.txt', 'r'),
  () => fs.statSync('no-such-file.txt'),
  () => fs.unlinkSync('no-such-file.txt'),
  () => fs.closeSync(98765),
  () => fs.rmSync('no-such-file.txt'),
  () => fs.rmSync('/tmp'),
  () => fs.writeFileSync('/no-such-dir/x', 'a'),
  () => fs.renameSync('no-such-a', 'no-such-b'),
  () => fs.copyFileSync('no-such-a', 'no-such-b'),
  () => fs.readSync(98765, new Uint8Array(2)),
  () => fs.openSync('/tmp', 'w'),
  () => fs.closeSync('x'),
  () => fs.closeSync(-1),
  () => fs.readFileSync(42.5),
  () => fs.readFileSync({}),
  () => fs.openSync('x', 'bogus'),
];
for (const attempt of attempts) {
  try {
    attempt();
    console.log('no error');
  } catch (e) {
    console.log(e.message, '|', JSON.stringify(e), '|', e.name, Object.keys(e));
  }
}
try { fs.readFileSync('no-such-file.txt'); } catch (e) { console.log(e); }
console.log(fs.statSync('no-such-file.txt', { throwIfNoEntry: false }), fs.existsSync(''), fs.existsSync(null));
