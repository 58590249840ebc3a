// `Request` as Node v20's fetch has it: the RequestInit conversion (enum members and their
// messages), the constructor's steps in Node's order (URL, credentials in URL, mode, cache,
// method normalization and forbidden methods, the signal that follows the caller's, headers,
// body and the GET/HEAD and duplex rules), clone, the Body members and inspect output.
'use strict';
const { URL } = require('url');
const { AbortController, AbortSignal } = require('internal/abort_controller');

const { HeaderList, fillHeaders, headersFromList, webidlClass } = require('internal/fetch/headers');
const {
  illegalInvocation, argumentLengthCheck, toByteString, toUSVString, toDOMString, toEnum, isToken,
} = require('internal/fetch/webidl');
const { extractBody, bodyUnusable, cloneBody, bodyMixin } = require('internal/fetch/body');
const { reorderMembers, parseURL } = require('internal/fetch/shared');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kCreate = Symbol('create');
const states = new WeakMap();

const referrerPolicies = ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin',
  'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'];
const modes = ['navigate', 'same-origin', 'no-cors', 'cors'];
const credentialModes = ['omit', 'same-origin', 'include'];
const cacheModes = ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'];
const redirectModes = ['follow', 'manual', 'error'];
const normalizedMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
const forbiddenMethods = ['CONNECT', 'TRACE', 'TRACK'];
const warnedMethods = new Set();

// The RequestInit dictionary, members converted in WebIDL's (alphabetical) order.
function convertInit(init) {
  if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
    const shown = typeof init === 'string' ? JSON.stringify(init) : String(init);
    throw new TypeError(`Request constructor: Expected ${shown} to be one of: Null, Undefined, Object.`);
  }
  const source = init ?? {};
  const out = {};
  const ctx = 'Request constructor';
  const take = (name, convert) => {
    const value = source[name];
    if (value !== undefined) out[name] = convert(value);
  };
  take('body', (v) => v);
  take('cache', (v) => toEnum(v, cacheModes, ctx));
  take('credentials', (v) => toEnum(v, credentialModes, ctx));
  take('duplex', (v) => toEnum(v, ['half'], ctx));
  take('headers', (v) => v);
  take('integrity', (v) => toDOMString(v, ctx, 'integrity'));
  take('keepalive', (v) => Boolean(v));
  take('method', (v) => toByteString(v, ctx, 'method'));
  take('mode', (v) => toEnum(v, modes, ctx));
  take('redirect', (v) => toEnum(v, redirectModes, ctx));
  take('referrer', (v) => toUSVString(v, ctx, 'referrer'));
  take('referrerPolicy', (v) => toEnum(v, referrerPolicies, ctx));
  take('signal', (v) => {
    if (v !== null && !(v instanceof AbortSignal)) {
      throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
    }
    return v;
  });
  take('window', (v) => v);
  return out;
}

// A signal that aborts when `parent` does (already aborted if it is): a dependent signal.
function followingSignal(parent) {
  if (parent === null || parent === undefined) return new AbortController().signal;
  return AbortSignal.any([parent]);
}

function newState(url) {
  return {
    method: 'GET', urlList: [url], headerList: new HeaderList(), body: null, mode: 'cors',
    credentials: 'same-origin', cache: 'default', redirect: 'follow', integrity: '', keepalive: false,
    referrer: 'client', referrerPolicy: '', reloadNavigation: false, historyNavigation: false,
    destination: '', headersGuard: 'request',
  };
}

function stateOf(value) {
  const state = value !== null && typeof value === 'object' ? states.get(value) : undefined;
  if (state === undefined) throw illegalInvocation();
  return state;
}

