// Process events named for signals, process.kill and 'multipleResolves' as Node v20 has them.
'use strict';
process.noDeprecation = true;
const { spawn, spawnSync } = require('child_process');

function attempt(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    console.log(label, e.name, e.code, e.message, e.errno, e.syscall, Object.keys(e));
  }
}

console.log(process.eventNames(), process.listeners('newListener').length, process.listeners('removeListener').length);

// process.kill's argument checks and errors.
attempt('pid string', () => process.kill('x'));
attempt('pid fraction', () => process.kill(1.5));
attempt('pid object', () => process.kill({ valueOf() { return 1.25; } }));
attempt('unknown signal', () => process.kill(process.pid, 'SIGFOO'));
attempt('unknown number-like', () => process.kill(process.pid, 1.5));
attempt('not a process', () => process.kill(2 ** 30, 0));
attempt('bad number', () => process.kill(process.pid, 99));
attempt('signal 0', () => process.kill(process.pid, 0));
attempt('pid as string', () => process.kill(String(process.pid), 0));
attempt('toString name', () => process.kill(process.pid, 'toString'));
attempt('SIGKILL listener', () => process.on('SIGKILL', () => {}));
attempt('SIGSTOP listener', () => process.on('SIGSTOP', () => {}));
console.log('SIGKILL listeners', process.listenerCount('SIGKILL'));
process.on('SIGNOTHING', () => console.log('not a signal: only by emit'));
process.emit('SIGNOTHING');

// Signals sent to ourselves arrive in the next poll phase, in order, with (name, number).
const order = [];
process.on('SIGUSR2', function (name, number) {
  order.push(`${name}:${number}:${this === process}`);
});
process.on('SIGHUP', (name, number) => order.push(`${name}:${number}`));
// (Two names of one number each get it; their relative order is libuv's handle order.)
const aliases = [];
process.on('SIGIOT', (name, number) => aliases.push(`${name}:${number}`));
process.on('SIGABRT', (name, number) => aliases.push(`${name}:${number}`));
process.kill(process.pid, 'SIGUSR2');
process.kill(process.pid, 'SIGHUP');
process.kill(process.pid, 12);
process.kill(process.pid, 'SIGABRT');
order.push('sync');
process.nextTick(() => order.push('tick'));
setImmediate(() => {
  order.push('immediate');
  console.log(order, aliases.sort());
  process.removeAllListeners('SIGIOT');
  process.removeAllListeners('SIGABRT');
  fromOutside();
});

// A signal from another process wakes a sleeping loop; removing the last listener gives the
// signal its default action back.
function fromOutside() {
  let count = 0;
  // (The loop sleeps on this timer until both signals came: the `kill` child's exit could
  // otherwise end the loop before its signal is handled, a race node settles by taking SIGCHLD
  // after SIGUSR1 from one pipe; nodebuf learns of the exit on another thread.)
  const keepAlive = setTimeout(() => console.log('signals did not arrive'), 20000);
  process.on('SIGUSR1', (name) => {
    count++;
    console.log('outside', name, count);
    if (count === 2) {
      clearTimeout(keepAlive);
      process.removeAllListeners('SIGUSR1');
      console.log('listeners left', process.listenerCount('SIGUSR1'));
      children();
    } else {
      spawn('kill', ['-USR1', String(process.pid)]);
    }
  });
  setTimeout(() => spawn('kill', ['-USR1', String(process.pid)]), 10);
}

// Children: the default action kills (exit signal), a listener keeps the process alive only
// while something else does, and an unwatched SIGINT after a removed listener kills again.
function children() {
  const scripts = [
    "process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 1000)",
    "process.on('SIGINT', () => console.log('caught')); process.kill(process.pid, 'SIGINT'); setTimeout(() => console.log('after'), 20)",
    "const f = () => {}; process.on('SIGINT', f); process.off('SIGINT', f); process.kill(process.pid, 'SIGINT'); setTimeout(() => console.log('survived'), 100)",
    "process.on('SIGTERM', () => console.log('never')); console.log('listening alone does not keep the loop alive')",
    "process.on('SIGUSR2', () => { throw new Error('from a signal listener'); }); process.kill(process.pid, 'SIGUSR2'); setTimeout(() => {}, 1000)",
  ];
  for (const source of scripts) {
    const r = spawnSync(process.execPath, ['-e', source], { encoding: 'utf8' });
    const err = r.stderr.split('\n').filter((l) => l.startsWith('Error')).join('|');
    console.log(JSON.stringify(r.stdout), r.status, r.signal, err);
  }
  // A signal the parent left ignored acts again (Node resets dispositions when it starts);
  // real-time signals keep theirs.
  const ignoring = (source) => spawnSync('sh', ['-c', `trap '' INT HUP 40; exec "$0" -e "$1"`, process.execPath, source], { encoding: 'utf8' });
  for (const source of [
    "process.kill(process.pid, 'SIGINT'); setTimeout(() => console.log('survived'), 100)",
    "process.kill(process.pid, 'SIGHUP'); setTimeout(() => console.log('survived'), 100)",
    "process.kill(process.pid, 40); setTimeout(() => console.log('survived'), 100)",
  ]) {
    const r = ignoring(source);
    console.log('inherited ignore', JSON.stringify(r.stdout), r.status, r.signal);
  }
  multipleResolves();
}

function multipleResolves() {
  const seen = [];
  process.on('multipleResolves', (type, promise, value) => seen.push(`${type}:${value instanceof Error ? value.message : String(value)}`));
  new Promise((resolve, reject) => {
    resolve(1);
    resolve(2);
    reject(new Error('late'));
    throw new Error('thrown');
  });
  new Promise((resolve) => resolve({ then(a, b) { a(1); a(2); b(3); } }));
  Promise.race([Promise.resolve(1), 2]);
  process.nextTick(() => seen.push('tick'));
  setTimeout(() => console.log(seen), 10);
}
