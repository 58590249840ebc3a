// flags: --expose-internals
// internal/url's isURL (Node's duck-typed check) and internalBinding('url').canParse, the
// helpers Node's own URL tests reach into.
const { URL, parse } = require('url');
const { isURL } = require('internal/url');
const { internalBinding } = require('internal/test/binding');
const { canParse } = internalBinding('url');
console.log(isURL(new URL('https://www.nodejs.org')), isURL(parse('https://www.nodejs.org')));
console.log(isURL({ href: 'https://x', protocol: 'https:' }), isURL({ href: 'https://x', protocol: 'https:', path: '/' }));
console.log(isURL(null), isURL(undefined), isURL('https://x'), isURL({ href: '', protocol: 'x:' }));
for (const [input, base] of [['https://example.org'], ['/', 'http://n'], ['/'], ['http://[::1'], ['a:b'], ['x', 'y'], ['file:///tmp/a']]) {
  console.log(input, base, canParse(input, base), URL.canParse(input, base));
}
