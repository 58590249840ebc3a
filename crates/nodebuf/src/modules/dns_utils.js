// What `dns` and `dns/promises` share (Node's internal/dns/utils): the error codes, the
// default result order, argument validation of lookup and the resolvers, the base of both
// Resolver classes (servers, timeout, tries, local address, cancel) and the native requests
// (modules/dns.rs) with the shaping of their results.
'use strict';

const { codes, dnsException, makeNodeError, validateString, validateArray, validateInteger, validateOneOf, validateBoolean, validateNumber } =
  require('internal/errors');
const { registerDns, unregisterDns } = require('internal/messaging');
const { startPerf } = require('internal/perf/observe');
const { isIP } = require('net');

const d = native.dns;

const ADDRCONFIG = 32;
const V4MAPPED = 8;
const ALL = 16;

// c-ares's error names as the module's constants, in Node's order.
const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

const UV_EINVAL = -22;
const IANA_DNS_PORT = 53;

// --- result order ------------------------------------------------------------------------

const validOrders = ['verbatim', 'ipv4first', 'ipv6first'];
let defaultResultOrder = native.process.flags.dnsResultOrder || 'verbatim';

function getDefaultResultOrder() {
  return defaultResultOrder;
}

function setDefaultResultOrder(value) {
  validateOneOf(value, 'dnsOrder', validOrders);
  defaultResultOrder = value;
}

// --- lookup --------------------------------------------------------------------------------

const validFamilies = [0, 4, 6];

/**
 * The lookup options as Node reads them (the family number, or an options object with
 * family, hints, all, verbatim, order); `callbackCheck` validates the callback where Node
 * does (between the family and the options).
 */
function lookupOptions(options, callbackCheck) {
  let family = 0;
  let hints = 0;
  let all = false;
  let order = defaultResultOrder;
  if (typeof options === 'number') {
    callbackCheck();
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    callbackCheck(true);
    throw codes.ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    callbackCheck();
    if (options?.hints != null) {
      validateNumber(options.hints, 'options.hints');
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options?.family != null) {
      if (options.family === 'IPv4') family = 4;
      else if (options.family === 'IPv6') family = 6;
      else {
        validateOneOf(options.family, 'options.family', validFamilies);
        family = options.family;
      }
    }
    if (options?.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options?.order != null) {
      validateOneOf(options.order, 'options.order', validOrders);
      order = options.order;
    }
  }
  return { family, hints, all, order };
}

function validateHints(hints) {
  if ((hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) throw codes.ERR_INVALID_ARG_VALUE('hints', hints);
}

let invalidHostnameWarned = false;

/** DEP0118, once: a falsy hostname is looked up as nothing at all. */
function warnInvalidHostname(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
    'DeprecationWarning', 'DEP0118');
}

/** The ASCII form of `name` that goes on the wire (non-ASCII labels as punycode). */
function toASCII(name) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(name)) return name;
  return require('url').domainToASCII(name) || name;
}

// The request objects of the binding (Node's GetAddrInfoReqWrap and friends): the dns
// modules hang the callback, hostname and `oncomplete` on them.
class GetAddrInfoReqWrap {}
class GetNameInfoReqWrap {}
class QueryReqWrap {}

/**
 * Node's `cares_wrap` binding, the part the dns modules call through (looked up at each call,
 * so Node's tests can replace a function through internalBinding('cares_wrap')). A request
 * answers through `req.oncomplete` from the event loop; the return value is a libuv error
 * number when the request could not start, else 0.
 */
const cares = {
  /** `req.oncomplete(err, addresses)`: the address strings in `order` (verbatim when
   * `verbatim`). */
  getaddrinfo(req, hostname, family, hints, verbatim, order = verbatim ? 'verbatim' : 'ipv4first') {
    const id = d.getaddrinfo(hostname, family, hints);
    registerDns(id, ([err, list]) => {
      if (err !== 0) return req.oncomplete(err);
      if (order === 'ipv4first') list = [...list.filter((a) => a[1] === 4), ...list.filter((a) => a[1] === 6)];
      else if (order === 'ipv6first') list = [...list.filter((a) => a[1] === 6), ...list.filter((a) => a[1] === 4)];
      req.oncomplete(null, list.map((a) => a[0]));
    });
    return 0;
  },
  /** `req.oncomplete(err, hostname, service)`. */
  getnameinfo(req, host, port) {
    const id = d.getnameinfo(host, port);
    registerDns(id, ([err, hostname, service]) => req.oncomplete(err || null, hostname, service));
    return 0;
  },
  GetAddrInfoReqWrap,
  GetNameInfoReqWrap,
  QueryReqWrap,
  AI_ADDRCONFIG: ADDRCONFIG,
  AI_ALL: ALL,
  AI_V4MAPPED: V4MAPPED,
};

