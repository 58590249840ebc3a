const b = 1;
module.exports = { get a() { return 1; }, b };
