// The argument conversions and checks the fetch classes share, worded as Node v20's fetch
// (undici) words them: argument counts, ByteString/USVString conversion, enum members, the
// `this` brand check, and the HTTP grammar pieces (tokens, header values, whitespace).
'use strict';

const { makeNodeError } = require('internal/errors');

/** `TypeError [ERR_INVALID_THIS]: Illegal invocation`, what a fetch method says for a wrong `this`. */
function illegalInvocation() {
  return makeNodeError(TypeError, 'ERR_INVALID_THIS', 'Illegal invocation');
}

/** Throws Node's "N arguments required, but only M found." unless `length >= min`. */
function argumentLengthCheck(length, min, context) {
  if (length >= min) return;
  const plural = min !== 1 ? 's' : '';
  throw new TypeError(`${context}: ${min} argument${plural} required, but${length ? ' only' : ''} ${length} found.`);
}

/** WebIDL DOMString: `String(value)`, with the symbol case worded as undici words it. */
function toDOMString(value, context, argument) {
  if (typeof value === 'symbol') {
    throw new TypeError(`${context}: ${argument} is a symbol, which cannot be converted to a DOMString.`);
  }
  return `${value}`;
}

/** WebIDL ByteString: a DOMString whose every code unit is below 256. */
function toByteString(value, context, argument) {
  const s = toDOMString(value, context, argument);
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit > 255) {
      throw new TypeError('Cannot convert argument to a ByteString because the character at index ' +
        `${i} has a value of ${unit} which is greater than 255.`);
    }
  }
  return s;
}

/** WebIDL USVString: a DOMString with lone surrogates replaced by U+FFFD. */
function toUSVString(value, context, argument) {
  return toDOMString(value, context, argument).toWellFormed();
}

/** An enumeration member, or undici's "x is not an accepted type" TypeError. */
function toEnum(value, members, context) {
  const s = toDOMString(value, context, 'value');
  if (!members.includes(s)) {
    throw new TypeError(`${context}: ${s} is not an accepted type. Expected one of ${members.join(', ')}.`);
  }
  return s;
}

// RFC 9110 tchar: what a header name and a method may contain.
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when `s` is a non-empty HTTP token (a valid header name or method). */
function isToken(s) {
  return tokenPattern.test(s);
}

const httpWhitespace = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** Strips leading and trailing HTTP whitespace (tab, LF, CR, space), as header values are normalized. */
function trimHttpWhitespace(s) {
  return s.replace(httpWhitespace, '');
}

/** True when a normalized header value has no NUL, CR or LF. */
function isHeaderValue(s) {
  return !/[\0\r\n]/.test(s);
}

module.exports = {
  illegalInvocation,
  argumentLengthCheck,
  toDOMString,
  toByteString,
  toUSVString,
  toEnum,
  isToken,
  trimHttpWhitespace,
  isHeaderValue,
};
