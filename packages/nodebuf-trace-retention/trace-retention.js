// Preload for Node: `node --require <path>/trace-retention.js app.js` records the views app.js
// makes (slice, subarray, Buffer.from(arrayBuffer), typed arrays and DataViews over a buffer,
// pool slices) and prints nodebuf's retention report on stderr when the process exits.
//
// Environment (Node does not pass unknown flags to preloads):
//   NODEBUF_TRACE_RETENTION            unset or `text`: text report on stderr at exit;
//                                      `json`: JSON on stderr; any other value: a file path
//                                      the JSON report is written to
//   NODEBUF_TRACE_RETENTION_THRESHOLD  smallest store reported, in bytes (default 1048576)
//   NODEBUF_TRACE_OVERLAP              `warn` or `throw`: check views for partial overlaps
// `kill -USR2 <pid>` prints a report on demand; `require(<this file>)` returns the API
// (report(), snapshot(), diff(a, b), format(report)).
'use strict';

const path = require('path');
const fs = require('fs');
const { install, formatReport } = require('./tracer.js');

const env = process.env;
const threshold = Number(env.NODEBUF_TRACE_RETENTION_THRESHOLD || 1024 * 1024);
const output = env.NODEBUF_TRACE_RETENTION || 'text';
const ownDir = __dirname + path.sep;

const api = install({
  Buffer: require('buffer').Buffer,
  globals: globalThis,
  threshold: Number.isFinite(threshold) && threshold >= 0 ? threshold : 1024 * 1024,
  overlap: env.NODEBUF_TRACE_OVERLAP === 'throw' ? 'throw' : env.NODEBUF_TRACE_OVERLAP === 'warn' ? 'warn' : 'off',
  runtime: `node ${process.version}, preload`,
  thread: require('worker_threads').isMainThread ? 'main' : `worker ${require('worker_threads').threadId}`,
  isInternalFile: (file) => file.startsWith('node:') || file.startsWith(ownDir) || !file.includes('/'),
  fixColumn: (file, line, column) => column,
  emitWarning: (message, type, code) => process.emitWarning(message, type, code),
  cwd: process.cwd(),
});

function emit() {
  const report = api.report();
  if (output === 'json') process.stderr.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (output === 'text') process.stderr.write(formatReport(report));
  else fs.writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
}

if (require('worker_threads').isMainThread) {
  process.on('exit', emit);
  process.on('SIGUSR2', () => process.stderr.write(formatReport(api.report())));
}

module.exports = { report: api.report, snapshot: api.snapshot, diff: api.diff, format: formatReport };

// `require('nodebuf:retention')` reaches the same API in Node as in the nodebuf runner, so a
// script or test written against it runs under both.
const Module = require('module');
const load = Module._load;
Module._load = function _load(request, parent, isMain) {
  if (request === 'nodebuf:retention') return module.exports;
  return load.call(this, request, parent, isMain);
};
