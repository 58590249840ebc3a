// The dotenv format as Node v20.20 reads it, for `util.parseEnv` and `process.loadEnvFile`:
// `KEY=value` lines; `#` starts a comment line or ends an unquoted value; values in '', "" or ``
// may span lines and stop at the first matching quote (no escapes: only "" turns `\n` into a
// newline); `export ` before a key is dropped; only spaces are trimmed; every carriage return is
// removed first. Keys come out in code point order (Node keeps them in an ordered map).
'use strict';

const { codes, makeNodeError, validateString } = require('internal/errors');

/** `text` without leading (and, unless `startOnly`, trailing) U+0020 spaces. */
function trimSpaces(text, startOnly = false) {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 0x20) start++;
  while (!startOnly && end > start && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(start, end);
}

const isQuote = (c) => c === '"' || c === "'" || c === '`';

/** The entries of a dotenv text, as a Map from key to value (a later key replaces an earlier). */
function parseEntries(content) {
  const entries = new Map();
  // (Node parses UTF-8: a lone surrogate is U+FFFD.)
  let rest = trimSpaces(content.toWellFormed().replaceAll('\r', ''));
  while (rest !== '') {
    // Blank and comment lines; a last comment line (no newline after it) is read as a line.
    if (rest[0] === '\n' || rest[0] === '#') {
      const newline = rest.indexOf('\n');
      if (newline !== -1) {
        rest = rest.slice(newline + 1);
        continue;
      }
    }
    const equals = rest.indexOf('=');
    if (equals === -1) break;
    const rawKey = rest.slice(0, equals);
    // Node's trimming of a key made only of spaces takes in the character before it, which is
    // the newline of the line skipped just before (such a key cannot start the text).
    let key = rawKey !== '' && trimSpaces(rawKey) === '' ? '\n' : trimSpaces(rawKey);
    if (key === '') break;
    if (key.startsWith('export ')) key = key.slice(7);
    rest = trimSpaces(rest.slice(equals + 1), true);
    if (rest === '') {
      entries.set(key, '');
      break;
    }
    const newline = rest.indexOf('\n');
    if (isQuote(rest[0])) {
      const close = rest.indexOf(rest[0], 1);
      if (close !== -1) {
        const value = rest.slice(1, close);
        entries.set(key, rest[0] === '"' ? value.replaceAll('\\n', '\n') : value);
        // Whatever follows the closing quote on its line is ignored.
        const next = rest.indexOf('\n', close + 1);
        rest = next === -1 ? '' : rest.slice(next);
        continue;
      }
      // No closing quote: the rest of the line, opening quote included, is the value; on the
      // last line there is no value, and the text after '=' is read again as the next line.
      if (newline === -1) continue;
      entries.set(key, rest.slice(0, newline));
      rest = rest.slice(newline);
      continue;
    }
    let value = newline === -1 ? rest : rest.slice(0, newline);
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    entries.set(key, trimSpaces(value));
    rest = newline === -1 ? '' : rest.slice(newline);
  }
  return entries;
}

/** Code point order (the order of UTF-8 bytes), not UTF-16 unit order. */
function compareCodePoints(a, b) {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return (x.done ? 0 : 1) - (y.done ? 0 : 1);
    const d = x.value.codePointAt(0) - y.value.codePointAt(0);
    if (d !== 0) return d;
  }
}

/** `util.parseEnv(content)`: the variables a dotenv text defines, keys in code point order. */
function parseEnv(content) {
  validateString(content, 'content');
  const entries = parseEntries(content);
  const out = {};
  // Plain assignment, as Node's: a `__proto__` key sets nothing.
  for (const key of [...entries.keys()].sort(compareCodePoints)) out[key] = entries.get(key);
  return out;
}

/**
 * `process.loadEnvFile([path])`: reads a dotenv file ('.env' by default) into `process.env`,
 * leaving variables that are already set as they are.
 */
function loadEnvFile(path = undefined) {
  if (path != null && typeof path !== 'string' && !Buffer.isBuffer(path) && !require('url')._isURL(path)) {
    throw codes.ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer', 'URL'], path);
  }
  const file = path ?? '.env';
  let content;
  try {
    content = require('fs').readFileSync(file, 'utf8');
  } catch (error) {
    // Node reads the file natively and words a directory as contents that are no string.
    if (error?.code !== 'EISDIR') throw error;
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `Contents of '${String(file)}' should be a valid string.`);
  }
  const entries = parseEntries(content);
  for (const [key, value] of entries) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

/**
 * `--env-file` (each file in order, a later one's value winning): the variables go into
 * `process.env` unless already set. A file that cannot be read ends the process as Node's
 * command line does (status 9).
 */
function loadEnvFiles(files) {
  const merged = new Map();
  for (const file of files) {
    let content;
    try {
      content = native.fs.readFileUtf8(file);
    } catch {
      native.writeErr(`nodebuf: ${file}: not found\n`);
      process.reallyExit(9);
    }
    for (const [key, value] of parseEntries(content)) merged.set(key, value);
  }
  for (const [key, value] of merged) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

module.exports = { parseEnv, loadEnvFile, loadEnvFiles };
