// CommonJS modules as Node v20 loads them: resolution (relative/absolute paths, extensions,
// directories with package.json "main" or index files, node_modules lookup, builtins with or
// without `node:`), the module cache, cycles (a module sees a partial `exports` of a module
// still loading), JSON modules, and the `require`/`module`/`exports`/`__filename`/`__dirname`
// wrapper.
'use strict';

const path = require('path');
const { moduleWrappers, wrappedFiles, virtualSources, WRAPPER_PREFIX } = require('internal/modules/cjs_wrapper');

const fs = native.fs;
const builtinIds = new Set(native.publicBuiltinIds);
// nodebuf's own modules: only with their `nodebuf:` scheme, never in Module.builtinModules.
const nodebufIds = new Set(native.nodebufBuiltinIds);
builtinIds.add('buffer');
if (native.process.flags.exposeInternals) {
  builtinIds.add('internal/errors');
  builtinIds.add('internal/test/binding');
  builtinIds.add('internal/url');
  builtinIds.add('internal/util/inspect');
  builtinIds.add('internal/js_stream_socket');
  builtinIds.add('internal/dgram');
  for (const id of native.builtinIds) {
    if (id.startsWith('internal/streams/') || id.startsWith('internal/readline/') || id === 'internal/event_target' ||
      id === 'internal/repl' || id.startsWith('internal/repl/') ||
      id.startsWith('internal/test_runner/') || id.startsWith('internal/cluster/')) {
      builtinIds.add(id);
    }
  }
}
// Builtins that need the `node:` prefix.
const prefixOnly = new Set(['test', 'test/reporters']);
for (const id of prefixOnly) builtinIds.delete(id);

const cache = Object.create(null);
let mainModule;

class Module {
  constructor(id = '', parent) {
    this.id = id;
    this.path = path.dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false, configurable: true });
  }

  require(id) {
    return loadFrom(id, this);
  }
}

