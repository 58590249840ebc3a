// The WHATWG MIME type parser and serializer, as fetch uses them for a body's Blob type and for
// recognizing form bodies: the essence and parameter names are lower-cased, parameter values
// unquoted and re-quoted only when they are not tokens.
'use strict';

const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const quotedStringPattern = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
const httpWhitespace = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/** Parses a MIME type string; returns { type, subtype, essence, parameters: Map } or null. */
function parseMimeType(input) {
  input = input.replace(httpWhitespace, '');
  let pos = input.indexOf('/');
  if (pos === -1) return null;
  const type = input.slice(0, pos);
  if (!tokenPattern.test(type)) return null;
  pos++;
  let end = input.indexOf(';', pos);
  if (end === -1) end = input.length;
  const subtype = input.slice(pos, end).replace(/[\t\n\r ]+$/, '');
  if (!tokenPattern.test(subtype)) return null;
  const parameters = new Map();
  pos = end;
  while (pos < input.length) {
    pos++; // the ';'
    while (pos < input.length && /[\t\n\r ]/.test(input[pos])) pos++;
    let nameEnd = pos;
    while (nameEnd < input.length && input[nameEnd] !== ';' && input[nameEnd] !== '=') nameEnd++;
    const name = input.slice(pos, nameEnd).toLowerCase();
    pos = nameEnd;
    if (pos < input.length && input[pos] === ';') continue;
    if (pos >= input.length) break;
    pos++; // the '='
    let value;
    if (input[pos] === '"') {
      [value, pos] = collectQuoted(input, pos);
      while (pos < input.length && input[pos] !== ';') pos++;
    } else {
      let valueEnd = input.indexOf(';', pos);
      if (valueEnd === -1) valueEnd = input.length;
      value = input.slice(pos, valueEnd).replace(/[\t\n\r ]+$/, '');
      pos = valueEnd;
      if (value === '') continue;
    }
    if (name !== '' && tokenPattern.test(name) && quotedStringPattern.test(value) && !parameters.has(name)) {
      parameters.set(name, value);
    }
  }
  const lowerType = type.toLowerCase();
  const lowerSubtype = subtype.toLowerCase();
  return { type: lowerType, subtype: lowerSubtype, essence: `${lowerType}/${lowerSubtype}`, parameters };
}

// An HTTP quoted string starting at `pos` (a '"'), with backslash escapes; returns [value, next].
function collectQuoted(input, pos) {
  let value = '';
  pos++;
  while (pos < input.length) {
    const c = input[pos];
    if (c === '"') return [value, pos + 1];
    if (c === '\\') {
      pos++;
      if (pos >= input.length) {
        value += '\\';
        break;
      }
      value += input[pos];
    } else {
      value += c;
    }
    pos++;
  }
  return [value, pos];
}

/** Serializes a parsed MIME type (`type/subtype;name=value`, values quoted when not tokens). */
function serializeMimeType(mime) {
  let out = mime.essence;
  for (const [name, value] of mime.parameters) {
    out += `;${name}=`;
    out += tokenPattern.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`;
  }
  return out;
}

module.exports = { parseMimeType, serializeMimeType };
