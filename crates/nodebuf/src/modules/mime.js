// MIME types: the WHATWG grammar (parse with the place it fails, serialize), shared by fetch's
// body types (internal/fetch/mime) and `util.MIMEType`/`util.MIMEParams`, whose errors name the
// production and the index of the first bad character (ERR_INVALID_MIME_SYNTAX).
'use strict';

const { codes } = require('internal/errors');

const tokenChar = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const quotedStringChar = /[\t\u0020-\u007e\u0080-\u00ff]/;
const quotedStringPattern = /^[\t\u0020-\u007e\u0080-\u00ff]*$/;
const isHttpWhitespace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The index of the first character of `text` not matching `charPattern`, or -1. */
function firstInvalid(text, charPattern) {
  for (let i = 0; i < text.length; i++) if (!charPattern.test(text[i])) return i;
  return -1;
}

/**
 * Where `text` fails to be a token: -1 for an empty text, the first non-token character's
 * index, or undefined when it is a token.
 */
function tokenFailure(text) {
  if (text === '') return -1;
  const bad = firstInvalid(text, tokenChar);
  return bad === -1 ? undefined : bad;
}

function trimHttpWhitespace(text, start = true, end = true) {
  let from = 0;
  let to = text.length;
  while (start && from < to && isHttpWhitespace(text[from])) from++;
  while (end && to > from && isHttpWhitespace(text[to - 1])) to--;
  return text.slice(from, to);
}

/** An HTTP quoted string starting at `pos` (a '"'), with backslash escapes; returns [value, next]. */
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

/**
 * Parses `input` as WHATWG's "parse a MIME type": `{ type, subtype, parameters }` (lower-cased
 * type, subtype and parameter names; the first of repeated parameters kept; invalid parameters
 * skipped), or `{ failed, index }` naming the production ('type', 'subtype') and the failing
 * index within it (-1: empty or missing).
 */
function parseMime(input) {
  // Only leading whitespace goes first: trailing whitespace ends a subtype or a parameter, which
  // drop it themselves, and is a bad type character in a text with no '/' (Node's index).
  const text = trimHttpWhitespace(input, true, false);
  const slash = text.indexOf('/');
  const type = slash === -1 ? text : text.slice(0, slash);
  const typeFailure = tokenFailure(type);
  if (typeFailure !== undefined || slash === -1) return { failed: 'type', index: typeFailure ?? -1 };
  let end = text.indexOf(';', slash + 1);
  if (end === -1) end = text.length;
  const subtype = trimHttpWhitespace(text.slice(slash + 1, end), false);
  const subtypeFailure = tokenFailure(subtype);
  if (subtypeFailure !== undefined) return { failed: 'subtype', index: subtypeFailure };
  const parameters = new Map();
  let pos = end;
  while (pos < text.length) {
    pos++; // the ';'
    while (pos < text.length && isHttpWhitespace(text[pos])) pos++;
    let nameEnd = pos;
    while (nameEnd < text.length && text[nameEnd] !== ';' && text[nameEnd] !== '=') nameEnd++;
    const name = text.slice(pos, nameEnd).toLowerCase();
    pos = nameEnd;
    if (pos >= text.length) break;
    if (text[pos] === ';') continue;
    pos++; // the '='
    if (pos >= text.length) break;
    let value;
    if (text[pos] === '"') {
      [value, pos] = collectQuoted(text, pos);
      while (pos < text.length && text[pos] !== ';') pos++;
    } else {
      let valueEnd = text.indexOf(';', pos);
      if (valueEnd === -1) valueEnd = text.length;
      value = trimHttpWhitespace(text.slice(pos, valueEnd), false);
      pos = valueEnd;
      if (value === '') continue;
    }
    if (name !== '' && tokenPattern.test(name) && quotedStringPattern.test(value) && !parameters.has(name)) {
      parameters.set(name, value);
    }
  }
  return { type: type.toLowerCase(), subtype: subtype.toLowerCase(), parameters };
}

