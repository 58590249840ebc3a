// `internal/readline/terminal`: the readline Interface's terminal mode (`terminal: true`, the
// default when the output is a TTY): keypresses from emitKeypressEvents edit the line in place
// (insert, delete, cursor and word moves, history, kill to start/end), Return/Enter submit it,
// Ctrl+C emits 'SIGINT' or closes, Ctrl+D closes an empty line; the prompt and line are redrawn
// with Node's escape sequences. Written from Node v20's observed behaviour. Display widths
// count one column per code point (Node also knows East Asian wide characters).
'use strict';

const { emitKeypressEvents, charLengthAt } = require('internal/readline/keys');

const MathCeil = Math.ceil;

/** The number of UTF-16 units of the character that ends at `index` of `text`. */
function charLengthLeft(text, index) {
  if (index <= 0) return 0;
  if (index > 1 && text.codePointAt(index - 2) >= 0x10000) return 2;
  return 1;
}

/**
 * Switches `rl` (an Interface under construction) to terminal mode on `input`; `hooks` are the
 * Interface's internals this mode needs (write to output, emit a line, cursor helpers).
 */
function startTerminal(rl, input, hooks) {
  emitKeypressEvents(input, rl);
  const onkeypress = (s, key) => {
    rl._ttyWrite(s, key);
    if (key && key.sequence) {
      // A lone surrogate half arrived: redraw once the pair is complete.
      const ch = key.sequence.codePointAt(0);
      if (ch >= 0xd800 && ch <= 0xdfff) refreshLine(rl, hooks);
    }
  };
  const ontermend = () => {
    if (typeof rl.line === 'string' && rl.line.length > 0) rl.emit('line', rl.line);
    rl.close();
  };
  input.on('keypress', onkeypress);
  input.on('end', ontermend);
  rl.cursor = 0;
  hooks.edits = newEditState();
  rl.historyIndex = -1;
  rl.prevRows = 0;
  hooks.setRawMode(true);
  return () => {
    input.removeListener('keypress', onkeypress);
    input.removeListener('end', ontermend);
  };
}

const { charWidth, inspect, stripVTControlCharacters } = require('internal/inspect');

// Node keeps at most this many killed texts and this many undo (and redo) steps.
const kMaxKillRing = 32;
const kMaxUndoSteps = 2048;

/**
 * The editing memory of one terminal Interface, as Node's: the kill ring (texts removed by the
 * line deletes, newest first, yanked back with Ctrl+Y and cycled with Meta+Y right after) and the
 * undo/redo stacks of `{ text, cursor }` snapshots taken before each edit.
 */
function newEditState() {
  return { killRing: [], killRingCursor: 0, yanking: false, undo: [], redo: [] };
}

/** Remembers the line before an edit so Ctrl+_ can restore it. */
function beforeEdit(rl, hooks) {
  const undo = hooks.edits.undo;
  undo.push({ text: rl.line, cursor: rl.cursor });
  if (undo.length > kMaxUndoSteps) undo.shift();
}

/** Swaps the line with the newest snapshot of `from`, saving the current one on `to`. */
function restoreSnapshot(rl, hooks, from, to) {
  if (from.length === 0) return;
  to.push({ text: rl.line, cursor: rl.cursor });
  const entry = from.pop();
  rl.line = entry.text;
  rl.cursor = entry.cursor;
  refreshLine(rl, hooks);
}

/** Adds deleted text to the front of the kill ring (not empty text, not a repeat of the newest). */
function pushToKillRing(hooks, text) {
  const edits = hooks.edits;
  if (!text || text === edits.killRing[0]) return;
  edits.killRing.unshift(text);
  edits.killRingCursor = 0;
  while (edits.killRing.length > kMaxKillRing) edits.killRing.pop();
}

/** Ctrl+Y: inserts the kill ring's current entry at the cursor. */
function yank(rl, hooks) {
  const edits = hooks.edits;
  if (edits.killRing.length === 0) return;
  edits.yanking = true;
  insertString(rl, hooks, edits.killRing[edits.killRingCursor]);
}

