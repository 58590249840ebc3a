// `internal/readline/utils` (reachable with --expose-internals, as in Node): the CSI tag and
// its named sequences, and the character-length helper the key decoder uses.
'use strict';

const { charLengthAt } = require('internal/readline/keys');

/**
 * `` CSI`...` ``: a tagged template prefixing ESC [ to its text; also carries the clear
 * sequences by name (kClearToLineBeginning, kClearToLineEnd, kClearLine, kClearScreenDown).
 */
function CSI(strings, ...args) {
  let text = '\x1b[';
  for (let i = 0; i < strings.length; i++) {
    text += strings[i];
    if (i < args.length) text += args[i];
  }
  return text;
}
CSI.kEscape = '\x1b';
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

module.exports = { CSI, charLengthAt };
