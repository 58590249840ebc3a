// CommonJS using ES modules: dynamic import() of .mjs, builtins and CommonJS, and require() of
// an ES module (allowed in Node v20.19+ unless the graph awaits at top level).
const esmFile = './mods/esm/values.mjs';
const ns = require(esmFile);
console.log(ns, ns.twice(21));
import('./mods/esm/values.mjs').then((dyn) => {
  console.log('same namespace object:', dyn === require(esmFile));
  console.log(dyn.default, dyn.twice(2));
  return import('node:path');
}).then((path) => {
  console.log(typeof path.default.join, path.join === path.default.join);
  return import('./mods/a.js');
}).then((cjs) => {
  console.log(Object.keys(cjs));
  return import('./mods/esm/tla.mjs');
}).then((tla) => {
  console.log('tla value', tla.value);
  try {
    require('./mods/esm/tla2.mjs');
  } catch (err) {
    console.log(err.code, err.message.replaceAll(__dirname, '.'));
  }
  try {
    require('./mods/esm/throws.mjs');
  } catch (err) {
    console.log('require of a throwing module:', err.message);
  }
});
