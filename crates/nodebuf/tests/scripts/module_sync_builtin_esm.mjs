// module.syncBuiltinESMExports: a builtin's named ES exports keep the values they had until it
// is called; then they read the CommonJS exports again (a deleted one reads undefined).
import fs, { readFileSync, existsSync } from 'fs';
import { syncBuiltinESMExports } from 'module';

const original = fs.readFileSync;
fs.readFileSync = () => 'patched';
console.log(readFileSync === original);
syncBuiltinESMExports();
console.log(readFileSync === original, readFileSync());
const exists = fs.existsSync;
delete fs.existsSync;
syncBuiltinESMExports();
console.log(typeof existsSync);
fs.readFileSync = original;
fs.existsSync = exists;
syncBuiltinESMExports();
console.log(readFileSync === original, existsSync === exists);
