// URL / URLSearchParams globals and the url module: parsing against bases, setters, the live
// searchParams link, inspect output, errors, file URLs, legacy parse/format, fs with file: URLs.
const url = require('url');
const fs = require('fs');
const path = require('path');

const u = new URL('https://user:pw@a.com:8080/b/c?d=1&e=%20x#f');
console.log(u);
console.log(u.searchParams, new URLSearchParams(), String(u.searchParams));
u.searchParams.append('z', 'a b');
console.log(u.href);
u.search = '?q=1&q=2';
console.log([...u.searchParams], u.searchParams.getAll('q'), u.searchParams.size);
for (const [field, value] of [['protocol', 'http'], ['port', '80'], ['port', 'x'], ['hostname', 'b.org'],
  ['pathname', '/a b/ü'], ['hash', 'top'], ['username', 'n m'], ['host', 'c.net:9'], ['href', 'ftp://f.io/x']]) {
  u[field] = value;
  console.log(field, JSON.stringify(value), '->', u.href);
}
for (const [input, base] of [['../x?y#z', 'http://h/a/b/c'], ['//other/p', 'https://h/'], ['HTTP://EXAMPLE.com:80/%7e', undefined],
  ['http://[::1]:3000/', undefined], ['http://192.168.0.257/', undefined], ['http://0x7f.1/', undefined],
  ['blob:https://a/b', undefined], ['data:text/plain,hi', undefined], ['javascript:alert(1)', undefined],
  ['file:///C:/x/../y', undefined], ['http://ex ample.com', undefined], ['http://例え.jp/パス', undefined]]) {
  try {
    const parsed = new URL(input, base);
    console.log(parsed.href, parsed.origin, parsed.host, parsed.pathname, URL.canParse(input, base));
  } catch (err) {
    console.log(err.name, err.code, err.message, err.input, err.base, URL.canParse(input, base));
  }
}
const sp = new URLSearchParams([['b', '2'], ['a', '1'], ['b', '0']]);
sp.sort();
console.log(sp.toString(), sp.has('b', '0'), sp.get('nope'));
sp.delete('b', '2');
sp.set('c', 'é&=+');
console.log(`${sp}`, [...sp.keys()], [...sp.values()], new URLSearchParams({ x: 1, y: [1, 2] }).toString());
sp.forEach((value, name) => console.log('forEach', name, value));
try { new URLSearchParams([[1]]); } catch (err) { console.log(err.code, err.message); }

console.log(url.format(new URL('https://user:pw@xn--espaol-zwa.com/p?q#h'), { auth: false, search: false, fragment: false, unicode: true }));
for (const x of ['http://x', 'file:///a%2fb', 'file://host/a', 1]) {
  try { url.fileURLToPath(x); } catch (err) { console.log(err.code, err.message); }
}
console.log(url.urlToHttpOptions(new URL('https://u:p@[::1]:81/x?y')), url.pathToFileURL('/tmp/a b#?%.txt').href,
  url.fileURLToPath('file:///tmp/a%20b'), url.pathToFileURL('/dir/').href);
console.log(url.parse('http://user@Example.com:81/p/a?x=1&y=2#h'), url.parse('/a/b?c=d', true).query);
console.log(url.format({ protocol: 'http', host: 'a.com', pathname: '/x', query: { a: 1, b: 'c d' } }));
console.log(url.domainToASCII('español.com'), url.domainToUnicode('xn--espaol-zwa.com'), url.domainToASCII('xn--iñvalid.com'));
try { new URL('nope'); } catch (err) { console.log(err.code, err.message, err.input); }
console.log(JSON.stringify(u), Object.keys(u), String(u) === u.href, u instanceof URL);

const file = path.join(__dirname, 'mods', 'data.json');
const viaUrl = url.pathToFileURL(file);
console.log(fs.readFileSync(viaUrl, 'utf8') === fs.readFileSync(file, 'utf8'), fs.existsSync(viaUrl), fs.statSync(viaUrl).isFile());
try { fs.readFileSync(new URL('http://example.com/x')); } catch (err) { console.log(err.code, err.message); }
console.log(fs.readFileSync(Buffer.from(file)).length === fs.readFileSync(file).length);

// Lone surrogates in every input a URL takes become U+FFFD (USVString conversion).
{
  const cases = ['https://ex.com/\ud800x', 'https://ex.com/a\udc00b?q=\ud83d\ude00#\ud83d', 'https://\ud83d\ude00.com/', 'http://a/\udbff', 'https://ex.com/' + '\ud800'.repeat(3)];
  for (const c of cases) {
    try { const u = new URL(c); console.log(u.href, u.pathname, u.search, u.hash); } catch (e) { console.log(e.code, e.input === c.toWellFormed()); }
    console.log(URL.canParse(c), new URL('p\ud800', 'https://b.com/\udc00/').href);
    const u = new URL('https://x.com/'); u.pathname = '/\ud800'; u.hash = '\udc00'; u.search = '?\ud800=1'; console.log(u.href);
    const p = new URLSearchParams('a=\ud800'); p.append('\udc00', 'v\ud800'); console.log(p.toString(), [...p]);
  }
  console.log(String(new URL({ toString() { return 'https://t.com/\ud800'; } })));
}
