//! UTF-8, Node's default encoding.
//!
//! - decode (`buf.toString('utf8')`): WHATWG decoding, each maximal ill-formed subpart becomes
//!   U+FFFD (as `TextDecoder` with `ignoreBOM: true`: a leading BOM is kept).
//! - encode (`Buffer.from(str)`): each lone surrogate becomes `EF BF BD`.
//! - write (`buf.write(str)`): writes whole characters only, never part of one.
//! - byteLength: the exact encoded length (lone surrogates count 3).

use super::simd;
use super::units::{is_ascii, is_high_surrogate, is_low_surrogate};
use super::{JsStr, JsString};

/// U+FFFD REPLACEMENT CHARACTER in UTF-8.
const REPLACEMENT_UTF8: [u8; 3] = [0xEF, 0xBF, 0xBD];
/// U+FFFD REPLACEMENT CHARACTER as a UTF-16 unit.
const REPLACEMENT: u16 = 0xFFFD;
/// After an ill-formed sequence, decode this many bytes one by one before handing the rest back
/// to SIMD, so input full of errors does not pay a SIMD restart per error.
const SCALAR_STRETCH: usize = 64;
/// Bytes per SIMD decoding segment (see `segment_end`).
const SEGMENT: usize = 64 * 1024;

/// Decodes UTF-8 bytes to a JS string as `buf.toString('utf8')` does (WHATWG replacement,
/// BOM kept), returning the canonical [`JsString`] form.
pub fn decode(bytes: &[u8]) -> JsString {
    if is_ascii(bytes) {
        return JsString::Ascii(bytes.to_vec());
    }
    if let Some(latin1) = simd::utf8_to_latin1(bytes) {
        return JsString::Latin1(latin1);
    }
    // Ill-formed input yields U+FFFD and valid input reaching here holds a code point >= 0x100,
    // so the two-byte form is the canonical one.
    JsString::Utf16(decode_to_utf16(bytes))
}

/// Decodes UTF-8 bytes to UTF-16 units with WHATWG replacement (always the two-byte form).
pub fn decode_to_utf16(bytes: &[u8]) -> Vec<u16> {
    let mut out: Vec<u16> = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let end = segment_end(bytes, i);
        match simd::utf8_to_utf16_append(&bytes[i..end], &mut out) {
            Ok(()) => i = end,
            Err(p) => {
                // `decode_one` reads the whole input, so a character cut by the segment end
                // is still decoded whole here.
                i += p;
                let stop = i.saturating_add(SCALAR_STRETCH);
                while i < bytes.len() && i < stop {
                    let (cp, used) = decode_one(bytes, i);
                    push_code_point(&mut out, cp);
                    i += used;
                }
            }
        }
    }
    out
}

/// Where the SIMD segment starting at `start` ends: at most [`SEGMENT`] bytes on, moved back
/// (by up to 3 bytes) so that it does not cut a character. Segments bound the work redone when
/// simdutf reports an error (the valid prefix of the segment is converted a second time).
fn segment_end(bytes: &[u8], start: usize) -> usize {
    let mut end = bytes.len().min(start.saturating_add(SEGMENT));
    let mut back = 0;
    while end < bytes.len() && back < 3 && end > start + 1 && bytes[end] & 0xC0 == 0x80 {
        end -= 1;
        back += 1;
    }
    end
}

/// Decodes the character starting at `bytes[i]`: `(code point or U+FFFD, bytes consumed)`,
/// consuming a maximal subpart on error (WHATWG "UTF-8 decode").
pub(crate) fn decode_one(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = bytes[i];
    if b0 < 0x80 {
        return (u32::from(b0), 1);
    }
    let (need, lower, upper, init): (usize, u8, u8, u32) = match b0 {
        0xC2..=0xDF => (1, 0x80, 0xBF, u32::from(b0 & 0x1F)),
        0xE0 => (2, 0xA0, 0xBF, u32::from(b0 & 0x0F)),
        0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF, u32::from(b0 & 0x0F)),
        0xED => (2, 0x80, 0x9F, u32::from(b0 & 0x0F)),
        0xF0 => (3, 0x90, 0xBF, u32::from(b0 & 0x07)),
        0xF1..=0xF3 => (3, 0x80, 0xBF, u32::from(b0 & 0x07)),
        0xF4 => (3, 0x80, 0x8F, u32::from(b0 & 0x07)),
        _ => return (u32::from(REPLACEMENT), 1),
    };
    let mut cp = init;
    for j in 1..=need {
        let Some(&c) = bytes.get(i + j) else {
            return (u32::from(REPLACEMENT), j);
        };
        let (lo, hi) = if j == 1 { (lower, upper) } else { (0x80, 0xBF) };
        if c < lo || c > hi {
            return (u32::from(REPLACEMENT), j);
        }
        cp = (cp << 6) | u32::from(c & 0x3F);
    }
    (cp, need + 1)
}

