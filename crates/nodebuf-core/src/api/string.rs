//! The string side of Buffer: `buf.write`, `buf.toString`, the `{enc}Slice`/`{enc}Write`
//! helpers, `Buffer.byteLength` and `Buffer.isEncoding`.

use super::coerce::{
    encoding_falsy_is_utf8, encoding_undefined_is_utf8, to_index_i64, to_number, validate_integer,
};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::args::Arg;
use crate::encoding::{self, Encoding, JsStr, JsString};
use crate::error::NodeError;

/// Node's `buffer.constants.MAX_STRING_LENGTH` (V8's limit, 2**29 - 24 units): the default of
/// [`max_string_length`].
pub const MAX_STRING_LENGTH: usize = 536_870_888;

/// The string length limit in force (see [`set_max_string_length`]).
static MAX_STRING: AtomicUsize = AtomicUsize::new(MAX_STRING_LENGTH);

/// The longest string (in UTF-16 units) decoding may make: `buffer.kStringMaxLength`. Longer
/// results are `ERR_STRING_TOO_LONG`, whose message quotes this limit.
pub fn max_string_length() -> usize {
    MAX_STRING.load(Ordering::Relaxed)
}

/// Sets [`max_string_length`] for the whole process to what the JS engine can hold (QuickJS:
/// 2**30 - 1 units; `nodebuf-js` sets it at install).
pub fn set_max_string_length(units: usize) {
    MAX_STRING.store(units, Ordering::Relaxed);
}

/// The string argument of the write functions, or Node's C++ `argument must be a string`.
fn expect_string<'a>(arg: &Arg<'a>) -> Result<JsStr<'a>, NodeError> {
    match *arg {
        Arg::String(s) => Ok(s),
        _ => Err(NodeError::argument_must_be_string()),
    }
}

/// `buf.write(string, offset, length, encoding)` in all of Node's argument shapes:
/// `write(s)` (utf8, whole buffer, other arguments ignored), `write(s, enc)`,
/// `write(s, off[, len][, enc])`, `write(s, off, enc)`. `offset` and `length` must be integers
/// in `0..=buf.length`; `length` is clamped to the room after `offset`; falsy encodings mean
/// utf8. Returns the number of bytes written.
pub fn write_string(
    buf: &mut [u8],
    string: &Arg<'_>,
    offset: &Arg<'_>,
    length: &Arg<'_>,
    encoding: &Arg<'_>,
) -> Result<usize, NodeError> {
    let plan = write_plan(buf.len(), offset, length, encoding)?;
    let enc = encoding_falsy_is_utf8(&plan.encoding)?;
    let s = expect_string(string)?;
    Ok(encoding::write(
        enc,
        s,
        &mut buf[plan.start..plan.start + plan.count],
    ))
}

/// What `buf.write` settled on before it names the encoding: the range, and the argument that
/// names the encoding (`undefined` for utf8).
#[derive(Debug, Clone, Copy)]
pub struct WritePlan<'a> {
    /// The first byte written.
    pub start: usize,
    /// At most this many bytes are written.
    pub count: usize,
    /// The argument naming the encoding: `encoding`, or a string given as `offset`/`length`.
    pub encoding: Arg<'a>,
    /// Whether `encoding` is the call's fourth argument.
    pub encoding_is_fourth: bool,
}

/// `buf.write(string, offset, length, encoding)`'s checks on a receiver of `len` bytes, in
/// Node's order, up to the point where it names the encoding: no `offset` writes everything as
/// utf8; a string `offset` (with no `length`) or a string `length` is the encoding; otherwise
/// `offset` and `length` must be integers within `0..=len`.
#[inline(always)]
pub fn write_plan<'a>(
    len: usize,
    offset: &Arg<'a>,
    length: &Arg<'a>,
    encoding: &Arg<'a>,
) -> Result<WritePlan<'a>, NodeError> {
    let plan = |start, count, encoding, encoding_is_fourth| WritePlan {
        start,
        count,
        encoding,
        encoding_is_fourth,
    };
    Ok(match (offset, length) {
        (Arg::Undefined, _) => plan(0, len, Arg::Undefined, false),
        (Arg::String(_), Arg::Undefined) => plan(0, len, *offset, false),
        _ => {
            let start = validate_integer(offset, "offset", 0.0, len as f64)? as usize;
            let room = len - start;
            match length {
                Arg::Undefined => plan(start, room, *encoding, true),
                Arg::String(_) => plan(start, room, *length, false),
                _ => {
                    let n = validate_integer(length, "length", 0.0, len as f64)? as usize;
                    plan(start, n.min(room), *encoding, true)
                }
            }
        }
    })
}

