// `require('querystring')` with Node v20's rules: escape (UTF-8 percent-encoding that keeps
// A-Z a-z 0-9 - _ . ! ~ * ' ( ), pairs surrogates greedily and fails only on a final unpaired
// one), unescape/unescapeBuffer (lenient %XX decoding, '+' as space on request), stringify
// (primitives only, arrays repeat the key) and parse (multi-character separators, maxKeys,
// '+' as space, values decoded only when they hold a valid %XX unless a custom decoder is given).
'use strict';

const { makeNodeError } = require('internal/errors');

const unreserved = new Uint8Array(128);
for (const ch of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()") {
  unreserved[ch.charCodeAt(0)] = 1;
}
const percent = Array.from({ length: 256 }, (_, b) => `%${b < 16 ? '0' : ''}${b.toString(16).toUpperCase()}`);

function hexValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

function uriMalformed() {
  return makeNodeError(URIError, 'ERR_INVALID_URI', 'URI malformed');
}

// Percent-encodes `str` as UTF-8, keeping the characters in `keep`.
function percentEncode(str, keep) {
  let out = '';
  let run = 0; // start of the current run of kept characters
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80 && keep[c] === 1) continue;
    out += str.slice(run, i);
    if (c < 0x80) {
      out += percent[c];
    } else if (c < 0x800) {
      out += percent[0xC0 | (c >> 6)] + percent[0x80 | (c & 0x3F)];
    } else if (c < 0xD800 || c >= 0xE000) {
      out += percent[0xE0 | (c >> 12)] + percent[0x80 | ((c >> 6) & 0x3F)] + percent[0x80 | (c & 0x3F)];
    } else {
      // Any surrogate takes the next unit as its partner, whatever it is (Node's rule);
      // only a surrogate with nothing after it is an error.
      i++;
      if (i >= str.length) throw uriMalformed();
      c = 0x10000 + (((c & 0x3FF) << 10) | (str.charCodeAt(i) & 0x3FF));
      out += percent[0xF0 | (c >> 18)] + percent[0x80 | ((c >> 12) & 0x3F)] +
        percent[0x80 | ((c >> 6) & 0x3F)] + percent[0x80 | (c & 0x3F)];
    }
    run = i + 1;
  }
  return run === 0 ? str : out + str.slice(run);
}

/** `querystring.escape(str)`: non-strings are converted first (objects with String()). */
function qsEscape(str) {
  if (typeof str !== 'string') str = typeof str === 'object' ? String(str) : `${str}`;
  return percentEncode(str, unreserved);
}

/**
 * `querystring.unescapeBuffer(s, decodeSpaces)`: each valid `%XX` becomes its byte, anything
 * else is kept as the low byte of its UTF-16 unit, '+' becomes a space when `decodeSpaces`.
 */
function unescapeBuffer(s, decodeSpaces) {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  let decodedAny = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 43 && decodeSpaces) {
      out[n++] = 32;
    } else if (c === 37 && i < s.length - 2) {
      const high = hexValue(s.charCodeAt(i + 1));
      const low = high < 0 ? -1 : hexValue(s.charCodeAt(i + 2));
      if (low < 0) {
        out[n++] = 37;
      } else {
        out[n++] = high * 16 + low;
        decodedAny = true;
        i += 2;
      }
    } else {
      out[n++] = c;
    }
  }
  return decodedAny ? out.slice(0, n) : out;
}

/** `querystring.unescape(s, decodeSpaces)`: decodeURIComponent, else the lenient decoder. */
function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return qsModule.unescapeBuffer(s, decodeSpaces).toString();
  }
}

