// The dot reporter: `.` a passing test, `X` a failing one, a line break every terminal width
// (20 off a terminal), then the failed tests.
'use strict';

const { colors, formatTestReport } = require('internal/test_runner/reporter/utils');

function lineLength() {
  return Math.max(process.stdout.columns ?? 20, 20);
}

module.exports = async function* dot(source) {
  let count = 0;
  let columns = lineLength();
  const failedTests = [];
  for await (const { type, data } of source) {
    if (type === 'test:pass') yield `${colors.green}.${colors.reset}`;
    if (type === 'test:fail') {
      yield `${colors.red}X${colors.reset}`;
      failedTests.push(data);
    }
    if ((type === 'test:fail' || type === 'test:pass') && ++count === columns) {
      yield '\n';
      columns = lineLength();
      count = 0;
    }
  }
  yield '\n';
  if (failedTests.length > 0) {
    yield `\n${colors.red}Failed tests:${colors.white}\n\n`;
    for (const test of failedTests) yield formatTestReport('test:fail', test);
  }
};
