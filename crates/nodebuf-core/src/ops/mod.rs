//! Slice-level algorithms behind the Buffer methods, free of argument rules: byte and
//! substring search, comparison, pattern fill, byte swapping, copying, and numeric
//! reads/writes. Each works on plain `&[u8]`/`&mut [u8]` and never panics for in-range input;
//! [`crate::api`] does Node's validation before calling them.

pub mod compare;
pub mod copy;
pub mod fill;
pub mod numeric;
pub mod pair_scan;
pub mod search;
pub mod swap;
