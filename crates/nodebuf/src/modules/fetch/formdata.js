// `FormData` as Node v20's fetch has it (entries of string or File values, live "FormData
// Iterator"s, a record-like inspect), plus the multipart/form-data encoding fetch sends for
// it and the strict multipart parser `body.formData()` uses.
'use strict';
const { TextEncoder, TextDecoder } = require('internal/encoding');

const { Blob, File } = require('buffer');
const {
  illegalInvocation, argumentLengthCheck, toUSVString,
} = require('internal/fetch/webidl');
const { makeIteratorPrototype, makeIterator, webidlClass } = require('internal/fetch/headers');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const lists = new WeakMap();

function listOf(value) {
  const list = value !== null && typeof value === 'object' ? lists.get(value) : undefined;
  if (list === undefined) throw illegalInvocation();
  return list;
}

function isBlob(value) {
  return value instanceof Blob;
}

// The entry `append`/`set` store: a string, or a File (a Blob becomes a File named "blob",
// a File keeps its identity unless a filename renames it).
function makeEntry(method, args) {
  const [nameArg, valueArg, filenameArg] = args;
  if (args.length === 3 && !isBlob(valueArg)) {
    throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
  }
  const name = toUSVString(nameArg, `FormData.${method}`, 'name');
  let value;
  if (isBlob(valueArg)) {
    // A filename argument that is present is converted even when it is undefined ("undefined").
    const filename = args.length === 3 ? toUSVString(filenameArg, `FormData.${method}`, 'filename') : undefined;
    if (valueArg instanceof File && filename === undefined) {
      value = valueArg;
    } else {
      const options = { type: valueArg.type };
      if (valueArg instanceof File) options.lastModified = valueArg.lastModified;
      value = new File([valueArg], filename ?? (valueArg instanceof File ? valueArg.name : 'blob'), options);
    }
  } else {
    value = toUSVString(valueArg, `FormData.${method}`, 'value');
  }
  return [name, value];
}

