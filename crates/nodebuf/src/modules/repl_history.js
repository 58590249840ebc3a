// `internal/repl/history`: `server.setupHistory(path, cb)`, the REPL's history kept in a file
// as Node keeps it: the file's lines (newest first, at most `historySize`) become the
// history, then the file is rewritten with the whole history a little after each line read
// (one write at a time), and closed at 'exit'. An empty path keeps no file; no path means
// `~/.node_repl_history`. A file that cannot be opened only gets a message on the output.
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
  let writing = false;
  let pending = false;
  let handle;
  repl.pause();
  // History files are kept private to their owner, as Node creates them.
  fs.open(historyPath, 'a+', 0o600, (err, fd) => {
    if (err) {
      repl.output.write('\nError: Could not open history file.\nREPL session history will not be persisted.\n');
      repl.prompt(true);
      repl[kHistoryDisabled] = true;
      repl.resume();
      ready(null, repl);
      return;
    }
    fs.close(fd, (closeErr) => {
      if (closeErr) return ready(closeErr);
      fs.readFile(historyPath, 'utf8', onRead);
    });
  });

  function onRead(err, data) {
    if (err) return ready(err);
    repl.history = data ? data.split(/[\n\r]+/, repl.historySize) : [];
    fs.open(historyPath, 'r+', (openErr, fd) => {
      if (openErr) return ready(openErr);
      fs.ftruncate(fd, 0, () => {
        handle = fd;
        repl.on('line', onLine);
        repl.once('exit', onExit);
        repl.once('flushHistory', () => {
          repl.resume();
          ready(null, repl);
        });
        flush();
      });
    });
  }

  function onLine() {
    repl._flushing = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, kDebounceMs);
  }

  function flush() {
    timer = null;
    if (writing) {
      pending = true;
      return;
    }
    writing = true;
    fs.write(handle, repl.history.join(os.EOL), 0, 'utf8', () => {
      writing = false;
      if (pending) {
        pending = false;
        onLine();
      } else {
        repl._flushing = timer !== null;
        if (!repl._flushing) repl.emit('flushHistory');
      }
    });
  }

  function onExit() {
    if (repl._flushing) {
      repl.once('flushHistory', onExit);
      return;
    }
    repl.off('line', onLine);
    fs.close(handle, () => {});
  }
}

module.exports = { setupHistory, kHistoryDisabled, kDisabledMessage };
