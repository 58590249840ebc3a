// ES module graph under "type": "module": builtins (bare and node:), named + default exports,
// live bindings, import.meta, CommonJS from ESM, top-level await, dynamic import.
import { Buffer } from 'node:buffer';
import fs, { readFileSync, existsSync } from 'fs';
import * as path from 'path';
import { Worker, parentPort, isMainThread } from 'worker_threads';
import greet, { counter, increment, NAME } from './lib/counter.js';
import legacy, { add, version } from './lib/legacy.cjs';
import json, { helper, size, add as plus } from './lib/shape.cjs';
import { createRequire } from 'module';

console.log(typeof Buffer.from, typeof fs.readFileSync, readFileSync === fs.readFileSync, typeof existsSync);
console.log(typeof Worker, parentPort, isMainThread, path.basename('/a/b.txt'));
console.log(greet('esm'), NAME, counter);
increment();
increment();
console.log('live binding:', counter);
console.log(add(2, 3), version, legacy.add === add, Object.keys(legacy));
console.log(json, helper(), size, plus(1, 1));
import * as shapeNs from './lib/shape.cjs';
console.log(Object.keys(shapeNs));
console.log(path.relative(process.cwd(), import.meta.filename), path.basename(import.meta.dirname));
console.log(import.meta.url.startsWith('file:///'), import.meta.url.endsWith('/esm_basics/main.js'));
console.log(path.relative(process.cwd(), new URL(import.meta.resolve('./lib/counter.js')).pathname));
const data = readFileSync(new URL('./lib/data.txt', import.meta.url));
console.log(data, data.toString().trim());
console.log(this, typeof module, typeof exports, typeof __filename);

const value = await new Promise((resolve) => setTimeout(() => resolve('after timeout'), 5));
console.log('top-level await:', value);
const dyn = await import('./lib/dynamic.mjs');
console.log(dyn, dyn.default(4));
const again = await import('./lib/counter.js');
console.log('same instance:', again.counter === counter, again.counter);
const require = createRequire(import.meta.url);
console.log(require('./lib/legacy.cjs').version, typeof require('node:fs').readFileSync);
console.log(require('./lib/dynamic.mjs'));
process.on('exit', (code) => console.log('exit', code));
