// The TAP (version 13) reporter: each test as `ok`/`not ok` with a YAML block of its details
// (duration, location, error fields), subtests indented four spaces a level.
'use strict';

const { inspect } = require('internal/inspect');

const kFrameStart = /^ {4}at /;
const kLineBreak = /\n|\r\n/;
const inspectOptions = { colors: false, breakLength: Infinity };

function indent(nesting) {
  return '    '.repeat(nesting);
}

// `#` and `\` are escaped, as are the control characters TAP lines cannot hold.
function tapEscape(input) {
  return input.replaceAll('\b', '\\b').replaceAll('\f', '\\f').replaceAll('\t', '\\t')
    .replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\v', '\\v')
    .replaceAll('\\', '\\\\').replaceAll('#', '\\#');
}

function plainInspect(value) {
  try {
    return inspect(value, inspectOptions);
  } catch {
    return inspect(value, { ...inspectOptions, customInspect: false });
  }
}

function reportTest(nesting, testNumber, status, name, skip, todo) {
  let line = `${indent(nesting)}${status} ${testNumber}`;
  if (name) line += ` ${tapEscape(`- ${name}`)}`;
  if (skip !== undefined) {
    line += ` # SKIP${typeof skip === 'string' && skip.length ? ` ${tapEscape(skip)}` : ''}`;
  } else if (todo !== undefined) {
    line += ` # TODO${typeof todo === 'string' && todo.length ? ` ${tapEscape(todo)}` : ''}`;
  }
  return `${line}\n`;
}

function reportDetails(nesting, data = {}, location) {
  const { error, duration_ms } = data;
  const pad = indent(nesting);
  let details = `${pad}  ---\n`;
  details += jsToYaml(pad, 'duration_ms', duration_ms);
  details += jsToYaml(pad, 'type', data.type);
  if (location) details += jsToYaml(pad, 'location', location);
  details += jsToYaml(pad, null, error, new Set());
  details += `${pad}  ...\n`;
  return details;
}

function isAssertionLike(value) {
  return value && typeof value === 'object' && 'expected' in value && 'actual' in value;
}

// A value as YAML lines under `name`: scalars inspected, multi-line strings as `|-` blocks,
// objects key by key; an error adds its message, code, name, assertion fields and stack frames
// (those of the error the test threw, when the runner wrapped it).
function jsToYaml(pad, name, value, seen) {
  if (value === undefined) return '';
  const prefix = `${pad}  ${name}:`;
  if (value === null) return `${prefix} ~\n`;
  if (typeof value !== 'object') {
    if (typeof value !== 'string') return `${prefix} ${plainInspect(value)}\n`;
    const lines = value.split(kLineBreak);
    if (lines.length === 1) return `${prefix} ${plainInspect(value)}\n`;
    let str = `${prefix} |-\n`;
    for (const line of lines) str += `${pad}    ${line}\n`;
    return str;
  }

  seen.add(value);
  const entries = Object.entries(value);
  const isErrorObj = require('util').types.isNativeError(value) || value instanceof Error;
  let propsIndent = pad;
  let result = '';
  if (name != null) {
    result += prefix;
    if (require('util').types.isDate(value)) result += ` ${Date.prototype.toISOString.call(value)}`;
    result += '\n';
    propsIndent += '  ';
  }
  for (const [key, entry] of entries) {
    if (isErrorObj && (key === 'cause' || key === 'code')) continue;
    if (seen.has(entry)) {
      result += `${propsIndent}  ${key}: <Circular>\n`;
      continue;
    }
    result += jsToYaml(propsIndent, key, entry, seen);
  }

  if (isErrorObj) {
    const { kUnwrapErrors } = require('internal/test_runner/test');
    const { cause, code, failureType, message, expected, actual, operator, stack } = value;
    let errMsg = message ?? '<unknown error>';
    let errName = value.name;
    let errStack = stack;
    let errCode = code;
    let errExpected = expected;
    let errActual = actual;
    let errOperator = operator;
    let errIsAssertion = isAssertionLike(value);
    if (code === 'ERR_TEST_FAILURE' && kUnwrapErrors.has(failureType)) {
      errStack = cause?.stack ?? errStack;
      errCode = cause?.code ?? errCode;
      errName = cause?.name ?? errName;
      errMsg = cause?.message ?? errMsg;
      if (isAssertionLike(cause)) {
        errExpected = cause.expected;
        errActual = cause.actual;
        errOperator = cause.operator ?? errOperator;
        errIsAssertion = true;
      }
    }
    result += jsToYaml(pad, 'error', errMsg, seen);
    if (errCode) result += jsToYaml(pad, 'code', errCode, seen);
    if (errName && errName !== 'Error') result += jsToYaml(pad, 'name', errName, seen);
    if (errIsAssertion) {
      // (Each side gets its own copy of `seen`: a value in both is not circular.)
      result += jsToYaml(pad, 'expected', errExpected, new Set(seen));
      result += jsToYaml(pad, 'actual', errActual, new Set(seen));
      if (errOperator) result += jsToYaml(pad, 'operator', errOperator, seen);
    }
    if (typeof errStack === 'string') {
      const frames = [];
      for (const frame of errStack.split(kLineBreak)) {
        const processed = frame.replace(kFrameStart, '');
        if (processed.length > 0 && processed.length !== frame.length) frames.push(processed);
      }
      if (frames.length > 0) {
        const delimiter = `\n${pad}    `;
        result += `${pad}  stack: |-${delimiter}${frames.join(delimiter)}\n`;
      }
    }
  }
  return result;
}

async function* tapReporter(source) {
  yield 'TAP version 13\n';
  for await (const { type, data } of source) {
    switch (type) {
      case 'test:fail': {
        yield reportTest(data.nesting, data.testNumber, 'not ok', data.name, data.skip, data.todo);
        const location = data.file ? `${data.file}:${data.line}:${data.column}` : null;
        yield reportDetails(data.nesting, data.details, location);
        break;
      }
      case 'test:pass':
        yield reportTest(data.nesting, data.testNumber, 'ok', data.name, data.skip, data.todo);
        yield reportDetails(data.nesting, data.details, null);
        break;
      case 'test:plan':
        yield `${indent(data.nesting)}1..${data.count}\n`;
        break;
      case 'test:start':
        yield `${indent(data.nesting)}# Subtest: ${tapEscape(data.name)}\n`;
        break;
      case 'test:stderr':
      case 'test:stdout': {
        for (const line of data.message.split(kLineBreak)) {
          if (line.length === 0) continue;
          yield `# ${tapEscape(line)}\n`;
        }
        break;
      }
      case 'test:diagnostic':
        yield `${indent(data.nesting)}# ${tapEscape(data.message)}\n`;
        break;
    }
  }
}

module.exports = tapReporter;
