const assert = require('assert');
try { assert.ok(false); } catch (e) { console.log(JSON.stringify(e.message)); }
try {
  assert(typeof 123 === 'string');
} catch (e) {
  console.log(JSON.stringify(e.message), e.actual, e.expected, e.operator);
}
try { assert.ok(); } catch (e) { console.log(JSON.stringify(e.message)); }
