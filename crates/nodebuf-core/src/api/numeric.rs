//! `buf.read*` / `buf.write*`: every numeric accessor of Node's Buffer with Node's order of
//! checks — the `byteLength` (variable-width methods), `+value` coercion, the `offset` type, the
//! value range, then the bounds — and Node's messages for each.

use super::coerce::{expect_number, to_number};
use crate::args::Arg;
use crate::error::NodeError;
use crate::number;
use crate::ops::numeric::{self as raw, Endian};

/// What a numeric accessor reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// An unsigned integer of the accessor's width, as a Number.
    Uint,
    /// A signed integer, as a Number.
    Int,
    /// An IEEE float (width 4) or double (width 8), as a Number.
    Float,
    /// An unsigned 64-bit BigInt.
    BigUint,
    /// A signed 64-bit BigInt.
    BigInt,
}

/// One numeric accessor: kind, width in bytes (0 for the variable-width `(U)Int{LE,BE}`
/// methods, which take a `byteLength` argument) and byte order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumType {
    /// What is read/written.
    pub kind: NumKind,
    /// Width in bytes, or 0 for the variable-width methods.
    pub width: usize,
    /// Byte order (irrelevant for width 1).
    pub endian: Endian,
}

/// A numeric accessor of `Buffer.prototype`, as found by [`num_method`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumMethod {
    /// True for `write*`, false for `read*`.
    pub write: bool,
    /// The accessor's type.
    pub ty: NumType,
}

/// A value read by a numeric accessor: a JS Number or a BigInt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumValue {
    /// A Number.
    Number(f64),
    /// A BigInt (64-bit accessors).
    BigInt(i128),
}

/// Every numeric accessor name on `Buffer.prototype` (the `Uint` spellings included), so the JS
/// face can install them in a loop.
pub fn num_method_names() -> Vec<String> {
    let mut out = Vec::new();
    for op in ["read", "write"] {
        for (base, endians) in [
            ("UInt8", &[""][..]),
            ("Int8", &[""][..]),
            ("UInt16", &["LE", "BE"][..]),
            ("Int16", &["LE", "BE"][..]),
            ("UInt32", &["LE", "BE"][..]),
            ("Int32", &["LE", "BE"][..]),
            ("UInt", &["LE", "BE"][..]),
            ("Int", &["LE", "BE"][..]),
            ("Float", &["LE", "BE"][..]),
            ("Double", &["LE", "BE"][..]),
            ("BigUInt64", &["LE", "BE"][..]),
            ("BigInt64", &["LE", "BE"][..]),
        ] {
            for e in endians {
                out.push(format!("{op}{base}{e}"));
                if base.contains("UInt") {
                    out.push(format!("{op}{}{e}", base.replace("UInt", "Uint")));
                }
            }
        }
    }
    out
}

/// Looks up a numeric accessor by its `Buffer.prototype` name (`readUInt16LE`,
/// `writeUint8`, `readBigInt64BE`, `writeIntLE`, ...).
pub fn num_method(name: &str) -> Option<NumMethod> {
    let (write, rest) = if let Some(r) = name.strip_prefix("read") {
        (false, r)
    } else {
        (true, name.strip_prefix("write")?)
    };
    let (rest, endian) = if let Some(r) = rest.strip_suffix("LE") {
        (r, Endian::Little)
    } else if let Some(r) = rest.strip_suffix("BE") {
        (r, Endian::Big)
    } else {
        (rest, Endian::Little)
    };
    let has_endian = name.ends_with("LE") || name.ends_with("BE");
    let (kind, width) = match rest {
        "UInt8" | "Uint8" => (NumKind::Uint, 1),
        "Int8" => (NumKind::Int, 1),
        "UInt16" | "Uint16" => (NumKind::Uint, 2),
        "Int16" => (NumKind::Int, 2),
        "UInt32" | "Uint32" => (NumKind::Uint, 4),
        "Int32" => (NumKind::Int, 4),
        "UInt" | "Uint" => (NumKind::Uint, 0),
        "Int" => (NumKind::Int, 0),
        "Float" => (NumKind::Float, 4),
        "Double" => (NumKind::Float, 8),
        "BigUInt64" | "BigUint64" => (NumKind::BigUint, 8),
        "BigInt64" => (NumKind::BigInt, 8),
        _ => return None,
    };
    if has_endian != (width != 1) {
        return None;
    }
    Some(NumMethod {
        write,
        ty: NumType {
            kind,
            width,
            endian,
        },
    })
}