/** Meta+Y right after a yank: replaces the yanked text with the next older kill ring entry. */
function yankPop(rl, hooks) {
  const edits = hooks.edits;
  if (!edits.yanking || edits.killRing.length < 2) return;
  const last = edits.killRing[edits.killRingCursor];
  edits.killRingCursor = (edits.killRingCursor + 1) % edits.killRing.length;
  const current = edits.killRing[edits.killRingCursor];
  const head = rl.line.slice(0, rl.cursor - last.length);
  rl.line = head + current + rl.line.slice(rl.cursor);
  rl.cursor = head.length + current.length;
  refreshLine(rl, hooks);
}

/** The rows and columns `text` takes on the output (tabs to the next stop, lines wrapped). */
function displayPos(rl, text) {
  let offset = 0;
  const columns = rl.columns;
  let rows = 0;
  text = stripVTControlCharacters(text);
  for (const char of text) {
    if (char === '\n') {
      rows += MathCeil(offset / columns) || 1;
      offset = 0;
      continue;
    }
    if (char === '\t') {
      offset += rl.tabSize - (offset % rl.tabSize);
      continue;
    }
    const width = charWidth(char.codePointAt(0));
    if (width === 2) {
      // A wide character never starts in the last column.
      if ((offset + 1) % columns === 0) offset++;
      offset += 2;
    } else {
      offset += width;
    }
  }
  const cols = offset % columns;
  rows += (offset - cols) / columns;
  return { cols, rows };
}

/** Where the cursor is: `{ rows, cols }` after the prompt and the line up to the cursor. */
function cursorPos(rl, prompt) {
  return displayPos(rl, prompt + rl.line.slice(0, rl.cursor));
}

/** Redraws prompt and line and puts the cursor back (Node's refresh sequence). */
function refreshLine(rl, hooks) {
  const line = hooks.prompt() + rl.line;
  const lineRows = displayPos(rl, line).rows;
  const lineCols = displayPos(rl, line).cols;
  const cursor = cursorPos(rl, hooks.prompt());
  const prevRows = rl.prevRows || 0;
  if (prevRows > 0) hooks.moveCursor(0, -prevRows);
  hooks.cursorTo(0);
  hooks.clearScreenDown();
  hooks.write(line);
  // Make sure the cursor can sit past the end of a full row.
  if (lineCols === 0) hooks.write(' ');
  hooks.cursorTo(cursor.cols);
  const diff = lineRows - cursor.rows;
  if (diff > 0) hooks.moveCursor(0, -diff);
  rl.prevRows = cursor.rows;
}

// Inside a multi-character chunk from the input (a paste: isCompletionEnabled is false until
// its last character) Node appends each character at the end of the line, wherever the cursor
// is, and writes it without redrawing; the same is done here.
function insertString(rl, hooks, text) {
  beforeEdit(rl, hooks);
  const pasting = rl.isCompletionEnabled === false;
  if (rl.cursor < rl.line.length && !pasting) {
    rl.line = rl.line.slice(0, rl.cursor) + text + rl.line.slice(rl.cursor);
    rl.cursor += text.length;
    refreshLine(rl, hooks);
  } else {
    const before = cursorPos(rl, hooks.prompt());
    rl.line += text;
    rl.cursor += text.length;
    const after = cursorPos(rl, hooks.prompt());
    // Redrawn when the text wrapped onto a new row (not while pasting).
    if (before.rows < after.rows && !pasting) refreshLine(rl, hooks);
    else hooks.write(text);
  }
}

function moveCursor(rl, hooks, dx) {
  if (dx === 0) return;
  const before = cursorPos(rl, hooks.prompt());
  rl.cursor += dx;
  if (rl.cursor < 0) rl.cursor = 0;
  else if (rl.cursor > rl.line.length) rl.cursor = rl.line.length;
  const after = cursorPos(rl, hooks.prompt());
  if (before.rows === after.rows) hooks.moveCursor(after.cols - before.cols, 0);
  else refreshLine(rl, hooks);
}

function deleteLeft(rl, hooks) {
  if (rl.cursor > 0 && rl.line.length > 0) {
    beforeEdit(rl, hooks);
    const size = charLengthLeft(rl.line, rl.cursor);
    rl.line = rl.line.slice(0, rl.cursor - size) + rl.line.slice(rl.cursor);
    rl.cursor -= size;
    refreshLine(rl, hooks);
  }
}

function deleteRight(rl, hooks) {
  if (rl.cursor < rl.line.length) {
    beforeEdit(rl, hooks);
    const size = charLengthAt(rl.line, rl.cursor);
    rl.line = rl.line.slice(0, rl.cursor) + rl.line.slice(rl.cursor + size);
    refreshLine(rl, hooks);
  }
}

