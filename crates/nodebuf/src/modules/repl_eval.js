// `internal/repl/eval`: how the REPL runs one input. The input is compiled first (a
// SyntaxError there is either input cut short, which the REPL continues, or an error shown
// with V8's source head), then run as a global script so that its declarations stay for the
// next inputs; input with a top-level `await` runs in the engine's async script mode and its
// result is awaited. A REPL with its own context object runs with the context's properties
// installed as globals for the run, and what the run defined or changed copied back.
'use strict';

const ObjectDefineProperty = Object.defineProperty;
const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ReflectApply = Reflect.apply;
const PromisePrototypeThen = Promise.prototype.then;

// Each evaluation gets the next resource name (`REPL1`, `REPL2`, ...), shared by every server
// (a completion's evaluation takes one too).
let resourceNumber = 0;
/** The file name of the next evaluation. */
const nextResourceName = () => `REPL${++resourceNumber}`;

/** The option that makes a REPLServer the command line's (uncaught errors go to the process). */
const kStandalone = Symbol('kStandaloneREPL');

// The parser's messages for input that stops before its end.
const CUT_SHORT = new Set([
  'Unexpected end of input',
  'unexpected end of comment',
  'Unterminated template literal',
]);

/**
 * Whether the SyntaxError `error` that compiling `code` raised only says the input stopped
 * early (more lines may complete it): V8's "Unexpected end of input", an open comment, a
 * member access with its name still to come, or a string continued with a final backslash.
 */
function isRecoverable(error, code, file, source = code) {
  if (!native.isParseError(error)) return false;
  const message = error.message;
  if (CUT_SHORT.has(message)) return true;
  const body = code.replace(/\s+$/, '');
  if (message === 'expecting field name' && body.endsWith('.')) return true;
  // Any other complaint about what comes after the last token (the parser met the end of the
  // input: `function f (`), except an open regular expression, which a line ends.
  if (file !== undefined && !/regexp|regular expression/i.test(message) && stopsAtEnd(error, file, source)) {
    return true;
  }
  if (message === 'Invalid or unexpected token' && body.endsWith('\\')) {
    // An open string whose line ends in `\` goes on on the next line.
    const last = body.slice(body.lastIndexOf('\n') + 1);
    return /['"]/.test(last);
  }
  return false;
}

// Whether the parser stopped past the last non-blank character of `source` (the position of
// its error's first frame in `file`).
function stopsAtEnd(error, file, source) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    return false;
  }
  if (typeof stack !== 'string') return false;
  const frame = stack.split('\n').find((line) => line.startsWith('    at '));
  const position = frame === undefined ? null : /^ {4}at (.*):(\d+):(\d+)$/.exec(frame);
  if (position === null || position[1] !== file) return false;
  const line = Number(position[2]);
  const column = Number(position[3]);
  const lines = source.replace(/\s+$/, '').split(/\r\n|[\n\r\u2028\u2029]/);
  const lastLine = lines.length;
  const lastColumn = lines[lastLine - 1].length;
  return line > lastLine || (line === lastLine && column > lastColumn);
}

/** Runs `.keyword rest` when `keyword` is a command of `server`; true when it was. */
function keywordAction(server, keyword, rest) {
  const cmd = server.commands[keyword];
  if (cmd) {
    ReflectApply(cmd.action, server, [rest]);
    return true;
  }
  return false;
}

/**
 * The REPL contexts that are realms of their own (context -> the function that runs a script
 * in that realm: `(source, filename, mode)`, mode 0 plain, 1 async).
 */
const realmRunners = new WeakMap();

// Whether two property descriptors describe the same property.
function sameDescriptor(a, b) {
  if (a === undefined || b === undefined) return false;
  if ('value' in a) return 'value' in b && Object.is(a.value, b.value);
  return a.get === b.get && a.set === b.set;
}

/**
 * Calls `run` with the properties of `context` as globals (unless it is the global object):
 * afterwards, what the run defined on the global object, and the new values of the installed
 * names, are copied onto the context and the global object gets its own properties back.
 */