/** Node's checks of lookupService's arguments; the port as a number. */
function lookupServiceArgs(address, port, callbackCheck) {
  if (isIP(address) === 0) throw codes.ERR_INVALID_ARG_VALUE('address', address);
  port = require('net')._validatePort(port);
  callbackCheck();
  return +port;
}

// --- resolvers -----------------------------------------------------------------------------

// The record type number each query binding asks for.
const queryTypes = {
  queryAny: 255,
  queryA: 1,
  queryAaaa: 28,
  queryCaa: 257,
  queryCname: 5,
  queryMx: 15,
  queryNs: 2,
  queryTxt: 16,
  querySrv: 33,
  queryPtr: 12,
  queryNaptr: 35,
  querySoa: 6,
  getHostByAddr: 12,
};

// resolve(hostname, rrtype): the binding for each record type name.
const resolveMap = {
  ANY: 'queryAny',
  A: 'queryA',
  AAAA: 'queryAaaa',
  CAA: 'queryCaa',
  CNAME: 'queryCname',
  MX: 'queryMx',
  NS: 'queryNs',
  TXT: 'queryTxt',
  SRV: 'querySrv',
  PTR: 'queryPtr',
  NAPTR: 'queryNaptr',
  SOA: 'querySoa',
};

/** One record (`[type, ...fields]` from dns.rs) as Node reports it, `withType` for ANY. */
function shapeRecord(rec, withType) {
  const [type] = rec;
  let out;
  switch (type) {
    case 'A':
    case 'AAAA':
      out = withType ? { address: rec[1], ttl: rec[2] } : rec[1];
      break;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      out = withType ? { value: rec[1] } : rec[1];
      break;
    case 'MX':
      out = { exchange: rec[1], priority: rec[2] };
      break;
    case 'TXT':
      out = withType ? { entries: rec[1] } : rec[1];
      break;
    case 'SRV':
      out = { name: rec[1], port: rec[2], priority: rec[3], weight: rec[4] };
      break;
    case 'SOA':
      out = { nsname: rec[1], hostmaster: rec[2], serial: rec[3], refresh: rec[4], retry: rec[5], expire: rec[6], minttl: rec[7] };
      break;
    case 'NAPTR':
      out = { flags: rec[1], service: rec[2], regexp: rec[3], replacement: rec[4], order: rec[5], preference: rec[6] };
      break;
    case 'CAA':
      out = { critical: rec[1] };
      out[rec[2]] = rec[3];
      break;
  }
  if (withType) out.type = type;
  return out;
}

// resolveAny lists the records grouped by type in this order, as Node parses an ANY reply one
// type after another.
const anyOrder = ['CNAME', 'A', 'AAAA', 'MX', 'NS', 'TXT', 'SRV', 'PTR', 'NAPTR', 'SOA', 'CAA'];

/** The result of `bindingName` for the records of a successful reply, and the addresses'
 * TTLs for A/AAAA queries (the binding's `oncomplete(err, result, ttls)`). */
function shapeResult(bindingName, records) {
  if (bindingName === 'queryAny') {
    const out = [];
    for (const type of anyOrder) {
      for (const rec of records) if (rec[0] === type) out.push(shapeRecord(rec, true));
    }
    return [out];
  }
  if (bindingName === 'querySoa') return [shapeRecord(records[0], false)];
  const result = records.map((rec) => shapeRecord(rec, false));
  if (bindingName === 'queryA' || bindingName === 'queryAaaa') return [result, records.map((rec) => rec[2])];
  return [result];
}

