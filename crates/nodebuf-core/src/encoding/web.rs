//! `atob` and `btoa`, the WHATWG base64 functions exported by `require('buffer')` (and global).
//! Unlike `Buffer`'s lenient base64 they reject bad input with an `InvalidCharacterError`
//! DOMException, with the two messages Node v20 uses.

use super::{base64, JsStr, JsString};
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

/// The ASCII whitespace forgiving-base64 ignores: TAB, LF, FF, CR, SPACE.
fn is_ascii_whitespace(u: u16) -> bool {
    matches!(u, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

fn is_base64_digit(u: u16) -> bool {
    u < 0x80 && matches!(u as u8, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/')
}

/// `atob(input)` on the stringified argument: validates as Node v20 does (only the standard
/// alphabet, ASCII whitespace anywhere, at most two `=` and only at the end, no `=` when the
/// digit count is not a multiple of 4, never a single final digit) and returns the decoded
/// bytes as a latin1 string.
pub fn atob(input: JsStr<'_>) -> Result<JsString, NodeError> {
    let mut significant = 0usize;
    let mut equals = 0usize;
    for i in 0..input.len() {
        let u = input.unit(i).unwrap_or(0);
        if is_ascii_whitespace(u) {
            continue;
        }
        if u == u16::from(b'=') {
            significant += 1;
            equals += 1;
            if equals > 2 {
                return Err(invalid(INVALID_CHARACTER));
            }
        } else if is_base64_digit(u) {
            significant += 1;
            if equals > 0 {
                return Err(invalid(INVALID_CHARACTER));
            }
        } else {
            return Err(invalid(INVALID_CHARACTER));
        }
    }
    let mut remainder = significant % 4;
    if remainder == 0 {
        remainder = (significant - equals) % 4;
    } else if equals > 0 {
        return Err(invalid(INVALID_CHARACTER));
    }
    if remainder == 1 {
        return Err(invalid(NOT_CORRECTLY_ENCODED));
    }
    Ok(JsString::from_latin1(base64::encode(input)))
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
