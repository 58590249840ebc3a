// `internal/repl/main`: the command line's REPL (`nodebuf` from a terminal, or `-i`): Node's
// welcome lines, then a REPL on stdin and stdout evaluating in the global scope, with errors
// nobody catches shown by it; its history file on a terminal (NODE_REPL_HISTORY, '' for
// none); NODE_NO_READLINE for line mode, NODE_REPL_MODE=strict for strict mode. Leaving the
// REPL ends the process.
'use strict';

const { kStandalone } = require('internal/repl/eval');

/** Starts the command line's REPL. */
function start() {
  const repl = require('repl');
  process.stdout.write(`Welcome to Node.js ${process.version}.\nType ".help" for more information.\n`);
  const env = process.env;
  const options = {
    [kStandalone]: true,
    ignoreUndefined: false,
    useGlobal: true,
    breakEvalOnSigint: true,
  };
  if (Number.parseInt(env.NODE_NO_READLINE, 10)) options.terminal = false;
  const size = Number(env.NODE_REPL_HISTORY_SIZE);
  if (env.NODE_REPL_HISTORY_SIZE !== undefined && !Number.isNaN(size) && size > 0) options.historySize = size;
  if (typeof env.NODE_REPL_MODE === 'string' && env.NODE_REPL_MODE.trim().toLowerCase() === 'strict') {
    options.replMode = repl.REPL_MODE_STRICT;
  }
  const server = repl.start(options);
  server.on('exit', () => {
    if (server._flushing) server.once('flushHistory', () => process.exit());
    else process.exit();
  });
  if (server.terminal) server.setupHistory(env.NODE_REPL_HISTORY, () => {});
  return server;
}

module.exports = { start };
