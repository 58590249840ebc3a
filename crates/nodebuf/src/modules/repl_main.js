// `internal/repl/main`: the command line's REPL (`nodebuf` from a terminal, or `-i`): Node's
// welcome lines, then the REPL `internal/repl` configures on stdin and stdout; leaving it
// ends the process (once the history is written).
'use strict';

/** Starts the command line's REPL. */
function start() {
  require('console').log(`Welcome to Node.js ${process.version}.\nType ".help" for more information.`);
  require('internal/repl').createInternalRepl(process.env, (err, server) => {
    if (err) throw err;
    require('repl').repl = server;
    server.on('exit', () => {
      if (server._flushing) server.once('flushHistory', () => process.exit());
      else process.exit();
    });
  });
}

module.exports = { start };
