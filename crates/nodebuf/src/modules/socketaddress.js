// `net.SocketAddress` (internal/socketaddress): an IP address, port, family and IPv6 flow label,
// validated and canonicalised as Node's native SocketAddress does (inet_pton's syntax, an IPv6
// zone dropped, inet_ntop's text), plus the byte-level address helpers net.BlockList compares
// with.
'use strict';

const { codes, makeNodeError, validateObject, validateString, validateInteger } = require('internal/errors');
const { _validatePort: validatePort } = require('net');

const kHandle = Symbol('kHandle');
const kDetail = Symbol('kDetail');
const kInspect = Symbol.for('nodejs.util.inspect.custom');

function invalidAddress() {
  return makeNodeError(Error, 'ERR_INVALID_ADDRESS', 'Invalid socket address');
}

const v4Part = /^(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/;

/** The 4 bytes of a dotted-quad IPv4 address (inet_pton's syntax), or null. */
function parseIPv4(text) {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => v4Part.test(p))) return null;
  return Uint8Array.from(parts, Number);
}

const hexGroup = /^[0-9a-fA-F]{1,4}$/;

/** The 16 bytes of an IPv6 address (inet_pton's syntax, after dropping a `%zone` as libuv
 * does), or null. */
function parseIPv6(text) {
  const zoneAt = text.indexOf('%');
  if (zoneAt !== -1) text = text.slice(0, zoneAt);
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const wordsOf = (half, last) => {
    if (half === '') return [];
    const words = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (last && i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIPv4(part);
        if (v4 === null) return null;
        words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      } else if (hexGroup.test(part)) {
        words.push(parseInt(part, 16));
      } else {
        return null;
      }
    }
    return words;
  };
  let words;
  if (halves.length === 1) {
    words = wordsOf(text, true);
    if (words === null || words.length !== 8) return null;
  } else {
    const left = wordsOf(halves[0], false);
    const right = wordsOf(halves[1], true);
    if (left === null || right === null || left.length + right.length > 7) return null;
    words = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  }
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8;
    bytes[2 * i + 1] = w & 0xff;
  });
  return bytes;
}

/** inet_ntop's text: dotted quad; IPv6 in lowercase hex with the first longest run (two words
 * or more) of zero words as `::`, and the last 32 bits dotted for IPv4-mapped and
 * IPv4-compatible (`::a.b.c.d`, not `::` or `::1`) addresses. */
function formatAddress(bytes) {
  if (bytes.length === 4) return bytes.join('.');
  const words = [];
  for (let i = 0; i < 16; i += 2) words.push((bytes[i] << 8) | bytes[i + 1]);
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestLength < 2) bestStart = -1;
  const embedsV4 = bestStart === 0 && (bestLength === 6 || (bestLength === 5 && words[5] === 0xffff));
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += i === 0 ? '::' : ':';
      i += bestLength - 1;
      continue;
    }
    if (embedsV4 && i === 6) {
      out += Array.prototype.join.call(bytes.subarray(12), '.');
      break;
    }
    out += words[i].toString(16);
    if (i < 7) out += ':';
  }
  return out;
}

class SocketAddress {
  /** Whether `value` is a SocketAddress. */
  static isSocketAddress(value) {
    return value?.[kHandle] !== undefined;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    if (typeof family?.toLowerCase === 'function') family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') throw codes.ERR_INVALID_ARG_VALUE('options.family', options.family);
    const {
      address = family === 'ipv4' ? '127.0.0.1' : '::',
      port = 0,
      flowlabel = 0,
    } = options;
    validateString(address, 'options.address');
    const portNumber = validatePort(port, 'options.port');
    validateInteger(flowlabel, 'options.flowlabel', 0, 4294967295);
    const bytes = family === 'ipv4' ? parseIPv4(address) : parseIPv6(address);
    if (bytes === null) throw invalidAddress();
    this[kHandle] = { bytes, family: family === 'ipv4' ? 4 : 6 };
    this[kDetail] = {
      address: formatAddress(bytes),
      port: portNumber,
      family,
      // IPv4 has no flow label.
      flowlabel: family === 'ipv6' ? flowlabel >>> 0 : 0,
    };
  }

  get address() {
    return this[kDetail].address;
  }

  get port() {
    return this[kDetail].port;
  }

  get family() {
    return this[kDetail].family;
  }

  get flowlabel() {
    return this[kDetail].flowlabel;
  }

  toJSON() {
    return {
      address: this.address,
      port: this.port,
      family: this.family,
      flowlabel: this.flowlabel,
    };
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }
}

module.exports = { SocketAddress, kHandle, invalidAddress, formatAddress };
