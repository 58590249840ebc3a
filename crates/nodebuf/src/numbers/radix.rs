//! `Number.prototype.toString(radix)` digits for radix != 10, as V8 produces them.
//!
//! V8's algorithm (its `DoubleToRadixCString`): the integer part's digits come from repeated
//! division, with digits below the double's precision written as `0`; the fraction's digits are
//! produced one by one only while they are significant: `delta`, half the distance to the next
//! double, is scaled along with the fraction, and digit generation stops once the remaining
//! fraction is below it. The last digit is rounded (half to even) and a carry propagates back,
//! possibly into the integer part. QuickJS prints a different (longer or shorter) digit string
//! for most fractions.

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// The next double above `x` (`x` finite, `>= 0`; for `-0` this is `+0`, as V8's helper).
fn next_double(x: f64) -> f64 {
    if x == 0.0 && x.is_sign_negative() {
        return 0.0;
    }
    f64::from_bits(x.to_bits() + 1)
}

/// The digits of finite `value` in `radix` (2..=36, not 10) exactly as V8 writes them.
pub fn to_radix_string(value: f64, radix: u32) -> String {
    debug_assert!(value.is_finite() && (2..=36).contains(&radix));
    let radix_f = f64::from(radix);
    let negative = value < 0.0;
    let value = if negative { -value } else { value };
    let mut integer = value.floor();
    let mut fraction = value - integer;
    // Fraction digits only up to the input's precision.
    let mut delta = (0.5 * (next_double(value) - value)).max(next_double(0.0));
    let mut fraction_digits: Vec<u8> = Vec::new();
    if fraction >= delta {
        loop {
            fraction *= radix_f;
            delta *= radix_f;
            let digit = fraction as u32;
            fraction_digits.push(DIGITS[digit as usize]);
            fraction -= f64::from(digit);
            // Round half to even on the last digit.
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1) == 1)) && fraction + delta > 1.0 {
                // Propagate the carry back through the digits written so far.
                loop {
                    match fraction_digits.pop() {
                        None => {
                            integer += 1.0;
                            break;
                        }
                        Some(c) => {
                            let d = digit_value(c);
                            if d + 1 < radix {
                                fraction_digits.push(DIGITS[(d + 1) as usize]);
                                break;
                            }
                        }
                    }
                }
                break;
            }
            if fraction < delta {
                break;
            }
        }
    }
    // Integer digits; those below the double's precision are zeros.
    let mut integer_digits: Vec<u8> = Vec::new();
    while ((integer / radix_f).to_bits() >> 52 & 0x7ff) as i32 - 1075 > 0 {
        integer /= radix_f;
        integer_digits.push(b'0');
    }
    loop {
        let remainder = integer % radix_f;
        integer_digits.push(DIGITS[remainder as usize]);
        integer = (integer - remainder) / radix_f;
        if integer <= 0.0 {
            break;
        }
    }
    let mut out = String::with_capacity(integer_digits.len() + fraction_digits.len() + 2);
    if negative {
        out.push('-');
    }
    out.extend(integer_digits.iter().rev().map(|&b| b as char));
    if !fraction_digits.is_empty() {
        out.push('.');
        out.extend(fraction_digits.iter().map(|&b| b as char));
    }
    out
}

fn digit_value(c: u8) -> u32 {
    if c > b'9' {
        u32::from(c - b'a') + 10
    } else {
        u32::from(c - b'0')
    }
}

#[cfg(test)]
mod tests {
    use super::to_radix_string;

    #[test]
    fn known_v8_outputs() {
        // Values checked against node v20.
        assert_eq!(to_radix_string(255.0, 16), "ff");
        assert_eq!(to_radix_string(-255.5, 16), "-ff.8");
        assert_eq!(to_radix_string(0.5, 2), "0.1");
        assert_eq!(
            to_radix_string(0.1, 3),
            "0.0022002200220022002200220022002201"
        );
        assert_eq!(to_radix_string(1e21, 36), "5v1j4f4ds7c000");
        assert_eq!(to_radix_string(-0.0, 2), "0");
    }
}
