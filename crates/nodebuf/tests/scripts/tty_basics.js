// tty without a terminal (the test runs on pipes): isatty for every kind of argument, the
// stdio streams' isTTY (undefined on pipes, as in Node), the errors constructing ReadStream /
// WriteStream on a non-terminal or bad descriptor, WriteStream's prototype, and
// getColorDepth/hasColors over many environments (FORCE_COLOR, NO_COLOR, TERM, COLORTERM,
// TMUX, CI, TERM_PROGRAM, TEAMCITY_VERSION), including the FORCE_COLOR warning.
'use strict';
const tty = require('tty');
const fs = require('fs');
const os = require('os');
const path = require('path');

console.log(Object.keys(tty));
console.log([0, 1, 2, -1, 1.5, '1', 99, 2 ** 31, NaN, null].map((fd) => tty.isatty(fd)));
console.log(process.stdout.isTTY, process.stderr.isTTY, process.stdin.isTTY);
console.log(Object.getOwnPropertyNames(tty.WriteStream.prototype), Object.getOwnPropertyNames(tty.ReadStream.prototype));
console.log(tty.WriteStream.prototype.isTTY, tty.WriteStream.length, tty.ReadStream.length);

const file = path.join(os.tmpdir(), `nodebuf-tty-${process.pid}.txt`);
const fileFd = fs.openSync(file, 'w');
for (const [label, make] of [
  ['write on a file', () => new tty.WriteStream(fileFd)],
  ['read on a file', () => new tty.ReadStream(fileFd)],
  ['negative fd', () => new tty.WriteStream(-1)],
  ['fractional fd', () => new tty.ReadStream(1.5)],
  ['closed fd', () => new tty.WriteStream(9999)],
]) {
  try {
    make();
    console.log(label, 'constructed');
  } catch (err) {
    console.log(label, err.name, err.code, err.message, err.errno, err.syscall);
  }
}
fs.closeSync(fileFd);
fs.unlinkSync(file);

const { WriteStream } = tty;
const depth = (env) => WriteStream.prototype.getColorDepth.call({}, env);
const envs = [
  {}, { FORCE_COLOR: '' }, { FORCE_COLOR: '1' }, { FORCE_COLOR: '2' }, { FORCE_COLOR: '3' },
  { FORCE_COLOR: '0' }, { FORCE_COLOR: 'true' }, { FORCE_COLOR: 'false' }, { FORCE_COLOR: 'x' },
  { NO_COLOR: '' }, { NODE_DISABLE_COLORS: '1' }, { TERM: 'dumb' }, { TERM: 'dumb', FORCE_COLOR: '3' },
  { TMUX: '1' }, { CI: '1' }, { CI: '1', GITHUB_ACTIONS: '1' }, { CI: '1', CI_NAME: 'codeship' },
  { TEAMCITY_VERSION: '9.1.0' }, { TEAMCITY_VERSION: '8.0' }, { TEAMCITY_VERSION: '10.0' },
  { TERM_PROGRAM: 'iTerm.app' }, { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.9' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.1' }, { TERM_PROGRAM: 'HyperTerm' },
  { TERM_PROGRAM: 'Apple_Terminal' }, { TERM_PROGRAM: 'vscode' }, { COLORTERM: 'truecolor' },
  { COLORTERM: '24bit' }, { COLORTERM: 'yes' }, { TERM: 'xterm-256color', COLORTERM: 'truecolor' },
  { FORCE_COLOR: '2', NO_COLOR: '1' }, { TMUX: '1', NO_COLOR: '1' }, { CI: '1', TERM: 'xterm-256color' },
];
for (const term of ['xterm-256color', 'xterm', 'XTERM', 'screen-256color', 'screen', 'linux', 'vt100',
  'vt220', 'ansi', 'rxvt', 'rxvt-unicode-24bit', 'eterm', 'Eterm', 'cons25', 'con132x25', 'mosh',
  'putty', 'st', 'terminator', 'xterm-kitty', 'kitty', 'foo-color', 'gnome', 'konsole', 'cygwin',
  'console', 'tmux-256color', 'wezterm', 'unknown']) {
  envs.push({ TERM: term });
}
for (const env of envs) console.log(JSON.stringify(env), depth(env));
const has = WriteStream.prototype.hasColors;
console.log(has.call({}, { TERM: 'xterm-256color' }), has.call({}, 256, { TERM: 'xterm-256color' }),
  has.call({}, 257, { TERM: 'xterm-256color' }), has.call({}, 2, {}), has.call({}, 3, {}));
for (const bad of [1, 'a', 2.5]) {
  try {
    has.call({}, bad, {});
  } catch (err) {
    console.log(err.code, err.message);
  }
}
