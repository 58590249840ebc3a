// `require('readline/promises')`: the readline Interface whose `question` returns a promise,
// and `Readline`, which batches cursor/clear escape sequences for one `commit()` (Node v20).
'use strict';

const { codes, validateInteger } = require('internal/errors');
const base = require('internal/readline/interface');
const { isWritableNodeStream } = require('internal/streams/utils');

const { CSI, kAwaitsCompleter, kQuestion, kQuestionCancel } = base;

function abortModule() {
  return require('internal/abort_controller');
}

/**
 * `readline/promises`' Interface: the same reader; `question` returns a promise and the
 * completer (kept as given) is called with the text alone, its result awaited.
 */
class Interface extends base.Interface {
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
    this.completer = input !== null && input !== undefined && input.input ? input.completer : completer;
    this[kAwaitsCompleter] = true;
  }

  /**
   * `rl.question(query[, { signal }])`: resolves with the next line; an abort rejects with
   * AbortError (cause: the signal's reason) and cancels the question; after `close()` the
   * promise rejects with ERR_USE_AFTER_CLOSE.
   */
  question(query, options = undefined) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options === null || options === undefined ? undefined : options.signal;
      if (signal) {
        abortModule().validateAbortSignal(signal, 'options.signal');
        const { AbortError } = abortModule();
        if (signal.aborted) {
          reject(new AbortError(undefined, { cause: signal.reason }));
          return;
        }
        const onAbort = () => {
          if (this[kQuestionCancel] !== null) this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this[kQuestion](query, cb);
    });
  }
}

const kStream = Symbol('kStream');
const kTodo = Symbol('kTodo');
const kAutoCommit = Symbol('kAutoCommit');
const kQueue = Symbol('kQueue');

/**
 * `new Readline(stream[, { autoCommit }])`: collects cursor moves and clears; `commit()` writes
 * them in one `write` (autoCommit: each is written on the next tick instead).
 */
class Readline {
  constructor(stream, options = undefined) {
    if (!isWritableNodeStream(stream)) throw codes.ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    this[kStream] = stream;
    this[kTodo] = [];
    this[kAutoCommit] = false;
    if (options !== null && options !== undefined && options.autoCommit !== undefined) {
      if (typeof options.autoCommit !== 'boolean') {
        throw codes.ERR_INVALID_ARG_TYPE('options.autoCommit', 'boolean', options.autoCommit);
      }
      this[kAutoCommit] = options.autoCommit;
    }
  }

  /** Moves the cursor to column `x` (and row `y`). */
  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y !== undefined) validateInteger(y, 'y');
    this[kQueue](y === undefined ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`);
    return this;
  }

  /** Moves the cursor `dx` columns and `dy` rows. */
  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      let data = '';
      if (dx < 0) data += `${CSI}${-dx}D`;
      else if (dx > 0) data += `${CSI}${dx}C`;
      if (dy < 0) data += `${CSI}${-dy}A`;
      else if (dy > 0) data += `${CSI}${dy}B`;
      this[kQueue](data);
    }
    return this;
  }

  /** Clears left of the cursor (-1), right of it (1) or the whole line (0). */
  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    this[kQueue](dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`);
    return this;
  }

  /** Clears from the cursor to the end of the screen. */
  clearScreenDown() {
    this[kQueue](`${CSI}0J`);
    return this;
  }

  /** Writes what was queued in one `write`; resolves when the stream calls back. */
  commit() {
    return new Promise((resolve) => {
      const data = this[kTodo].join('');
      this[kTodo] = [];
      this[kStream].write(data, resolve);
    });
  }

  /** Drops what was queued. */
  rollback() {
    this[kTodo] = [];
    return this;
  }

  [kQueue](data) {
    if (this[kAutoCommit]) process.nextTick(() => this[kStream].write(data));
    else this[kTodo].push(data);
  }
}
/** `readline/promises.createInterface(...)`. */
function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
