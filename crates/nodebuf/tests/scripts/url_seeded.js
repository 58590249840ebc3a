// Seeded random URLs (schemes, credentials, IDN/IPv4/IPv6/odd hosts, ports, dot segments,
// percent escapes, queries, fragments, relative inputs against bases) parsed by `URL` and
// `URLSearchParams`; every component or error must equal Node's (its parser is ada, ours the
// url crate). NODEBUF_SEED / NODEBUF_DIFF_CASES change the seed and the case count.
// Left out, because Node v20's parser (ada) and the url crate disagree there (listed in the
// runner README): relative inputs against a non-special base (`new URL('..', 'foo://h/p')`:
// pathname '' in Node; `\\g`: Node keeps the backslash), a relative input other than a fragment
// against an opaque-path base (Node resolves `g` against `foo:opaque`, the standard fails), a
// path ending in `..` on a non-special URL with a host (`data://h/../..`: Node '', crate '/'), and
// credentials in a scheme-relative input with three slashes (`///user@h/` or `///:@h/` against
// an http base: Node parses them as the standard says, the crate fails).
let seed = Number(process.env.NODEBUF_SEED || 20261205) >>> 0;
const cases = Number(process.env.NODEBUF_DIFF_CASES || 3000);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const pick = (list) => list[rand(list.length)];
const schemes = ['http:', 'https:', 'HTTP:', 'file:', 'ftp:', 'ws:', 'wss:', 'mailto:', 'data:', 'blob:', 'foo:', 'git+ssh:', 'a1.b-c+d:', ''];
const slashes = ['//', '//', '/', '', '\\\\', '///'];
const auths = ['', '', 'user@', 'user:pass@', ':@', 'u%20s:p%3Ar@', 'ü:ñ@', 'a@b@'];
const hosts = ['example.com', 'EXAMPLE.COM', 'a.b.c', 'xn--nxasmq6b.com', 'bücher.de', '例え.テスト', '127.0.0.1', '0x7f.0.0.1',
  '192.168.0.257', '1.2.3', '4294967295', '[::1]', '[2001:db8::FF]', '[::ffff:1.2.3.4]', '[1:2]', 'ex%41mple.com', 'a b',
  'a<b', 'localhost', '', 'host.', '..', '%zz', 'xn--a', 'a.xn--b', '0'];
const ports = ['', '', ':80', ':443', ':8080', ':', ':0', ':65535', ':65536', ':x', ':021'];
const paths = ['', '/', '/a/b', '/a/./b/../c', '/%2e%2E/x', '/a b/ä', '/../../x', '/a//b', '/a\\b', '/;p=1/x', '/~user/%7e', '/a?', '/%',
  '/C:/x', '/c|/y', '/\u00ad', '/`{}'];
const queries = ['', '', '?', '?a=1&b=2', '?q=a b+c', '?x=%zz', '?é=ü', "?'\"<>", '?a=1&a=2&=3&&b'];
const frags = ['', '', '#', '#top', '#a b', '#%20', '#ü', '#<>`'];
const bases = [undefined, undefined, 'http://h/a/b/c', 'https://u:p@h.com:81/x/y?z#w', 'file:///root/dir/', 'http://[::1]/'];
const relatives = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '..', '../g', '../../../g', '.', '', 'g;x', '\\g', 'http:g', 'HTTP:/g'];
const fields = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
for (let i = 0; i < cases; i++) {
  let input;
  let base;
  if (rand(4) === 0) {
    input = pick(relatives) + pick(queries) + pick(frags);
    base = pick(bases) || 'http://h/a/b/c';
  } else {
    const scheme = pick(schemes);
    const slash = pick(slashes);
    const auth = scheme === '' && slash === '///' ? '' : pick(auths);
    input = scheme + slash + auth + pick(hosts) + pick(ports) + pick(paths) + pick(queries) + pick(frags);
    base = pick(bases);
  }
  let line;
  try {
    const url = new URL(input, base);
    line = fields.map((f) => url[f]).join(' | ') + ` | ${[...url.searchParams].join(';')}`;
  } catch (err) {
    line = `${err.code} ${URL.canParse(input, base)}`;
  }
  console.log(i, JSON.stringify(input), base === undefined ? '' : JSON.stringify(base), line);
}
