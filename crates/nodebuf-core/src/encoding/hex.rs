//! hex: two lower-case hex digits per byte.
//!
//! - decode (`toString('hex')`): lower-case digits.
//! - encode / write: digit pairs until the first pair that is not two hex digits (either case);
//!   an odd last digit is dropped. A two-byte string unit is read by its low byte, as Node does
//!   (`'\u0161\u0162'` decodes like `'ab'`).
//! - byteLength: `length >>> 1`, whatever the content.

use super::{JsStr, JsString};

/// Pairs of hex digits handled per vectorized step (16 output bytes).
const CHUNK: usize = 32;

/// `buf.toString('hex')`: two lower-case digits per byte (always ASCII).
pub fn decode(bytes: &[u8]) -> JsString {
    let n = bytes.len() * 2;
    let mut out = Vec::with_capacity(n);
    let spare = &mut out.spare_capacity_mut()[..n];
    for (o, &b) in spare.chunks_exact_mut(2).zip(bytes) {
        o[0].write(digit(b >> 4));
        o[1].write(digit(b & 0x0F));
    }
    // SAFETY: `spare` has exactly `2 * bytes.len()` slots, all written by the loop above.
    unsafe { out.set_len(n) };
    JsString::Ascii(out)
}

/// The lower-case digit for a nibble, branch-free so the loop above vectorizes.
#[inline(always)]
fn digit(n: u8) -> u8 {
    // 39 = 'a' - '0' - 10: added only when n > 9 (then 9 - n wraps and its top bit is set).
    n + b'0' + ((9u8.wrapping_sub(n) >> 7) * 39)
}

/// The value of a hex digit, or 0xFF.
#[inline(always)]
fn nibble(c: u8) -> u8 {
    let d = c.wrapping_sub(b'0');
    let l = (c | 0x20).wrapping_sub(b'a');
    if d < 10 {
        d
    } else if l < 6 {
        l + 10
    } else {
        0xFF
    }
}

/// `Buffer.from(str, 'hex')`: the bytes of the leading valid digit pairs.
pub fn encode(s: JsStr<'_>) -> Vec<u8> {
    let mut out = vec![0u8; s.len() / 2];
    let n = write(s, &mut out);
    out.truncate(n);
    out
}

/// `buf.write(str, 'hex')`: decodes leading valid digit pairs into `dst` until the string, the
/// valid pairs or `dst` run out; returns the bytes written.
pub fn write(s: JsStr<'_>, dst: &mut [u8]) -> usize {
    match s {
        JsStr::Latin1(b) => decode_pairs(b, dst),
        JsStr::Utf16(u) => decode_pairs(u, dst),
    }
}

/// A string unit as hex decoding sees it: its low byte.
trait LowByte: Copy {
    fn low(self) -> u8;
}
impl LowByte for u8 {
    #[inline(always)]
    fn low(self) -> u8 {
        self
    }
}
impl LowByte for u16 {
    #[inline(always)]
    fn low(self) -> u8 {
        self as u8
    }
}

fn decode_pairs<T: LowByte>(src: &[T], dst: &mut [u8]) -> usize {
    let pairs = (src.len() / 2).min(dst.len());
    let src = &src[..pairs * 2];
    let mut o = 0;
    // Whole chunks of valid digits go through a loop without early exits, which vectorizes;
    // the first chunk holding an invalid digit is finished pair by pair.
    for (chunk, out) in src.chunks_exact(CHUNK).zip(dst.chunks_exact_mut(CHUNK / 2)) {
        let mut vals = [0u8; CHUNK];
        let mut bad = 0u8;
        for (v, &c) in vals.iter_mut().zip(chunk) {
            let n = nibble(c.low());
            bad |= n;
            *v = n;
        }
        if bad > 0x0F {
            break;
        }
        for (d, p) in out.iter_mut().zip(vals.chunks_exact(2)) {
            *d = (p[0] << 4) | p[1];
        }
        o += CHUNK / 2;
    }
    for p in src[o * 2..].chunks_exact(2) {
        let (h, l) = (nibble(p[0].low()), nibble(p[1].low()));
        if (h | l) > 0x0F {
            break;
        }
        dst[o] = (h << 4) | l;
        o += 1;
    }
    o
}

/// `Buffer.byteLength(str, 'hex')`: `length >>> 1`.
pub fn byte_length(s: JsStr<'_>) -> usize {
    s.len() >> 1
}
