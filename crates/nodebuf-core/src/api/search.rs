//! `buf.indexOf` / `buf.lastIndexOf` / `buf.includes`.

use super::coerce::{encoding_undefined_is_utf8, to_number};
use crate::args::Arg;
use crate::buffer::Buffer;
use crate::encoding::{self, Encoding, JsStr};
use crate::error::{expected_types, NodeError};
use crate::number;
use crate::ops::search as raw;

/// Where a search starts, from Node's observable rules: negative offsets count from the end;
/// before the start a forward search starts at 0 while a backward one finds nothing; past the
/// end a forward search finds nothing and a backward one starts at the last byte; an empty
/// needle clamps into `0..=len`. -1 means "not found".
fn search_start(len: i64, off: i64, needle_len: i64, forward: bool) -> i64 {
    if off < 0 {
        if off.saturating_add(len) >= 0 {
            len + off
        } else if forward || needle_len == 0 {
            0
        } else {
            -1
        }
    } else if off.saturating_add(needle_len) <= len {
        off
    } else if needle_len == 0 {
        len
    } else if forward {
        -1
    } else {
        len - 1
    }
}

/// The shared body of `indexOf`/`lastIndexOf`: Node's `bidirectionalIndexOf`.
fn search(
    buf: &[u8],
    value: &Arg<'_>,
    byte_offset: &Arg<'_>,
    encoding: &Arg<'_>,
    forward: bool,
) -> Result<i64, NodeError> {
    let (mut byte_offset, mut encoding) = (*byte_offset, *encoding);
    if let Arg::String(_) = byte_offset {
        encoding = byte_offset;
        byte_offset = Arg::Undefined;
    }
    // Node clamps with relational comparisons before `+byteOffset`, so a BigInt beyond the
    // int32 range is clamped rather than rejected.
    const HI: f64 = 2_147_483_647.0;
    const LO: f64 = -2_147_483_648.0;
    let mut off = match byte_offset {
        Arg::BigInt(d) => {
            let neg = d.starts_with('-');
            let mag = d.trim_start_matches('-');
            let big = mag.len() > 10 || mag.parse::<u64>().map_or(true, |v| v > 2_147_483_647);
            match (neg, big) {
                (false, true) => HI,
                (true, true)
                    if mag.len() > 10 || mag.parse::<u64>().map_or(true, |v| v > 2_147_483_648) =>
                {
                    LO
                }
                _ => return Err(NodeError::bigint_to_number()),
            }
        }
        _ => to_number(&byte_offset)?.clamp(LO, HI),
    };
    let len = buf.len() as i64;
    if off.is_nan() {
        off = if forward { 0.0 } else { len as f64 };
    }
    let off = off.trunc() as i64;
    let (needle_storage, byte_unit): (Vec<u8>, bool) = match *value {
        Arg::Number(n) => {
            return Ok(find_byte(buf, number::to_uint8(n), off, forward));
        }
        Arg::String(s) => {
            let enc = encoding_undefined_is_utf8(&encoding)?;
            let needle = match enc {
                // Node searches utf8, utf16le and latin1 needles natively but makes the others
                // with its pooled `Buffer.from(needle, encoding)`: the needle takes a pool slot.
                Encoding::Ascii | Encoding::Base64 | Encoding::Base64url | Encoding::Hex => {
                    if s.is_empty() {
                        // Node's fast string path has no empty-string exit: an empty needle
                        // still runs the room check (`0 > poolSize - poolOffset` makes a new
                        // slab once the offset is past the end) unless the threshold is 0.
                        if crate::memory::pool::threshold() > 0 {
                            crate::memory::pool::make_room(0)?;
                        }
                        Vec::new()
                    } else {
                        Buffer::from_js_str(s, enc)?.to_vec()?
                    }
                }
                // Node's native search encodes a utf8 needle as WTF-8: a lone surrogate is its
                // own 3-byte sequence (ED A0 80), not U+FFFD as `Buffer.from` writes.
                Encoding::Utf8 => wtf8(s),
                _ => encoding::encode(enc, s),
            };
            (needle, enc == Encoding::Utf16le)
        }
        // Node names the encoding (`encoding + ''`) before it looks at a non-number needle.
        _ if matches!(encoding, Arg::Symbol(_)) => return Err(NodeError::symbol_to_string()),
        Arg::Object(o) if o.is_uint8_array() => {
            // The encoding still decides byte or UTF-16 unit matching for Buffer needles.
            // An object is named by its `String(value)` (Node's JS converts it before the
            // native search; the JS face computes it).
            let ucs2 = match encoding {
                Arg::String(e) => Encoding::parse_js(e) == Some(Encoding::Utf16le),
                Arg::Object(o) => o.string.and_then(Encoding::parse) == Some(Encoding::Utf16le),
                _ => false,
            };
            let needle = o.bytes.unwrap_or(&[]);
            return Ok(if ucs2 {
                find_units_of_buffer(buf, needle, off, forward)
            } else {
                find_bytes(buf, needle, off, forward)
            });
        }
        _ => {
            return Err(NodeError::invalid_arg_type(
                "value",
                &expected_types(&["number", "string"], &["Buffer", "Uint8Array"], &[]),
                value,
            ))
        }
    };
    if byte_unit && needle_storage.is_empty() {
        // Node measures the haystack in whole units for a UTF-16 string needle: an empty one
        // clamps into `0..=len & !1`.
        Ok(search_start((buf.len() & !1) as i64, off, 0, forward))
    } else if byte_unit {
        // For a UTF-16 string needle Node measures the haystack in whole units throughout.
        Ok(find_units(
            &buf[..buf.len() & !1],
            &needle_storage,
            off,
            forward,
        ))
    } else {
        Ok(find_bytes(buf, &needle_storage, off, forward))
    }
}

