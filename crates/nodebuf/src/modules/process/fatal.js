// What prints a fatal error, loaded with the first one (internal/loop keeps only the decision):
// Node's source header above an uncaught error, the error inspected, the error an unhandled
// rejection of a non-error becomes, and --abort-on-uncaught-exception's report.
'use strict';

const { errorSites } = require('internal/errors');
const { sourceColumn, virtualSources } = require('internal/modules/cjs_wrapper');

// The side-effect-free text V8 gives a value (`#<Object>` for objects).
function plainString(value) {
  if (typeof value === 'symbol') return value.toString();
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  if (typeof value === 'function') return Function.prototype.toString.call(value);
  if (Array.isArray(value)) return value.map((v) => (v === null || v === undefined ? '' : plainString(v))).join(',');
  const proto = Object.getPrototypeOf(value);
  const ctor = proto && Object.getOwnPropertyDescriptor(proto, 'constructor');
  const name = ctor && typeof ctor.value === 'function' && ctor.value.name ? ctor.value.name : 'Object';
  return `#<${name}>`;
}

class UnhandledPromiseRejection extends Error {
  constructor(message) {
    super(message);
    this.code = 'ERR_UNHANDLED_REJECTION';
  }
}
Object.defineProperty(UnhandledPromiseRejection.prototype, 'name', {
  value: 'UnhandledPromiseRejection', writable: true, configurable: true, enumerable: false,
});

// The engine's class id of errors made by Error constructors (V8's IsNativeError).
const errorClassId = native.classId(new Error());

function isErrorLike(value) {
  return value !== null && typeof value === 'object' && (value instanceof Error || typeof value.stack === 'string');
}

// The source line Node prints above an uncaught error, with a caret: V8 points an exception
// thrown synchronously at the `throw` statement that threw it (wherever the error was made),
// and any other error at where it was made (its first user frame).
function sourceHeader(error, origin, atThrow = true) {
  let site = origin === 'uncaughtException' && atThrow ? native.throwSite(error) : undefined;
  if (site !== undefined) site = { ...site, column: sourceColumn(site.file, site.line, site.column) };
  else if (error !== null && typeof error === 'object') {
    // The site is learned when the stack is formatted, on its first read: reading its own
    // descriptor does that without calling a getter.
    if (!errorSites.has(error) && native.proxyDetails(error) === undefined) {
      try { Object.getOwnPropertyDescriptor(error, 'stack'); } catch { /* no site then */ }
    }
    site = errorSites.get(error);
  }
  if (site === undefined) return '';
  let line;
  try {
    let text = virtualSources.get(site.file);
    if (text === undefined) {
      const file = site.file.startsWith('file:') ? require('url').fileURLToPath(site.file) : site.file;
      text = native.fs.readFileUtf8(file);
    }
    line = text.split('\n')[site.line - 1];
  } catch {
    return '';
  }
  if (line === undefined) return '';
  return `${site.file}:${site.line}\n${line}\n${' '.repeat(Math.max(0, site.column - 1))}^\n`;
}

// Prints an uncaught error the way Node does: the source header, the error inspected (or a
// thrown primitive as its string), and Node's version line.
// Whether process.stderr is a terminal with colours (only a terminal's stream is made to ask).
function stderrHasColors() {
  try {
    if (!native.tty.isatty(2)) return false;
    const { stderr } = process;
    return stderr.isTTY === true && typeof stderr.hasColors === 'function' && stderr.hasColors();
  } catch {
    return false;
  }
}

function report(error, origin, header) {
  const { inspect } = require('internal/inspect');
  // An unhandled 'error' event's error also shows where it was emitted (Node's
  // kEnhanceStackBeforeInspector), printed in place of its stack.
  const { kEnhanceStackBeforeInspector } = require('internal/errors');
  if (error !== null && typeof error === 'object' && typeof error[kEnhanceStackBeforeInspector] === 'function') {
    try {
      error.stack = error[kEnhanceStackBeforeInspector]();
    } catch {
      // The plain stack, then.
    }
  }
  let text;
  const given = typeof header === 'string';
  const source = given ? header : sourceHeader(error, origin, header !== null);
  if (error !== null && (typeof error === 'object' || typeof error === 'function')) {
    // Node inspects any thrown object without its custom inspect and at least 5 levels deep.
    // In colour when stderr is a terminal that has them, as Node's.
    const shown = inspect(error, {
      colors: stderrHasColors(),
      customInspect: false,
      depth: Math.max(inspect.defaultOptions.depth, 5),
    });
    // (Code run by -e or from stdin shows a thrown object as it shows an error.)
    const fromEvalCode = [...virtualSources.keys()].some((file) => source.startsWith(`${file}:`));
    if (native.classId(error) === errorClassId || fromEvalCode) {
      // Node leaves a blank line under the caret, but not under a link error's carets.
      text = `${source === '' || given ? source : `${source}\n`}${shown}\n`;
    } else {
      // Not made by an Error constructor: the source line goes first, after a blank line.
      text = `\n${source}${shown}\n`;
    }
  } else {
    // A thrown primitive prints as its string (a symbol, which has none, as nothing).
    text = `\n${source}${typeof error === 'symbol' ? '' : String(error)}\n(Use \`node --trace-uncaught ...\` to show where the exception was thrown)\n`;
  }
  native.writeErr(`${text}\nNode.js ${process.version}\n`);
}

// --abort-on-uncaught-exception's report: V8's `Uncaught <error>`, then the frames it was
// thrown from after `FROM`; then the process traps.
function abortOn(error) {
  let text;
  let frames = [];
  try {
    const isError = error !== null && typeof error === 'object' && typeof error.stack === 'string';
    text = isError ? String(error) : typeof error === 'symbol' ? error.toString() : String(error);
    if (isError) {
      frames = error.stack.split('\n').filter((line) => line.startsWith('    at ')).map((line) => line.slice(7));
    }
  } catch {
    text = '#<Object>';
  }
  native.writeErr(`Uncaught ${text}${frames.length > 0 ? `\n\nFROM\n${frames.join('\n')}` : ''}`);
  native.abortOnUncaught();
}

// The error an unhandled rejection ends the process with: the reason itself when it is
// error-like, else Node's UnhandledPromiseRejection naming it.
function rejectionError(reason) {
  if (isErrorLike(reason)) return reason;
  return new UnhandledPromiseRejection(
    'This error originated either by throwing inside of an async function without a catch ' +
    'block, or by rejecting a promise which was not handled with .catch(). The promise ' +
    `rejected with the reason "${plainString(reason)}".`);
}

module.exports = { report, abortOn, rejectionError, sourceHeader };
