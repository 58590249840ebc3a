//! ECMAScript `Number::toString(x)` (radix 10) from the shortest round-trip digits, as V8
//! prints it, for native code that formats numbers into messages and for
//! `Number.prototype.toString`. (Unpatched QuickJS picks one digit too many for some doubles
//! whose significand is a power of two; engine patch quickjs-0005 fixes the engine's own.)
//! Rust's float formatting gives the shortest digits that read back, closest to the value, which
//! is V8's choice.

/// The shortest decimal digits of finite nonzero `x` (no sign) and the exponent `n` such that
/// `|x| = 0.d1d2... * 10^n`.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').expect("{:e} writes an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().expect("{:e} writes an integer exponent");
    halfway_to_even(x.abs(), digits, exp + 1)
}

/// When `x` lies exactly halfway between two shortest candidates (its exact decimal value has
/// one digit more, a final 5), V8 takes the one with the even last digit; Rust's formatter
/// takes the upper one. Only long digit strings can be such ties.
fn halfway_to_even(x: f64, digits: String, n: i32) -> (String, i32) {
    let k = digits.len();
    if k < 15 {
        return (digits, n);
    }
    // 800 digits hold any double's exact decimal expansion.
    let exact = format!("{x:.800e}");
    let (mantissa, exp) = exact.split_once('e').expect("{:e} writes an exponent");
    let exact_digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exact_digits = exact_digits.trim_end_matches('0');
    let exact_n = exp.parse::<i32>().expect("integer exponent") + 1;
    if exact_n != n || exact_digits.len() != k + 1 || !exact_digits.ends_with('5') {
        return (digits, n);
    }
    let Ok(low) = exact_digits[..k].parse::<u64>() else {
        return (digits, n);
    };
    let even = if low % 2 == 0 { low } else { low + 1 };
    let candidate = even.to_string();
    if candidate.len() != k || format!("0.{candidate}e{n}").parse::<f64>() != Ok(x) {
        return (digits, n);
    }
    (candidate, n)
}

/// `Number::toString(x)` for any double.
pub fn number_to_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x == 0.0 {
        return "0".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    let (digits, n) = shortest_digits(x);
    let k = digits.len() as i32;
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    if k <= n && n <= 21 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (n - k) as usize));
    } else if 0 < n && n <= 21 {
        out.push_str(&digits[..n as usize]);
        out.push('.');
        out.push_str(&digits[n as usize..]);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-n) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&exponential(&digits, n));
    }
    out
}

/// `d1[.d2...]e±(n-1)`: the exponential form of `0.digits * 10^n`.
fn exponential(digits: &str, n: i32) -> String {
    let mut out = String::new();
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    let e = n - 1;
    out.push('e');
    out.push(if e < 0 { '-' } else { '+' });
    out.push_str(&e.abs().to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // The literals are exact doubles (their last digits matter: they sit on ties).
    #[allow(clippy::excessive_precision)]
    fn v8_texts() {
        // Checked against node v20.
        assert_eq!(
            number_to_string(7.174648137343064e-43),
            "7.174648137343064e-43"
        );
        assert_eq!(number_to_string(1e21), "1e+21");
        assert_eq!(
            number_to_string(123456789012345680000.0),
            "123456789012345680000"
        );
        assert_eq!(number_to_string(0.000001), "0.000001");
        assert_eq!(number_to_string(1e-7), "1e-7");
        assert_eq!(number_to_string(-1.5), "-1.5");
        assert_eq!(number_to_string(-0.0), "0");
        // Exactly halfway between two 17-digit candidates: the even one.
        assert_eq!(number_to_string(2f64.powi(-25)), "2.9802322387695312e-8");
        assert_eq!(number_to_string(1643376261346290.25), "1643376261346290.2");
        assert_eq!(
            number_to_string(-195476992614314.625),
            "-195476992614314.62"
        );
    }
}
