// `Headers` as Node v20's fetch has it: a list keyed by lower-cased name that keeps the first
// spelling of each name, joins repeated values with ", " ("; " for cookie) but keeps every
// set-cookie line apart, iterates sorted by name (set-cookie lines one by one) through a live
// "Headers Iterator", and refuses changes when its guard is "immutable".
'use strict';

const {
  illegalInvocation, argumentLengthCheck, toByteString, isToken, trimHttpWhitespace,
  isHeaderValue,
} = require('internal/fetch/webidl');

// Each Headers object's { list, guard }; a WeakMap keeps them off the object, as Node's
// private fields do (no own keys or symbols show).
const states = new WeakMap();
const customInspect = Symbol.for('nodejs.util.inspect.custom');
const sortedKey = Symbol('headers map sorted');

/** The header list behind a Headers object (also used directly by Request, Response and fetch). */
class HeaderList {
  constructor() {
    /** lower-cased name -> { name: first spelling, value } in insertion order. */
    this.map = new Map();
    /** Every set-cookie value, apart (null when there is none). */
    this.cookies = null;
    this.sortedCache = null;
  }

  /** Adds a value, joining it to an existing one (Node's `append`). */
  append(name, value) {
    const lower = name.toLowerCase();
    const existing = this.map.get(lower);
    if (existing !== undefined) {
      existing.value += `${lower === 'cookie' ? '; ' : ', '}${value}`;
    } else {
      this.map.set(lower, { name, value });
    }
    if (lower === 'set-cookie') (this.cookies ??= []).push(value);
    this.sortedCache = null;
  }

  /** Replaces every value of a name, keeping its place in the list (Node's `set`). */
  set(name, value) {
    const lower = name.toLowerCase();
    this.map.set(lower, { name, value });
    if (lower === 'set-cookie') this.cookies = [value];
    this.sortedCache = null;
  }

  delete(name) {
    const lower = name.toLowerCase();
    if (lower === 'set-cookie') this.cookies = null;
    this.map.delete(lower);
    this.sortedCache = null;
  }

  has(name) {
    return this.map.has(name.toLowerCase());
  }

  /** The combined value, or null. */
  get(name) {
    const entry = this.map.get(name.toLowerCase());
    return entry === undefined ? null : entry.value;
  }

