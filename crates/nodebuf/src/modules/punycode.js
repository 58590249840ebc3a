// `punycode`: RFC 3492 Bootstring with Punycode's parameters, and the domain helpers of the
// API Node v20 ships (version 2.1.0 of that interface): decode/encode of one label,
// toASCII/toUnicode of a domain or an email address, ucs2 code point arrays. Deprecated
// (DEP0040), warned about only under --pending-deprecation.
'use strict';

if (native.process.flags.pendingDeprecation) {
  process.emitWarning('The `punycode` module is deprecated. Please use a userland alternative instead.',
    'DeprecationWarning', 'DEP0040');
}

// RFC 3492 section 5.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_INT = 2147483647;

const overflow = () => new RangeError('Overflow: input needs wider integers to process');
const notBasic = () => new RangeError('Illegal input >= 0x80 (not a basic code point)');
const invalidInput = () => new RangeError('Invalid input');

/** The threshold t for the digit at `k` under `bias` (RFC 3492 6.2). */
function threshold(k, bias) {
  if (k <= bias) return T_MIN;
  if (k >= bias + T_MAX) return T_MAX;
  return k - bias;
}

/** RFC 3492 6.1: the bias after encoding or decoding a delta. */
function adapt(delta, points, first) {
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return Math.floor(k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

/** A basic code point's digit value: letters 0-25 (either case), '0'-'9' 26-35, else BASE. */
function digitOf(code) {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return BASE;
}

/** The basic code point for a digit: 0-25 'a'-'z', 26-35 '0'-'9'. */
function digitChar(digit) {
  return String.fromCharCode(digit < 26 ? digit + 0x61 : digit - 26 + 0x30);
}

/** UTF-16 text -> code points (a lone surrogate stays a code point of its own). */
function ucs2decode(text) {
  const out = [];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const next = text.charCodeAt(i + 1);
      if ((next & 0xfc00) === 0xdc00) {
        out.push(((unit - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(unit);
  }
  return out;
}

/** Code points -> UTF-16 text. */
const ucs2encode = (codePoints) => String.fromCodePoint(...codePoints);

/** Punycode text of one label -> its Unicode text. */
function decode(input) {
  const output = [];
  // Everything before the last delimiter is basic code points copied as they are.
  let basic = input.lastIndexOf('-');
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) throw notBasic();
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let pos = basic > 0 ? basic + 1 : 0; pos < input.length;) {
    // One generalized variable-length integer: the delta to the next insertion.
    const before = i;
    let weight = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) throw invalidInput();
      const digit = digitOf(input.charCodeAt(pos++));
      if (digit >= BASE) throw invalidInput();
      if (digit > Math.floor((MAX_INT - i) / weight)) throw overflow();
      i += digit * weight;
      const t = threshold(k, bias);
      if (digit < t) break;
      if (weight > Math.floor(MAX_INT / (BASE - t))) throw overflow();
      weight *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - before, length, before === 0);
    if (Math.floor(i / length) > MAX_INT - n) throw overflow();
    n += Math.floor(i / length);
    i %= length;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** Unicode text of one label -> its Punycode text (no `xn--`). */
function encode(input) {
  const points = ucs2decode(input);
  let output = '';
  for (const code of points) if (code < 0x80) output += String.fromCharCode(code);
  const basicCount = output.length;
  if (basicCount > 0) output += '-';
  let handled = basicCount;
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    // The smallest code point not handled yet.
    let next = MAX_INT;
    for (const code of points) if (code >= n && code < next) next = code;
    if (next - n > Math.floor((MAX_INT - delta) / (handled + 1))) throw overflow();
    delta += (next - n) * (handled + 1);
    n = next;
    for (const code of points) {
      if (code < n && ++delta > MAX_INT) throw overflow();
      if (code !== n) continue;
      // Write delta as a generalized variable-length integer.
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = threshold(k, bias);
        if (q < t) break;
        output += digitChar(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digitChar(q);
      bias = adapt(delta, handled + 1, handled === basicCount);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

const labelSeparators = /[\x2E\u3002\uFF0E\uFF61]/g;

/**
 * Applies `convert` to each label of a domain (any IDNA full stop separates labels, and '.'
 * joins them); for an email address only the part after the first '@' (up to a second '@', as
 * Node's interface does) is a domain.
 */
function mapDomain(text, convert) {
  const parts = text.split('@');
  let prefix = '';
  if (parts.length > 1) {
    prefix = `${parts[0]}@`;
    text = parts[1];
  }
  return prefix + text.replace(labelSeparators, '.').split('.').map(convert).join('.');
}

/** `xn--` labels of a domain decoded (the prefix matched with its case, the rest lower-cased). */
function toUnicode(input) {
  return mapDomain(input, (label) => (label.startsWith('xn--') ? decode(label.slice(4).toLowerCase()) : label));
}

/** Labels with a code point past U+007F encoded as `xn--` labels. */
function toASCII(input) {
  return mapDomain(input, (label) => (/[^\0-\x7F]/.test(label) ? `xn--${encode(label)}` : label));
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode,
  encode,
  toASCII,
  toUnicode,
};
