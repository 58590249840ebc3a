// What the spec and dot reporters share: their colours (set when stderr is a terminal that
// takes them, as Node's), symbols, indentation and the line for one test's result.
'use strict';

const { inspect } = require('internal/inspect');

const colors = {
  blue: '', green: '', white: '', yellow: '', red: '', gray: '', clear: '', reset: '', hasColors: false,
  shouldColorize(stream) {
    if (process.env.FORCE_COLOR !== undefined) {
      return require('tty').internals.getColorDepth() > 2;
    }
    return stream?.isTTY && (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
  },
  refresh() {
    if (!process.stderr.isTTY) return;
    const on = colors.shouldColorize(process.stderr);
    colors.blue = on ? '\u001b[34m' : '';
    colors.green = on ? '\u001b[32m' : '';
    colors.white = on ? '\u001b[39m' : '';
    colors.yellow = on ? '\u001b[33m' : '';
    colors.red = on ? '\u001b[31m' : '';
    colors.gray = on ? '\u001b[90m' : '';
    colors.clear = on ? '\u001bc' : '';
    colors.reset = on ? '\u001b[0m' : '';
    colors.hasColors = on;
  },
};
colors.refresh();

const inspectOptions = { colors: colors.shouldColorize(process.stdout), breakLength: Infinity };

const reporterUnicodeSymbolMap = {
  '__proto__': null,
  'test:fail': '\u2716 ',
  'test:pass': '\u2714 ',
  'test:diagnostic': '\u2139 ',
  'test:coverage': '\u2139 ',
  'arrow:right': '\u25B6 ',
  'hyphen:minus': '\uFE63 ',
};

const reporterColorMap = {
  '__proto__': null,
  get 'test:fail'() {
    return colors.red;
  },
  get 'test:pass'() {
    return colors.green;
  },
  get 'test:diagnostic'() {
    return colors.blue;
  },
};

function indent(nesting) {
  return '  '.repeat(nesting);
}

function plainInspect(value) {
  try {
    return inspect(value, inspectOptions);
  } catch {
    return inspect(value, { ...inspectOptions, customInspect: false });
  }
}

// The error a failed test shows: the one its code threw rather than the runner's wrapper.
function formatError(error, pad) {
  if (!error) return '';
  const err = error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  const message = plainInspect(err).split(/\r?\n/).join(`\n${pad}  `);
  return `\n${pad}  ${message}\n`;
}

function formatTestReport(type, data, prefix = '', pad = '', hasChildren = false) {
  let color = reporterColorMap[type] ?? colors.white;
  let symbol = reporterUnicodeSymbolMap[type] ?? ' ';
  const { skip, todo } = data;
  const duration = data.details?.duration_ms ? ` ${colors.gray}(${data.details.duration_ms}ms)${colors.white}` : '';
  let title = `${data.name}${duration}`;
  if (skip !== undefined) {
    title += ` # ${typeof skip === 'string' && skip.length ? skip : 'SKIP'}`;
  } else if (todo !== undefined) {
    title += ` # ${typeof todo === 'string' && todo.length ? todo : 'TODO'}`;
  }
  const error = formatError(data.details?.error, pad);
  const err = hasChildren ?
    (!error || data.details?.error?.failureType === 'subtestsFailed' ? '' : `\n${error}`) :
    error;
  if (skip !== undefined) {
    color = colors.gray;
    symbol = reporterUnicodeSymbolMap['hyphen:minus'];
  }
  return `${prefix}${pad}${color}${symbol}${title}${colors.white}${err}`;
}

module.exports = { colors, formatTestReport, indent, reporterColorMap, reporterUnicodeSymbolMap };
