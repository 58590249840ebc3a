// `URL`, `URLSearchParams` and the `url` module with Node v20's class shape: accessors on the
// prototype, a `searchParams` object live-linked to its URL, Node's inspect output and errors.
// Parsing and serialising are the `url` crate's (native.url, src/modules/url.rs).
'use strict';

const { codes, makeNodeError } = require('internal/errors');
const path = require('path');

const binding = native.url;
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const HREF = 0;
const ORIGIN = 1;
const PROTOCOL = 2;
const USERNAME = 3;
const PASSWORD = 4;
const HOST = 5;
const HOSTNAME = 6;
const PORT = 7;
const PATHNAME = 8;
const SEARCH = 9;
const HASH = 10;

// USVString conversion: lone surrogates become U+FFFD, as WebIDL converts (the engine's own
// `toWellFormed`, captured before any script ran).
const { StringPrototypeToWellFormed } = native.primordials;
function toUSV(value) {
  return StringPrototypeToWellFormed.call(`${value}`);
}

// Node 20's URL parser (ada, in C++) throws a plain TypeError carrying `code`, `input` and
// `base`, so it prints as `TypeError: Invalid URL` (no `[code]` in its name).
function invalidURL(input, base) {
  const err = new TypeError('Invalid URL');
  Error.captureStackTrace(err, invalidURL);
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

// Blobs registered by URL.createObjectURL, by id (`blob:nodedata:<id>`); the buffer module's
// resolveObjectURL reads them (the bootstrap connects it).
const objectURLs = new Map();

// A random version-4 UUID: object URL ids only need to be unique within the process.
function uuid() {
  const hex = [];
  for (let i = 0; i < 16; i++) hex.push(Math.floor(Math.random() * 256));
  hex[6] = (hex[6] & 0x0f) | 0x40;
  hex[8] = (hex[8] & 0x3f) | 0x80;
  const h = hex.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// The id of a `blob:nodedata:<id>` URL, or undefined.
function objectURLId(url) {
  let parsed;
  try {
    parsed = new URL(`${url}`);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'blob:') return undefined;
  const [base, id] = parsed.pathname.split(':');
  return base === 'nodedata' ? id : undefined;
}

// `buffer.resolveObjectURL(url)`: a new Blob over the data URL.createObjectURL registered (a
// fresh object each time, as Node's), or undefined.
function resolveObjectURL(url) {
  const id = objectURLId(url);
  const blob = id === undefined ? undefined : objectURLs.get(id);
  if (blob === undefined) return undefined;
  const { Blob } = require('buffer');
  return new Blob([blob], { type: blob.type });
}

const kList = Symbol('list');
const kOwner = Symbol('owner');
// The key Node's URL inspection shows its parsed record under (with `showHidden`).
const kContext = Symbol('context');

// A URL's state lives in private fields, as in Node, so no property (own or symbol-keyed)
// reveals it; these functions, defined inside the class, are the only ways in.
let isURL;
let partsOf;
let setParts;
let paramsOf;
let setParams;

// Node's URL keeps its state in a private field, so V8 reports a foreign receiver this way.
function checkURL(self) {
  if (!isURL(self)) throw new TypeError('Cannot read private member #context from an object whose class did not declare it');
}

// The value ada uses for a component a URL does not have.
const OMITTED = 4294967295;
// ada's scheme types, by protocol.
const schemeTypes = { 'http:': 0, 'https:': 2, 'ws:': 3, 'ftp:': 4, 'wss:': 5, 'file:': 6 };

// The parsed record Node shows as `[Symbol(context)]` under `showHidden`: offsets of each
// component inside `href` (ada's url_aggregator layout), the port as a number, the scheme type.
class URLContext {
  constructor(parts) {
    const href = parts[HREF];
    const protocolEnd = parts[PROTOCOL].length;
    let usernameEnd = protocolEnd;
    let hostStart = protocolEnd;
    let hostEnd = protocolEnd;
    let pathnameStart = protocolEnd;
    if (href.startsWith('//', protocolEnd)) {
      usernameEnd = protocolEnd + 2 + parts[USERNAME].length;
      hostStart = usernameEnd;
      if (parts[PASSWORD] !== '') hostStart += 1 + parts[PASSWORD].length;
      const credentials = parts[USERNAME] !== '' || parts[PASSWORD] !== '';
      hostEnd = hostStart + (credentials ? 1 : 0) + parts[HOSTNAME].length;
      pathnameStart = hostEnd + (parts[PORT] === '' ? 0 : 1 + parts[PORT].length);
    } else if (href.startsWith('/.//', protocolEnd)) {
      // A path that starts with `//` and no host is serialized behind `/.`.
      pathnameStart += 2;
    }
    const afterPath = pathnameStart + parts[PATHNAME].length;
    this.href = href;
    this.protocol_end = protocolEnd;
    this.username_end = usernameEnd;
    this.host_start = hostStart;
    this.host_end = hostEnd;
    this.pathname_start = pathnameStart;
    this.search_start = href[afterPath] === '?' ? afterPath : OMITTED;
    const hashAt = href.indexOf('#', afterPath);
    this.hash_start = hashAt === -1 ? OMITTED : hashAt;
    this.port = parts[PORT] === '' ? OMITTED : Number(parts[PORT]);
    this.scheme_type = schemeTypes[parts[PROTOCOL]] ?? 1;
  }

  get hasPort() {
    return this.port !== OMITTED;
  }

  get hasSearch() {
    return this.search_start !== OMITTED;
  }

  get hasHash() {
    return this.hash_start !== OMITTED;
  }
}

class URL {
  #context;
  #searchParams;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
    input = toUSV(input);
    if (base !== undefined) base = toUSV(base);
    const parts = binding.parse(input, base);
    if (parts === null) throw invalidURL(input, base);
    this.#context = parts;
  }

  static {
    isURL = (value) => value !== null && typeof value === 'object' && #context in value;
    partsOf = (url) => url.#context;
    setParts = (url, parts) => {
      url.#context = parts;
    };
    paramsOf = (url) => url.#searchParams;
    setParams = (url, params) => {
      url.#searchParams = params;
    };
  }

  toString() {
    checkURL(this);
    return partsOf(this)[HREF];
  }

  toJSON() {
    checkURL(this);
    return partsOf(this)[HREF];
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
    return binding.canParse(toUSV(input), base === undefined ? undefined : toUSV(base));
  }

  static createObjectURL(obj) {
    const { Blob } = require('buffer');
    if (!(obj instanceof Blob)) throw codes.ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = uuid();
    objectURLs.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw codes.ERR_MISSING_ARGS('url');
    const id = objectURLId(url);
    if (id !== undefined) objectURLs.delete(id);
  }

  [kInspect](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {};
    for (const name of ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
      'port', 'pathname', 'search', 'searchParams', 'hash']) obj[name] = this[name];
    if (options && options.showHidden) obj[kContext] = new URLContext(partsOf(this));
    const inner = inspect(obj, options);
    return `${this.constructor.name} ${inner}`;
  }
}

