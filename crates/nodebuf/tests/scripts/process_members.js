// process members beyond the basics: credentials (real system calls, Node's validation and
// ERR_UNKNOWN_CREDENTIAL), getBuiltinModule, memory limits, the uncaught-exception capture
// callback, allowedNodeEnvironmentFlags, dlopen's errors, the deprecated process.assert and
// the internal-looking members scripts still touch; the deprecation flags exist only when given.
const fs = require('fs');
const os = require('os');
const path = require('path');

// (Messages name the temporary directory as DIR.)
let hide = null;
const show = (label, f) => {
  try {
    console.log(label, f());
  } catch (e) {
    const message = hide === null ? e.message : e.message.replaceAll(hide, 'DIR');
    console.log(label, 'threw', e.name, e.code, message, Object.keys(e));
  }
};

function shape(name) {
  const d = Object.getOwnPropertyDescriptor(process, name);
  const v = process[name];
  const kind = typeof v === 'function' ? `function ${v.name}/${v.length} proto:${'prototype' in v}` : typeof v;
  return `${name}: ${kind} ${d ? Object.keys(d).join(',') : 'inherited'} enumerable:${d && d.enumerable}`;
}
for (const name of ['getActiveResourcesInfo', 'setUncaughtExceptionCaptureCallback', 'hasUncaughtExceptionCaptureCallback',
  'getBuiltinModule', 'availableMemory', 'constrainedMemory', 'getuid', 'geteuid', 'getgid', 'getegid', 'getgroups',
  'setgroups', 'initgroups', 'setuid', 'setgid', 'seteuid', 'setegid', '_getActiveHandles', '_getActiveRequests',
  '_rawDebug', '_tickCallback', '_kill', '_fatalException', '_linkedBinding', '_debugProcess', '_debugEnd',
  '_startProfilerIdleNotifier', '_stopProfilerIdleNotifier', 'assert', 'dlopen', '_exiting', '_preload_modules',
  'debugPort', 'domain', 'moduleLoadList', 'allowedNodeEnvironmentFlags']) {
  console.log(shape(name));
}
console.log('deprecation flags', 'noDeprecation' in process, 'throwDeprecation' in process, 'traceDeprecation' in process);

// Credentials: the ids as the kernel has them; changing to the ids we already have succeeds.
console.log(process.getuid(), process.geteuid(), process.getgid(), process.getegid(), process.getgroups());
show('setuid own', () => process.setuid(process.getuid()));
show('setgid own', () => process.setgid(process.getgid()));
show('seteuid own', () => process.seteuid(process.geteuid()));
show('setegid own', () => process.setegid(process.getegid()));
show('setuid {}', () => process.setuid({}));
show('setuid -1', () => process.setuid(-1));
show('setuid 1.5', () => process.setuid(1.5));
show('setegid 2**32', () => process.setegid(2 ** 32));
show('setuid unknown name', () => process.setuid('nodebuf-no-such-user'));
show('setgid unknown name', () => process.setgid('nodebuf-no-such-group'));
show('seteuid unknown name', () => process.seteuid('nodebuf-no-such-user'));
show('setgroups 1', () => process.setgroups(1));
show('setgroups [{}]', () => process.setgroups([{}]));
show('setgroups [1.5]', () => process.setgroups([1.5]));
show('setgroups [-1]', () => process.setgroups([-1]));
show('setgroups unknown', () => process.setgroups([0, 'nodebuf-no-such-group']));
show('initgroups {}', () => process.initgroups({}, 0));
show('initgroups no group', () => process.initgroups('root'));
show('initgroups 1.5', () => process.initgroups('root', 1.5));
show('initgroups unknown uid', () => process.initgroups(4000000, 0));
show('initgroups unknown group', () => process.initgroups('root', 'nodebuf-no-such-group'));

// getBuiltinModule.
show('fs', () => process.getBuiltinModule('fs') === fs);
show('node:fs', () => process.getBuiltinModule('node:fs') === fs);
show('test', () => process.getBuiltinModule('test'));
show('unknown', () => process.getBuiltinModule('nope'));
show('node:unknown', () => process.getBuiltinModule('node:nope'));
show('internal', () => process.getBuiltinModule('internal/errors'));
show('number', () => process.getBuiltinModule(1));

