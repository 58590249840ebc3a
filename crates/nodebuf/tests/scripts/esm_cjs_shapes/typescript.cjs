"use strict";
var __createBinding = (this && this.__createBinding) || function () {};
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.helper = exports.VERSION = void 0;
exports.VERSION = '1';
function helper() { return 2; }
exports.helper = helper;
__exportStar(require("./star.cjs"), exports);
