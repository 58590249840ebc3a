// The stream of a test run's events (`run()` returns one; reporters read one): an object-mode
// Readable of `{ type, data }` that also emits each event by its type, as Node's TestsStream.
'use strict';

const { Readable } = require('stream');

const kEmitMessage = Symbol('kEmitMessage');

class TestsStream extends Readable {
  #queued = [];
  #flowing = true;

  constructor() {
    super({ objectMode: true, highWaterMark: Number.MAX_SAFE_INTEGER });
  }

  _read() {
    this.#flowing = true;
    while (this.#queued.length > 0) {
      if (!this.#push(this.#queued.shift())) return;
    }
  }

  #push(message) {
    if (!this.#flowing) {
      this.#queued.push(message);
      return false;
    }
    this.#flowing = this.push(message);
    return this.#flowing;
  }

  // Each event's data: the fields the reporters read, then the test's location (file, line,
  // column) and its skip/todo directive, in Node's order.
  fail(nesting, loc, testNumber, name, details, directive) {
    this[kEmitMessage]('test:fail', { __proto__: null, name, nesting, testNumber, details, ...loc, ...directive });
  }

  ok(nesting, loc, testNumber, name, details, directive) {
    this[kEmitMessage]('test:pass', { __proto__: null, name, nesting, testNumber, details, ...loc, ...directive });
  }

  complete(nesting, loc, testNumber, name, details, directive) {
    this[kEmitMessage]('test:complete', { __proto__: null, name, nesting, testNumber, details, ...loc, ...directive });
  }

  plan(nesting, loc, count) {
    this[kEmitMessage]('test:plan', { __proto__: null, nesting, count, ...loc });
  }

  getSkip(reason = undefined) {
    return { __proto__: null, skip: reason ?? true };
  }

  getTodo(reason = undefined) {
    return { __proto__: null, todo: reason ?? true };
  }

  enqueue(nesting, loc, name) {
    this[kEmitMessage]('test:enqueue', { __proto__: null, nesting, name, ...loc });
  }

  dequeue(nesting, loc, name) {
    this[kEmitMessage]('test:dequeue', { __proto__: null, nesting, name, ...loc });
  }

  start(nesting, loc, name) {
    this[kEmitMessage]('test:start', { __proto__: null, nesting, name, ...loc });
  }

  diagnostic(nesting, loc, message) {
    this[kEmitMessage]('test:diagnostic', { __proto__: null, nesting, message, ...loc });
  }

  end() {
    this.#push(null);
  }

  [kEmitMessage](type, data) {
    this.emit(type, data);
    this.#push({ type, data });
  }
}

module.exports = { TestsStream, kEmitMessage };
