//! `atob` and `btoa`, the WHATWG base64 functions exported by `require('buffer')` (and global).
//! Unlike `Buffer`'s lenient base64 they reject bad input with an `InvalidCharacterError`
//! DOMException, with the two messages Node v20 uses.

use super::{base64, simd, JsStr, JsString};
use crate::NodeError;

const INVALID_CHARACTER: &str = "Invalid character";
const NOT_CORRECTLY_ENCODED: &str = "The string to be decoded is not correctly encoded.";

fn invalid(message: &str) -> NodeError {
    NodeError::dom_exception("InvalidCharacterError", message)
}

/// The error `atob()` and `btoa()` throw when called with no argument at all
/// (`TypeError [ERR_MISSING_ARGS]: The "input" argument must be specified`). Any present
/// argument, `undefined` included, is stringified by the caller (`atob(undefined)` decodes
/// `"undefined"`).
pub fn missing_input() -> NodeError {
    NodeError::missing_arg("input")
}

/// `atob(input)` on the stringified argument: WHATWG forgiving-base64 decoding as Node v20
/// does it (through simdutf: standard alphabet only, ASCII whitespace skipped, up to two `=`
/// only at the end with correct padding). A single leftover digit gives "The string to be
/// decoded is not correctly encoded.", any other problem "Invalid character". The result is
/// the decoded bytes as a latin1 string.
pub fn atob(input: JsStr<'_>) -> Result<JsString, NodeError> {
    match simd::base64_decode_strict(input) {
        Ok(bytes) => Ok(JsString::from_latin1(bytes)),
        Err(simd::StrictBase64Error::Remainder) => Err(invalid(NOT_CORRECTLY_ENCODED)),
        Err(simd::StrictBase64Error::InvalidCharacter) => Err(invalid(INVALID_CHARACTER)),
    }
}

/// `btoa(input)` on the stringified argument: base64 (standard, padded) of the string's units
/// as latin1 bytes; a unit above 0xFF is an `InvalidCharacterError`.
pub fn btoa(input: JsStr<'_>) -> Result<JsString, NodeError> {
    match input {
        JsStr::Latin1(b) => Ok(base64::decode(b, base64::Alphabet::Standard)),
        JsStr::Utf16(u) => {
            if u.iter().any(|&c| c > 0xFF) {
                return Err(invalid(INVALID_CHARACTER));
            }
            let bytes = super::units::narrow(u);
            Ok(base64::decode(&bytes, base64::Alphabet::Standard))
        }
    }
}
