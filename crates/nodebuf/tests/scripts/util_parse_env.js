// util.parseEnv and process.loadEnvFile share one dotenv reader: quotes of three kinds
// (multi-line, `\n` expanded only in double quotes, no escapes, junk after the closing quote
// ignored, unterminated quotes), comments, `export `, space-only trimming, carriage returns,
// keys in code point order, a `__proto__` key; then seeded random texts from the same pieces;
// then loadEnvFile on files (defaults, existing variables kept, path kinds, errors).
'use strict';
const util = require('util');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { seeded } = require('./_seeded');

const show = (text) => {
  const parsed = util.parseEnv(text);
  console.log(JSON.stringify(text), JSON.stringify(parsed), Object.getPrototypeOf(parsed) === Object.prototype);
};

console.log(util.parseEnv.name, util.parseEnv.length, process.loadEnvFile.name, process.loadEnvFile.length);
const fixed = [
  '', 'A=1', 'A = 1 ', ' A=1', 'export A=1', 'export  A=1', 'exportA=1', 'export export A=1', 'EXPORT A=1',
  'A="x\\ny"', "A='x\\ny'", 'A=`x\\ny`', 'A="x\ny"', "A='x\ny'", 'A=`x\ny`', 'A="a\\\\nb"', 'A="\\n\\n"',
  'A="unterminated\nB=2', "A='un\nB=2", 'A="x', 'A="', 'A="x  \nB=1', 'A="x\\n\nB=1', 'A="a\nB="b"',
  'A=x # comment', 'A="x" # c', 'A="x"junk', 'A="x" "y"\nB=2', '# full\nA=1', 'A=#notcomment', 'A= #c',
  'A=x#y', "A='#'", 'A="#"', 'A', 'A\nB=2', '=1', '=1\nB=2', ' =1', 'A=1\r\nB=2\r\n', 'A=1\rB=2', 'A="x\r\ny"',
  'A="a\\tb"', 'A=  spaced value  ', 'A="  keep  "', 'A=\tt', '\tA=1', ' \tA=1', 'A =\t"x"', 'A=1\t',
  'A=1\nA=2', 'A=x\nA=', 'A.B=1', 'a b=1', 'A=1=2', 'A=""', "A=''", 'A=``', 'A="\\"x"', 'A=a"b"c',
  'export A', 'export A=', 'export  ', 'A:1', 'A=1\n# B=2', 'A=1\n#B', ' #A=1', '\n#A=1', '#=1',
  'A=1\n\n', '\n\n# x', 'A=\n\n\nB=1', 'A=  \n  B=2', 'A=\u00a0x\u00a0', '\ufeffA=1', '__proto__=1',
  'constructor=2\ntoString=3', 'b=1\nA=2\nZ=3\n_x=4\na=5\n日=6\nÉ=7', '😀=1\n\uffff=2\n\ue000=3',
  'A={"x":1}', 'B=$A', '  export   A  =  1  ', 'export =1', 'export=1', 'A="multi\nline\nvalue"\nB=after',
];
fixed.forEach(show);
for (const bad of [1, null, undefined, {}, ['A=1'], Symbol('s')]) {
  try {
    util.parseEnv(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}

// Seeded random texts.
const { int, pick } = seeded(77);
const pieces = ['A', 'B', 'key', 'export ', ' ', '  ', '\t', '=', '==', '"', "'", '`', '#', '\n', '\r\n', '\r', '\\n',
  'value', 'é', '😀', '\ud800', 'x y', '# c', '-', '__proto__'];
for (let i = 0; i < 300; i++) {
  let text = '';
  for (let j = int(14); j > 0; j--) text += pick(pieces);
  show(text);
}

// process.loadEnvFile.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodebuf-dotenv-'));
const file = path.join(dir, 'vars.env');
fs.writeFileSync(file, 'NB_DOTENV_A=1\nNB_DOTENV_B="two\\nlines"\nexport NB_DOTENV_C=three # c\nNB_DOTENV_KEEP=new\n');
process.env.NB_DOTENV_KEEP = 'old';
console.log(process.loadEnvFile(file));
for (const key of ['NB_DOTENV_A', 'NB_DOTENV_B', 'NB_DOTENV_C', 'NB_DOTENV_KEEP']) console.log(key, JSON.stringify(process.env[key]));
fs.writeFileSync(path.join(dir, '.env'), 'NB_DOTENV_DEFAULT=yes\n');
const cwd = process.cwd();
process.chdir(dir);
process.loadEnvFile();
console.log('default', process.env.NB_DOTENV_DEFAULT);
process.chdir(cwd);
fs.writeFileSync(file, 'NB_DOTENV_BUF=buffer\n');
process.loadEnvFile(Buffer.from(file));
fs.writeFileSync(file, 'NB_DOTENV_URL=url\n');
process.loadEnvFile(new URL(`file://${file}`));
console.log(process.env.NB_DOTENV_BUF, process.env.NB_DOTENV_URL);
for (const bad of [1, {}, true, path.join(dir, 'missing.env'), dir]) {
  try {
    process.loadEnvFile(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message.replaceAll(dir, '<dir>'), Object.keys(e), e.errno, e.syscall);
  }
}
fs.rmSync(dir, { recursive: true });
