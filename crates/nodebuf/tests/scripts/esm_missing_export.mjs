// A named import the module does not export: Node's SyntaxError before anything runs.
import { twice, thrice } from './mods/esm/values.mjs';

console.log('never', twice, thrice);
