// `fetch` as Node v20 has it, over nodebuf's `http` client: Node's request headers on the wire
// (host, connection, the caller's headers in order, then the defaults fetch adds), request
// bodies streamed with a content-length when known, keep-alive reuse through one agent,
// redirects (follow/manual/error, 303 and POST-to-GET rewrites, 20 at most), gzip/deflate/br
// decoding, data: URLs, AbortSignal, and `TypeError: fetch failed` with the network error as
// `cause`. https: goes through the `https` agent (TLS with the default trust store, which
// NODE_EXTRA_CA_CERTS extends, as Node's fetch trusts).
'use strict';
const { URL } = require('url');

const http = require('http');
const { ClientRequest, kFetchRequest } = require('internal/http/client');
const zlib = require('zlib');
const { Transform } = require('stream');
const { ReadableStream } = require('stream/web');
const { Request, requestState } = require('internal/fetch/request');
const { makeResponse } = require('internal/fetch/response');
const { HeaderList } = require('internal/fetch/headers');
const { extractBody } = require('internal/fetch/body');

const redirectStatuses = [301, 302, 303, 307, 308];
const nullBodyStatuses = [101, 204, 205, 304];
// The fetch standard's "bad ports": fetch refuses them before connecting.
const badPorts = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95,
  101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512,
  513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720,
  1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);
// Headers fetch itself writes (first two) or takes over from the caller.
const ownHeaders = new Set(['host', 'connection', 'content-length', 'transfer-encoding']);

// Node's fetch keeps finished connections for the next request to the same origin.
let agent;
let secureAgent;
function fetchAgent(protocol) {
  if (protocol === 'https:') {
    secureAgent ??= new (require('https').Agent)({ keepAlive: true });
    return secureAgent;
  }
  agent ??= new http.Agent({ keepAlive: true });
  return agent;
}

/** `TypeError: fetch failed` with the underlying error as `cause`. */
function fetchFailed(cause) {
  return new TypeError('fetch failed', { cause });
}

// undici's SocketError: the peer closed the connection before the response was complete.
class SocketError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SocketError';
    this.code = 'UND_ERR_SOCKET';
  }
}

// A network error's cause as Node's fetch reports it.
function networkCause(err) {
  if (err && err.code === 'ECONNRESET') return new SocketError('other side closed');
  return err;
}

/** The Fetch standard's fetch(input, init): a promise for a Response. */
function fetch(input, init = undefined) {
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = new Request(input, init);
    } catch (err) {
      reject(err);
      return;
    }
    const own = requestState(request);
    const signal = own.signal;
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const controller = { done: false, abort: null };
    const onAbort = () => {
      if (controller.abort !== null) controller.abort(signal.reason);
      if (!controller.done) {
        controller.done = true;
        reject(signal.reason);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (err, response) => {
      if (controller.done) return;
      controller.done = true;
      if (err !== null) {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      } else {
        resolve(response);
      }
    };
    const state = {
      method: own.state.method,
      urlList: [...own.state.urlList],
      headerList: own.state.headerList.clone(),
      body: own.state.body,
      redirect: own.state.redirect,
      redirectCount: 0,
    };
    mainFetch(state, controller, signal, settle, () => signal.removeEventListener('abort', onAbort));
  });
}

// One step of the fetch: the scheme decides how the current URL is fetched.
function mainFetch(state, controller, signal, settle, finished) {
  const url = new URL(state.urlList[state.urlList.length - 1]);
  const port = url.port === '' ? null : Number(url.port);
  if ((url.protocol === 'http:' || url.protocol === 'https:') && port !== null && badPorts.has(port)) {
    settle(fetchFailed(new Error('bad port')));
    return;
  }
  switch (url.protocol) {
    case 'http:':
    case 'https:':
      httpFetch(url, state, controller, signal, settle, finished);
      return;
    case 'data:':
      dataFetch(url, state, settle, finished);
      return;
    case 'blob:':
      blobFetch(url, state, settle, finished);
      return;
    case 'file:':
      settle(fetchFailed(new Error('not implemented... yet...')));
      return;
    case 'about:':
      settle(fetchFailed(new Error('about scheme is not supported')));
      return;
    default:
      settle(fetchFailed(new Error('unknown scheme')));
  }
}

