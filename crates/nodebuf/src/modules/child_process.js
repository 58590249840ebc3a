// `child_process`: the synchronous family (`spawnSync`, `execFileSync`, `execSync`) with Node's
// options (cwd, input, encoding, stdio, env, shell) and Node's results and errors.
'use strict';

const { Buffer } = require('buffer');
const { codes } = require('internal/errors');

function stdioModes(stdio) {
  if (stdio === undefined || stdio === null) return ['pipe', 'pipe', 'pipe'];
  if (typeof stdio === 'string') return [stdio, stdio, stdio];
  if (Array.isArray(stdio)) return [0, 1, 2].map((i) => (typeof stdio[i] === 'string' ? stdio[i] : 'pipe'));
  throw codes.ERR_INVALID_ARG_VALUE('options.stdio', stdio);
}

function envList(env) {
  if (env === undefined || env === null) return undefined;
  const out = [];
  for (const key of Object.keys(env)) if (env[key] !== undefined) out.push(`${key}=${env[key]}`);
  return out;
}

function spawnSync(file, args, options) {
  if (typeof file !== 'string') throw codes.ERR_INVALID_ARG_TYPE('file', 'string', file);
  if (!Array.isArray(args)) {
    options = args;
    args = [];
  }
  options = options || {};
  let input;
  if (options.input !== undefined) {
    input = typeof options.input === 'string' ? Buffer.from(options.input) : options.input;
    input = Array.from(input);
  }
  let command = file;
  let argv = args.map(String);
  if (options.shell) {
    command = typeof options.shell === 'string' ? options.shell : '/bin/sh';
    argv = ['-c', [file, ...argv].join(' ')];
  }
  const r = native.spawnSync(command, argv,
    options.cwd === undefined ? undefined : String(options.cwd), input,
    stdioModes(options.stdio), envList(options.env));
  const encoding = options.encoding && options.encoding !== 'buffer' ? options.encoding : undefined;
  if (r.error !== undefined) {
    const err = new Error(`spawnSync ${file} ENOENT`);
    err.errno = -2;
    err.code = 'ENOENT';
    err.syscall = `spawnSync ${file}`;
    err.path = file;
    err.spawnargs = args;
    return { error: err, status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
  }
  const decode = (bytes) => (bytes !== null && encoding ? bytes.toString(encoding) : bytes);
  const stdout = decode(r.stdout);
  const stderr = decode(r.stderr);
  return { status: r.status, signal: r.signal, output: [null, stdout, stderr], pid: r.pid, stdout, stderr };
}

// The part execFileSync and execSync share: run, echo stderr unless stdio was given, and turn
// a failure into Node's error (`status`, `signal`, `output`, `pid`, `stdout`, `stderr` on it).
function checkExecSync(r, command, options) {
  if (r.error) {
    Object.assign(r.error, { error: r.error, status: r.status, signal: r.signal, output: r.output,
      pid: r.pid, stdout: r.stdout, stderr: r.stderr });
    throw r.error;
  }
  if ((options === undefined || options === null || options.stdio === undefined) && r.stderr !== null &&
      r.stderr.length > 0) {
    process.stderr.write(r.stderr);
  }
  if (r.status !== 0) {
    let message = `Command failed: ${command}`;
    if (r.stderr !== null && r.stderr.length > 0) message += `\n${r.stderr.toString()}`;
    const err = new Error(message);
    Object.assign(err, { status: r.status, signal: r.signal, output: r.output, pid: r.pid,
      stdout: r.stdout, stderr: r.stderr });
    throw err;
  }
  return r.stdout;
}

function execFileSync(file, args, options) {
  if (!Array.isArray(args)) {
    options = args;
    args = [];
  }
  const r = spawnSync(file, args, options);
  return checkExecSync(r, [file, ...args].join(' '), options);
}

function execSync(command, options) {
  if (typeof command !== 'string') throw codes.ERR_INVALID_ARG_TYPE('command', 'string', command);
  const opts = { ...options };
  const shell = typeof opts.shell === 'string' ? opts.shell : '/bin/sh';
  delete opts.shell;
  const r = spawnSync(shell, ['-c', command], opts);
  return checkExecSync(r, command, options);
}

module.exports = { spawnSync, execFileSync, execSync };