  /** [lower-cased name, value] pairs sorted by name, each set-cookie line on its own. */
  sorted() {
    if (this.sortedCache !== null) return this.sortedCache;
    const names = [...this.map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out = [];
    for (const name of names) {
      if (name === 'set-cookie' && this.cookies !== null) {
        for (const cookie of this.cookies) out.push([name, cookie]);
      } else {
        out.push([name, this.map.get(name).value]);
      }
    }
    this.sortedCache = out;
    return out;
  }

  /** [first spelling, value] pairs in insertion order (what goes on the wire and into inspect). */
  raw() {
    const out = [];
    for (const { name, value } of this.map.values()) out.push([name, value]);
    return out;
  }

  clone() {
    const copy = new HeaderList();
    for (const [lower, { name, value }] of this.map) copy.map.set(lower, { name, value });
    copy.cookies = this.cookies === null ? null : [...this.cookies];
    return copy;
  }
}

function stateOf(value) {
  const state = value !== null && typeof value === 'object' ? states.get(value) : undefined;
  if (state === undefined) throw illegalInvocation();
  return state;
}

function checkName(name, context) {
  if (!isToken(name)) throw new TypeError(`${context}: "${name}" is an invalid header name.`);
}

// Validates and normalizes one name/value pair, then appends it; what `append` and the
// constructor's fill both do.
function appendHeader(headers, name, value) {
  value = trimHttpWhitespace(value);
  checkName(name, 'Headers.append');
  if (!isHeaderValue(value)) throw new TypeError(`Headers.append: "${value}" is an invalid header value.`);
  const state = states.get(headers);
  if (state.guard === 'immutable') throw new TypeError('immutable');
  state.list.append(name, value);
}

const badInit = 'Headers constructor: Argument 1 could not be converted to one of: ' +
  'sequence<sequence<ByteString>>, record<ByteString, ByteString>.';

/** Fills `headers` from a HeadersInit: a sequence of pairs or a record (Node's "fill"). */
function fillHeaders(headers, init) {
  if (init === null || (typeof init !== 'object' && typeof init !== 'function')) throw new TypeError(badInit);
  const iteratorMethod = init[Symbol.iterator];
  if (iteratorMethod !== undefined && iteratorMethod !== null) {
    if (typeof iteratorMethod !== 'function') throw new TypeError(badInit);
    const pairs = [];
    let index = 0;
    for (const pair of { [Symbol.iterator]: () => iteratorMethod.call(init) }) {
      if (pair === null || (typeof pair !== 'object' && typeof pair !== 'function') ||
          typeof pair[Symbol.iterator] !== 'function') {
        const shown = typeof pair === 'string' ? JSON.stringify(pair) : String(pair);
        throw new TypeError(`Headers contructor: init[${index}] (${shown}) is not iterable.`);
      }
      const items = [];
      for (const item of pair) items.push(toByteString(item, 'Header constructor', 'header'));
      pairs.push(items);
      index++;
    }
    for (const items of pairs) {
      if (items.length !== 2) {
        throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${items.length}.`);
      }
      appendHeader(headers, items[0], items[1]);
    }
    return;
  }
  const record = [];
  for (const key of Reflect.ownKeys(init)) {
    if (typeof key === 'symbol') {
      throw new TypeError('Headers contructor: init is a symbol, which cannot be converted to a DOMString.');
    }
    const desc = Reflect.getOwnPropertyDescriptor(init, key);
    if (desc === undefined || !desc.enumerable) continue;
    record.push([toByteString(key, 'Headers constructor', 'key'), toByteString(init[key], 'Headers constructor', 'value')]);
  }
  for (const [name, value] of record) appendHeader(headers, name, value);
}

/** The WHATWG `Headers` class. */
class Headers {
  constructor(init = undefined) {
    states.set(this, { list: new HeaderList(), guard: 'none' });
    if (init !== undefined) fillHeaders(this, init);
  }

  append(name, value) {
    const state = stateOf(this);
    argumentLengthCheck(arguments.length, 2, 'Headers.append');
    name = toByteString(name, 'Headers.append', 'name');
    value = toByteString(value, 'Headers.append', 'value');
    appendHeader(this, name, value);
  }

  delete(name) {
    const state = stateOf(this);
    argumentLengthCheck(arguments.length, 1, 'Headers.delete');
    name = toByteString(name, 'Headers.delete', 'name');
    checkName(name, 'Headers.delete');
    if (state.guard === 'immutable') throw new TypeError('immutable');
    if (!state.list.has(name)) return;
    state.list.delete(name);
  }

  get(name) {
    const state = stateOf(this);
    argumentLengthCheck(arguments.length, 1, 'Headers.get');
    name = toByteString(name, 'Headers.get', 'name');
    checkName(name, 'Headers.get');
    return state.list.get(name);
  }

  has(name) {
    const state = stateOf(this);
    argumentLengthCheck(arguments.length, 1, 'Headers.has');
    name = toByteString(name, 'Headers.has', 'name');
    checkName(name, 'Headers.has');
    return state.list.has(name);
  }

  set(name, value) {
    const state = stateOf(this);
    argumentLengthCheck(arguments.length, 2, 'Headers.set');
    name = toByteString(name, 'Headers.set', 'name');
    value = trimHttpWhitespace(toByteString(value, 'Headers.set', 'value'));
    checkName(name, 'Headers.set');
    if (!isHeaderValue(value)) throw new TypeError(`Headers.set: "${value}" is an invalid header value.`);
    if (state.guard === 'immutable') throw new TypeError('immutable');
    state.list.set(name, value);
  }

  getSetCookie() {
    const state = stateOf(this);
    const cookies = state.list.cookies;
    return cookies === null ? [] : [...cookies];
  }

  get [sortedKey]() {
    return stateOf(this).list.sorted();
  }

  keys() {
    const state = stateOf(this);
    return makeIterator(HeadersIteratorPrototype, () => state.list.sorted(), 'key');
  }

  values() {
    const state = stateOf(this);
    return makeIterator(HeadersIteratorPrototype, () => state.list.sorted(), 'value');
  }

  entries() {
    const state = stateOf(this);
    return makeIterator(HeadersIteratorPrototype, () => state.list.sorted(), 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    const state = stateOf(this);
    argumentLengthCheck(arguments.length, 1, 'Headers.forEach');
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'Function'.");
    }
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  [customInspect](depth, options) {
    const { inspect } = require('util');
    const record = {};
    for (const [name, value] of stateOf(this).list.raw()) {
      Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
    }
    return `Headers ${inspect(record, { ...options, depth: options.depth ?? depth })}`;
  }
}

// --- the live pair iterators (also FormData's) ----------------------------------------------
const kIterTarget = Symbol('iterator target');
const kIterKind = Symbol('iterator kind');
const kIterIndex = Symbol('iterator index');
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

/** A prototype for "<Name> Iterator" objects over a live list of [key, value] pairs. */
function makeIteratorPrototype(name) {
  const proto = Object.create(IteratorPrototype);
  Object.defineProperty(proto, 'next', {
    value: function next() {
      if (this === null || typeof this !== 'object' || !(kIterTarget in this) ||
          Object.getPrototypeOf(this) !== proto) {
        throw new TypeError(`'next' called on an object that does not implement interface ${name} Iterator.`);
      }
      const list = this[kIterTarget]();
      const index = this[kIterIndex];
      if (index >= list.length) return { value: undefined, done: true };
      this[kIterIndex] = index + 1;
      const [key, value] = list[index];
      const kind = this[kIterKind];
      return { value: kind === 'key' ? key : kind === 'value' ? value : [key, value], done: false };
    },
    writable: true,
    enumerable: true,
    configurable: true,
  });
  Object.defineProperty(proto, Symbol.toStringTag, { value: `${name} Iterator`, configurable: true });
  return proto;
}

/** A new iterator whose pairs come from `list()` at each step (so later changes are seen). */
function makeIterator(proto, list, kind) {
  const it = Object.create(proto);
  Object.defineProperty(it, kIterTarget, { value: list });
  Object.defineProperty(it, kIterKind, { value: kind });
  Object.defineProperty(it, kIterIndex, { value: 0, writable: true });
  return it;
}

const HeadersIteratorPrototype = makeIteratorPrototype('Headers');

/**
 * Makes the named prototype members enumerable, as WebIDL does, and sets the class's
 * toStringTag unless `tag` is false (classes with an iterator set it after the iterator).
 */
function webidlClass(Class, names, tag = true) {
  for (const name of names) {
    const d = Object.getOwnPropertyDescriptor(Class.prototype, name);
    d.enumerable = true;
    Object.defineProperty(Class.prototype, name, d);
  }
  if (tag) Object.defineProperty(Class.prototype, Symbol.toStringTag, { value: Class.name, configurable: true });
}

webidlClass(Headers, ['append', 'delete', 'get', 'has', 'set', 'getSetCookie', 'keys', 'values', 'entries', 'forEach'], false);
Object.defineProperty(Headers.prototype, Symbol.iterator, {
  value: Headers.prototype.entries, writable: true, configurable: true,
});
// Node lists the tag after the iterator.
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: 'Headers', configurable: true });

/** A Headers object over an existing list, with a guard ("immutable", "request", "response", "none"). */
function headersFromList(list, guard) {
  const headers = new Headers();
  states.set(headers, { list, guard });
  return headers;
}

/** Changes a Headers object's guard. */
function setGuard(headers, guard) {
  stateOf(headers).guard = guard;
}

module.exports = {
  Headers,
  HeaderList,
  fillHeaders,
  headersFromList,
  setGuard,
  makeIteratorPrototype,
  makeIterator,
  webidlClass,
};
