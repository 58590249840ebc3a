//! The incomplete-sequence state of Node's `StringDecoder` (`require('string_decoder')`): bytes
//! arrive in chunks, and a character cut by a chunk boundary is held back until the rest
//! arrives (utf8, utf16le) or until a whole 3-byte group is there (base64, base64url).
//!
//! Node keeps this state in a 7-byte buffer the JS object owns (`[Symbol(kNativeDecoder)]`,
//! visible to `util.inspect`): bytes 0..4 hold the incomplete character (`lastChar`), byte 4 the
//! number of bytes still missing (`lastNeed`), byte 5 the number buffered, byte 6 the encoding.
//! [`DecoderState`] reads and writes exactly that layout ([`DecoderState::from_bytes`],
//! [`DecoderState::to_bytes`]) so the JS side can keep Node's observable shape.
//!
//! The rules mirrored here are Node v20's, including its quirks: a utf8 sequence interrupted by
//! a byte that is not a continuation byte is flushed as replacement characters and decoding
//! restarts at that byte; a trailing high surrogate in utf16le is held back; `end()` drops an odd
//! trailing utf16le byte; latin1, ascii and hex never hold anything back.

use super::{decode, Encoding, JsString};

/// Size of Node's state buffer.
pub const STATE_SIZE: usize = 7;
const MISSING: usize = 4;
const BUFFERED: usize = 5;
const ENCODING: usize = 6;

/// One `StringDecoder`'s state: the held-back bytes and how many more the character needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecoderState {
    /// The incomplete character's bytes (only the first `buffered` are meaningful).
    pub last_char: [u8; 4],
    /// Bytes still missing to complete the held-back character (`lastNeed`).
    pub missing: u8,
    /// Bytes held back (`lastTotal - lastNeed`).
    pub buffered: u8,
    /// The decoder's encoding.
    pub encoding: Encoding,
}

/// Node's numbering of encodings in the state buffer's last byte (its C++ `enum encoding`).
fn encoding_code(enc: Encoding) -> u8 {
    match enc {
        Encoding::Ascii => 0,
        Encoding::Utf8 => 1,
        Encoding::Base64 => 2,
        Encoding::Utf16le => 3,
        Encoding::Latin1 => 4,
        Encoding::Hex => 5,
        Encoding::Base64url => 7,
    }
}

fn encoding_from_code(code: u8) -> Option<Encoding> {
    Encoding::ALL
        .into_iter()
        .find(|&e| encoding_code(e) == code)
}

/// Concatenates two decoded strings, keeping the canonical form.
fn concat(a: JsString, b: JsString) -> JsString {
    if a.is_empty() {
        return b;
    }
    if b.is_empty() {
        return a;
    }
    match (a, b) {
        (JsString::Ascii(mut x), JsString::Ascii(y)) => {
            x.extend_from_slice(&y);
            JsString::Ascii(x)
        }
        (
            JsString::Ascii(mut x) | JsString::Latin1(mut x),
            JsString::Ascii(y) | JsString::Latin1(y),
        ) => {
            x.extend_from_slice(&y);
            JsString::Latin1(x)
        }
        (a, b) => {
            let mut units = a.to_utf16();
            units.extend(b.to_utf16());
            JsString::from_utf16(units)
        }
    }
}