/// Node's `buf.toString` range rules for one bound, with JS's relational comparisons: values
/// `<= 0` give `low`, values `>= len` give `high`, others truncate. BigInts compare exactly and
/// throw only when they would need a conversion.
enum Bound {
    Low,
    High,
    At(usize),
}

fn bigint_sign_and_big(d: &str, len: usize) -> (bool, bool) {
    let neg = d.starts_with('-');
    let mag = d.trim_start_matches('-');
    let zero = mag.trim_start_matches('0').is_empty();
    let ge_len = !neg && mag.parse::<u128>().map_or(true, |v| v >= len as u128);
    (neg || zero, ge_len)
}

/// `buf.toString(encoding, start, end)`. `arg_count` is how many arguments JS passed (Node
/// decodes the whole buffer as utf8 for a call without arguments). Range first (`start <= 0`
/// -> 0, `start >= length` -> `''`, `end` missing or `> length` -> length, fractions truncate,
/// `end <= start` -> `''`), then the encoding (`undefined` is utf8; anything else must name one,
/// `null` and `''` included).
pub fn to_string(
    buf: &[u8],
    encoding: &Arg<'_>,
    start: &Arg<'_>,
    end: &Arg<'_>,
    arg_count: usize,
) -> Result<JsString, NodeError> {
    let len = buf.len();
    if arg_count == 0 {
        return decode_checked(Encoding::Utf8, buf);
    }
    let empty = || Ok(JsString::Ascii(Vec::new()));
    let s = match *start {
        Arg::BigInt(d) => match bigint_sign_and_big(d, len) {
            (true, _) => Bound::Low,
            (_, true) => Bound::High,
            _ => return Err(NodeError::bigint_to_number()),
        },
        _ => {
            let n = to_number(start)?;
            if n <= 0.0 {
                Bound::Low
            } else if n >= len as f64 {
                Bound::High
            } else if n.is_nan() {
                Bound::Low
            } else {
                Bound::At(n.trunc() as usize)
            }
        }
    };
    let s = match s {
        Bound::Low => 0,
        Bound::High => return empty(),
        Bound::At(i) => i,
    };
    let e = match *end {
        Arg::Undefined => len,
        Arg::BigInt(d) => match bigint_sign_and_big(d, len) {
            (false, true) => len,
            _ => return Err(NodeError::bigint_to_number()),
        },
        _ => {
            let n = to_number(end)?;
            if n > len as f64 {
                len
            } else if n.is_nan() || n <= 0.0 {
                0
            } else {
                n.trunc() as usize
            }
        }
    };
    if e <= s {
        return empty();
    }
    let enc = encoding_undefined_is_utf8(encoding)?;
    decode_checked(enc, &buf[s..e])
}

/// Decodes, refusing results longer than V8's string limit (`ERR_STRING_TOO_LONG`).
fn decode_checked(enc: Encoding, bytes: &[u8]) -> Result<JsString, NodeError> {
    let estimate = match enc {
        Encoding::Hex => bytes.len().saturating_mul(2),
        Encoding::Base64 | Encoding::Base64url => bytes.len().div_ceil(3).saturating_mul(4),
        Encoding::Utf16le => bytes.len() / 2,
        _ => bytes.len(),
    };
    if estimate > max_string_length() && enc != Encoding::Utf8 {
        return Err(NodeError::string_too_long());
    }
    let out = encoding::decode(enc, bytes);
    if out.len() > max_string_length() {
        return Err(NodeError::string_too_long());
    }
    Ok(out)
}

/// A position argument of the C++ helpers: `undefined` takes the default, others are
/// `ToIntegerOrInfinity(+x)`.
fn native_index(arg: &Arg<'_>, default: i64) -> Result<i64, NodeError> {
    match arg {
        Arg::Undefined => Ok(default),
        _ => to_index_i64(arg),
    }
}

/// `buf.{latin1,ascii,utf8,ucs2,hex,base64,base64url}Slice(start, end)`: `start`/`end` default
/// to 0/length, must lie in `0..=length` (else a plain `RangeError: Index out of range` with
/// code `ERR_OUT_OF_RANGE`); `end < start` gives `''`.
pub fn slice_helper(
    buf: &[u8],
    enc: Encoding,
    start: &Arg<'_>,
    end: &Arg<'_>,
) -> Result<JsString, NodeError> {
    match slice_range(buf.len(), start, end)? {
        Some(range) => decode_checked(enc, &buf[range]),
        None => Ok(JsString::Ascii(Vec::new())),
    }
}

