//! `buf.swap16/32/64` and `buf.toJSON`.

use crate::error::NodeError;
use crate::ops::swap;

/// `buf.swap16()`: swaps each byte pair in place; the length must be even
/// (`ERR_INVALID_BUFFER_SIZE`: `Buffer size must be a multiple of 16-bits`).
pub fn swap16(buf: &mut [u8]) -> Result<(), NodeError> {
    swap_units(buf, 16, swap::swap16)
}

/// `buf.swap32()`: reverses each 4-byte unit; the length must be a multiple of 4.
pub fn swap32(buf: &mut [u8]) -> Result<(), NodeError> {
    swap_units(buf, 32, swap::swap32)
}

/// `buf.swap64()`: reverses each 8-byte unit; the length must be a multiple of 8.
pub fn swap64(buf: &mut [u8]) -> Result<(), NodeError> {
    swap_units(buf, 64, swap::swap64)
}

/// Node's size check for a `bits`-wide swap, then the swap.
fn swap_units(buf: &mut [u8], bits: u32, swap: fn(&mut [u8])) -> Result<(), NodeError> {
    if !buf.len().is_multiple_of(bits as usize / 8) {
        return Err(NodeError::invalid_buffer_size(bits));
    }
    swap(buf);
    Ok(())
}

/// `JSON.stringify(buf)` (from `buf.toJSON()`): `{"type":"Buffer","data":[1,2]}`. The JS face
/// may instead build the `{ type, data }` object itself from the bytes.
pub fn to_json(buf: &[u8]) -> String {
    let mut out = String::with_capacity(26 + buf.len() * 4);
    out.push_str("{\"type\":\"Buffer\",\"data\":[");
    for (i, b) in buf.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&b.to_string());
    }
    out.push_str("]}");
    out
}
