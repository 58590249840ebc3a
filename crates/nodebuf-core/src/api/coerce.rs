//! JS conversions and Node's shared argument validators, applied to [`Arg`]s.
//!
//! The conversions mirror ECMAScript (`ToNumber`, `String(x)`); the validators mirror the
//! checks Node's Buffer code runs (`validateNumber`, `validateInteger`, `validateOffset`,
//! the encoding checks), with their messages.

use crate::args::{Arg, ObjectKind};
use crate::encoding::{Encoding, JsStr};
use crate::error::NodeError;
use crate::inspect::{inspect_arg, js_str_lossy};
use crate::number;

/// Node's `kMaxLength` (`memory::K_MAX_LENGTH`, 2**32) as a JS Number, for the offset checks
/// that quote it (`fill`'s offset, `compare`'s bounds): positions, not allocation requests, so
/// they keep Node's bound whatever the engine can hold.
pub const K_MAX_LENGTH: f64 = crate::memory::K_MAX_LENGTH as f64;

/// The allocation limit in force (`memory::max_length()`: Node's 2**32 unless the engine holds
/// less) as a JS Number, for the size checks of allocators and the messages that quote it.
pub fn k_max_length() -> f64 {
    crate::memory::max_length() as f64
}

/// `+value` (ECMAScript `ToNumber`): BigInts and Symbols throw V8's TypeErrors; objects use
/// the number the JS face supplied (NaN when it did not).
pub fn to_number(arg: &Arg<'_>) -> Result<f64, NodeError> {
    Ok(match *arg {
        Arg::Undefined => f64::NAN,
        Arg::Null => 0.0,
        Arg::Bool(b) => f64::from(u8::from(b)),
        Arg::Number(n) => n,
        Arg::BigInt(_) => return Err(NodeError::bigint_to_number()),
        Arg::Symbol(_) => return Err(NodeError::symbol_to_number()),
        Arg::String(s) => string_to_number(s),
        Arg::Function { .. } => f64::NAN,
        Arg::Object(o) => o.number,
    })
}

/// True for the characters `ToNumber` trims from strings (WhiteSpace and LineTerminator).
fn is_js_space(c: u16) -> bool {
    matches!(
        c,
        0x09..=0x0d | 0x20 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f | 0x205f
            | 0x3000 | 0xfeff
    )
}

/// ECMAScript `StringToNumber`: trimmed; empty is 0; `Infinity` with a sign; `0x`/`0o`/`0b`
/// integers (no sign); decimal literals with optional fraction and exponent; else NaN.
pub fn string_to_number(s: JsStr<'_>) -> f64 {
    let units: Vec<u16> = (0..s.len()).filter_map(|i| s.unit(i)).collect();
    let start = units.iter().position(|&c| !is_js_space(c));
    let Some(start) = start else {
        return 0.0;
    };
    let end = units
        .iter()
        .rposition(|&c| !is_js_space(c))
        .map_or(start, |e| e + 1);
    let t = &units[start..end];
    if t.iter().any(|&c| c >= 0x80) {
        return f64::NAN;
    }
    let text: String = t.iter().map(|&c| c as u8 as char).collect();
    let radix = match text.get(..2) {
        Some("0x") | Some("0X") => 16,
        Some("0o") | Some("0O") => 8,
        Some("0b") | Some("0B") => 2,
        _ => 10,
    };
    if radix != 10 {
        let digits = &text[2..];
        if digits.is_empty() {
            return f64::NAN;
        }
        let mut v = 0f64;
        for c in digits.chars() {
            match c.to_digit(radix) {
                Some(d) => v = v * f64::from(radix) + f64::from(d),
                None => return f64::NAN,
            }
        }
        return v;
    }
    let (sign, body) = match text.as_bytes()[0] {
        b'+' => (1.0, &text[1..]),
        b'-' => (-1.0, &text[1..]),
        _ => (1.0, &text[..]),
    };
    if body == "Infinity" {
        return sign * f64::INFINITY;
    }
    if !is_decimal_literal(body) {
        return f64::NAN;
    }
    body.parse::<f64>().map_or(f64::NAN, |v| sign * v)
}

/// `StrUnsignedDecimalLiteral`: `digits [. digits] [e[+-]digits]` with at least one digit in
/// the mantissa (`.5` and `5.` are fine).
fn is_decimal_literal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e') | Some(b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+') | Some(b'-')) {
            i += 1;
        }
        let exp_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp_digits == 0 {
            return false;
        }
        i += exp_digits;
    }
    i == b.len()
}

/// `String(value)` for an encoding name, as text (lone surrogates become U+FFFD); Symbols throw.
fn encoding_text(arg: &Arg<'_>) -> Result<String, NodeError> {
    Ok(match *arg {
        Arg::Undefined => "undefined".into(),
        Arg::Null => "null".into(),
        Arg::Bool(b) => b.to_string(),
        Arg::Number(n) => number::to_string(n),
        Arg::BigInt(d) => d.into(),
        Arg::String(s) => js_str_lossy(s),
        Arg::Symbol(_) => return Err(NodeError::symbol_to_string()),
        Arg::Function { .. } => inspect_arg(arg),
        Arg::Object(o) => match o.string {
            Some(s) => s.into(),
            None if o.kind == ObjectKind::Array => String::new(),
            None => "[object Object]".into(),
        },
    })
}

