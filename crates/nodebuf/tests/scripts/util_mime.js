// util.MIMEType / util.MIMEParams: parsing (whitespace, case, quoted strings, repeated and
// invalid parameters), ERR_INVALID_MIME_SYNTAX with the production and index, setters, the
// params map (its string conversion of names and values, get/has/delete on raw keys), class
// shapes, inspect and JSON output, wrong receivers, and seeded random inputs.
'use strict';
const { MIMEType, MIMEParams, inspect } = require('util');
const { seeded } = require('./_seeded');

const err = (e) => `${e.name} ${e.code} ${e.message}`;
function parse(text) {
  try {
    const m = new MIMEType(text);
    console.log(JSON.stringify(text), JSON.stringify(String(m)), m.type, m.subtype, m.essence, JSON.stringify([...m.params]));
  } catch (e) {
    console.log(JSON.stringify(text), err(e));
  }
}
const fixed = ['text/html', ' TEXT/Html ; Charset="UTF-8" ', 'text', 'te xt', '/html', 'text/', 'te xt/html',
  'text/ht ml', 'text/html;a=b;a=c', 'text/html;A="x\\"y"', 'text/html;a=', 'text/html;=b', 'text/html;a',
  'text/html;a="', 'text/html;a="b" c;d=e', 'text/html;a=b c', 'text/html;a=\u00e9', 'text/html;a="\u0100"',
  'x/y;;;a=1', '', 'text/html\u00a0', '\u00e9/x', 'a/b;c=""', 'a/b;c="\\', '  te xt/html ', ' text/h m',
  '\ttext/html;a=b\n', 'text/html ;a=b', 'text/html\t;a=b', 'text /html', 'text/html;  a = b',
  'text/html; a=b ;c=d', 'text/html;a="x"y"', 'text/html;a=b\u0000', 'a/b;c="d\\e"', 'a/b;C=D;c=E',
  'application/vnd.api+json;q=0.5;charset=utf-8', 'a/b;x="a;b";y=z', 'a/b;x=a\\b', 'a/b;x="\\""'];
fixed.forEach(parse);
for (const v of [5, null, undefined, { toString() { return 'a/b;c=d'; } }, Symbol('s')]) {
  try {
    console.log(String(new MIMEType(v)));
  } catch (e) {
    console.log(err(e));
  }
}

const m = new MIMEType('text/plain;charset=utf-8;q="a b"');
console.log(inspect(m), inspect(m.params), JSON.stringify(m), m.toJSON(), String(m.params), m.params.toJSON());
console.log(inspect({ m }, { depth: 0 }), Object.prototype.toString.call(m), Object.keys(m), m.params === m.params);
for (const value of ['APPLICATION', 'bad type', '', 5, { toString: () => 'q' }]) {
  try {
    m.type = value;
  } catch (e) {
    console.log('type', err(e));
  }
  try {
    m.subtype = value;
  } catch (e) {
    console.log('subtype', err(e));
  }
  console.log(String(m), m.essence);
}
try {
  m.essence = 'x/y';
} catch (e) {
  console.log(e.name, e.message);
}
const p = m.params;
p.set('Foo', 'bar baz');
p.set(1, 2);
p.set('a');
p.set('e', '');
for (const [name, value] of [['a b', 'x'], ['', 'x'], ['a', 'x\u0100'], ['a', '\u0001'], ['é', 'x']]) {
  try {
    p.set(name, value);
  } catch (e) {
    console.log('set', err(e));
  }
}
console.log(String(m), p.get(1), p.get('1'), p.has(1), p.has('1'), p.get('nope'), p.get(), p.has());
console.log(p.delete('1'), p.delete(), String(p), [...p.keys()], [...p.values()], [...p.entries()], [...p]);
console.log(inspect(p.entries()), Object.prototype.toString.call(p.keys()), p[Symbol.iterator] === p.entries);
const q = new MIMEParams();
q.set('x', 'y');
console.log(String(q), inspect(q), JSON.stringify({ q }), MIMEType.length, MIMEParams.length);

for (const C of [MIMEType, MIMEParams]) {
  console.log(C.name, Reflect.ownKeys(C.prototype).map(String));
  for (const key of Reflect.ownKeys(C.prototype)) {
    const d = Object.getOwnPropertyDescriptor(C.prototype, key);
    const fns = ['value', 'get', 'set'].filter((k) => typeof d[k] === 'function').map((k) => `${k}:${d[k].name}/${d[k].length}`);
    console.log(' ', String(key), fns.join(' '), d.enumerable, d.configurable, d.writable);
  }
}
for (const key of ['type', 'subtype', 'essence', 'params']) {
  try {
    Object.getOwnPropertyDescriptor(MIMEType.prototype, key).get.call({});
  } catch (e) {
    console.log(key, e.name, e.message);
  }
}
try {
  MIMEType.prototype.toString.call({});
} catch (e) {
  console.log('toString', e.name, e.message);
}
for (const key of ['delete', 'get', 'has', 'set', 'toString']) {
  try {
    MIMEParams.prototype[key].call({}, 'a', 'b');
  } catch (e) {
    console.log(key, e.name, e.message);
  }
}
try {
  MIMEType('a/b');
} catch (e) {
  console.log(e.name, e.message);
}

// Seeded random inputs.
const { int, pick } = seeded(1234);
const pieces = ['text', 'a', 'B', '/', ';', '=', '"', '\\', ' ', '\t', '\n', 'x-y', '+', '.', 'é', '\u0100', '(', ',',
  'charset', 'UTF-8', '""', '\u0000', '*'];
for (let i = 0; i < 300; i++) {
  let text = '';
  for (let j = int(10) + 1; j > 0; j--) text += pick(pieces);
  if (int(2) === 0) text = `${pick(['text/plain', 'A/B', 'x/y '])}${text}`;
  parse(text);
}
