// child_process.fork with its IPC channel, 'json' and 'advanced' serialization: messages both
// ways (objects, Buffers, Dates, BigInts, Maps and typed arrays where 'advanced' keeps them),
// send callbacks, argument errors, disconnect from either side, sends after disconnect
// ('error' events and callbacks with ERR_IPC_CHANNEL_CLOSED / ERR_IPC_DISCONNECTED), the
// child's exit code, and the order of 'disconnect', 'exit' and 'close'. The child writes
// nothing itself: it answers over the channel and the parent prints.
'use strict';
const { fork } = require('child_process');
const util = require('util');

if (process.argv[2] === 'child') {
  const mode = process.argv[3];
  process.send({ ready: true, connected: process.connected, env: [process.env.NODE_CHANNEL_FD, process.env.NODE_CHANNEL_SERIALIZATION_MODE], argv: process.argv.slice(2) });
  process.on('message', (message) => {
    if (message === 'disconnect-me') {
      process.disconnect();
      return;
    }
    if (message === 'exit') process.exit(7);
    const reply = { echo: message, type: typeof message, mode };
    if (mode === 'advanced') reply.extra = [new Map([[1, Buffer.from('mb')]]), new Float64Array([0.5]), 2n ** 70n, new Date(0), /re/g];
    process.send(reply, (err) => process.send({ callback: err }));
  });
  return;
}

function run(mode, done) {
  const log = (...args) => console.log(mode, ...args.map((a) => (typeof a === 'string' ? a : util.inspect(a, { depth: 5, breakLength: Infinity }))));
  const child = fork(__filename, ['child', mode], { serialization: mode });
  log('connected', child.connected, typeof child.channel, child.stdio.length);
  let replies = 0;
  child.on('message', (message) => {
    // (The child's send-callback notices are counted, not logged where they arrive: whether
    // the three messages reach the child in one read or in three decides where they fall
    // among the echoes, in node as here.)
    if (message.callback !== undefined) {
      if (++replies === 3) {
        log('callbacks', replies, message.callback);
        child.send('disconnect-me');
      }
      return;
    }
    log('message', message);
  });
  child.on('disconnect', () => {
    log('disconnect', child.connected, child.channel);
    log('send after', child.send('late', (err) => log('late callback', err.code, err.message)));
    child.once('error', (err) => log('error event', err.code, err.message));
    child.disconnect();
  });
  child.on('exit', (code, signal) => log('exit', code, signal));
  child.on('close', (code, signal) => {
    log('close', code, signal);
    done();
  });
  log('send', child.send({ n: 1, s: 'é€', nested: { list: [1, null, true] }, buf: Buffer.from('hi'), when: new Date(5) }));
  log('send', child.send('two', (err) => log('callback', err)));
  log('send', child.send(3, undefined, {}, (err) => log('callback 3', err)));
  for (const bad of [undefined, Symbol('s'), () => 1]) {
    try {
      child.send(bad);
    } catch (e) {
      log('bad', e.code, e.message);
    }
  }
  try {
    child.send('x', null, 'not options');
  } catch (e) {
    log('bad options', e.code, e.message);
  }
}

function exitCase(done) {
  const child = fork(__filename, ['child', 'json'], { silent: true });
  child.on('message', (m) => {
    if (m.ready) child.send('exit');
  });
  child.on('disconnect', () => console.log('exit case disconnect'));
  child.on('exit', (code) => console.log('exit case exit', code, child.stdout !== null));
  child.on('close', () => done());
}

for (const bad of [1, null]) {
  try {
    fork(bad);
  } catch (e) {
    console.log('fork', e.code, e.message);
  }
}
try {
  fork(__filename, [], { stdio: ['pipe', 'pipe', 'pipe'] });
} catch (e) {
  console.log('fork stdio', e.code, e.message);
}
run('json', () => run('advanced', () => exitCase(() => console.log('done'))));