/** The WHATWG `Request` class. */
class Request {
  constructor(input, init = {}) {
    if (input === kCreate) {
      states.set(this, init);
      init.headers = headersFromList(init.state.headerList, init.state.headersGuard);
      return;
    }
    argumentLengthCheck(arguments.length, 1, 'Request constructor');
    const inputState = input !== null && typeof input === 'object' ? states.get(input) : undefined;
    if (inputState === undefined) input = toUSVString(input, 'Request constructor', 'input');
    const options = convertInit(init);

    let request;
    let parentSignal = null;
    if (inputState === undefined) {
      const url = parseURL(input);
      if (url.username !== '' || url.password !== '') {
        throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${input}`);
      }
      request = newState(url.href);
    } else {
      request = { ...inputState.state, headerList: inputState.state.headerList.clone(), urlList: [...inputState.state.urlList] };
      parentSignal = inputState.signal;
    }
    if (options.window !== undefined && options.window !== null) {
      throw new TypeError("'window' option 'client' must be null");
    }
    if (Object.keys(options).length !== 0) {
      if (request.mode === 'navigate') request.mode = 'same-origin';
      request.reloadNavigation = false;
      request.historyNavigation = false;
      request.referrer = 'client';
      request.referrerPolicy = '';
      request.urlList = [request.urlList[request.urlList.length - 1]];
    }
    if (options.referrer !== undefined) {
      if (options.referrer === '') {
        request.referrer = 'no-referrer';
      } else {
        let parsed;
        try {
          parsed = new URL(options.referrer);
        } catch (cause) {
          throw new TypeError(`Referrer "${options.referrer}" is not a valid URL.`, { cause });
        }
        request.referrer = parsed.protocol === 'about:' && parsed.pathname === 'client' ? 'client' : parsed.href;
      }
    }
    if (options.referrerPolicy !== undefined) request.referrerPolicy = options.referrerPolicy;
    if (options.mode === 'navigate') throw new TypeError('Request constructor: invalid request mode navigate.');
    if (options.mode !== undefined) request.mode = options.mode;
    if (options.credentials !== undefined) request.credentials = options.credentials;
    if (options.cache !== undefined) request.cache = options.cache;
    if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') {
      throw new TypeError("'only-if-cached' can be set only with 'same-origin' mode");
    }
    if (options.redirect !== undefined) request.redirect = options.redirect;
    if (options.integrity !== undefined) request.integrity = options.integrity;
    if (options.keepalive !== undefined) request.keepalive = options.keepalive;
    if (options.method !== undefined) {
      const method = options.method;
      if (!isToken(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
      const upper = method.toUpperCase();
      if (forbiddenMethods.includes(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
      request.method = normalizedMethods.includes(upper) ? upper : method;
      if (method === 'patch' && !warnedMethods.has(method)) {
        warnedMethods.add(method);
        process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not Allowed`. ' +
          '`PATCH` is much more likely to succeed.', { code: 'UNDICI-FETCH-patch' });
      }
    }
    if (options.signal !== undefined) parentSignal = options.signal;
    const signal = followingSignal(parentSignal);

    request.headersGuard = 'request';
    if (request.mode === 'no-cors') {
      if (!['GET', 'HEAD', 'POST'].includes(request.method)) {
        throw new TypeError(`'${request.method} is unsupported in no-cors mode.`);
      }
      request.headersGuard = 'request-no-cors';
    }
    if (Object.keys(options).length !== 0) {
      const fill = options.headers !== undefined ? options.headers : request.headerList.raw();
      request.headerList = new HeaderList();
      const fresh = headersFromList(request.headerList, 'none');
      fillHeaders(fresh, fill);
    }

