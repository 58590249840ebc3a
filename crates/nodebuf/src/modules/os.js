// `os`: the host facts scripts ask for (EOL, tmpdir, homedir, platform, ...).
'use strict';

module.exports = {
  EOL: '\n',
  devNull: '/dev/null',
  tmpdir: function tmpdir() { return native.os.tmpdir(); },
  homedir: function homedir() { return native.os.homedir(); },
  hostname: function hostname() { return native.os.hostname(); },
  platform: function platform() { return process.platform; },
  type: () => 'Linux',
  arch: function arch() { return process.arch; },
  release: () => '',
  endianness: function endianness() { return 'LE'; },
  availableParallelism: () => native.os.cpuCount(),
  cpus: function cpus() { return Array.from({ length: native.os.cpuCount() }, () => ({ model: 'cpu', speed: 0, times: {} })); },
  totalmem: () => 0,
  freemem: () => 0,
  uptime: function uptime() { return 0; },
  loadavg: function loadavg() { return [0, 0, 0]; },
  networkInterfaces: function networkInterfaces() { return ({}); },
  userInfo: function userInfo() { return ({ uid: 0, gid: 0, username: process.env.USER || 'root', homedir: native.os.homedir(), shell: process.env.SHELL || null }); },
};
// A read-only property, as Node's.
Object.defineProperty(module.exports, 'constants', {
  value: require('internal/constants').os, writable: false, enumerable: true, configurable: false,
});