/// Parses an encoding argument by `String(value)` (Node's `normalizeEncoding` on a value that
/// is not undefined): unknown names, the empty string included, throw `ERR_UNKNOWN_ENCODING`
/// showing the string itself or `util.inspect` of other values.
pub fn parse_encoding_value(arg: &Arg<'_>) -> Result<Encoding, NodeError> {
    let parsed = match *arg {
        Arg::String(s) => Encoding::parse_js(s),
        _ => Encoding::parse(&encoding_text(arg)?),
    };
    parsed.ok_or_else(|| {
        // Node formats the value with `%s`: strings and typed arrays (Buffers included) by
        // `String(value)`, other objects through util.inspect.
        NodeError::unknown_encoding(&match *arg {
            Arg::String(s) => js_str_lossy(s),
            Arg::Object(o) if o.is_typed_array() => o.string.map(str::to_owned).unwrap_or_default(),
            _ => inspect_arg(arg),
        })
    })
}

/// The encoding rule of `buf.toString(enc)` and `buf.indexOf(v, off, enc)`: `undefined` is
/// utf8, anything else goes through [`parse_encoding_value`] (so `null` and `''` throw).
pub fn encoding_undefined_is_utf8(arg: &Arg<'_>) -> Result<Encoding, NodeError> {
    match arg {
        Arg::Undefined => Ok(Encoding::Utf8),
        _ => parse_encoding_value(arg),
    }
}

/// The encoding rule of `buf.write(str, off, len, enc)`: any falsy value (`undefined`, `null`,
/// `''`, `0`, `NaN`, `false`) is utf8, anything else goes through [`parse_encoding_value`].
pub fn encoding_falsy_is_utf8(arg: &Arg<'_>) -> Result<Encoding, NodeError> {
    let falsy = match *arg {
        Arg::Undefined | Arg::Null => true,
        Arg::Bool(b) => !b,
        Arg::Number(n) => n == 0.0 || n.is_nan(),
        Arg::String(s) => s.is_empty(),
        Arg::BigInt(d) => d == "0" || d == "-0",
        _ => false,
    };
    if falsy {
        Ok(Encoding::Utf8)
    } else {
        parse_encoding_value(arg)
    }
}

/// The encoding rule of `buf.fill(str, off, end, enc)` and `Buffer.alloc(n, str, enc)`:
/// `undefined`/`null`/`''` are utf8, other strings must name an encoding, and non-strings throw
/// `ERR_INVALID_ARG_TYPE` (`The "encoding" argument must be of type string`).
pub fn encoding_must_be_string(arg: &Arg<'_>) -> Result<Encoding, NodeError> {
    match *arg {
        Arg::Undefined | Arg::Null => Ok(Encoding::Utf8),
        Arg::String(s) if s.is_empty() => Ok(Encoding::Utf8),
        Arg::String(_) => parse_encoding_value(arg),
        _ => Err(NodeError::invalid_arg_type(
            "encoding",
            "of type string",
            arg,
        )),
    }
}

/// `validateNumber(value, name)`: the value must be of type number.
pub fn expect_number(arg: &Arg<'_>, name: &str) -> Result<f64, NodeError> {
    match *arg {
        Arg::Number(n) => Ok(n),
        _ => Err(NodeError::invalid_arg_type(name, "of type number", arg)),
    }
}

/// `validateInteger(value, name, min, max)`: a number (`ERR_INVALID_ARG_TYPE`), an integer
/// (`ERR_OUT_OF_RANGE ... an integer`), within `[min, max]`
/// (`ERR_OUT_OF_RANGE ... >= min && <= max`).
pub fn validate_integer(arg: &Arg<'_>, name: &str, min: f64, max: f64) -> Result<f64, NodeError> {
    let n = expect_number(arg, name)?;
    if n.fract() != 0.0 || !n.is_finite() {
        return Err(NodeError::not_an_integer(name, n));
    }
    if n < min || n > max {
        return Err(NodeError::out_of_range(
            name,
            &format!(
                ">= {} && <= {}",
                number::to_string(min),
                number::to_string(max)
            ),
            arg,
        ));
    }
    Ok(n)
}

/// Node's `toInteger(n, default)` used by `buf.copy`: `+n`, the default for NaN and the
/// infinities, else `Math.floor`.
pub fn to_integer_or(arg: &Arg<'_>, default: f64) -> Result<f64, NodeError> {
    let n = to_number(arg)?;
    if !n.is_finite() {
        return Ok(default);
    }
    Ok(n.floor())
}

/// ECMAScript `ToIntegerOrInfinity` of `+value` as an i64 (saturating), as Node's C++ helpers
/// read index arguments (NaN is 0, fractions truncate toward zero).
pub fn to_index_i64(arg: &Arg<'_>) -> Result<i64, NodeError> {
    let n = to_number(arg)?;
    Ok(if n.is_nan() { 0 } else { n.trunc() as i64 })
}
