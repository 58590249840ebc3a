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
// A hostname longer than this parses as empty.
const hostnameMaxLength = 255;
// Characters a hostname may not hold once Node's IDNA step has run (it refuses the URL then).
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
// The same for a bracketed IPv6 hostname, whose brackets and colons are its own.
const forbiddenIpv6HostChars = /[\0\t\n\r #%/<>?@\\^|]/;
// Node's IDNA `toASCII` (UTS 46 mapping and Punycode, no WHATWG host checks); '' when it fails.
const legacyToASCII = native.url.legacyToASCII;
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

// The path, search and query fields from a path and its `?...` part (undefined: none).
function setPathAndQuery(url, path, search, parseQueryString) {
  if (search !== undefined) {
    url.search = search;
    url.query = search.slice(1);
    if (parseQueryString) url.query = parseQuery(url.query);
  } else if (parseQueryString) {
    url.search = null;
    url.query = Object.create(null);
  }
  if (path !== '') url.pathname = path;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') throw codes.ERR_INVALID_ARG_TYPE('url', 'string', url);
  // Node trims C0 controls, spaces, NBSP and BOMs from both ends (not all of String#trim's set).
  let rest = url.replace(/^[\x00-\x20\xa0\ufeff]+|[\x00-\x20\xa0\ufeff]+$/g, '');
  // Backslashes before the query count as slashes.
  const queryAt = rest.search(/[?#]/);
  const head = queryAt === -1 ? rest : rest.slice(0, queryAt);
  rest = head.replace(/\\/g, '/') + (queryAt === -1 ? '' : rest.slice(queryAt));

  // A plain path (one or two leading slashes, no whitespace, no `#`, no `@` before the query)
  // is taken as it is: no host, nothing escaped. Node's fast path for request URLs (`/a'b?c`).
  if (!slashesDenoteHost && !rest.includes('#') && !head.includes('@')) {
    const simple = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/.exec(rest);
    if (simple !== null) {
      setPathAndQuery(this, simple[1], simple[2], parseQueryString);
      this.path = rest;
      this.href = rest;
      return this;
    }
  }

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
      // Node tests the scheme as written here, so `HTTP:host` (unlike `http:host`) gets a host.
      (this.slashes || (protoMatch && !slashedProtocols.has(protoMatch[0])))) {
    let hostEnd = rest.search(/[/?#]/);
    if (hostEnd === -1) hostEnd = rest.length;
    // Tabs and line breaks inside the authority are dropped (elsewhere they are escaped).
    const authority = rest.slice(0, hostEnd);
    if (/[\t\n\r]/.test(authority)) {
      rest = authority.replace(/[\t\n\r]/g, '') + rest.slice(hostEnd);
      hostEnd = rest.search(/[/?#]/);
      if (hostEnd === -1) hostEnd = rest.length;
    }
    const at = rest.lastIndexOf('@', hostEnd);
    if (at !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
    // The host (and its port) also stops at characters a host never holds, so `h:80%2e` is
    // host `h:80` and path `%2e`.
    hostEnd = rest.search(/[/?#\t\n\r "%';<>\\^`{|}]/);
    if (hostEnd === -1) hostEnd = rest.length;
    const hostPart = rest.slice(0, hostEnd);
    const after = rest.slice(hostEnd);
    // A trailing `:digits` is the port. What is left is the hostname: an IPv6 literal when it is
    // bracketed, otherwise it stops at the first `/`, `\\`, `#`, `?` or `:` and the rest
    // starts the path (a `:` there draws Node's DEP0170 warning).
    let hostname = hostPart;
    const portMatch = /:[0-9]*$/.exec(hostname);
    if (portMatch !== null) {
      if (portMatch[0] !== ':') this.port = portMatch[0].slice(1);
      hostname = hostname.slice(0, hostname.length - portMatch[0].length);
    }
    let pathStart = '';
    const ipv6 = hostname.length > 1 && hostname[0] === '[' && hostname[hostname.length - 1] === ']';
    if (!ipv6) {
      const cut = hostname.search(/[/\\#?:]/);
      if (cut !== -1) {
        if (hostname[cut] === ':') warnInvalidURL(url);
        pathStart = `/${hostname.slice(cut)}`;
        hostname = hostname.slice(0, cut);
      }
    }
    rest = pathStart + after;
    hostname = hostname.length > hostnameMaxLength ? '' : hostname.toLowerCase();
    if (hostname !== '') {
      // Node's IDNA step (UTS 46 without the WHATWG host checks) may turn a name into one a
      // host cannot be; such a URL is refused rather than reinterpreted.
      const forbidden = ipv6 ? forbiddenIpv6HostChars : forbiddenHostChars;
      if (!ipv6) hostname = legacyToASCII(hostname);
      if (hostname === '' || forbidden.test(hostname)) {
        const err = makeNodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
        err.input = url;
        throw err;
      }
    }
    this.hostname = ipv6 ? hostname.slice(1, -1) : hostname;
    const port = this.port ? `:${this.port}` : '';
    this.host = `${hostname}${port}`;
    // After an IPv6 literal the path always starts with `/`, even before a bare `?` or `#`.
    if (ipv6 && rest[0] !== '/') rest = `/${rest}`;
  }

  // `javascript:` URLs keep their text unescaped (Node treats the scheme as unsafe to touch).
  if (!(lowerProto && hostlessProtocols.has(lowerProto))) rest = escapeRest(rest);
  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    this.hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const searchAt = rest.indexOf('?');
  setPathAndQuery(this, searchAt === -1 ? rest : rest.slice(0, searchAt),
    searchAt === -1 ? undefined : rest.slice(searchAt), parseQueryString);
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
    const bracketed = this.hostname[0] === '[' && this.hostname[this.hostname.length - 1] === ']';
    host = auth + (this.hostname.includes(':') && !bracketed ? `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }
  if (this.query !== null && typeof this.query === 'object') query = stringifyQuery(this.query);
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, (c) => encodeURIComponent(c));
  if (this.slashes || (slashedProtocols.has(protocol) && host)) {
    host = `//${host}`;
    if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
  } else if (protocol === 'file:') {
    // A host-less `file:` still gets `//`, but a relative pathname stays as it is.
    host = '//';
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

// Legacy resolution (`url.resolve`, `url.resolveObject`): RFC 3986-style merging done on the
// legacy `Url` fields, with Node's quirks kept: relative bases stay relative (leading `..`
// survive), non-slashed schemes (`mailto:`) carry their "host" inside the path, and a `to`
// with its own different scheme replaces the base outright unless that scheme is slashed.
Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') relative = urlParse(relative, false, true);
  const result = new Url();
  for (const key of Object.keys(this)) result[key] = this[key];
  const done = () => {
    result.href = result.format();
    return result;
  };
  result.hash = relative.hash;
  if (relative.href === '') return done();

  // Protocol-relative `to` (`//host/path`): everything but the scheme comes from `to`.
  if (relative.slashes && !relative.protocol) {
    for (const key of Object.keys(relative)) if (key !== 'protocol') result[key] = relative[key];
    if (slashedProtocols.has(result.protocol) && result.hostname && !result.pathname) {
      result.pathname = '/';
      result.path = '/';
    }
    return done();
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // A different non-slashed scheme: `to` stands alone.
    if (!slashedProtocols.has(relative.protocol)) {
      for (const key of Object.keys(relative)) result[key] = relative[key];
      return done();
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) && !hostlessProtocols.has(relative.protocol)) {
      // `http:path` without slashes: the first non-empty path segment becomes the host.
      const segments = (relative.pathname || '').split('/');
      while (segments.length && !(relative.host = segments.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (segments[0] !== '') segments.unshift('');
      if (segments.length < 2) segments.unshift('');
      result.pathname = segments.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) result.path = `${result.pathname || ''}${result.search || ''}`;
    result.slashes = result.slashes || relative.slashes;
    return done();
  }

  const baseRooted = Boolean(result.pathname && result.pathname[0] === '/');
  const toRooted = Boolean(relative.host || (relative.pathname && relative.pathname[0] === '/'));
  let mustEndAbs = Boolean(toRooted || baseRooted || (result.host && relative.pathname));
  const removeAllDots = mustEndAbs;
  let segments = (result.pathname && result.pathname.split('/')) || [];
  const toSegments = (relative.pathname && relative.pathname.split('/')) || [];
  // Schemes without `//` (mailto:, urn:...) keep what parsed as their host in the path.
  const hostInPath = Boolean(result.protocol && !slashedProtocols.has(result.protocol));
  if (hostInPath) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (segments[0] === '') segments[0] = result.host;
      else segments.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      // `to` names the scheme again: the base's credentials do not carry over.
      result.auth = null;
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (toSegments[0] === '') toSegments[0] = relative.host;
        else toSegments.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (toSegments[0] === '' || segments[0] === '');
  }
  const takeHostFromPath = (whenEmpty) => {
    const first = segments.length ? segments.shift() : whenEmpty;
    result.hostname = first;
    result.host = first;
    // `user@host` in the path's first segment splits back into auth and host.
    if (result.host && result.host.indexOf('@') > 0) {
      const parts = result.host.split('@');
      result.auth = parts.shift();
      result.host = parts.shift();
      result.hostname = result.host;
    }
  };

  if (toRooted) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    segments = toSegments;
  } else if (toSegments.length) {
    // Merge: drop the base's last segment, append `to`'s.
    segments.pop();
    segments = segments.concat(toSegments);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Query-only `to`: base path kept, query replaced.
    if (hostInPath) takeHostFromPath(undefined);
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = `${result.pathname || ''}${result.search || ''}`;
    }
    return done();
  }

  if (!segments.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    return done();
  }

  let last = segments[segments.length - 1];
  const trailingSlash = ((result.host || relative.host || segments.length > 1) &&
    (last === '.' || last === '..')) || last === '';
  // Remove `.` and fold `..` into the segment before it; count the ones left over.
  let up = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    last = segments[i];
    if (last === '.') {
      segments.splice(i, 1);
    } else if (last === '..') {
      segments.splice(i, 1);
      up++;
    } else if (up) {
      segments.splice(i, 1);
      up--;
    }
  }
  // A relative result keeps the `..` that climbed past its start; an absolute one drops them.
  if (!mustEndAbs && !removeAllDots) {
    for (; up > 0; up--) segments.unshift('..');
  }
  if (mustEndAbs && segments[0] !== '' && (!segments[0] || segments[0][0] !== '/')) segments.unshift('');
  if (trailingSlash && !segments.join('/').endsWith('/')) segments.push('');
  const isAbsolute = segments[0] === '' || Boolean(segments[0] && segments[0][0] === '/');
  if (hostInPath) {
    if (isAbsolute) {
      result.hostname = '';
      result.host = '';
    } else {
      takeHostFromPath('');
    }
  }
  mustEndAbs = mustEndAbs || Boolean(result.host && segments.length);
  if (mustEndAbs && !isAbsolute) segments.unshift('');
  if (segments.length > 0) {
    result.pathname = segments.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null) {
    result.path = `${result.pathname || ''}${result.search || ''}`;
  }
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return done();
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
  resolve: function resolve(source, relative) {
    return urlParse(source, false, true).resolve(relative);
  },
  resolveObject: function resolveObject(source, relative) {
    return source ? urlParse(source, false, true).resolveObject(relative) : relative;
  },
};
