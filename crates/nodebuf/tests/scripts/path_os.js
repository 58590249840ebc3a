const path = require('path');
const os = require('os');
const p = ['', '.', '..', '/', '//', '/a/b/', 'a/b/../c', './a/./b', '/../x', 'a//b', 'a/b/..', '../../x/y', 'file.txt', '.bashrc', 'a.b.c', 'dir/', 'a/.', '/a/b.c/d', 'x.', 'x..'];
for (const v of p) {
  console.log(JSON.stringify(v), path.normalize(v), path.dirname(v), path.basename(v), path.extname(v), path.isAbsolute(v));
}
console.log(path.join('a', 'b', '../c', '/d'), path.join(), path.join('', ''), path.join('/a', '..', '..'));
console.log(path.resolve('/a/b', './c'), path.resolve('/a', '/b', 'c'), path.resolve('x') === path.join(process.cwd(), 'x'));
console.log(path.relative('/a/b/c', '/a/d'), path.relative('/a', '/a/b/c'), path.relative('/a/b', '/a/b'), path.relative('/', '/x'));
console.log(path.basename('/a/b.js', '.js'), path.basename('b.js', 'b.js'), path.basename('/a/b.js/', '.js'), path.basename('a.js', 'js'));
console.log(path.sep, path.delimiter, path.posix === path, path.parse('/home/u/file.txt'), path.parse('file'), path.parse('/'));
console.log(path.format({ dir: '/x', base: 'y.txt' }), path.format({ root: '/', name: 'n', ext: '.e' }), path.format({ name: 'n', ext: 'e' }));
console.log(os.EOL === '\n', os.tmpdir(), os.platform(), typeof os.homedir(), typeof os.hostname());
try { path.join(1); } catch (e) { console.log(e.code, e.message); }
