//! `buf.fill(value[, offset[, end]][, encoding])`.

use super::coerce::{encoding_must_be_string, to_number, validate_integer, K_MAX_LENGTH};
use crate::args::Arg;
use crate::encoding::{self, Encoding};
use crate::error::NodeError;
use crate::number;
use crate::ops::fill::fill_pattern;

/// `buf.fill(value, offset, end, encoding)` on `buf`'s bytes, in Node's order: for a string
/// value an encoding may stand in the offset or end position and is checked first (must be a
/// string naming an encoding); then `offset` (integer in `0..=2**32`) and `end` (integer in
/// `0..=len`); an empty range returns before the value is looked at; then numbers fill
/// `value & 255`, strings their encoded bytes (`''` fills 0, undecodable strings throw
/// `ERR_INVALID_ARG_VALUE`), typed arrays and DataViews their bytes (empty ones throw), and
/// anything else `+value & 255`.
///
/// A view value's bytes must not overlap `buf` (copy them first if they might).
pub fn fill(
    buf: &mut [u8],
    value: &Arg<'_>,
    offset: &Arg<'_>,
    end: &Arg<'_>,
    encoding: &Arg<'_>,
) -> Result<(), NodeError> {
    let Some((range, enc)) = fill_range(buf.len(), value, offset, end, encoding)? else {
        return Ok(());
    };
    if range.is_empty() {
        // Only an empty buffer with no offset gets here: Node's native fill still converts a
        // value that is neither a string nor a view (BigInts and Symbols throw).
        let keeps = matches!(value, Arg::String(_))
            || matches!(value, Arg::Object(o) if o.is_array_buffer_view());
        if !keeps {
            to_number(value)?;
        }
        return Ok(());
    }
    let range = &mut buf[range];
    match *value {
        Arg::String(s) if s.is_empty() => range.fill(0),
        Arg::String(s) => {
            let bytes = encoding::encode(enc, s);
            if bytes.is_empty() {
                return Err(NodeError::invalid_arg_value("value", value));
            }
            fill_pattern(range, &bytes);
        }
        Arg::Object(o) if o.is_array_buffer_view() => {
            let bytes = o.bytes.unwrap_or(&[]);
            if bytes.is_empty() {
                return Err(NodeError::invalid_arg_value("value", value));
            }
            fill_pattern(range, bytes);
        }
        _ => {
            let n = to_number(value)?;
            range.fill(number::to_uint8(n));
        }
    }
    Ok(())
}

/// The checks `buf.fill` makes before it looks at a non-string value, on a buffer of `len`
/// bytes: the encoding (string values only), `offset`, `end`. Returns the byte range to fill
/// and the string's encoding, or `None` for an empty range given by offset/end. (Node converts an object value
/// with `valueOf` only after these pass, so callers that coerce values ask this first.)
pub fn fill_range(
    len: usize,
    value: &Arg<'_>,
    offset: &Arg<'_>,
    end: &Arg<'_>,
    encoding: &Arg<'_>,
) -> Result<Option<(std::ops::Range<usize>, Encoding)>, NodeError> {
    let (mut offset, mut end, mut encoding_arg) = (*offset, *end, *encoding);
    let mut enc = Encoding::Utf8;
    if let Arg::String(_) = value {
        // A missing or string offset takes the encoding's place (so `fill(str, undefined,
        // undefined, 'hex')` ignores 'hex', as in Node), then the whole buffer is filled.
        if matches!(offset, Arg::Undefined | Arg::String(_)) {
            encoding_arg = offset;
            offset = Arg::Undefined;
            end = Arg::Undefined;
        } else if let Arg::String(_) = end {
            encoding_arg = end;
            end = Arg::Undefined;
        }
        enc = fill_encoding(value, &encoding_arg)?;
    }
    // A missing offset means the whole buffer: `end` is then not even looked at, and there is
    // no early return for an empty range (the value is still converted).
    let (start, stop) = match offset {
        Arg::Undefined => return Ok(Some((0..len, enc))),
        _ => (
            validate_integer(&offset, "offset", 0.0, K_MAX_LENGTH)?,
            match end {
                Arg::Undefined => len as f64,
                _ => validate_integer(&end, "end", 0.0, len as f64)?,
            },
        ),
    };
    if start >= stop {
        return Ok(None);
    }
    Ok(Some((start as usize..stop as usize, enc)))
}

/// The encoding `buf.fill` fills a string `value` in, from the argument that names it (after
/// a string offset or end took its place): Node's `normalizeEncoding`, which must succeed
/// (`ERR_INVALID_ARG_TYPE` for a non-string, `ERR_UNKNOWN_ENCODING` for an unknown name).
pub fn fill_encoding(value: &Arg<'_>, encoding: &Arg<'_>) -> Result<Encoding, NodeError> {
    match *encoding {
        // Node validates a String object by its text (`new String('hex')` passes) but its
        // native fill reads only real strings and fills utf8, unless one character took
        // the latin1 fast path before.
        Arg::Object(o) if o.constructor_name == Some("String") => {
            let named = o
                .string
                .filter(|s| !s.is_empty())
                .and_then(Encoding::parse)
                .ok_or_else(|| {
                    NodeError::invalid_arg_type("encoding", "of type string", encoding)
                })?;
            let one_unit = matches!(value, Arg::String(s) if s.len() == 1);
            Ok(if one_unit && named == Encoding::Latin1 {
                Encoding::Latin1
            } else {
                Encoding::Utf8
            })
        }
        _ => encoding_must_be_string(encoding),
    }
}