/// Node's bounds check for an access of `width` bytes at `offset` (already known to be a
/// number): a non-integer says `an integer`; a buffer shorter than `width` throws
/// `ERR_BUFFER_OUT_OF_BOUNDS`; otherwise `>= 0 and <= len - width`.
fn check_bounds(
    len: usize,
    offset_arg: &Arg<'_>,
    offset: f64,
    width: usize,
) -> Result<usize, NodeError> {
    // An integer in range round-trips through i64 (a saturating conversion, so huge values and
    // NaN do not); the range check then works on integers. Cheaper than `fract()` (a libm call
    // on baseline x86-64) and than usize conversions, which take several instructions there
    // where i64's take one. Lengths are far below 2**63, so `len - width` is exact.
    if len >= width {
        let at = offset as i64;
        if at as f64 == offset && (0..=(len - width) as i64).contains(&at) {
            return Ok(at as usize);
        }
    }
    // Node tests `Math.floor(offset) !== offset`, which lets the infinities through.
    if offset.is_nan() || (offset.is_finite() && offset.fract() != 0.0) {
        return Err(NodeError::not_an_integer("offset", offset));
    }
    if len < width {
        return Err(NodeError::out_of_buffer_bounds(None));
    }
    Err(NodeError::out_of_range(
        "offset",
        &format!(">= 0 and <= {}", len - width),
        offset_arg,
    ))
}

/// Node's bounds error when its JS saw the receiver's `length` property as `visible` (a lying
/// own property or subclass getter): `boundsError(offset, visible - width)` — `an integer` for
/// a non-integer offset, `ERR_BUFFER_OUT_OF_BOUNDS` when `visible - width` is negative, else
/// `>= 0 and <= {visible - width}` formatted as JS formats that number (`NaN` included).
/// `real_error` is what [`read`]/[`write`] answered on the real bytes: it is replaced only
/// when it is that bounds check's error (the failure itself is decided on the real bytes, as
/// Node's `this[offset] === undefined` tests are). Returns `None` when it is another error.
pub fn visible_bounds_error(
    real_len: usize,
    offset_arg: &Arg<'_>,
    width: usize,
    real_error: &NodeError,
    visible: f64,
) -> Option<NodeError> {
    let offset = match offset_arg {
        Arg::Undefined => 0.0,
        Arg::Number(n) => *n,
        _ => return None,
    };
    if check_bounds(real_len, offset_arg, offset, width)
        .err()
        .as_ref()
        != Some(real_error)
    {
        return None;
    }
    if offset.is_nan() || (offset.is_finite() && offset.fract() != 0.0) {
        return Some(real_error.clone());
    }
    let length = visible - width as f64;
    if length < 0.0 {
        return Some(NodeError::out_of_buffer_bounds(None));
    }
    Some(NodeError::out_of_range(
        "offset",
        &format!(">= 0 and <= {}", crate::number::to_string(length)),
        offset_arg,
    ))
}

/// The offset argument of a fixed-width accessor: `undefined` means 0, other non-numbers throw.
fn fixed_offset(offset: &Arg<'_>) -> Result<f64, NodeError> {
    match offset {
        Arg::Undefined => Ok(0.0),
        _ => expect_number(offset, "offset"),
    }
}

/// The `byteLength` argument of the variable-width accessors: a number, an integer, 1..=6.
fn byte_length_arg(arg: &Arg<'_>) -> Result<usize, NodeError> {
    // Node's `Math.floor(byteLength)` runs before the type check, so BigInts and Symbols throw
    // V8's conversion errors first.
    match arg {
        Arg::BigInt(_) => return Err(NodeError::bigint_to_number()),
        Arg::Symbol(_) => return Err(NodeError::symbol_to_number()),
        _ => {}
    }
    let n = expect_number(arg, "byteLength")?;
    if n.is_nan() || (n.is_finite() && n.fract() != 0.0) {
        return Err(NodeError::not_an_integer("byteLength", n));
    }
    if !(1.0..=6.0).contains(&n) {
        return Err(NodeError::out_of_range("byteLength", ">= 1 and <= 6", arg));
    }
    Ok(n as usize)
}

