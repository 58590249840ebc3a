//! JS Number semantics shared by every layer: the spec's conversions (`ToIntegerOrInfinity`,
//! `ToUint32` and the narrower `ToInt8` ... `ToUint8Clamp`, `ToIndex`, the relative-index clamp
//! of `subarray`/`slice`), and Numbers as text exactly as JS prints them (`Number::toString`,
//! plus Node's `_` digit grouping in range errors).

/// `ToIntegerOrInfinity`: NaN → 0, otherwise truncation toward zero (−0 becomes +0).
pub fn to_integer_or_infinity(v: f64) -> f64 {
    if v.is_nan() {
        0.0
    } else {
        v.trunc() + 0.0
    }
}

/// The integer `v` reduced modulo 2^32 (`ToUint32`); the narrower `ToIntN`/`ToUintN` are the low
/// bits of this, reinterpreted.
pub fn to_uint32(v: f64) -> u32 {
    // Fast path: below 2^63 in magnitude the saturating cast is exact truncation, and wrapping
    // the integer to 32 bits is the modular reduction. NaN fails the comparison.
    if v.abs() < 9_223_372_036_854_775_808.0 {
        return v as i64 as u32;
    }
    if !v.is_finite() {
        return 0;
    }
    // `rem_euclid` on doubles is exact, so huge values reduce correctly.
    v.trunc().rem_euclid(4_294_967_296.0) as u32
}

/// `ToInt32` (`x | 0`; what `Int32Array` elements and `DataView.setInt32` store).
pub fn to_int32(v: f64) -> i32 {
    to_uint32(v) as i32
}

/// `ToUint16` (what `Uint16Array` elements and `DataView.setUint16` store).
pub fn to_uint16(v: f64) -> u16 {
    to_uint32(v) as u16
}

/// `ToInt16` (what `Int16Array` elements and `DataView.setInt16` store).
pub fn to_int16(v: f64) -> i16 {
    to_uint32(v) as i16
}

/// `ToUint8` (what `Uint8Array` elements and `DataView.setUint8` store).
pub fn to_uint8(v: f64) -> u8 {
    to_uint32(v) as u8
}

/// `ToInt8` (what `Int8Array` elements and `DataView.setInt8` store).
pub fn to_int8(v: f64) -> i8 {
    to_uint32(v) as i8
}

/// `ToUint8Clamp` (for `Uint8ClampedArray`): NaN → 0, clamped to 0..=255, rounded half to even.
pub fn to_uint8_clamp(v: f64) -> u8 {
    if v.is_nan() || v <= 0.0 {
        0
    } else if v >= 255.0 {
        255
    } else {
        v.round_ties_even() as u8
    }
}

/// Rounds a Number to the nearest Float32 (ties to even), as a `Float32Array` store does.
pub fn to_float32(v: f64) -> f32 {
    v as f32
}

/// `ToIndex`: the integer value of `v`, or `None` when it is negative or above 2^53 − 1 (or,
/// on targets with a narrower `usize`, not addressable at all), where JS throws a RangeError.
pub fn to_index(v: f64) -> Option<usize> {
    let i = to_integer_or_infinity(v);
    if !(0.0..=9_007_199_254_740_991.0).contains(&i) {
        return None;
    }
    usize::try_from(i as u64).ok()
}

/// JS's relative-index clamp (`TypedArray.prototype.subarray`, `ArrayBuffer.prototype.slice`,
/// `buf.subarray`): a negative index counts back from `len`, then the result is clamped to
/// `0..=len`. Callers pass JS Numbers through `as i64` (truncation, saturation and NaN → 0 match
/// `ToIntegerOrInfinity` for this purpose).
pub fn relative_index(rel: i64, len: usize) -> usize {
    if rel < 0 {
        len.saturating_sub(usize::try_from(rel.unsigned_abs()).unwrap_or(usize::MAX))
    } else {
        usize::try_from(rel).unwrap_or(usize::MAX).min(len)
    }
}

/// The largest integer every smaller one of which a double holds exactly (2^53).
pub(crate) const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;

