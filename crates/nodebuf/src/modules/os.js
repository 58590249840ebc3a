// `os`: the host facts scripts ask for (EOL, tmpdir, homedir, platform, ...).
'use strict';

const { codes, validateInteger } = require('internal/errors');

const kInt32Min = -(2 ** 31);
const kInt32Max = 2 ** 31 - 1;

// The uname(2) fields: [sysname, release, version, machine].
let unameFields;
const uname = () => (unameFields ??= native.os.uname());


function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInteger(pid, 'pid', kInt32Min, kInt32Max);
  const [errno, priority] = native.os.getPriority(pid);
  if (errno !== 0) throw codes.ERR_SYSTEM_ERROR('uv_os_getpriority', errno);
  return priority;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInteger(pid, 'pid', kInt32Min, kInt32Max);
  validateInteger(priority, 'priority', -20, 19);
  const errno = native.os.setPriority(pid, priority);
  if (errno !== 0) throw codes.ERR_SYSTEM_ERROR('uv_os_setpriority', errno);
}

// (Named as Node's functions are: several are its native bindings.)
module.exports = {
  arch: function arch() { return process.arch; },
  availableParallelism: () => native.os.cpuCount(),
  cpus: function cpus() { return Array.from({ length: native.os.cpuCount() }, () => ({ model: 'cpu', speed: 0, times: {} })); },
  endianness: function endianness() { return 'LE'; },
  freemem: { getFreeMem() { return native.os.memory()[1]; } }.getFreeMem,
  getPriority,
  homedir: function homedir() { return native.os.homedir(); },
  hostname: function hostname() { return native.os.hostname(); },
  loadavg: function loadavg() { return [0, 0, 0]; },
  networkInterfaces: function networkInterfaces() { return ({}); },
  platform: function platform() { return process.platform; },
  release: { getOSRelease() { return uname()[1]; } }.getOSRelease,
  setPriority,
  tmpdir: function tmpdir() { return native.os.tmpdir(); },
  totalmem: { getTotalMem() { return native.os.memory()[0]; } }.getTotalMem,
  type: { getOSType() { return uname()[0]; } }.getOSType,
  userInfo: function userInfo() { return ({ uid: 0, gid: 0, username: process.env.USER || 'root', homedir: native.os.homedir(), shell: process.env.SHELL || null }); },
  uptime: function uptime() { return 0; },
  version: { getOSVersion() { return uname()[2]; } }.getOSVersion,
  machine: { getMachine() { return uname()[3]; } }.getMachine,
  constants: undefined,
  EOL: '\n',
  devNull: '/dev/null',
};
// A read-only property, as Node's (in its place in the key order above).
Object.defineProperty(module.exports, 'constants', {
  value: require('internal/constants').os, writable: false, enumerable: true, configurable: false,
});
