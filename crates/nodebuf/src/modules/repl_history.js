// `internal/repl/history`: `server.setupHistory(path, cb)`, the REPL's history kept in a file
// as Node keeps it: the file's lines (newest first, at most `historySize`) become the
// history, then the file is rewritten with the whole history a little after each line read,
// and closed at 'exit'. An empty path keeps no file; no path means `~/.node_repl_history`. A file that cannot be opened only gets a message on the output.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

// Lines read within this many milliseconds are written together.
const kDebounceMs = 15;

/**
 * Set on a REPL that keeps no history file: its first Up key with no history yet says so
 * (see repl.js).
 */
const kHistoryDisabled = Symbol('kHistoryDisabled');

/** The text the first Up key shows when no history file is kept. */
const kDisabledMessage = '\nPersistent history support disabled. Set the NODE_REPL_HISTORY environment\n' +
  'variable to a valid, user-writable path to enable.\n';

/** Sets up `repl`'s history file `historyPath`, then calls `ready(err, repl)`. */
function setupHistory(repl, historyPath, ready) {
  if (typeof ready !== 'function') ready = () => {};
  if (typeof historyPath === 'string') historyPath = historyPath.trim();
  if (historyPath === '') {
    repl[kHistoryDisabled] = true;
    ready(null, repl);
    return;
  }
  if (!historyPath) {
    try {
      historyPath = path.join(os.homedir(), '.node_repl_history');
    } catch {
      repl.output.write('\nError: Could not get the home directory.\nREPL session history will not be persisted.\n');
      repl.prompt(true);
      repl[kHistoryDisabled] = true;
      ready(null, repl);
      return;
    }
  }

  let timer = null;
  let handle;
  // The file is read and written synchronously: a terminal's stdin keeps one of the runtime's
  // blocking-I/O threads reading, and the history must not wait behind it.
  repl.pause();
  let data;
  try {
    // History files are kept private to their owner, as Node creates them.
    fs.closeSync(fs.openSync(historyPath, 'a+', 0o600));
  } catch {
    repl.output.write('\nError: Could not open history file.\nREPL session history will not be persisted.\n');
    repl.prompt(true);
    repl[kHistoryDisabled] = true;
    repl.resume();
    process.nextTick(ready, null, repl);
    return;
  }
  try {
    data = fs.readFileSync(historyPath, 'utf8');
    repl.history = data ? data.split(/[\n\r]+/, repl.historySize) : [];
    handle = fs.openSync(historyPath, 'r+');
  } catch (err) {
    process.nextTick(ready, err);
    return;
  }
  try {
    fs.ftruncateSync(handle, 0);
  } catch {
    // (A file that cannot be truncated, as /dev/null, is written over, as Node does.)
  }
  repl.on('line', onLine);
  repl.once('exit', onExit);
  repl.once('flushHistory', () => {
    repl.resume();
    ready(null, repl);
  });
  process.nextTick(flush);

  function onLine() {
    repl._flushing = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, kDebounceMs);
  }

  function flush() {
    timer = null;
    try {
      fs.writeSync(handle, repl.history.join(os.EOL), 0, 'utf8');
    } catch {
      // (A history that cannot be written is not persisted.)
    }
    repl._flushing = false;
    repl.emit('flushHistory');
  }

  function onExit() {
    if (repl._flushing) {
      repl.once('flushHistory', onExit);
      return;
    }
    repl.off('line', onLine);
    try {
      fs.closeSync(handle);
    } catch {
      // Already closed.
    }
  }
}

module.exports = { setupHistory, kHistoryDisabled, kDisabledMessage };
