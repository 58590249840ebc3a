// No package.json "type": Node v20.19+ runs a `.js` file with module syntax as an ES module
// (silently), and a `.js` file that compiles as CommonJS as CommonJS, even if it uses `await`
// inside functions.
import { createRequire } from 'node:module';
import { helper } from './helper.js';

const require = createRequire(import.meta.url);
const cjs = require('./plain.js');
console.log(helper(), typeof cjs.later, await cjs.later(), typeof module);
console.log(require('./helper.js'));