function deleteLineLeft(rl, hooks) {
  beforeEdit(rl, hooks);
  const deleted = rl.line.slice(0, rl.cursor);
  rl.line = rl.line.slice(rl.cursor);
  rl.cursor = 0;
  pushToKillRing(hooks, deleted);
  refreshLine(rl, hooks);
}

function deleteLineRight(rl, hooks) {
  beforeEdit(rl, hooks);
  const deleted = rl.line.slice(rl.cursor);
  rl.line = rl.line.slice(0, rl.cursor);
  pushToKillRing(hooks, deleted);
  refreshLine(rl, hooks);
}

// Word moves, as Node's: right skips one run of word characters, of punctuation or of spaces,
// then the spaces after it; left skips spaces, then one run of punctuation or word characters.
function wordLeftIndex(rl) {
  const reversed = [...rl.line.slice(0, rl.cursor)].reverse().join('');
  const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed);
  return rl.cursor - match[0].length;
}

function wordRightIndex(rl) {
  const trailing = rl.line.slice(rl.cursor);
  const match = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(trailing);
  return rl.cursor + (match === null ? 0 : match[0].length);
}

function deleteWordLeft(rl, hooks) {
  if (rl.cursor > 0) {
    beforeEdit(rl, hooks);
    const start = wordLeftIndex(rl);
    rl.line = rl.line.slice(0, start) + rl.line.slice(rl.cursor);
    rl.cursor = start;
    refreshLine(rl, hooks);
  }
}

function deleteWordRight(rl, hooks) {
  if (rl.cursor < rl.line.length) {
    beforeEdit(rl, hooks);
    const end = wordRightIndex(rl);
    rl.line = rl.line.slice(0, rl.cursor) + rl.line.slice(end);
    refreshLine(rl, hooks);
  }
}

/** Adds the line to the front of the history (Node's rules); returns the line. */
function addHistory(rl) {
  if (rl.line.length === 0) return '';
  if (rl.historySize === 0) return rl.line;
  if (rl.line.trim().length === 0) return rl.line;
  if (rl.history.length === 0 || rl.history[0] !== rl.line) {
    if (rl.removeHistoryDuplicates) {
      const at = rl.history.indexOf(rl.line);
      if (at !== -1) rl.history.splice(at, 1);
    }
    rl.history.unshift(rl.line);
    if (rl.history.length > rl.historySize) rl.history.pop();
  }
  rl.historyIndex = -1;
  const line = rl.history[0];
  rl.emit('history', rl.history);
  return line;
}

// History moves, as Node's: up (+1) goes to the next older entry that starts with the text
// before the cursor when the moves began (and differs from the line shown), down (-1) to the
// next newer one; past either end the line becomes that search text.
function historyMove(rl, hooks, step) {
  if (step > 0 ? !(rl.historyIndex < rl.history.length && rl.history.length) : rl.historyIndex < 0) return;
  const search = hooks.search() || '';
  let index = rl.historyIndex + step;
  const skip = (entry) => (search && !entry.startsWith(search)) || rl.line === entry;
  if (step > 0) {
    while (index < rl.history.length && skip(rl.history[index])) index++;
    rl.line = index === rl.history.length ? search : rl.history[index];
  } else {
    while (index >= 0 && (!rl.history[index].startsWith(search) || rl.line === rl.history[index])) index--;
    rl.line = index === -1 ? search : rl.history[index];
  }
  rl.historyIndex = index;
  rl.cursor = rl.line.length;
  refreshLine(rl, hooks);
}

// The longest text every string starts with.
function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = strings.slice().sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return first.slice(0, i);
}

/**
 * Tab: asks the completer for `[completions, completeOn]` about the text before the cursor;
 * completes their common prefix, and on a second Tab in a row lists them in columns as wide as
 * the longest plus two (one per row when the output width is unknown), then redraws.
 */
function tabComplete(rl, hooks, lastKeypressWasTab) {
  if (hooks.awaitsCompleter()) {
    tabCompleteAwaiting(rl, hooks, lastKeypressWasTab);
    return;
  }
  rl.pause();
  const before = rl.line.slice(0, rl.cursor);
  rl.completer(before, (err, value) => {
    rl.resume();
    if (err) {
      reportCompleterError(hooks, err);
      return;
    }
    showCompletions(rl, hooks, lastKeypressWasTab, value);
  });
}