/// The number of bytes a utf8 sequence starting with `lead` should have, if it is a lead byte
/// Node recognises (0xC0..0xF7; 0xF8.. count as complete on their own).
fn utf8_sequence_len(lead: u8) -> Option<u8> {
    match lead {
        b if b & 0xE0 == 0xC0 => Some(2),
        b if b & 0xF0 == 0xE0 => Some(3),
        b if b & 0xF8 == 0xF0 => Some(4),
        _ => None,
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

impl DecoderState {
    /// A fresh decoder for `encoding` (`new StringDecoder(encoding)`).
    pub fn new(encoding: Encoding) -> DecoderState {
        DecoderState {
            last_char: [0; 4],
            missing: 0,
            buffered: 0,
            encoding,
        }
    }

    /// Reads Node's 7-byte state layout; `None` when it is not a state this module wrote (wrong
    /// size, unknown encoding byte, or counts past the 4-byte character buffer).
    pub fn from_bytes(bytes: &[u8]) -> Option<DecoderState> {
        if bytes.len() != STATE_SIZE {
            return None;
        }
        let encoding = encoding_from_code(bytes[ENCODING])?;
        let (missing, buffered) = (bytes[MISSING], bytes[BUFFERED]);
        if usize::from(missing) + usize::from(buffered) > 4 {
            return None;
        }
        let mut last_char = [0; 4];
        last_char.copy_from_slice(&bytes[..4]);
        Some(DecoderState {
            last_char,
            missing,
            buffered,
            encoding,
        })
    }

    /// Node's 7-byte state layout of this state.
    pub fn to_bytes(&self) -> [u8; STATE_SIZE] {
        let mut out = [0; STATE_SIZE];
        out[..4].copy_from_slice(&self.last_char);
        out[MISSING] = self.missing;
        out[BUFFERED] = self.buffered;
        out[ENCODING] = encoding_code(self.encoding);
        out
    }

    /// `decoder.write(chunk)`: the text of `data` plus any held-back character it completes,
    /// holding back a character cut at the end of `data`.
    pub fn write(&mut self, data: &[u8]) -> JsString {
        let enc = self.encoding;
        if !matches!(
            enc,
            Encoding::Utf8 | Encoding::Utf16le | Encoding::Base64 | Encoding::Base64url
        ) {
            return decode(enc, data);
        }
        let mut data = data;
        let mut prepend = None;
        if self.missing > 0 {
            if enc == Encoding::Utf8 {
                // A byte that should continue the held-back character but does not ends it
                // (as replacement characters) and starts the rest of the text.
                let need = usize::from(self.missing).min(data.len());
                if let Some(i) = data[..need].iter().position(|&b| !is_continuation(b)) {
                    self.take(&data[..i]);
                    self.missing = 0;
                    data = &data[i..];
                }
            }
            let found = usize::from(self.missing).min(data.len());
            self.take(&data[..found]);
            data = &data[found..];
            // `found` <= `missing` by construction.
            self.missing -= found as u8;
            if self.missing == 0 {
                prepend = Some(decode(enc, &self.last_char[..usize::from(self.buffered)]));
                self.buffered = 0;
            }
        }
        if data.is_empty() {
            return prepend.unwrap_or(JsString::Ascii(Vec::new()));
        }
        self.hold_back_tail(data);
        let body_len = data.len() - usize::from(self.buffered);
        let held = &data[body_len..];
        self.last_char[..held.len()].copy_from_slice(held);
        let body = decode(enc, &data[..body_len]);
        match prepend {
            Some(p) => concat(p, body),
            None => body,
        }
    }

    /// Appends `bytes` to the held-back character.
    fn take(&mut self, bytes: &[u8]) {
        let at = usize::from(self.buffered);
        self.last_char[at..at + bytes.len()].copy_from_slice(bytes);
        self.buffered += bytes.len() as u8;
    }

    /// Decides how many bytes at the end of `data` (non-empty, nothing held) start a character
    /// that is not complete yet, setting `buffered` and `missing`.
    fn hold_back_tail(&mut self, data: &[u8]) {
        let n = data.len();
        match self.encoding {
            Encoding::Utf8 if data[n - 1] & 0x80 != 0 => {
                let mut trailing = 0u8;
                for i in (0..n).rev() {
                    trailing += 1;
                    if is_continuation(data[i]) {
                        if trailing >= 4 || i == 0 {
                            // Too far back, or the lead byte is in an earlier chunk: treat
                            // the tail as complete (the decoder will replace what is bad).
                            return;
                        }
                        continue;
                    }
                    if let Some(len) = utf8_sequence_len(data[i]) {
                        if trailing < len {
                            self.buffered = trailing;
                            self.missing = len - trailing;
                        }
                    }
                    return;
                }
            }
            Encoding::Utf16le => {
                if n % 2 == 1 {
                    self.buffered = 1;
                    self.missing = 1;
                } else if data[n - 1] & 0xFC == 0xD8 {
                    self.buffered = 2;
                    self.missing = 2;
                }
            }
            Encoding::Base64 | Encoding::Base64url => {
                let rest = (n % 3) as u8;
                if rest > 0 {
                    self.buffered = rest;
                    self.missing = 3 - rest;
                }
            }
            _ => {}
        }
    }

    /// The flush half of `decoder.end()`: the held-back bytes decoded as they are (an odd
    /// utf16le byte is dropped), leaving the decoder empty.
    pub fn flush(&mut self) -> JsString {
        if self.encoding == Encoding::Utf16le && self.buffered % 2 == 1 {
            self.missing = self.missing.saturating_sub(1);
            self.buffered -= 1;
        }
        if self.buffered == 0 {
            return JsString::Ascii(Vec::new());
        }
        let text = decode(self.encoding, &self.last_char[..usize::from(self.buffered)]);
        self.missing = 0;
        self.buffered = 0;
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: JsString) -> String {
        String::from_utf16(&s.to_utf16()).unwrap()
    }

    #[test]
    fn utf8_euro_split_across_chunks() {
        let mut d = DecoderState::new(Encoding::Utf8);
        assert_eq!(text(d.write(&[0xE2, 0x82])), "");
        assert_eq!((d.missing, d.buffered), (1, 2));
        assert_eq!(text(d.write(&[0xAC, b'a'])), "€a");
        assert_eq!(text(d.flush()), "");
    }

    #[test]
    fn utf8_interrupted_sequence_restarts_at_the_new_byte() {
        let mut d = DecoderState::new(Encoding::Utf8);
        assert_eq!(text(d.write(&[0xE2])), "");
        assert_eq!(text(d.write(b"a")), "\u{FFFD}a");
    }

    #[test]
    fn utf16_high_surrogate_is_held() {
        let mut d = DecoderState::new(Encoding::Utf16le);
        assert_eq!(text(d.write(&[0x3D, 0xD8])), "");
        assert_eq!(text(d.write(&[0x00, 0xDE])), "\u{1F600}");
        assert_eq!(text(d.write(&[0x61])), "");
        assert_eq!(text(d.flush()), "");
    }

    #[test]
    fn state_round_trips_through_node_layout() {
        let mut d = DecoderState::new(Encoding::Base64);
        d.write(b"ab");
        let bytes = d.to_bytes();
        assert_eq!(bytes, [b'a', b'b', 0, 0, 1, 2, 2]);
        assert_eq!(DecoderState::from_bytes(&bytes), Some(d));
        assert_eq!(DecoderState::from_bytes(&[0, 0, 0, 0, 3, 3, 1]), None);
        assert_eq!(text(d.flush()), "YWI=");
    }
}
