//! `buf.copy(target, targetStart, sourceStart, sourceEnd)`.

use super::coerce::to_integer_or;
use super::compare::expect_uint8_array;
use crate::args::Arg;
use crate::error::NodeError;
use crate::ops::copy::copy_count;

/// What `buf.copy` will do once validated: copy `len` bytes from `source_start` in the source
/// to `target_start` in the target (a `memmove`: source and target may be the same memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopyPlan {
    /// First source byte.
    pub source_start: usize,
    /// First target byte.
    pub target_start: usize,
    /// Bytes to copy (also `copy`'s return value).
    pub len: usize,
}

/// Validates `buf.copy`'s arguments for a source of `source_len` bytes and returns the plan.
/// `target` only needs to describe the target (its bytes give its length; they are not
/// written), so source and target may be the same memory.
pub fn copy_plan(
    source_len: usize,
    target: &Arg<'_>,
    target_start: &Arg<'_>,
    source_start: &Arg<'_>,
    source_end: &Arg<'_>,
) -> Result<CopyPlan, NodeError> {
    let target_len = expect_uint8_array(target, "target")?.len();
    copy_plan_for_len(
        source_len,
        target_len,
        target_start,
        source_start,
        source_end,
    )
}

/// [`copy_plan`] for a target already known to be a Buffer/Uint8Array of `target_len` bytes.
/// Node's rules: each position is `toInteger` (`+x`, floored; NaN or values beyond the safe
/// integers take the default); `targetStart >= 0`, `0 <= sourceStart <= source length`,
/// `sourceEnd >= 0` (default: source length), checked in that order; nothing is copied when
/// `targetStart` is past the target or the source range is empty.
pub fn copy_plan_for_len(
    source_len: usize,
    target_len: usize,
    target_start: &Arg<'_>,
    source_start: &Arg<'_>,
    source_end: &Arg<'_>,
) -> Result<CopyPlan, NodeError> {
    let ts = to_integer_or(target_start, 0.0)?;
    if ts < 0.0 {
        return Err(NodeError::out_of_range(
            "targetStart",
            ">= 0",
            &Arg::Number(ts),
        ));
    }
    let ss = to_integer_or(source_start, 0.0)?;
    if ss < 0.0 || ss > source_len as f64 {
        return Err(NodeError::out_of_range(
            "sourceStart",
            &format!(">= 0 && <= {source_len}"),
            &Arg::Number(ss),
        ));
    }
    let se = match source_end {
        Arg::Undefined => source_len as f64,
        _ => to_integer_or(source_end, 0.0)?,
    };
    if se < 0.0 {
        return Err(NodeError::out_of_range(
            "sourceEnd",
            ">= 0",
            &Arg::Number(se),
        ));
    }
    if ts >= target_len as f64 || ss >= se {
        return Ok(CopyPlan {
            source_start: 0,
            target_start: 0,
            len: 0,
        });
    }
    // All three are non-negative integers here; `as` saturates the huge ones, which the clamp
    // absorbs.
    let (ts, ss, se) = (ts as usize, ss as usize, se as usize);
    Ok(CopyPlan {
        source_start: ss,
        target_start: ts,
        len: copy_count(source_len, target_len, ts, ss, se),
    })
}

/// The last steps of `buf.copy` once Node's JS checked each position as it converted it (the
/// `sourceStart` bound against the source length of that moment): with the lengths of now,
/// nothing is copied when `targetStart` is past the target or the source range is empty;
/// otherwise the count is clamped to both. A `sourceStart` past the source as it is now (it
/// shrank after the check) makes Node build `new Uint8Array(buffer, offset, count)` with a
/// negative count: V8's `RangeError: Invalid typed array length: <count>`.
pub fn copy_plan_after_checks(
    source_len: usize,
    target_len: usize,
    target_start: &Arg<'_>,
    source_start: &Arg<'_>,
    source_end: &Arg<'_>,
) -> Result<CopyPlan, NodeError> {
    let ts = to_integer_or(target_start, 0.0)?;
    let ss = to_integer_or(source_start, 0.0)?;
    let se = match source_end {
        Arg::Undefined => source_len as f64,
        _ => to_integer_or(source_end, 0.0)?,
    };
    if ts >= 0.0 && se >= 0.0 && (ts >= target_len as f64 || ss >= se) {
        return Ok(CopyPlan {
            source_start: 0,
            target_start: 0,
            len: 0,
        });
    }
    if ts >= 0.0 && ss >= 0.0 && se >= 0.0 && ss > source_len as f64 {
        let count = (se - ss).min(target_len as f64 - ts);
        let count = count.min(source_len as f64 - ss);
        return Err(NodeError::without_code(
            crate::error::ErrorClass::RangeError,
            format!(
                "Invalid typed array length: {}",
                crate::number::to_string(count)
            ),
        ));
    }
    copy_plan_for_len(
        source_len,
        target_len,
        target_start,
        source_start,
        source_end,
    )
}

/// `buf.copy(target, ...)` between two distinct Buffers/Uint8Arrays: validates with
/// [`copy_plan_for_len`], copies, and returns the number of bytes copied. (For a target that
/// may share memory with the source, use [`copy_plan`] and carry out the `memmove` yourself.)
pub fn copy(
    source: &[u8],
    target: &mut [u8],
    target_start: &Arg<'_>,
    source_start: &Arg<'_>,
    source_end: &Arg<'_>,
) -> Result<usize, NodeError> {
    let plan = copy_plan_for_len(
        source.len(),
        target.len(),
        target_start,
        source_start,
        source_end,
    )?;
    crate::ops::copy::copy_into(
        &source[plan.source_start..plan.source_start + plan.len],
        &mut target[plan.target_start..plan.target_start + plan.len],
    );
    Ok(plan.len)
}
