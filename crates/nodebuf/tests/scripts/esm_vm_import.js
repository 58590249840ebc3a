// import() inside a vm context is refused (no import callback), the main realm's works.
const vm = require('vm');
const p = vm.runInNewContext('import("node:path")');
p.then((m) => console.log(typeof m.join), (e) => console.log('vm import:', e.name, e.code, e.message));
import('node:path').then((m) => console.log('main realm import:', typeof m.join));
