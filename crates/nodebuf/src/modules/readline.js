// `internal/readline/interface` (public as `require('readline')`): Node v20's line reader over any readable stream. Lines are split on
// `\n`, `\r\n` and a lone `\r`; a `\r` that ends one chunk and a `\n` that starts the next
// within `crlfDelay` ms are one ending (Node's rule). Bytes go through one StringDecoder, so a
// character split across chunks is decoded whole. The cursor/clear helpers write Node's CSI
// escape sequences. Written from Node's documented and observed behaviour.
'use strict';

const { codes, makeNodeError, validateFunction } = require('internal/errors');
const { StringDecoder } = require('string_decoder');
const EventEmitter = require('events');

const DateNow = Date.now;
const MathMax = Math.max;
const NumberIsNaN = Number.isNaN;
const SymbolFor = Symbol.for;
const StringPrototypeSlice = String.prototype.slice;
const RegExpPrototypeExec = RegExp.prototype.exec;
const ReflectApply = Reflect.apply;

/** The smallest `crlfDelay` Node accepts (smaller values are raised to it). */
const kMinCrlfDelay = 100;
/** Node's default `historySize`. */
const kHistorySize = 30;
/** Node's async iterator pauses the input past this many unread lines. */
const kIteratorHighWaterMark = 1024;

const kDecoder = Symbol('_decoder');
const kLineBuffer = Symbol('_line_buffer');
const kSawReturnAt = Symbol('_sawReturnAt');
const kPrompt = Symbol('_prompt');
const kOldPrompt = Symbol('_oldPrompt');
const kQuestionCallback = Symbol('_questionCallback');
const kQuestionCancel = Symbol('kQuestionCancel');
const kPaused = Symbol('kPaused');
const kClosed = Symbol('kClosed');
const kLineIterator = Symbol('kLineObjectStream');
const kDetach = Symbol('kDetach');

const CSI = '\x1b[';

function ERR_USE_AFTER_CLOSE(name) {
  return makeNodeError(Error, 'ERR_USE_AFTER_CLOSE', `${name} was closed`);
}

function ERR_INVALID_CURSOR_POS() {
  return makeNodeError(TypeError, 'ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column');
}

function abortModule() {
  return require('internal/abort_controller');
}

// The line endings, searched with a global regex whose lastIndex walks the string.
function lineEndingPattern() {
  return /\r?\n|\r(?!\n)/g;
}

