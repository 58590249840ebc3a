// The global console: Node's Console over process.stdout/stderr with util.format formatting,
// group indentation, counters, timers, trace, assert, dir and a basic table.
'use strict';

// internal/inspect loads when a console call first formats something other than strings.
let inspectModule;
function inspectModuleLoaded() {
  if (inspectModule === undefined) inspectModule = require('internal/inspect');
  return inspectModule;
}
function inspect(value, options) {
  return inspectModuleLoaded().inspect(value, options);
}
// util.format's text for `args`: strings alone, the first without a `%`, are joined with spaces
// (what formatWithOptions makes of them) without loading the formatter. `optionsOf()` gives
// the inspect options (colours depend on the stream, which strings alone never ask about).
function formatWithOptions(optionsOf, ...args) {
  const first = args[0];
  if (typeof first === 'string') {
    let plain = true;
    for (let i = 1; i < args.length && plain; i++) plain = typeof args[i] === 'string';
    for (let i = 0; i < first.length && plain && args.length > 1; i++) plain = first.charCodeAt(i) !== 37;
    if (plain) {
      // (Node computes the options on every call; given ones get their `colors` set.)
      if (optionsOf.given) optionsOf();
      let text = first;
      for (let i = 1; i < args.length; i++) text += ` ${args[i]}`;
      return text;
    }
  }
  return inspectModuleLoaded().formatWithOptions(optionsOf(), ...args);
}

const kGroupIndent = Symbol('kGroupIndent');
const kInspectOptions = Symbol('kInspectOptions');
const kColorMode = Symbol('kColorMode');
const kOptionsFor = Symbol('kGetInspectOptions');
const kColorInspectOptions = { colors: true };
const kOptionsForStdout = Symbol('kOptionsForStdout');
const kOptionsForStderr = Symbol('kOptionsForStderr');
const kNoColorInspectOptions = {};
const kCounts = Symbol('counts');
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const kWrite = Symbol('kWriteToConsole');
const kTimeLog = Symbol('kTimeLog');
// Node's order of a console's own methods (Object.keys(console) lists them so).
const methodOrder = ['log', 'warn', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert', 'clear',
  'count', 'countReset', 'group', 'groupEnd', 'table', 'debug', 'info', 'dirxml', 'error',
  'groupCollapsed'];
const hidden = (obj, key, value) => Object.defineProperty(obj, key, {
  value, writable: true, configurable: true, enumerable: false,
});

