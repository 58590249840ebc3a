'use strict'; module.exports = {};
