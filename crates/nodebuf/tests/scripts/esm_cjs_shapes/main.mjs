// Named exports of CommonJS modules as Node's cjs-module-lexer reads them: TypeScript output
// (with __exportStar re-exports), esbuild's annotation, object literals (the scan stops at the
// first entry of another shape), getters, spreads of require().
import * as ts from './typescript.cjs';
import * as esb from './esbuild.cjs';
import * as literal from './literal.cjs';
import * as getter from './getter.cjs';
import * as spread from './spread.cjs';
import { helper, VERSION, z } from './typescript.cjs';

for (const [name, ns] of Object.entries({ ts, esb, literal, getter, spread })) {
  console.log(name, Object.keys(ns), ns.default === undefined ? 'no default' : typeof ns.default);
}
console.log(helper(), VERSION, z, esb.alpha + esb.beta, literal['c-d'], spread.z, getter.get);
