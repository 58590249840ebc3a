// `Response` as Node v20's fetch has it: the constructor's init checks (status range, reason
// phrase, null-body statuses), the statics json/error/redirect, clone (a tee of the body),
// the Body members, and a util.inspect rendering of its attributes. fetch() makes its
// responses through `makeResponse`.
'use strict';
const { URL } = require('url');

const { HeaderList, fillHeaders, headersFromList, webidlClass, setGuard } = require('internal/fetch/headers');
const { argumentLengthCheck, toByteString, illegalInvocation } = require('internal/fetch/webidl');
const { extractBody, bodyUnusable, cloneBody, bodyMixin } = require('internal/fetch/body');
const { reorderMembers, parseURL } = require('internal/fetch/shared');

const kState = Symbol('state');
const kHeaders = Symbol('headers');
const kCreate = Symbol('create');
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const nullBodyStatuses = [101, 204, 205, 304];
const redirectStatuses = [301, 302, 303, 307, 308];

// WebIDL `unsigned short` without [EnforceRange]: ToNumber, truncate, modulo 2**16.
function toUnsignedShort(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return 0;
  const t = Math.trunc(n) % 65536;
  return t < 0 ? t + 65536 : t + 0;
}

// The ResponseInit dictionary: { status, statusText, headers }.
function convertInit(init, context) {
  if (init !== undefined && init !== null && typeof init !== 'object' && typeof init !== 'function') {
    const shown = typeof init === 'string' ? JSON.stringify(init) : String(init);
    throw new TypeError(`${context}: Expected ${shown} to be one of: Null, Undefined, Object.`);
  }
  const source = init ?? {};
  const headers = source.headers;
  const status = source.status === undefined ? 200 : toUnsignedShort(source.status);
  const statusText = source.statusText === undefined ? '' : toByteString(source.statusText, context, 'statusText');
  return { headers, status, statusText };
}

// Node's "initialize a response": the init checks, the headers, then the body.
function initializeResponse(response, init, body) {
  if (init.status < 200 || init.status > 599) {
    throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  }
  if (!/^[\t\u0020-\u007e\u0080-\u00ff]*$/.test(init.statusText)) throw new TypeError('Invalid statusText');
  const state = response[kState];
  state.status = init.status;
  state.statusText = init.statusText;
  if (init.headers !== undefined) fillHeaders(response[kHeaders], init.headers);
  if (body !== null) {
    if (nullBodyStatuses.includes(state.status)) {
      throw new TypeError(`Response constructor: Invalid response status code ${state.status}`);
    }
    state.body = body.body;
    if (body.type !== null && !state.headerList.has('content-type')) state.headerList.append('content-type', body.type);
  }
}

function newState() {
  return {
    type: 'default', status: 200, statusText: '', headerList: new HeaderList(), body: null, urlList: [],
  };
}

/** The WHATWG `Response` class. */
class Response {
  constructor(body = null, init = {}) {
    if (body === kCreate) {
      this[kState] = init;
      this[kHeaders] = headersFromList(init.headerList, 'response');
      return;
    }
    const converted = convertInit(init, 'undefined');
    this[kState] = newState();
    this[kHeaders] = headersFromList(this[kState].headerList, 'response');
    initializeResponse(this, converted, body === null || body === undefined ? null : extractBody(body));
  }

  static error() {
    const state = newState();
    state.type = 'error';
    state.status = 0;
    const response = new Response(kCreate, state);
    setHeadersGuard(response, 'immutable');
    return response;
  }

  static json(data, init = {}) {
    argumentLengthCheck(arguments.length, 1, 'Response.json');
    const converted = convertInit(init, 'Response.json');
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const response = new Response(kCreate, newState());
    const body = extractBody(text);
    initializeResponse(response, converted, { body: body.body, type: 'application/json' });
    return response;
  }

  static redirect(url, status = 302) {
    argumentLengthCheck(arguments.length, 1, 'Response.redirect');
    const parsed = parseURL(`${url}`);
    status = toUnsignedShort(status);
    if (!redirectStatuses.includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const state = newState();
    state.status = status;
    state.headerList.set('location', parsed.href);
    const response = new Response(kCreate, state);
    setHeadersGuard(response, 'immutable');
    return response;
  }

  get type() {
    return stateOf(this).type;
  }

  get url() {
    const { urlList } = stateOf(this);
    if (urlList.length === 0) return '';
    const url = new URL(urlList[urlList.length - 1]);
    url.hash = '';
    return url.href;
  }

  get redirected() {
    return stateOf(this).urlList.length > 1;
  }

  get status() {
    return stateOf(this).status;
  }

  get ok() {
    const { status } = stateOf(this);
    return status >= 200 && status <= 299;
  }

  get statusText() {
    return stateOf(this).statusText;
  }

  get headers() {
    stateOf(this);
    return this[kHeaders];
  }

  clone() {
    const state = stateOf(this);
    if (bodyUnusable(state.body)) throw new TypeError('Response.clone: Body has already been consumed.');
    const copy = { ...state, headerList: state.headerList.clone(), urlList: [...state.urlList] };
    if (state.body !== null) copy.body = cloneBody(state.body);
    const response = new Response(kCreate, copy);
    setHeadersGuard(response, headersGuardOf(this));
    return response;
  }

  [customInspect](depth, options) {
    const { inspect } = require('util');
    const fields = {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body,
      bodyUsed: this.bodyUsed,
      ok: this.ok,
      redirected: this.redirected,
      type: this.type,
      url: this.url,
    };
    return `Response ${inspect(fields, { ...options, depth: options.depth ?? depth })}`;
  }
}

function stateOf(value) {
  if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, kState) ||
      !(value instanceof Response)) {
    throw illegalInvocation();
  }
  return value[kState];
}

const guards = new WeakMap();
function setHeadersGuard(response, guard) {
  guards.set(response, guard);
  setGuard(response[kHeaders], guard);
}
function headersGuardOf(response) {
  return guards.get(response) ?? 'response';
}

bodyMixin(Response, (value) => {
  let state;
  try {
    state = stateOf(value);
  } catch {
    return undefined;
  }
  return { body: state.body, headerList: state.headerList };
});
webidlClass(Response, ['type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers', 'clone']);
reorderMembers(Response.prototype, ['body', 'bodyUsed', 'clone', 'blob', 'arrayBuffer', 'text', 'json', 'formData', 'bytes']);
// The statics are enumerable (WebIDL), so util.inspect(Response) lists them as Node does.
for (const name of ['error', 'json', 'redirect']) {
  const d = Object.getOwnPropertyDescriptor(Response, name);
  d.enumerable = true;
  Object.defineProperty(Response, name, d);
}

/**
 * A Response for fetch(): `state` holds { type, status, statusText, headerList, body, urlList }
 * and the headers guard is "immutable", as fetch's responses are.
 */
function makeResponse(state) {
  const response = new Response(kCreate, { ...newState(), ...state });
  setHeadersGuard(response, 'immutable');
  return response;
}

module.exports = { Response, makeResponse };
