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
const { WRAPPER_PREFIX } = require('internal/errors');
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
  fixColumn: callColumn,
  emitWarning: (message, type, code) => process.emitWarning(message, type, code),
  cwd: process.cwd(),
  // The engine's own list of each store's views: counts at report time, no cost per view.
  views: native.retention,
});

// QuickJS gives a call's position as its last argument token (`f(a, b + 1)` -> `1`), V8 as the
// callee's name (`f`, or `new` for `new F(...)`). Sites must read the same under both runtimes, so
// the column is moved back to the callee when the source line shows where it is: from the
// reported token, leftwards to the call's unmatched `(`, then to the name before it.
const sourceLines = new Map();
function lineOf(file, line) {
  let lines = sourceLines.get(file);
  if (lines === undefined) {
    // The native reader, not fs.readFileSync: that would take a slice of the Buffer pool.
    try { lines = native.fs.readFileUtf8(file).split('\n'); } catch { lines = []; }
    sourceLines.set(file, lines);
  }
  return lines[line - 1];
}
const isNameChar = (ch) => ch !== undefined && /[\w$]/.test(ch);
function callColumn(file, line, column) {
  // Line 1 of a CommonJS module starts after the loader's wrapper text.
  if (line === 1) column = Math.max(1, column - WRAPPER_PREFIX.length);
  const text = lineOf(file, line);
  if (typeof text !== 'string') return column;
  let i = column - 1;
  // Already at a callee name (`name(`): V8's position.
  let end = i;
  while (isNameChar(text[end])) end++;
  if (end > i && !isNameChar(text[i - 1]) && text[end] === '(') return column;
  let depth = 0;
  for (; i >= 0; i--) {
    const ch = text[i];
    if (ch === ')' || ch === ']') depth++;
    else if (ch === '(' || ch === '[') {
      if (depth === 0) break;
      depth--;
    }
  }
  if (i < 0 || text[i] !== '(') return column;
  let start = i;
  while (start > 0 && isNameChar(text[start - 1])) start--;
  if (start === i) return column;
  const before = text.slice(0, start);
  const isNew = /(^|[^\w$.])new\s+$/.exec(before);
  if (isNew !== null) return before.length - isNew[0].length + isNew[1].length + 1;
  return start + 1;
}

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
