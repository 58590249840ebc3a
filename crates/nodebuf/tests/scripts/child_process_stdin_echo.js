// A child that echoes its stdin line by line, driven by a parent that writes the next line only
// after the previous echo came back: the child's process.stdin must hand out each chunk before
// it waits for the next (a read that blocks first would hold the echo back forever).
'use strict';
if (process.argv[2] === 'child') {
  process.stdout.write('ready\n');
  process.openStdin().on('data', (data) => process.stdout.write(`echo:${data}`));
  return;
}
const { spawn } = require('child_process');
const child = spawn(process.execPath, [__filename, 'child']);
child.stdout.setEncoding('utf8');
const lines = ['one\n', 'two\n', 'three\n'];
let received = '';
child.stdout.on('data', (data) => {
  received += data;
  if (!received.endsWith('\n')) return;
  console.log('parent got', JSON.stringify(received));
  received = '';
  const next = lines.shift();
  if (next === undefined) child.stdin.end();
  else child.stdin.write(next);
});
child.on('close', (code) => console.log('closed', code));