function withContext(context, run) {
  if (context === globalThis) return run();
  const installed = [];
  for (const name of ObjectGetOwnPropertyNames(context)) {
    const own = ObjectGetOwnPropertyDescriptor(context, name);
    const global = ObjectGetOwnPropertyDescriptor(globalThis, name);
    if (sameDescriptor(own, global)) continue;
    if (global !== undefined && !global.configurable) {
      if (global.writable && 'value' in own) {
        installed.push([name, global, own]);
        globalThis[name] = own.value;
      }
      continue;
    }
    installed.push([name, global, own]);
    ObjectDefineProperty(globalThis, name, own);
  }
  const before = new Set(ObjectGetOwnPropertyNames(globalThis));
  try {
    return run();
  } finally {
    for (const name of ObjectGetOwnPropertyNames(globalThis)) {
      if (before.has(name)) continue;
      const made = ObjectGetOwnPropertyDescriptor(globalThis, name);
      ObjectDefineProperty(context, name, { ...made, configurable: true });
      if (made.configurable) delete globalThis[name];
    }
    for (const [name, global, own] of installed) {
      const now = ObjectGetOwnPropertyDescriptor(globalThis, name);
      // (A property the run redefined on the context itself, as assigning `_` does, stays.)
      if (!sameDescriptor(ObjectGetOwnPropertyDescriptor(context, name), own)) {
        // Nothing to copy back.
      } else if (now !== undefined) {
        const own = ObjectGetOwnPropertyDescriptor(context, name);
        if (own === undefined || own.configurable) ObjectDefineProperty(context, name, now);
        else if (own.writable && 'value' in now) context[name] = now.value;
      } else {
        delete context[name];
      }
      if (global === undefined) delete globalThis[name];
      else if (global.configurable) ObjectDefineProperty(globalThis, name, global);
      else globalThis[name] = global.value;
    }
  }
}

// What the run threw goes to the domain the evaluation runs in (the REPL's, which prints it;
// the line is then not remembered for .save), or without one to the callback.
function fail(error, cb) {
  const domain = process.domain;
  if (domain) {
    domain.emit('error', error);
    domain.exit();
    return undefined;
  }
  return cb(error);
}

// Compiles `source` in the async script mode; the SyntaxError it raises, or null.
function asyncSyntaxError(source, file) {
  try {
    native.evalAsync(source, file, true);
    return null;
  } catch (err) {
    return err;
  }
}

function decorate(error, file, source) {
  require('internal/modules/syntax_error').decorateSyntaxError(error, file, file, source, false);
  return error;
}

/**
 * The REPL's default eval: compiles then runs `code` (see the file's head) and reports to
 * `cb(err, result)`; `Recoverable` wraps an error that only says the input stopped early.
 */
