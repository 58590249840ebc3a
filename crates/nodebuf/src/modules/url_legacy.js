// Node's legacy URL API (`url.parse`, `url.format(object)`, `url.resolve`, `Url`): the
// pre-WHATWG parser Node keeps for compatibility, written from its documented behaviour
// (protocol, slashes, auth, host/port, hash, search/query, pathname, path, href).
'use strict';

const { codes, makeNodeError } = require('internal/errors');

let warnedInvalidURL = false;

// DEP0170, once per process: a URL whose port part is not a number.
function warnInvalidURL(url) {
  if (warnedInvalidURL) return;
  warnedInvalidURL = true;
  process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
    'DeprecationWarning', 'DEP0170');
}

const slashedProtocols = new Set(['http:', 'https:', 'ftp:', 'gopher:', 'file:', 'ws:', 'wss:',
  'http', 'https', 'ftp', 'gopher', 'file', 'ws', 'wss']);
const hostlessProtocols = new Set(['javascript', 'javascript:']);
// Characters escaped in the rest of a parsed URL, as Node's legacy parser does.
const autoEscape = { '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27',
  '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D' };

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function escapeRest(text) {
  let out = '';
  for (const ch of text) out += autoEscape[ch] || ch;
  return out;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw codes.ERR_INVALID_ARG_TYPE('url', 'string', url);
  let rest = url.trim();
  // Backslashes before the query count as slashes.
  const queryAt = rest.search(/[?#]/);
  const head = queryAt === -1 ? rest : rest.slice(0, queryAt);
  rest = head.replace(/\\/g, '/') + (queryAt === -1 ? '' : rest.slice(queryAt));

  const protoMatch = /^[a-zA-Z0-9.+-]+:/.exec(rest);
  let lowerProto;
  if (protoMatch) {
    lowerProto = protoMatch[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(protoMatch[0].length);
  }
  let slashes = false;
  if (slashesDenoteHost || protoMatch || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(lowerProto && hostlessProtocols.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!(lowerProto && hostlessProtocols.has(lowerProto)) &&
      (this.slashes || (lowerProto && !slashedProtocols.has(lowerProto)))) {
    let hostEnd = rest.search(/[/?#]/);
    if (hostEnd === -1) hostEnd = rest.length;
    const at = rest.lastIndexOf('@', hostEnd);
    if (at !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, at));
      rest = rest.slice(at + 1);
      hostEnd = rest.search(/[/?#]/);
      if (hostEnd === -1) hostEnd = rest.length;
    }
    const hostPart = rest.slice(0, hostEnd);
    const after = rest.slice(hostEnd);
    // The hostname stops at the first character a hostname cannot hold (an IPv6 literal runs
    // to its `]`); `:digits` after it is the port, any other `:...` starts the path (with
    // Node's DEP0170 warning).
    let nameEnd;
    if (hostPart.startsWith('[')) {
      const close = hostPart.indexOf(']');
      nameEnd = close === -1 ? hostPart.length : close + 1;
      if (!/^\[[0-9A-Fa-f:.]*\]?$/.test(hostPart.slice(0, nameEnd))) {
        const err = makeNodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
        err.input = url;
        throw err;
      }
    } else {
      nameEnd = hostPart.search(/[^A-Za-z0-9.\-_+\u0080-\uffff]/);
      if (nameEnd === -1) nameEnd = hostPart.length;
    }
    let hostname = hostPart.slice(0, nameEnd);
    let remainder = hostPart.slice(nameEnd);
    if (/^:[0-9]*$/.test(remainder)) {
      if (remainder !== ':') this.port = remainder.slice(1);
      remainder = '';
    } else if (remainder.startsWith(':')) {
      warnInvalidURL(url);
      remainder = `/${remainder}`;
    }
    rest = remainder + after;
    const ipv6 = hostname.startsWith('[') && hostname.endsWith(']');
    if (!ipv6) {
      hostname = hostname.toLowerCase();
      if (/[^\x00-\x7f]/.test(hostname)) hostname = require('url').domainToASCII(hostname) || hostname;
    }
    this.hostname = ipv6 ? hostname.slice(1, -1) : hostname;
    const port = this.port ? `:${this.port}` : '';
    this.host = `${ipv6 ? hostname : this.hostname}${port}`;
    if (ipv6 && rest !== '' && !'/?#'.includes(rest[0])) rest = `/${rest}`;
  }

  rest = escapeRest(rest);
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    this.hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const searchAt = rest.indexOf('?');
  if (searchAt !== -1) {
    this.search = rest.slice(searchAt);
    this.query = rest.slice(searchAt + 1);
    if (parseQueryString) this.query = parseQuery(this.query);
    rest = rest.slice(0, searchAt);
  } else if (parseQueryString) {
    this.search = null;
    this.query = Object.create(null);
  }
  if (rest !== '') this.pathname = rest;
  if (lowerProto && slashedProtocols.has(lowerProto) && this.hostname && !this.pathname) {
    this.pathname = '/';
  }
  if (this.pathname || this.search) this.path = `${this.pathname || ''}${this.search || ''}`;
  this.href = this.format();
  return this;
};

function parseQuery(text) {
  const out = Object.create(null);
  if (text === '') return out;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const decode = (s) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return s;
      }
    };
    const key = decode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decode(part.slice(eq + 1));
    if (Object.prototype.hasOwnProperty.call(out, key)) {
      out[key] = Array.isArray(out[key]) ? [...out[key], value] : [out[key], value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

function stringifyQuery(query) {
  const parts = [];
  for (const key of Object.keys(query)) {
    const values = Array.isArray(query[key]) ? query[key] : [query[key]];
    for (const v of values) {
      const text = typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? `${v}` : '';
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(text)}`);
    }
  }
  return parts.join('&');
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/i, ':')}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = stringifyQuery(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, (c) => encodeURIComponent(c));
  if (this.slashes || (slashedProtocols.has(protocol) && (host || protocol === 'file:'))) {
    host = `//${host}`;
    if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

Url.prototype.resolveObject = function resolveObject(relative) {
  const rel = typeof relative === 'string' ? urlParse(relative, false, true) : relative;
  const base = new URL(this.format() || 'x:/', 'http://x.invalid/');
  let resolved;
  try {
    resolved = new URL(rel.format(), this.protocol ? this.format() : `http://x.invalid${this.format().startsWith('/') ? '' : '/'}${this.format()}`);
  } catch {
    return rel;
  }
  void base;
  let text = resolved.href;
  if (!this.protocol && !rel.protocol) text = text.replace(/^http:\/\/x\.invalid/, '');
  return urlParse(text, false, true);
};

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const out = new Url();
  out.parse(url, parseQueryString, slashesDenoteHost);
  return out;
}

function urlFormat(object, options) {
  if (typeof object === 'string') object = urlParse(object);
  else if (object === null || typeof object !== 'object') {
    throw codes.ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], object);
  } else if (!(object instanceof Url)) {
    return Url.prototype.format.call(object, options);
  }
  return object.format();
}

module.exports = {
  Url,
  parse: urlParse,
  format: urlFormat,
  resolve: (source, relative) => urlParse(source, false, true).resolve(relative),
  resolveObject: (source, relative) => (source ? urlParse(source, false, true).resolveObject(relative) : relative),
};
