// util.styleText: single formats (applied only for a stream that takes colours: FORCE_COLOR,
// isTTY, getColorDepth) and lists of formats (always applied, nested closing codes), option
// and format validation with Node's messages, stream kinds, the live inspect.colors table and
// its aliases.
'use strict';
const util = require('util');
const { Writable, Readable, Duplex } = require('stream');
const EventEmitter = require('events');

const show = (label, fn) => {
  try {
    console.log(label, JSON.stringify(fn()));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
};
console.log(util.styleText.name, util.styleText.length);
console.log(Object.keys(util.inspect.colors).join(), Object.getOwnPropertyNames(util.inspect.colors).length);
for (const alias of ['grey', 'blackBright', 'bgGrey', 'faint', 'crossedout', 'strikeThrough', 'conceal', 'swapColors', 'doubleUnderline']) {
  const d = Object.getOwnPropertyDescriptor(util.inspect.colors, alias);
  console.log(alias, d.enumerable, d.get.name, d.set.name, util.inspect.colors[alias]);
}

const tty = new Writable();
tty.isTTY = true;
tty.getColorDepth = () => 8;
const mono = new Writable();
mono.isTTY = true;
mono.getColorDepth = () => 1;
const noDepth = new Writable();
noDepth.isTTY = true;
for (const name of Object.keys(util.inspect.colors)) show(name, () => util.styleText(name, 'x', { stream: tty }));
show('default stream', () => util.styleText('red', 'x'));
show('mono', () => util.styleText('red', 'x', { stream: mono }));
show('no depth', () => util.styleText('red', 'x', { stream: noDepth }));
show('not tty', () => util.styleText('red', 'x', { stream: new Writable() }));
show('readable', () => util.styleText('red', 'x', { stream: new Readable() }));
show('duplex', () => util.styleText('red', 'x', { stream: new Duplex() }));
show('web readable', () => util.styleText('red', 'x', { stream: new ReadableStream() }));
show('web writable', () => util.styleText('red', 'x', { stream: new WritableStream() }));
show('object stream', () => util.styleText('red', 'x', { stream: {} }));
show('emitter stream', () => util.styleText('red', 'x', { stream: new EventEmitter() }));
show('null stream', () => util.styleText('red', 'x', { stream: null }));
show('no validation', () => util.styleText('red', 'x', { stream: {}, validateStream: false }));
show('no validation null', () => util.styleText('bold', 'x', { stream: null, validateStream: false }));
show('validateStream 1', () => util.styleText('red', 'x', { validateStream: 1 }));
show('null options', () => util.styleText('red', 'x', null));
show('number options', () => util.styleText('red', 'x', 5));
show('list', () => util.styleText(['red', 'bold', 'italic'], 'x'));
show('empty list', () => util.styleText([], 'x'));
show('list bad', () => util.styleText(['red', 'nope'], 'x'));
show('list number', () => util.styleText(['red', 5], 'x'));
show('alias', () => util.styleText('grey', 'x', { stream: tty }));
show('alias list', () => util.styleText(['faint', 'swapColors'], 'x'));
show('bad format', () => util.styleText('none', 'x'));
show('number format', () => util.styleText(5, 'x'));
show('bad text', () => util.styleText('red', 1));
show('bad both', () => util.styleText(5, 1));
show('bad text first', () => util.styleText('red', 1, { validateStream: 1 }));
show('inner codes', () => util.styleText('red', 'a\u001b[39mb', { stream: tty }));
util.inspect.colors.custom = [1, 2];
show('added', () => util.styleText('custom', 'x', { stream: tty }));
util.inspect.colors.grey = [7, 8];
show('alias write', () => [util.inspect.colors.gray, util.styleText('gray', 'x', { stream: tty })]);
delete util.inspect.colors.custom;
show('removed', () => util.styleText('custom', 'x'));

// FORCE_COLOR decides for any stream, through the colour depth it implies.
const { spawnSync } = require('child_process');
const probe = "const u = require('util'); const s = new (require('stream').Writable)();" +
  "console.log(JSON.stringify([u.styleText('red', 'x'), u.styleText('red', 'x', { stream: s })]))";
for (const value of ['0', '1', '2', '3', '', 'true', 'false']) {
  const env = { ...process.env, FORCE_COLOR: value };
  delete env.NO_COLOR;
  delete env.NODE_DISABLE_COLORS;
  const out = spawnSync(process.execPath, ['-e', probe], { env, encoding: 'utf8' });
  console.log('FORCE_COLOR', JSON.stringify(value), out.stdout.trim(), out.status);
}
