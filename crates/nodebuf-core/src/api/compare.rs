//! `buf.compare`, `buf.equals`, `Buffer.compare`.

use super::coerce::{validate_integer, K_MAX_LENGTH};
use crate::args::Arg;
use crate::error::NodeError;
use crate::ops::compare as raw;

/// The expected-type text for arguments that must be a Buffer or Uint8Array.
pub(crate) const BUFFER_OR_UINT8ARRAY: &str = "an instance of Buffer or Uint8Array";

/// The bytes of a Buffer/Uint8Array argument called `name`, or Node's `ERR_INVALID_ARG_TYPE`.
pub fn expect_uint8_array<'a>(arg: &Arg<'a>, name: &str) -> Result<&'a [u8], NodeError> {
    arg.uint8_array_bytes()
        .ok_or_else(|| NodeError::invalid_arg_type(name, BUFFER_OR_UINT8ARRAY, arg))
}

/// `buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd)`: -1, 0 or 1.
/// `targetStart`/`sourceStart` must be integers in `0..=2**32`, `targetEnd` in
/// `0..=target.length`, `sourceEnd` in `0..=buf.length`; an empty source range compares equal
/// to an empty target range and less than a non-empty one.
pub fn compare(
    buf: &[u8],
    target: &Arg<'_>,
    target_start: &Arg<'_>,
    target_end: &Arg<'_>,
    source_start: &Arg<'_>,
    source_end: &Arg<'_>,
) -> Result<i32, NodeError> {
    let target = expect_uint8_array(target, "target")?;
    let bound = |arg: &Arg<'_>, name: &str, default: usize, max: f64| -> Result<usize, NodeError> {
        match arg {
            Arg::Undefined => Ok(default),
            _ => Ok(validate_integer(arg, name, 0.0, max)? as usize),
        }
    };
    let ts = bound(target_start, "targetStart", 0, K_MAX_LENGTH)?;
    let te = bound(target_end, "targetEnd", target.len(), target.len() as f64)?;
    let ss = bound(source_start, "sourceStart", 0, K_MAX_LENGTH)?;
    let se = bound(source_end, "sourceEnd", buf.len(), buf.len() as f64)?;
    if ss >= se {
        return Ok(if ts >= te { 0 } else { -1 });
    }
    if ts >= te {
        return Ok(1);
    }
    Ok(raw::compare(&buf[ss..se], &target[ts..te]))
}

/// `buf.equals(otherBuffer)`: same bytes; the argument must be a Buffer or Uint8Array.
pub fn equals(buf: &[u8], other: &Arg<'_>) -> Result<bool, NodeError> {
    Ok(raw::equals(buf, expect_uint8_array(other, "otherBuffer")?))
}

/// `Buffer.compare(buf1, buf2)`: -1, 0 or 1; both must be Buffers or Uint8Arrays.
pub fn buffer_compare(buf1: &Arg<'_>, buf2: &Arg<'_>) -> Result<i32, NodeError> {
    let a = expect_uint8_array(buf1, "buf1")?;
    let b = expect_uint8_array(buf2, "buf2")?;
    Ok(raw::compare(a, b))
}