function nodeModulePaths(from) {
  const out = [];
  let dir = path.resolve(from);
  for (;;) {
    if (path.basename(dir) !== 'node_modules') out.push(path.join(dir, 'node_modules'));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

function tryFile(file) {
  return fs.kind(file) === 1 ? file : undefined;
}

// The file `base` names, or `base` with one of the registered extensions (in registration
// order: '.js', '.json', '.node', then any a script added).
function tryExtensions(base) {
  const found = tryFile(base);
  if (found) return found;
  for (const ext of Object.keys(extensions)) {
    const file = tryFile(`${base}${ext}`);
    if (file) return file;
  }
  return undefined;
}

function tryDirectory(dir) {
  const pkgPath = path.join(dir, 'package.json');
  if (fs.kind(pkgPath) === 1) {
    let pkg;
    try {
      pkg = JSON.parse(fs.readFileUtf8(pkgPath));
    } catch {
      pkg = undefined;
    }
    if (pkg && typeof pkg.main === 'string' && pkg.main !== '') {
      const main = path.resolve(dir, pkg.main);
      const found = tryExtensions(main) || tryIndex(main);
      if (found) return found;
    }
  }
  return tryIndex(dir);
}

function tryIndex(dir) {
  for (const ext of Object.keys(extensions)) {
    const file = tryFile(path.join(dir, `index${ext}`));
    if (file) return file;
  }
  return undefined;
}

function tryPath(base, isDirRequest) {
  if (!isDirRequest) {
    const file = tryExtensions(base);
    if (file) return file;
  }
  if (fs.kind(base) === 2) return tryDirectory(base);
  return undefined;
}

function notFound(request, parent) {
  const stack = [];
  // (A module made without a file, as the REPL's `<repl>`, is named by its id.)
  for (let m = parent; m; m = m.parent) if (m.filename || m.id) stack.push(m.filename || m.id);
  let message = `Cannot find module '${request}'`;
  if (stack.length > 0) message += `\nRequire stack:\n- ${stack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = stack;
  return err;
}

function builtinName(request) {
  if (nodebufIds.has(request)) return request;
  if (request.startsWith('node:')) {
    const id = request.slice(5);
    return builtinIds.has(id) || prefixOnly.has(id) ? id : undefined;
  }
  return builtinIds.has(request) ? request : undefined;
}

function resolveFilename(request, parent) {
  if (typeof request !== 'string') {
    throw require('internal/errors').codes.ERR_INVALID_ARG_TYPE('id', 'string', request);
  }
  if (request === '') {
    throw require('internal/errors').codes.ERR_INVALID_ARG_VALUE('id', request, "must be a non-empty string");
  }
  const builtin = builtinName(request);
  if (builtin !== undefined) return request.startsWith('node:') ? request : builtin;
  if (request.startsWith('node:')) {
    const err = new Error(`No such built-in module: ${request}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const base = parent && parent.filename ? path.dirname(parent.filename) : native.cwd();
  const isRelative = request === '.' || request === '..' || request.startsWith('./') ||
    request.startsWith('../') || request.startsWith('/');
  if (isRelative) {
    const found = findPath(request, [base]);
    if (found) return found;
    throw notFound(request, parent);
  }
  const dirs = [...(parent && parent.paths && parent.paths.length ? parent.paths : nodeModulePaths(base)), ...modulePaths()];
  const scoped = request.startsWith('@');
  const parts = request.split('/');
  const pkgName = scoped ? parts.slice(0, 2).join('/') : parts[0];
  const subpath = `.${request.slice(pkgName.length)}`;
  for (const dir of dirs) {
    const pkgDir = path.join(dir, pkgName);
    if (fs.kind(pkgDir) === 2) {
      const target = require('internal/esm').requireExportsTarget(pkgDir, subpath);
      if (target !== undefined) {
        const found = tryFile(target);
        if (found) return found;
        throw notFound(request, parent);
      }
    }
    const found = tryPath(path.join(dir, request), request.endsWith('/'));
    if (found) return found;
  }
  throw notFound(request, parent);
}

// Resolutions already made, by request and search paths (Module._pathCache).
const initialPathCache = Object.create(null);

/**
 * Module._findPath(request, paths): the file `request` names from the first of `paths` where
 * it resolves (as a file, with an extension, or as a directory), or false.
 */
function findPath(request, paths = [], isMain = false) {
  void isMain;
  const absolute = path.isAbsolute(request);
  if (absolute) paths = [''];
  else if (paths.length === 0) return false;
  const key = `${request}\x00${paths.join('\x00')}`;
  // (Read where scripts may have replaced it: `Module._pathCache = { __proto__: null }` clears it.)
  const cache = Module._pathCache;
  const cached = cache[key];
  if (cached !== undefined) return cached;
  const isDirRequest = request.length > 0 && (request.endsWith('/') || /\/\.{1,2}$/.test(request) ||
    request === '.' || request === '..');
  for (const dir of paths) {
    if (dir !== '' && fs.kind(path.resolve(dir)) !== 2) continue;
    const found = tryPath(path.resolve(dir, request), isDirRequest);
    if (found) {
      cache[key] = found;
      return found;
    }
  }
  return false;
}

function makeRequire(mod) {
  const req = function require(id) {
    return loadFrom(id, mod);
  };
  req.resolve = function resolve(request) {
    return resolveFilename(request, mod);
  };
  req.resolve.paths = (request) => (builtinName(request) !== undefined ? null : nodeModulePaths(mod.path));
  req.main = mainModule;
  req.cache = cache;
  req.extensions = extensions;
  return req;
}

function stripShebang(source) {
  return source.startsWith('#!') ? `//${source.slice(2)}` : source;
}

function compileWrapper(source, filename) {
  const wrapped = `${WRAPPER_PREFIX}${stripShebang(source)}\n})`;
  const fn = native.compile(wrapped, filename);
  moduleWrappers.add(fn);
  wrappedFiles.add(filename);
  return fn;
}

// `asModule(filename)` runs a file that turns out to be an ES module (default: `require(esm)`).
function loadInto(mod, filename, asModule = undefined) {
  mod.filename = filename;
  mod.paths = nodeModulePaths(path.dirname(filename));
  const handler = extensions[registeredExtension(filename)];
  if (handler === jsHandler) {
    // (Called from here, not through the handler: the module's stack has the frames it had.)
    const fn = compileJs(mod, filename, asModule);
    if (fn !== null) fn.call(mod.exports, mod.exports, makeRequire(mod), mod, filename, path.dirname(filename));
  } else {
    handler(mod, filename);
  }
  mod.loaded = true;
}

// The longest registered extension `filename` ends with (after the first dot of its base name:
// `a.x.txt` tries '.x.txt' then '.txt'), else '.js'.
function registeredExtension(filename) {
  const name = path.basename(filename);
  let dot = name.indexOf('.', 1);
  while (dot !== -1) {
    const ext = name.slice(dot);
    if (Object.prototype.hasOwnProperty.call(extensions, ext)) return ext;
    dot = name.indexOf('.', dot + 1);
  }
  return '.js';
}

// Module._extensions / require.extensions: how each kind of file loads; scripts may add their
// own ('.txt': (module, filename) => ...), which resolution then also tries.
const extensions = Object.create(null);

// '.js' (and any unregistered extension): CommonJS, or an ES module when the file's format says
// so or (untyped) only its syntax does. `compileJs` returns the CommonJS wrapper function to
// call, or null when the file was loaded as an ES module (`asModule`: runMain's way to run it).
function compileJs(module, filename, asModule) {
  if (declaredFormat(filename) === 'module') {
    // `require()` of an ES module, as Node v20.19+ allows for graphs without top-level await.
    module.exports = require('internal/esm').requireModule(filename, module.parent);
    return null;
  }
  let source = fs.readFileUtf8(filename);
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  try {
    return compileWrapper(source, filename);
  } catch (err) {
    // An untyped file that only compiles as a module is one (Node v20.19's detection).
    const esm = require('internal/esm');
    if (err instanceof SyntaxError && declaredFormat(filename) === undefined &&
        esm.sourceLooksLikeModule(source, filename)) {
      if (asModule !== undefined) asModule(filename);
      else module.exports = esm.requireModule(filename, module.parent);
      return null;
    }
    const syntax = require('internal/modules/syntax_error');
    if (syntax.isModuleSyntaxError(err)) {
      require('internal/warnings').emitWarningSync(
        'To load an ES module, set "type": "module" in the package.json or use the .mjs extension.');
    }
    throw syntax.decorateSyntaxError(err, filename, filename, source, true);
  }
}
// (Anonymous, as Node's.)
const jsHandler = [function (module, filename) {
  const fn = compileJs(module, filename, undefined);
  if (fn !== null) fn.call(module.exports, module.exports, makeRequire(module), module, filename, path.dirname(filename));
}][0];
extensions['.js'] = jsHandler;
extensions['.json'] = [function (module, filename) {
  const text = fs.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
}][0];
extensions['.node'] = [function (module, filename) {
  process.dlopen(module, path.toNamespacedPath(filename));
}][0];

// 'module' or 'commonjs' when the extension or package "type" decides, undefined for an untyped
// file (whose syntax decides). Only `.js`-like files need the package.json lookup.
function declaredFormat(filename) {
  if (filename.endsWith('.cjs')) return 'commonjs';
  if (filename.endsWith('.mjs')) return 'module';
  return require('internal/modules/package_json_reader').declaredFormatOf(filename);
}

// A CommonJS module (or JSON) imported from an ES module: its `module.exports`, cached as
// `require` caches it.
function loadForImport(filename) {
  const cached = cache[filename];
  if (cached !== undefined) return cached.exports;
  const mod = new Module(filename, undefined);
  cache[filename] = mod;
  let threw = true;
  try {
    loadInto(mod, filename);
    threw = false;
  } finally {
    if (threw) delete cache[filename];
  }
  return mod.exports;
}

function loadFrom(request, parent) {
  const filename = resolveFilename(request, parent);
  const builtin = builtinName(filename);
  if (builtin !== undefined && !filename.startsWith('/')) return require(builtin);
  const cached = cache[filename];
  if (cached !== undefined) {
    if (parent && !parent.children.includes(cached)) parent.children.push(cached);
    return cached.exports;
  }
  const mod = new Module(filename, parent);
  cache[filename] = mod;
  if (parent) parent.children.push(mod);
  let threw = true;
  try {
    loadInto(mod, filename);
    threw = false;
  } finally {
    if (threw) {
      delete cache[filename];
      if (parent) {
        const index = parent.children.indexOf(mod);
        if (index !== -1) parent.children.splice(index, 1);
      }
    }
  }
  return mod.exports;
}

// Loads the entry script as `require.main`, with `module.id === '.'`.
function runMain(script) {
  let filename;
  try {
    filename = resolveFilename(path.resolve(script), null);
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND') {
      err.message = `Cannot find module '${path.resolve(script)}'`;
      err.requireStack = [];
    }
    throw err;
  }
  const runModule = (file) => {
    // Not a CommonJS main after all: undo its registration and run it as a module.
    delete cache[file];
    mainModule = undefined;
    process.mainModule = undefined;
    require('internal/esm').runMain(file);
  };
  if (declaredFormat(filename) === 'module') {
    runModule(filename);
    return;
  }
  const mod = new Module('.', null);
  mainModule = mod;
  process.mainModule = mod;
  cache[filename] = mod;
  loadInto(mod, filename, runModule);
}

// `-e` / `-p`: the code runs as a global script with `require`, `module`, `exports`,
// `__filename`, `__dirname` and every builtin module as globals; `-p` prints the result.
// With `--input-type=module`, or code that only compiles as a module (Node v20's syntax
// detection, off with `--input-type=commonjs`), it runs as the ES module `[eval1]` with only
// the builtin modules as globals (`module` among them), and `-p` is refused.
function runEval(code, print, inputType) {
  const filename = path.join(process.cwd(), '[eval]');
  const mod = new Module('[eval]', null);
  mod.filename = filename;
  mod.paths = nodeModulePaths(process.cwd());
  const req = makeRequire(mod);
  const define = (name, value) => Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable: false,
  });
  const esm = inputType === 'module' ||
    (inputType !== 'commonjs' && require('internal/esm').sourceLooksLikeModule(code, filename));
  if (esm && print) throw require('internal/errors').codes.ERR_EVAL_ESM_CANNOT_PRINT();
  if (!esm) {
    mainModule = mod;
    define('require', req);
    define('module', mod);
    define('exports', mod.exports);
    define('__filename', '[eval]');
    define('__dirname', '.');
  }
  defineBuiltinGlobals(req, define);
  if (esm) {
    require('internal/esm').runSource(code, path.join(process.cwd(), '[eval1]'));
    return;
  }
  virtualSources.set('[eval]', code);
  try {
    native.checkSyntax(code, '[eval]');
  } catch (err) {
    require('internal/modules/syntax_error').decorateSyntaxError(err, '[eval]', '[eval]', code, false);
    throw err;
  }
  const result = native.compile(code, '[eval]');
  if (print) require('console').log(result);
}

