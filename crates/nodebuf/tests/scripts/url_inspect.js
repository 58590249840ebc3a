// URL and URLSearchParams inside other values: nesting, depth limits, subclasses, long lists.
const u = new URL('http://a.com/?x=1');
console.log({ u, list: [u] });
console.log([new URLSearchParams('a=1&b=2')], { deep: { deeper: { u } } });
console.log(require('util').inspect(u, { depth: 0 }), require('util').inspect({ a: { b: u } }, { depth: 1 }));
console.log(`${u.searchParams}`, Object.prototype.toString.call(u), Object.prototype.toString.call(u.searchParams));
class MyURL extends URL {}
console.log(new MyURL('http://b.org'));
console.log(require('util').inspect(new URLSearchParams('a=' + 'x'.repeat(100) + '&b=2')));
