// module's loader internals scripts use: _extensions/require.extensions (a registered
// extension loads and is tried in resolution), _load, _findPath with its _pathCache,
// _resolveLookupPaths, _preloadModules, _initPaths/globalPaths, runMain's shape,
// findSourceMap without source maps, _debug.
const Module = require('module');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-module-'));
const rel = (value) => JSON.parse(JSON.stringify(value ?? null).replaceAll(dir, 'DIR'));
const show = (label, f) => {
  try {
    console.log(label, rel(f()));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message.split('\n')[0].replaceAll(dir, 'DIR'));
  }
};

fs.writeFileSync(path.join(dir, 'note.txt'), 'hello text\n');
fs.writeFileSync(path.join(dir, 'data.v1.txt'), 'versioned\n');
fs.writeFileSync(path.join(dir, 'num.js'), 'module.exports = 42;\n');
fs.writeFileSync(path.join(dir, 'conf.json'), '{"a": [1, 2]}\n');
fs.mkdirSync(path.join(dir, 'pkg'));
fs.writeFileSync(path.join(dir, 'pkg', 'index.js'), 'module.exports = "pkg index";\n');
fs.writeFileSync(path.join(dir, 'preloaded.js'), 'globalThis.preloaded = (globalThis.preloaded || 0) + 1;\n');
const parent = new Module(path.join(dir, 'parent.js'), null);
parent.filename = path.join(dir, 'parent.js');
parent.paths = Module._nodeModulePaths(dir);

for (const name of ['_load', '_findPath', '_resolveLookupPaths', '_initPaths', '_preloadModules', 'runMain',
  'syncBuiltinESMExports', 'findSourceMap', '_debug']) {
  const f = Module[name];
  console.log(name, typeof f, f.name, f.length, 'prototype' in f);
}
console.log(Object.keys(Module._extensions), Module._extensions === require.extensions,
  Object.getPrototypeOf(Module._extensions), Module._extensions['.js'].length, Module._extensions['.js'].name);
console.log(typeof Module._pathCache, Object.getPrototypeOf(Module._pathCache), Array.isArray(Module.globalPaths));

// A registered extension loads its files and is tried when a request has none.
// (Before: loaded as JavaScript, which it is not.)
show('txt before', () => {
  try {
    return require(path.join(dir, 'note.txt'));
  } catch (e) {
    return e.name;
  }
});
require.extensions['.txt'] = (module, filename) => {
  module.exports = `[${fs.readFileSync(filename, 'utf8').trim()}]`;
};
show('txt', () => require(path.join(dir, 'note.txt')));
show('txt without extension', () => require(path.join(dir, 'note')));
show('longest extension', () => {
  require.extensions['.v1.txt'] = (module) => { module.exports = 'by .v1.txt'; };
  return require(path.join(dir, 'data.v1.txt'));
});
show('extension order', () => Object.keys(require.extensions));
delete require.extensions['.v1.txt'];
show('json', () => require(path.join(dir, 'conf.json')));

show('_load', () => Module._load('./num.js', parent));
show('_load cached', () => Module._load('./num', parent) === require(path.join(dir, 'num.js')));
show('_load builtin', () => Module._load('fs', parent) === fs);
show('_load missing', () => Module._load('./missing', parent));

show('_findPath relative', () => Module._findPath('./num', [dir]));
show('_findPath bare name', () => Module._findPath('num', [dir]));
show('_findPath absolute', () => Module._findPath(path.join(dir, 'num')));
show('_findPath directory', () => Module._findPath('./pkg', [dir]));
show('_findPath trailing slash', () => Module._findPath('./pkg/', [dir]));
show('_findPath missing', () => Module._findPath('./missing', [dir]));
show('_findPath no paths', () => Module._findPath('num', []));
show('_findPath skips missing dirs', () => Module._findPath('num.js', [path.join(dir, 'nope'), dir]));
show('_pathCache', () => Object.keys(Module._pathCache).filter((k) => k.includes(dir)).sort());

show('_resolveLookupPaths relative', () => Module._resolveLookupPaths('./x', parent));
show('_resolveLookupPaths dot', () => Module._resolveLookupPaths('..', parent));
show('_resolveLookupPaths bare', () => Module._resolveLookupPaths('x', parent).slice(0, 2));
show('_resolveLookupPaths bare ends with globals', () => Module._resolveLookupPaths('x', parent).slice(-3).length);
show('_resolveLookupPaths dotted name', () => Module._resolveLookupPaths('.x', parent).slice(0, 1));
show('_resolveLookupPaths builtin', () => Module._resolveLookupPaths('fs', parent));
show('_resolveLookupPaths node:', () => Module._resolveLookupPaths('node:fs', null));
show('_resolveLookupPaths no parent', () => Module._resolveLookupPaths('./x', null));
show('_resolveLookupPaths no filename', () => Module._resolveLookupPaths('./x', { id: 'x', filename: null }));
show('_resolveLookupPaths bare no parent', () => Module._resolveLookupPaths('x', null).length);

show('_preloadModules', () => Module._preloadModules([path.join(dir, 'preloaded.js')]));
show('preloaded', () => globalThis.preloaded);
show('_preloadModules none', () => Module._preloadModules());
// (The last global path depends on where the executable is: only the first two are compared.)
show('globalPaths', () => Module.globalPaths.slice(0, 2).map((p) => p.replace(os.homedir(), '~')));
show('_initPaths', () => Module._initPaths());
show('globalPaths length', () => Module.globalPaths.length);
show('findSourceMap', () => Module.findSourceMap(__filename));
show('_debug', () => Module._debug('nothing printed without NODE_DEBUG=module'));

fs.rmSync(dir, { recursive: true });
