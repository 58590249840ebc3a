//! `buffer.isUtf8` and `buffer.isAscii` on the bytes of a view (the caller checks the argument
//! type and throws for a detached buffer, as Node does).

/// `require('buffer').isUtf8(bytes)`: true when `bytes` is well-formed UTF-8 (no surrogates,
/// no overlongs, nothing above U+10FFFF, nothing truncated). The empty input is valid.
pub fn is_utf8(bytes: &[u8]) -> bool {
    simdutf::validate_utf8(bytes)
}

/// `require('buffer').isAscii(bytes)`: true when every byte is below 0x80.
pub fn is_ascii(bytes: &[u8]) -> bool {
    simdutf::validate_ascii(bytes)
}