// data: URLs, as the Fetch standard's data: URL processor reads them.
function dataFetch(url, state, settle, finished) {
  const href = url.href;
  let rest = href.slice(5).replace(/#.*$/, '');
  const comma = rest.indexOf(',');
  if (comma === -1) {
    settle(fetchFailed(new Error('failed to fetch the data URL')));
    return;
  }
  let mimeText = rest.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  rest = rest.slice(comma + 1);
  let bytes = Buffer.from(decodeURIComponentBytes(rest));
  const base64 = /;[\u0020]*base64$/i.exec(mimeText);
  if (base64 !== null) {
    const text = bytes.toString('latin1').replace(/[\t\n\f\r ]/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || (text.length % 4 === 1 && !text.includes('='))) {
      settle(fetchFailed(new Error('failed to fetch the data URL')));
      return;
    }
    bytes = Buffer.from(text, 'base64');
    mimeText = mimeText.slice(0, base64.index);
  }
  if (mimeText.startsWith(';')) mimeText = `text/plain${mimeText}`;
  const { parseMimeType, serializeMimeType } = require('internal/fetch/mime');
  const mime = parseMimeType(mimeText);
  const headerList = new HeaderList();
  headerList.set('content-type', mime === null ? 'text/plain;charset=US-ASCII' : serializeMimeType(mime));
  finished();
  settle(null, makeResponse({
    type: 'basic', status: 200, statusText: 'OK', headerList, urlList: [...state.urlList],
    body: extractBody(new Uint8Array(bytes)).body,
  }));
}

// Percent-decoding of a URL's text into bytes (invalid escapes stay as written).
function decodeURIComponentBytes(text) {
  const out = [];
  const raw = Buffer.from(text, 'utf8');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 0x25 && i + 2 < raw.length && /^[0-9A-Fa-f]{2}$/.test(String.fromCharCode(raw[i + 1], raw[i + 2]))) {
      out.push(parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16));
      i += 2;
    } else {
      out.push(raw[i]);
    }
  }
  return out;
}

// blob: URLs made by URL.createObjectURL.
function blobFetch(url, state, settle, finished) {
  const blob = require('buffer').resolveObjectURL(url.href);
  if (state.method !== 'GET' || blob === undefined) {
    settle(fetchFailed(new Error('invalid method')));
    return;
  }
  const headerList = new HeaderList();
  headerList.set('content-length', `${blob.size}`);
  headerList.set('content-type', blob.type);
  finished();
  settle(null, makeResponse({
    type: 'basic', status: 200, statusText: 'OK', headerList, urlList: [...state.urlList],
    body: extractBody(blob).body,
  }));
}

// The request's header lines as Node's fetch writes them, in order. `length` is the body's
// byte count, or null for a stream that has data (sent chunked).
function wireHeaders(url, state, length) {
  const list = state.headerList;
  const out = ['host', url.host];
  const connection = list.get('connection');
  out.push('connection', connection ?? (state.method === 'HEAD' ? 'close' : 'keep-alive'));
  for (const [name, value] of list.raw()) {
    if (!ownHeaders.has(name.toLowerCase())) out.push(name, value);
  }
  const defaults = [['accept', '*/*'], ['accept-language', '*'], ['sec-fetch-mode', 'cors'],
    ['user-agent', 'node'], ['accept-encoding', 'gzip, deflate']];
  for (const [name, value] of defaults) {
    if (name === 'sec-fetch-mode' || !list.has(name)) out.push(name, value);
  }
  if (length === 0) {
    if (expectsPayload(state.method)) out.push('content-length', '0');
  } else if (length !== null) {
    out.push('content-length', `${length}`);
  } else {
    out.push('transfer-encoding', 'chunked');
  }
  return out;
}

