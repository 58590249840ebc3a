// Legacy url.parse: hosts, ports (a non-numeric port moves to the path with DEP0170, once),
// IPv6 literals (invalid ones throw ERR_INVALID_URL), auth, escapes, protocols without slashes.
const url = require('url');
for (const u of ['https://evil.com:.example.com', 'git+ssh://git@github.com:npm/npm', 'http://a.com:/x', 'http://a.com:80x/y', 'http://[::1]:8/x', 'http://a.com?x', 'http://a b.com/p', 'mailto:x@y.com', 'http://x.com:8080', '//host/p', 'HTTP://A.COM/%7E?Q#H', 'http://user:pa%20ss@h/p', 'javascript:alert(1)', 'file:///etc/passwd', 'http://ünicode.com/ä']) {
  console.log(JSON.stringify(url.parse(u)));
}
console.log(url.parse('//host/p', false, true).host);
try { url.parse('http://[127.0.0.1\x00c8763]:8000/'); } catch (e) { console.log(e.code, JSON.stringify(e.input)); }
