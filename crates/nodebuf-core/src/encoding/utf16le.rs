//! utf16le (aliases `ucs2`, `ucs-2`, `utf-16le`): two little-endian bytes per UTF-16 unit.
//!
//! - decode: byte pairs become units, lone surrogates pass through, an odd last byte is dropped.
//! - encode: each unit as two bytes (no validation; lone surrogates are kept).
//! - write: whole 2-byte units only, so an odd byte of room stays unwritten and a surrogate
//!   pair may be split.
//! - byteLength: twice the string's length.

use std::mem::MaybeUninit;

use super::units::{self, Width};
use super::{JsStr, JsString};

/// `buf.toString('utf16le')`: the units of the byte pairs (odd last byte ignored), in the
/// canonical [`JsString`] form.
pub fn decode(bytes: &[u8]) -> JsString {
    let even = &bytes[..bytes.len() & !1];
    match units::classify_le_bytes(even) {
        Width::Ascii => JsString::Ascii(units::le_bytes_low_halves(even)),
        Width::Latin1 => JsString::Latin1(units::le_bytes_low_halves(even)),
        Width::Wide => JsString::Utf16(units::le_bytes_to_utf16(even)),
    }
}

/// `Buffer.from(str, 'utf16le')`: every unit as two little-endian bytes.
pub fn encode(s: JsStr<'_>) -> Vec<u8> {
    match s {
        JsStr::Latin1(b) => units::widen_to_le_bytes(b),
        JsStr::Utf16(u) => units::utf16_to_le_bytes(u),
    }
}

/// `buf.write(str, 'utf16le')`: writes `min(len, dst.len() / 2)` whole units; returns bytes
/// written (always even).
pub fn write(s: JsStr<'_>, dst: &mut [u8]) -> usize {
    let n = s.len().min(dst.len() / 2);
    let out = &mut dst[..2 * n];
    match s {
        JsStr::Latin1(b) => units::widen_to_le_bytes_into(&b[..n], out),
        JsStr::Utf16(u) => units::utf16_to_le_bytes_into(&u[..n], out),
    }
    2 * n
}

/// [`write`] into memory that may be uninitialized: `min(len, dst.len() / 2)` whole units;
/// returns bytes written (always even).
pub fn write_uninit(s: JsStr<'_>, dst: &mut [MaybeUninit<u8>]) -> usize {
    let n = s.len().min(dst.len() / 2);
    let out = &mut dst[..2 * n];
    match s {
        JsStr::Latin1(b) => units::widen_to_le_bytes_uninit(&b[..n], out),
        JsStr::Utf16(u) => units::utf16_to_le_bytes_uninit(&u[..n], out),
    }
    2 * n
}

/// `Buffer.byteLength(str, 'utf16le')`: two bytes per unit.
pub fn byte_length(s: JsStr<'_>) -> usize {
    s.len().saturating_mul(2)
}
