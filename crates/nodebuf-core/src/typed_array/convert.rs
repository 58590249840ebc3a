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
    let abs = v.abs();
    if (1e-6..1e21).contains(&abs) {
        // Rust's `Display` is the shortest round-trip form without an exponent, as JS's is here.
        return format!("{v}");
    }
    // Exponent form: shortest digits, `e+`/`e-` with no leading zeros.
    let s = format!("{v:e}");
    match s.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => s,
    }
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
        ];
        for (v, want) in cases {
            assert_eq!(js_number_string(v), want);
        }
    }
}