// readline/promises calls its completer with the text alone and awaits the result (a value or a
// promise): completions show one microtask later, and a throw or rejection is reported on the
// output, as in Node.
async function tabCompleteAwaiting(rl, hooks, lastKeypressWasTab) {
  rl.pause();
  const before = rl.line.slice(0, rl.cursor);
  let value;
  try {
    value = await rl.completer(before);
  } catch (err) {
    reportCompleterError(hooks, err);
    return;
  } finally {
    rl.resume();
  }
  showCompletions(rl, hooks, lastKeypressWasTab, value);
}

/** A completer's error is written to the output (inspected), not thrown. */
function reportCompleterError(hooks, err) {
  hooks.write(`Tab completion error: ${inspect(err)}`);
}

function showCompletions(rl, hooks, lastKeypressWasTab, value) {
  // Anything but an array pair (a promise from a classic Interface's completer) completes
  // nothing, as in Node.
  if (value === null || value === undefined) return;
  const completions = value[0];
  const completeOn = value[1];
  if (!completions || completions.length === 0) return;
  const prefix = commonPrefix(completions.filter((entry) => entry !== ''));
  if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
    insertString(rl, hooks, prefix.slice(completeOn.length));
    return;
  }
  if (!completeOn.startsWith(prefix)) {
    rl.line = rl.line.slice(0, rl.cursor - completeOn.length) + prefix + rl.line.slice(rl.cursor);
    rl.cursor = rl.cursor - completeOn.length + prefix.length;
    refreshLine(rl, hooks);
    return;
  }
  if (!lastKeypressWasTab) return;
  const widths = completions.map((entry) => displayPos({ columns: Infinity, tabSize: rl.tabSize }, entry).cols);
  const width = Math.max(...widths) + 2;
  let maxColumns = Math.floor(rl.columns / width) || 1;
  if (maxColumns === Infinity) maxColumns = 1;
  let text = '\r\n';
  let column = 0;
  let padding = 0;
  for (let i = 0; i < completions.length; i++) {
    const entry = completions[i];
    if (entry === '' || column === maxColumns) {
      text += '\r\n';
      column = 0;
      padding = 0;
    } else {
      text += ' '.repeat(padding);
    }
    if (entry !== '') {
      text += entry;
      padding = width - widths[i];
      column++;
    } else {
      text += '\r\n';
    }
  }
  if (column !== 0) text += '\r\n\r\n';
  hooks.write(text);
  refreshLine(rl, hooks);
}

/** Submits the line: history, a new output line, then the question callback or 'line'. */
function submitLine(rl, hooks) {
  const line = addHistory(rl);
  hooks.edits.undo = [];
  hooks.edits.redo = [];
  rl.clearLine();
  hooks.onLine(line);
}

