var __defProp = Object.defineProperty;
var __export = (t, all) => { for (var n in all) __defProp(t, n, { get: all[n], enumerable: true }); }; var __toCommonJS = (m) => m;

var src_exports = {};
__export(src_exports, { alpha: () => alpha, beta: () => beta });
module.exports = __toCommonJS(src_exports);
const alpha = 1, beta = 2;
0 && (module.exports = {
  alpha,
  beta
});