/// `buf.read<Type>(offset[, byteLength])` for the accessor `ty`. `byte_length` is only used by
/// the variable-width methods (pass `Arg::Undefined` otherwise).
pub fn read(
    buf: &[u8],
    ty: NumType,
    offset: &Arg<'_>,
    byte_length: &Arg<'_>,
) -> Result<NumValue, NodeError> {
    if let Some(v) = read_small_int(buf, ty, offset) {
        return Ok(NumValue::Number(v));
    }
    let (width, off) = if ty.width == 0 {
        if offset.is_undefined() {
            return Err(NodeError::invalid_arg_type(
                "offset",
                "of type number",
                offset,
            ));
        }
        let width = byte_length_arg(byte_length)?;
        (width, expect_number(offset, "offset")?)
    } else {
        (ty.width, fixed_offset(offset)?)
    };
    let at = check_bounds(buf.len(), offset, off, width)?;
    let out_of_bounds = || NodeError::out_of_buffer_bounds(None);
    Ok(match ty.kind {
        // Below 2**48 (width <= 6): exact through i64, whose conversion is one instruction.
        NumKind::Uint => NumValue::Number(
            raw::read_uint(buf, at, width, ty.endian).ok_or_else(out_of_bounds)? as i64 as f64,
        ),
        NumKind::Int => NumValue::Number(
            raw::read_int(buf, at, width, ty.endian).ok_or_else(out_of_bounds)? as f64,
        ),
        NumKind::Float if width == 4 => {
            NumValue::Number(raw::read_f32(buf, at, ty.endian).ok_or_else(out_of_bounds)?)
        }
        NumKind::Float => {
            NumValue::Number(raw::read_f64(buf, at, ty.endian).ok_or_else(out_of_bounds)?)
        }
        NumKind::BigUint => NumValue::BigInt(i128::from(
            raw::read_uint(buf, at, 8, ty.endian).ok_or_else(out_of_bounds)?,
        )),
        NumKind::BigInt => NumValue::BigInt(i128::from(
            raw::read_int(buf, at, 8, ty.endian).ok_or_else(out_of_bounds)?,
        )),
    })
}

/// Where a 1-, 2- or 4-byte integer access at `offset` (a number, or none for 0) starts when
/// the offset is an integer in bounds, as `check_bounds` accepts it; `None` for anything else
/// (other widths included), which the general paths handle.
#[inline(always)]
fn small_int_at(len: usize, ty: NumType, offset: &Arg<'_>) -> Option<usize> {
    let off = match *offset {
        Arg::Number(off) => off,
        Arg::Undefined => 0.0,
        _ => return None,
    };
    let width = ty.width;
    if !matches!(width, 1 | 2 | 4) || len < width {
        return None;
    }
    let at = off as i64;
    if at as f64 != off || !(0..=(len - width) as i64).contains(&at) {
        return None;
    }
    Some(at as usize)
}

/// The common integer read, for the 1-, 2- and 4-byte methods: an in-bounds integer offset (or
/// none). Returns what [`read`]'s general path returns; `None` sends every other call through
/// it (which reports Node's errors).
#[inline(always)]
fn read_small_int(buf: &[u8], ty: NumType, offset: &Arg<'_>) -> Option<f64> {
    let at = small_int_at(buf.len(), ty, offset)?;
    let width = ty.width;
    let little = ty.endian == Endian::Little;
    let x = match width {
        1 => u32::from(buf[at]),
        2 => {
            let b = [buf[at], buf[at + 1]];
            u32::from(if little {
                u16::from_le_bytes(b)
            } else {
                u16::from_be_bytes(b)
            })
        }
        _ => {
            let b = [buf[at], buf[at + 1], buf[at + 2], buf[at + 3]];
            if little {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            }
        }
    };
    match ty.kind {
        NumKind::Uint => Some(f64::from(x)),
        NumKind::Int => {
            // Sign-extend the top bit of the `width` bytes read.
            let unused = 32 - 8 * width as u32;
            Some(f64::from(((x << unused) as i32) >> unused))
        }
        _ => None,
    }
}

