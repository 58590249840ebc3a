const assert = require('assert');
const thrower = (e) => () => { throw e; };
const cases = [
  () => assert.throws(() => {}),
  () => assert.throws(() => {}, 'with message'),
  () => assert.throws(() => {}, TypeError),
  () => assert.throws(thrower(new Error('x')), /y/),
  () => assert.throws(thrower(new Error('x')), /x/),
  () => assert.throws(thrower(new TypeError('x')), TypeError),
  () => assert.throws(thrower(new TypeError('x')), RangeError),
  () => assert.throws(thrower(new TypeError('x')), { name: 'TypeError', message: 'x' }),
  () => assert.throws(thrower(new TypeError('x')), { name: 'RangeError', message: 'x' }),
  () => assert.throws(thrower(new TypeError('abc')), { message: /b/ }),
  () => assert.throws(thrower(new Error('v')), (e) => e.message === 'v'),
  () => assert.throws(thrower(new Error('v')), function check(e) { return false; }),
  () => assert.throws(thrower(Object.assign(new Error('c'), { code: 'E1' })), { code: 'E2' }),
  () => assert.throws('not a function'),
  () => assert.doesNotThrow(() => {}),
  () => assert.doesNotThrow(thrower(new Error('inner'))),
  () => assert.doesNotThrow(thrower(new Error('inner')), 'msg'),
  () => assert.doesNotThrow(thrower(new TypeError('t')), RangeError),
];
for (const run of cases) {
  try {
    run();
    console.log('passed');
  } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message));
  }
}
(async () => {
  await assert.rejects(Promise.reject(new Error('r')), /r/);
  await assert.rejects(async () => { throw new TypeError('t'); }, TypeError);
  try { await assert.rejects(Promise.resolve(1)); } catch (e) { console.log(JSON.stringify(e.message)); }
  await assert.doesNotReject(Promise.resolve(1));
  try { await assert.doesNotReject(Promise.reject(new Error('dr'))); } catch (e) { console.log(JSON.stringify(e.message)); }
  try { await assert.rejects(() => 5); } catch (e) { console.log(e.code, e.message); }
  console.log('async done');
})();