    const inputBody = inputState !== undefined ? inputState.state.body : null;
    if (((options.body !== undefined && options.body !== null) || inputBody !== null) &&
        (request.method === 'GET' || request.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    let initBody = null;
    if (options.body !== undefined && options.body !== null) {
      const extracted = extractBody(options.body);
      if (request.keepalive && extracted.body.source === null) throw new TypeError('keepalive');
      initBody = extracted.body;
      if (extracted.type !== null && !request.headerList.has('content-type')) {
        request.headerList.append('content-type', extracted.type);
      }
    }
    const body = initBody ?? inputBody;
    if (body !== null && body.source === null) {
      if (initBody !== null && options.duplex === undefined) {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      if (request.mode !== 'same-origin' && request.mode !== 'cors') {
        throw new TypeError('If request is made from ReadableStream, mode should be "same-origin" or "cors"');
      }
    }
    let finalBody = body;
    if (initBody === null && inputBody !== null) {
      if (bodyUnusable(inputBody)) {
        throw new TypeError('Cannot construct a Request with a Request object that has already been used.');
      }
      // The new request reads the old one's stream through an identity transform, which
      // marks the old body used (as Node's fetch does).
      const stream = inputBody.stream.pipeThrough(new (require('stream/web').TransformStream)());
      finalBody = { stream, source: inputBody.source, length: inputBody.length };
    }
    request.body = finalBody;
    states.set(this, {
      state: request, signal, headers: headersFromList(request.headerList, request.headersGuard),
    });
  }

  get method() { return stateOf(this).state.method; }
  get url() { return stateOf(this).state.urlList[0]; }
  get headers() { return stateOf(this).headers; }
  get destination() { return stateOf(this).state.destination; }
  get referrer() {
    const { referrer } = stateOf(this).state;
    return referrer === 'no-referrer' ? '' : referrer === 'client' ? 'about:client' : referrer;
  }
  get referrerPolicy() { return stateOf(this).state.referrerPolicy; }
  get mode() { return stateOf(this).state.mode; }
  get credentials() { return stateOf(this).state.credentials; }
  get cache() { return stateOf(this).state.cache; }
  get redirect() { return stateOf(this).state.redirect; }
  get integrity() { return stateOf(this).state.integrity; }
  get keepalive() { return stateOf(this).state.keepalive; }
  get isReloadNavigation() { return stateOf(this).state.reloadNavigation; }
  get isHistoryNavigation() { return stateOf(this).state.historyNavigation; }
  get signal() { return stateOf(this).signal; }
  get duplex() {
    stateOf(this);
    return 'half';
  }

  clone() {
    const own = stateOf(this);
    if (bodyUnusable(own.state.body)) throw new TypeError('unusable');
    const state = { ...own.state, headerList: own.state.headerList.clone(), urlList: [...own.state.urlList] };
    if (own.state.body !== null) state.body = cloneBody(own.state.body);
    return new Request(kCreate, { state, signal: followingSignal(own.signal) });
  }

  [customInspect](depth, options) {
    const { inspect } = require('util');
    const fields = {
      method: this.method,
      url: this.url,
      headers: this.headers,
      destination: this.destination,
      referrer: this.referrer,
      referrerPolicy: this.referrerPolicy,
      mode: this.mode,
      credentials: this.credentials,
      cache: this.cache,
      redirect: this.redirect,
      integrity: this.integrity,
      keepalive: this.keepalive,
      isReloadNavigation: this.isReloadNavigation,
      isHistoryNavigation: this.isHistoryNavigation,
      signal: this.signal,
    };
    return `Request ${inspect(fields, { ...options, depth: options.depth ?? depth })}`;
  }
}

bodyMixin(Request, (value) => {
  const own = value !== null && typeof value === 'object' ? states.get(value) : undefined;
  return own === undefined ? undefined : { body: own.state.body, headerList: own.state.headerList };
});
const attributes = ['method', 'url', 'headers', 'destination', 'referrer', 'referrerPolicy', 'mode', 'credentials',
  'cache', 'redirect', 'integrity', 'keepalive', 'isReloadNavigation', 'isHistoryNavigation', 'signal'];
webidlClass(Request, [...attributes, 'duplex', 'clone']);
reorderMembers(Request.prototype, ['body', 'bodyUsed', 'duplex', 'clone', 'blob', 'arrayBuffer', 'text', 'json',
  'formData', 'bytes']);
// Node's Request.prototype also carries this undefined, read-only member.
Object.defineProperty(Request.prototype, 'attribute', { value: undefined, enumerable: true });

/** The internal state of a Request: { state, signal, headers } (fetch reads it). */
function requestState(request) {
  return stateOf(request);
}

module.exports = { Request, requestState };
