// node_modules packages seen from ESM and from CommonJS (createRequire): "exports" with
// import/require/node/default conditions, subpath patterns, legacy "main", scoped packages,
// "imports" (#internal), and Node's errors for specifiers that do not resolve.
import dual, { kind } from 'dual';
import feature from 'dual/features/alpha.js';
import legacy from 'legacy';
import { tool } from '@scope/tool';
import internal from '#internal';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
console.log(kind, dual, feature, legacy, tool, internal);
console.log(require('dual'), require('legacy'), require('@scope/tool'));

async function attempt(specifier) {
  try {
    await import(specifier);
    console.log(specifier, 'loaded');
  } catch (err) {
    console.log(specifier, err.name, err.code, err.message.replaceAll(process.cwd(), '.'));
  }
}
for (const specifier of ['dual/missing', 'nothing-here', './missing.mjs', './nodir', 'node:nope',
  'https://example.com/x.mjs', '#nope', 'dual/features/beta.js', './main.mjs']) {
  await attempt(specifier);
}
try {
  require('dual/missing');
} catch (err) {
  console.log('require', err.code, err.message.replaceAll(process.cwd(), '.'));
}
const { default: viaUrl } = await import(new URL('./node_modules/legacy/index.js', import.meta.url).href);
console.log(viaUrl === legacy);