function expectsPayload(method) {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

/**
 * Reads a request body's first chunk when its length is unknown: Node's fetch writes the head
 * only then, chunked if there is data and with `content-length: 0` (for methods that expect a
 * payload) if the stream is empty. Resolves to { length, reader, first }.
 */
async function prepareBody(body) {
  if (body === null) return { length: 0, reader: null, first: null };
  const reader = body.stream.getReader();
  if (body.length !== null) return { length: body.length, reader, first: null };
  for (;;) {
    const first = await reader.read();
    if (first.done) return { length: 0, reader: null, first: null };
    if (!(first.value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
    // Empty chunks write nothing, so they do not count as data.
    if (first.value.byteLength !== 0) return { length: null, reader, first };
  }
}

// Writes the rest of a request body into the http request, then ends it.
async function sendBody(prepared, req) {
  const { reader } = prepared;
  if (reader === null) {
    req.end();
    return;
  }
  let pending = prepared.first;
  try {
    for (;;) {
      const { value, done } = pending ?? await reader.read();
      pending = null;
      if (done) break;
      if (!(value instanceof Uint8Array)) throw new TypeError('Received non-Uint8Array chunk');
      if (value.byteLength === 0) continue;
      if (!req.write(Buffer.from(value.buffer, value.byteOffset, value.byteLength))) {
        await new Promise((resolve) => req.once('drain', resolve));
      }
    }
    req.end();
  } catch (err) {
    req.destroy(err);
  }
}

// The decoders a Content-Encoding list asks for, outermost last; none when one is unknown.
function decodersFor(contentEncoding) {
  const codings = contentEncoding.toLowerCase().split(',').map((c) => c.trim()).filter((c) => c !== '');
  const decoders = [];
  const options = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  for (let i = codings.length - 1; i >= 0; i--) {
    const coding = codings[i];
    if (coding === 'gzip' || coding === 'x-gzip') {
      decoders.push(zlib.createGunzip(options));
    } else if (coding === 'deflate') {
      decoders.push(deflateDecoder(options));
    } else if (coding === 'br') {
      decoders.push(zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH, finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      }));
    } else {
      return [];
    }
  }
  return decoders;
}

// "deflate" bodies come zlib-wrapped or raw: the first byte's low nibble (8: deflate) tells.
function deflateDecoder(options) {
  let inner = null;
  return new Transform({
    transform(chunk, encoding, callback) {
      if (inner === null) {
        inner = (chunk[0] & 0x0f) === 0x08 ? zlib.createInflate(options) : zlib.createInflateRaw(options);
        inner.on('data', (data) => this.push(data));
        inner.on('error', (err) => this.destroy(err));
      }
      inner.write(chunk, () => callback());
    },
    flush(callback) {
      if (inner === null) {
        callback();
        return;
      }
      inner.once('end', () => callback());
      inner.end();
    },
  });
}

// A byte ReadableStream fed by a Node Readable, paused while nobody reads. `failWith` is
// given a function that errors the stream (an abort errors it with the signal's reason).
function bodyStreamFrom(source, onCancel, failWith) {
  return new ReadableStream({
    type: 'bytes',
    start(c) {
      let failed = false;
      failWith((reason) => {
        failed = true;
        c.error(reason);
      });
      source.pause();
      source.on('data', (chunk) => {
        if (failed) return;
        c.enqueue(new Uint8Array(chunk));
        if (c.desiredSize <= 0) source.pause();
      });
      source.on('end', () => {
        if (failed) return;
        c.close();
        if (c.byobRequest) c.byobRequest.respond(0);
      });
      source.on('error', (err) => {
        if (!failed) c.error(new TypeError('terminated', { cause: networkCause(err) }));
      });
    },
    pull() {
      source.resume();
    },
    cancel(reason) {
      onCancel(reason);
    },
  });
}

// One HTTP exchange; follows redirects by calling mainFetch again.
function httpFetch(url, state, controller, signal, settle, finished) {
  prepareBody(state.body).then((prepared) => {
    if (!controller.done) exchange(url, state, controller, signal, settle, finished, prepared);
  }, (err) => settle(fetchFailed(err)));
}

function exchange(url, state, controller, signal, settle, finished, prepared) {
  const req = new ClientRequest({
    [kFetchRequest]: true,
    agent: fetchAgent(url.protocol),
    protocol: url.protocol,
    host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port),
    method: state.method,
    path: `${url.pathname}${url.search}`,
    headers: wireHeaders(url, state, prepared.length),
  });
  let response = null;
  let failBody = null;
  controller.abort = (reason) => {
    if (failBody !== null) failBody(reason);
    req.destroy();
    if (response !== null) response.destroy();
  };
  req.on('error', (err) => {
    settle(fetchFailed(networkCause(err)));
  });
  req.on('response', (res) => {
    response = res;
    const status = res.statusCode;
    const headerList = new HeaderList();
    const raw = res.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) headerList.append(raw[i].toLowerCase(), raw[i + 1]);
    const location = headerList.get('location');
    if (redirectStatuses.includes(status) && location !== null && state.redirect !== 'manual') {
      res.resume();
      res.on('error', () => {});
      if (state.redirect === 'error') {
        settle(fetchFailed(new Error('unexpected redirect')));
        return;
      }
      redirect(url, status, location, state, controller, signal, settle, finished);
      return;
    }
    let source = res;
    const encoding = headerList.get('content-encoding');
    const hasBody = state.method !== 'HEAD' && state.method !== 'CONNECT' && !nullBodyStatuses.includes(status);
    if (hasBody && encoding !== null) {
      const decoders = decodersFor(encoding);
      for (const decoder of decoders) {
        source.on('error', (err) => decoder.destroy(err));
        source = source.pipe(decoder);
      }
    }
    const body = hasBody
      ? {
        stream: bodyStreamFrom(source, () => res.destroy(), (fail) => { failBody = fail; }),
        source: null,
        length: null,
      }
      : null;
    if (!hasBody) res.resume();
    res.once('end', finished);
    settle(null, makeResponse({
      type: 'basic',
      status,
      statusText: res.statusMessage,
      headerList,
      urlList: [...state.urlList],
      body,
    }));
  });
  sendBody(prepared, req);
}