function setPart(self, field, value) {
  checkURL(self);
  const next = binding.set(partsOf(self)[HREF], field, toUSV(value));
  if (next === null) {
    if (field === 'href') {
      // The `href` setter's refusal is Node's JS error (`TypeError [ERR_INVALID_URL]`).
      const err = makeNodeError(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
      err.input = toUSV(value);
      throw err;
    }
    return;
  }
  setParts(self, next);
  if (paramsOf(self) !== undefined && (field === 'href' || field === 'search')) {
    paramsOf(self)[kList] = splitParams(next[SEARCH]);
  }
}

const accessors = [
  ['href', HREF, true], ['origin', ORIGIN, false], ['protocol', PROTOCOL, true],
  ['username', USERNAME, true], ['password', PASSWORD, true], ['host', HOST, true],
  ['hostname', HOSTNAME, true], ['port', PORT, true], ['pathname', PATHNAME, true],
  ['search', SEARCH, true],
];
// Accessors named as class accessors are (`get href`, `set href`).
function named(fn, name) {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}
const urlToJSON = URL.prototype.toJSON;
delete URL.prototype.toJSON;
for (const [name, index, writable] of accessors) {
  const get = named({ get() { checkURL(this); return partsOf(this)[index]; } }.get, `get ${name}`);
  const desc = { get, enumerable: true, configurable: true };
  if (writable) desc.set = named({ set(value) { setPart(this, name, value); } }.set, `set ${name}`);
  Object.defineProperty(URL.prototype, name, desc);
}
Object.defineProperty(URL.prototype, 'searchParams', {
  get: named({ get() {
    checkURL(this);
    if (paramsOf(this) === undefined) {
      const params = new URLSearchParams(partsOf(this)[SEARCH]);
      params[kOwner] = this;
      setParams(this, params);
    }
    return paramsOf(this);
  } }.get, 'get searchParams'),
  enumerable: true,
  configurable: true,
});
Object.defineProperty(URL.prototype, 'hash', {
  get: named({ get() { checkURL(this); return partsOf(this)[HASH]; } }.get, 'get hash'),
  set: named({ set(value) { setPart(this, 'hash', value); } }.set, 'set hash'),
  enumerable: true,
  configurable: true,
});
Object.defineProperty(URL.prototype, 'toJSON', { value: urlToJSON, writable: true, configurable: true });
for (const name of ['toString', 'toJSON']) {
  Object.defineProperty(URL.prototype, name, { enumerable: true });
}
Object.defineProperty(URL.prototype, Symbol.toStringTag, { value: 'URL', configurable: true });
Object.defineProperty(URL, 'canParse', { enumerable: true });
Object.defineProperty(URL, 'parse', { enumerable: true });
Object.defineProperty(URL, 'createObjectURL', { enumerable: true });
Object.defineProperty(URL, 'revokeObjectURL', { enumerable: true });

// --- URLSearchParams ----------------------------------------------------------------------

function splitParams(search) {
  const text = search.startsWith('?') ? search.slice(1) : search;
  return binding.parseParams(text);
}

function checkParams(self) {
  if (self === null || typeof self !== 'object' || !Object.prototype.hasOwnProperty.call(self, kList)) {
    throw codes.ERR_INVALID_THIS('URLSearchParams');
  }
}

// Writes the list back into the owning URL's query, as the standard's "update" steps do.
function update(params) {
  const owner = params[kOwner];
  if (owner === undefined) return;
  const query = binding.serializeParams(params[kList]);
  const next = binding.set(partsOf(owner)[HREF], 'search', query === '' ? '' : `?${query}`);
  if (next !== null) {
    if (query === '') next[SEARCH] = '';
    setParts(owner, next);
  }
}

class URLSearchParams {
  constructor(init = undefined) {
    Object.defineProperty(this, kList, { value: [], writable: true });
    Object.defineProperty(this, kOwner, { value: undefined, writable: true });
    if (init === undefined || init === null) return;
    if (typeof init === 'object' || typeof init === 'function') {
      const iterator = init[Symbol.iterator];
      if (iterator !== undefined && iterator !== null) {
        if (typeof iterator !== 'function') throw codes.ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') || pair === null ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const items = [...pair];
          if (items.length !== 2) throw codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          this[kList].push(toUSV(items[0]), toUSV(items[1]));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc !== undefined && desc.enumerable) this[kList].push(toUSV(key), toUSV(init[key]));
        }
      }
      return;
    }
    this[kList] = splitParams(toUSV(init));
  }

  get size() {
    checkParams(this);
    return this[kList].length / 2;
  }

  append(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('name', 'value');
    this[kList].push(toUSV(name), toUSV(value));
    update(this);
  }

  delete(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
    name = toUSV(name);
    const list = this[kList];
    const match = value === undefined ? undefined : toUSV(value);
    for (let i = 0; i < list.length;) {
      if (list[i] === name && (match === undefined || list[i + 1] === match)) list.splice(i, 2);
      else i += 2;
    }
    update(this);
  }

  get(name) {
    checkParams(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
    name = toUSV(name);
    const list = this[kList];
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
    return null;
  }

  getAll(name) {
    checkParams(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
    name = toUSV(name);
    const out = [];
    const list = this[kList];
    for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push(list[i + 1]);
    return out;
  }

  has(name, value = undefined) {
    checkParams(this);
    if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('name');
    name = toUSV(name);
    const match = value === undefined ? undefined : toUSV(value);
    const list = this[kList];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (match === undefined || list[i + 1] === match)) return true;
    }
    return false;
  }

  set(name, value) {
    checkParams(this);
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS('name', 'value');
    name = toUSV(name);
    value = toUSV(value);
    const list = this[kList];
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    update(this);
  }

  sort() {
    checkParams(this);
    const list = this[kList];
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    // A stable sort by UTF-16 code units of the names.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this[kList] = pairs.flat();
    update(this);
  }

  entries() {
    checkParams(this);
    return makeIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    checkParams(this);
    if (typeof callback !== 'function') throw codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    let list = this[kList];
    for (let i = 0; i < list.length; i += 2) {
      callback.call(thisArg, list[i + 1], list[i], this);
      list = this[kList];
    }
  }

  keys() {
    checkParams(this);
    return makeIterator(this, 'key');
  }

  values() {
    checkParams(this);
    return makeIterator(this, 'value');
  }

  toString() {
    checkParams(this);
    return binding.serializeParams(this[kList]);
  }

  [kInspect](depth, options, inspect) {
    checkParams(this);
    if (typeof depth === 'number' && depth < 0) return '[Object]';
    const list = this[kList];
    const parts = [];
    for (let i = 0; i < list.length; i += 2) {
      parts.push(`${inspect(list[i], options)} => ${inspect(list[i + 1], options)}`);
    }
    const name = this.constructor.name;
    if (parts.length === 0) return `${name} {}`;
    const oneLine = `${name} { ${parts.join(', ')} }`;
    const width = options && typeof options.breakLength === 'number' ? options.breakLength : 80;
    if (oneLine.length <= width) return oneLine;
    return `${name} {\n  ${parts.join(',\n  ')} }`;
  }
}
URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { enumerable: false });
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, { value: 'URLSearchParams', configurable: true });
for (const name of ['append', 'delete', 'get', 'getAll', 'has', 'set', 'sort', 'entries', 'forEach',
  'keys', 'values', 'toString', 'size']) {
  Object.defineProperty(URLSearchParams.prototype, name, { enumerable: true });
}