// The text of a primitive for stringify ('' for anything else).
function primitiveText(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return Number.isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

// With the default escape, numbers below 1e21 and bigints/booleans are already safe text.
function encodeWithDefault(v, encode) {
  if (typeof v === 'string') return v.length > 0 ? encode(v) : '';
  if (typeof v === 'number' && Number.isFinite(v)) return Math.abs(v) < 1e21 ? `${v}` : encode(`${v}`);
  return primitiveText(v);
}

function encodeWithCustom(v, encode) {
  return encode(primitiveText(v));
}

/** `querystring.stringify(obj, sep = '&', eq = '=', { encodeURIComponent })`. */
function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = qsModule.escape;
  if (options && typeof options.encodeURIComponent === 'function') encode = options.encodeURIComponent;
  const convert = encode === qsEscape ? encodeWithDefault : encodeWithCustom;
  if (obj === null || typeof obj !== 'object') return '';
  let fields = '';
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const prefix = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (fields) fields += sep;
      for (let j = 0; j < v.length; j++) {
        if (j > 0) fields += sep;
        fields += prefix + convert(v[j], encode);
      }
    } else {
      if (fields) fields += sep;
      fields += prefix + convert(v, encode);
    }
  }
  return fields;
}

function unitsOf(s) {
  return Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
}

function decodePart(s, decode) {
  try {
    return decode(s);
  } catch {
    return qsModule.unescape(s, true);
  }
}

function store(obj, key, value, keyEncoded, valueEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodePart(key, decode);
  if (value.length > 0 && valueEncoded) value = decodePart(value, decode);
  const current = obj[key];
  if (current === undefined) obj[key] = value;
  else if (current.pop) current[current.length] = value;
  else obj[key] = [current, value];
}

// Where the first valid %XX in `part` ends (-1: none). A part holding one needs decoding.
function endOfEncodedByte(part) {
  for (let i = part.indexOf('%'); i >= 0 && i + 2 < part.length; i = part.indexOf('%', i + 1)) {
    if (hexValue(part.charCodeAt(i + 1)) >= 0 && hexValue(part.charCodeAt(i + 2)) >= 0) return i + 3;
  }
  return -1;
}

// A part's text with each '+' as `space`.
function withSpaces(part, space) {
  return part.includes('+') ? part.replaceAll('+', space) : part;
}

// A part's text without its '+' units.
function withoutPlus(part) {
  return part.includes('+') ? part.replaceAll('+', '') : part;
}

/**
 * `parse` for a one-unit separator and a one-unit `eq` (the defaults, and nearly every call):
 * the same result as the general loop below, found with the engine's own string search instead
 * of a loop over every unit. With one-unit delimiters the greedy match cannot backtrack, so a
 * pair is the text between two separators and its key ends at its first `eq`. Which parts get
 * decoded follows Node's scan: a key holding a valid %XX is decoded; a value is decoded when it
 * holds one ignoring its '+' units, or when the key holds a second one after its first (ignoring
 * '+'), because Node's scan goes on tracking a key's units as a value's once the key is known
 * to be encoded.
 */
function parseSingleUnit(obj, qs, sep, eq, remaining, decode, custom, space) {
  // Past `maxKeys` pairs nothing is read, so a whole-number limit bounds the split too.
  const pairs = remaining > 0 && remaining === Math.trunc(remaining) && remaining < 2 ** 32
    ? qs.split(sep, remaining) : qs.split(sep);
  const lastIndex = pairs.length - 1;
  for (let i = 0; i <= lastIndex; i++) {
    const pair = pairs[i];
    if (pair.length > 0) {
      const eqAt = pair.indexOf(eq);
      const rawKey = eqAt < 0 ? pair : pair.slice(0, eqAt);
      const rawValue = eqAt < 0 ? '' : pair.slice(eqAt + 1);
      const keyEnd = custom ? -1 : endOfEncodedByte(rawKey);
      const keyEncoded = custom || keyEnd >= 0;
      const valueEncoded = custom || (keyEnd >= 0 && endOfEncodedByte(withoutPlus(rawKey.slice(keyEnd))) >= 0) ||
        endOfEncodedByte(withoutPlus(rawValue)) >= 0;
      store(obj, withSpaces(rawKey, space), withSpaces(rawValue, space), keyEncoded, valueEncoded, decode);
    }
    // An empty pair (nothing between two separators) counts against maxKeys too.
    if (i === lastIndex || --remaining === 0) return obj;
  }
  return obj;
}