/** Handles one keypress in terminal mode. */
function ttyWrite(rl, hooks, s, key) {
  const previousKey = hooks.previousKey();
  key = key || {};
  hooks.setPreviousKey(key);
  // Only Meta+Y keeps a yank going (for the next Meta+Y).
  if (!key.meta || key.name !== 'y') hooks.edits.yanking = false;
  // Up/Down start (or continue) a search for history entries beginning with the text before
  // the cursor; any other key ends it.
  if ((key.name === 'up' || key.name === 'down') && !key.ctrl && !key.meta && !key.shift) {
    if (hooks.search() === null) hooks.setSearch(rl.line.slice(0, rl.cursor));
  } else if (hooks.search() !== null) {
    hooks.setSearch(null);
    if (rl.history.length === rl.historyIndex) rl.historyIndex = -1;
  }
  if (typeof key.sequence === 'string') {
    const code = key.sequence.codePointAt(0);
    if (code === 0x1f) {
      restoreSnapshot(rl, hooks, hooks.edits.undo, hooks.edits.redo);
      return;
    }
    if (code === 0x1e) {
      restoreSnapshot(rl, hooks, hooks.edits.redo, hooks.edits.undo);
      return;
    }
  }
  if (key.name === 'escape') return;
  if (key.ctrl && key.shift) {
    if (key.name === 'backspace') deleteLineLeft(rl, hooks);
    else if (key.name === 'delete') deleteLineRight(rl, hooks);
    return;
  }
  if (key.ctrl) {
    switch (key.name) {
      case 'c':
        if (rl.listenerCount('SIGINT') > 0) rl.emit('SIGINT');
        else rl.close();
        break;
      case 'h':
        deleteLeft(rl, hooks);
        break;
      case 'd':
        if (rl.cursor === 0 && rl.line.length === 0) rl.close();
        else deleteRight(rl, hooks);
        break;
      case 'u':
        deleteLineLeft(rl, hooks);
        break;
      case 'k':
        deleteLineRight(rl, hooks);
        break;
      case 'a':
        moveCursor(rl, hooks, -Infinity);
        break;
      case 'e':
        moveCursor(rl, hooks, +Infinity);
        break;
      case 'b':
        moveCursor(rl, hooks, -charLengthLeft(rl.line, rl.cursor));
        break;
      case 'f':
        moveCursor(rl, hooks, +charLengthAt(rl.line, rl.cursor));
        break;
      case 'l':
        hooks.cursorTo(0, 0);
        hooks.clearScreenDown();
        refreshLine(rl, hooks);
        break;
      case 'n':
        historyMove(rl, hooks, -1);
        break;
      case 'p':
        historyMove(rl, hooks, +1);
        break;
      case 'w':
      case 'backspace':
        deleteWordLeft(rl, hooks);
        break;
      case 'delete':
        deleteWordRight(rl, hooks);
        break;
      case 'left':
        moveCursor(rl, hooks, wordLeftIndex(rl) - rl.cursor);
        break;
      case 'right':
        moveCursor(rl, hooks, wordRightIndex(rl) - rl.cursor);
        break;
      case 'y':
        yank(rl, hooks);
        break;
      default:
        break;
    }
    return;
  }
  if (key.meta) {
    switch (key.name) {
      case 'b':
        moveCursor(rl, hooks, wordLeftIndex(rl) - rl.cursor);
        break;
      case 'f':
        moveCursor(rl, hooks, wordRightIndex(rl) - rl.cursor);
        break;
      case 'd':
      case 'delete':
        deleteWordRight(rl, hooks);
        break;
      case 'backspace':
        deleteWordLeft(rl, hooks);
        break;
      case 'y':
        yankPop(rl, hooks);
        break;
      default:
        break;
    }
    return;
  }
  if (hooks.sawReturnAt() !== 0 && key.name !== 'enter') hooks.setSawReturnAt(0);
  switch (key.name) {
    case 'return':
      hooks.setSawReturnAt(Date.now());
      submitLine(rl, hooks);
      break;
    case 'enter':
      // A \n right after a \r ends the same line.
      if (hooks.sawReturnAt() === 0 || Date.now() - hooks.sawReturnAt() > rl.crlfDelay) submitLine(rl, hooks);
      hooks.setSawReturnAt(0);
      break;
    case 'backspace':
      deleteLeft(rl, hooks);
      break;
    case 'delete':
      deleteRight(rl, hooks);
      break;
    case 'left':
      moveCursor(rl, hooks, -charLengthLeft(rl.line, rl.cursor));
      break;
    case 'right':
      moveCursor(rl, hooks, +charLengthAt(rl.line, rl.cursor));
      break;
    case 'home':
      moveCursor(rl, hooks, -Infinity);
      break;
    case 'end':
      moveCursor(rl, hooks, +Infinity);
      break;
    case 'up':
      historyMove(rl, hooks, +1);
      break;
    case 'down':
      historyMove(rl, hooks, -1);
      break;
    case 'tab':
      if (typeof rl.completer === 'function' && rl.isCompletionEnabled) {
        tabComplete(rl, hooks, previousKey !== undefined && previousKey.name === 'tab');
        break;
      }
    // Without a completer (or inside a paste) a Tab is text.
    // falls through
    default:
      if (typeof s === 'string' && s) {
        const lines = s.split(/\r\n|\n|\r/);
        for (let i = 0; i < lines.length; i++) {
          if (i > 0) submitLine(rl, hooks);
          insertString(rl, hooks, lines[i]);
        }
      }
  }
}

module.exports = {
  startTerminal,
  ttyWrite,
  refreshLine,
  cursorPos,
  displayPos,
  charLengthLeft,
  moveCursorBy: moveCursor,
};
