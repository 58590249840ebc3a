// `os`: the host facts scripts ask for (EOL, tmpdir, homedir, platform, ...).
'use strict';

module.exports = {
  EOL: '\n',
  devNull: '/dev/null',
  tmpdir: () => native.os.tmpdir(),
  homedir: () => native.os.homedir(),
  hostname: () => native.os.hostname(),
  platform: () => process.platform,
  type: () => 'Linux',
  arch: () => process.arch,
  release: () => '',
  endianness: () => 'LE',
  availableParallelism: () => native.os.cpuCount(),
  cpus: () => Array.from({ length: native.os.cpuCount() }, () => ({ model: 'cpu', speed: 0, times: {} })),
  totalmem: () => 0,
  freemem: () => 0,
  uptime: () => 0,
  loadavg: () => [0, 0, 0],
  networkInterfaces: () => ({}),
  userInfo: () => ({ uid: 0, gid: 0, username: process.env.USER || 'root', homedir: native.os.homedir(), shell: process.env.SHELL || null }),
  constants: { signals: {}, errno: {} },
};
