// The head V8 gives a SyntaxError raised while compiling a script or a CommonJS module, which
// Node shows in `error.stack` and prints when the error is uncaught: `name:line`, the source
// line, and `^` under the token the parser stopped at (spaces alone when it ran out of
// input); the position's own stack frame goes (Node's stack for such an error starts at the
// loader).
'use strict';

const { WRAPPER_PREFIX } = require('internal/modules/cjs_wrapper');

// Punctuators longer than one character, longest first (the token under the carets).
const PUNCTUATORS = ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=',
  '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=',
  '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**'];
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/u;
// What V8's scanner takes as one numeric token before it finds the literal invalid.
const NUMBER = /^(?:0[xXoObB][0-9a-fA-F_]*|\d[\d_]*(?:\.[\d_]*)?(?:[eE][+-]?[\d_]*)?n?|\.\d[\d_]*)/;

// How many characters of `line` from `index` the token there spans.
function tokenLength(line, index) {
  const rest = line.slice(index);
  if (rest === '') return 0;
  const word = IDENTIFIER.exec(rest) || NUMBER.exec(rest);
  if (word !== null) return word[0].length;
  const quote = rest[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    // To the closing quote, or (an unterminated string) the end of the line.
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === '\\') i++;
      else if (rest[i] === quote) return i + 1;
    }
    return rest.length;
  }
  for (const p of PUNCTUATORS) if (rest.startsWith(p)) return p.length;
  return 1;
}

const decorated = new WeakSet();

// The lines of `source` as V8 counts them.
const sourceLines = (source) => source.split(/\r\n|[\n\r\u2028\u2029]/);

// Where the parser stopped, from the first frame of `error`'s stack (`    at FILE:L:C`), when
// that frame is in `file`: [line, column, the frame's index in the stack's lines].
function compilePosition(error, file) {
  let stack;
  try {
    stack = error.stack;
  } catch {
    return null;
  }
  if (typeof stack !== 'string') return null;
  const lines = stack.split('\n');
  const at = lines.findIndex((l) => l.startsWith('    at '));
  const position = at < 0 ? null : /^ {4}at (.*):(\d+):(\d+)$/.exec(lines[at]);
  if (position === null || position[1] !== file) return null;
  return [Number(position[2]), Number(position[3]), at, lines];
}

/**
 * Gives `error` (a SyntaxError the engine raised compiling `source` as `file`) V8's head, shown
 * as `shown` (`[eval]`, or the file's path); `wrapped`: the source was compiled inside the
 * CommonJS wrapper, whose text precedes line 1 and follows the last line; `lineOffset` is added
 * to the line number shown (a vm.Script's). Returns the error to
 * throw: where the parser stopped inside the wrapper's closing text (the source ended early, or
 * closed the wrapper's function itself), the source alone tells what V8 reports, compiled as a
 * script. Anything else is returned as it is.
 */
function decorateSyntaxError(error, file, shown, source, wrapped, lineOffset = 0) {
  if (!(error instanceof SyntaxError) || decorated.has(error)) return error;
  const found = compilePosition(error, file);
  if (found === null) return error;
  const [lineNumber, column, at, lines] = found;
  const text = sourceLines(source);
  if (wrapped && lineNumber > text.length) return wrapperEnd(error, file, shown, source, lines, at);
  if (lineNumber < 1 || lineNumber > text.length) return error;
  const start = Math.min((wrapped && lineNumber === 1 ? Math.max(1, column - WRAPPER_PREFIX.length) : column) - 1,
    text[lineNumber - 1].length);
  setHead(error, lines, at, shown, lineNumber + lineOffset, text[lineNumber - 1], start);
  return error;
}

function setHead(error, lines, at, shown, lineNumber, text, start) {
  const carets = '^'.repeat(tokenLength(text, start));
  lines.splice(at, 1);
  decorated.add(error);
  error.stack = `${shown}:${lineNumber}\n${text}\n${' '.repeat(start)}${carets}\n\n${lines.join('\n')}`;
}

// A stop in the wrapper's closing `})`: compiled as a script the source shows the real stop (an
// extra `}`), unless only a function body may hold what it has (`return`); else the source
// ended inside an unfinished construct: V8's "Unexpected end of input" at its end.
function wrapperEnd(error, file, shown, source, lines, at) {
  try {
    native.checkSyntax(source, file);
  } catch (probe) {
    if (probe instanceof SyntaxError && probe.message !== 'Illegal return statement') {
      const found = compilePosition(probe, file);
      if (found !== null) {
        const [lineNumber, column, probeAt, probeLines] = found;
        const text = sourceLines(source)[lineNumber - 1];
        if (text !== undefined) {
          setHead(probe, probeLines, probeAt, shown, lineNumber, text, Math.min(column - 1, text.length));
          return probe;
        }
      }
    }
  }
  const text = sourceLines(source);
  const last = text[text.length - 1];
  Object.defineProperty(error, 'message', {
    value: 'Unexpected end of input', writable: true, enumerable: false, configurable: true,
  });
  lines[0] = `${error.name}: Unexpected end of input`;
  setHead(error, lines, at, shown, text.length, last, last.length);
  return error;
}

// The messages of module syntax in a CommonJS module, after which Node tells how to load an
// ES module.
const MODULE_SYNTAX = new Set([
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
  'await is only valid in async functions and the top level bodies of modules',
]);

/** Whether `error` is the parser's refusal of ES module syntax in a script. */
function isModuleSyntaxError(error) {
  return error instanceof SyntaxError && MODULE_SYNTAX.has(error.message);
}

/**
 * For a parse error of the ES module at `url` (whose source is `source`): V8's head to print
 * above it (`url:line`, the line, the carets), its position frame removed from the stack as
 * Node's stack for it has none. `undefined` for any other error.
 */
function moduleSyntaxHead(error, url, source) {
  if (!native.isParseError(error) || decorated.has(error)) return undefined;
  const found = compilePosition(error, url);
  if (found === null) return undefined;
  const [lineNumber, column, at, lines] = found;
  const text = sourceLines(source)[lineNumber - 1];
  if (text === undefined) return undefined;
  const start = Math.min(column - 1, text.length);
  lines.splice(at, 1);
  decorated.add(error);
  error.stack = lines.join('\n');
  // (With the blank line Node leaves under the carets.)
  return `${url}:${lineNumber}\n${text}\n${' '.repeat(start)}${'^'.repeat(tokenLength(text, start))}\n\n`;
}

module.exports = { decorateSyntaxError, isModuleSyntaxError, moduleSyntaxHead, tokenLength };
