'use strict';
// Seeded random arithmetic programs: expression trees over i32/i64/f32/f64 (constants,
// parameters, the numeric operators, conversions, traps) encoded as wasm, compiled, run on
// edge-case inputs; results and trap messages are printed to be compared with node's.
// NODEBUF_SEED picks the programs, NODEBUF_DIFF_CASES how many.
const W = require('./_wasm_encoder');
const { op } = W;

let state = (Number(process.env.NODEBUF_SEED) || 20261206) >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];

const SPECIAL = {
  i32: [0, 1, -1, 2, 7, 31, 32, 0x7fffffff, -0x80000000, 0x12345678, -1000],
  i64: [0n, 1n, -1n, 63n, 64n, 0x7fffffffffffffffn, -0x8000000000000000n, 0x123456789abcdefn, 4294967296n],
  f32: [0, -0, 1, -1.5, 0.5, 2.5, 3.5, 1e30, -1e-30, Infinity, -Infinity, NaN, 2147483520, 3.4e38],
  f64: [0, -0, 1, -1.5, 0.5, 2.5, -2.5, 1e300, 5e-324, Infinity, -Infinity, NaN, 9007199254740993, 2147483647.9, -2147483648.5],
};

function randomValue(type) {
  if (rand() < 0.6) return pick(SPECIAL[type]);
  switch (type) {
    case 'i32': return (rand() * 4294967296) | 0;
    case 'i64': return BigInt.asIntN(64, (BigInt(Math.floor(rand() * 4294967296)) << 32n) | BigInt(Math.floor(rand() * 4294967296)));
    case 'f32': return Math.fround((rand() - 0.5) * 10 ** Math.floor(rand() * 12));
    default: return (rand() - 0.5) * 10 ** Math.floor(rand() * 20);
  }
}

// Operators by result type: [opcode name, operand types].
function operators(division) {
  const div = (t) => (division === 'div' ? [`${t}_div_s`, `${t}_div_u`] : [`${t}_rem_s`, `${t}_rem_u`]);
  const int = (t) => [
    ...['add', 'sub', 'mul', 'and', 'or', 'xor', 'shl', 'shr_s', 'shr_u', 'rotl', 'rotr'].map((n) => [`${t}_${n}`, [t, t]]),
    ...div(t).map((n) => [n, [t, t]]),
    ...['clz', 'ctz', 'popcnt'].map((n) => [`${t}_${n}`, [t]]),
  ];
  const float = (t) => [
    ...['add', 'sub', 'mul', 'div', 'min', 'max'].map((n) => [`${t}_${n}`, [t, t]]),
    ...['abs', 'neg', 'ceil', 'floor', 'trunc', 'nearest', 'sqrt'].map((n) => [`${t}_${n}`, [t]]),
  ];
  // Truncations trap as `div_s` overflows do in wasmi (one code), so they go with `rem_*`.
  const trunc32 = division === 'div' ? [] : [['i32_trunc_f32_s', ['f32']], ['i32_trunc_f64_s', ['f64']], ['i32_trunc_f64_u', ['f64']]];
  const trunc64 = division === 'div' ? [] : [['i64_trunc_f64_s', ['f64']]];
  return {
    i32: [...int('i32'), ['i32_eqz', ['i32']], ['i32_eq', ['i32', 'i32']], ['i32_lt_s', ['i32', 'i32']],
      ['i32_gt_u', ['i32', 'i32']], ['i64_eqz', ['i64']], ['i32_wrap_i64', ['i64']], ...trunc32],
    i64: [...int('i64'), ['i64_extend_i32_s', ['i32']], ['i64_extend_i32_u', ['i32']], ...trunc64],
    f32: [...float('f32'), ['f32_convert_i32_s', ['i32']], ['f32_demote_f64', ['f64']]],
    f64: [...float('f64'), ['f64_convert_i32_s', ['i32']], ['f64_convert_i64_s', ['i64']], ['f64_promote_f32', ['f32']]],
  };
}

function expression(type, depth, params, ops) {
  const r = rand();
  if (depth === 0 || r < 0.2) {
    const matching = params.map((p, i) => [p, i]).filter(([p]) => p === type);
    if (matching.length > 0 && rand() < 0.6) return { code: op.local_get(pick(matching)[1]), text: `p${pick(matching)[1]}` };
    const value = randomValue(type);
    const code = type === 'i32' ? op.i32_const(value) : type === 'i64' ? op.i64_const(value)
      : type === 'f32' ? op.f32_const(value) : op.f64_const(value);
    return { code, text: String(value) };
  }
  const [name, operands] = pick(ops[type]);
  const args = operands.map((t) => expression(t, depth - 1, params, ops));
  return { code: [...args.flatMap((a) => a.code), ...op[name]], text: `${name}(${args.map((a) => a.text).join(', ')})` };
}

function show(value) {
  if (typeof value === 'bigint') return `${value}n`;
  if (Object.is(value, -0)) return '-0';
  return String(value);
}

const CASES = Number(process.env.NODEBUF_DIFF_CASES) || 150;
const TYPES = ['i32', 'i64', 'f32', 'f64'];
let traps = 0;
for (let n = 0; n < CASES; n++) {
  // wasmi reports one trap for both integer divisions by zero (V8: "divide by zero" /
  // "remainder by zero") and one for div_s and truncation overflows; nodebuf tells them apart
  // per module (README: known differences), so a program uses div_* or rem_* + truncations.
  const ops = operators(rand() < 0.5 ? 'div' : 'rem');
  const result = pick(TYPES);
  const params = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(TYPES));
  const expr = expression(result, 1 + Math.floor(rand() * 4), params, ops);
  const bytes = W.module({
    types: [[params, [result]]],
    funcs: [{ type: 0, body: [expr.code] }],
    exports: [{ name: 'f', kind: 'func', index: 0 }],
  });
  const { f } = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
  const lines = [];
  for (let k = 0; k < 3; k++) {
    const args = params.map(randomValue);
    let out;
    try {
      out = show(f(...args));
    } catch (error) {
      traps++;
      out = `${error.constructor.name}: ${error.message}`;
    }
    lines.push(`  (${args.map(show).join(', ')}) -> ${out}`);
  }
  console.log(`#${n} ${result} ${expr.text}\n${lines.join('\n')}`);
}
console.log('programs', CASES, 'traps', traps);
