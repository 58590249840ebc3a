//! The two shapes a JS string takes inside an engine (one-byte latin1 or two-byte UTF-16), as a
//! borrowed input ([`JsStr`]) and as an owned output ([`JsString`]).
//!
//! V8 and QuickJS both store a string either as latin1 bytes (every unit < 0x100) or as UTF-16
//! code units (which may hold lone surrogates). Every encoder here accepts either shape without
//! converting it first, and every decoder returns the cheapest shape an engine can adopt.

use super::units;

/// A borrowed JS string: a sequence of UTF-16 code units, stored one byte or two bytes per unit.
///
/// `Latin1(b)` means the units `b[0] as u16, b[1] as u16, ...`; `Utf16(u)` holds the units as
/// they are, lone surrogates included (a JS string is not necessarily well-formed UTF-16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsStr<'a> {
    /// One byte per unit (each unit < 0x100), as engines store most strings.
    Latin1(&'a [u8]),
    /// One `u16` per unit, in native order; may contain lone surrogates.
    Utf16(&'a [u16]),
}

impl<'a> JsStr<'a> {
    /// The string's `length` in JS: its number of UTF-16 code units.
    pub fn len(&self) -> usize {
        match self {
            JsStr::Latin1(b) => b.len(),
            JsStr::Utf16(u) => u.len(),
        }
    }

    /// True for the empty string.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The code unit at `index` (`charCodeAt`), if in range.
    pub fn unit(&self, index: usize) -> Option<u16> {
        match self {
            JsStr::Latin1(b) => b.get(index).map(|&c| u16::from(c)),
            JsStr::Utf16(u) => u.get(index).copied(),
        }
    }

    /// True when every unit is below 0x80 (SIMD scan), e.g. so that an engine can create the
    /// string from these bytes with a plain copy, or skip a conversion.
    pub fn is_ascii(&self) -> bool {
        match self {
            JsStr::Latin1(b) => units::is_ascii(b),
            JsStr::Utf16(u) => units::classify_utf16(u) == units::Width::Ascii,
        }
    }

    /// A borrowed view of an ASCII or latin1 Rust string slice's bytes, for callers that hold
    /// one-byte text (`JsStr::from_latin1(b"abc")`).
    pub fn from_latin1(bytes: &'a [u8]) -> Self {
        JsStr::Latin1(bytes)
    }
}

/// An owned JS string produced by a decoder, in the cheapest form an engine can adopt.
///
/// Decoders in this module always return the canonical form: [`JsString::Ascii`] when every unit
/// is below 0x80 (an engine can create it with a memcpy, and it is valid UTF-8 too),
/// [`JsString::Latin1`] when every unit is below 0x100 and at least one is not ASCII, and
/// [`JsString::Utf16`] otherwise. [`JsString::canonical`] restores that form for hand-built values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsString {
    /// Every unit < 0x80, one byte each (also valid UTF-8).
    Ascii(Vec<u8>),
    /// Every unit < 0x100, one byte each.
    Latin1(Vec<u8>),
    /// UTF-16 code units in native order; may contain lone surrogates.
    Utf16(Vec<u16>),
}

impl JsString {
    /// The string's `length` in JS (UTF-16 code units).
    pub fn len(&self) -> usize {
        match self {
            JsString::Ascii(b) | JsString::Latin1(b) => b.len(),
            JsString::Utf16(u) => u.len(),
        }
    }

    /// True for the empty string.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when the string is in the pure-ASCII one-byte form (creatable with a memcpy).
    pub fn is_ascii(&self) -> bool {
        matches!(self, JsString::Ascii(_))
    }

    /// Borrows the string as a [`JsStr`] (the one-byte forms both become `JsStr::Latin1`).
    pub fn as_js_str(&self) -> JsStr<'_> {
        match self {
            JsString::Ascii(b) | JsString::Latin1(b) => JsStr::Latin1(b),
            JsString::Utf16(u) => JsStr::Utf16(u),
        }
    }

    /// The string's UTF-16 code units (allocates for the one-byte forms).
    pub fn to_utf16(&self) -> Vec<u16> {
        match self {
            JsString::Ascii(b) | JsString::Latin1(b) => b.iter().map(|&c| u16::from(c)).collect(),
            JsString::Utf16(u) => u.clone(),
        }
    }

    /// Builds the canonical form from one-byte units: `Ascii` if all < 0x80, else `Latin1`.
    pub fn from_latin1(bytes: Vec<u8>) -> JsString {
        if units::is_ascii(&bytes) {
            JsString::Ascii(bytes)
        } else {
            JsString::Latin1(bytes)
        }
    }

    /// Builds the canonical form from UTF-16 units, narrowing to one byte per unit when every
    /// unit is below 0x100.
    pub fn from_utf16(units_in: Vec<u16>) -> JsString {
        match units::classify_utf16(&units_in) {
            units::Width::Ascii => JsString::Ascii(units::narrow(&units_in)),
            units::Width::Latin1 => JsString::Latin1(units::narrow(&units_in)),
            units::Width::Wide => JsString::Utf16(units_in),
        }
    }

    /// The same string in canonical form (see the type's documentation).
    pub fn canonical(self) -> JsString {
        match self {
            JsString::Ascii(b) | JsString::Latin1(b) => JsString::from_latin1(b),
            JsString::Utf16(u) => JsString::from_utf16(u),
        }
    }
}

impl From<&str> for JsString {
    /// The JS string holding the same text as a Rust `&str` (always well-formed).
    fn from(s: &str) -> JsString {
        if s.is_ascii() {
            JsString::Ascii(s.as_bytes().to_vec())
        } else {
            JsString::from_utf16(s.encode_utf16().collect())
        }
    }
}