function validateUint32(value, name, positive) {
  if (typeof value !== 'number') throw codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  const min = positive ? 1 : 0;
  if (value < min || value > 4294967295) throw codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= 4294967295`, value);
}

/**
 * `readline.Interface(input[, output[, completer[, terminal]]])` or `Interface(options)`:
 * reads lines from `input`, answering a pending `question` first, else emitting 'line'.
 * Callable with or without `new`, as Node's.
 */
function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  constructInterface(this, input, output, completer, terminal);
}
Object.setPrototypeOf(Interface.prototype, EventEmitter.prototype);
Object.setPrototypeOf(Interface, EventEmitter);

function constructInterface(self, input, output, completer, terminal) {
  let history;
  let historySize;
  let removeHistoryDuplicates = false;
  let crlfDelay;
  let prompt = '> ';
  let signal;
  self.isCompletionEnabled = true;
  self.escapeCodeTimeout = 500;
  self.tabSize = 8;
  if (input !== null && input !== undefined && input.input) {
    const options = input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    history = options.history;
    historySize = options.historySize;
    signal = options.signal;
    if (options.tabSize !== undefined) {
      validateUint32(options.tabSize, 'tabSize', true);
      self.tabSize = options.tabSize;
    }
    removeHistoryDuplicates = options.removeHistoryDuplicates;
    if (options.prompt !== undefined) prompt = options.prompt;
    if (options.escapeCodeTimeout !== undefined) {
      if (Number.isFinite(options.escapeCodeTimeout)) self.escapeCodeTimeout = options.escapeCodeTimeout;
      else throw codes.ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout', self.escapeCodeTimeout);
    }
    if (signal !== undefined) abortModule().validateAbortSignal(signal, 'options.signal');
    crlfDelay = options.crlfDelay;
    input = options.input;
  }
  ReflectApply(EventEmitter, self, []);
  if (completer !== undefined && typeof completer !== 'function') {
    throw codes.ERR_INVALID_ARG_VALUE('completer', completer);
  }
  if (history === undefined) history = [];
  else if (!Array.isArray(history)) throw codes.ERR_INVALID_ARG_TYPE('history', 'Array', history);
  if (historySize === undefined) historySize = kHistorySize;
  if (typeof historySize !== 'number') throw codes.ERR_INVALID_ARG_TYPE('historySize', 'number', historySize);
  if (NumberIsNaN(historySize) || historySize < 0) {
    throw codes.ERR_OUT_OF_RANGE('historySize', '>= 0', historySize);
  }
  if (terminal === undefined && output !== null && output !== undefined) terminal = !!output.isTTY;

  self.line = '';
  self.output = output;
  self.input = input;
  self.history = history;
  self.historySize = historySize;
  self.removeHistoryDuplicates = !!removeHistoryDuplicates;
  self.crlfDelay = crlfDelay ? MathMax(kMinCrlfDelay, crlfDelay) : kMinCrlfDelay;
  self.completer = callbackCompleter(completer);
  self[kPrompt] = '';
  self.setPrompt(prompt);
  self.terminal = !!terminal;
  self[kLineBuffer] = null;
  self[kSawReturnAt] = 0;
  self[kOldPrompt] = '';
  self[kQuestionCallback] = null;
  self[kQuestionCancel] = null;
  self[kPaused] = false;
  self[kClosed] = false;
  self[kLineIterator] = undefined;
  self[kSubstringSearch] = null;
  self[kDecoder] = new StringDecoder('utf8');

  const onerror = (err) => self.emit('error', err);
  input.on('error', onerror);
  if (self.terminal) {
    // Keypresses edit the line in place (internal/readline/terminal).
    self[kTerminalHooks] = terminalHooks(self, input);
    const stop = terminalMode().startTerminal(self, input, self[kTerminalHooks]);
    self[kDetach] = () => {
      stop();
      input.removeListener('error', onerror);
    };
  } else {
    const ondata = (data) => self[kNormalWrite](data);
    const onend = () => {
      const rest = self[kLineBuffer];
      if (typeof rest === 'string' && rest.length > 0) self.emit('line', rest);
      self.close();
    };
    input.on('data', ondata);
    input.on('end', onend);
    self[kDetach] = () => {
      input.removeListener('data', ondata);
      input.removeListener('error', onerror);
      input.removeListener('end', onend);
    };
  }
  self.once('close', () => self[kDetach]());

  if (signal !== undefined) {
    const onAborted = () => self.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      signal.addEventListener('abort', onAborted, { once: true });
      self.once('close', () => signal.removeEventListener('abort', onAborted));
    }
  }
  input.resume();
}

const kTerminalHooks = Symbol('kTerminalHooks');
// Set by readline/promises: its completer takes the text alone and its result is awaited.
const kAwaitsCompleter = Symbol('kAwaitsCompleter');
const kSubstringSearch = Symbol('kSubstringSearch');
const kPreviousKey = Symbol('_previousKey');

function terminalMode() {
  return require('internal/readline/terminal');
}

// What terminal mode needs from the Interface: its output helpers, prompt, line delivery,
// raw mode on the input, and the \r-then-\n timing.
function terminalHooks(rl, input) {
  return {
    write: (text) => rl[kWriteToOutput](text),
    prompt: () => rl[kPrompt],
    moveCursor: (dx, dy) => moveCursor(rl.output, dx, dy),
    cursorTo: (x, y) => cursorTo(rl.output, x, y),
    clearScreenDown: () => clearScreenDown(rl.output),
    onLine: (line) => rl[kOnLine](line),
    setRawMode: (mode) => {
      if (typeof input.setRawMode === 'function') input.setRawMode(mode);
    },
    previousKey: () => rl[kPreviousKey],
    setPreviousKey: (key) => { rl[kPreviousKey] = key; },
    search: () => rl[kSubstringSearch],
    setSearch: (value) => { rl[kSubstringSearch] = value; },
    awaitsCompleter: () => rl[kAwaitsCompleter] === true,
    sawReturnAt: () => rl[kSawReturnAt],
    setSawReturnAt: (value) => { rl[kSawReturnAt] = value; },
  };
}

const kNormalWrite = Symbol('_normalWrite');
const kOnLine = Symbol('_onLine');
const kWriteToOutput = Symbol('_writeToOutput');

Object.defineProperty(Interface.prototype, 'columns', {
  configurable: true,
  enumerable: true,
  get() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  },
});

/** `rl.closed`: true once `close()` ran. */
Object.defineProperty(Interface.prototype, 'closed', {
  configurable: true,
  enumerable: false,
  get() { return this[kClosed]; },
});

/** `rl.setPrompt(prompt)`. */
Interface.prototype.setPrompt = function setPrompt(prompt) {
  this[kPrompt] = prompt;
};

/** `rl.getPrompt()`. */
Interface.prototype.getPrompt = function getPrompt() {
  return this[kPrompt];
};

/**
 * `rl.prompt([preserveCursor])`: resumes a paused interface and shows the prompt (in terminal
 * mode the prompt and line are redrawn, the cursor at the start unless preserved).
 */
Interface.prototype.prompt = function prompt(preserveCursor) {
  if (this[kPaused]) this.resume();
  if (this.terminal && process.env.TERM !== 'dumb') {
    if (!preserveCursor) this.cursor = 0;
    terminalMode().refreshLine(this, this[kTerminalHooks]);
  } else {
    this[kWriteToOutput](this[kPrompt]);
  }
};

/**
 * `rl.question(query[, options], callback)`: shows `query` and hands the next line to
 * `callback` instead of 'line' listeners. A second question while one is pending only
 * re-prompts (Node drops its callback); an aborted `options.signal` cancels the question.
 */
Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options !== null && typeof options === 'object') {
    const { signal } = options;
    if (signal !== undefined) {
      abortModule().validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => {
        if (this[kQuestionCancel] !== null) this[kQuestionCancel]();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const cleanup = () => signal.removeEventListener('abort', onAbort);
      const original = cb;
      cb = typeof cb === 'function' ? (answer) => {
        cleanup();
        return original(answer);
      } : cleanup;
    }
  }
  if (typeof cb === 'function') this[kQuestion](query, cb);
};

/**
 * `util.promisify(rl.question)`: Node gives `question` a custom promisified form that resolves
 * with the answer (the callback takes no error first) and rejects with AbortError when
 * `options.signal` aborts (or already has), or with ERR_USE_AFTER_CLOSE after `close()`.
 */
Interface.prototype.question[SymbolFor('nodejs.util.promisify.custom')] = function question(query, options) {
  return new Promise((resolve, reject) => {
    let cb = resolve;
    const signal = options !== null && options !== undefined ? options.signal : undefined;
    if (signal) {
      abortModule().validateAbortSignal(signal, 'options.signal');
      const { AbortError } = abortModule();
      if (signal.aborted) {
        reject(new AbortError(undefined, { cause: signal.reason }));
        return;
      }
      const onAbort = () => reject(new AbortError(undefined, { cause: signal.reason }));
      signal.addEventListener('abort', onAbort, { once: true });
      cb = (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      };
    }
    this.question(query, options, cb);
  });
};

const kQuestion = Symbol('kQuestion');
Interface.prototype[kQuestion] = function (query, cb) {
  if (this[kClosed]) throw ERR_USE_AFTER_CLOSE('readline');
  if (this[kQuestionCallback] !== null) {
    this.prompt();
    return;
  }
  this[kOldPrompt] = this[kPrompt];
  this.setPrompt(query);
  this[kQuestionCallback] = cb;
  this[kQuestionCancel] = () => {
    this[kQuestionCallback] = null;
    this[kQuestionCancel] = null;
    this.setPrompt(this[kOldPrompt]);
    this.clearLine();
  };
  this.prompt();
};

/** `rl.pause()`: pauses the input; emits 'pause' once. */
Interface.prototype.pause = function pause() {
  if (this[kPaused]) return undefined;
  this.input.pause();
  this[kPaused] = true;
  this.emit('pause');
  return this;
};

/** `rl.resume()`: resumes the input; emits 'resume' once. */
Interface.prototype.resume = function resume() {
  if (!this[kPaused]) return undefined;
  this.input.resume();
  this[kPaused] = false;
  this.emit('resume');
  return this;
};

/**
 * `rl._ttyWrite(s, key)`: handles one keypress in terminal mode (the REPL wraps it to hold keys
 * while an evaluation is in progress).
 */
Interface.prototype._ttyWrite = function _ttyWrite(s, key) {
  terminalMode().ttyWrite(this, this[kTerminalHooks], s, key);
};

/** `rl.write(data[, key])`: feeds `data` (or a key) as if it came from the input. */
Interface.prototype.write = function write(data, key) {
  if (this[kPaused]) this.resume();
  if (this.terminal) this._ttyWrite(data, key);
  else this[kNormalWrite](data);
};

/**
 * `rl.close()`: pauses, marks the interface closed, stops listening to the input and emits
 * 'close' (once).
 */
Interface.prototype.close = function close() {
  if (this[kClosed]) return;
  this.pause();
  if (this.terminal) this[kTerminalHooks].setRawMode(false);
  this[kClosed] = true;
  this.emit('close');
};

/** `rl.clearLine()`: ends the output's current line (`\r\n`) and empties the line. */
Interface.prototype.clearLine = function clearLine() {
  // Past the end of the line first, so the new line starts below all of it.
  if (this.terminal) terminalMode().moveCursorBy(this, this[kTerminalHooks], +Infinity);
  this[kWriteToOutput]('\r\n');
  this.line = '';
  this.cursor = 0;
  this.prevRows = 0;
};

/** `rl.getCursorPos()`: `{ rows, cols }` of the cursor after the prompt and line. */
Interface.prototype.getCursorPos = function getCursorPos() {
  if (this.cursor === undefined) return terminalMode().displayPos(this, this[kPrompt]);
  return terminalMode().cursorPos(this, this[kPrompt]);
};

Interface.prototype[kWriteToOutput] = function (text) {
  if (typeof text !== 'string') throw codes.ERR_INVALID_ARG_TYPE('stringToWrite', 'string', text);
  if (this.output !== null && this.output !== undefined) this.output.write(text);
};

Interface.prototype[kOnLine] = function (line) {
  if (this[kQuestionCallback] !== null) {
    const cb = this[kQuestionCallback];
    this[kQuestionCallback] = null;
    this[kQuestionCancel] = null;
    this.setPrompt(this[kOldPrompt]);
    cb(line);
  } else {
    this.emit('line', line);
  }
};

// Decodes `chunk`, joins it to the unfinished line and emits every line it completes. A `\n`
// starting the chunk right after a chunk that ended in `\r` belongs to that `\r`.
Interface.prototype[kNormalWrite] = function (chunk) {
  if (chunk === undefined) return;
  let text = this[kDecoder].write(chunk);
  if (this[kSawReturnAt] !== 0 && DateNow() - this[kSawReturnAt] <= this.crlfDelay) {
    if (text.charCodeAt(0) === 10) text = StringPrototypeSlice.call(text, 1);
    this[kSawReturnAt] = 0;
  }
  const ending = lineEndingPattern();
  if (RegExpPrototypeExec.call(ending, text) === null) {
    if (text) this[kLineBuffer] = this[kLineBuffer] ? this[kLineBuffer] + text : text;
    return;
  }
  if (this[kLineBuffer]) {
    text = this[kLineBuffer] + text;
    this[kLineBuffer] = null;
  }
  this[kSawReturnAt] = text.endsWith('\r') ? DateNow() : 0;
  // Collect every line first (listeners may pause or close the interface; Node still emits
  // every line of a chunk it already read).
  const lines = [];
  let start = 0;
  ending.lastIndex = 0;
  let match;
  while ((match = RegExpPrototypeExec.call(ending, text)) !== null) {
    lines.push(StringPrototypeSlice.call(text, start, match.index));
    start = ending.lastIndex;
  }
  this[kLineBuffer] = StringPrototypeSlice.call(text, start);
  for (const line of lines) this[kOnLine](line);
};

/**
 * `for await (const line of rl)`: the lines, buffered from the moment the iterator is made;
 * the input is paused past 1024 unread lines and resumed when all are read; ends at 'close',
 * throws the input's 'error'. `return()` (a `break`) closes the interface.
 */
Interface.prototype[Symbol.asyncIterator] = function () {
  if (this[kLineIterator] === undefined) this[kLineIterator] = makeLineIterator(this);
  return this[kLineIterator];
};

const AsyncIteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype);

function makeLineIterator(rl) {
  const queue = [];
  let head = 0;
  const waiting = [];
  let error = null;
  let finished = false;
  let pausedByUs = false;

  const onLine = (line) => {
    const waiter = waiting.shift();
    if (waiter !== undefined) {
      waiter.resolve({ value: line, done: false });
      return;
    }
    queue.push(line);
    if (queue.length - head > kIteratorHighWaterMark && !pausedByUs) {
      pausedByUs = true;
      rl.pause();
    }
  };
  const onClose = () => {
    stop();
    finished = true;
    while (waiting.length > 0) waiting.shift().resolve({ value: undefined, done: true });
  };
  const onError = (err) => {
    stop();
    finished = true;
    const waiter = waiting.shift();
    if (waiter !== undefined) waiter.reject(err);
    else error = err;
  };
  function stop() {
    rl.removeListener('line', onLine);
    rl.removeListener('close', onClose);
    rl.removeListener('error', onError);
  }
  rl.on('line', onLine);
  rl.on('close', onClose);
  rl.on('error', onError);

  return Object.setPrototypeOf({
    next() {
      if (head < queue.length) {
        const value = queue[head++];
        if (head === queue.length) {
          queue.length = 0;
          head = 0;
          if (pausedByUs && !finished) {
            pausedByUs = false;
            rl.resume();
          }
        }
        return Promise.resolve({ value, done: false });
      }
      if (error !== null) {
        const failed = Promise.reject(error);
        error = null;
        return failed;
      }
      if (finished) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    return() {
      stop();
      finished = true;
      while (waiting.length > 0) waiting.shift().resolve({ value: undefined, done: true });
      rl.close();
      return Promise.resolve({ value: undefined, done: true });
    },
    // What Node's iterator reports of its buffering: unread lines, the marks, paused or not.
    [Symbol.for('nodejs.watermarkData')]: {
      get size() { return queue.length - head; },
      get low() { return 1; },
      get high() { return kIteratorHighWaterMark; },
      get isPaused() { return pausedByUs; },
    },
  }, AsyncIteratorPrototype);
}

// --- cursor helpers (Node's CSI sequences) ------------------------------------------------

function checkCallback(callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
}

/** `readline.cursorTo(stream, x[, y][, callback])`: CSI `x+1`G or CSI `y+1`;`x+1`H. */
function cursorTo(stream, x, y, callback) {
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  checkCallback(callback);
  if (NumberIsNaN(x)) throw codes.ERR_INVALID_ARG_VALUE('x', x);
  if (NumberIsNaN(y)) throw codes.ERR_INVALID_ARG_VALUE('y', y);
  // Nothing to do without a stream or without any number to go to.
  if (stream === null || stream === undefined || (typeof x !== 'number' && typeof y !== 'number')) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  if (typeof x !== 'number') throw ERR_INVALID_CURSOR_POS();
  const data = typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return stream.write(data, callback);
}

/** `readline.moveCursor(stream, dx, dy[, callback])`: CSI n C/D for columns, A/B for rows. */
function moveCursor(stream, dx, dy, callback) {
  checkCallback(callback);
  if (stream === null || stream === undefined || !(dx || dy)) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  let data = '';
  if (dx < 0) data += `${CSI}${-dx}D`;
  else if (dx > 0) data += `${CSI}${dx}C`;
  if (dy < 0) data += `${CSI}${-dy}A`;
  else if (dy > 0) data += `${CSI}${dy}B`;
  return stream.write(data, callback);
}

/** `readline.clearLine(stream, dir[, callback])`: CSI 1K (left), 0K (right), 2K (whole). */
function clearLine(stream, dir, callback) {
  checkCallback(callback);
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  const type = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return stream.write(type, callback);
}

/** `readline.clearScreenDown(stream[, callback])`: CSI 0J. */
function clearScreenDown(stream, callback) {
  checkCallback(callback);
  if (stream === null || stream === undefined) {
    if (typeof callback === 'function') process.nextTick(callback, null);
    return true;
  }
  return stream.write(`${CSI}0J`, callback);
}

/** `readline.createInterface(...)`: `new Interface(...)`. */
function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// As Node: a classic Interface calls a one-argument completer for its result (a throw escapes
// the keypress); the wrapper gives it the callback form the Interface calls.
function callbackCompleter(completer) {
  if (typeof completer !== 'function' || completer.length === 2) return completer;
  return (text, cb) => cb(null, completer(text));
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  moveCursor,
  kQuestion,
  kQuestionCancel,
  kAwaitsCompleter,
  kClosed,
  ERR_USE_AFTER_CLOSE,
  CSI,
};
