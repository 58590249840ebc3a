// `repl`: Node v20's read-eval-print loop over a readline Interface. Input lines are evaluated
// as global scripts (input with a top-level `await` in the engine's async script mode), an
// input cut short ("Unexpected end of input", an open template or comment) is kept and
// continued on the next line under a `... ` prompt, results are printed with the writer
// (util.inspect with Node's REPL options) and errors as Node's REPL prints them
// (`Uncaught ...`, the stack cut at the REPL's own frame). Written from Node's documented and
// observed behaviour.
'use strict';

const { codes } = require('internal/errors');
const { Interface } = require('internal/readline/interface');
const { kSawKeyPress } = require('internal/readline/keys');
const { inspect, types: { isNativeError } } = require('util');
const {
  evaluate,
  keywordAction,
  kStandalone,
  nextResourceName,
  realmRunners,
  trimErrorStack,
} = require('internal/repl/eval');

const ObjectDefineProperty = Object.defineProperty;
const ObjectGetOwnPropertyNames = Object.getOwnPropertyNames;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ReflectApply = Reflect.apply;

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

const kBufferedCommand = Symbol('bufferedCommand');
const kLoading = Symbol('loading');
const kContextBuiltins = Symbol('contextBuiltins');

/** The public builtin modules, sorted, as `repl.builtinModules` lists them. */
const builtinModules = require('internal/cjs').builtinIds;
const publicBuiltins = () => [...builtinModules]
  .filter((id) => !id.startsWith('_') && !id.startsWith('internal/') && id !== 'test' && !id.startsWith('test/'))
  .sort();

/** The REPL's default writer: util.inspect with `writer.options`. */
const writer = (obj) => inspect(obj, writer.options);
writer.options = { ...inspect.defaultOptions, showProxy: true };


/**
 * The error for input that only lacks its end: the REPL keeps the input and reads on. Holds
 * the parser's error as `err`.
 */
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

/** Whether `code` parses as a script (repl.isValidSyntax). */
function isValidSyntax(code) {
  try {
    native.checkSyntax(`${code}`, 'repl');
    return true;
  } catch {
    return false;
  }
}

/**
 * `new REPLServer(options)` or the legacy `(prompt, stream, eval, useGlobal, ignoreUndefined,
 * replMode)`: a readline Interface that evaluates each line it reads.
 */
function REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined, replMode);
  }
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
    stream = options.stream || options.socket;
    eval_ = options.eval;
    useGlobal = options.useGlobal;
    ignoreUndefined = options.ignoreUndefined;
    prompt = options.prompt;
    replMode = options.replMode;
  } else {
    options = {};
  }
  if (!options.input && !options.output) {
    if (!stream) stream = process;
    options.input = stream.stdin || stream;
    options.output = stream.stdout || stream;
  }
  if (options.terminal === undefined) options.terminal = !!(options.output && options.output.isTTY);
  options.terminal = !!options.terminal;
  if (options.terminal && options.useColors === undefined) {
    const out = options.output;
    options.useColors = (typeof out.hasColors === 'function' && out.hasColors()) ||
      process.env.NODE_DISABLE_COLORS === undefined;
  }
  if (options.breakEvalOnSigint && eval_) {
    throw codes.ERR_INVALID_REPL_EVAL_CONFIG();
  }
  const preview = options.terminal && (options.preview !== undefined ? !!options.preview : !eval_);

  this.allowBlockingCompletions = !!options.allowBlockingCompletions;
  this.useColors = !!options.useColors;
  // Errors of the evaluations, and of the work they start, reach the REPL through a domain.
  this._domain = options.domain || require('domain').create();
  this.useGlobal = !!useGlobal;
  this.ignoreUndefined = !!ignoreUndefined;
  this.replMode = replMode || REPL_MODE_SLOPPY;
  this.underscoreAssigned = false;
  this.last = undefined;
  this.underscoreErrAssigned = false;
  this.lastError = undefined;
  this.breakEvalOnSigint = !!options.breakEvalOnSigint;
  this.editorMode = false;
  this[kBufferedCommand] = '';
  this[kLoading] = false;
  this[kStandalone] = options[kStandalone] === true;
  // (Node's previews need its inspector; the flag is kept for scripts that read it.)
  Object.defineProperty(this, 'preview', { value: preview, writable: true, configurable: true });
  // The old names of input and output (DEP0141 under --pending-deprecation).
  for (const [name, key] of [['inputStream', 'input'], ['outputStream', 'output']]) {
    let get = () => this[key];
    let set = (value) => { this[key] = value; };
    if (native.process.flags.pendingDeprecation) {
      const { deprecate } = require('util');
      const text = 'repl.inputStream and repl.outputStream are deprecated. Use repl.input and repl.output instead';
      get = deprecate(get, text, 'DEP0141');
      set = deprecate(set, text, 'DEP0141');
    }
    ObjectDefineProperty(this, name, { get, set, enumerable: false, configurable: true });
  }
  this.eval = this._domain.bind(typeof eval_ === 'function' ? eval_ : defaultEval);

  const completer = options.completer || ((text, cb) => this.complete(text, cb));
  ReflectApply(Interface, this, [{
    input: options.input,
    output: options.output,
    completer,
    terminal: options.terminal,
    historySize: options.historySize,
    prompt: prompt === undefined ? '> ' : prompt,
  }]);
  this._initialPrompt = this.getPrompt();
  this.resetContext();
  this.commands = { __proto__: null };
  defineDefaultCommands(this);

  this.writer = options.writer || writer;
  if (this.writer === writer) {
    // The default writer prints with colors when the REPL uses them.
    writer.options.colors = this.useColors;
  }

  const server = this;
  this._domain.on('error', (e) => ReflectApply(reportError, this, [e]));
  guardUncaughtListeners(this);
  // An await in progress holds back the close (and, on a terminal, the keys) that arrive
  // meanwhile: they are replayed when it settles.
  const held = [];
  let paused = false;
  this.pauseEvaluation = () => { paused = true; };
  this.unpauseEvaluation = () => {
    if (!paused) return;
    paused = false;
    while (held.length > 0 && !paused) {
      const [kind, s, key] = held.shift();
      if (kind === 'key') ttyWrite(s, key);
      else server.emit('exit');
    }
  };

  let sawSIGINT = false;
  let sawCtrlD = false;

  this.on('close', () => {
    if (paused) held.push(['close']);
    else this.emit('exit');
  });

  this.on('SIGINT', () => {
    const empty = this.line.length === 0;
    this.clearLine();
    endEditor(this);
    const buffered = this[kBufferedCommand];
    if (!(buffered && buffered.length > 0) && empty) {
      if (sawSIGINT) {
        this.close();
        sawSIGINT = false;
        return;
      }
      this.output.write('(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      sawSIGINT = true;
    } else {
      sawSIGINT = false;
    }
    this.clearBufferedCommand();
    this.lines.level = [];
    this.displayPrompt();
  });

  this.on('line', (cmd) => {
    cmd = cmd || '';
    sawSIGINT = false;
    if (this.editorMode) {
      this[kBufferedCommand] += `${cmd}\n`;
      // The next line starts with this one's indentation (typed code, not a .load).
      const indent = this[kSawKeyPress] && !this[kLoading] ? /^\s+/.exec(cmd) : null;
      if (indent) {
        this.write(indent[0]);
        this.line = indent[0];
        this.cursor = indent[0].length;
      }
      remember(this, cmd);
      return;
    }
    const trimmed = cmd.trim();
    if (trimmed && trimmed[0] === '.' && trimmed[1] !== '.' && Number.isNaN(Number.parseFloat(trimmed))) {
      const match = /^\.([^\s]+)\s*(.*)$/.exec(trimmed);
      const keyword = match && match[1];
      const rest = match && match[2];
      if (keywordAction(this, keyword, rest)) return;
      if (!this[kBufferedCommand]) {
        this.output.write('Invalid REPL keyword\n');
        finish(null);
        return;
      }
    }
    const code = `${this[kBufferedCommand]}${cmd}\n`;
    this.eval(code, this.context, nextResourceName(), finish);

    function finish(e, ret) {
      remember(server, cmd);
      if (e) {
        if (e instanceof Recoverable && !sawCtrlD) {
          server[kBufferedCommand] += `${cmd}\n`;
          server.displayPrompt();
          return;
        }
        server._domain.emit('error', e.err || e);
        return;
      }
      server.clearBufferedCommand();
      sawCtrlD = false;
      if (arguments.length === 2 && (!server.ignoreUndefined || ret !== undefined)) {
        if (!server.underscoreAssigned) server.last = ret;
        server.output.write(`${server.writer(ret)}\n`);
      }
      server.displayPrompt();
    }
  });

  // Keys on a terminal: held while an await is in progress. In .editor mode Ctrl+D ends the
  // mode and submits the line (evaluating all the editor holds), the history keys do nothing.
  const baseTtyWrite = this._ttyWrite;
  const ttyWrite = (s, key) => {
    key = key || {};
    if (paused && !(this.breakEvalOnSigint && key.ctrl && key.name === 'c')) {
      held.push(['key', s, key]);
      return;
    }
    const write = (d, k) => ReflectApply(baseTtyWrite, this, [d, k]);
    if (!this.editorMode || !this.terminal) {
      if (key.name === 'up' && !key.ctrl && !key.meta && !key.shift && this.terminal) {
        const { kHistoryDisabled, kDisabledMessage } = require('internal/repl/history');
        if (this[kHistoryDisabled]) {
          // The first Up without a history file says that none is kept.
          this[kHistoryDisabled] = false;
          if (this.history.length === 0) {
            this.output.write(kDisabledMessage);
            this.prompt(true);
          }
        }
      }
      // (Ctrl+D on an empty line closes: the line is cleared first.)
      if (key.ctrl && key.name === 'd' && this.cursor === 0 && this.line.length === 0) this.clearLine();
      write(s, key);
      return;
    }
    if (key.ctrl && !key.shift) {
      if (key.name === 'd') {
        endEditor(this);
        sawCtrlD = true;
        write(s, { name: 'return' });
      } else if (key.name !== 'n' && key.name !== 'p') {
        write(s, key);
      }
    } else if (key.name !== 'up' && key.name !== 'down') {
      write(s, key);
    }
  };
  ObjectDefineProperty(this, '_ttyWrite', {
    value: ttyWrite, writable: true, configurable: true, enumerable: true,
  });

  this.displayPrompt();
}
Object.setPrototypeOf(REPLServer.prototype, Interface.prototype);
Object.setPrototypeOf(REPLServer, Interface);

