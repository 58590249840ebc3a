'use strict';
// A small WebAssembly binary encoder for the wasm_* differential scripts: modules are written
// as plain objects and encoded here, so the scripts carry no opaque byte blobs.

const VAL = { i32: 0x7f, i64: 0x7e, f32: 0x7d, f64: 0x7c, v128: 0x7b, funcref: 0x70, externref: 0x6f };
const KIND = { func: 0, table: 1, memory: 2, global: 3 };

function u32(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function s64(value) {
  let n = BigInt(value);
  const out = [];
  for (;;) {
    const byte = Number(n & 0x7fn);
    n >>= 7n;
    const done = (n === 0n && (byte & 0x40) === 0) || (n === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function str(s) {
  const bytes = [...Buffer.from(s, 'utf8')];
  return [...u32(bytes.length), ...bytes];
}

function vec(items) {
  return [...u32(items.length), ...items.flat()];
}

function section(id, payload) {
  return payload === null ? [] : [id, ...u32(payload.length), ...payload];
}

function limits(min, max) {
  return max === undefined ? [0, ...u32(min)] : [1, ...u32(min), ...u32(max)];
}

function f32(x) {
  const b = Buffer.alloc(4);
  b.writeFloatLE(x);
  return [...b];
}

function f64(x) {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(x);
  return [...b];
}

// Instructions, as byte arrays to concatenate.
const op = {
  unreachable: [0x00], nop: [0x01], end: [0x0b], drop: [0x1a], return: [0x0f],
  block: (t = 0x40) => [0x02, t], loop: (t = 0x40) => [0x03, t], if: (t = 0x40) => [0x04, t], else: [0x05],
  br: (d) => [0x0c, ...u32(d)], br_if: (d) => [0x0d, ...u32(d)],
  call: (i) => [0x10, ...u32(i)], call_indirect: (type, table = 0) => [0x11, ...u32(type), ...u32(table)],
  local_get: (i) => [0x20, ...u32(i)], local_set: (i) => [0x21, ...u32(i)], local_tee: (i) => [0x22, ...u32(i)],
  global_get: (i) => [0x23, ...u32(i)], global_set: (i) => [0x24, ...u32(i)],
  i32_load: (offset = 0, align = 2) => [0x28, ...u32(align), ...u32(offset)],
  i64_load: (offset = 0, align = 3) => [0x29, ...u32(align), ...u32(offset)],
  i32_load8_u: (offset = 0) => [0x2d, 0, ...u32(offset)],
  i32_store: (offset = 0, align = 2) => [0x36, ...u32(align), ...u32(offset)],
  i32_store8: (offset = 0) => [0x3a, 0, ...u32(offset)],
  memory_size: [0x3f, 0], memory_grow: [0x40, 0],
  i32_const: (n) => [0x41, ...s64(n)], i64_const: (n) => [0x42, ...s64(n)],
  f32_const: (x) => [0x43, ...f32(x)], f64_const: (x) => [0x44, ...f64(x)],
  ref_null: (t) => [0xd0, VAL[t]], ref_func: (i) => [0xd2, ...u32(i)],
  table_get: (t = 0) => [0x25, ...u32(t)], table_set: (t = 0) => [0x26, ...u32(t)],
  // Plain opcodes by name (numeric instructions without immediates).
  ...Object.fromEntries([
    ['i32_eqz', 0x45], ['i32_eq', 0x46], ['i32_ne', 0x47], ['i32_lt_s', 0x48], ['i32_lt_u', 0x49],
    ['i32_gt_s', 0x4a], ['i32_gt_u', 0x4b],
    ['i64_eqz', 0x50],
    ['i32_clz', 0x67], ['i32_ctz', 0x68], ['i32_popcnt', 0x69], ['i32_add', 0x6a], ['i32_sub', 0x6b],
    ['i32_mul', 0x6c], ['i32_div_s', 0x6d], ['i32_div_u', 0x6e], ['i32_rem_s', 0x6f], ['i32_rem_u', 0x70],
    ['i32_and', 0x71], ['i32_or', 0x72], ['i32_xor', 0x73], ['i32_shl', 0x74], ['i32_shr_s', 0x75],
    ['i32_shr_u', 0x76], ['i32_rotl', 0x77], ['i32_rotr', 0x78],
    ['i64_clz', 0x79], ['i64_ctz', 0x7a], ['i64_popcnt', 0x7b], ['i64_add', 0x7c], ['i64_sub', 0x7d],
    ['i64_mul', 0x7e], ['i64_div_s', 0x7f], ['i64_div_u', 0x80], ['i64_rem_s', 0x81], ['i64_rem_u', 0x82],
    ['i64_and', 0x83], ['i64_or', 0x84], ['i64_xor', 0x85], ['i64_shl', 0x86], ['i64_shr_s', 0x87],
    ['i64_shr_u', 0x88], ['i64_rotl', 0x89], ['i64_rotr', 0x8a],
    ['f32_abs', 0x8b], ['f32_neg', 0x8c], ['f32_ceil', 0x8d], ['f32_floor', 0x8e], ['f32_trunc', 0x8f],
    ['f32_nearest', 0x90], ['f32_sqrt', 0x91], ['f32_add', 0x92], ['f32_sub', 0x93], ['f32_mul', 0x94],
    ['f32_div', 0x95], ['f32_min', 0x96], ['f32_max', 0x97], ['f32_copysign', 0x98],
    ['f64_abs', 0x99], ['f64_neg', 0x9a], ['f64_ceil', 0x9b], ['f64_floor', 0x9c], ['f64_trunc', 0x9d],
    ['f64_nearest', 0x9e], ['f64_sqrt', 0x9f], ['f64_add', 0xa0], ['f64_sub', 0xa1], ['f64_mul', 0xa2],
    ['f64_div', 0xa3], ['f64_min', 0xa4], ['f64_max', 0xa5], ['f64_copysign', 0xa6],
    ['i32_wrap_i64', 0xa7], ['i32_trunc_f32_s', 0xa8], ['i32_trunc_f32_u', 0xa9], ['i32_trunc_f64_s', 0xaa],
    ['i32_trunc_f64_u', 0xab], ['i64_extend_i32_s', 0xac], ['i64_extend_i32_u', 0xad],
    ['i64_trunc_f64_s', 0xb0], ['f32_convert_i32_s', 0xb2], ['f64_convert_i32_s', 0xb7],
    ['f64_convert_i64_s', 0xb9], ['f32_demote_f64', 0xb6], ['f64_promote_f32', 0xbb],
    ['i32_reinterpret_f32', 0xbc], ['i64_reinterpret_f64', 0xbd], ['f32_reinterpret_i32', 0xbe],
    ['f64_reinterpret_i64', 0xbf],
  ].map(([name, code]) => [name, [code]])),
};

function funcType([params, results]) {
  return [0x60, ...vec(params.map((t) => [VAL[t]])), ...vec(results.map((t) => [VAL[t]]))];
}

function importEntry(imp) {
  const head = [...str(imp.module), ...str(imp.name)];
  switch (imp.kind) {
    case 'func': return [...head, 0, ...u32(imp.type)];
    case 'table': return [...head, 1, VAL[imp.elem || 'funcref'], ...limits(imp.min, imp.max)];
    case 'memory': return [...head, 2, ...limits(imp.min, imp.max)];
    case 'global': return [...head, 3, VAL[imp.type], imp.mutable ? 1 : 0];
    default: throw new Error(`bad import kind ${imp.kind}`);
  }
}

function body(fn) {
  const locals = vec((fn.locals || []).map((t) => [1, VAL[t]]));
  const code = [...locals, ...fn.body.flat(), 0x0b];
  return [...u32(code.length), ...code];
}

/** Encodes a module description as a Uint8Array. */
function encodeModule(m) {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const opt = (list, encode) => (list && list.length ? vec(list.map(encode)) : null);
  bytes.push(...section(1, opt(m.types, funcType)));
  bytes.push(...section(2, opt(m.imports, importEntry)));
  bytes.push(...section(3, opt(m.funcs, (f) => u32(f.type))));
  bytes.push(...section(4, opt(m.tables, (t) => [VAL[t.elem || 'funcref'], ...limits(t.min, t.max)])));
  bytes.push(...section(5, opt(m.memories, (mem) => limits(mem.min, mem.max))));
  bytes.push(...section(6, opt(m.globals, (g) => [VAL[g.type], g.mutable ? 1 : 0, ...g.init.flat(), 0x0b])));
  bytes.push(...section(7, opt(m.exports, (e) => [...str(e.name), KIND[e.kind], ...u32(e.index)])));
  if (m.start !== undefined) bytes.push(...section(8, u32(m.start)));
  bytes.push(...section(9, opt(m.elements, (e) => [0, ...op.i32_const(e.offset), 0x0b, ...vec(e.funcs.map(u32))])));
  bytes.push(...section(10, opt(m.funcs, body)));
  bytes.push(...section(11, opt(m.data, (d) => [0, ...op.i32_const(d.offset), 0x0b, ...vec([...d.bytes].map((b) => [b]))])));
  for (const c of m.custom || []) bytes.push(...section(0, [...str(c.name), ...c.bytes]));
  return new Uint8Array(bytes);
}

module.exports = { module: encodeModule, op, u32, s64 };