const kIterTarget = Symbol('target');
const URLSearchParamsIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
  next: {
    value: function next() {
      const state = this !== null && typeof this === 'object' ? this[kIterTarget] : undefined;
      if (state === undefined) throw codes.ERR_INVALID_THIS('URLSearchParamsIterator');
      const list = state.params[kList];
      if (state.index >= list.length) return { value: undefined, done: true };
      const i = state.index;
      state.index += 2;
      if (state.kind === 'key') return { value: list[i], done: false };
      if (state.kind === 'value') return { value: list[i + 1], done: false };
      return { value: [list[i], list[i + 1]], done: false };
    },
    writable: true, configurable: true, enumerable: true,
  },
  [Symbol.toStringTag]: { value: 'URLSearchParams Iterator', configurable: true },
  // `URLSearchParams Iterator { 'a', 'b' }`: the items still to come.
  [kInspect]: {
    value: function inspectIterator(depth, options, inspect) {
      const state = this[kIterTarget];
      if (state === undefined) throw codes.ERR_INVALID_THIS('URLSearchParamsIterator');
      if (typeof depth === 'number' && depth < 0) return '[Object]';
      const list = state.params[kList];
      const items = [];
      for (let i = state.index; i < list.length; i += 2) {
        if (state.kind === 'key') items.push(list[i]);
        else if (state.kind === 'value') items.push(list[i + 1]);
        else items.push([list[i], list[i + 1]]);
      }
      const parts = items.map((item) => inspect(item, { ...options, depth: typeof depth === 'number' ? depth - 1 : null }));
      const name = 'URLSearchParams Iterator';
      if (parts.length === 0) return `${name} {  }`;
      const oneLine = `${name} { ${parts.join(', ')} }`;
      const width = options && typeof options.breakLength === 'number' ? options.breakLength : 80;
      if (oneLine.length <= width) return oneLine;
      return `${name} {\n  ${parts.join(',\n  ')} }`;
    },
    writable: true, configurable: true, enumerable: false,
  },
});

