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

/// Node's native half of `buf.compare(target, ...)` (`compareOffset`), for a call whose JS half
/// took its ends from `length` properties a script defined: `source` and `target` are the real
/// bytes, the offsets what Node's JS passes (`None`: `undefined`, the real length; otherwise
/// truncated towards zero, as `IntegerValue` does, a negative one being `Index out of range`).
/// A start past the real bytes is Node's `ERR_OUT_OF_RANGE`; a compared range past the
/// target's real bytes, where Node's `memcmp` reads memory the target does not own, is refused
/// with [`NodeError::visible_length_past_memory`].
pub fn compare_offset(
    source: &[u8],
    target: &[u8],
    [target_start, source_start, target_end, source_end]: [Option<f64>; 4],
) -> Result<i32, NodeError> {
    let index = |v: Option<f64>, default: usize| -> Result<usize, NodeError> {
        match v {
            None => Ok(default),
            Some(n) if n.is_nan() => Ok(0),
            Some(n) if n.trunc() < 0.0 => Err(NodeError::index_out_of_range()),
            Some(n) => Ok(n.trunc().min(usize::MAX as f64) as usize),
        }
    };
    let ts = index(target_start, 0)?;
    let ss = index(source_start, 0)?;
    let te = index(target_end, target.len())?;
    let se = index(source_end, source.len())?;
    let start_error = |name: &str| {
        NodeError::new(
            crate::error::ErrorClass::RangeError,
            "ERR_OUT_OF_RANGE",
            format!("The value of \"{name}\" is out of range."),
        )
    };
    if ss > source.len() {
        return Err(start_error("sourceStart"));
    }
    if ts > target.len() {
        return Err(start_error("targetStart"));
    }
    if ss > se || ts > te {
        // Node's native CHECKs these and aborts the process.
        return Err(NodeError::visible_length_past_memory("compare"));
    }
    let (a_len, b_len) = (se - ss, te - ts);
    let to_cmp = a_len.min(b_len).min(source.len() - ss);
    if to_cmp > target.len() - ts {
        return Err(NodeError::visible_length_past_memory("compare"));
    }
    let c = source[ss..ss + to_cmp].cmp(&target[ts..ts + to_cmp]);
    Ok(match c {
        std::cmp::Ordering::Equal => match a_len.cmp(&b_len) {
            std::cmp::Ordering::Greater => 1,
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
        },
        std::cmp::Ordering::Greater => 1,
        std::cmp::Ordering::Less => -1,
    })
}

#[cfg(test)]
mod compare_offset_tests {
    use super::*;

    #[test]
    fn compares_within_the_real_bytes_and_refuses_past_the_target() {
        let (a, b) = ([1u8, 2, 3, 4], [1u8, 2, 3]);
        // Equal prefix, the longer range wins (Node's normalizeCompareVal).
        assert_eq!(
            compare_offset(&a, &b, [Some(0.0), Some(0.0), Some(2.0), Some(3.0)]),
            Ok(1)
        );
        // Defaults: the real lengths; truncation of fractions as IntegerValue does.
        assert_eq!(compare_offset(&a[..3], &b, [None, None, None, None]), Ok(0));
        assert_eq!(
            compare_offset(&a, &b, [Some(1.9), Some(1.0), Some(2.0), Some(2.0)]),
            Ok(0)
        );
        // A start past the real bytes is Node's range error, naming the argument.
        let e = compare_offset(&a, &b, [Some(4.0), Some(0.0), Some(9.0), Some(1.0)]).unwrap_err();
        assert_eq!(e.message, "The value of \"targetStart\" is out of range.");
        assert!(compare_offset(&a, &b, [Some(-1.0), Some(0.0), None, None]).is_err());
        // A visible target end past its real bytes (where Node's memcmp over-reads) is refused.
        let e = compare_offset(&a, &b, [Some(0.0), Some(0.0), Some(64.0), None]).unwrap_err();
        assert_eq!(e.code, Some("ERR_INVALID_STATE"));
    }
}