/** `name=value` pairs joined by ';', values quoted (and escaped) unless they are tokens. */
function serializeParameters(entries) {
  let out = '';
  for (const [name, value] of entries) {
    if (out !== '') out += ';';
    out += `${name}=${tokenPattern.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`}`;
  }
  return out;
}

// --- util.MIMEParams / util.MIMEType --------------------------------------------------------

/** A MIME type's parameters: an ordered map whose `set` checks the grammar. */
class MIMEParams {
  #data = new Map();

  /** V8's words for a method called on an object without this class's private slot. */
  static #check(params) {
    if (!(#data in params)) throw new TypeError('Receiver must be an instance of class MIMEParams');
    return params.#data;
  }

  delete(name) {
    MIMEParams.#check(this).delete(name);
  }

  get(name) {
    const data = MIMEParams.#check(this);
    return data.has(name) ? data.get(name) : null;
  }

  has(name) {
    return MIMEParams.#check(this).has(name);
  }

  set(name, value) {
    const data = MIMEParams.#check(this);
    name = `${name}`;
    value = `${value}`;
    const nameFailure = tokenFailure(name);
    if (nameFailure !== undefined) throw codes.ERR_INVALID_MIME_SYNTAX('parameter name', name, nameFailure);
    const valueFailure = firstInvalid(value, quotedStringChar);
    if (valueFailure !== -1) throw codes.ERR_INVALID_MIME_SYNTAX('parameter value', value, valueFailure);
    data.set(name, value);
  }

  * entries() {
    yield* MIMEParams.#check(this);
  }

  * keys() {
    yield* MIMEParams.#check(this).keys();
  }

  * values() {
    yield* MIMEParams.#check(this).values();
  }

  toString() {
    return serializeParameters(MIMEParams.#check(this));
  }

  /** The parameters of a parsed type (a Map, already valid), without `set`'s checks. */
  static fromParsed(parsed) {
    const params = new MIMEParams();
    for (const [name, value] of parsed) params.#data.set(name, value);
    return params;
  }
}
// (`fromParsed` is for MIMEType only: taken off the class so scripts do not see it.)
const paramsFromParsed = MIMEParams.fromParsed;
delete MIMEParams.fromParsed;
MIMEParams.prototype.toJSON = MIMEParams.prototype.toString;
MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;
for (const key of ['toJSON', Symbol.iterator]) {
  Object.defineProperty(MIMEParams.prototype, key, { enumerable: false });
}

/** A checked, lower-cased type or subtype (ERR_INVALID_MIME_SYNTAX naming `production`). */
function typePart(value, production) {
  const text = `${value}`;
  const failure = tokenFailure(text);
  if (failure !== undefined) throw codes.ERR_INVALID_MIME_SYNTAX(production, text, failure);
  return text.toLowerCase();
}

/** `util.MIMEType`: a parsed MIME type whose type, subtype and parameters can be changed. */
class MIMEType {
  #type;
  #subtype;
  #parameters;

  constructor(string) {
    const text = `${string}`;
    const parsed = parseMime(text);
    if (parsed.failed !== undefined) throw codes.ERR_INVALID_MIME_SYNTAX(parsed.failed, text, parsed.index);
    this.#type = parsed.type;
    this.#subtype = parsed.subtype;
    this.#parameters = paramsFromParsed(parsed.parameters);
  }

  get type() {
    return this.#type;
  }

  set type(value) {
    this.#type = typePart(value, 'type');
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(value) {
    this.#subtype = typePart(value, 'subtype');
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    const essence = `${this.#type}/${this.#subtype}`;
    const params = `${this.#parameters}`;
    return params === '' ? essence : `${essence};${params}`;
  }
}
MIMEType.prototype.toJSON = MIMEType.prototype.toString;
Object.defineProperty(MIMEType.prototype, 'toJSON', { enumerable: false });

module.exports = { parseMime, serializeParameters, MIMEType, MIMEParams };
