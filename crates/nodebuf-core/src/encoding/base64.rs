//! base64 and base64url as `Buffer` uses them (lenient; `atob`/`btoa` are strict, see
//! [`super::web`]).
//!
//! - decode (`toString`): base64 with `=` padding; base64url without padding.
//! - encode / write (both encodings alike): both alphabets accepted (`+`/`-` are 62, `/`/`_`
//!   are 63); every other character, whitespace included, is skipped; the first `=` ends the
//!   input; a final group of 1, 2 or 3 characters yields 0, 1 or 2 bytes. A two-byte string unit
//!   is read by its low byte, as Node does. `write` fills `dst` with the decoded prefix that fits.
//! - byteLength: the estimate `(length - up to two trailing '=') * 3 >>> 2`, junk counted.

use super::base64_small_target as small;
use super::simd;
use super::{JsStr, JsString};

/// Which of the two alphabets the output of [`decode`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alphabet {
    /// `+/` with `=` padding (`base64`).
    Standard,
    /// `-_` without padding (`base64url`).
    Url,
}

/// `buf.toString('base64' | 'base64url')` (always ASCII).
pub fn decode(bytes: &[u8], alphabet: Alphabet) -> JsString {
    JsString::Ascii(simd::base64_encode(bytes, alphabet == Alphabet::Url))
}

/// `Buffer.from(str, 'base64' | 'base64url')`: the lenient decode described in the module docs.
pub fn encode(s: JsStr<'_>) -> Vec<u8> {
    let limit = byte_length(s);
    let mut out = Vec::with_capacity(limit);
    let clean = match s {
        JsStr::Latin1(b) => simd::base64_decode_clean_append(b, limit, &mut out),
        JsStr::Utf16(u) => simd::base64_decode_clean_utf16_append(u, limit, &mut out),
    };
    if !clean {
        out.clear();
        match s {
            JsStr::Latin1(b) => decode_lenient(b.iter().copied(), limit, |c| out.push(c)),
            JsStr::Utf16(u) => decode_lenient(u.iter().map(|&c| c as u8), limit, |c| out.push(c)),
        };
    }
    out
}

/// `buf.write(str, 'base64' | 'base64url')`: the decoded prefix that fits in `dst`; returns
/// the bytes written. When `dst` is shorter than the input's maximal decoded length, Node's
/// first attempt (see the private `base64_small_target` module) decides, and `alphabet` (the encoding
/// named in the call) matters.
pub fn write(s: JsStr<'_>, dst: &mut [u8], alphabet: Alphabet) -> usize {
    let url = alphabet == Alphabet::Url;
    let first = match s {
        JsStr::Latin1(b) if dst.len() < small::maximal_length(b) => {
            small::first_attempt(b, dst, url)
        }
        JsStr::Utf16(u) if dst.len() < small::maximal_length(u) => {
            small::first_attempt(u, dst, url)
        }
        JsStr::Latin1(b) => simd::base64_decode_clean(b, dst),
        JsStr::Utf16(u) => simd::base64_decode_clean_utf16(u, dst),
    };
    if let Some(n) = first {
        return n;
    }
    let room = dst.len();
    let mut o = 0;
    let mut put = |c: u8| {
        dst[o] = c;
        o += 1;
    };
    match s {
        JsStr::Latin1(b) => decode_lenient(b.iter().copied(), room, &mut put),
        JsStr::Utf16(u) => decode_lenient(u.iter().map(|&c| c as u8), room, &mut put),
    }
}

/// Marks `=` in [`SEXTETS`].
const PAD: u8 = 0xFE;
/// Marks a character to skip in [`SEXTETS`].
const SKIP: u8 = 0xFF;

/// The value of each byte as a base64 digit of either alphabet, or [`PAD`] / [`SKIP`].
static SEXTETS: [u8; 256] = {
    let mut t = [SKIP; 256];
    let mut i = 0;
    while i < 26 {
        t[b'A' as usize + i] = i as u8;
        t[b'a' as usize + i] = 26 + i as u8;
        i += 1;
    }
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = 52 + d as u8;
        d += 1;
    }
    t[b'+' as usize] = 62;
    t[b'-' as usize] = 62;
    t[b'/' as usize] = 63;
    t[b'_' as usize] = 63;
    t[b'=' as usize] = PAD;
    t
};

/// Node's lenient decoder over low bytes: hands at most `room` bytes to `put`, returns the count.
fn decode_lenient(src: impl Iterator<Item = u8>, room: usize, mut put: impl FnMut(u8)) -> usize {
    let mut acc: u32 = 0;
    let mut have = 0u32;
    let mut o = 0;
    for c in src {
        let v = SEXTETS[c as usize];
        if v == PAD {
            break;
        }
        if v == SKIP {
            continue;
        }
        acc = (acc << 6) | u32::from(v);
        have += 1;
        if have == 4 {
            for shift in [16, 8, 0] {
                if o == room {
                    return o;
                }
                put((acc >> shift) as u8);
                o += 1;
            }
            acc = 0;
            have = 0;
        }
    }
    // A final group of 2 or 3 digits carries 1 or 2 whole bytes; 1 digit carries none.
    let tail: &[u32] = match have {
        2 => &[4],
        3 => &[10, 2],
        _ => &[],
    };
    for &shift in tail {
        if o == room {
            break;
        }
        put((acc >> shift) as u8);
        o += 1;
    }
    o
}

/// `Buffer.byteLength(str, 'base64' | 'base64url')`: Node's estimate.
pub fn byte_length(s: JsStr<'_>) -> usize {
    let mut n = s.len();
    if n > 0 && s.unit(n - 1) == Some(u16::from(b'=')) {
        n -= 1;
    }
    if n > 1 && s.unit(n - 1) == Some(u16::from(b'=')) {
        n -= 1;
    }
    // JS computes `(n * 3) >>> 2` on a double and truncates to 32 bits.
    ((n as u64 * 3) as u32 >> 2) as usize
}
