// A named import a CommonJS module does not visibly export: Node's advice to use the default.
import { name, nope } from './mods/a.js';

console.log('never', name, nope);