// The domains of the REPLs that are not the command line's: code they run may not listen for
// 'uncaughtException' (the REPL shows uncaught errors itself). One process listener serves all.
const replDomains = new WeakSet();
let guarding = false;
function guardUncaughtListeners(server) {
  if (server[kStandalone]) return;
  replDomains.add(server._domain);
  if (guarding) return;
  guarding = true;
  process.prependListener('newListener', (event, listener) => {
    if (event === 'uncaughtException' && process.domain &&
        listener.name !== 'domainUncaughtExceptionClear' && replDomains.has(process.domain)) {
      throw codes.ERR_INVALID_REPL_INPUT('Listeners for `uncaughtException` cannot be used in the REPL');
    }
  });
}

// What `.save` writes: every line read, as typed.
function remember(server, cmd) {
  server.lines.push(cmd || '');
  if (!cmd) server.lines.level = [];
}

/**
 * The REPL's own evaluator: `code` runs as a global script in `context` (the global object,
 * or the REPL's context object whose properties are the globals while it runs), `cb(err,
 * result)` reporting the outcome; input only cut short reports a Recoverable.
 */
function defaultEval(code, context, file, cb) {
  evaluate(this, code, context, file, cb, Recoverable, REPL_MODE_STRICT);
}

/** `server.setupHistory(path, callback)`: keeps the history in `path` (see internal/repl/history). */
REPLServer.prototype.setupHistory = function setupHistory(historyFile, cb) {
  require('internal/repl/history').setupHistory(this, historyFile, cb);
};