/// ECMAScript `Number::toString(x)` in radix 10, which `String(n)` and template literals use:
/// the shortest digits that read back as `x` (ties between two such digit strings go to the
/// even one, as the spec requires), plain notation for decimal exponents -7 < e < 21, else
/// `1e+21` / `1.5e-7`; NaN, `Infinity`, `-Infinity`; `-0` prints `0`.
pub fn to_string(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if v.fract() == 0.0 && v.abs() <= EXACT_INTEGERS {
        // Every digit of such an integer is needed to read it back (the common case in
        // messages); `as i64` also turns -0 into 0.
        return (v as i64).to_string();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let (digits, exp) = shortest_digits(v.abs());
    let k = digits.len() as i32;
    // `n` is where the decimal point goes relative to the digits (Number::toString's n).
    let n = exp + 1;
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let e = n - 1;
        let e_sign = if e < 0 { '-' } else { '+' };
        match digits.len() {
            1 => format!("{digits}e{e_sign}{}", e.abs()),
            _ => format!("{}.{}e{e_sign}{}", &digits[..1], &digits[1..], e.abs()),
        }
    };
    format!("{sign}{body}")
}

/// The shortest decimal digits that read back as `v` (> 0, finite) and the power of ten of the
/// first digit. When two such digit strings are equally close to `v`, JS takes the one ending in
/// an even digit; Rust's formatter may take the other, so that case is corrected here.
fn shortest_digits(v: f64) -> (String, i32) {
    let s = format!("{v:e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let k = digits.len();
    // Only an odd last digit can be the wrong side of a tie, and only a string of 15 digits or
    // more can sit on one (fewer digits are further apart than two doubles); the exact
    // expansion that decides it is costly (800 digits), so it is made only then.
    let last = digits.as_bytes()[k - 1] - b'0';
    if k >= 15 && last % 2 == 1 {
        // Exact decimal expansion (every double has a finite one; 800 digits cover them all).
        let exact = format!("{v:.800e}");
        let exact_digits: String = exact
            .split_once('e')
            .map_or(exact.as_str(), |(m, _)| m)
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let tail = &exact_digits[k.min(exact_digits.len())..];
        let is_tie = tail.starts_with('5') && tail[1..].bytes().all(|b| b == b'0');
        if is_tie {
            // The other candidate is the truncation or the truncation plus one: whichever
            // differs from ours by one in the last digit and still reads back as `v`.
            let truncated = &exact_digits[..k];
            let other = if truncated != digits {
                truncated.to_string()
            } else {
                increment(truncated)
            };
            if other.len() == k && format!("{}.{}e{exp}", &other[..1], &other[1..]).parse() == Ok(v)
            {
                digits = other;
            }
        }
    }
    let trimmed = digits.trim_end_matches('0');
    let digits = if trimmed.is_empty() { "0" } else { trimmed }.to_string();
    (digits, exp)
}

/// A decimal digit string plus one in its last place (may grow by a digit).
fn increment(digits: &str) -> String {
    let mut out: Vec<u8> = digits.bytes().collect();
    for d in out.iter_mut().rev() {
        if *d == b'9' {
            *d = b'0';
        } else {
            *d += 1;
            return String::from_utf8(out).unwrap_or_default();
        }
    }
    format!("1{}", String::from_utf8(out).unwrap_or_default())
}

/// Node's `_` grouping of the digits in `ERR_OUT_OF_RANGE`'s `Received` part (integers beyond
/// 2**32 in magnitude, BigInts beyond 2n**32n): an `_` before every group of three characters
/// counted from the end, applied to the text as is, so `1e+21` becomes `1e_+21` as in Node.
pub fn add_numeric_separator(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = usize::from(chars.first() == Some(&'-'));
    let mut i = chars.len();
    let mut groups: Vec<String> = Vec::new();
    while i >= start + 4 {
        groups.push(chars[i - 3..i].iter().collect());
        i -= 3;
    }
    let mut out: String = chars[..i].iter().collect();
    for g in groups.iter().rev() {
        out.push('_');
        out.push_str(g);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_conversions_wrap_modulo_the_width() {
        assert_eq!(to_int8(128.0), -128);
        assert_eq!(to_int8(-129.7), 127);
        assert_eq!(to_uint8(-1.0), 255);
        assert_eq!(to_uint16(65_536.9), 0);
        assert_eq!(to_int32(2_147_483_648.0), i32::MIN);
        assert_eq!(to_uint32(-0.0), 0);
        assert_eq!(to_uint32(f64::NAN), 0);
        assert_eq!(to_uint32(f64::NEG_INFINITY), 0);
        assert_eq!(to_uint32(1e300), 0);
        assert_eq!(to_uint32(2f64.powi(53) + 2.0), 2);
        assert_eq!(to_int32(-(2f64.powi(53)) - 2.0), -2);
        assert_eq!(to_uint32(2f64.powi(63) + 2f64.powi(11)), 2048);
        assert_eq!(to_uint32(-(2f64.powi(63))), 0);
        assert_eq!(
            to_int32(-(2f64.powi(62)) - 2f64.powi(20) - 2048.0),
            -(1 << 20) - 2048
        );
        assert_eq!(to_uint32(-1.9), u32::MAX);
    }

    #[test]
    fn clamping_rounds_half_to_even() {
        let cases = [
            (0.5, 0),
            (1.5, 2),
            (2.5, 2),
            (254.5, 254),
            (253.5, 254),
            (-0.4, 0),
            (255.4, 255),
            (f64::INFINITY, 255),
            (f64::NAN, 0),
            (0.50000001, 1),
        ];
        for (v, want) in cases {
            assert_eq!(to_uint8_clamp(v), want, "{v}");
        }
    }

    #[test]
    fn to_index_rejects_negative_and_unsafe_integers() {
        assert_eq!(to_index(-0.5), Some(0));
        assert_eq!(to_index(f64::NAN), Some(0));
        assert_eq!(to_index(7.9), Some(7));
        assert_eq!(to_index(-1.0), None);
        assert_eq!(to_index(9_007_199_254_740_992.0), None);
        assert_eq!(to_index(f64::INFINITY), None);
    }

    #[test]
    fn numbers_print_like_js() {
        let cases = [
            (1.5, "1.5"),
            (-1.0, "-1"),
            (-0.0, "0"),
            (9_007_199_254_740_992.0, "9007199254740992"),
            (1e21, "1e+21"),
            (-1.5e22, "-1.5e+22"),
            (1e-7, "1e-7"),
            (0.000001, "0.000001"),
            (f64::NEG_INFINITY, "-Infinity"),
            (1873711943427736.2, "1873711943427736.2"),
            (123e-20, "1.23e-18"),
            (1e21 + 262144.0, "1.0000000000000003e+21"),
            (100.0, "100"),
            (0.1, "0.1"),
            (5e-324, "5e-324"),
        ];
        for (v, want) in cases {
            assert_eq!(to_string(v), want);
        }
    }

    #[test]
    fn numbers_print_like_js_and_group_like_node() {
        for (x, s) in [
            (1.0, "1"),
            (-1.5, "-1.5"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (123456789012.5, "123456789012.5"),
            (2f64.powi(63), "9223372036854776000"),
            (-0.0, "0"),
            (f64::NAN, "NaN"),
        ] {
            assert_eq!(to_string(x), s);
        }
        assert_eq!(add_numeric_separator("1e+21"), "1e_+21");
        assert_eq!(add_numeric_separator("-4294967297"), "-4_294_967_297");
        assert_eq!(add_numeric_separator("1.5e+300"), "1._5e+_300");
    }

    #[test]
    fn to_uint32_matches_js() {
        assert_eq!(to_uint32(8192.0), 8192);
        assert_eq!(to_uint32(10.7), 10);
        assert_eq!(to_uint32(-1.0), u32::MAX);
        assert_eq!(to_uint32(f64::NAN), 0);
        assert_eq!(to_uint32(4_294_967_298.0), 2);
    }

    #[test]
    fn ties_between_shortest_digit_strings_go_to_the_even_one() {
        // Checked with node: Rust's shortest form ends these in the odd digit.
        assert_eq!(to_string(197787026582788.63), "197787026582788.62");
        assert_eq!(to_string(1056003632621858.3), "1056003632621858.2");
        assert_eq!(to_string(241694621288443.13), "241694621288443.12");
    }

    #[test]
    fn relative_indices_count_from_the_end_and_clamp() {
        assert_eq!(relative_index(-3, 8), 5);
        assert_eq!(relative_index(-9, 8), 0);
        assert_eq!(relative_index(i64::MIN, 8), 0);
        assert_eq!(relative_index(9, 8), 8);
        assert_eq!(relative_index(i64::MAX, 8), 8);
        assert_eq!(relative_index(2, 8), 2);
    }
}
