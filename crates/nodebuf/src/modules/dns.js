// `dns`: name resolution as Node v20 has it. `lookup`/`lookupService` ask the system resolver
// (getaddrinfo/getnameinfo on a thread, modules/dns.rs); `Resolver` and the module's resolve*
// functions (bound to a default resolver) query DNS servers directly, as c-ares does for Node.
// Results come back through the event loop; the argument checks and errors are Node's.
'use strict';

const { validateFunction, validateString, codes } = require('internal/errors');
const { isIP } = require('net');
const utils = require('internal/dns/utils');

const { dnsException, ResolverBase } = utils;
const { startPerf, stopPerf } = require('internal/perf/observe');

// Where a request keeps its perf_hooks timing while a 'dns' observer exists.
const { kPerf } = utils;

function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { family, hints, all, order } = utils.lookupOptions(options, (typeError) => {
    validateFunction(typeError && arguments.length === 2 ? options : callback, 'callback');
  });
  if (!hostname) {
    utils.warnInvalidHostname(hostname);
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return {};
  }
  const matched = isIP(hostname);
  if (matched) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: matched }]);
    else process.nextTick(callback, null, hostname, matched);
    return {};
  }
  const req = new utils.cares.GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = all ? onlookupall : onlookup;
  const err = utils.cares.getaddrinfo(req, utils.toASCII(hostname), family, hints, order === 'verbatim', order);
  if (err) {
    process.nextTick(callback, dnsException(err, 'getaddrinfo', hostname));
    return {};
  }
  req[kPerf] = startPerf('dns', 'lookup', { hostname, family, hints, verbatim: order === 'verbatim', order });
  return req;
}

function onlookup(err, addresses) {
  if (err) return this.callback(dnsException(err, 'getaddrinfo', this.hostname));
  this.callback(null, addresses[0], this.family || isIP(addresses[0]));
  stopPerf(this[kPerf], { addresses });
}

function onlookupall(err, addresses) {
  if (err) return this.callback(dnsException(err, 'getaddrinfo', this.hostname));
  const family = this.family;
  this.callback(null, addresses.map((address) => ({ address, family: family || isIP(address) })));
  stopPerf(this[kPerf], { addresses });
}
Object.defineProperty(lookup, require('internal/errors').kCustomPromisifyArgs, {
  value: ['address', 'family'],
});

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw codes.ERR_MISSING_ARGS('address', 'port', 'callback');
  port = utils.lookupServiceArgs(address, port, () => validateFunction(callback, 'callback'));
  const req = new utils.cares.GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = port;
  req.oncomplete = onlookupservice;
  const err = utils.cares.getnameinfo(req, address, port);
  if (err) throw dnsException(err, 'getnameinfo', address);
  req[kPerf] = startPerf('dns', 'lookupService', { host: address, port });
  return req;
}

function onlookupservice(err, hostname, service) {
  if (err) return this.callback(dnsException(err, 'getnameinfo', this.hostname));
  this.callback(null, hostname, service);
  stopPerf(this[kPerf], { hostname, service });
}

Object.defineProperty(lookupService, require('internal/errors').kCustomPromisifyArgs, {
  value: ['hostname', 'service'],
});

function onresolve(err, result, ttls) {
  if (ttls && this.ttl) result = result.map((address, index) => ({ address, ttl: ttls[index] }));
  if (err) {
    this.callback(dnsException(err, this.bindingName, this.hostname));
    return;
  }
  this.callback(null, result);
  stopPerf(this[kPerf], { result });
}

/** The callback query method for `bindingName` (named after it, as Node's are). */
function resolver(bindingName) {
  function query(name, callback) {
    let options;
    if (arguments.length > 2) {
      options = callback;
      callback = arguments[2];
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const req = new utils.cares.QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback;
    req.hostname = name;
    req.oncomplete = onresolve;
    req.ttl = !!(options && options.ttl);
    utils.sendQuery(this._handle, req);
    return req;
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
Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let binding;
  if (typeof rrtype === 'string') {
    binding = utils.resolveMap[rrtype];
  } else if (typeof rrtype === 'function') {
    binding = 'queryA';
    callback = rrtype;
  } else {
    throw codes.ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  if (typeof binding !== 'string') throw codes.ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  return Resolver.prototype[bindingMethod[binding]].call(this, hostname, callback);
};

// resolve(hostname, rrtype): the prototype method behind each binding.
const bindingMethod = {
  queryAny: 'resolveAny', queryA: 'resolve4', queryAaaa: 'resolve6', queryCaa: 'resolveCaa',
  queryCname: 'resolveCname', queryMx: 'resolveMx', queryNs: 'resolveNs', queryTxt: 'resolveTxt',
  querySrv: 'resolveSrv', queryPtr: 'resolvePtr', queryNaptr: 'resolveNaptr', querySoa: 'resolveSoa',
};

// dns.setServers replaces the default resolver and binds the module's functions (and those
// of dns.promises once that getter was read, as in Node) to the new one.
function defaultResolverSetServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  utils.bindDefaultResolver(module.exports, Resolver.prototype, resolver);
  if (promises !== undefined) utils.bindDefaultResolver(promises, promises.Resolver.prototype, resolver);
}

let promises;

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder: utils.getDefaultResultOrder,
  setDefaultResultOrder: utils.setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  ADDRCONFIG: utils.ADDRCONFIG,
  ALL: utils.ALL,
  V4MAPPED: utils.V4MAPPED,
  ...utils.errorCodes,
};
utils.bindDefaultResolver(module.exports, Resolver.prototype, utils.getDefaultResolver(Resolver));

Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    if (promises === undefined) promises = require('dns/promises');
    return promises;
  },
});
