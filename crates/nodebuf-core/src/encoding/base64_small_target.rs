//! How Node v20 decodes base64 for `buf.write` when the target is smaller than the input's
//! maximal decoded length.
//!
//! Node first tries simdutf 6.4.2's `base64_to_binary_safe` with the encoding's own alphabet and
//! keeps its result when it reports success; otherwise it runs its legacy lenient decoder over
//! the same target. For a short target simdutf 6.4.2 decodes a prefix of whole groups, backs up
//! a fixed number of characters and decodes the rest separately; when the prefix ended inside
//! the padding, that back-up lands on the wrong characters and Node reports (and writes) bytes
//! decoded from a shifted group (`Buffer.alloc(3).write('Yoc==\t', 'base64')` writes `a1 87`
//! and returns 1). This module reproduces that behaviour, writes included, from observation
//! and from the published simdutf behaviour; nothing here is simdutf's code.

/// One unit of a JS string as simdutf sees it: 8-bit (latin1) or 16-bit.
pub(super) trait Unit: Copy {
    /// The unit's value.
    fn value(self) -> u16;
}
impl Unit for u8 {
    fn value(self) -> u16 {
        u16::from(self)
    }
}
impl Unit for u16 {
    fn value(self) -> u16 {
        self
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Success,
    InvalidCharacter,
    Remainder,
    TooSmall,
}

const WS: u8 = 64;
const BAD: u8 = 255;

/// Digit values of one alphabet (`url` picks `-_` instead of `+/`); ASCII whitespace is
/// [`WS`], everything else [`BAD`].
fn digit_table(url: bool) -> [u8; 256] {
    let mut t = [BAD; 256];
    for (i, c) in (b'A'..=b'Z')
        .chain(b'a'..=b'z')
        .chain(b'0'..=b'9')
        .enumerate()
    {
        t[usize::from(c)] = i as u8;
    }
    let (c62, c63) = if url { (b'-', b'_') } else { (b'+', b'/') };
    t[usize::from(c62)] = 62;
    t[usize::from(c63)] = 63;
    for c in [b' ', b'\t', b'\n', b'\r', 0x0C] {
        t[usize::from(c)] = WS;
    }
    t
}

fn code<T: Unit>(table: &[u8; 256], c: T) -> u8 {
    let v = c.value();
    if v > 0xFF {
        BAD
    } else {
        table[usize::from(v)]
    }
}

fn is_ws<T: Unit>(c: T) -> bool {
    matches!(c.value(), 0x20 | 0x09 | 0x0A | 0x0D | 0x0C)
}

fn is_pad<T: Unit>(c: T) -> bool {
    c.value() == u16::from(b'=')
}

/// simdutf's maximal decoded length: trailing `=` (up to two, only at the very end) removed.
pub(super) fn maximal_length<T: Unit>(src: &[T]) -> usize {
    let mut padding = 0;
    if src.last().is_some_and(|&c| is_pad(c)) {
        padding += 1;
        if src.len() > 1 && is_pad(src[src.len() - 2]) {
            padding += 1;
        }
    }
    let actual = src.len() - padding;
    if actual % 4 <= 1 {
        actual / 4 * 3
    } else {
        actual / 4 * 3 + actual % 4 - 1
    }
}

/// Reads the next group of up to four digits starting at `*pos`, skipping whitespace.
/// `Err(())` on an invalid character (with `*pos` at it).
fn next_group<T: Unit>(
    table: &[u8; 256],
    src: &[T],
    pos: &mut usize,
    group: &mut [u8; 4],
) -> Result<usize, ()> {
    let mut n = 0;
    while n < 4 && *pos < src.len() {
        match code(table, src[*pos]) {
            WS => {}
            BAD => return Err(()),
            v => {
                group[n] = v;
                n += 1;
            }
        }
        *pos += 1;
    }
    Ok(n)
}

fn group_bytes(group: &[u8; 4]) -> [u8; 3] {
    let v = (u32::from(group[0]) << 18)
        | (u32::from(group[1]) << 12)
        | (u32::from(group[2]) << 6)
        | u32::from(group[3]);
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

/// Loose decoding of `src` (padding already removed) into `dst`, bounded by `dst.len()` when
/// `bounded`: `(status, bytes written)`. Whole groups write 3 bytes; a final group of 2 or 3
/// digits writes 1 or 2; a final single digit is a remainder error.
fn tail_decode<T: Unit>(table: &[u8; 256], src: &[T], dst: &mut [u8]) -> (Status, usize) {
    let mut pos = 0;
    let mut o = 0;
    let mut group = [0u8; 4];
    loop {
        let n = match next_group(table, src, &mut pos, &mut group) {
            Ok(n) => n,
            Err(()) => return (Status::InvalidCharacter, o),
        };
        let bytes = group_bytes(&group);
        let take = match n {
            4 => 3,
            0 => return (Status::Success, o),
            1 => return (Status::Remainder, o),
            n => n - 1,
        };
        if dst.len() - o < take {
            return (Status::TooSmall, o);
        }
        dst[o..o + take].copy_from_slice(&bytes[..take]);
        o += take;
        if n < 4 {
            return (Status::Success, o);
        }
    }
}

/// Strips trailing whitespace, then up to two `=` (whitespace allowed between them):
/// `(remaining length, padding count, index of the first padding character)`.
fn strip_padding<T: Unit>(src: &[T]) -> (usize, usize, usize) {
    let mut len = src.len();
    while len > 0 && is_ws(src[len - 1]) {
        len -= 1;
    }
    let mut padding = 0;
    let mut first_pad = len;
    if len > 0 && is_pad(src[len - 1]) {
        len -= 1;
        first_pad = len;
        padding = 1;
        while len > 0 && is_ws(src[len - 1]) {
            len -= 1;
        }
        if len > 0 && is_pad(src[len - 1]) {
            len -= 1;
            first_pad = len;
            padding = 2;
        }
    }
    (len, padding, first_pad)
}

/// A padded input must end with a partial group that the padding completes to four.
fn padding_fits(written: usize, padding: usize) -> bool {
    !(written.is_multiple_of(3) || written % 3 + 1 + padding != 4)
}

/// Whole-input forgiving decode (the first stage): `(status, bytes written)`.
fn decode_details<T: Unit>(table: &[u8; 256], src: &[T], dst: &mut [u8]) -> (Status, usize) {
    let (len, padding, _) = strip_padding(src);
    if len == 0 {
        let status = if padding > 0 {
            Status::InvalidCharacter
        } else {
            Status::Success
        };
        return (status, 0);
    }
    let (status, written) = tail_decode(table, &src[..len], dst);
    if status == Status::Success && padding > 0 && !padding_fits(written, padding) {
        return (Status::InvalidCharacter, written);
    }
    (status, written)
}

/// Node's first attempt for a target shorter than [`maximal_length`]: `Some(bytes)` when it
/// succeeds (Node then returns that count), `None` when Node falls back to its legacy decoder.
/// Bytes are written into `dst` exactly as that attempt writes them, success or not.
pub(super) fn first_attempt<T: Unit>(src: &[T], dst: &mut [u8], url: bool) -> Option<usize> {
    let table = digit_table(url);
    let out3 = dst.len() / 3 * 3;
    let prefix_len = (out3 / 3 * 4).min(src.len());
    let (status, written) = decode_details(&table, &src[..prefix_len], &mut dst[..out3]);
    if status == Status::InvalidCharacter {
        return None;
    }
    // Back up over the characters of the last, possibly partial, group of the prefix.
    let mut back = match status {
        Status::Remainder => 1,
        _ if written % 3 == 0 => 0,
        _ => written % 3 + 1,
    };
    let out_index = written - written % 3;
    let mut in_index = prefix_len;
    while back > 0 && in_index > 0 {
        in_index -= 1;
        if !is_ws(src[in_index]) {
            back -= 1;
        }
    }
    let tail = &src[in_index..];
    let (len, padding, _) = strip_padding(tail);
    let (status, tail_written) = if len == 0 {
        (Status::Success, 0)
    } else {
        tail_decode(&table, &tail[..len], &mut dst[out_index..])
    };
    let total = out_index + tail_written;
    if status != Status::Success || (padding > 0 && !padding_fits(total, padding)) {
        return None;
    }
    Some(total)
}