// Every public builtin module as a lazily required global (what `-e` code sees).
function defineBuiltinGlobals(req, define) {
  for (const id of builtinIds) {
    if (id.includes('/') || Object.prototype.hasOwnProperty.call(globalThis, id)) continue;
    Object.defineProperty(globalThis, id, {
      get() { const m = req(id); define(id, m); return m; },
      set(value) { define(id, value); },
      configurable: true, enumerable: false,
    });
  }
}

// A script read from stdin runs as the CommonJS module `[stdin]` (builtins are not globals,
// unlike -e), or as an ES module with `--input-type=module` or when it only compiles as one
// (Node v20's syntax detection, off with `--input-type=commonjs`).
function runStdin(source, inputType) {
  const filename = path.join(process.cwd(), '[stdin]');
  const esm = require('internal/esm');
  if (inputType === 'module' ||
      (inputType !== 'commonjs' && esm.sourceLooksLikeModule(source, filename))) {
    // Node names a module read from stdin `[eval1]`.
    esm.runSource(source, path.join(process.cwd(), '[eval1]'));
    return;
  }
  const mod = new Module('[stdin]', null);
  mod.filename = filename;
  mod.paths = nodeModulePaths(process.cwd());
  virtualSources.set('[stdin]', source);
  let fn;
  try {
    fn = compileWrapper(source, '[stdin]');
  } catch (err) {
    throw require('internal/modules/syntax_error').decorateSyntaxError(err, '[stdin]', '[stdin]', source, true);
  }
  fn.call(mod.exports, mod.exports, makeRequire(mod), mod, '[stdin]', '.');
  mod.loaded = true;
}

