// RegExp legacy statics (engine patch quickjs-0014): RegExp.$1..$9, input/$_, lastMatch/$&,
// lastParen/$+, leftContext/$`, rightContext/$' after exec, test, replace, split, match, matchAll
// and search, their descriptors, and the runtime's own patterns leaving them alone.
for (const k of ["$1","$9","input","$_","lastMatch","$&","lastParen","$+","leftContext","$`","rightContext","$'"]) { const d = Object.getOwnPropertyDescriptor(RegExp, k); console.log(k, typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get && d.get.name, d.set && d.set.name); }
console.log(RegExp.input, JSON.stringify(RegExp.lastMatch), JSON.stringify(RegExp.$1));
/(a)(b)?/.exec("xxabyy"); console.log(RegExp.$1, JSON.stringify(RegExp.$2), RegExp.lastMatch, RegExp.leftContext, RegExp.rightContext, RegExp.lastParen, RegExp.input);
/(a)(b)?/.exec("xxayy"); console.log(RegExp.$1, JSON.stringify(RegExp.$2), JSON.stringify(RegExp.lastParen));
"q1w2".replace(/(\d)/g, "-"); console.log(RegExp.$1, RegExp.lastMatch, RegExp.input, RegExp.leftContext);
RegExp.input = "zz"; console.log(RegExp.input, RegExp.$_, RegExp.$1); RegExp.$1 = "k"; console.log(RegExp.$1);
/x/.test("abc"); console.log(RegExp.lastMatch);
"abc".match(/b/); console.log(RegExp.lastMatch, RegExp.lastParen === "");
"a1b2c3".split(/(\d)/); console.log(RegExp.$1, RegExp.lastMatch, RegExp.rightContext);
/(1)(2)(3)(4)(5)(6)(7)(8)(9)(10)(11)/.exec("1234567891011"); console.log(RegExp.$9, RegExp.lastParen, RegExp["$+"]);
"日本語テキスト".match(/(本)(語)/); console.log(RegExp.$2, RegExp.leftContext, RegExp.rightContext);
"aXbX".replaceAll("X", "-"); console.log(RegExp.lastMatch);
console.log([..."a1b22".matchAll(/\d+/g)].length, RegExp.lastMatch, RegExp.input);
console.log(/(z)/.test("z"), RegExp.$1, "zz".search(/z$/), RegExp.leftContext);
console.log(Object.getOwnPropertyNames(RegExp).join());
