'use strict';
// The asynchronous child_process family: spawn with piped stdio (stdin written and ended,
// stdout/stderr read as streams), event order, exit codes and signals, exec/execFile results
// and errors, and a program that does not exist.
const { spawn, exec, execFile } = require('child_process');

const steps = [
  (next) => {
    const child = spawn(process.execPath, ['-e',
      'process.stdin.pipe(process.stdout); process.stderr.write("to stderr")']);
    const events = [];
    let out = '';
    let err = '';
    child.on('spawn', () => events.push('spawn'));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c) => { out += c; });
    child.stderr.on('data', (c) => { err += c; });
    child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
    child.on('close', (code, signal) => {
      events.push(`close ${code} ${signal}`);
      console.log('piped:', JSON.stringify(out), JSON.stringify(err), events.join(', '),
                  typeof child.pid, child.exitCode, child.signalCode);
      next();
    });
    child.stdin.write('hello ');
    child.stdin.end(Buffer.from('world'));
  },
  (next) => {
    spawn('sh', ['-c', 'exit 7']).on('close', (code, signal) => {
      console.log('exit code:', code, signal);
      next();
    });
  },
  (next) => {
    const child = spawn('sleep', ['5']);
    child.on('exit', (code, signal) => {
      console.log('killed:', code, signal, child.killed, child.signalCode);
      next();
    });
    console.log('kill sent:', child.kill());
  },
  (next) => {
    const child = spawn('nodebuf-no-such-program', ['a']);
    child.on('error', (e) => console.log('error:', e.message, e.code, e.errno, e.syscall, e.path, e.spawnargs));
    child.on('close', (code) => {
      console.log('close after error:', code, child.pid);
      next();
    });
  },
  (next) => {
    exec('echo out; echo err >&2', (error, stdout, stderr) => {
      console.log('exec ok:', error, JSON.stringify(stdout), JSON.stringify(stderr));
      next();
    });
  },
  (next) => {
    exec('echo partial; echo bad >&2; exit 3', (error, stdout, stderr) => {
      console.log('exec failed:', error.message, error.code, error.killed, error.signal, error.cmd,
                  JSON.stringify(stdout), JSON.stringify(stderr));
      next();
    });
  },
  (next) => {
    execFile('echo', ['a', 'b'], { encoding: 'buffer' }, (error, stdout) => {
      console.log('execFile:', error, stdout);
      next();
    });
  },
  (next) => {
    try {
      spawn('echo').kill('SIGNOPE');
    } catch (e) {
      console.log('bad signal:', e.code, e.message);
    }
    next();
  },
];

function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
}
run(0);
