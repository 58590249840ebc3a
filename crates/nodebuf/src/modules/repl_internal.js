// `internal/repl` (reachable with --expose-internals): `createInternalRepl(env, [options,]
// callback)`, the REPL the command line starts, configured from the environment as Node's:
// NODE_NO_READLINE (a number other than 0: no terminal), NODE_REPL_MODE (strict or sloppy),
// NODE_REPL_HISTORY_SIZE (default 1000) and, on a terminal, NODE_REPL_HISTORY (the history
// file; '' keeps none). `callback(err, repl)` runs once the history is set up.
'use strict';

const { kStandalone } = require('internal/repl/eval');

/** Starts a REPL the way the command line does (see the file's head). */
function createInternalRepl(env, opts, cb) {
  if (typeof opts === 'function') {
    cb = opts;
    opts = null;
  }
  const REPL = require('repl');
  opts = {
    [kStandalone]: true,
    ignoreUndefined: false,
    useGlobal: true,
    breakEvalOnSigint: true,
    ...opts,
  };
  if (Number.parseInt(env.NODE_NO_READLINE, 10)) opts.terminal = false;
  if (env.NODE_REPL_MODE) {
    const modes = { strict: REPL.REPL_MODE_STRICT, sloppy: REPL.REPL_MODE_SLOPPY };
    opts.replMode = modes[env.NODE_REPL_MODE.toLowerCase().trim()];
  }
  if (opts.replMode === undefined) opts.replMode = REPL.REPL_MODE_SLOPPY;
  const historySize = Number(env.NODE_REPL_HISTORY_SIZE);
  opts.historySize = !Number.isNaN(historySize) && historySize > 0 ? historySize : 1000;
  defineReplDefaults(REPL.writer);
  const repl = REPL.start(opts);
  const term = 'terminal' in opts ? opts.terminal : process.stdout.isTTY;
  repl.setupHistory(term ? env.NODE_REPL_HISTORY : '', cb);
}

// `util.inspect.replDefaults` (in the command line's REPL): the default writer's options;
// assigning an object merges it into them.
function defineReplDefaults(writer) {
  const { inspect } = require('util');
  if (Object.getOwnPropertyDescriptor(inspect, 'replDefaults') !== undefined) return;
  Object.defineProperty(inspect, 'replDefaults', {
    get() {
      return writer.options;
    },
    set(options) {
      if (options === null || typeof options !== 'object' || Array.isArray(options)) {
        throw require('internal/errors').codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
      }
      return Object.assign(writer.options, options);
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = { createInternalRepl };
