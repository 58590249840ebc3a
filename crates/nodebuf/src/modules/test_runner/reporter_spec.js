// The spec reporter: a tree of ✔/✖ lines (a test's parents printed when its first result
// arrives), then the failing tests again at the end.
'use strict';

const { Transform } = require('stream');
const { colors, formatTestReport, indent, reporterColorMap, reporterUnicodeSymbolMap } =
  require('internal/test_runner/reporter/utils');

class SpecReporter extends Transform {
  #stack = [];
  #reported = [];
  #failedTests = [];
  #cwd = process.cwd();

  constructor() {
    super({ writableObjectMode: true });
    colors.refresh();
  }

  #handleTestReportEvent(type, data) {
    // The matching `test:start` event.
    this.#stack.shift();
    let prefix = '';
    while (this.#stack.length) {
      // The parents not yet printed.
      const parent = this.#stack.pop();
      const msg = parent.data;
      this.#reported.unshift(msg);
      prefix += `${indent(msg.nesting)}${reporterUnicodeSymbolMap['arrow:right']}${msg.name}\n`;
    }
    let hasChildren = false;
    if (this.#reported[0] && this.#reported[0].nesting === data.nesting && this.#reported[0].name === data.name) {
      this.#reported.shift();
      hasChildren = true;
    }
    return `${formatTestReport(type, data, prefix, indent(data.nesting), hasChildren)}\n`;
  }

  #handleEvent({ type, data }) {
    switch (type) {
      case 'test:fail':
        if (data.details?.error?.failureType !== 'subtestsFailed') this.#failedTests.push(data);
        return this.#handleTestReportEvent(type, data);
      case 'test:pass':
        return this.#handleTestReportEvent(type, data);
      case 'test:start':
        this.#stack.unshift({ __proto__: null, data, type });
        break;
      case 'test:stderr':
      case 'test:stdout':
        return data.message;
      case 'test:diagnostic':
        return `${reporterColorMap[type]}${indent(data.nesting)}${reporterUnicodeSymbolMap[type]}${data.message}${colors.white}\n`;
    }
    return undefined;
  }

  _transform({ type, data }, encoding, callback) {
    callback(null, this.#handleEvent({ __proto__: null, type, data }));
  }

  _flush(callback) {
    if (this.#failedTests.length === 0) {
      callback(null, '');
      return;
    }
    const results = [`\n${reporterColorMap['test:fail']}${reporterUnicodeSymbolMap['test:fail']}failing tests:${colors.white}\n`];
    for (const test of this.#failedTests) {
      const formattedErr = formatTestReport('test:fail', test);
      if (test.file) {
        const relPath = require('path').relative(this.#cwd, test.file);
        results.push(`test at ${relPath}:${test.line}:${test.column}`);
      }
      results.push(formattedErr);
    }
    callback(null, results.join('\n'));
  }
}

module.exports = SpecReporter;
