// `dns/promises` (also `dns.promises`): the resolver and lookup functions of `dns` returning
// promises. Shares the default resolver, the result order and the checks with `dns`
// (internal/dns/utils); argument errors are thrown, not rejected, as in Node.
'use strict';

const { validateString, codes } = require('internal/errors');
const { isIP } = require('net');
const utils = require('internal/dns/utils');

const { dnsException, ResolverBase } = utils;
const { startPerf, stopPerf } = require('internal/perf/observe');

// Where a request keeps its perf_hooks timing while a 'dns' observer exists.
const { kPerf } = utils;

function lookup(hostname, options) {
  if (hostname) validateString(hostname, 'hostname');
  const { family, hints, all, order } = utils.lookupOptions(options, () => {});
  if (!hostname) {
    utils.warnInvalidHostname(hostname);
    return Promise.resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
  }
  const matched = isIP(hostname);
  if (matched !== 0) {
    const entry = { address: hostname, family: matched };
    return Promise.resolve(all ? [entry] : entry);
  }
  return new Promise((resolve, reject) => {
    const req = new utils.cares.GetAddrInfoReqWrap();
    req.family = family;
    req.hostname = hostname;
    req.oncomplete = all ? onlookupall : onlookup;
    req.resolve = resolve;
    req.reject = reject;
    const err = utils.cares.getaddrinfo(req, utils.toASCII(hostname), family, hints, order === 'verbatim', order);
    if (err) reject(dnsException(err, 'getaddrinfo', hostname));
    else req[kPerf] = startPerf('dns', 'lookup', { hostname, family, hints, verbatim: order === 'verbatim', order });
  });
}

function onlookup(err, addresses) {
  if (err) {
    this.reject(dnsException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family || isIP(addresses[0]);
  this.resolve({ address: addresses[0], family });
  stopPerf(this[kPerf], { addresses });
}

function onlookupall(err, addresses) {
  if (err) {
    this.reject(dnsException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  this.resolve(addresses.map((address) => ({ address, family: family || isIP(address) })));
  stopPerf(this[kPerf], { addresses });
}

function lookupService(address, port) {
  if (arguments.length !== 2) throw codes.ERR_MISSING_ARGS('address', 'port');
  port = utils.lookupServiceArgs(address, port, () => {});
  return new Promise((resolve, reject) => {
    const req = new utils.cares.GetNameInfoReqWrap();
    req.hostname = address;
    req.port = port;
    req.oncomplete = onlookupservice;
    req.resolve = resolve;
    req.reject = reject;
    const err = utils.cares.getnameinfo(req, address, port);
    if (err) reject(dnsException(err, 'getnameinfo', address));
    else req[kPerf] = startPerf('dns', 'lookupService', { host: address, port });
  });
}

function onlookupservice(err, hostname, service) {
  if (err) {
    this.reject(dnsException(err, 'getnameinfo', this.hostname));
    return;
  }
  this.resolve({ hostname, service });
  stopPerf(this[kPerf], { hostname, service });
}

function onresolve(err, result, ttls) {
  if (err) {
    this.reject(dnsException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls && this.ttl) result = result.map((address, index) => ({ address, ttl: ttls[index] }));
  this.resolve(result);
  stopPerf(this[kPerf], { result });
}

/** The promise query method for `bindingName` (named after it, as Node's are). */
function resolver(bindingName) {
  function query(name, options) {
    validateString(name, 'name');
    const ttl = !!(options && options.ttl);
    return new Promise((resolve, reject) => {
      const req = new utils.cares.QueryReqWrap();
      req.bindingName = bindingName;
      req.hostname = name;
      req.oncomplete = onresolve;
      req.resolve = resolve;
      req.reject = reject;
      req.ttl = ttl;
      utils.sendQuery(this._handle, req);
    });
  }
  Object.defineProperty(query, 'name', { value: bindingName });
  return query;
}

class Resolver extends ResolverBase {
  constructor(options = undefined) {
    super(options);
  }
}

utils.defineResolveMethods(Resolver.prototype, resolver);
Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let method;
  if (rrtype !== undefined) {
    validateString(rrtype, 'rrtype');
    method = methodFor[rrtype];
    if (method === undefined) throw codes.ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else {
    method = 'resolve4';
  }
  return Resolver.prototype[method].call(this, hostname);
};

const methodFor = {
  ANY: 'resolveAny', A: 'resolve4', AAAA: 'resolve6', CAA: 'resolveCaa', CNAME: 'resolveCname',
  MX: 'resolveMx', NS: 'resolveNs', TXT: 'resolveTxt', SRV: 'resolveSrv', PTR: 'resolvePtr',
  NAPTR: 'resolveNaptr', SOA: 'resolveSoa',
};

// Replaces the default resolver of this module's functions only (`dns`'s stay as they are).
function defaultResolverSetServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  utils.bindDefaultResolver(module.exports, Resolver.prototype, resolver);
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: utils.getDefaultResultOrder,
  setDefaultResultOrder: utils.setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ...utils.errorCodes,
};
// The default resolver starts as the one `dns` has.
utils.bindDefaultResolver(module.exports, Resolver.prototype, utils.getDefaultResolver(require('dns').Resolver));
