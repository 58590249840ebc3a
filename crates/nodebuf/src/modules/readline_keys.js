// `internal/readline/keys`: `readline.emitKeypressEvents(stream[, interface])` — decodes what a
// terminal sends (characters, control keys, ESC-prefixed meta keys, CSI/SS3 sequences with
// xterm modifiers, rxvt variants) into Node v20's 'keypress' events `(str, key)` with
// key = { sequence, name, ctrl, meta, shift[, code] }. Written from Node's observed events.
'use strict';
// (Timers from their module, not the global: a script's fake timers do not reach them.)
const { setTimeout, clearTimeout } = require('timers');

const { StringDecoder } = require('string_decoder');

const ESC = '\x1b';
const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeDecoder = Symbol('escape-decoder');
const kSawKeyPress = Symbol('_sawKeyPress');
/** How long a lone ESC at the end of the input waits for the rest of a sequence (ms). */
const kEscapeCodeTimeout = 500;

// Key names by the sequence's code (the part after ESC, modifiers taken out). Entries with
// `mods` also set modifiers (rxvt's shifted/ctrl variants).
const namesByCode = new Map();
function names(name, codes, mods = null) {
  for (const code of codes) namesByCode.set(code, { name, mods });
}
names('f1', ['OP', '[11~', '[[A', '[P']);
names('f2', ['OQ', '[12~', '[[B', '[Q']);
names('f3', ['OR', '[13~', '[[C', '[R']);
names('f4', ['OS', '[14~', '[[D', '[S']);
names('f5', ['[15~', '[[E']);
names('f6', ['[17~']);
names('f7', ['[18~']);
names('f8', ['[19~']);
names('f9', ['[20~']);
names('f10', ['[21~']);
names('f11', ['[23~']);
names('f12', ['[24~']);
names('paste-start', ['[200~']);
names('paste-end', ['[201~']);
names('up', ['[A', 'OA']);
names('down', ['[B', 'OB']);
names('right', ['[C', 'OC']);
names('left', ['[D', 'OD']);
names('clear', ['[E', 'OE']);
names('end', ['[F', 'OF', '[4~', '[8~']);
names('home', ['[H', 'OH', '[1~', '[7~']);
names('insert', ['[2~']);
names('delete', ['[3~']);
names('pageup', ['[5~', '[[5~']);
names('pagedown', ['[6~', '[[6~']);
names('up', ['[a'], 'shift');
names('down', ['[b'], 'shift');
names('right', ['[c'], 'shift');
names('left', ['[d'], 'shift');
names('clear', ['[e'], 'shift');
names('insert', ['[2$'], 'shift');
names('delete', ['[3$'], 'shift');
names('pageup', ['[5$'], 'shift');
names('pagedown', ['[6$'], 'shift');
names('home', ['[7$'], 'shift');
names('end', ['[8$'], 'shift');
names('up', ['Oa'], 'ctrl');
names('down', ['Ob'], 'ctrl');
names('right', ['Oc'], 'ctrl');
names('left', ['Od'], 'ctrl');
names('clear', ['Oe'], 'ctrl');
names('insert', ['[2^'], 'ctrl');
names('delete', ['[3^'], 'ctrl');
names('pageup', ['[5^'], 'ctrl');
names('pagedown', ['[6^'], 'ctrl');
names('home', ['[7^'], 'ctrl');
names('end', ['[8^'], 'ctrl');
names('tab', ['[Z'], 'shift');

const isDigit = (ch) => ch >= '0' && ch <= '9';
// `<num>[;<mod>]` then `~`, `^` or `$`; or three digits and `~` (bracketed paste).
const tildeForm = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/;
// `[[<n>;]<mod>]<letter>`.
const letterForm = /^((\d;)?(\d))?([A-Za-z])$/;

/** The number of UTF-16 units of the character at `index` of `text`. */
function charLengthAt(text, index) {
  if (text.length <= index) return 1;
  return text.codePointAt(index) >= 0x10000 ? 2 : 1;
}

