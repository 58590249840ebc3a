// `net.BlockList` (internal/blocklist): address, range and subnet rules, checked newest first,
// with Node's comparison rules across families: an IPv4 address equals its IPv4-mapped IPv6
// form (`::ffff:a.b.c.d`) and is not comparable with any other IPv6 address; an IPv4 address
// in an IPv6 subnet is matched as its mapped form, an IPv6 address in an IPv4 subnet only when
// it is mapped.
'use strict';

const { codes, validateString, validateInteger } = require('internal/errors');
const { SocketAddress, kHandle: kAddress, formatAddress } = require('internal/socketaddress');

const kHandle = Symbol('kHandle');
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const LESS = -1;
const SAME = 0;
const GREATER = 1;
const NOT_COMPARABLE = 2;

function isMapped(bytes) {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

function compareBytes(a, b) {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? LESS : GREATER;
  }
  return SAME;
}

// Compares two addresses ({ bytes, family }) as Node's SocketAddress::compare does.
function compare(a, b) {
  if (a.family === b.family) return compareBytes(a.bytes, b.bytes);
  const [v4, v6, sign] = a.family === 4 ? [a, b, 1] : [b, a, -1];
  if (!isMapped(v6.bytes)) return NOT_COMPARABLE;
  const order = compareBytes(v4.bytes, v6.bytes.subarray(12));
  return order === SAME ? SAME : order * sign;
}

function prefixMatches(a, b, prefix) {
  for (let bit = 0; bit < prefix; bit += 8) {
    const take = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((a[bit >> 3] & mask) !== (b[bit >> 3] & mask)) return false;
  }
  return true;
}

function toMapped(v4bytes) {
  const out = new Uint8Array(16);
  out[10] = 0xff;
  out[11] = 0xff;
  out.set(v4bytes, 12);
  return out;
}

function inSubnet(address, network, prefix) {
  if (address.family === network.family) return prefixMatches(address.bytes, network.bytes, prefix);
  if (address.family === 4) return prefixMatches(toMapped(address.bytes), network.bytes, prefix);
  return isMapped(address.bytes) && prefixMatches(address.bytes.subarray(12), network.bytes, prefix);
}

const familyName = (handle) => (handle.family === 4 ? 'IPv4' : 'IPv6');

// The rule store (Node keeps it native; a receiver without one fails reading its methods).
class BlockListHandle {
  constructor() {
    this.rules = [];
  }

  addAddress(address) {
    this.rules.unshift({
      matches: (a) => compare(a, address) === SAME,
      text: `Address: ${familyName(address)} ${formatAddress(address.bytes)}`,
    });
  }

  addRange(start, end) {
    if (compare(start, end) === GREATER) return false;
    this.rules.unshift({
      matches: (a) => {
        const low = compare(a, start);
        const high = compare(a, end);
        return (low === SAME || low === GREATER) && (high === SAME || high === LESS);
      },
      text: `Range: ${familyName(start)} ${formatAddress(start.bytes)}-${formatAddress(end.bytes)}`,
    });
    return true;
  }

  addSubnet(network, prefix) {
    this.rules.unshift({
      matches: (a) => inSubnet(a, network, prefix),
      text: `Subnet: ${familyName(network)} ${formatAddress(network.bytes)}/${prefix}`,
    });
  }

  check(address) {
    return this.rules.some((rule) => rule.matches(address));
  }

  getRules() {
    return this.rules.map((rule) => rule.text);
  }
}

// A string (with its family) or a SocketAddress, as a SocketAddress.
function toSocketAddress(value, name, family) {
  if (SocketAddress.isSocketAddress(value)) return value;
  validateString(value, name);
  validateString(family, 'family');
  return new SocketAddress({ address: value, family });
}

class BlockList {
  constructor() {
    this[kHandle] = new BlockListHandle();
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }

  addAddress(address, family = 'ipv4') {
    address = toSocketAddress(address, 'address', family);
    this[kHandle].addAddress(address[kAddress]);
  }

  addRange(start, end, family = 'ipv4') {
    start = toSocketAddress(start, 'start', family);
    end = toSocketAddress(end, 'end', family);
    if (this[kHandle].addRange(start[kAddress], end[kAddress]) === false) {
      throw codes.ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    }
  }

  addSubnet(network, prefix, family = 'ipv4') {
    network = toSocketAddress(network, 'network', family);
    validateInteger(prefix, 'prefix', 0, network.family === 'ipv4' ? 32 : 128);
    this[kHandle].addSubnet(network[kAddress], prefix);
  }

  check(address, family = 'ipv4') {
    if (!SocketAddress.isSocketAddress(address)) {
      validateString(address, 'address');
      validateString(family, 'family');
      try {
        address = new SocketAddress({ address, family });
      } catch {
        // An address that does not parse is in no rule.
        return false;
      }
    }
    return this[kHandle].check(address[kAddress]);
  }

  get rules() {
    return this[kHandle].getRules();
  }
}

module.exports = { BlockList };
