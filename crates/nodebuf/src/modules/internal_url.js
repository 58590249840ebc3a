// `require('internal/url')` under --expose-internals: the helpers Node's own URL tests reach
// into. `isURL` is Node's duck-typed check (an object with `href` and `protocol` and without the
// legacy `auth` and `path` properties: a WHATWG URL, not a `url.parse()` result); the classes
// and file-URL functions are the public `url` module's.
'use strict';

const url = require('url');

function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined && self.path === undefined);
}

module.exports = {
  isURL,
  URL: url.URL,
  URLSearchParams: url.URLSearchParams,
  fileURLToPath: url.fileURLToPath,
  pathToFileURL: url.pathToFileURL,
  urlToHttpOptions: url.urlToHttpOptions,
  domainToASCII: url.domainToASCII,
  domainToUnicode: url.domainToUnicode,
};
