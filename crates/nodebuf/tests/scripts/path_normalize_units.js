// path's segment resolution runs natively on the string's units (modules/path.rs): Latin-1 and
// UTF-16 paths (lone surrogates kept), empty, '.', '..' and odd segments ('..a', '...'), above
// the root or not, through join/resolve/normalize/relative, and the argument errors, as node.
'use strict';
const path = require('path');
const cases = ['', '.', '..', '/', '//', '/a/b/../../..', 'a/b/../../..', './a/./b/', 'a//b', '/..a/.b/...',
  'é/ü/../ß', '😀/x/../y', '\ud800/a/..', '../../x', 'a/b/c/../../../../d', '/a/b/', 'a/', 'x'.repeat(300) + '/..'];
const out = [];
for (const a of cases) {
  out.push([a, path.normalize(a), path.join(a, 'x', '..', 'y'), path.resolve('/r', a), path.relative('/r/s', a.startsWith('/') ? a : `/${a}`)]);
  for (const b of cases) out.push(path.join(a, b), path.resolve('/base', a, b), path.posix.normalize(`${a}/${b}`));
}
for (const bad of [1, null, undefined, {}, Symbol('s')]) {
  for (const fn of ['join', 'resolve', 'normalize', 'relative']) {
    try { path[fn]('a', bad); } catch (e) { out.push([fn, e.code, e.message]); }
  }
}
try { path.resolve(7); } catch (e) { out.push(['resolve first', e.message]); }
console.log(out.map((entry) => JSON.stringify(entry)).join('\n'));
