//! JS's numeric conversions for storing a Number into an element (`ToInt8`, `ToUint8`,
//! `ToUint8Clamp`, ..., `ToIntegerOrInfinity`, `ToIndex`), and Number-to-string for messages.

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

/// `ToInt32`.
pub fn to_int32(v: f64) -> i32 {
    to_uint32(v) as i32
}

/// `ToUint16`.
pub fn to_uint16(v: f64) -> u16 {
    to_uint32(v) as u16
}

/// `ToInt16`.
pub fn to_int16(v: f64) -> i16 {
    to_uint32(v) as i16
}

/// `ToUint8`.
pub fn to_uint8(v: f64) -> u8 {
    to_uint32(v) as u8
}

/// `ToInt8`.
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

/// `ToIndex`: the integer value of `v`, or `None` when it is negative or above 2^53 − 1.
pub fn to_index(v: f64) -> Option<u64> {
    let i = to_integer_or_infinity(v);
    (0.0..=9_007_199_254_740_991.0)
        .contains(&i)
        .then_some(i as u64)
}

/// A Number as JS's `String(n)` prints it (`1.5`, `-1`, `Infinity`, `1e+21`, `0` for −0), for
/// error messages that quote the value the caller passed.
pub fn js_number_string(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if v == 0.0 {
        return "0".into();
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
    let last = digits.as_bytes()[k - 1] - b'0';
    if is_tie && last % 2 == 1 {
        // The other candidate is the truncation or the truncation plus one: whichever differs
        // from ours by one in the last digit and still reads back as `v`.
        let truncated = &exact_digits[..k];
        let other = if truncated != digits {
            truncated.to_string()
        } else {
            increment(truncated)
        };
        if other.len() == k && format!("{}.{}e{exp}", &other[..1], &other[1..]).parse() == Ok(v) {
            digits = other;
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
            assert_eq!(js_number_string(v), want);
        }
    }
}