function createRequire(filename) {
  const url = require('url');
  let file;
  if (typeof filename === 'string' && filename.startsWith('file:')) file = url.fileURLToPath(filename);
  else if (url._isURL(filename)) file = url.fileURLToPath(filename);
  else if (typeof filename === 'string' && path.isAbsolute(filename)) file = filename;
  else {
    throw require('internal/errors').codes.ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  const mod = new Module(file, null);
  mod.filename = file;
  mod.paths = nodeModulePaths(path.dirname(file));
  return makeRequire(mod);
}

// The directories searched after node_modules (Module.globalPaths): NODE_PATH's, then
// ~/.node_modules, ~/.node_libraries and <prefix>/lib/node.
// (Computed on first need: resolution that reaches them, or Module.globalPaths read.)
let globalPaths;
function modulePaths() {
  if (globalPaths === undefined) initPaths();
  return globalPaths;
}
function initPaths() {
  const home = process.env.HOME;
  const prefix = path.resolve(process.execPath, '..', '..');
  const paths = [path.resolve(prefix, 'lib', 'node')];
  if (home) paths.unshift(path.resolve(home, '.node_modules'), path.resolve(home, '.node_libraries'));
  const nodePath = process.env.NODE_PATH;
  if (nodePath) paths.unshift(...nodePath.split(path.delimiter).filter(Boolean));
  globalPaths = paths;
  native.defineLazyValue(Module, 'globalPaths', () => [...paths], true);
}

// Where a request is looked for: null for a builtin, the parent's directory for a relative one
// ('.' without a parent file), else the parent's node_modules chain and the global paths.
function resolveLookupPaths(request, parent) {
  if (builtinName(request) !== undefined) return null;
  const relative = request.charAt(0) === '.' &&
    (request.length === 1 || request.charAt(1) === '.' || request.charAt(1) === '/');
  if (!relative) {
    const paths = parent && parent.paths && parent.paths.length ? [...parent.paths, ...modulePaths()] : modulePaths();
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
}

// (Anonymous, with Node's parameter counts.)
Module._load = [function (request, parent, isMain) {
  void isMain;
  return loadFrom(request, parent);
}][0];
Module._findPath = [function (request, paths, isMain) {
  return findPath(request, paths ?? [], isMain);
}][0];
Module._resolveLookupPaths = [function (request, parent) {
  return resolveLookupPaths(request, parent);
}][0];
Module._initPaths = [function () {
  initPaths();
}][0];
Module._preloadModules = [function (requests) {
  if (!Array.isArray(requests)) return;
  const parent = new Module('internal/preload', null);
  parent.paths = nodeModulePaths(process.cwd());
  for (const request of requests) parent.require(request);
}][0];
Module._extensions = extensions;
Module._pathCache = initialPathCache;
Module.runMain = function executeUserEntryPoint(main = process.argv[1]) {
  runMain(main);
};
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  require('internal/esm').syncBuiltinExports();
};
// Source maps are recorded only under --enable-source-maps, which the runner does not have:
// there is never one to find, as in Node without the flag.
Module.findSourceMap = function findSourceMap(sourceURL) {
  void sourceURL;
  return undefined;
};
// Node's pending deprecation (DEP0077): a debuglog('module') that warns under
// --pending-deprecation.
{
  let warned = false;
  let debug;
  Module._debug = function deprecated(...args) {
    if (!warned && native.process.flags.pendingDeprecation) {
      warned = true;
      process.emitWarning('Module._debug is deprecated.', 'DeprecationWarning', 'DEP0077');
    }
    debug ??= require('util').debuglog('module');
    return Reflect.apply(debug, this, args);
  };
}
native.defineLazyValue(Module, 'globalPaths', () => [...modulePaths()], true);
Module._cache = cache;
Module.builtinModules = [...builtinIds].sort();
Module.createRequire = createRequire;
Module.isBuiltin = (id) => builtinName(id) !== undefined;
Module.Module = Module;
Module._resolveFilename = resolveFilename;
Module._nodeModulePaths = nodeModulePaths;

module.exports = { Module, runMain, runEval, runStdin, createRequire, makeRequire, nodeModulePaths, builtinIds, loadForImport };
