const path = require('path');
const counter = require('./mods/counter');
const again = require('./mods/counter.js');
console.log(counter === again, counter.next(), again.next(), counter.file, counter.dir);
console.log(require('./mods/data.json'), require('./mods/data'));
console.log(require('./mods/pkg'), require('./mods/dirmod'), require('./mods/dirmod/'));
console.log(require('fakepkg'));
console.log(require('node:path') === require('path'), require('node:fs') === require('fs'));
console.log(typeof require('util').inspect, typeof require('assert/strict'), typeof require('events'), typeof require('os').tmpdir);
console.log(typeof require('timers').setTimeout, typeof require('perf_hooks').performance.now, typeof require('vm').runInNewContext);
console.log(require.main === module, module.id, path.basename(module.filename), path.basename(__filename), path.basename(__dirname));
console.log(typeof require.resolve, path.relative(__dirname, require.resolve('./mods/counter')), require.resolve('fs'), require.resolve('node:fs'));
console.log(this === module.exports, typeof exports, module.loaded, Array.isArray(module.children), module.children.length);
console.log(Object.keys(require.cache).map((k) => path.relative(__dirname, k)).sort());
for (const bad of ['./mods/missing', 'missing-package', './mods/bad.json', './mods/throws', 'node:nope']) {
  try {
    require(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message.split('\n')[0].replace(__dirname, '<dir>'), Array.isArray(e.requireStack) ? e.requireStack.map((p) => path.basename(p)) : e.requireStack);
  }
}
console.log(require('module').builtinModules.includes('fs'), require('module').isBuiltin('node:path'));