/** `server.clearBufferedCommand()`: drops the input kept for continuation. */
REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this[kBufferedCommand] = '';
};

/**
 * `server.close()`: closes the interface on the next tick (input already read is still
 * evaluated), or once the history file is written.
 */
REPLServer.prototype.close = function close() {
  if (this.terminal && this._flushing && !this._closingOnFlush) {
    this._closingOnFlush = true;
    this.once('flushHistory', () => ReflectApply(Interface.prototype.close, this, []));
    return;
  }
  process.nextTick(() => ReflectApply(Interface.prototype.close, this, []));
};

/**
 * `server.createContext()`: with useGlobal, the global object; otherwise a new object holding
 * the global object's non-standard globals, a console writing to the REPL's output and
 * `global` pointing at itself. Either way with `module` (`<repl>`), `require` and every
 * builtin module as a lazily loaded global.
 */
REPLServer.prototype.createContext = function createContext() {
  let context;
  if (this.useGlobal) {
    context = globalThis;
  } else {
    // A realm of its own (its own builtins, and the declarations of the input run in it),
    // holding the main global object's other globals (process, Buffer, timers, ...).
    const [realmGlobal, run] = native.newRealm(...require('internal/errors').stackHooks(), sampleCallSite());
    context = realmGlobal;
    realmRunners.set(context, run);
    require('internal/call_site').registerRealmGlobal(context);
    ObjectDefineProperty(context.Error, 'stackTraceLimit', {
      value: 10, writable: true, configurable: true, enumerable: true,
    });
    const standard = new Set(ObjectGetOwnPropertyNames(context));
    for (const name of ObjectGetOwnPropertyNames(globalThis)) {
      if (standard.has(name)) continue;
      const global = ObjectGetOwnPropertyDescriptor(globalThis, name);
      let own = global;
      if (!('value' in global)) {
        // An accessor of the global object still runs on it (some check their receiver).
        own = { ...global };
        if (global.get) own.get = () => ReflectApply(global.get, globalThis, []);
        if (global.set) own.set = (value) => ReflectApply(global.set, globalThis, [value]);
      }
      ObjectDefineProperty(context, name, own);
    }
    // (vm.runInContext takes it.)
    require('vm').createContext(context);
    context.global = context;
    const { Console } = require('console');
    ObjectDefineProperty(context, 'console', {
      value: new Console(this.output), writable: true, configurable: true, enumerable: false,
    });
  }
  // The module `<repl>`: no file, so relative requests resolve from the working directory.
  const { Module, makeRequire, nodeModulePaths } = require('internal/cjs');
  const replModule = new Module('<repl>', null);
  replModule.paths = nodeModulePaths(process.cwd());
  ObjectDefineProperty(context, 'module', {
    value: replModule, writable: true, configurable: true, enumerable: false,
  });
  ObjectDefineProperty(context, 'require', {
    value: makeRequire(replModule), writable: true, configurable: true, enumerable: false,
  });
  defineBuiltinLibs(context);
  return context;
};

// One of the engine's call sites of this realm (the REPL's realms share their prototype).
let callSiteSample;
function sampleCallSite() {
  if (callSiteSample === undefined) {
    const desc = ObjectGetOwnPropertyDescriptor(Error, 'prepareStackTrace');
    ObjectDefineProperty(Error, 'prepareStackTrace', {
      value: (error, sites) => {
        callSiteSample = sites[0];
        return '';
      },
      writable: true,
      configurable: true,
    });
    try {
      const holder = {};
      Error.captureStackTrace(holder);
      // (The stack is made on its first read.)
      holder.stack; // eslint-disable-line no-unused-expressions
    } finally {
      if (desc === undefined) delete Error.prepareStackTrace;
      else ObjectDefineProperty(Error, 'prepareStackTrace', desc);
    }
  }
  return callSiteSample;
}