function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [s, frac] = seconds.toFixed(3).split('.');
    const res = hours !== 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : `${minutes}`;
    return `${res}:${s.padStart(2, '0')}.${frac} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

class Console {
  constructor(options, stderr, ignoreErrors) {
    if (options === undefined || typeof options.write === 'function') {
      options = { stdout: options || process.stdout, stderr: stderr || options || process.stderr, ignoreErrors };
    }
    // Node's own methods first (enumerable, bound), then its state (not enumerable).
    for (const key of methodOrder) {
      const bound = this[key].bind(this);
      Object.defineProperty(bound, 'name', { value: key, configurable: true });
      Object.defineProperty(this, key, {
        value: bound, writable: true, configurable: true, enumerable: true,
      });
    }
    hidden(this, '_stdout', options.stdout);
    hidden(this, '_stderr', options.stderr || options.stdout);
    hidden(this, '_times', new Map());
    const { inspectOptions, colorMode = 'auto' } = options;
    if (inspectOptions !== undefined) {
      const { validateObject } = require('internal/errors');
      validateObject(inspectOptions, 'options.inspectOptions');
      if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
        throw require('internal/errors').codes.ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
      }
    }
    require('internal/errors').validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
    this[kInspectOptions] = inspectOptions;
    this[kColorMode] = colorMode;
    // The options' makers for each stream, as formatWithOptions takes them.
    const forStdout = () => this[kOptionsFor](true);
    const forStderr = () => this[kOptionsFor](false);
    forStdout.given = forStderr.given = this[kInspectOptions] !== undefined;
    this[kOptionsForStdout] = forStdout;
    this[kOptionsForStderr] = forStderr;
    this[kGroupIndent] = '';
    this[kCounts] = new Map();
  }

  // Node's inspect options for a write to stdout or stderr: colours when the mode says so, or
  // in 'auto' when the stream is a terminal of more than two colours; given options get that
  // as their `colors` unless they have one.
  [kOptionsFor](useStdout) {
    let color = this[kColorMode];
    if (color === 'auto') {
      const key = useStdout ? '_stdout' : '_stderr';
      if (this === globalConsole && boundToOwn(key) && !native.tty.isatty(useStdout ? 1 : 2)) {
        // (process's own unmade stream is no terminal: no need to make it to ask.)
        color = undefined;
      } else {
        const stream = this[key];
        color = stream.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
      }
    }
    const options = this[kInspectOptions];
    if (options !== undefined) {
      if (options.colors === undefined) options.colors = color;
      return options;
    }
    return color ? kColorInspectOptions : kNoColorInspectOptions;
  }

  // Clears a terminal: Node writes the cursor-home and erase sequences when stdout is a TTY.
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') this._stdout.write('\x1b[1;1H\x1b[0J');
  }

  [kWrite](useStdout, text) {
    const indent = this[kGroupIndent];
    if (indent.length !== 0) {
      if (text.includes('\n')) text = text.replace(/\n/g, `\n${indent}`);
      text = indent + text;
    }
    if (this === globalConsole && writeDirect(useStdout, `${text}\n`)) return;
    if (useStdout) {
      // A write to stdout makes the global console's stderr too, as Node's (where it is a pipe
      // or terminal, process.getActiveResourcesInfo() lists both from then on).
      const stdout = this._stdout;
      void this._stderr;
      stdout.write(`${text}\n`);
    } else {
      this._stderr.write(`${text}\n`);
    }
  }

  log(...args) {
    this[kWrite](true, formatWithOptions(this[kOptionsForStdout], ...args));
  }

  info(...args) {
    this[kWrite](true, formatWithOptions(this[kOptionsForStdout], ...args));
  }

  debug(...args) {
    this[kWrite](true, formatWithOptions(this[kOptionsForStdout], ...args));
  }

  warn(...args) {
    this[kWrite](false, formatWithOptions(this[kOptionsForStderr], ...args));
  }

  error(...args) {
    this[kWrite](false, formatWithOptions(this[kOptionsForStderr], ...args));
  }

  dir(object, options) {
    this[kWrite](true, inspect(object, { customInspect: false, ...this[kOptionsFor](true), ...options }));
  }

  dirxml(...args) {
    this.log(...args);
  }

  trace(...args) {
    const err = { name: 'Trace', message: formatWithOptions(this[kOptionsForStderr], ...args) };
    Error.captureStackTrace(err, this.trace);
    this.error(err.stack);
  }

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      this.warn(...args);
    }
  }

  count(label = 'default') {
    label = `${label}`;
    const count = (this[kCounts].get(label) || 0) + 1;
    this[kCounts].set(label, count);
    this.log(`${label}: ${count}`);
  }

  countReset(label = 'default') {
    label = `${label}`;
    if (!this[kCounts].has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    this[kCounts].delete(label);
  }

  group(...data) {
    if (data.length > 0) this.log(...data);
    this[kGroupIndent] += '  ';
  }

  groupCollapsed(...data) {
    this.group(...data);
  }

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - 2);
  }

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, native.now());
  }

  timeEnd(label = 'default') {
    label = `${label}`;
    if (this[kTimeLog]('timeEnd', label)) this._times.delete(label);
  }

  timeLog(label = 'default', ...data) {
    this[kTimeLog]('timeLog', `${label}`, data);
  }

  [kTimeLog](name, label, data) {
    const start = this._times.get(label);
    if (start === undefined) {
      process.emitWarning(`No such label '${label}' for console.${name}()`);
      return false;
    }
    const formatted = formatTime(native.now() - start);
    if (data === undefined) this.log('%s: %s', label, formatted);
    else this.log('%s: %s', label, formatted, ...data);
    return true;
  }

  table(data, properties) {
    if (data === null || typeof data !== 'object') return this.log(data);
    const rows = [];
    const columns = [];
    const valuesKey = 'Values';
    let hasValues = false;
    const keys = data instanceof Map ? [...data.keys()] : Object.keys(data);
    const values = data instanceof Map ? [...data.values()] : keys.map((k) => data[k]);
    const render = (v) => inspect(v, { depth: 1, breakLength: Infinity, compact: 3 });
    keys.forEach((key, i) => {
      const value = values[i];
      const row = { '(index)': String(key) };
      if (value !== null && typeof value === 'object') {
        for (const col of properties || Object.keys(value)) {
          if (!columns.includes(col)) columns.push(col);
          if (Object.prototype.hasOwnProperty.call(value, col)) row[col] = render(value[col]);
        }
      } else {
        hasValues = true;
        row[valuesKey] = render(value);
      }
      rows.push(row);
    });
    const header = ['(index)', ...columns];
    if (hasValues) header.push(valuesKey);
    const width = header.map((h) => Math.max(h.length + 2, ...rows.map((r) => (r[h] === undefined ? 0 : r[h].length) + 2)));
    const cell = (text, w) => ` ${text}${' '.repeat(w - text.length - 1)}`;
    const line = (l, m, r) => l + width.map((w) => '─'.repeat(w)).join(m) + r;
    let out = `${line('┌', '┬', '┐')}\n│${header.map((h, i) => cell(h, width[i])).join('│')}│\n${line('├', '┼', '┤')}\n`;
    for (const row of rows) {
      out += `│${header.map((h, i) => cell(row[h] === undefined ? '' : row[h], width[i])).join('│')}│\n`;
    }
    out += line('└', '┴', '┘');
    this.log(out);
  }
}

// Console.prototype lists its methods in Node's order too.
for (const key of methodOrder) {
  const desc = Object.getOwnPropertyDescriptor(Console.prototype, key);
  delete Console.prototype[key];
  Object.defineProperty(Console.prototype, key, desc);
}

// The global console's streams are process.stdout/stderr as they are when written to (Node's
// get/set pair): making the console creates neither stream.
const globalConsole = new Console({ write() {} });
// The global console binds its streams on first use, as Node's: `_stdout` reads process.stdout
// once and keeps it (a later replacement of process.stdout does not move the console) until a
// script assigns another (a falsy one binds afresh). `ownStream` stands for process's own stream
// while it is not made: the console writes around it (process.js, stdioDirect).
const ownStream = Symbol('process own stream');
const bound = { __proto__: null, _stdout: undefined, _stderr: undefined };
const streamAccessors = { __proto__: null };
const streamSources = { __proto__: null, _stdout: ['stdout', 1], _stderr: ['stderr', 2] };

// Binds the global console's `key` stream if unbound (Node's first read): process's own
// (`ownStream` while unmade) or whatever process.stdout/stderr is now.
function bind(key) {
  if (!bound[key]) {
    const [name, fd] = streamSources[key];
    bound[key] = native.stdioDirect?.isOwn(fd) ? ownStream : process[name];
  }
  return bound[key];
}

for (const key of ['_stdout', '_stderr']) {
  const get = function () {
    const stream = bind(key);
    return stream === ownStream ? native.stdioDirect.make(streamSources[key][1]) : stream;
  };
  Object.defineProperty(globalConsole, key, {
    get,
    set(value) { bound[key] = value; },
    enumerable: false,
    configurable: true,
  });
  streamAccessors[key] = get;
}

// Whether the global console's `key` stream is process's own (binding it now if unbound, as a
// read of it would), with the console's accessor still in place.
function boundToOwn(key) {
  if (ObjectGetOwnPropertyDescriptor(globalConsole, key)?.get !== streamAccessors[key]) return false;
  return bind(key) === ownStream;
}

// The global console's write of `line` around process's own unmade stream; false to take the
// stream.
function writeDirect(useStdout, line) {
  const direct = native.stdioDirect;
  if (direct === undefined) return false;
  if (useStdout) {
    if (!boundToOwn('_stdout') || !direct.write(1, line)) return false;
    // (Reading _stderr binds, and makes, it: see kWrite.)
    if (boundToOwn('_stderr')) direct.touch(2);
    else void globalConsole._stderr;
    return true;
  }
  return boundToOwn('_stderr') && direct.write(2, line);
}

globalConsole.Console = Console;
// The global console's extras (Node's order): inspector no-ops, a named child console and tasks.
// Without an inspector attached, Node's profile/profileEnd/timeStamp do nothing.
// Methods (no `prototype`), as Node's native ones.
globalConsole.profile = { profile() {} }.profile;
globalConsole.profileEnd = { profileEnd() {} }.profileEnd;
globalConsole.timeStamp = { timeStamp() {} }.timeStamp;
globalConsole.context = {
  context(name) {
    const child = new Console({ stdout: process.stdout, stderr: process.stderr });
    void name;
    return child;
  },
}.context;
globalConsole.createTask = {
  createTask(name) {
    // V8's check, with its text.
    if (typeof name !== 'string' || name.length === 0) throw new Error('First argument must be a non-empty string.');
    return { run: (fn) => fn() };
  },
}.createTask;

module.exports = globalConsole;
