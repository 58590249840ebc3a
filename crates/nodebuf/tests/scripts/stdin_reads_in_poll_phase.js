// process.stdin on a pipe reads without blocking the loop, as Node's does: while the script
// waits for input, timers, immediates and fs callbacks run; each chunk arrives in the poll
// phase; a paused stdin stops reading (and no longer keeps the loop alive); a stdin nobody
// reads keeps nothing alive; the end of input ends the stream; the stdin handle shows in
// getActiveResourcesInfo() while it reads. Each case runs a child whose stdin the parent
// writes at set times.
'use strict';
const { spawn } = require('child_process');

const cases = [
  ['timers and fs callbacks run while stdin waits', `
    const t0 = Date.now();
    process.stdin.on('data', (d) => console.log('data', JSON.stringify(String(d))));
    process.stdin.on('end', () => console.log('end'));
    setTimeout(() => console.log('timer 30'), 30);
    require('fs').stat(process.execPath, (err) => {
      console.log('stat callback', err);
      require('fs').stat('/no/such/file', (err) => console.log('stat error', err));
    });
    const iv = setInterval(() => { console.log('tick'); }, 100);
    setTimeout(() => clearInterval(iv), 250);
  `, [[400, 'hello\n'], [500, 'world\n'], [600, null]]],
  ['chunks arrive in the poll phase, between timers and immediates', `
    process.stdin.on('data', (d) => {
      console.log('data', String(d).trim());
      setImmediate(() => console.log('immediate after data'));
      setTimeout(() => console.log('timeout after data'), 0);
      process.nextTick(() => console.log('tick after data'));
      Promise.resolve().then(() => console.log('microtask after data'));
    });
  `, [[100, 'one\n'], [300, 'two\n'], [500, null]]],
  ['pause stops reading and lets the process exit', `
    process.stdin.once('data', (d) => {
      console.log('first', String(d).trim());
      process.stdin.pause();
      setTimeout(() => console.log('paused, still running'), 50);
    });
    process.on('exit', () => console.log('exit'));
  `, [[100, 'a\n'], [2500, 'b\n'], [2600, null]]],
  ['resume after pause reads again', `
    let n = 0;
    process.stdin.on('data', (d) => {
      console.log('data', String(d).trim());
      if (++n === 1) {
        process.stdin.pause();
        setTimeout(() => { console.log('resume'); process.stdin.resume(); }, 300);
      }
    });
    process.stdin.on('end', () => console.log('end'));
  `, [[100, 'a\n'], [200, 'b\n'], [600, 'c\n'], [700, null]]],
  ['a stdin nobody reads keeps nothing alive', `
    process.stdin;
    setTimeout(() => console.log('timer'), 20);
    process.on('exit', () => console.log('exit'));
  `, [[2000, 'late\n'], [2100, null]]],
  ['active resources while reading', `
    console.log('before', process.getActiveResourcesInfo());
    process.stdin.once('data', () => {
      console.log('reading', process.getActiveResourcesInfo());
      process.stdin.pause();
      process.nextTick(() => process.nextTick(() => console.log('after pause', process.getActiveResourcesInfo())));
    });
  `, [[100, 'x\n'], [300, null]]],
  ['readline over stdin', `
    const rl = require('readline').createInterface({ input: process.stdin });
    rl.on('line', (l) => console.log('line', l));
    rl.on('close', () => console.log('close'));
    setTimeout(() => console.log('timer'), 50);
  `, [[400, 'first line\nsecond '], [500, 'line\n'], [600, null]]],
  ['a large input arrives whole', `
    let total = 0;
    let sum = 0;
    process.stdin.on('data', (d) => { total += d.length; for (const b of d) sum = (sum + b) % 65521; });
    process.stdin.on('end', () => console.log('total', total, 'sum', sum));
  `, [[50, Buffer.alloc(3 * 1024 * 1024 + 17, 'abcdefgh')], [100, null]]],
];

function runCase([name, code, writes]) {
  return new Promise((resolve) => {
    // The child says when it runs; the writes are timed from then (not from the spawn, which a
    // loaded machine can make slow).
    const child = spawn(process.execPath, ['-e', `console.log('ready');${code}`], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    let timers = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      if (out === '') {
        timers = writes.map(([at, data]) => setTimeout(() => {
          if (data === null) child.stdin.end();
          else child.stdin.write(data);
        }, at));
      }
      out += d;
    });
    child.stdin.on('error', () => {}); // (the child may have exited: EPIPE)
    child.on('close', (code) => {
      for (const t of timers) clearTimeout(t);
      child.stdin.destroy();
      resolve(`== ${name}\n${out}exit code ${code}`);
    });
  });
}

(async () => {
  for (const c of cases) console.log(await runCase(c));
})();
