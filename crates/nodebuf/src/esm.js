// ES modules as Node v20 loads them, on QuickJS's module loader (src/host/module_loader.rs asks
// this file three questions: resolve a specifier, load a module's source, fill `import.meta`).
//
// Module names are `file:` URLs (so stack frames and `import.meta.url` read as Node's) or
// `node:id` for builtins. Formats: `.mjs` is a module, `.cjs` CommonJS, `.js` follows the
// nearest package.json's "type" (without one, a `.js` file that does not compile as CommonJS
// is tried as a module, as Node v20.19+ detects module syntax), `.json` a JSON facade.
// Builtins and CommonJS files are exposed through facades: small generated modules whose
// `default` export is `module.exports` and whose named exports are the builtin's keys or the
// names a static scan of the CommonJS source finds (what Node's cjs-module-lexer reports).
'use strict';

const path = require('path');
const { makeNodeError } = require('internal/errors');
const cjs = require('internal/cjs');

const fs = native.fs;
let pathDecoder;
// The resolved path of `filename` as text (the native gives its bytes).
function realpathText(filename) {
  if (pathDecoder === undefined) {
    pathDecoder = new (require('internal/encoding').TextDecoder)('utf-8', { ignoreBOM: true });
  }
  return pathDecoder.decode(fs.realpath(filename));
}

// --- file URLs ----------------------------------------------------------------------------

function toFileURL(filename) {
  return require('url').pathToFileURL(filename).href;
}

function toPath(url) {
  return require('url').fileURLToPath(url);
}

// --- errors -------------------------------------------------------------------------------

function nodeError(code, message, extra) {
  let Base = Error;
  if (typeof code === 'function') {
    Base = code;
    code = message;
    message = extra;
    extra = arguments[3];
  }
  const err = makeNodeError(Base, code, message);
  if (extra !== undefined) Object.assign(err, extra);
  return err;
}

function baseLabel(parentURL) {
  return parentURL.startsWith('file:') ? toPath(parentURL) : parentURL;
}

function notFound(filename, parentURL) {
  return nodeError('ERR_MODULE_NOT_FOUND',
    `Cannot find module '${filename}' imported from ${baseLabel(parentURL)}`, { url: toFileURL(filename) });
}

// --- package.json -------------------------------------------------------------------------

const { readPackage, packageScope, declaredFormatOf } = require('internal/modules/package_json_reader');

// --- formats ------------------------------------------------------------------------------

// 'module', 'commonjs' or 'json' for a file, by extension and package "type" (Node's rules).
function formatOf(filename) {
  const declared = declaredFormatOf(filename);
  if (declared !== undefined) return declared;
  let detected = detectedFormats.get(filename);
  if (detected === undefined) {
    detected = looksLikeModule(filename) ? 'module' : 'commonjs';
    detectedFormats.set(filename, detected);
  }
  return detected;
}

const detectedFormats = new Map();

// Node v20 runs an untyped `.js` file as a module when it fails to compile as CommonJS because
// of module syntax (`import`/`export` statements, `import.meta`, top-level `await`).
function looksLikeModule(filename) {
  let source;
  try {
    source = fs.readFileUtf8(filename);
  } catch {
    return false;
  }
  return sourceLooksLikeModule(source, filename);
}

