const after = 0;
const helper = () => 1;
const size = 3;
module.exports = { helper, size, 'quoted-name': helper, ...require('./legacy.cjs'), nested: { deep: true }, after };