// The builtin modules as globals of `object`, each loaded on first read and replaceable.
function defineBuiltinLibs(object) {
  for (const name of publicBuiltins()) {
    if (name.includes('/') || Object.prototype.hasOwnProperty.call(object, name)) continue;
    ObjectDefineProperty(object, name, {
      get() {
        const lib = require(name);
        ObjectDefineProperty(object, name, {
          value: lib, writable: true, configurable: true, enumerable: false,
        });
        return lib;
      },
      set(value) {
        ObjectDefineProperty(object, name, {
          value, writable: true, configurable: true, enumerable: true,
        });
      },
      configurable: true,
      enumerable: false,
    });
  }
}

/**
 * `server.resetContext()`: a new context (createContext), `_` and `_error` tracking the last
 * result and error again, the remembered lines emptied; emits 'reset'.
 */
REPLServer.prototype.resetContext = function resetContext() {
  this.context = this.createContext();
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.lines = [];
  this.lines.level = [];
  // `_` and `_error` read the last result and error; assigning one keeps the value assigned
  // (results and errors no longer change it).
  ObjectDefineProperty(this.context, '_', {
    configurable: true,
    get: () => this.last,
    set: (value) => {
      this.last = value;
      if (!this.underscoreAssigned) {
        this.underscoreAssigned = true;
        this.output.write('Expression assignment to _ now disabled.\n');
      }
    },
  });
  ObjectDefineProperty(this.context, '_error', {
    configurable: true,
    get: () => this.lastError,
    set: (value) => {
      this.lastError = value;
      if (!this.underscoreErrAssigned) {
        this.underscoreErrAssigned = true;
        this.output.write('Expression assignment to _error now disabled.\n');
      }
    },
  });
  this.emit('reset', this.context);
};

/**
 * `server.displayPrompt([preserveCursor])`: the prompt, or `... ` while input is kept for
 * continuation.
 */
REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  let prompt = this._initialPrompt;
  if (this[kBufferedCommand].length > 0) {
    const depth = this.lines.level.length ? this.lines.level.length - 1 : 0;
    prompt = `...${'..'.repeat(depth)} `;
  }
  ReflectApply(Interface.prototype.setPrompt, this, [prompt]);
  this.prompt(preserveCursor);
};

/** `server.setPrompt(prompt)`: also the prompt shown after each evaluation. */
REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  ReflectApply(Interface.prototype.setPrompt, this, [prompt]);
};

/** `server.complete(line, callback)`: `callback(null, [completions, completeOn])`. */
REPLServer.prototype.complete = function complete(line, callback) {
  require('internal/repl/complete').complete(this, line, callback);
};

/** `server.completeOnEditorMode(callback)`: a completion callback for .editor mode. */
REPLServer.prototype.completeOnEditorMode = function completeOnEditorMode(callback) {
  return (err, results) => {
    if (err) return callback(err);
    const [completions, completeOn = ''] = results;
    let result = completions.filter((v) => v);
    if (completeOn && result.length !== 0) {
      result = [commonPrefix(result)];
    }
    callback(null, [result, completeOn]);
  };
};

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  const sorted = [...strings].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return first.slice(0, i);
}

/**
 * `server.defineCommand(keyword, cmd)`: `.keyword` runs `cmd.action(rest)` (a function alone
 * is the action), listed by `.help` with `cmd.help`.
 */
REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') {
    cmd = { action: cmd };
  } else if (typeof cmd.action !== 'function') {
    throw codes.ERR_INVALID_ARG_TYPE('cmd.action', 'Function', cmd.action);
  }
  this.commands[keyword] = cmd;
};

