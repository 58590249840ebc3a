// Seeded legacy `url.parse` inputs aimed at the authority: hosts made of letters, digits,
// punctuation a hostname may or may not hold, control characters, tabs and line breaks
// (dropped inside the authority), non-ASCII text that IDNA maps, folds or refuses (Punycode
// labels, invalid `xn--` labels, fullwidth forms, soft hyphens), bracketed IPv6 literals and
// bracket fragments, ports and port-like tails (DEP0170), credentials, and leading/trailing
// control characters and spaces. Each parsed object (or the error code) must equal Node's; then
// `url.format` of the parsed object. Also the `[Symbol(context)]` record `util.inspect` shows
// for WHATWG URLs with `showHidden`. NODEBUF_SEED / NODEBUF_DIFF_CASES change seed and count.
'use strict';
const url = require('url');
const util = require('util');

let seed = Number(process.env.NODEBUF_SEED || 20261207) >>> 0;
const cases = Number(process.env.NODEBUF_DIFF_CASES || 3000);
function rand(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const pick = (list) => list[rand(list.length)];

const hostPieces = ['a', 'B', 'example', 'com', '.', '.', '-', '_', '+', '0', '9', '!', '$', ',', '(', '*',
  '=', '&', '~', '\u0001', '\t', '\n', '\r', ' ', '\u00a0', '%41', "'", ';', '[', ']', ':', ':80', '@',
  'xn--', 'xn--a', 'xn--nxasmq6b', 'Ünï', 'ß', 'ＡＢ', '\u00ad', '\u200d', '\u2047', '\u3002', '💩',
  'ｅｘａｍｐｌｅ', 'İ', 'Σ', '\u2028', '\\', '#', '?', '/'];
const ipv6 = ['[::1]', '[FE::A]', '[::]', '[xyz]', '[a_b]', '[]', '[::1', '::1]', '[[::1]]', '[::1%25eth0]',
  '[G]', '[1:2:3:4:5:6:7:8]', '[ü]'];
const schemes = ['http:', 'https:', 'HTTP:', 'ftp:', 'foo:', 'file:', 'ws:', 'coap:', ''];
const auths = ['', '', '', 'user@', 'u:p@', 'a\tb@', 'a b@', '@', 'x@y@'];
const ports = ['', '', '', ':', ':8080', ':0', ':99999', ':8x', ':a:b'];
const tails = ['', '/', '/p/q', '?q=1', '#h', '/a b', '/\t?\t#\t', '\\x', "/a'b", "?q'@", '/@x'];
const edges = ['', '', ' ', '\u0000', '\u0008', '\u00a0', '\ufeff', '\u2003', '\t\n'];

function host() {
  if (rand(5) === 0) return pick(ipv6);
  let out = '';
  const n = 1 + rand(6);
  for (let i = 0; i < n; i++) out += pick(hostPieces);
  if (rand(20) === 0) out = 'h'.repeat(250 + rand(10));
  return out;
}

function show(input) {
  try {
    const u = url.parse(input);
    const fields = [u.protocol, u.slashes, u.auth, u.host, u.port, u.hostname, u.hash, u.search,
      u.query, u.pathname, u.path, u.href];
    let formatted;
    try {
      formatted = url.format(u);
    } catch (e) {
      formatted = `format ${e.code}`;
    }
    return `${JSON.stringify(fields)} ${JSON.stringify(formatted)}`;
  } catch (e) {
    return `${e.name} ${e.code} ${e.message}`;
  }
}

// Node prints DEP0170 once, with the first offending URL (stderr is compared too).
for (let i = 0; i < cases; i++) {
  const slashes = pick(['//', '//', '//', '', '/']);
  const input = `${pick(edges)}${pick(schemes)}${slashes}${pick(auths)}${host()}${pick(ports)}${pick(tails)}${pick(edges)}`;
  console.log(JSON.stringify(input), show(input));
}

// The WHATWG URL's parsed record, as `util.inspect(url, { showHidden: true })` shows it.
const whatwg = ['https://user:pass@host.name:8080/path/name/?que=ry#hash', 'http://h:80/', 'http://h/?',
  'http://h/#', 'https://:pw@h/', 'https://u:@h:1/', 'file:///a', 'file://host/share/x', 'blob:x',
  'foo:/p#', 'foo://h?x', 'ws://h', 'wss://h:1/', 'ftp://h', 'http://[::1]:3/x?y#z', 'mailto:a@b',
  'data:text/plain,hi', 'http://xn--nxasmq6b.com/', 'http://ünï.com/ä?ö#ü', 'foo:bar?a#b',
  'non-spec:/.//p', 'http://1.2.3.4/', 'HTTP://EXAMPLE.COM/A/../B'];
for (const href of whatwg) {
  const text = util.inspect(new URL(href), { showHidden: true });
  console.log(text.slice(text.indexOf('[Symbol(context)]')));
}
