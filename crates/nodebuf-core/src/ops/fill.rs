//! Filling a range with a byte or a repeating pattern (`buf.fill`).

/// Fills `dst` with `pattern` repeated (cut at the end); one byte is a `memset`, longer
/// patterns are laid once and then doubled with `copy_within` (log2(n) memcpys).
pub fn fill_pattern(dst: &mut [u8], pattern: &[u8]) {
    match pattern.len() {
        0 => {}
        1 => dst.fill(pattern[0]),
        p => {
            let first = p.min(dst.len());
            dst[..first].copy_from_slice(&pattern[..first]);
            let mut filled = first;
            while filled < dst.len() {
                let n = filled.min(dst.len() - filled);
                dst.copy_within(..n, filled);
                filled += n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_repeat_and_cut() {
        let mut b = [0u8; 7];
        fill_pattern(&mut b, b"abc");
        assert_eq!(&b, b"abcabca");
        let mut b = [0u8; 2];
        fill_pattern(&mut b, b"abc");
        assert_eq!(&b, b"ab");
        fill_pattern(&mut b, b"z");
        assert_eq!(&b, b"zz");
    }
}
