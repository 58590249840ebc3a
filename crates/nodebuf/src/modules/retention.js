// `require('nodebuf:retention')`: the retention report from JS — report(), snapshot(),
// diff(a, b), format(report) — and the runner's --trace-retention / --trace-overlap /
// --throw-overlap. The tracer itself is `packages/nodebuf-trace-retention/tracer.js`, the same
// file Node's preload uses, so both runtimes print one report format.
//
// The `nodebuf:` scheme follows Node's convention for runtime-provided modules (`node:fs`,
// Bun's `bun:sqlite`): a scheme cannot collide with an npm package name (colons are not
// allowed there) nor shadow a future `node:` builtin, and it says whose API this is.
//
// With none of the flags, tracing starts when this module is first required: views made before
// that are not recorded (the report says so).
'use strict';

const { install, formatReport } = require('internal/retention_tracer');
const flags = native.process.flags;
const tracingFlag = typeof flags.traceRetention === 'string';
const threadId = native.worker === undefined ? 0 : native.worker.threadId;

const api = install({
  Buffer: native.bufferModule.Buffer,
  globals: globalThis,
  threshold: typeof flags.traceRetentionThreshold === 'number' ? flags.traceRetentionThreshold : 1024 * 1024,
  overlap: flags.throwOverlap ? 'throw' : flags.traceOverlap ? 'warn' : 'off',
  runtime: tracingFlag || flags.traceOverlap || flags.throwOverlap ?
    'nodebuf' : 'nodebuf, recording since the first require of nodebuf:retention',
  thread: threadId === 0 ? 'main' : `worker ${threadId}`,
  // Builtins (and the tracer, loaded as one) have `node:` file names; natives have none.
  isInternalFile: (file) => file.startsWith('node:') || file === '<native>',
  // The call sites' columns are already V8's (engine patch 0011, `internal/call_site`).
  fixColumn: (file, line, column) => column,
  emitWarning: (message, type, code) => process.emitWarning(message, type, code),
  cwd: process.cwd(),
  // The engine's own list of each store's views: counts at report time, no cost per view.
  views: native.retention,
  // Zeroed blocks the core keeps for reuse (a line of the report; see nodebuf_core's recycle).
  recycled: native.retention.recycled,
});

function emitAtExit() {
  const report = api.report();
  const output = flags.traceRetention;
  if (output === 'json') process.stderr.write(`${JSON.stringify(report, null, 2)}\n`);
  else if (output === 'text') process.stderr.write(formatReport(report));
  else require('fs').writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);
}
// Workers record their own views; the process's report is the main thread's (it says so).
if (tracingFlag && threadId === 0) process.on('exit', emitAtExit);

module.exports = {
  /** The report object: live stores >= threshold, their views grouped by creation site. */
  report: api.report,
  /** Every live traced store with its views by site, for diff(). */
  snapshot: api.snapshot,
  /** Growth between two snapshots, by allocation site and by view site. */
  diff: api.diff,
  /** The text form of a report (what --trace-retention prints). */
  format: formatReport,
};
