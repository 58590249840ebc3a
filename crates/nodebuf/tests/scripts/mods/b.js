exports.name = 'b';
const a = require('./a');
exports.sawA = { name: a.name, loaded: a.loaded };