fn push_code_point(out: &mut Vec<u16>, cp: u32) {
    if cp < 0x10000 {
        out.push(cp as u16);
    } else {
        let v = cp - 0x10000;
        out.push(0xD800 | (v >> 10) as u16);
        out.push(0xDC00 | (v & 0x3FF) as u16);
    }
}

/// Encodes a JS string to UTF-8 as `Buffer.from(str, 'utf8')` does (lone surrogates become
/// `EF BF BD`).
pub fn encode(s: JsStr<'_>) -> Vec<u8> {
    match s {
        JsStr::Latin1(b) => {
            if is_ascii(b) {
                b.to_vec()
            } else {
                let mut out = Vec::new();
                simd::latin1_to_utf8_append(b, &mut out);
                out
            }
        }
        JsStr::Utf16(u) => match simd::valid_utf16_to_utf8(u) {
            Some(out) => out,
            None => {
                let mut out = vec![0u8; u.len() * 3];
                let n = utf16_to_utf8_lossy_into(u, &mut out);
                out.truncate(n);
                out.shrink_to_fit();
                out
            }
        },
    }
}

/// Converts UTF-16 `src` into `dst` (which holds at least `3 * src.len()` bytes), lone
/// surrogates as `EF BF BD`; returns the bytes written.
fn utf16_to_utf8_lossy_into(src: &[u16], dst: &mut [u8]) -> usize {
    let (mut i, mut o) = (0, 0);
    while i < src.len() {
        match simd::utf16_to_utf8_checked(&src[i..], &mut dst[o..]) {
            Ok(w) => return o + w,
            Err(p) => {
                if p > 0 {
                    if let Ok(w) = simd::utf16_to_utf8_checked(&src[i..i + p], &mut dst[o..]) {
                        i += p;
                        o += w;
                    }
                }
                if i < src.len() {
                    let (bytes, len, used) = encode_one(src, i);
                    dst[o..o + len].copy_from_slice(&bytes[..len]);
                    o += len;
                    i += used;
                }
            }
        }
    }
    o
}

/// Encodes the code point starting at `src[i]`: `(bytes, byte count, units consumed)`.
fn encode_one(src: &[u16], i: usize) -> ([u8; 4], usize, usize) {
    let u = src[i];
    if u < 0x80 {
        return ([u as u8, 0, 0, 0], 1, 1);
    }
    if u < 0x800 {
        return ([0xC0 | (u >> 6) as u8, 0x80 | (u & 0x3F) as u8, 0, 0], 2, 1);
    }
    if is_high_surrogate(u) {
        if let Some(&low) = src.get(i + 1) {
            if is_low_surrogate(low) {
                let cp = 0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                let bytes = [
                    0xF0 | (cp >> 18) as u8,
                    0x80 | ((cp >> 12) & 0x3F) as u8,
                    0x80 | ((cp >> 6) & 0x3F) as u8,
                    0x80 | (cp & 0x3F) as u8,
                ];
                return (bytes, 4, 2);
            }
        }
    }
    if is_high_surrogate(u) || is_low_surrogate(u) {
        let [a, b, c] = REPLACEMENT_UTF8;
        return ([a, b, c, 0], 3, 1);
    }
    let bytes = [
        0xE0 | (u >> 12) as u8,
        0x80 | ((u >> 6) & 0x3F) as u8,
        0x80 | (u & 0x3F) as u8,
        0,
    ];
    (bytes, 3, 1)
}

/// `Buffer.byteLength(str, 'utf8')`: the exact UTF-8 length (a lone surrogate counts 3).
pub fn byte_length(s: JsStr<'_>) -> usize {
    match s {
        JsStr::Latin1(b) => simdutf::utf8_length_from_latin1(b),
        JsStr::Utf16(u) => utf8_length_of_units(u),
    }
}