function evaluate(server, code, context, file, cb, Recoverable, strictMode) {
  if (code === '\n') return cb(null);
  const input = code;
  let wrapped = false;
  // `{ ... }` alone is an object literal to the REPL, when it parses as one.
  if (/^\s*\{/.test(code) && !/;\s*$/.test(code)) {
    code = `(${code.trim()})\n`;
    wrapped = true;
  }
  const prefix = server.replMode === strictMode ? "'use strict'; void 0;\n" : '';
  let err = null;
  let awaits = false;
  for (;;) {
    try {
      native.checkSyntax(prefix + code, file);
      break;
    } catch (e) {
      if (wrapped) {
        wrapped = false;
        code = input;
        continue;
      }
      let error = e;
      if (native.isParseError(e) && code.includes('await')) {
        const asyncError = asyncSyntaxError(prefix + code, file);
        if (asyncError === null) {
          awaits = true;
          break;
        }
        error = asyncError;
      }
      err = isRecoverable(error, code, file, prefix + code) ?
        new Recoverable(error) : decorate(error, file, prefix + code);
      break;
    }
  }
  if (err !== null) return cb(err);
  let result;
  try {
    const run = realmRunners.get(context);
    if (run !== undefined) {
      result = run(prefix + code, file, awaits ? 1 : 0);
    } else {
      result = withContext(context, () => (awaits ?
        native.evalAsync(prefix + code, file, false) :
        native.compile(prefix + code, file)));
    }
  } catch (e) {
    return fail(e, cb);
  }
  if (!awaits) return cb(null, result);
  // Until it settles, the close (and keys) that arrive are held; released once the result
  // has been printed.
  server.pauseEvaluation();
  const printed = ReflectApply(PromisePrototypeThen, result, [
    (completion) => cb(null, completion.value),
    (error) => fail(error, cb),
  ]);
  const release = () => server.unpauseEvaluation();
  ReflectApply(PromisePrototypeThen, printed, [release, release]);
}

// Formats the stack of `error` (not formatted yet) with the frames above the outermost one
// without a function name (the REPL input's own): they go to the main realm's
// Error.prepareStackTrace, as Node's REPL hands them. False when the stack was formatted before.
function formatReplStack(error) {
  const MainError = globalThis.Error;
  let desc;
  try {
    desc = ObjectGetOwnPropertyDescriptor(MainError, 'prepareStackTrace');
  } catch {
    return false;
  }
  if (desc !== undefined && (!('value' in desc) || !desc.configurable)) return false;
  const user = desc === undefined ? undefined : desc.value;
  let hooked = false;
  ObjectDefineProperty(MainError, 'prepareStackTrace', {
    value(err, sites) {
      if (err !== error || !Array.isArray(sites)) {
        return typeof user === 'function' ? ReflectApply(user, this, [err, sites]) : `${err}`;
      }
      hooked = true;
      let last = -1;
      // (The runtime's own frames do not count: Node's REPL functions all have names.)
      for (let i = 0; i < sites.length; i++) {
        const site = sites[i];
        if (typeof site.getFunctionName !== 'function' || site.getFunctionName() !== null) continue;
        const file = site.getFileName();
        if (typeof file !== 'string' || !file.startsWith('node:')) last = i;
      }
      const frames = sites.slice(0, last);
      if (typeof user === 'function') return ReflectApply(user, this, [err, frames]);
      return [err, ...frames].join('\n    at ');
    },
    writable: true,
    configurable: true,
    enumerable: false,
  });
  try {
    error.stack; // eslint-disable-line no-unused-expressions
  } catch {
    // A formatter that throws leaves the stack as it is.
  } finally {
    if (desc === undefined) delete MainError.prepareStackTrace;
    else ObjectDefineProperty(MainError, 'prepareStackTrace', desc);
  }
  return hooked;
}

/**
 * Cuts the stack of `error` (a REPL error about to be printed) as Node's REPL formats it: a
 * SyntaxError keeps its source head and message only; any other error keeps the frames above
 * the outermost frame without a function name (the REPL input's own), with the line numbers of
 * the strict mode's extra first line taken off.
 */
function trimErrorStack(server, error) {
  if (!(require('util').types.isNativeError(error) || error instanceof Error)) return;
  const hooked = formatReplStack(error);
  let stack;
  try {
    stack = error.stack;
  } catch {
    return;
  }
  if (typeof stack !== 'string') return;
  let trimmed = stack;
  if (error.name === 'SyntaxError') {
    trimmed = stack.replace(/^REPL\d+:\d+\r?\n/, '').replace(/^\s+at\s.*\n?/gm, '');
  } else {
    if (!hooked) {
      // Formatted before: the same cut on its text.
      const lines = stack.split('\n');
      let last = -1;
      for (let i = 0; i < lines.length; i++) {
        if (/^\s+at (?:async )?(?!node:)\S+$/.test(lines[i])) last = i;
      }
      if (last > 0) trimmed = lines.slice(0, last).join('\n');
    }
    if (server.replMode === require('repl').REPL_MODE_STRICT) {
      trimmed = trimmed.replace(/(\s+at\s+REPL\d+:)(\d+)/, (_, head, line) => head + (line - 1));
    }
  }
  if (trimmed !== stack) {
    try {
      error.stack = trimmed;
    } catch {
      // A frozen error keeps its stack.
    }
  }
}

module.exports = {
  evaluate,
  isRecoverable,
  keywordAction,
  kStandalone,
  nextResourceName,
  realmRunners,
  trimErrorStack,
  withContext,
};