// Memory: the cgroup limit (2**64 - 1 when none) and what is left.
show('constrainedMemory', () => process.constrainedMemory());
show('availableMemory', () => typeof process.availableMemory() === 'number' && process.availableMemory() > 0);

// Flags.
const allowed = process.allowedNodeEnvironmentFlags;
for (const key of ['--expose-gc', '--expose_gc', 'expose_gc', 'no-deprecation', '--no-warnings=1', '--trace-warnings',
  '-expose-gc', '---expose-gc', '--EXPOSE-GC', '--bogus', '', ' --expose-gc', 1, undefined, '--eval', '-e', '--version']) {
  console.log('allowed', JSON.stringify(key), allowed.has(key));
}
console.log(allowed.constructor.name, Object.getPrototypeOf(Object.getPrototypeOf(allowed)) === Set.prototype, Object.isFrozen(allowed),
  allowed.add('--x') === allowed, allowed.has('--x'), allowed.delete('--expose-gc'), allowed.has('--expose-gc'), allowed.clear(),
  allowed.has('--expose-gc'), process.allowedNodeEnvironmentFlags === allowed, typeof allowed.size,
  Object.getOwnPropertyNames(Object.getPrototypeOf(allowed)), [...allowed].every((f) => allowed.has(f)));
console.log(shape('allowedNodeEnvironmentFlags'));

// dlopen: what the loader says about a file that is no shared object.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-dlopen-'));
hide = dir;
const fake = path.join(dir, 'fake.node');
fs.writeFileSync(fake, 'x\n');
show('dlopen one argument', () => process.dlopen({ exports: {} }));
show('dlopen no exports', () => process.dlopen({}, fake));
show('dlopen text file', () => process.dlopen({ exports: {} }, fake));
show('dlopen bad flags', () => process.dlopen({ exports: {} }, fake, 'x'));
show('dlopen missing', () => process.dlopen({ exports: {} }, path.join(dir, 'missing.node')));
show('require text .node', () => require(fake));
fs.rmSync(dir, { recursive: true });
hide = null;

// The rest.
show('_linkedBinding', () => process._linkedBinding('x'));
show('_kill own pid, signal 0', () => process._kill(process.pid, 0));
show('_kill no such pid', () => process._kill(999999999, 0));
show('_debugProcess none', () => process._debugProcess());
show('_debugProcess no such pid', () => process._debugProcess(999999999));
show('_debugEnd', () => process._debugEnd());
show('_startProfilerIdleNotifier', () => process._startProfilerIdleNotifier());
show('_tickCallback', () => {
  let ran = false;
  process.nextTick(() => { ran = true; });
  process._tickCallback();
  return ran;
});
show('debugPort', () => process.debugPort);
show('domain', () => process.domain);
show('_preload_modules', () => process._preload_modules);
show('_exiting', () => process._exiting);
show('moduleLoadList', () => Array.isArray(process.moduleLoadList) && process.moduleLoadList.length > 0);
show('_rawDebug', () => process._rawDebug('raw %s %d', 'text', 42, { a: 1 }));
show('assert true', () => process.assert(true));
show('assert false', () => process.assert(false, 'the message'));
show('assert 0', () => process.assert(0));

// The capture callback takes uncaught exceptions before 'uncaughtException' listeners.
process.on('uncaughtException', (e) => console.log('listener got', e.message));
show('capture 1', () => process.setUncaughtExceptionCaptureCallback(1));
show('has before', () => process.hasUncaughtExceptionCaptureCallback());
show('capture fn', () => process.setUncaughtExceptionCaptureCallback((e) => console.log('captured', e.message)));
show('capture again', () => process.setUncaughtExceptionCaptureCallback(() => {}));
show('has after', () => process.hasUncaughtExceptionCaptureCallback());
setTimeout(() => {
  throw new Error('from a timer');
}, 1);
setTimeout(() => {
  show('capture null', () => process.setUncaughtExceptionCaptureCallback(null));
  show('has cleared', () => process.hasUncaughtExceptionCaptureCallback());
  setTimeout(() => {
    throw new Error('after clearing');
  }, 1);
}, 20);
process.on('exit', () => console.log('exiting', process._exiting));