/** The WHATWG `FormData` class (no HTML form support: Node has no forms). */
class FormData {
  constructor(form) {
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
    }
    lists.set(this, []);
  }

  append(name, value, filename = undefined) {
    const list = listOf(this);
    argumentLengthCheck(arguments.length, 2, 'FormData.append');
    list.push(makeEntry('append', arguments));
  }

  delete(name) {
    const list = listOf(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.delete');
    name = toUSVString(name, 'FormData.delete', 'name');
    const kept = list.filter((entry) => entry[0] !== name);
    list.length = 0;
    list.push(...kept);
  }

  get(name) {
    const list = listOf(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.get');
    name = toUSVString(name, 'FormData.get', 'name');
    const entry = list.find((e) => e[0] === name);
    return entry === undefined ? null : entry[1];
  }

  getAll(name) {
    const list = listOf(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.getAll');
    name = toUSVString(name, 'FormData.getAll', 'name');
    return list.filter((e) => e[0] === name).map((e) => e[1]);
  }

  has(name) {
    const list = listOf(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.has');
    name = toUSVString(name, 'FormData.has', 'name');
    return list.some((e) => e[0] === name);
  }

  set(name, value, filename = undefined) {
    const list = listOf(this);
    argumentLengthCheck(arguments.length, 2, 'FormData.set');
    const entry = makeEntry('set', arguments);
    const first = list.findIndex((e) => e[0] === entry[0]);
    if (first === -1) {
      list.push(entry);
      return;
    }
    const kept = list.filter((e, i) => i === first || e[0] !== entry[0]);
    kept[first] = entry;
    list.length = 0;
    list.push(...kept);
  }

  keys() {
    const list = listOf(this);
    return makeIterator(FormDataIteratorPrototype, () => list, 'key');
  }

  values() {
    const list = listOf(this);
    return makeIterator(FormDataIteratorPrototype, () => list, 'value');
  }

  entries() {
    const list = listOf(this);
    return makeIterator(FormDataIteratorPrototype, () => list, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    listOf(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.forEach');
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'Function'.");
    }
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [customInspect](depth, options) {
    const { inspect } = require('util');
    const record = {};
    for (const [name, value] of listOf(this)) {
      const had = Object.prototype.hasOwnProperty.call(record, name);
      const next = !had ? value : Array.isArray(record[name]) ? [...record[name], value] : [record[name], value];
      Object.defineProperty(record, name, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return `FormData ${inspect(record, { ...options, depth: options.depth ?? depth })}`;
  }
}

const FormDataIteratorPrototype = makeIteratorPrototype('FormData');
webidlClass(FormData, ['append', 'delete', 'get', 'getAll', 'has', 'set', 'keys', 'values', 'entries', 'forEach'], false);
Object.defineProperty(FormData.prototype, Symbol.iterator, {
  value: FormData.prototype.entries, writable: true, configurable: true,
});
// Node lists the tag after the iterator.
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: 'FormData', configurable: true });

/** The entries of a FormData (for the body encoder). */
function formDataEntries(formData) {
  return listOf(formData);
}

// --- multipart/form-data encoding -----------------------------------------------------------
const encoder = new TextEncoder();

function escapeQuoted(s) {
  return s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

function normalizeNewlines(s) {
  return s.replace(/\r?\n|\r/g, '\r\n');
}

/**
 * The multipart encoding of a FormData: { boundary, parts, length } where parts are
 * Uint8Arrays and Files in order (Files are read when the body is streamed), and length is
 * the exact byte count. The boundary has fetch's form: "----formdata-undici-0" and 11 digits.
 */
function encodeMultipart(formData) {
  const digits = `${Math.floor(Math.random() * 1e11)}`.padStart(11, '0');
  const boundary = `----formdata-undici-0${digits}`;
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  const parts = [];
  let length = 0;
  const push = (part) => {
    parts.push(part);
    length += part instanceof Uint8Array ? part.byteLength : part.size;
  };
  for (const [name, value] of listOf(formData)) {
    const nameText = escapeQuoted(normalizeNewlines(name));
    if (typeof value === 'string') {
      push(encoder.encode(`${prefix}; name="${nameText}"\r\n\r\n${normalizeNewlines(value)}\r\n`));
    } else {
      const filename = value.name ? `; filename="${escapeQuoted(value.name)}"` : '';
      push(encoder.encode(`${prefix}; name="${nameText}"${filename}\r\n` +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      push(value);
      push(encoder.encode('\r\n'));
    }
  }
  push(encoder.encode(`--${boundary}--\r\n`));
  return { boundary, parts, length };
}

// --- multipart/form-data parsing ------------------------------------------------------------
const decoder = new TextDecoder();

function parseFailure() {
  return new TypeError('Failed to parse body as FormData.');
}

function indexOfBytes(haystack, needle, from) {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

// The encoder's escapes in a quoted name, undone.
function unescapeQuoted(s) {
  return s.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/g, '"');
}

// One part's header block: returns { name, filename, contentType } or throws the parse failure.
function parsePartHeaders(text) {
  let name = null;
  let filename = null;
  let contentType = null;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw parseFailure();
    const field = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1).replace(/^[\t ]+|[\t ]+$/g, '');
    if (field === 'content-disposition') {
      const m = /^form-data\s*;\s*name="([^"]*)"(?:\s*;\s*filename="([^"]*)")?/i.exec(value);
      if (m === null) throw parseFailure();
      name = unescapeQuoted(m[1]);
      filename = m[2] === undefined ? null : unescapeQuoted(m[2]);
    } else if (field === 'content-type') {
      contentType = value;
    }
  }
  if (name === null) throw parseFailure();
  return { name, filename, contentType };
}

/** Parses a multipart/form-data body (Uint8Array) with `boundary` into a new FormData. */
function parseMultipart(bytes, boundary) {
  const delimiter = encoder.encode(`--${boundary}`);
  const form = new FormData();
  const list = listOf(form);
  if (indexOfBytes(bytes, delimiter, 0) !== 0) throw parseFailure();
  let pos = delimiter.length;
  for (;;) {
    if (bytes[pos] === 0x2d && bytes[pos + 1] === 0x2d) return form;
    if (bytes[pos] !== 0x0d || bytes[pos + 1] !== 0x0a) throw parseFailure();
    pos += 2;
    const headerEnd = indexOfBytes(bytes, encoder.encode('\r\n\r\n'), pos);
    if (headerEnd === -1) throw parseFailure();
    const headers = parsePartHeaders(decoder.decode(bytes.subarray(pos, headerEnd)));
    pos = headerEnd + 4;
    const next = indexOfBytes(bytes, encoder.encode(`\r\n--${boundary}`), pos);
    if (next === -1) throw parseFailure();
    const content = bytes.slice(pos, next);
    if (headers.filename !== null) {
      list.push([headers.name, new File([content], headers.filename, { type: headers.contentType ?? '' })]);
    } else {
      list.push([headers.name, decoder.decode(content)]);
    }
    pos = next + 2 + delimiter.length;
  }
}

module.exports = { FormData, formDataEntries, encodeMultipart, parseMultipart, isBlob };