/// The bytes [`slice_helper`] decodes from a receiver of `len` bytes, after Node's native
/// checks; `None` when the answer is `''` without reading any (an empty receiver or range).
pub fn slice_range(
    len: usize,
    start: &Arg<'_>,
    end: &Arg<'_>,
) -> Result<Option<std::ops::Range<usize>>, NodeError> {
    if len == 0 {
        return Ok(None);
    }
    let len = len as i64;
    // Order seen in Node: start converted and checked for < 0, then end, then the upper bounds.
    let s = native_index(start, 0)?;
    if s < 0 {
        return Err(NodeError::index_out_of_range());
    }
    let e = native_index(end, len)?;
    if e < 0 || s > len || e > len {
        return Err(NodeError::index_out_of_range());
    }
    Ok((e > s).then_some(s as usize..e as usize))
}

/// `buf.{enc}Write(string, offset, length)`: the string must be a string (`TypeError:
/// argument must be a string`); `offset` defaults to 0, negative is `Index out of range`, past
/// the end is `"offset" is outside of buffer bounds`; `length` defaults to the room left,
/// negative is `Index out of range`, larger is clamped. Returns the bytes written.
pub fn write_helper(
    buf: &mut [u8],
    enc: Encoding,
    string: &Arg<'_>,
    offset: &Arg<'_>,
    length: &Arg<'_>,
) -> Result<usize, NodeError> {
    let (s, range) = write_range(buf.len(), string, offset, length)?;
    Ok(encoding::write(enc, s, &mut buf[range]))
}

/// The string [`write_helper`] writes and the bytes it may write into a receiver of `len`
/// bytes, after Node's native checks (an empty range writes nothing).
pub fn write_range<'a>(
    len: usize,
    string: &Arg<'a>,
    offset: &Arg<'_>,
    length: &Arg<'_>,
) -> Result<(JsStr<'a>, std::ops::Range<usize>), NodeError> {
    let s = expect_string(string)?;
    let len = len as i64;
    let off = native_index(offset, 0)?;
    if off < 0 {
        return Err(NodeError::index_out_of_range());
    }
    if off > len {
        return Err(NodeError::native_offset_out_of_bounds());
    }
    let count = native_index(length, len - off)?;
    if count < 0 {
        return Err(NodeError::index_out_of_range());
    }
    let count = count.min(len - off);
    let start = off as usize;
    Ok((s, start..start + count as usize))
}

/// `Buffer.byteLength(string, encoding)`: strings measure in `encoding` (unknown or non-string
/// encodings fall back to utf8); ArrayBuffer views, ArrayBuffers and SharedArrayBuffers give
/// their byte length; anything else throws `ERR_INVALID_ARG_TYPE`.
pub fn byte_length(value: &Arg<'_>, encoding: &Arg<'_>) -> Result<usize, NodeError> {
    use crate::args::ObjectKind;
    match *value {
        Arg::String(s) => {
            // Node: an empty string is 0 before the encoding is looked at; a truthy encoding
            // is named with `encoding + ''` (objects by their `String(value)`, which the JS
            // face computes; a Symbol throws) and an unknown name counts as utf8.
            if s.is_empty() {
                return Ok(0);
            }
            let enc = match *encoding {
                Arg::String(e) => Encoding::parse_js(e).unwrap_or(Encoding::Utf8),
                Arg::Symbol(_) => return Err(NodeError::symbol_to_string()),
                Arg::Object(o) => o.string.and_then(Encoding::parse).unwrap_or(Encoding::Utf8),
                _ => Encoding::Utf8,
            };
            Ok(encoding::byte_length(enc, s))
        }
        Arg::Object(o)
            if o.is_array_buffer_view()
                || matches!(
                    o.kind,
                    ObjectKind::ArrayBuffer | ObjectKind::SharedArrayBuffer
                ) =>
        {
            Ok(o.bytes.map_or(0, <[u8]>::len))
        }
        _ => Err(NodeError::invalid_arg_type(
            "string",
            "of type string or an instance of Buffer or ArrayBuffer",
            value,
        )),
    }
}

/// `Buffer.isEncoding(value)`: true only for a string naming one of the seven encodings.
pub fn is_encoding(value: &Arg<'_>) -> bool {
    match *value {
        Arg::String(s) => Encoding::parse_js(s).is_some(),
        _ => false,
    }
}
