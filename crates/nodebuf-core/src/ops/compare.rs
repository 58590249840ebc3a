//! Byte-wise comparison (`compare`, `equals`, `Buffer.compare`): slice comparison, which Rust
//! lowers to `memcmp`.

use std::cmp::Ordering;

/// Node's result for comparing `a` with `b`: -1, 0 or 1 (lexicographic, shorter first on a tie).
pub fn compare(a: &[u8], b: &[u8]) -> i32 {
    match a.cmp(b) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

/// True when `a` and `b` hold the same bytes.
pub fn equals(a: &[u8], b: &[u8]) -> bool {
    a == b
}