/** The PTR name of an IP address (in-addr.arpa / ip6.arpa), undefined when it is none. */
function reverseName(ip) {
  const family = isIP(ip);
  if (family === 4) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (family !== 6) return undefined;
  // Expand to 32 nibbles (an embedded IPv4 tail counts as two groups).
  let text = ip;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const hex = (a, b) => ((Number(a) << 8) | Number(b)).toString(16);
    text = `${text.slice(0, v4.index)}${hex(v4[1], v4[2])}:${hex(v4[3], v4[4])}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups = tail === undefined ? headGroups
    : [...headGroups, ...new Array(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  const nibbles = groups.map((g) => g.padStart(4, '0')).join('').split('');
  return `${nibbles.reverse().join('.')}.ip6.arpa`;
}

/** The names /etc/hosts gives `ip` after its first (c-ares answers reverse lookups there
 * first and reports the entry's aliases). */
function hostsAliases(ip) {
  let text;
  try {
    text = require('fs').readFileSync('/etc/hosts', 'latin1');
  } catch {
    return undefined;
  }
  const names = [];
  for (const line of text.split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    if (words.length < 2 || isIP(words[0]) === 0) continue;
    if (!sameAddress(words[0], ip)) continue;
    for (const name of words.slice(1)) if (!names.includes(name)) names.push(name);
  }
  return names.length > 0 ? names.slice(1) : undefined;
}

function sameAddress(a, b) {
  if (a === b) return true;
  return isIP(a) === 6 && isIP(b) === 6 && reverseName(a) === reverseName(b);
}

const kState = Symbol('kState');

/** Node's ChannelWrap, the resolver's native handle (shown as `ChannelWrap {}`): a c-ares
 * channel's servers, timeout, tries, local addresses and pending queries. */
class ChannelWrap {
  constructor(timeout, tries) {
    Object.defineProperty(this, kState, {
      value: {
        // [address, port] pairs, c-ares's server list.
        servers: d.systemServers(),
        timeout: timeout < 0 ? 2000 : timeout,
        tries,
        local4: undefined,
        local6: undefined,
        // Pending queries: native id -> the function taking their outcome.
        pending: new Map(),
      },
    });
  }

  getServers() {
    return this[kState].servers.map(([host, port]) => [host, port]);
  }

  /** 0, or c-ares's ENOTINITIALIZED-style refusal while queries are pending (as c-ares
   * refuses to change the servers under them). */
  setServers(list) {
    const state = this[kState];
    if (state.pending.size > 0) return 'There are pending queries.';
    state.servers = list;
    return 0;
  }

  cancel() {
    const state = this[kState];
    const pending = [...state.pending.entries()];
    state.pending.clear();
    for (const [id, done] of pending) {
      unregisterDns(id);
      // c-ares calls back at once; Node hands the result on from its immediate queue.
      setImmediate(() => done(['ECANCELLED']));
    }
  }

  setLocalAddress(ipv4, ipv6) {
    const state = this[kState];
    const first = isIP(ipv4);
    if (first === 0) throw localAddressError('Invalid IP address.');
    if (ipv6 !== undefined) {
      const second = isIP(ipv6);
      if (second === 0) throw localAddressError('Invalid IP address.');
      if (first === 6 && second === 6) throw localAddressError('Cannot specify two IPv6 addresses.');
      if (first === 4 && second === 4) throw localAddressError('Cannot specify two IPv4 addresses.');
    }
    state.local4 = undefined;
    state.local6 = undefined;
    for (const ip of [ipv4, ipv6]) {
      if (ip === undefined) continue;
      if (isIP(ip) === 4) state.local4 = ip;
      else state.local6 = ip;
    }
  }
}
Object.defineProperty(ChannelWrap.prototype, Symbol.toStringTag, { value: 'ChannelWrap', configurable: true });

/** Node's ResolverBase: the servers, timeout, tries and local address of one resolver. */
class ResolverBase {
  constructor(options = undefined) {
    const { timeout = -1, tries = 4 } = { ...options };
    validateInteger(timeout, 'options.timeout', -1, 2147483647);
    validateInteger(tries, 'options.tries', 1, 2147483647);
    this._handle = new ChannelWrap(timeout, tries);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return (this._handle.getServers() || []).map(([host, port]) => {
      if (!port || port === IANA_DNS_PORT) return host;
      return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const list = [];
    servers.forEach((serv, index) => {
      validateString(serv, `servers[${index}]`);
      let found;
      if (isIP(serv) !== 0) {
        found = [serv, IANA_DNS_PORT];
      } else {
        const bracketed = /^\[([^[\]]*)\]/.exec(serv);
        if (bracketed && isIP(bracketed[1]) !== 0) {
          const port = Number.parseInt(serv.replace(/(^.+?)(?::(\d+))?$/, '$2')) || IANA_DNS_PORT;
          found = [bracketed[1], port];
        } else {
          const split = /(^.+?)(?::(\d+))?$/.exec(serv);
          if (split && isIP(split[1]) !== 0) found = [split[1], Number.parseInt(split[2] || IANA_DNS_PORT)];
        }
      }
      if (found === undefined) throw codes.ERR_INVALID_IP_ADDRESS(serv);
      // c-ares keeps one entry per address and port.
      if (!list.some(([h, p]) => p === found[1] && sameAddress(h, found[0]))) list.push(found);
    });
    const failure = this._handle.setServers(list);
    if (failure !== 0) throw codes.ERR_DNS_SET_SERVERS_FAILED(failure, servers);
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    this._handle.setLocalAddress(ipv4, ipv6);
  }
}

/**
 * Starts `channel`'s query `bindingName` for `name`: `req.oncomplete(err, result, ttls)` from
 * the event loop (err a c-ares code name). Returns a libuv error number when the query cannot
 * start (a reverse lookup of no IP address), else 0.
 */
function startQuery(channel, bindingName, name, req) {
  const state = channel[kState];
  let qname = name;
  if (bindingName === 'getHostByAddr') {
    qname = reverseName(name);
    if (qname === undefined) return UV_EINVAL;
    const aliases = hostsAliases(name);
    if (aliases !== undefined) {
      setImmediate(() => req.oncomplete(null, aliases));
      return 0;
    }
  }
  const servers = state.servers.map(([host, port]) => (isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`));
  const id = d.query(servers, qname, queryTypes[bindingName], state.timeout, state.tries, state.local4, state.local6);
  const finish = ([err, records]) => {
    state.pending.delete(id);
    // c-ares's reverse lookup reports an empty answer as not found.
    if (err === 'ENODATA' && bindingName === 'getHostByAddr') err = 'ENOTFOUND';
    if (err !== null) return req.oncomplete(err);
    req.oncomplete(null, ...shapeResult(bindingName, records));
  };
  state.pending.set(id, finish);
  registerDns(id, finish);
  return 0;
}