function makeIterator(params, kind) {
  const it = Object.create(URLSearchParamsIteratorPrototype);
  Object.defineProperty(it, kIterTarget, { value: { params, kind, index: 0 } });
  return it;
}

// --- file URLs ----------------------------------------------------------------------------

function fileURLToPath(input) {
  let url = input;
  if (typeof input === 'string') url = new URL(input);
  else if (!isURL(input)) throw codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], input);
  if (url.protocol !== 'file:') throw codes.ERR_INVALID_URL_SCHEME('file');
  if (url.hostname !== '' && url.hostname !== 'localhost') {
    throw makeNodeError(TypeError, 'ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on linux');
  }
  const pathname = url.pathname;
  for (let i = 0; i + 2 < pathname.length; i++) {
    if (pathname[i] === '%' && pathname[i + 1] === '2' && (pathname[i + 2] === 'f' || pathname[i + 2] === 'F')) {
      throw makeNodeError(TypeError, 'ERR_INVALID_FILE_URL_PATH', 'File URL path must not include encoded / characters');
    }
  }
  return decodeURIComponent(pathname);
}

// Characters pathToFileURL escapes before the URL parser sees the path (the parser itself
// percent-encodes the rest of the path percent-encode set).
const fileEscapes = { '%': '%25', '\\': '%5C', '\n': '%0A', '\r': '%0D', '\t': '%09', '#': '%23', '?': '%3F' };

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') throw codes.ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  let resolved = path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  let escaped = '';
  for (const ch of resolved) escaped += fileEscapes[ch] || ch;
  return new URL(`file://${escaped}`);
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('domain');
  return binding.domainToASCII(`${domain}`);
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw codes.ERR_MISSING_ARGS('domain');
  return binding.domainToUnicode(`${domain}`);
}

