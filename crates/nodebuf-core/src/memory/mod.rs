//! Backing stores and the memory system around them: accounting, the pool, the retention report.

pub mod accounting;
pub mod borrow;
pub mod pool;
pub(crate) mod raw;
pub mod retention;
pub mod store;

pub use borrow::BytesInUse;
pub use retention::{RetentionPolicy, RetentionReport, Site, StoreKind, StoreReport};
pub use store::{ArrayBuffer, K_MAX_LENGTH};

/// A JS number as `String(n)` prints it, for error messages (exact for integers below 1e21,
/// NaN, the infinities and ordinary fractions; other magnitudes use Rust's shortest form).
pub(crate) fn js_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".to_string()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
    } else if n == n.trunc() && n.abs() < 1e21 {
        format!("{}", n as i128)
    } else {
        format!("{n}")
    }
}
