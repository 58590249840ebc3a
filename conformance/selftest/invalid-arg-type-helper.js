// Expect: pass
// Hand-checked against the " Received ..." tails of Node v20's ERR_INVALID_ARG_TYPE.
'use strict';
const common = require('../common');
const assert = require('assert');
const h = common.invalidArgTypeHelper;
assert.strictEqual(h(undefined), ' Received undefined');
assert.strictEqual(h(null), ' Received null');
assert.strictEqual(h(5), ' Received type number (5)');
assert.strictEqual(h(-1.2345678901234567e+300), ' Received type number (-1.2345678901234567e+300)');
assert.strictEqual(h(-0), ' Received type number (-0)');
assert.strictEqual(h(NaN), ' Received type number (NaN)');
assert.strictEqual(h(true), ' Received type boolean (true)');
assert.strictEqual(h('x'), " Received type string ('x')");
assert.strictEqual(h('a'.repeat(28)), " Received type string ('aaaaaaaaaaaaaaaaaaaaaaaaaaaa')");
assert.strictEqual(h('a'.repeat(29)), " Received type string ('aaaaaaaaaaaaaaaaaaaaaaaaa...')");
assert.strictEqual(h("it's"), ' Received type string ("it\'s")');
assert.strictEqual(h(`it's${'b'.repeat(30)}`), ' Received type string ("it\'sbbbbbbbbbbbbbbbbbbbbb...")');
assert.strictEqual(h(Symbol('s'.repeat(30))), ` Received type symbol (Symbol(${'s'.repeat(30)}))`);
assert.strictEqual(h(10n ** 30n), ` Received type bigint (1${'0'.repeat(30)}n)`);
assert.strictEqual(h(5n), ' Received type bigint (5n)');
assert.strictEqual(h(Symbol('s')), ' Received type symbol (Symbol(s))');
assert.strictEqual(h(function foo() {}), ' Received function foo');
assert.strictEqual(h(() => {}), ' Received function ');
assert.strictEqual(h(new Map()), ' Received an instance of Map');
assert.strictEqual(h({}), ' Received an instance of Object');
assert.strictEqual(h([]), ' Received an instance of Array');
assert.strictEqual(h(Object.create(null)), ' Received [Object: null prototype] {}');