/// `s` as WTF-8: UTF-8 where a lone surrogate is encoded like any other code point.
fn wtf8(s: JsStr<'_>) -> Vec<u8> {
    let units = match s {
        JsStr::Utf16(u) if u.iter().any(|c| (0xD800..0xE000).contains(c)) => u,
        _ => return encoding::encode(Encoding::Utf8, s),
    };
    let mut out = Vec::with_capacity(units.len() * 3);
    for c in char::decode_utf16(units.iter().copied()) {
        let code = match c {
            Ok(c) => u32::from(c),
            Err(lone) => u32::from(lone.unpaired_surrogate()),
        };
        match code {
            0..=0x7F => out.push(code as u8),
            0x80..=0x7FF => out.extend([0xC0 | (code >> 6) as u8, 0x80 | (code & 0x3F) as u8]),
            0x800..=0xFFFF => out.extend([
                0xE0 | (code >> 12) as u8,
                0x80 | ((code >> 6) & 0x3F) as u8,
                0x80 | (code & 0x3F) as u8,
            ]),
            _ => out.extend([
                0xF0 | (code >> 18) as u8,
                0x80 | ((code >> 12) & 0x3F) as u8,
                0x80 | ((code >> 6) & 0x3F) as u8,
                0x80 | (code & 0x3F) as u8,
            ]),
        }
    }
    out
}

fn find_byte(buf: &[u8], byte: u8, off: i64, forward: bool) -> i64 {
    let start = search_start(buf.len() as i64, off, 1, forward);
    if start < 0 || buf.is_empty() {
        return -1;
    }
    let found = if forward {
        raw::index_of_byte(buf, byte, start as usize)
    } else {
        raw::last_index_of_byte(buf, byte, start as usize)
    };
    found.map_or(-1, |i| i as i64)
}

fn find_bytes(buf: &[u8], needle: &[u8], off: i64, forward: bool) -> i64 {
    let start = search_start(buf.len() as i64, off, needle.len() as i64, forward);
    if needle.is_empty() {
        return start;
    }
    if start < 0 || needle.len() > buf.len() {
        return -1;
    }
    let found = if forward {
        raw::index_of(buf, needle, start as usize)
    } else {
        raw::last_index_of(buf, needle, start as usize)
    };
    found.map_or(-1, |i| i as i64)
}

/// UTF-16 needles match on 2-byte unit boundaries only, counting offsets in whole units.
fn find_units(buf: &[u8], needle: &[u8], off: i64, forward: bool) -> i64 {
    let start = search_start(buf.len() as i64, off, needle.len() as i64, forward);
    if needle.is_empty() {
        return start;
    }
    if start < 0 || buf.len() < 2 || needle.len() < 2 || needle.len() > buf.len() {
        return -1;
    }
    // Node: a forward search whose needle does not fit after the start finds nothing (a start
    // from a negative offset is not otherwise checked, and rounding it down to a unit could
    // find a match before it).
    if forward && start as usize + needle.len() > buf.len() {
        return -1;
    }
    // A needle of odd length matches by its whole units (its last byte is dropped).
    let needle = &needle[..needle.len() & !1];
    let unit = start as usize / 2;
    let found = if forward {
        raw::index_of_units(buf, needle, unit)
    } else {
        raw::last_index_of_units(buf, needle, unit)
    };
    found.map_or(-1, |i| (i * 2) as i64)
}

/// A Buffer needle searched as UTF-16: Node's native search signals a miss with the haystack's
/// length in whole units times two, which it then compares with the byte length, so on an
/// odd-length haystack a miss that got as far as the unit search returns `len - 1`, not -1.
fn find_units_of_buffer(buf: &[u8], needle: &[u8], off: i64, forward: bool) -> i64 {
    let found = find_units(buf, needle, off, forward);
    let len = buf.len();
    let start = search_start(len as i64, off, needle.len() as i64, forward);
    let searched = needle.len() >= 2
        && len >= 2
        && needle.len() <= len
        && start >= 0
        && (!forward || start as usize + needle.len() <= len);
    if found == -1 && searched && len % 2 == 1 {
        len as i64 - 1
    } else {
        found
    }
}

/// `buf.indexOf(value, byteOffset, encoding)`: numbers match `value & 255` (after truncation),
/// strings their bytes in `encoding` (a string in `byteOffset`'s place is the encoding),
/// Buffers/Uint8Arrays their bytes; `byteOffset` is `+byteOffset` (NaN: from the start,
/// negative: from the end). Returns the index or -1.
pub fn index_of(
    buf: &[u8],
    value: &Arg<'_>,
    byte_offset: &Arg<'_>,
    encoding: &Arg<'_>,
) -> Result<i64, NodeError> {
    search(buf, value, byte_offset, encoding, true)
}

/// `buf.lastIndexOf(value, byteOffset, encoding)`: as [`index_of`] searching backwards from
/// `byteOffset` (NaN: from the end).
pub fn last_index_of(
    buf: &[u8],
    value: &Arg<'_>,
    byte_offset: &Arg<'_>,
    encoding: &Arg<'_>,
) -> Result<i64, NodeError> {
    search(buf, value, byte_offset, encoding, false)
}

/// `buf.includes(value, byteOffset, encoding)`: `indexOf(...) !== -1`.
pub fn includes(
    buf: &[u8],
    value: &Arg<'_>,
    byte_offset: &Arg<'_>,
    encoding: &Arg<'_>,
) -> Result<bool, NodeError> {
    Ok(index_of(buf, value, byte_offset, encoding)? != -1)
}
