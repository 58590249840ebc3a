const a = require('./mods/a');
console.log(a);
console.log(require('./mods/b'));