// Prints an error as Node's REPL does (a server's domain calls it with the server as `this`):
// `Uncaught ` before the line naming the error (or the
// value), the stack cut at the REPL's own frame; `_error` takes it.
function reportError(e) {
  let text = '';
  if (typeof e === 'object' && e !== null) {
    trimErrorStack(this, e);
    const isError = isNativeError(e) || e instanceof Error;
    if (isError && typeof e.stack === 'string' && e.stack) {
      text = this.writer(e);
      // An error with nothing but its head is printed without inspect's brackets.
      if (text[0] === '[' && text[text.length - 1] === ']') text = text.slice(1, -1);
    }
  }
  if (!this.underscoreErrAssigned) this.lastError = e;
  if (this[kStandalone] && process.listenerCount('uncaughtException') !== 0) {
    process.nextTick(() => {
      process.emit('uncaughtException', e);
      this.clearBufferedCommand();
      this.lines.level = [];
      this.displayPrompt();
    });
    return;
  }
  if (text === '') text = this.writer(e);
  const lines = text.split(/(?<=\n)/);
  let matched = false;
  let out = '';
  for (const line of lines) {
    if (!matched && /^\[?([A-Z][a-z0-9_]*)*Error/.test(line)) {
      out += writer.options.breakLength >= line.length ? `Uncaught ${line}` : `Uncaught:\n${line}`;
      matched = true;
    } else {
      out += line;
    }
  }
  if (!matched) out = `Uncaught${lines.length === 1 ? ' ' : ':\n'}${out}`;
  if (!out.endsWith('\n')) out += '\n';
  this.output.write(out);
  this.clearBufferedCommand();
  this.lines.level = [];
  this.displayPrompt();
}

// The built-in dot commands.
function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });
  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const width = Math.max(...names.map((name) => name.length));
      for (const name of names) {
        const cmd = this.commands[name];
        const help = cmd.help || '';
        this.output.write(`.${name}${help ? ' '.repeat(width - name.length + 3) + help : ''}\n`);
      }
      this.output.write('\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });
  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        require('fs').writeFileSync(file, `${this.lines.join('\n')}`);
        this.output.write(`Session saved to: ${file}\n`);
      } catch {
        this.output.write(`Failed to save: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      try {
        const fs = require('fs');
        const stats = fs.statSync(file);
        if (stats && stats.isFile()) {
          startEditor(this);
          this[kLoading] = true;
          const data = fs.readFileSync(file, 'utf8');
          this.write(data);
          this[kLoading] = false;
          endEditor(this);
          this.write('\n');
        } else {
          this.output.write(`Failed to load: ${file} is not a valid file\n`);
        }
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
      }
      this.displayPrompt();
    },
  });
  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        startEditor(this);
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      },
    });
  }
}

function startEditor(repl) {
  repl.editorMode = true;
  ReflectApply(Interface.prototype.setPrompt, repl, ['']);
}

function endEditor(repl) {
  repl.editorMode = false;
  repl.setPrompt(repl._initialPrompt);
}

/** `repl.start([options | prompt], ...)`: a new REPLServer. */
function start(prompt, source, eval_, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined, replMode);
}

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  isValidSyntax,
};

ObjectDefineProperty(module.exports, 'builtinModules', {
  value: publicBuiltins(),
  writable: true,
  enumerable: true,
  configurable: true,
});

let warnedBuiltinLibs = false;
ObjectDefineProperty(module.exports, '_builtinLibs', {
  get() {
    if (!warnedBuiltinLibs) {
      warnedBuiltinLibs = true;
      process.emitWarning('repl._builtinLibs is deprecated. Check module.builtinModules instead',
        'DeprecationWarning', 'DEP0142');
    }
    return module.exports.builtinModules;
  },
  set(value) {
    ObjectDefineProperty(module.exports, '_builtinLibs', {
      value, writable: true, enumerable: true, configurable: true,
    });
  },
  enumerable: false,
  configurable: true,
});
