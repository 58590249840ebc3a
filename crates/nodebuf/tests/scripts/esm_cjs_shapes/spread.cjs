const b = 1;
module.exports = { ...require('./star.cjs'), b, c: 1 };
