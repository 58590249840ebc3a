//! Node's encoding names: the seven encodings and every spelling Node accepts for them.

use super::JsStr;

/// One of the seven encodings Node v20's `Buffer` understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// `utf8` / `utf-8`.
    Utf8,
    /// `utf16le` / `utf-16le` / `ucs2` / `ucs-2`.
    Utf16le,
    /// `latin1` / `binary`.
    Latin1,
    /// `ascii`.
    Ascii,
    /// `base64`.
    Base64,
    /// `base64url`.
    Base64url,
    /// `hex`.
    Hex,
}

/// Every accepted spelling (lower case) and the encoding it names.
const NAMES: [(&str, Encoding); 12] = [
    ("utf8", Encoding::Utf8),
    ("utf-8", Encoding::Utf8),
    ("ucs2", Encoding::Utf16le),
    ("ucs-2", Encoding::Utf16le),
    ("utf16le", Encoding::Utf16le),
    ("utf-16le", Encoding::Utf16le),
    ("latin1", Encoding::Latin1),
    ("binary", Encoding::Latin1),
    ("ascii", Encoding::Ascii),
    ("base64", Encoding::Base64),
    ("base64url", Encoding::Base64url),
    ("hex", Encoding::Hex),
];

impl Encoding {
    /// All seven encodings.
    pub const ALL: [Encoding; 7] = [
        Encoding::Utf8,
        Encoding::Utf16le,
        Encoding::Latin1,
        Encoding::Ascii,
        Encoding::Base64,
        Encoding::Base64url,
        Encoding::Hex,
    ];

    /// Parses an encoding name as Node's `normalizeEncoding` does for a non-empty string:
    /// ASCII case-insensitive, never trimmed (`"UTF-8"` is utf8, `"utf8 "` is unknown).
    ///
    /// The empty string returns `None` here, as for `Buffer.isEncoding('')`; the places where
    /// Node treats `''`, `null` and `undefined` as utf8 (`toString`, `write`, `from`, `fill`,
    /// `transcode`, ...) must handle that before calling, see [`Encoding::parse_or_default`].
    /// (Lower-casing in JS can only turn the Kelvin sign into an ASCII letter, and no name
    /// contains `k`, so an ASCII comparison is exact.)
    pub fn parse(name: &str) -> Option<Encoding> {
        Self::parse_units(name.len(), |i| u16::from(name.as_bytes()[i]))
    }

    /// [`Encoding::parse`] for a JS string in either engine form (no conversion needed).
    pub fn parse_js(name: JsStr<'_>) -> Option<Encoding> {
        // Nearly every call spells a name as listed: compared whole first, without the
        // per-unit case folding.
        if let JsStr::Latin1(bytes) = name {
            if let Some(&(_, enc)) = NAMES.iter().find(|(n, _)| n.as_bytes() == bytes) {
                return Some(enc);
            }
        }
        Self::parse_units(name.len(), |i| name.unit(i).unwrap_or(0))
    }

    /// The rule of `buf.toString(enc)`, `Buffer.from(str, enc)`, `buf.write(str, enc)`: a
    /// missing (`None`: `undefined`/`null`) or empty name means utf8; otherwise [`Encoding::parse`].
    /// `None` in the result means Node throws `ERR_UNKNOWN_ENCODING` (except `byteLength`,
    /// which falls back to utf8).
    pub fn parse_or_default(name: Option<JsStr<'_>>) -> Option<Encoding> {
        match name {
            None => Some(Encoding::Utf8),
            Some(n) if n.is_empty() => Some(Encoding::Utf8),
            Some(n) => Self::parse_js(n),
        }
    }

    fn parse_units(len: usize, unit: impl Fn(usize) -> u16) -> Option<Encoding> {
        NAMES.iter().find_map(|&(name, enc)| {
            let matches = name.len() == len
                && name.bytes().enumerate().all(|(i, b)| {
                    let u = unit(i);
                    u < 0x80 && (u as u8).to_ascii_lowercase() == b
                });
            matches.then_some(enc)
        })
    }

    /// Node's canonical name (`normalizeEncoding`'s result): `utf8`, `utf16le`, `latin1`,
    /// `ascii`, `base64`, `base64url` or `hex`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Utf16le => "utf16le",
            Encoding::Latin1 => "latin1",
            Encoding::Ascii => "ascii",
            Encoding::Base64 => "base64",
            Encoding::Base64url => "base64url",
            Encoding::Hex => "hex",
        }
    }
}

/// `Buffer.isEncoding(name)` for a string argument: true when Node knows the name.
/// `isEncoding('')` is false even though `''` means utf8 elsewhere; a non-string argument is
/// always false (that check belongs to the caller).
pub fn is_encoding(name: JsStr<'_>) -> bool {
    Encoding::parse_js(name).is_some()
}
