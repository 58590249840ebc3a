module.exports = 'pkg main via package.json';
