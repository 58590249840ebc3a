// path.posix and path.win32 over seeded random paths (both separators, drive letters with and
// without a separator, UNC roots, dots, '..', empty parts): every function's result equals
// node's. (resolve and relative depend on the working directory, the same in both runs.)
'use strict';
const path = require('path');
let seed = 7;
const rand = (n) => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const pieces = ['a', 'bb', 'c.d', '.e', 'f.', '..', '.', '', 'C:', 'c:', 'z:', '?', 'x y', 'UNC', 'srv', 'share', 'file.txt', '...'];
const seps = ['/', '\\', '//', '\\\\', '/\\'];
function randomPath() {
  let out = rand(4) === 0 ? seps[rand(seps.length)] : '';
  const n = rand(6);
  for (let i = 0; i < n; i++) {
    out += pieces[rand(pieces.length)];
    if (i < n - 1 || rand(4) === 0) out += seps[rand(seps.length)];
  }
  return out;
}
const show = (f) => {
  try {
    return JSON.stringify(f());
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
};
const lines = [];
for (let i = 0; i < 1500; i++) {
  const p = randomPath();
  const q = randomPath();
  for (const flavour of ['posix', 'win32']) {
    const P = path[flavour];
    lines.push([flavour, JSON.stringify(p), JSON.stringify(q),
      show(() => P.normalize(p)), show(() => P.isAbsolute(p)), show(() => P.join(p, q)),
      show(() => P.resolve(p, q)), show(() => P.relative(p, q)), show(() => P.dirname(p)),
      show(() => P.basename(p)), show(() => P.basename(p, pieces[rand(pieces.length)])),
      show(() => P.extname(p)), show(() => P.parse(p)), show(() => P.format(P.parse(p))),
      show(() => P.toNamespacedPath(p))].join(' '));
  }
}
console.log(lines.join('\n'));
console.log(show(() => path.win32.join(1)), show(() => path.posix.basename('a', 1)), show(() => path.win32.basename('a', 1)));
console.log(require('path/posix') === path.posix, require('path/win32') === path.win32, path.win32.posix === path.posix,
  path.win32.sep, path.win32.delimiter);
console.log(require('util/types') === require('util').types);