function sourceLooksLikeModule(source, filename) {
  if (!/\b(import|export|await)\b/.test(source)) return false;
  try {
    native.compile(`(function () { ${source.startsWith('#!') ? `//${source}` : source}\n})`, filename);
    return false;
  } catch (err) {
    if (!(err instanceof SyntaxError)) return false;
  }
  return /^\s*(import\s*[\w{*'"]|export\s)|\bimport\.meta\b|\bawait\b/m.test(source);
}

// --- resolution ---------------------------------------------------------------------------

const CONDITIONS = ['node', 'import', 'default'];

function isRelative(specifier) {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') ||
    specifier === '.' || specifier === '..';
}

function builtinURL(specifier) {
  if (specifier.startsWith('node:')) {
    const id = specifier.slice(5);
    if (cjs.Module.isBuiltin(specifier)) return `node:${id}`;
    throw nodeError('ERR_UNKNOWN_BUILTIN_MODULE', `No such built-in module: ${specifier}`);
  }
  if (cjs.builtinIds.has(specifier)) return `node:${specifier}`;
  return undefined;
}

// Resolves a package "exports" (or "imports") target for `subpath` with Node's conditions.
function resolveTarget(dir, target, patternMatch, conditions) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) return undefined;
    const resolved = patternMatch === undefined ? target : target.split('*').join(patternMatch);
    return path.join(dir, resolved);
  }
  if (Array.isArray(target)) {
    for (const item of target) {
      const found = resolveTarget(dir, item, patternMatch, conditions);
      if (found !== undefined && found !== null) return found;
    }
    return undefined;
  }
  if (target !== null && typeof target === 'object') {
    for (const key of Object.keys(target)) {
      if (key === 'default' || conditions.includes(key)) {
        const found = resolveTarget(dir, target[key], patternMatch, conditions);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
  return null;
}

function exportsMap(exports, isImports) {
  if (isImports) return exports;
  if (typeof exports === 'string' || Array.isArray(exports)) return { '.': exports };
  if (exports !== null && typeof exports === 'object') {
    const keys = Object.keys(exports);
    if (keys.length > 0 && !keys[0].startsWith('.')) return { '.': exports };
    return exports;
  }
  return {};
}

// Node's PACKAGE_EXPORTS_RESOLVE: exact keys first, then the longest matching `*` pattern.
function resolveExports(dir, exports, subpath, conditions, isImports = false) {
  const map = exportsMap(exports, isImports);
  if (Object.prototype.hasOwnProperty.call(map, subpath) && !subpath.includes('*')) {
    return resolveTarget(dir, map[subpath], undefined, conditions);
  }
  let best;
  let bestMatch;
  for (const key of Object.keys(map)) {
    const star = key.indexOf('*');
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.length >= key.length && subpath.endsWith(suffix) &&
        (best === undefined || key.length > best.length)) {
      best = key;
      bestMatch = subpath.slice(prefix.length, subpath.length - suffix.length);
    }
  }
  if (best !== undefined) return resolveTarget(dir, map[best], bestMatch, conditions);
  return undefined;
}

// For CommonJS `require('name/sub')`: the file a package's "exports" maps `subpath` to under
// the require conditions, `undefined` when the package has no "exports", or Node's error.
function requireExportsTarget(dir, subpath) {
  const pkg = readPackage(dir);
  if (pkg === null || pkg.exports === undefined || pkg.exports === null) return undefined;
  const found = resolveExports(dir, pkg.exports, subpath, ['node', 'require', 'default']);
  if (found !== undefined && found !== null) return found;
  const pkgFile = path.join(dir, 'package.json');
  const err = subpath === '.'
    ? nodeError('ERR_PACKAGE_PATH_NOT_EXPORTED', `No "exports" main defined in ${pkgFile}`)
    : nodeError('ERR_PACKAGE_PATH_NOT_EXPORTED', `Package subpath '${subpath}' is not defined by "exports" in ${pkgFile}`);
  throw err;
}

// The legacy "main" lookup Node keeps for packages without "exports".
function legacyMain(dir, pkg) {
  if (pkg && typeof pkg.main === 'string' && pkg.main !== '') {
    const main = path.resolve(dir, pkg.main);
    for (const candidate of [main, `${main}.js`, `${main}.json`, `${main}.node`,
      path.join(main, 'index.js'), path.join(main, 'index.json'), path.join(main, 'index.node')]) {
      if (fs.kind(candidate) === 1) return candidate;
    }
  }
  const index = path.join(dir, 'index.js');
  return fs.kind(index) === 1 ? index : undefined;
}

function packageResolve(specifier, parentURL, conditions) {
  let name;
  const slash = specifier.indexOf('/');
  if (specifier.startsWith('@')) {
    const second = slash === -1 ? -1 : specifier.indexOf('/', slash + 1);
    name = second === -1 ? specifier : specifier.slice(0, second);
    if (slash === -1) {
      throw nodeError('ERR_INVALID_MODULE_SPECIFIER',
        `Invalid module "${specifier}" is not a valid package name imported from ${baseLabel(parentURL)}`);
    }
  } else {
    name = slash === -1 ? specifier : specifier.slice(0, slash);
  }
  const subpath = `.${specifier.slice(name.length)}`;
  const from = parentURL.startsWith('file:') ? path.dirname(toPath(parentURL)) : process.cwd();
  for (const modules of cjs.Module._nodeModulePaths(from)) {
    const dir = path.join(modules, name);
    if (fs.kind(dir) !== 2) continue;
    const pkg = readPackage(dir);
    const pkgFile = path.join(dir, 'package.json');
    if (pkg !== null && pkg.exports !== undefined && pkg.exports !== null) {
      const found = resolveExports(dir, pkg.exports, subpath, conditions);
      if (found === undefined || found === null) {
        if (subpath === '.') {
          throw nodeError('ERR_PACKAGE_PATH_NOT_EXPORTED',
            `No "exports" main defined in ${pkgFile} imported from ${baseLabel(parentURL)}`);
        }
        throw nodeError('ERR_PACKAGE_PATH_NOT_EXPORTED',
          `Package subpath '${subpath}' is not defined by "exports" in ${pkgFile} imported from ${baseLabel(parentURL)}`);
      }
      return found;
    }
    if (subpath === '.') {
      const main = legacyMain(dir, pkg);
      if (main !== undefined) return main;
      throw nodeError('ERR_MODULE_NOT_FOUND',
        `Cannot find package '${dir}' imported from ${baseLabel(parentURL)}`);
    }
    return path.join(dir, subpath);
  }
  throw nodeError('ERR_MODULE_NOT_FOUND', `Cannot find package '${name}' imported from ${baseLabel(parentURL)}`);
}

// A file path for a `#name` specifier through the nearest package.json's "imports".
function packageImportsResolve(specifier, parentURL, conditions) {
  const scope = parentURL.startsWith('file:') ? packageScope(toPath(parentURL)) : null;
  if (scope !== null && scope.pkg.imports !== null && typeof scope.pkg.imports === 'object') {
    const found = resolveExports(scope.dir, scope.pkg.imports, specifier, conditions, true);
    if (found !== undefined && found !== null) return found;
  }
  const where = scope !== null ? ` in package ${scope.dir}${path.sep}package.json` : '';
  throw nodeError(TypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    `Package import specifier "${specifier}" is not defined${where} imported from ${baseLabel(parentURL)}`);
}

function finalize(filename, parentURL) {
  const kind = fs.kind(filename);
  if (kind === 2) {
    // Node suggests the file CommonJS would have loaded, relative to the importer.
    const main = legacyMain(filename, readPackage(filename));
    let hint = '';
    if (main !== undefined && parentURL.startsWith('file:')) {
      let rel = path.relative(path.dirname(toPath(parentURL)), main);
      if (!rel.startsWith('../')) rel = `./${rel}`;
      hint = `\nDid you mean to import ${JSON.stringify(rel)}?`;
    }
    throw nodeError('ERR_UNSUPPORTED_DIR_IMPORT',
      `Directory import '${filename}' is not supported resolving ES modules imported from ${baseLabel(parentURL)}${hint}`,
      { url: toFileURL(filename) });
  }
  if (kind !== 1) throw notFound(filename, parentURL);
  return toFileURL(realpathText(filename));
}

// The URL of `base` as a parent: a module's own URL, a CommonJS filename, or the cwd.
function parentOf(base) {
  if (base.startsWith('file:')) return base;
  if (path.isAbsolute(base)) return toFileURL(base);
  return toFileURL(path.join(process.cwd(), '/'));
}

/**
 * Node's ESM resolution of `specifier` imported from `base` (a module URL or a CommonJS
 * filename): a `file:` URL or `node:id`.
 */
// The last specifier and importer that led to each URL, for Node's link error texts.
const requests = new Map();

function resolve(base, specifier, type = undefined, foreignRealm = false) {
  if (foreignRealm) {
    throw nodeError(TypeError, 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', 'A dynamic import callback was not specified.');
  }
  const url = resolveURL(base, specifier, CONDITIONS);
  checkAttributes(url, type);
  requests.set(url, { specifier, base });
  return url;
}

// The importer's `import { ... } from 'specifier'` declaration: its source text and the match
// (group 1: what the braces list), read from the importer's file.
function importDeclaration(request, specifier) {
  if (request === undefined || !request.base.startsWith('file:')) return undefined;
  let source;
  try {
    source = fs.readFileUtf8(toPath(request.base));
  } catch {
    return undefined;
  }
  const quoted = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`import\\s*(?:[\\w$]+\\s*,\\s*)?\\{([^}]*)\\}\\s*from\\s*['"]${quoted}['"]`).exec(source);
  return match === null ? undefined : { source, match };
}

// The names the importer's `import { a, b as c } from 'specifier'` lists, as Node quotes them
// in its advice (`a, b: c`).
function importedNames(request, specifier) {
  const found = importDeclaration(request, specifier);
  if (found === undefined) return undefined;
  return found.match[1].split(',').map((part) => part.trim()).filter(Boolean)
    .map((part) => part.replace(/\s+as\s+/, ': ')).join(', ');
}

// The source line Node prints above a link error: the import declaration's line with carets
// under the name that is not exported.
function importNameHeader(request, specifier, name) {
  const found = importDeclaration(request, specifier);
  if (found === undefined) return undefined;
  const { source, match } = found;
  const braces = match.index + match[0].indexOf('{') + 1;
  const within = new RegExp(`(^|[\\s,])(${name.replace(/[$]/g, '\\$&')})(?=\\s|,|$)`).exec(match[1]);
  if (within === null) return undefined;
  const offset = braces + within.index + within[1].length;
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = source.indexOf('\n', offset);
  const line = source.slice(lineStart, lineEnd === -1 ? source.length : lineEnd);
  const lineNumber = source.slice(0, lineStart).split('\n').length;
  return `${request.base}:${lineNumber}\n${line}\n${' '.repeat(offset - lineStart)}${'^'.repeat(name.length)}\n`;
}

// QuickJS's link error for a missing named export, reworded as Node words it (with its
// advice for CommonJS modules) and given the importer as its frame.
function translateLinkError(err) {
  if (!(err instanceof SyntaxError)) return err;
  if (native.isParseError(err)) return moduleParseError(err);
  const match = /^Could not find export '(.*)' in module '(.*)'$/.exec(err.message);
  if (match === null) return err;
  // QuickJS cuts long module names short in this message: match the URL by its prefix.
  const [, name, shown] = match;
  let url = shown;
  for (const candidate of [...requests.keys()].reverse()) {
    if (candidate.startsWith(shown)) {
      url = candidate;
      break;
    }
  }
  const request = requests.get(url);
  const specifier = request !== undefined ? request.specifier : url;
  let message;
  if (url.startsWith('file:') && formatOf(toPath(url)) === 'commonjs') {
    message = `Named export '${name}' not found. The requested module '${specifier}' is a CommonJS module, which may not support all module.exports as named exports.\n` +
      'CommonJS modules can always be imported via the default export, for example using:\n\n' +
      `import pkg from '${specifier}';\nconst { ${importedNames(request, specifier) || name} } = pkg;\n`;
  } else {
    message = `The requested module '${specifier}' does not provide an export named '${name}'`;
  }
  Object.defineProperty(err, 'message', { value: message, writable: true, configurable: true, enumerable: false });
  // The error comes from the runtime's linker, not from a frame of the script.
  Object.defineProperty(err, 'stack', {
    value: `SyntaxError: ${message}\n    at link (node:internal/esm)`, writable: true, configurable: true, enumerable: false,
  });
  const header = importNameHeader(request, specifier, name);
  if (header !== undefined) linkErrorHeaders.set(err, header);
  return err;
}

// The source line (with carets) to print above each link error.
const linkErrorHeaders = new WeakMap();

// A module that does not parse: V8's head (its line, carets under the token) printed above
// it, and no stack frame at its position, as Node shows it.
function moduleParseError(err) {
  let position;
  try {
    position = /\n {4}at (file:[^\n]*|data:[^\n]*):\d+:\d+(\n|$)/.exec(err.stack);
  } catch {
    return err;
  }
  if (position === null) return err;
  const url = position[1];
  let source = virtualSources.get(url);
  if (source === undefined && url.startsWith('file:')) {
    try {
      source = fs.readFileUtf8(toPath(url));
    } catch {
      return err;
    }
  }
  if (source === undefined) return err;
  const head = require('internal/modules/syntax_error').moduleSyntaxHead(err, url, source);
  if (head !== undefined) linkErrorHeaders.set(err, head);
  return err;
}

// Node's import attribute rules: JSON needs `type: 'json'`, and `type` names no other format.
function checkAttributes(url, type) {
  if (url.startsWith(REQUIRE_PREFIX) || url.startsWith('node:')) return;
  if (type !== undefined && type !== null && type !== 'json') {
    throw nodeError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', `Import attribute type "${type}" is unsupported`);
  }
  const format = url.startsWith('data:') ? dataURL(url).format : formatOf(toPath(url));
  if (format === 'json' && type !== 'json') {
    throw nodeError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_MISSING', `Module "${url}" needs an import attribute of type "json"`);
  }
  if (format !== 'json' && type === 'json') {
    throw nodeError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_FAILED', `Module "${url}" is not of type "json"`);
  }
}

// A `data:` URL's format (by MIME type) and decoded text.
function dataURL(url) {
  const comma = url.indexOf(',');
  const head = url.slice(5, comma === -1 ? url.length : comma);
  const body = comma === -1 ? '' : url.slice(comma + 1);
  const base64 = /;base64$/i.test(head);
  const mime = (base64 ? head.slice(0, -7) : head).split(';')[0].trim().toLowerCase();
  const text = base64 ? Buffer.from(body, 'base64').toString() : decodeURIComponent(body);
  let format;
  if (mime === 'text/javascript') format = 'module';
  else if (mime === 'application/json') format = 'json';
  else throw nodeError(RangeError, 'ERR_UNKNOWN_MODULE_FORMAT', `Unknown module format: ${mime} for URL ${url}`);
  return { format, text };
}

function resolveURL(base, specifier, conditions) {
  if (specifier.startsWith(REQUIRE_PREFIX) || virtualSources.has(specifier)) return specifier;
  const parentURL = parentOf(base);
  const builtin = builtinURL(specifier);
  if (builtin !== undefined) return builtin;
  if (isRelative(specifier)) {
    return finalize(toPath(new (require('url').URL)(specifier, parentURL).href), parentURL);
  }
  if (specifier.startsWith('#')) return finalize(packageImportsResolve(specifier, parentURL, conditions), parentURL);
  let url;
  try {
    url = new (require('url').URL)(specifier);
  } catch {
    url = undefined;
  }
  if (url !== undefined) {
    if (url.protocol === 'file:') return finalize(toPath(url.href), parentURL);
    if (url.protocol === 'node:') return builtinURL(url.href);
    if (url.protocol === 'data:') return url.href;
    throw nodeError('ERR_UNSUPPORTED_ESM_URL_SCHEME',
      `Only URLs with a scheme in: file, data, and node are supported by the default ESM loader. Received protocol '${url.protocol}'`);
  }
  return finalize(packageResolve(specifier, parentURL, conditions), parentURL);
}

// --- CommonJS export names ----------------------------------------------------------------

const IDENT = /^[A-Za-z_$][\w$]*$/;

// The names a CommonJS module's source visibly exports, as Node's cjs-module-lexer finds them:
// `exports.x =`, `module.exports.x =`, `exports['x'] =`, `Object.defineProperty(exports, 'x'`,
// the keys of `module.exports = { ... }`, and the names of the modules re-exported by
// `module.exports = require('y')`, `...require('y')` or `__exportStar(require('y'), exports)`.
function cjsExportNames(filename, seen = new Set()) {
  const names = new Set();
  if (seen.has(filename)) return names;
  seen.add(filename);
  let source;
  try {
    source = fs.readFileUtf8(filename);
  } catch {
    return names;
  }
  let m;
  const dotted = /\b(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=[^=]/g;
  while ((m = dotted.exec(source)) !== null) names.add(m[1]);
  const bracket = /\b(?:module\.)?exports\[\s*(['"])([^'"\n]+)\1\s*\]\s*=[^=]/g;
  while ((m = bracket.exec(source)) !== null) names.add(m[2]);
  const define = /Object\.defineProperty\(\s*(?:module\.)?exports\s*,\s*(['"])([^'"\n]+)\1/g;
  while ((m = define.exec(source)) !== null) names.add(m[2]);
  const reexports = [];
  const literal = /\bmodule\.exports\s*=\s*\{/g;
  while ((m = literal.exec(source)) !== null) {
    for (const key of objectLiteralKeys(source, literal.lastIndex, reexports)) names.add(key);
  }
  const reexport = /\bmodule\.exports\s*=\s*require\(\s*(['"])([^'"\n]+)\1\s*\)/g;
  while ((m = reexport.exec(source)) !== null) reexports.push(m[2]);
  // TypeScript's and older bundlers' star re-exports: `__exportStar(require('x'), exports)`,
  // `__export(require('x'))`.
  const star = /\b__export(?:Star)?\(\s*require\(\s*(['"])([^'"\n]+)\1\s*\)/g;
  while ((m = star.exec(source)) !== null) reexports.push(m[2]);
  for (const request of reexports) {
    let target;
    try {
      target = cjs.Module._resolveFilename(request, { filename, paths: cjs.Module._nodeModulePaths(path.dirname(filename)) });
    } catch {
      continue;
    }
    if (path.isAbsolute(target)) for (const key of cjsExportNames(target, seen)) names.add(key);
  }
  names.delete('default');
  return names;
}

// The names cjs-module-lexer reads from `module.exports = { ... }` (body from `start`): keys
// written `name`, `name: identifier` or `'name': identifier`, and `...require('x')` spreads; the
// scan stops at the first entry of any other shape, as the lexer does.
function objectLiteralKeys(source, start, reexports) {
  const keys = [];
  const token = /\s*(?:\.\.\.\s*require\(\s*(['"])([^'"\n]+)\1\s*\)|([A-Za-z_$][\w$]*)|(['"])([^'"\n]*)\4)/y;
  const after = /\s*([,}:])/y;
  const value = /\s*[A-Za-z_$][\w$]*/y;
  let i = start;
  for (;;) {
    token.lastIndex = i;
    const t = token.exec(source);
    if (t === null) return keys;
    i = token.lastIndex;
    if (t[2] !== undefined) {
      reexports.push(t[2]);
    } else {
      const key = t[3] !== undefined ? t[3] : t[5];
      after.lastIndex = i;
      const a = after.exec(source);
      if (a !== null && a[1] === ':') {
        value.lastIndex = after.lastIndex;
        if (value.exec(source) === null) return keys;
        i = value.lastIndex;
      }
      keys.push(key);
    }
    after.lastIndex = i;
    const next = after.exec(source);
    if (next === null || next[1] !== ',') return keys;
    i = after.lastIndex;
  }
}

// Module export names must be well-formed Unicode (no lone surrogates).
function isWellFormed(name) {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name);
}

// --- facades ------------------------------------------------------------------------------

// A generated module re-exporting `import.meta.load()` (a builtin's or CommonJS module's
// exports, read when the facade is evaluated): `default` and each of `names`.
// A builtin's facade (`live`) also gives `import.meta.onSync` a function that re-reads each
// export, for module.syncBuiltinESMExports().
function facadeSource(names, live = false) {
  let source = 'const exports = import.meta.load();\nexport default exports;\n';
  let sync = '';
  let i = 0;
  for (const name of names) {
    if (name === 'default' || !isWellFormed(name)) continue;
    const exported = IDENT.test(name) ? name : JSON.stringify(name);
    source += `${live ? 'let' : 'const'} e${i} = exports[${JSON.stringify(name)}];\nexport { e${i} as ${exported} };\n`;
    sync += `e${i} = exports[${JSON.stringify(name)}];\n`;
    i++;
  }
  if (live) source += `import.meta.onSync(() => {\n${sync}});\n`;
  return source;
}

// The re-readers of the builtins' facades evaluated so far.
const builtinSyncs = [];

/** module.syncBuiltinESMExports(): each builtin's named exports take its current values. */
function syncBuiltinExports() {
  for (const sync of builtinSyncs) sync();
}

// Modules whose source is not a file (a script read from stdin), by URL.
const virtualSources = new Map();

// URLs already compiled (QuickJS keeps one instance per name).
const served = new Set();

// What the loader compiles for the module named `url`.
function load(url) {
  served.add(url);
  if (virtualSources.has(url)) return { source: virtualSources.get(url), filename: toPath(url) };
  if (url.startsWith(REQUIRE_PREFIX)) return { source: requireFacade(url.slice(REQUIRE_PREFIX.length)), load() {} };
  if (url.startsWith('data:')) {
    const { format, text } = dataURL(url);
    if (format === 'module') return { source: text, filename: undefined };
    return { source: facadeSource([]), load: () => JSON.parse(text) };
  }
  if (url.startsWith('node:')) {
    const exports = require(url.slice(5));
    const names = exports !== null && (typeof exports === 'object' || typeof exports === 'function')
      ? Object.keys(exports) : [];
    return {
      source: facadeSource(names, true),
      load: () => require(url.slice(5)),
      onSync: (sync) => { builtinSyncs.push(sync); },
    };
  }
  const filename = toPath(url);
  const format = formatOf(filename);
  if (format === 'module') {
    let source = fs.readFileUtf8(filename);
    if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    return { source, filename };
  }
  if (format === 'json') {
    return { source: facadeSource([]), filename, load: () => cjs.loadForImport(filename) };
  }
  return {
    source: facadeSource(cjsExportNames(filename)),
    filename,
    load: () => cjs.loadForImport(filename),
  };
}

// Fills a module's `import.meta` (Node's keys: dirname, filename, resolve, url) or gives a
// facade its `load`.
function initMeta(meta, url, record) {
  if (typeof record.load === 'function') {
    Object.defineProperty(meta, 'load', { value: record.load, enumerable: false });
    if (record.onSync !== undefined) Object.defineProperty(meta, 'onSync', { value: record.onSync, enumerable: false });
    return;
  }
  Object.setPrototypeOf(meta, null);
  if (record.filename !== undefined) {
    meta.dirname = path.dirname(record.filename);
    meta.filename = record.filename;
  }
  meta.resolve = { resolve: (specifier) => resolveURL(url, `${specifier}`, CONDITIONS) }.resolve;
  meta.url = url;
}

// --- entry points -------------------------------------------------------------------------

// `require(esm)` returns a namespace that adds `__esModule: true` when the module has a
// default export, as Node's does: a generated module re-exporting the real one.
const REQUIRE_PREFIX = 'nodebuf-require:';

function requireFacade(url) {
  const target = JSON.stringify(url);
  return `export * from ${target};\nexport { default } from ${target};\nexport const __esModule = true;\n`;
}

function importModule(url) {
  return import(url);
}

// Runs `filename` as the main module (or a worker's): its evaluation is a promise the event
// loop drives; a rejection is the process's uncaught exception.
function runMain(filename) {
  runURL(toFileURL(filename));
}

// Runs the module at `url` (a file: or data: URL) as the main module.
function runURL(url) {
  const loop = require('internal/loop');
  let settled = false;
  importModule(url).then(() => { settled = true; }, (err) => {
    settled = true;
    const error = translateLinkError(err);
    // A module's evaluation error shows where the error was made (as a rejection does), a link
    // error the import that failed.
    loop.fatal(error, 'uncaughtException', linkErrorHeaders.has(error) ? linkErrorHeaders.get(error) : null);
  });
  loop.setMainPending(() => !settled);
}

// Runs `source` as the main ES module named after `filename` (a script from stdin).
function runSource(source, filename) {
  virtualSources.set(toFileURL(filename), source);
  require('internal/modules/cjs_wrapper').virtualSources.set(toFileURL(filename), source);
  runMain(filename);
}

// `require()` of an ES module (Node v20.19+): evaluated synchronously unless the graph awaits
// at top level.
function requireModule(filename, parent) {
  const url = toFileURL(filename);
  let ns;
  if (served.has(url)) {
    ns = settleNow(importModule(url), filename, parent);
  } else {
    let evaluation;
    let namespace;
    try {
      [evaluation, namespace] = native.evaluateModuleNow(url);
    } catch (err) {
      throw translateLinkError(err);
    }
    evaluation.catch(() => {});
    const [state, reason] = native.promiseState(evaluation);
    if (state === 2) throw reason;
    if (state === 0) throw asyncModuleError(filename, parent);
    ns = namespace;
  }
  if (!Object.prototype.hasOwnProperty.call(ns, 'default')) return ns;
  return settleNow(importModule(`${REQUIRE_PREFIX}${url}`), filename, parent);
}

// Runs the engine's jobs until `promise` (an import) settles: its namespace, or its error.
function settleNow(promise, filename, parent) {
  promise.catch(() => {});
  native.runMicrotasks();
  const [state, value] = native.promiseState(promise);
  if (state === 1) return value;
  if (state === 2) throw value;
  throw asyncModuleError(filename, parent);
}

function asyncModuleError(filename, parent) {
  const from = parent && parent.filename ? parent.filename : process.cwd();
  return nodeError('ERR_REQUIRE_ASYNC_MODULE',
    'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.' +
    `\n  From ${from} \n  Requiring ${filename} `);
}

const hooks = { resolve, load, initMeta, runMain, runURL, runSource, requireModule, formatOf, declaredFormatOf, cjsExportNames,
  requireExportsTarget, sourceLooksLikeModule, syncBuiltinExports };
native.setModuleHooks(hooks);
module.exports = hooks;
