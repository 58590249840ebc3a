// `child_process`: `spawnSync` and `execFileSync` (synchronous runs with captured output).
'use strict';

const { Buffer } = require('buffer');

function spawnSync(file, args, options) {
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
  const r = native.spawnSync(String(file), args.map(String),
    options.cwd === undefined ? undefined : String(options.cwd), input);
  const encoding = options.encoding && options.encoding !== 'buffer' ? options.encoding : undefined;
  if (r.error !== undefined) {
    const err = new Error(`spawnSync ${file} ${r.error}`);
    err.code = 'ENOENT';
    err.syscall = `spawnSync ${file}`;
    err.path = file;
    err.spawnargs = args;
    return { error: err, status: null, signal: null, output: null, pid: 0, stdout: null, stderr: null };
  }
  const stdout = encoding ? r.stdout.toString(encoding) : r.stdout;
  const stderr = encoding ? r.stderr.toString(encoding) : r.stderr;
  return { pid: r.pid, output: [null, stdout, stderr], stdout, stderr, status: r.status, signal: r.signal };
}

function execFileSync(file, args, options) {
  const r = spawnSync(file, args, options);
  if (r.error) throw r.error;
  if (r.status !== 0) {
    const err = new Error(`Command failed: ${[file, ...(Array.isArray(args) ? args : [])].join(' ')}\n${String(r.stderr)}`);
    err.status = r.status;
    err.signal = r.signal;
    err.stdout = r.stdout;
    err.stderr = r.stderr;
    throw err;
  }
  return r.stdout;
}

module.exports = { spawnSync, execFileSync };
