// util.parseArgs: configuration checks (their order and messages), tokens (indexes of short
// groups, inline values, `--`), strict-mode errors (unknown, missing or unexpected values,
// ambiguous dash-led values, positionals), allowNegative, multiple and defaults, the arguments
// read when `args` is left out, and seeded random argument lists over random option sets in
// both modes.
'use strict';
const { parseArgs, inspect } = require('util');
const { seeded } = require('./_seeded');

function show(label, config) {
  try {
    const result = parseArgs(config);
    console.log(label, inspect(result, { depth: 4, breakLength: Infinity }));
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, JSON.stringify(e.message), Object.keys(e));
  }
}

console.log(parseArgs.name, parseArgs.length, typeof Object.getOwnPropertyDescriptor(require('util'), 'parseArgs').get);

// Configuration checks.
const configs = [
  undefined, 5, 'x', {}, { args: 'x' }, { args: [1, true] }, { strict: 1 }, { tokens: 'x' },
  { allowPositionals: 'x' }, { allowNegative: 1 }, { options: 5 }, { options: [] }, { options: null },
  { args: 5, strict: 1 }, { strict: 1, options: 5 }, { options: 5, tokens: 1 }, { tokens: 1, allowPositionals: 1 },
  { allowPositionals: 1, allowNegative: 1 }, { allowNegative: 1, options: 1 }, { strict: 1, tokens: 1 },
  { options: { foo: 5 } }, { options: { foo: null } }, { options: { foo: {} } }, { options: { foo: { type: 'x' } } },
  { options: { foo: { type: 'string', short: 'ab' } } }, { options: { foo: { type: 'string', short: '' } } },
  { options: { foo: { type: 'string', short: 5 } } }, { options: { foo: { type: 'string', multiple: 1 } } },
  { options: { foo: { type: 'string', default: 1 } } }, { options: { foo: { type: 'boolean', default: 'x' } } },
  { options: { foo: { type: 'string', multiple: true, default: 'a' } } },
  { options: { foo: { type: 'string', multiple: true, default: ['a', 1] } } },
  { options: { foo: { type: 'boolean', multiple: true, default: [true, 'x'] } } },
  { options: { foo: { type: 'boolean', multiple: true, default: [true, false] } }, args: [] },
  { options: { foo: { type: 'string', default: 'd' }, bar: { type: 'boolean', default: false } }, args: ['--bar'] },
  { options: { foo: Object.create({ type: 'string' }) } },
  { options: Object.create({ foo: { type: 'string' } }), args: ['--foo', 'x'] },
  Object.create({ args: ['--nope'] }),
  { args: ['a'], __proto__: { strict: false } },
];
configs.forEach((config, i) => show(`config ${i}`, config));
show('null config', null);

// Fixed argument lists.
const options = {
  flag: { type: 'boolean', short: 'f' },
  name: { type: 'string', short: 'n' },
  list: { type: 'string', short: 'l', multiple: true },
  verbose: { type: 'boolean', short: 'v', multiple: true },
  color: { type: 'boolean' },
};
const lists = [
  [], ['-f'], ['--flag'], ['-n', 'x'], ['-nx'], ['--name', 'x'], ['--name=x'], ['--name='], ['-n'], ['--name'],
  ['-n', '-f'], ['--name', '-f'], ['--name', '--'], ['-n', '--'], ['-fvv'], ['-fn', 'x'], ['-fnx'], ['-vfnxyz', 'p'],
  ['-l', 'a', '-l', 'b', '--list=c'], ['--flag=1'], ['--flag='], ['-f=1'], ['--unknown'], ['-u'], ['-fu'],
  ['--', '-f', '--name'], ['a', '--', 'b'], ['-'], ['---x'], ['--=x'], ['--name=a=b'], ['-n=a'], ['x'],
  ['--no-color'], ['--no-flag', '--color'], ['--no-name'], ['--no-name=x'], ['-vvv', '--verbose'],
  ['--__proto__', 'x'], ['--constructor'], ['-nfoo', '-nbar'], ['--name', ''], ['--name', '-'], ['-n', '-5'],
];
for (const args of lists) {
  for (const strict of [true, false]) {
    show(`${JSON.stringify(args)} strict=${strict}`, { args, options, strict, tokens: true });
    show(`${JSON.stringify(args)} strict=${strict} positionals negative`, { args, options, strict, allowPositionals: true, allowNegative: true });
  }
}
show('negative string', { args: ['--no-name'], options, allowNegative: true });
show('negative unknown', { args: ['--no-nope'], options, allowNegative: true, allowPositionals: true });
show('negative own no-', { args: ['--no-x'], options: { 'no-x': { type: 'boolean' } }, allowNegative: true });
show('negative multiple', { args: ['--verbose', '--no-verbose'], options, allowNegative: true });
show('negative default', { args: ['--no-color'], options: { color: { type: 'boolean', default: true } }, allowNegative: true });
show('negative loose', { args: ['--no-x', 'y', '--no-z=1'], strict: false, allowNegative: true });
show('default argv', { strict: false });
show('proto default', { args: [], options: { ['__proto__']: { type: 'string', default: 'x' } } });

// Seeded random lists over random option sets.
const { int, pick, rand } = seeded(4242);
const words = ['-a', '-b', '-c', '-ab', '-abc', '-ca', '-s', '-sx', '-as', '-asx', '--alpha', '--beta', '--str',
  '--str=v', '--str=', '--alpha=1', '--', '-', 'pos', 'x', '-x', '--x', '--no-alpha', '--no-str', '--multi', '-m',
  '--multi=q', '-mq', '--bogus=1', 'é', '-é', '--éé', '-1', '--=', '---'];
function randomOptions() {
  const out = {};
  const names = ['alpha', 'beta', 'str', 'multi', 'x'];
  const shorts = ['a', 'b', 's', 'm', 'x', 'c'];
  for (const name of names) {
    if (int(4) === 0) continue;
    const opt = { type: rand() < 0.5 ? 'string' : 'boolean' };
    if (int(2) === 0) opt.short = pick(shorts);
    if (int(3) === 0) opt.multiple = true;
    if (int(4) === 0) {
      const one = opt.type === 'string' ? pick(['d', '', 'def']) : rand() < 0.5;
      opt.default = opt.multiple ? [one, one] : one;
    }
    out[name] = opt;
  }
  return out;
}
for (let i = 0; i < 400; i++) {
  const args = Array.from({ length: int(6) }, () => pick(words));
  const config = { args, options: randomOptions(), tokens: int(2) === 0 };
  if (int(2) === 0) config.strict = rand() < 0.5;
  if (int(3) === 0) config.allowPositionals = rand() < 0.5;
  if (int(3) === 0) config.allowNegative = rand() < 0.5;
  show(`random ${i} ${JSON.stringify(config)}`, config);
}