/// The UTF-8 length of UTF-16 units as `Buffer.byteLength` counts it (V8's `Utf8Length`): 1,
/// 2 or 3 bytes per unit below 0x80, 0x800 and above, 4 per surrogate pair, and 3 per lone
/// surrogate (encoded as U+FFFD), in one pass whether or not the units are well formed.
///
/// Counting every unit by its value gives a surrogate 3 bytes, right for a lone one; a pair
/// (a high surrogate directly followed by a low one) then counts 6 instead of 4, so 2 come off
/// per pair. Pairs cannot overlap (a low surrogate never starts one). simdutf's validation plus
/// its length took two passes, the validation the slower one (~2x) on text with emoji; this is
/// one pass at about simdutf's length alone (see `WIDE_LENGTH_MIN`).
pub fn utf8_length_of_units(u: &[u16]) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if u.len() >= WIDE_LENGTH_MIN
            && std::arch::is_x86_feature_detected!("avx512f")
            && std::arch::is_x86_feature_detected!("avx512bw")
        {
            // SAFETY: the function only differs from the portable one by being compiled with
            // AVX-512 F and BW, and the CPU was just checked to support both.
            return unsafe { utf8_length_of_units_avx512(u) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the function only differs from the portable one by being compiled with
            // AVX2, and the CPU was just checked to support AVX2.
            return unsafe { utf8_length_of_units_avx2(u) };
        }
    }
    utf8_length_of_units_portable(u)
}

/// From this many units [`utf8_length_of_units`] runs its AVX-512 build where the CPU has one:
/// twice the units per instruction and twice the vector registers (the loop's constants stay
/// in registers). On this project's machine, 1 Mi units of mixed text: 83 us against AVX2's
/// 128 (simdutf's validation plus length: 270); 4 Ki units 335 ns against 564.
#[cfg(target_arch = "x86_64")]
const WIDE_LENGTH_MIN: usize = 4096;

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
fn utf8_length_of_units_avx512(u: &[u16]) -> usize {
    utf8_length_of_units_portable(u)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn utf8_length_of_units_avx2(u: &[u16]) -> usize {
    utf8_length_of_units_portable(u)
}

/// Units per block: each adds at most 2 to a block's `extra` count, which stays within a
/// `u16` (16-bit lanes: twice the units per vector of 32-bit ones).
const LENGTH_BLOCK: usize = 8192;

#[inline(always)]
fn utf8_length_of_units_portable(u: &[u16]) -> usize {
    let Some((&last, _)) = u.split_last() else {
        return 0;
    };
    // Each unit but the last is counted with its successor in view: its own extra bytes, less
    // 2 when it starts a pair (a high surrogate's 2 extra bytes: never below 0 per unit). One
    // pass, two overlapping loads a vector.
    let with_next = u.len() - 1;
    let mut total = u.len() + usize::from(last >= 0x80) + usize::from(last >= 0x800);
    let mut start = 0;
    while start < with_next {
        let end = (start + LENGTH_BLOCK).min(with_next);
        let mut extra: u16 = 0;
        for (&unit, &next) in u[start..end].iter().zip(&u[start + 1..end + 1]) {
            let pair = is_high_surrogate(unit) & is_low_surrogate(next);
            extra += u16::from(unit >= 0x80) + u16::from(unit >= 0x800) - 2 * u16::from(pair);
        }
        total += usize::from(extra);
        start = end;
    }
    total
}

/// `buf.write(str, 'utf8')` into `dst`: writes the longest prefix of whole characters that
/// fits and returns the number of bytes written (a character that does not fit entirely is not
/// started; the rest of `dst` is left untouched).
pub fn write(s: JsStr<'_>, dst: &mut [u8]) -> usize {
    match s {
        JsStr::Latin1(b) => write_latin1(b, dst),
        JsStr::Utf16(u) => write_utf16(u, dst),
    }
}

fn write_latin1(src: &[u8], dst: &mut [u8]) -> usize {
    let (mut i, mut o) = (0, 0);
    while i < src.len() {
        let (read, written) = simd::latin1_to_utf8_within(&src[i..], &mut dst[o..]);
        if read == 0 {
            // Less than 2 bytes of room: only a single ASCII character can still fit.
            if o < dst.len() && src[i] < 0x80 {
                dst[o] = src[i];
                o += 1;
            }
            break;
        }
        i += read;
        o += written;
    }
    o
}

fn write_utf16(src: &[u16], dst: &mut [u8]) -> usize {
    let (mut i, mut o) = (0, 0);
    while i < src.len() {
        let room = dst.len() - o;
        let mut take = (src.len() - i).min(room / 3);
        // Never split a surrogate pair across chunks: the pair must be written whole or not at all.
        if take > 0
            && is_high_surrogate(src[i + take - 1])
            && src.get(i + take).is_some_and(|&l| is_low_surrogate(l))
        {
            take -= 1;
        }
        if take > 0 {
            o += utf16_to_utf8_lossy_into(&src[i..i + take], &mut dst[o..]);
            i += take;
            continue;
        }
        let (bytes, len, used) = encode_one(src, i);
        if len > room {
            break;
        }
        dst[o..o + len].copy_from_slice(&bytes[..len]);
        o += len;
        i += used;
    }
    o
}
