// The body of a Request or Response as Node v20's fetch models it: `extractBody` turns a
// BodyInit (string, ArrayBuffer/view, Blob, URLSearchParams, FormData, ReadableStream, other
// objects by String()) into { stream, source, length } and a Content-Type; `bodyMixin` adds
// body/bodyUsed/text/json/arrayBuffer/blob/formData/bytes to a class; `cloneBody` tees.
'use strict';
const { TextEncoder, TextDecoder } = require('internal/encoding');
const { URLSearchParams } = require('url');

const { Blob } = require('buffer');
const { ReadableStream } = require('stream/web');
const brands = require('internal/streams/web-brands');
const { illegalInvocation } = require('internal/fetch/webidl');
const { parseMimeType, serializeMimeType } = require('internal/fetch/mime');
const { FormData, encodeMultipart, parseMultipart, isBlob } = require('internal/fetch/formdata');

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// A byte stream that yields `parts` (Uint8Arrays, or Blobs read when reached) in order.
function streamOfParts(parts) {
  let index = 0;
  return new ReadableStream({
    type: 'bytes',
    async pull(controller) {
      while (index < parts.length) {
        const part = parts[index++];
        const bytes = part instanceof Uint8Array ? part : new Uint8Array(await part.arrayBuffer());
        if (bytes.byteLength === 0) continue;
        controller.enqueue(bytes);
        return;
      }
      controller.close();
      if (controller.byobRequest) controller.byobRequest.respond(0);
    },
  });
}

function copyBytes(view) {
  if (view instanceof ArrayBuffer || view instanceof SharedArrayBuffer) return new Uint8Array(view.slice(0));
  return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
}

/**
 * Node's "extract a body": returns { body: { stream, source, length }, type } where `type` is
 * the Content-Type the body implies (null for bytes and streams). `source` is what a clone or
 * a redirect may re-send (null for a stream).
 */
function extractBody(object) {
  if (brands.isReadableStream(object)) {
    return { body: { stream: object, source: null, length: null }, type: null };
  }
  let source;
  let parts;
  let length;
  let type = null;
  if (typeof object === 'string') {
    source = object;
    type = 'text/plain;charset=UTF-8';
  } else if (object instanceof URLSearchParams) {
    source = object.toString();
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (object instanceof ArrayBuffer || object instanceof SharedArrayBuffer || ArrayBuffer.isView(object)) {
    source = copyBytes(object);
  } else if (object instanceof FormData) {
    const encoded = encodeMultipart(object);
    source = object;
    parts = encoded.parts;
    length = encoded.length;
    type = `multipart/form-data; boundary=${encoded.boundary}`;
  } else if (isBlob(object)) {
    source = object;
    parts = [object];
    length = object.size;
    if (object.type) type = object.type;
  } else {
    source = `${object}`;
    type = 'text/plain;charset=UTF-8';
  }
  if (parts === undefined) {
    const bytes = typeof source === 'string' ? encoder.encode(source) : source;
    parts = [bytes];
    length = bytes.byteLength;
  }
  return { body: { stream: streamOfParts(parts), source, length }, type };
}

/** True when a body can no longer be read: its stream is locked or has been read from. */
function bodyUnusable(body) {
  return body !== null && (body.stream.locked || brands.isDisturbed(body.stream));
}

/** Reads a body's whole stream into one Uint8Array (chunks must be Uint8Arrays). */
async function readAllBytes(stream) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
    chunks.push(value);
    total += value.byteLength;
  }
  if (chunks.length === 1 && chunks[0].byteOffset === 0 && chunks[0].byteLength === chunks[0].buffer.byteLength) {
    return chunks[0];
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Tees a body: the original keeps one branch, the returned copy gets the other. */
function cloneBody(body) {
  const [mine, theirs] = body.stream.tee();
  body.stream = mine;
  return { stream: theirs, source: body.source, length: body.length };
}

function mimeTypeOf(headerList) {
  const contentType = headerList.get('content-type');
  return contentType === null ? null : parseMimeType(contentType);
}

// Parses the bytes per the body's Content-Type into a FormData.
function formDataFrom(bytes, mime) {
  if (mime !== null && mime.essence === 'multipart/form-data') {
    const boundary = mime.parameters.get('boundary');
    if (boundary === undefined) throw new TypeError('Failed to parse body as FormData.');
    return parseMultipart(bytes, boundary);
  }
  if (mime !== null && mime.essence === 'application/x-www-form-urlencoded') {
    const form = new FormData();
    for (const [name, value] of new URLSearchParams(decoder.decode(bytes))) form.append(name, value);
    return form;
  }
  throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
}

/**
 * Adds the Body members to `Class`. `access(object)` returns { body, headerList } for an
 * instance or undefined for anything else (the brand check).
 */
function bodyMixin(Class, access) {
  const state = (object) => {
    const s = access(object);
    if (s === undefined) throw illegalInvocation();
    return s;
  };
  // Node's "consume body": a brand check, the unusable check, then all bytes.
  async function consume(object, convert) {
    const s = state(object);
    if (bodyUnusable(s.body)) throw new TypeError('Body is unusable: Body has already been read');
    const bytes = s.body === null ? new Uint8Array(0) : await readAllBytes(s.body.stream);
    return convert(bytes, s);
  }
  const members = {
    get body() {
      const s = state(this);
      return s.body === null ? null : s.body.stream;
    },
    get bodyUsed() {
      const s = state(this);
      return s.body !== null && brands.isDisturbed(s.body.stream);
    },
    blob() {
      return consume(this, (bytes, s) => {
        const mime = mimeTypeOf(s.headerList);
        return new Blob([bytes], { type: mime === null ? '' : serializeMimeType(mime) });
      });
    },
    arrayBuffer() {
      return consume(this, (bytes) => (bytes.byteLength === bytes.buffer.byteLength
        ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
    },
    text() {
      return consume(this, (bytes) => decoder.decode(bytes));
    },
    json() {
      return consume(this, (bytes) => JSON.parse(decoder.decode(bytes)));
    },
    formData() {
      return consume(this, (bytes, s) => formDataFrom(bytes, mimeTypeOf(s.headerList)));
    },
    bytes() {
      return consume(this, (bytes) => bytes);
    },
  };
  for (const name of ['body', 'bodyUsed']) {
    const d = Object.getOwnPropertyDescriptor(members, name);
    Object.defineProperty(Class.prototype, name, { get: d.get, enumerable: true, configurable: true });
  }
  for (const name of ['blob', 'arrayBuffer', 'text', 'json', 'formData', 'bytes']) {
    Object.defineProperty(Class.prototype, name, {
      value: members[name], writable: true, enumerable: true, configurable: true,
    });
  }
}

module.exports = { extractBody, bodyUnusable, cloneBody, bodyMixin };