/// The range text Node prints for an integer write of `width` bytes.
fn int_range_text(signed: bool, width: usize) -> String {
    let bits = 8 * width as u32;
    if width > 4 {
        if signed {
            format!(">= -(2 ** {}) and < 2 ** {}", bits - 1, bits - 1)
        } else {
            format!(">= 0 and < 2 ** {bits}")
        }
    } else if signed {
        let max = (1i64 << (bits - 1)) - 1;
        format!(">= {} and <= {max}", -max - 1)
    } else {
        format!(">= 0 and <= {}", (1u64 << bits) - 1)
    }
}

/// The bytes Node stores for an in-range integer `value` of `width` bytes: the low 32 bits are
/// `ToUint32(value)`, the bits above come from `Math.floor(value / 2**32)` (which differs from
/// truncation for negative fractions, and Node's output shows it).
fn int_bits(value: f64, width: usize) -> u64 {
    let low = u64::from(number::to_uint32(value));
    if width <= 4 {
        return low;
    }
    let high = u64::from(number::to_uint32((value / 4_294_967_296.0).floor()));
    low | (high << 32)
}

/// `buf.write<Type>(value, offset[, byteLength])` for the accessor `ty`; returns
/// `offset + width` as Node does.
pub fn write(
    buf: &mut [u8],
    ty: NumType,
    value: &Arg<'_>,
    offset: &Arg<'_>,
    byte_length: &Arg<'_>,
) -> Result<usize, NodeError> {
    match ty.kind {
        NumKind::BigInt | NumKind::BigUint => return write_big(buf, ty, value, offset),
        _ => {}
    }
    if let Some(end) = write_small_int(buf, ty, value, offset) {
        return Ok(end);
    }
    let width = if ty.width == 0 {
        byte_length_arg(byte_length)?
    } else {
        ty.width
    };
    let v = to_number(value)?;
    let read_offset = || {
        if ty.width == 0 {
            expect_number(offset, "offset")
        } else {
            fixed_offset(offset)
        }
    };
    // Node checks the offset's type before the value's range for 1-byte and float writes, and
    // after it for wider integers.
    let early_offset = if width == 1 || ty.kind == NumKind::Float {
        Some(read_offset()?)
    } else {
        None
    };
    let len = buf.len();
    let oob = || NodeError::out_of_buffer_bounds(None);
    if ty.kind == NumKind::Float {
        let off = early_offset.unwrap_or(0.0);
        let at = check_bounds(len, offset, off, width)?;
        return if width == 4 {
            raw::write_f32(buf, at, ty.endian, v)
        } else {
            raw::write_f64(buf, at, ty.endian, v)
        }
        .ok_or_else(oob);
    }
    let signed = ty.kind == NumKind::Int;
    // width <= 6, so 2^bits is an exact i64 and an exact f64 (no `powi` library call; i64, not
    // u64: one conversion instruction on baseline x86-64).
    let bits = 8 * width as u32;
    let (min, max) = if signed {
        let half = (1i64 << (bits - 1)) as f64;
        (-half, half - 1.0)
    } else {
        (0.0, (1i64 << bits) as f64 - 1.0)
    };
    if v > max || v < min {
        return Err(NodeError::out_of_range(
            "value",
            &int_range_text(signed, width),
            &Arg::Number(v),
        ));
    }
    let off = match early_offset {
        Some(off) => off,
        None => read_offset()?,
    };
    let at = check_bounds(len, offset, off, width)?;
    raw::write_uint(buf, at, width, ty.endian, int_bits(v, width)).ok_or_else(oob)
}

/// The common integer write, for the 1-, 2- and 4-byte methods: a number value in range and
/// an in-bounds integer offset (or none). Writes what [`write`]'s general path writes and
/// returns the end; `None` (nothing written) sends every other call through the general path,
/// which reports Node's errors in Node's order.
#[inline(always)]
fn write_small_int(
    buf: &mut [u8],
    ty: NumType,
    value: &Arg<'_>,
    offset: &Arg<'_>,
) -> Option<usize> {
    let Arg::Number(v) = *value else {
        return None;
    };
    let at = small_int_at(buf.len(), ty, offset)?;
    let width = ty.width;
    let bits = 8 * width as u32;
    let (min, max) = match ty.kind {
        NumKind::Uint => (0.0, ((1i64 << bits) - 1) as f64),
        NumKind::Int => {
            let half = (1i64 << (bits - 1)) as f64;
            (-half, half - 1.0)
        }
        _ => return None,
    };
    // In range (NaN is not).
    if !(v >= min && v <= max) {
        return None;
    }
    // In range, so truncation through i64 is ToUint32 (`int_bits` for these widths).
    let x = v as i64 as u32;
    let little = ty.endian == Endian::Little;
    match width {
        1 => buf[at] = x as u8,
        2 if little => buf[at..at + 2].copy_from_slice(&(x as u16).to_le_bytes()),
        2 => buf[at..at + 2].copy_from_slice(&(x as u16).to_be_bytes()),
        _ if little => buf[at..at + 4].copy_from_slice(&x.to_le_bytes()),
        _ => buf[at..at + 4].copy_from_slice(&x.to_be_bytes()),
    }
    Some(at + width)
}

