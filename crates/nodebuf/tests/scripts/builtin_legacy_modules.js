// The builtins Node v20 keeps for compatibility: `sys` (util, with DEP0025 once), `constants`
// (os errno/signals/priority/dlopen, fs and crypto constants merged, frozen), their `node:`
// forms, the full os.constants/fs.constants tables behind them, and where `sys`, `constants`,
// `punycode` and `diagnostics_channel` sit in Module.builtinModules.
'use strict';
const { builtinModules, isBuiltin } = require('module');
const util = require('util');

console.log(['constants', 'diagnostics_channel', 'punycode', 'sys'].map((id) => [isBuiltin(id), isBuiltin(`node:${id}`)]));
// Their places among builtins both runtimes have (the list is sorted).
const common = ['buffer', 'child_process', 'console', 'constants', 'crypto', 'diagnostics_channel', 'events', 'path',
  'perf_hooks', 'process', 'punycode', 'querystring', 'stream', 'string_decoder', 'sys', 'timers', 'util'];
console.log(JSON.stringify(builtinModules.filter((id) => common.includes(id))), builtinModules.join() === builtinModules.slice().sort().join());
const sys = require('sys');
console.log(sys === util, require('node:sys') === util, require('sys') === sys);

const constants = require('constants');
const os = require('os');
const fs = require('fs');
const crypto = require('crypto');
console.log(require('node:constants') === constants, Object.isFrozen(constants), Object.getPrototypeOf(constants) === Object.prototype);
console.log(Object.keys(constants).length, JSON.stringify(constants));
const merged = { ...os.constants.dlopen, ...os.constants.errno, ...os.constants.priority, ...os.constants.signals, ...fs.constants };
console.log(Object.keys(merged).every((key) => constants[key] === merged[key]), Object.keys(crypto.constants).filter((key) => !(key in constants)));
console.log(JSON.stringify(os.constants), JSON.stringify(fs.constants));
for (const [label, table] of [['os', os.constants], ['signals', os.constants.signals], ['errno', os.constants.errno],
  ['priority', os.constants.priority], ['dlopen', os.constants.dlopen], ['fs', fs.constants]]) {
  const first = Object.keys(table)[0];
  console.log(label, Object.getPrototypeOf(table), Object.isFrozen(table), JSON.stringify(Object.getOwnPropertyDescriptor(table, first)));
}
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(os, 'constants'), (k, v) => (k === 'value' ? typeof v : v)));
console.log(JSON.stringify(Object.getOwnPropertyDescriptor(fs, 'constants'), (k, v) => (k === 'value' ? typeof v : v)));
console.log(Object.keys(fs).filter((key) => /^[A-Z_]+$/.test(key)), fs.promises.constants === fs.constants);
