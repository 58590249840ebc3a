//! `buf.copy(target, targetStart, sourceStart, sourceEnd)`.

use super::coerce::to_integer_or;
use super::compare::expect_uint8_array;
use crate::args::Arg;
use crate::error::NodeError;
use crate::number::EXACT_INTEGERS;
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
/// `sourceEnd >= 0` (default: source length), checked in that order, each as soon as it is
/// converted; nothing is copied when `targetStart` is past the target or the source range is
/// empty.
pub fn copy_plan_for_len(
    source_len: usize,
    target_len: usize,
    target_start: &Arg<'_>,
    source_start: &Arg<'_>,
    source_end: &Arg<'_>,
) -> Result<CopyPlan, NodeError> {
    // The common call: each position undefined or a number that converts to itself (a
    // non-negative safe integer), `sourceStart` within the source. Every check passes, so no
    // conversion (no `floor`, no fallible step) is needed.
    if let (Some(ts), Some(ss), Some(se)) = (
        position_as_is(target_start, 0),
        position_as_is(source_start, 0),
        position_as_is(source_end, source_len),
    ) {
        if ss <= source_len {
            return Ok(plan_within(
                source_len, target_len, ts as f64, ss as f64, se as f64,
            ));
        }
    }
    copy_plan_converted(
        source_len,
        target_len,
        target_start,
        source_start,
        source_end,
    )
}

/// A position Node's `toInteger` leaves as it is: `default` for undefined, else a number that
/// is a non-negative safe integer (-0 is 0). `None` for anything that needs converting.
#[inline]
fn position_as_is(arg: &Arg<'_>, default: usize) -> Option<usize> {
    match *arg {
        Arg::Undefined => Some(default),
        // The cast truncates; comparing back tells an integer without a `floor` call.
        Arg::Number(n) if (0.0..EXACT_INTEGERS).contains(&n) && (n as u64) as f64 == n => {
            Some(n as usize)
        }
        _ => None,
    }
}

/// [`copy_plan_for_len`] with each position converted and checked as Node's JS does.
fn copy_plan_converted(
    source_len: usize,
    target_len: usize,
    target_start: &Arg<'_>,
    source_start: &Arg<'_>,
    source_end: &Arg<'_>,
) -> Result<CopyPlan, NodeError> {
    let ts = check_target_start(to_integer_or(target_start, 0.0)?)?;
    let ss = check_source_start(to_integer_or(source_start, 0.0)?, source_len)?;
    let se = check_source_end(source_end_position(source_end, source_len)?)?;
    Ok(plan_within(source_len, target_len, ts, ss, se))
}

/// `sourceEnd` as an integer position (the source length when undefined).
fn source_end_position(source_end: &Arg<'_>, source_len: usize) -> Result<f64, NodeError> {
    match source_end {
        Arg::Undefined => Ok(source_len as f64),
        _ => to_integer_or(source_end, 0.0),
    }
}

/// Node's `targetStart >= 0` check of a converted position.
fn check_target_start(ts: f64) -> Result<f64, NodeError> {
    if ts < 0.0 {
        return Err(NodeError::out_of_range(
            "targetStart",
            ">= 0",
            &Arg::Number(ts),
        ));
    }
    Ok(ts)
}

/// Node's `0 <= sourceStart <= source length` check of a converted position.
fn check_source_start(ss: f64, source_len: usize) -> Result<f64, NodeError> {
    if ss < 0.0 || ss > source_len as f64 {
        return Err(NodeError::out_of_range(
            "sourceStart",
            &format!(">= 0 && <= {source_len}"),
            &Arg::Number(ss),
        ));
    }
    Ok(ss)
}

/// Node's `sourceEnd >= 0` check of a converted position.
fn check_source_end(se: f64) -> Result<f64, NodeError> {
    if se < 0.0 {
        return Err(NodeError::out_of_range(
            "sourceEnd",
            ">= 0",
            &Arg::Number(se),
        ));
    }
    Ok(se)
}

