let count = 0;
module.exports = { next: () => ++count, file: require('path').basename(__filename), dir: require('path').basename(__dirname) };
