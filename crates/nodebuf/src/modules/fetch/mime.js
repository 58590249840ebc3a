// The MIME type records fetch uses for a body's Blob type and for recognizing form bodies, on
// the WHATWG grammar of internal/mime: essence and parameter names lower-cased, parameter values
// unquoted and re-quoted only when they are not tokens.
'use strict';

const { parseMime, serializeParameters } = require('internal/mime');

/** Parses a MIME type string; returns { type, subtype, essence, parameters: Map } or null. */
function parseMimeType(input) {
  const parsed = parseMime(input);
  if (parsed.failed !== undefined) return null;
  const { type, subtype, parameters } = parsed;
  return { type, subtype, essence: `${type}/${subtype}`, parameters };
}

/** Serializes a parsed MIME type (`type/subtype;name=value`, values quoted when not tokens). */
function serializeMimeType(mime) {
  const params = serializeParameters(mime.parameters);
  return params === '' ? mime.essence : `${mime.essence};${params}`;
}

module.exports = { parseMimeType, serializeMimeType };
