// require('stream/consumers'): read a whole stream (or any async iterable) into a Blob,
// ArrayBuffer, Buffer, string or parsed JSON.
'use strict';

const { StringDecoder } = require('internal/streams/decoder');

/** All chunks as one Blob. */
async function blob(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new (require('buffer').Blob)(chunks);
}

/** All bytes as an ArrayBuffer. */
async function arrayBuffer(stream) {
  const ret = await blob(stream);
  return ret.arrayBuffer();
}

/** All bytes as a Buffer. */
async function buffer(stream) {
  return Buffer.from(await arrayBuffer(stream));
}

/** The stream as UTF-8 text (string chunks are taken as they are). */
async function text(stream) {
  const decoder = new StringDecoder('utf8');
  let str = '';
  for await (const chunk of stream) {
    if (typeof chunk === 'string') str += chunk;
    else str += decoder.write(chunk);
  }
  str += decoder.end();
  return str;
}

/** The stream's text parsed as JSON. */
async function json(stream) {
  return JSON.parse(await text(stream));
}

module.exports = { arrayBuffer, blob, buffer, text, json };