cares.ChannelWrap = ChannelWrap;

// The channel's query calls, one per binding name, as Node's ChannelWrap has them.
for (const bindingName of Object.keys(queryTypes)) {
  Object.defineProperty(ChannelWrap.prototype, bindingName, {
    value: { [bindingName](req, name) { return startQuery(this, bindingName, name, req); } }[bindingName],
    writable: true,
    configurable: true,
  });
}

function localAddressError(message) {
  return makeNodeError(TypeError, 'ERR_INVALID_ARG_VALUE', message);
}

/** Validation of Resolver#resolve's rrtype: the binding name. */
function bindingForRrtype(rrtype) {
  const binding = resolveMap[rrtype];
  if (typeof binding === 'string') return binding;
  throw codes.ERR_INVALID_ARG_VALUE('rrtype', rrtype);
}

let defaultResolver;

/** The resolver the module-level functions start with (a Resolver of `dns`). */
function getDefaultResolver(Resolver) {
  if (defaultResolver === undefined) defaultResolver = new Resolver();
  return defaultResolver;
}

// The module-level resolver functions, in the modules' key order.
const resolverMethods = [
  'getServers', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname',
  'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt',
  'reverse',
];

/** Sets `target`'s resolver functions to `proto`'s methods bound to `resolver` (Node binds
 * them anew when setServers replaces the default resolver). */
function bindDefaultResolver(target, proto, resolver) {
  for (const name of resolverMethods) target[name] = proto[name].bind(resolver);
}

// Where a request keeps its perf_hooks entry (both modules' requests).
const kPerf = Symbol('kPerf');

// Sends the query `req` was made for (`req.bindingName` of `req.hostname`) on the resolver
// handle: Node's error for a refused send, else the request's perf_hooks entry starts.
function sendQuery(handle, req) {
  const { bindingName, hostname } = req;
  const err = handle[bindingName](req, toASCII(hostname));
  if (err) throw dnsException(err, bindingName, hostname);
  req[kPerf] = startPerf('dns', bindingName, { host: hostname, ttl: req.ttl });
}

// The resolver methods by their binding's query, in Node's order: both modules' Resolver
// prototypes get them, each made by the module's own `make(bindingName)` (callback or promise).
const resolveMethods = [
  ['resolveAny', 'queryAny'], ['resolve4', 'queryA'], ['resolve6', 'queryAaaa'],
  ['resolveCaa', 'queryCaa'], ['resolveCname', 'queryCname'], ['resolveMx', 'queryMx'],
  ['resolveNs', 'queryNs'], ['resolveTxt', 'queryTxt'], ['resolveSrv', 'querySrv'],
  ['resolvePtr', 'queryPtr'], ['resolveNaptr', 'queryNaptr'], ['resolveSoa', 'querySoa'],
  ['reverse', 'getHostByAddr'],
];
function defineResolveMethods(prototype, make) {
  for (const [name, bindingName] of resolveMethods) prototype[name] = make(bindingName);
}

module.exports = {
  defineResolveMethods,
  kPerf,
  sendQuery,
  ADDRCONFIG,
  V4MAPPED,
  ALL,
  errorCodes,
  dnsException,
  getDefaultResultOrder,
  setDefaultResultOrder,
  lookupOptions,
  warnInvalidHostname,
  cares,
  toASCII,
  lookupServiceArgs,
  resolveMap,
  bindingForRrtype,
  ResolverBase,
  getDefaultResolver,
  bindDefaultResolver,
  kState,
};
