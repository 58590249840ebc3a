// `internal/repl/complete`: the REPL's Tab completion, as Node's REPL answers it. What the
// line ends with picks the candidates: a dot command, a builtin module name inside
// `require('...`, or an expression's tail (the globals and keywords, or the members of what
// the expression before the last dot evaluates to). Candidates come in groups (the object's
// own names, then each prototype's), each filtered by the typed prefix without regard to
// case, sorted and without names an earlier (closer) group has; the farthest group comes
// first, groups separated by ''.
'use strict';

const { nextResourceName } = require('internal/repl/eval');

// The language's words the REPL offers with a non-empty prefix.
const KEYWORDS = ['async', 'await', 'break', 'case', 'catch', 'const', 'continue', 'debugger',
  'default', 'delete', 'do', 'else', 'export', 'false', 'finally', 'for', 'function', 'if',
  'import', 'in', 'instanceof', 'let', 'new', 'null', 'return', 'switch', 'this', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'yield'];

// `require(` with an open string literal and the module name typed so far.
const REQUIRE = /\brequire\s*\(\s*['"`](([\w@./:-]+\/)?[\w@./:-]*)(?![^'"`])$/;
// A chain of simple member accesses ending in a (possibly partial) name or a dot.
const SIMPLE_EXPRESSION =
  /(?:[\w$'"`[{(](?:[\w$'"`\]})])*\??\.)*[A-Za-z_$][\w$]*\??\.?$/;
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** The string-keyed own names of `object` that are identifiers (what completion offers). */
function identifierNames(object) {
  if (object === null || object === undefined) return [];
  const names = Object.getOwnPropertyNames(object).filter((name) => IDENTIFIER.test(name));
  // An Object.prototype (of any realm) offers none of its legacy `__` methods but __proto__.
  if (Object.getPrototypeOf(object) === null && Object.hasOwn(object, '__defineGetter__')) {
    return names.filter((name) => !name.startsWith('__') || name === '__proto__');
  }
  return names;
}

// Filters, sorts and merges `groups` (closest first) into the completion list.
function merge(groups, filter) {
  if (filter) {
    const lower = filter.toLowerCase();
    groups = groups
      .map((group) => group.filter((name) => name.toLowerCase().startsWith(lower)))
      .filter((group) => group.length > 0);
  }
  const seen = new Set(['']);
  const parts = [];
  for (const group of groups) {
    const fresh = [];
    for (const name of [...group].sort()) {
      if (!seen.has(name)) {
        seen.add(name);
        fresh.push(name);
      }
    }
    if (fresh.length > 0) parts.unshift(fresh);
  }
  const completions = [];
  for (const part of parts) {
    if (completions.length > 0) completions.push('');
    completions.push(...part);
  }
  return completions;
}

/** Completes `line` for `server`, calling `callback(null, [completions, completeOn])`. */
function complete(server, line, callback) {
  const commandMatch = /^\s*\.(\w*)$/.exec(line);
  if (commandMatch) {
    const filter = commandMatch[1];
    const names = Object.keys(server.commands);
    callback(null, [merge([names], filter), filter]);
    return;
  }
  const requireMatch = REQUIRE.exec(line);
  if (requireMatch) {
    const completeOn = requireMatch[1];
    let names = [];
    if (!completeOn.startsWith('.')) {
      const builtins = require('repl').builtinModules;
      names = completeOn.startsWith('node:') ? builtins.map((id) => `node:${id}`) : builtins;
    }
    callback(null, [merge([names], completeOn), completeOn]);
    return;
  }
  if (line.length !== 0 && !/[\w.$]/.test(line[line.length - 1])) {
    callback(null, [[], undefined]);
    return;
  }
  const match = (SIMPLE_EXPRESSION.exec(line) || [''])[0];
  if (line.length !== 0 && !match) {
    callback(null, [[], undefined]);
    return;
  }
  const completeOn = match;
  let expr = '';
  let filter = '';
  if (line.endsWith('.')) {
    expr = match.slice(0, -1);
  } else if (line.length !== 0) {
    const bits = match.split('.');
    filter = bits.pop();
    expr = bits.join('.');
  }
  if (!expr) {
    const groups = [];
    const context = server.context;
    for (let proto = Object.getPrototypeOf(context); proto !== null; proto = Object.getPrototypeOf(proto)) {
      groups.push(identifierNames(proto));
    }
    const own = identifierNames(context);
    if (!server.useGlobal) own.push(...identifierNames(globalThis).filter((name) => !(name in context)));
    groups.push(own);
    if (filter !== '') groups.push(KEYWORDS);
    callback(null, [merge(groups, filter), completeOn]);
    return;
  }
  let chaining = '.';
  if (expr.endsWith('?')) {
    expr = expr.slice(0, -1);
    chaining = '?.';
  }
  server.eval(`try { ${expr} } catch {}`, server.context, nextResourceName(), (err, obj) => {
    const groups = [];
    try {
      let proto;
      if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') {
        groups.push(identifierNames(obj));
        proto = Object.getPrototypeOf(obj);
      } else {
        proto = obj.constructor ? obj.constructor.prototype : null;
      }
      for (let depth = 0; proto !== null && depth < 5; depth++) {
        groups.push(identifierNames(proto));
        proto = Object.getPrototypeOf(proto);
      }
    } catch {
      // A value without members (undefined, null) completes nothing.
    }
    const prefix = `${expr}${chaining}`;
    const named = groups.map((group) => group.map((name) => `${prefix}${name}`));
    callback(null, [merge(named, groups.length > 0 && filter ? `${prefix}${filter}` : filter), completeOn]);
  });
}

module.exports = { complete };
