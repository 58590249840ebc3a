//! The validation layer of the static Buffer constructors (`Buffer.alloc`, `allocUnsafe`,
//! `allocUnsafeSlow`, `from`, `concat`, `copyBytesFrom`): everything that can be decided before
//! memory is allocated, with Node's messages. Allocation itself belongs to `crate::buffer`.

use super::coerce::{expect_number, k_max_length, to_number, validate_integer};
use super::compare::BUFFER_OR_UINT8ARRAY;
use super::fill::fill;
use crate::args::Arg;
use crate::error::{expected_types, NodeError};
use crate::number;

/// `Number.MAX_SAFE_INTEGER`, the bound `Buffer.copyBytesFrom` checks against.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// The `size` of `Buffer.alloc/allocUnsafe/allocUnsafeSlow(size)` and `new Buffer(size)`: a
/// number (`ERR_INVALID_ARG_TYPE`) in `0..=2**32` (`ERR_OUT_OF_RANGE`, NaN included);
/// fractions truncate.
#[inline]
pub fn validate_size(size: &Arg<'_>) -> Result<usize, NodeError> {
    match *size {
        Arg::Number(n) if (0.0..=k_max_length()).contains(&n) => Ok(n as usize),
        _ => Err(size_error(size)),
    }
}

/// [`validate_size`]'s error, kept out of line so the check inlines into every allocation.
#[cold]
#[inline(never)]
fn size_error(size: &Arg<'_>) -> NodeError {
    if let Err(e) = expect_number(size, "size") {
        return e;
    }
    NodeError::out_of_range(
        "size",
        &format!(">= 0 && <= {}", number::to_string(k_max_length())),
        size,
    )
}

/// The fill step of `Buffer.alloc(size, fill, encoding)` on the new zeroed bytes: nothing for
/// `fill` undefined or 0 or an empty buffer, else `buf.fill(fill, encoding)` rules.
pub fn alloc_fill(
    buf: &mut [u8],
    fill_value: &Arg<'_>,
    encoding: &Arg<'_>,
) -> Result<(), NodeError> {
    let skip =
        matches!(fill_value, Arg::Undefined) || matches!(fill_value, Arg::Number(n) if *n == 0.0);
    if skip || buf.is_empty() {
        return Ok(());
    }
    // Node fills from an explicit 0 to the length, so the encoding is honoured.
    let len = buf.len() as f64;
    fill(
        buf,
        fill_value,
        &Arg::Number(0.0),
        &Arg::Number(len),
        encoding,
    )
}

/// The error of `Buffer.from(value)` for a value it cannot take (numbers, booleans, symbols,
/// null, undefined, functions, objects without a usable primitive or length).
pub fn from_invalid(value: &Arg<'_>) -> NodeError {
    NodeError::invalid_arg_type(
        "first argument",
        &expected_types(
            &["string"],
            &["Buffer", "ArrayBuffer", "Array"],
            &["an Array-like Object"],
        ),
        value,
    )
}

/// The byte range `Buffer.from(arrayBuffer, byteOffset, length)` views, for an ArrayBuffer of
/// `ab_len` bytes: `byteOffset` and `length` are `+value`, then Node's rules as
/// `Buffer::from_array_buffer` applies them (`ERR_BUFFER_OUT_OF_BOUNDS` for `"offset"` /
/// `"length"`, V8's `Start offset -1 is outside the bounds of the buffer` for a negative offset).
pub fn from_array_buffer_range(
    ab_len: usize,
    byte_offset: &Arg<'_>,
    length: &Arg<'_>,
) -> Result<std::ops::Range<usize>, NodeError> {
    let offset = to_number(byte_offset)?;
    crate::buffer::array_buffer_range(ab_len, Some(offset), || match length {
        Arg::Undefined => Ok(None),
        _ => to_number(length).map(Some),
    })
}

/// `Buffer.concat(list, totalLength)`: the error for a `list` that is not an Array.
pub fn concat_list_invalid(list: &Arg<'_>) -> NodeError {
    NodeError::invalid_arg_type("list", "an instance of Array", list)
}

/// `Buffer.concat`: the bytes of `list[index]`, which must be a Buffer or Uint8Array.
pub fn concat_item<'a>(index: usize, item: &Arg<'a>) -> Result<&'a [u8], NodeError> {
    // The name is formatted only on failure: this runs for every item of every concat.
    item.uint8_array_bytes().ok_or_else(|| {
        NodeError::invalid_arg_type(&format!("list[{index}]"), BUFFER_OR_UINT8ARRAY, item)
    })
}

/// `Buffer.concat`'s `totalLength`: `undefined` means the sum of the items' lengths, otherwise
/// an integer in `0..=2**32`. (The result is zero-padded past the items when longer.)
pub fn concat_length(total_length: &Arg<'_>, sum: usize) -> Result<usize, NodeError> {
    match total_length {
        Arg::Undefined => Ok(sum),
        _ => Ok(validate_integer(total_length, "length", 0.0, k_max_length())? as usize),
    }
}

/// `Buffer.copyBytesFrom(view, offset, length)`: the byte range to copy out of a typed array
/// of `element_count` elements of `element_size` bytes, or Node's errors (`view` must be a
/// typed array; `offset`/`length` integers in `0..=2**53-1`).
pub fn copy_bytes_from_range(
    view: &Arg<'_>,
    element_count: usize,
    element_size: usize,
    offset: &Arg<'_>,
    length: &Arg<'_>,
) -> Result<std::ops::Range<usize>, NodeError> {
    let is_typed = matches!(view, Arg::Object(o) if o.is_typed_array());
    if !is_typed {
        return Err(NodeError::invalid_arg_type(
            "view",
            "an instance of TypedArray",
            view,
        ));
    }
    // Node returns early for an empty view, then for an offset at or past the end, before the
    // later arguments are looked at.
    if element_count == 0 {
        return Ok(0..0);
    }
    let start = match offset {
        Arg::Undefined => 0.0,
        _ => validate_integer(offset, "offset", 0.0, MAX_SAFE_INTEGER)?,
    };
    if start >= element_count as f64 {
        return Ok(0..0);
    }
    let end = match length {
        Arg::Undefined => element_count as f64,
        _ => start + validate_integer(length, "length", 0.0, MAX_SAFE_INTEGER)?,
    };
    let end = end.min(element_count as f64) as usize;
    let start = start as usize;
    Ok(start * element_size..end.max(start) * element_size)
}