/// A BigInt's decimal text as an i128, saturating far outside (only the range check needs it).
fn parse_bigint(text: &str) -> i128 {
    let (neg, digits) = match text.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, text),
    };
    let mut v: i128 = 0;
    for c in digits.bytes() {
        if !c.is_ascii_digit() {
            continue;
        }
        v = v.saturating_mul(10).saturating_add(i128::from(c - b'0'));
    }
    if neg {
        -v
    } else {
        v
    }
}

/// ECMAScript `StringToBigInt` for the relational comparison a BigInt write makes: `None` when
/// the string is not an integer literal (the comparison is then false).
fn string_to_bigint(units: &[u16]) -> Option<i128> {
    let text: String = units
        .iter()
        .map(|&u| char::from_u32(u32::from(u)).unwrap_or('\u{FFFD}'))
        .collect();
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_empty() {
        return Some(0);
    }
    for (prefix, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(d) = t.strip_prefix(prefix) {
            if d.is_empty() {
                return None;
            }
            let mut v: i128 = 0;
            for c in d.chars() {
                v = v
                    .saturating_mul(i128::from(radix))
                    .saturating_add(i128::from(c.to_digit(radix)?));
            }
            return Some(v);
        }
    }
    let (neg, d) = match t.as_bytes()[0] {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if d.is_empty() || !d.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let v = parse_bigint(d);
    Some(if neg { -v } else { v })
}

/// `writeBig(U)Int64{LE,BE}`: the value is range-checked with JS's mixed comparisons (so a
/// Number out of range reports `ERR_OUT_OF_RANGE`), then the offset, and only then does a
/// non-BigInt throw V8's `Cannot mix BigInt and other types` TypeError.
fn write_big(
    buf: &mut [u8],
    ty: NumType,
    value: &Arg<'_>,
    offset: &Arg<'_>,
) -> Result<usize, NodeError> {
    let signed = ty.kind == NumKind::BigInt;
    let (min, max): (i128, i128) = if signed {
        (-(1i128 << 63), (1i128 << 63) - 1)
    } else {
        (0, (1i128 << 64) - 1)
    };
    // Exact Number-vs-BigInt comparison: `n > max` is `n >= max + 1` for doubles, and both
    // `max + 1` and `min` are powers of two that f64 holds exactly.
    let number_out = |n: f64| !n.is_nan() && (n >= (max + 1) as f64 || n < min as f64);
    let out_of_range = match *value {
        Arg::BigInt(d) => {
            let v = parse_bigint(d);
            v > max || v < min
        }
        Arg::Number(n) => number_out(n),
        Arg::Bool(_) | Arg::Null | Arg::Undefined | Arg::Function { .. } => false,
        Arg::Symbol(_) => return Err(NodeError::symbol_to_number()),
        Arg::String(s) => {
            let units: Vec<u16> = (0..s.len()).filter_map(|i| s.unit(i)).collect();
            string_to_bigint(&units).is_some_and(|v| v > max || v < min)
        }
        Arg::Object(o) => number_out(o.number),
    };
    if out_of_range {
        let range = if signed {
            ">= -(2n ** 63n) and < 2n ** 63n"
        } else {
            ">= 0n and < 2n ** 64n"
        };
        return Err(NodeError::out_of_range("value", range, value));
    }
    let off = fixed_offset(offset)?;
    let at = check_bounds(buf.len(), offset, off, 8)?;
    let Arg::BigInt(d) = *value else {
        return Err(NodeError::cannot_mix_bigint());
    };
    let bits = parse_bigint(d) as u64;
    raw::write_uint(buf, at, 8, ty.endian, bits)
        .ok_or_else(|| NodeError::out_of_buffer_bounds(None))
}
