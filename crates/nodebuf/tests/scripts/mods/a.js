exports.loaded = false;
exports.name = 'a';
const b = require('./b');
exports.sawB = b.name;
exports.bSawA = b.sawA;
exports.loaded = true;