// A generator fed one character per `next(ch)` that emits 'keypress' on `stream` for each
// complete key. It waits (yields) inside a sequence until it can tell where the sequence ends.
function* decodeKeys(stream) {
  for (;;) {
    let ch = yield;
    let sequence = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === ESC) {
      escaped = true;
      sequence += (ch = yield);
      if (ch === ESC) sequence += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        // SS3: ESC O <letter> or ESC O <modifier digit> <letter>.
        sequence += (ch = yield);
        if (isDigit(ch)) {
          modifier = Number(ch) - 1;
          sequence += (ch = yield);
        }
        code += ch;
      } else {
        // CSI: ESC [ <letter>, ESC [ [ <letter>, ESC [ <digits>[;<digit>] <final>.
        sequence += (ch = yield);
        if (ch === '[') {
          code += ch;
          sequence += (ch = yield);
        }
        const commandStart = sequence.length - 1;
        if (isDigit(ch)) {
          sequence += (ch = yield);
          if (isDigit(ch)) {
            sequence += (ch = yield);
            if (isDigit(ch)) sequence += (ch = yield);
          }
        }
        if (ch === ';') {
          sequence += (ch = yield);
          if (isDigit(ch)) sequence += (ch = yield);
        }
        const command = sequence.slice(commandStart);
        let match;
        if ((match = tildeForm.exec(command)) !== null) {
          if (match[4] !== undefined) {
            code += match[4];
          } else {
            code += match[1] + match[3];
            modifier = (match[2] === undefined ? 1 : Number(match[2])) - 1;
          }
        } else if ((match = letterForm.exec(command)) !== null) {
          code += match[4];
          modifier = (match[3] === undefined ? 1 : Number(match[3])) - 1;
        } else {
          code += command;
        }
      }
      // xterm modifiers: 1 shift, 2 alt (meta), 4 ctrl, 8 meta.
      key.ctrl = (modifier & 4) !== 0;
      key.meta = (modifier & 10) !== 0;
      key.shift = (modifier & 1) !== 0;
      key.code = code;
      const known = namesByCode.get(code);
      if (known === undefined) {
        key.name = 'undefined';
      } else {
        key.name = known.name;
        if (known.mods !== null) key[known.mods] = true;
      }
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === ESC) {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      // Ctrl+letter (and Ctrl+` for NUL).
      key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
      key.ctrl = true;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = /^[A-Z]$/.test(ch);
      key.meta = escaped;
    } else if (escaped) {
      // ESC followed by another character (or nothing, when the wait for more timed out).
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = sequence;
    if (sequence.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : sequence, key);
    } else if (charLengthAt(sequence, 0) === sequence.length) {
      stream.emit('keypress', sequence, key);
    }
    // Anything else is a broken sequence: nothing is emitted.
  }
}

function newDecoder(stream) {
  const decoder = decodeKeys(stream);
  decoder.next();
  return decoder;
}

/**
 * `readline.emitKeypressEvents(stream[, interface])`: makes `stream` emit 'keypress' for what
 * its 'data' events carry, while it has 'keypress' listeners. A lone ESC at the end of the
 * data is reported after `interface.escapeCodeTimeout` (500 ms) if nothing follows.
 */
function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;
  stream[kKeypressDecoder] = new StringDecoder('utf8');
  stream[kEscapeDecoder] = newDecoder(stream);
  const triggerEscape = () => stream[kEscapeDecoder].next('');
  const escapeCodeTimeout = iface.escapeCodeTimeout === undefined ? kEscapeCodeTimeout : iface.escapeCodeTimeout;
  let timeoutId;

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const text = stream[kKeypressDecoder].write(input);
      if (text) {
        clearTimeout(timeoutId);
        iface[kSawKeyPress] = charLengthAt(text, 0) === text.length;
        iface.isCompletionEnabled = false;
        let consumed = 0;
        for (const character of text) {
          consumed += character.length;
          if (consumed === text.length) iface.isCompletionEnabled = true;
          try {
            stream[kEscapeDecoder].next(character);
            if (consumed === text.length && character === ESC) {
              timeoutId = setTimeout(triggerEscape, escapeCodeTimeout);
            }
          } catch (err) {
            // A listener threw: start over with a fresh decoder, then let the error go on.
            stream[kEscapeDecoder] = newDecoder(stream);
            throw err;
          }
        }
      }
    } else {
      // Nobody listens any more: stop decoding until a 'keypress' listener comes back.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = { emitKeypressEvents, charLengthAt, kSawKeyPress };