// The Fetch standard's "HTTP-redirect fetch".
function redirect(url, status, location, state, controller, signal, settle, finished) {
  let next;
  try {
    next = new URL(location, url);
  } catch (cause) {
    settle(fetchFailed(cause));
    return;
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    settle(fetchFailed(new Error('URL scheme must be a HTTP(S) scheme')));
    return;
  }
  if (state.redirectCount === 20) {
    settle(fetchFailed(new Error('redirect count exceeded')));
    return;
  }
  state.redirectCount++;
  if (status !== 303 && state.body !== null && state.body.source === null) {
    settle(fetchFailed(new Error()));
    return;
  }
  if (((status === 301 || status === 302) && state.method === 'POST') ||
      (status === 303 && state.method !== 'GET' && state.method !== 'HEAD')) {
    state.method = 'GET';
    state.body = null;
    for (const name of ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length']) {
      state.headerList.delete(name);
    }
  }
  if (next.origin !== url.origin) {
    for (const name of ['authorization', 'proxy-authorization', 'cookie', 'host']) state.headerList.delete(name);
  }
  // The body is extracted again from its source, as Node's fetch does (a FormData gets a new
  // boundary while the Content-Type keeps the old one: Node sends that mismatch too).
  if (state.body !== null) state.body = extractBody(state.body.source).body;
  state.urlList.push(next.href);
  mainFetch(state, controller, signal, settle, finished);
}

module.exports = { fetch };
