// What the CommonJS loader wraps a module's source in, and the record of what it wrapped: the
// wrapper functions (whose frames print as `Object.<anonymous>`, as Node's do) and the files
// (whose line 1 starts after the wrapper's opening text). The loader writes here at every
// compile; stack formatting (internal/call_site) and the event loop's error positions read it.
'use strict';

// The text before line 1 of every CommonJS module.
const WRAPPER_PREFIX = '(function (exports, require, module, __filename, __dirname) { ';
// Module wrapper functions (CommonJS top level).
const moduleWrappers = new WeakSet();
// The files compiled inside the wrapper.
const wrappedFiles = new Set();
// The code of what runs without a file (`[eval]`, `[stdin]`, an `[eval1]` module's URL), by
// the name its stack frames show: error headers print its lines.
const virtualSources = new Map();

/** A column of `file` as the user's source counts it: line 1 of a CommonJS module starts
 * after the wrapper's opening text. */
function sourceColumn(file, line, column) {
  if (line === 1 && typeof column === 'number' && column > 0 && wrappedFiles.has(file)) {
    return Math.max(1, column - WRAPPER_PREFIX.length);
  }
  return column;
}

module.exports = { WRAPPER_PREFIX, moduleWrappers, wrappedFiles, virtualSources, sourceColumn };
