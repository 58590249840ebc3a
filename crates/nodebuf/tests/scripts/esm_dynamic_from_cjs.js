// Dynamic import() from a CommonJS main script: a builtin, a .mjs, a
// CommonJS file and a data: URL, each settling in order.
(async () => {
  const path = await import('node:path');
  const values = await import('./mods/esm/values.mjs');
  const cjs = await import('./mods/counter.js');
  const data = await import('data:text/javascript,export const fromData = [1, 2, 3];');
  console.log(typeof path.join, values.twice(5), Object.keys(cjs), data.fromData);
})();