/// The plan for checked positions: nothing when `targetStart` is past the target or the
/// source range is empty, else the count clamped to both.
fn plan_within(source_len: usize, target_len: usize, ts: f64, ss: f64, se: f64) -> CopyPlan {
    if ts >= target_len as f64 || ss >= se {
        return CopyPlan {
            source_start: 0,
            target_start: 0,
            len: 0,
        };
    }
    // All three are non-negative integers here; `as` saturates the huge ones, which the clamp
    // absorbs.
    let (ts, ss, se) = (ts as usize, ss as usize, se as usize);
    CopyPlan {
        source_start: ss,
        target_start: ts,
        len: copy_count(source_len, target_len, ts, ss, se),
    }
}

/// The last steps of `buf.copy` once Node's JS checked each position as it converted it (the
/// `sourceStart` bound against the source length of that moment): with the lengths of now,
/// nothing is copied when `targetStart` is past the target or the source range is empty;
/// otherwise the count is clamped to both. A `sourceStart` past the source as it is now (it
/// shrank after the check) makes Node build `new Uint8Array(buffer, offset, count)` with a
/// negative count: V8's `RangeError: Invalid typed array length: <count>`. Each position is
/// converted once.
pub fn copy_plan_after_checks(
    source_len: usize,
    target_len: usize,
    target_start: &Arg<'_>,
    source_start: &Arg<'_>,
    source_end: &Arg<'_>,
) -> Result<CopyPlan, NodeError> {
    let ts = to_integer_or(target_start, 0.0)?;
    let ss = to_integer_or(source_start, 0.0)?;
    let se = source_end_position(source_end, source_len)?;
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
    let ts = check_target_start(ts)?;
    let ss = check_source_start(ss, source_len)?;
    let se = check_source_end(se)?;
    Ok(plan_within(source_len, target_len, ts, ss, se))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn n(v: f64) -> Arg<'static> {
        Arg::Number(v)
    }

    #[test]
    fn after_checks_agrees_with_the_plain_plan_on_unchanged_lengths() {
        for (ts, ss, se) in [
            (0.0, 0.0, 8.0),
            (2.0, 1.0, 5.0),
            (7.5, 0.0, 3.0),
            (0.0, 4.0, 2.0),
        ] {
            assert_eq!(
                copy_plan_after_checks(8, 6, &n(ts), &n(ss), &n(se)),
                copy_plan_for_len(8, 6, &n(ts), &n(ss), &n(se))
            );
        }
        let err = copy_plan_after_checks(8, 6, &n(-1.0), &n(0.0), &Arg::Undefined).unwrap_err();
        assert!(err.to_string().contains("targetStart"), "{err}");
    }

    #[test]
    fn positions_taken_as_they_are_plan_as_converted_ones() {
        let values = [
            Arg::Undefined,
            Arg::Null,
            Arg::Bool(true),
            n(0.0),
            n(-0.0),
            n(1.0),
            n(2.5),
            n(-1.0),
            n(-0.5),
            n(5.0),
            n(8.0),
            n(9.0),
            n(1e20),
            n(9_007_199_254_740_991.0),
            n(9_007_199_254_740_992.0),
            n(f64::NAN),
            n(f64::INFINITY),
            n(f64::NEG_INFINITY),
        ];
        for source_len in [0, 5, 8] {
            for target_len in [0, 3, 8] {
                for ts in &values {
                    for ss in &values {
                        for se in &values {
                            let plain = copy_plan_for_len(source_len, target_len, ts, ss, se);
                            let converted = copy_plan_converted(source_len, target_len, ts, ss, se);
                            assert_eq!(
                                plain.map_err(|e| e.to_string()),
                                converted.map_err(|e| e.to_string()),
                                "{source_len} {target_len} {ts:?} {ss:?} {se:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn after_checks_on_a_source_shrunk_below_its_checked_start() {
        // sourceStart 5 was checked against 8 bytes; the source now has 2.
        let err = copy_plan_after_checks(2, 8, &n(0.0), &n(5.0), &n(7.0)).unwrap_err();
        assert!(
            err.to_string().contains("Invalid typed array length: -3"),
            "{err}"
        );
        // An empty range copies nothing before that.
        let plan = copy_plan_after_checks(2, 8, &n(0.0), &n(5.0), &n(5.0)).unwrap();
        assert_eq!(plan.len, 0);
    }
}