// `url.format(URL, options)`: the WHATWG serialisation minus the parts the options turn off.
function formatURL(url, options) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const opts = { auth: true, fragment: true, search: true, unicode: false, ...options };
  let out = url.protocol;
  const hasHost = url.host !== '' || url.protocol === 'file:';
  if (hasHost || url.href.startsWith(`${url.protocol}//`)) out += '//';
  if (opts.auth && (url.username !== '' || url.password !== '')) {
    out += url.username;
    if (url.password !== '') out += `:${url.password}`;
    out += '@';
  }
  out += opts.unicode ? domainToUnicode(url.hostname) : url.hostname;
  if (url.port !== '') out += `:${url.port}`;
  out += url.pathname;
  if (opts.search) out += url.search;
  if (opts.fragment) out += url.hash;
  return out;
}

const legacy = require('internal/url_legacy');

function format(urlObject, options) {
  if (isURL(urlObject)) return formatURL(urlObject, options);
  return legacy.format(urlObject, options);
}

module.exports = {
  Url: legacy.Url,
  parse: legacy.parse,
  resolve: legacy.resolve,
  resolveObject: legacy.resolveObject,
  format,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
Object.defineProperty(module.exports, '_isURL', { value: isURL, enumerable: false });
Object.defineProperty(module.exports, '_resolveObjectURL', { value: resolveObjectURL, enumerable: false });
