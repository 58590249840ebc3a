exports.add = (a, b) => a + b;
exports.version = '1.2.3';
module.exports.extra = true;
