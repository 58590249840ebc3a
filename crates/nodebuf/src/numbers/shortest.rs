//! ECMAScript `Number::toString(x)` (radix 10) as V8 prints it, for native code that formats
//! numbers into messages and for `Number.prototype.toString`: the core's
//! [`nodebuf_core::number::to_string`] (shortest round-trip digits, ties to even). (Unpatched
//! QuickJS picks one digit too many for some doubles whose significand is a power of two;
//! engine patch quickjs-0005 fixes the engine's own.)

/// `Number::toString(x)` for any double.
pub fn number_to_string(x: f64) -> String {
    nodebuf_core::number::to_string(x)
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
