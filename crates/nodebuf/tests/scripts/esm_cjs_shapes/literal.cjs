const helper = 1, x = 2, f = 0, h = 0;
module.exports = { helper, a: helper, 'b': x, "c-d": x, e: require('./star.cjs'), f, g: 3, h };
