// util's smaller exports as Node v20 has them: debuglog/debug with NODE_DEBUG (sections,
// wildcards, case, the callback, `enabled`, the HTTP warning), getSystemErrorName/Map (libuv's
// table), _errnoException/_exceptionWithHostPort, _extend, aborted, and the export order.
'use strict';
const util = require('util');

if (process.argv[2] !== 'child') {
  // NODE_DEBUG counts as it was at start-up: set here, it changes nothing in this process.
  process.env.NODE_DEBUG = 'foo';
  console.log('set late', util.debuglog('foo').enabled);
  const { spawnSync } = require('child_process');
  const child = spawnSync(process.execPath, [__filename, 'child'], { env: { ...process.env, NODE_DEBUG: 'foo,ba*,http' } });
  const pid = new RegExp(`\\b${child.pid}\\b`, 'g');
  process.stdout.write(child.stdout.toString().replace(pid, 'PID'));
  process.stdout.write(child.stderr.toString().replace(pid, 'PID'));
  return;
}

console.log(Object.keys(util).filter((k) => !['styleText', 'transferableAbortSignal', 'transferableAbortController',
  'parseEnv', 'parseArgs', 'MIMEType', 'MIMEParams'].includes(k)).join(' '));
const foo = util.debuglog('foo', (fn) => console.log('callback gets', typeof fn));
console.log('enabled', foo.enabled, util.debuglog('bar').enabled, util.debuglog('BAZ').enabled, util.debuglog('nope').enabled);
console.log(Object.getOwnPropertyNames(foo), foo.name, util.debug === util.debuglog);
foo('hello %d %s', 5, 'x');
util.debuglog('bar')({ a: [1, 2] });
util.debuglog('nope')('never shown');
util.debuglog('http')('with a warning');

for (const err of [-2, -13, -98, -4095, -3008, -99999]) console.log(err, util.getSystemErrorName(err));
for (const bad of [2, 0, 1.5, 'x', -(2 ** 60)]) {
  try {
    util.getSystemErrorName(bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
const map = util.getSystemErrorMap();
console.log(map.size, [...map].slice(0, 5), map.get(-110));

for (const e of [util._errnoException(-2, 'open', '/x'), util._errnoException(-99999, 'y'),
  util._exceptionWithHostPort(-111, 'connect', '127.0.0.1', 80, '1.2.3.4:5'),
  util._exceptionWithHostPort(-111, 'connect', '127.0.0.1'), util._exceptionWithHostPort(-98, 'listen', '::', 0)]) {
  console.log(e.message, Object.keys(e), e.errno, e.code);
}

console.log(util._extend({ x: 1 }, { a: 1, b: 2 }), util._extend({ x: 1 }, null), util._extend({ x: 1 }, 'ab'));
try {
  util._extend(1, { a: 1 });
} catch (e) {
  console.log(e.name);
}

(async () => {
  for (const [signal, resource] of [[undefined, {}], [{}, {}], [new AbortController().signal, 1], [new AbortController().signal, null]]) {
    try {
      await util.aborted(signal, resource);
    } catch (e) {
      console.log('aborted rejects', e.code, e.message);
    }
  }
  const ac = new AbortController();
  const resource = {};
  const pending = util.aborted(ac.signal, resource);
  console.log(pending instanceof Promise);
  setTimeout(() => ac.abort(), 1);
  const event = await pending;
  console.log('aborted resolves', event.type, event.constructor.name);
  console.log('already aborted', await util.aborted(AbortSignal.abort(), resource));
})();
