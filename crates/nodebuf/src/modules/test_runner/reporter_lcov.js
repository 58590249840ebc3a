// The lcov reporter: each `test:coverage` summary as an lcov tracefile (other events print
// nothing).
'use strict';

const { Transform } = require('stream');

class LcovReporter extends Transform {
  constructor(options) {
    super({ ...options, writableObjectMode: true });
  }

  _transform(event, encoding, callback) {
    if (event.type !== 'test:coverage') {
      callback(null);
      return;
    }
    const { relative } = require('path');
    const { workingDirectory, files } = event.data.summary;
    let lcov = 'TN:\n';
    try {
      for (const file of files) {
        lcov += `SF:${relative(workingDirectory, file.path)}\n`;
        let hits = '';
        file.functions.forEach((func, j) => {
          const name = func.name || `anonymous_${j}`;
          lcov += `FN:${func.line},${name}\n`;
          hits += `FNDA:${func.count},${name}\n`;
        });
        lcov += hits;
        lcov += `FNF:${file.totalFunctionCount}\nFNH:${file.coveredFunctionCount}\n`;
        file.branches.forEach((branch, j) => {
          lcov += `BRDA:${branch.line},${j},0,${branch.count}\n`;
        });
        lcov += `BRF:${file.totalBranchCount}\nBRH:${file.coveredBranchCount}\n`;
        for (const line of [...file.lines].sort((a, b) => a.line - b.line)) lcov += `DA:${line.line},${line.count}\n`;
        lcov += `LH:${file.coveredLineCount}\nLF:${file.totalLineCount}\nend_of_record\n`;
      }
    } catch (error) {
      callback(error);
      return;
    }
    callback(null, lcov);
  }
}

module.exports = LcovReporter;