/**
 * `querystring.parse(str, sep = '&', eq = '=', { maxKeys = 1000, decodeURIComponent })`.
 *
 * One pass over the units. Separators are matched greedily without backtracking (a unit that
 * breaks a partial match is not itself retried as the start of a match, as in Node), the first
 * complete `eq` of a pair ends its key, '+' becomes a space, and a part is decoded only when it
 * contains a valid %XX (always, with a custom decoder).
 */
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  const sepUnits = sep ? unitsOf(String(sep)) : [38];
  const eqUnits = eq ? unitsOf(String(eq)) : [61];
  let remaining = 1000;
  if (options && typeof options.maxKeys === 'number') remaining = options.maxKeys > 0 ? options.maxKeys : -1;
  let decode = qsModule.unescape;
  if (options && typeof options.decodeURIComponent === 'function') decode = options.decodeURIComponent;
  const custom = decode !== qsUnescape;
  const space = custom ? '%20' : ' ';
  if (sepUnits.length === 1 && eqUnits.length === 1) {
    return parseSingleUnit(obj, qs, String.fromCharCode(sepUnits[0]), String.fromCharCode(eqUnits[0]),
      remaining, decode, custom, space);
  }

  let key = '';
  let value = '';
  let keyEncoded = custom;
  let valueEncoded = custom;
  let from = 0; // start of the text not yet copied into key/value
  let sepMatched = 0;
  let eqMatched = 0;
  let hexRun = 0; // 1 after '%', 2 and 3 after one and two hex digits

  // Tracks whether the current part holds a valid %XX; returns true when it just did.
  const sawEncoded = (code) => {
    if (code === 37) {
      hexRun = 1;
    } else if (hexRun > 0) {
      if (hexValue(code) >= 0) return ++hexRun === 3;
      hexRun = 0;
    }
    return false;
  };

  for (let i = 0; i < qs.length; i++) {
    const code = qs.charCodeAt(i);
    if (code === sepUnits[sepMatched]) {
      if (++sepMatched < sepUnits.length) continue;
      const end = i - sepMatched + 1;
      if (eqMatched < eqUnits.length) {
        if (from < end) {
          key += qs.slice(from, end);
        } else if (key.length === 0) {
          // Nothing between two separators: counts against maxKeys, stores nothing.
          if (--remaining === 0) return obj;
          from = i + 1;
          sepMatched = eqMatched = 0;
          continue;
        }
      } else if (from < end) {
        value += qs.slice(from, end);
      }
      store(obj, key, value, keyEncoded, valueEncoded, decode);
      if (--remaining === 0) return obj;
      keyEncoded = valueEncoded = custom;
      key = value = '';
      hexRun = 0;
      from = i + 1;
      sepMatched = eqMatched = 0;
      continue;
    }
    sepMatched = 0;
    if (eqMatched < eqUnits.length) {
      // Still in the key.
      if (code === eqUnits[eqMatched]) {
        if (++eqMatched === eqUnits.length) {
          const end = i - eqMatched + 1;
          if (from < end) key += qs.slice(from, end);
          hexRun = 0;
          from = i + 1;
        }
        continue;
      }
      eqMatched = 0;
      if (!keyEncoded) {
        if (code === 37 || hexRun > 0) {
          const wasRun = code === 37 || hexValue(code) >= 0;
          if (sawEncoded(code)) keyEncoded = true;
          if (wasRun) continue;
        }
      }
      if (code === 43) {
        if (from < i) key += qs.slice(from, i);
        key += space;
        from = i + 1;
        continue;
      }
    }
    if (code === 43) {
      if (from < i) value += qs.slice(from, i);
      value += space;
      from = i + 1;
    } else if (!valueEncoded && sawEncoded(code)) {
      valueEncoded = true;
    }
  }

  if (from < qs.length) {
    if (eqMatched < eqUnits.length) key += qs.slice(from);
    else if (sepMatched < sepUnits.length) value += qs.slice(from);
  } else if (eqMatched === 0 && key.length === 0) {
    return obj;
  }
  store(obj, key, value, keyEncoded, valueEncoded, decode);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
// Node looks `escape`/`unescape` up on the module at call time (scripts may replace them).
const qsModule = module.exports;
