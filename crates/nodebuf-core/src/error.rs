//! Node's error catalogue: the class, `code` and message of every error a Buffer operation can
//! throw, so that every layer (core, JS face, runner) reports failures exactly as Node v20 does.
//!
//! A [`NodeError`] is plain data; the JS face turns it into a real `TypeError`/`RangeError`/`Error`
//! with an enumerable `code` and Node's `String(e)` form (`RangeError [ERR_OUT_OF_RANGE]: ...`).

use std::fmt;

/// The JS class a [`NodeError`] is thrown as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// A plain `Error` (for example `ERR_BUFFER_OUT_OF_BOUNDS` from typed-array views).
    Error,
    /// A `TypeError` (for example `ERR_INVALID_ARG_TYPE`).
    TypeError,
    /// A `RangeError` (for example `ERR_OUT_OF_RANGE`).
    RangeError,
    /// A WHATWG `DOMException` with the given `name` (for example `InvalidCharacterError` from `atob`).
    DomException(&'static str),
}

impl ErrorClass {
    /// The class name as JS prints it (`TypeError`, or the DOMException's `name`).
    pub fn name(self) -> &'static str {
        match self {
            ErrorClass::Error => "Error",
            ErrorClass::TypeError => "TypeError",
            ErrorClass::RangeError => "RangeError",
            ErrorClass::DomException(name) => name,
        }
    }
}

/// An error exactly as Node would throw it: class, optional `code`, and message text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeError {
    /// Which JS class the error is.
    pub class: ErrorClass,
    /// Node's `code` property (`ERR_OUT_OF_RANGE`, ...); `None` for the few errors without one.
    pub code: Option<&'static str>,
    /// The message, character for character as Node prints it.
    pub message: String,
}

impl NodeError {
    /// An error of `class` with `code` and `message`.
    pub fn new(class: ErrorClass, code: &'static str, message: impl Into<String>) -> Self {
        NodeError {
            class,
            code: Some(code),
            message: message.into(),
        }
    }

    /// An error without a `code` (Node throws a few, e.g. BigInt writes given a Number).
    pub fn without_code(class: ErrorClass, message: impl Into<String>) -> Self {
        NodeError {
            class,
            code: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for NodeError {
    /// Formats like Node's `String(err)`: `RangeError [ERR_OUT_OF_RANGE]: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "{} [{}]: {}", self.class.name(), code, self.message),
            None => write!(f, "{}: {}", self.class.name(), self.message),
        }
    }
}

impl std::error::Error for NodeError {}

// ---------------------------------------------------------------------------------------------
// Constructors used by the encoding module (atob/btoa/transcode). Kept in their own block so the
// catalogue above stays untouched.

impl NodeError {
    /// A WHATWG `DOMException` named `name` (e.g. `InvalidCharacterError`) with `message`.
    ///
    /// It has no string `code`: a DOMException's numeric `code` (5 for
    /// `InvalidCharacterError`) follows from its name, see [`NodeError::dom_exception_code`].
    pub fn dom_exception(name: &'static str, message: impl Into<String>) -> Self {
        NodeError::without_code(ErrorClass::DomException(name), message)
    }

    /// The legacy numeric `code` of a DOMException with this `name` (0 for names without one).
    pub fn dom_exception_code(name: &str) -> u16 {
        match name {
            "IndexSizeError" => 1,
            "HierarchyRequestError" => 3,
            "WrongDocumentError" => 4,
            "InvalidCharacterError" => 5,
            "NoModificationAllowedError" => 7,
            "NotFoundError" => 8,
            "NotSupportedError" => 9,
            "InvalidStateError" => 11,
            "SyntaxError" => 12,
            "InvalidModificationError" => 13,
            "NamespaceError" => 14,
            "InvalidAccessError" => 15,
            "TypeMismatchError" => 17,
            "SecurityError" => 18,
            "NetworkError" => 19,
            "AbortError" => 20,
            "URLMismatchError" => 21,
            "QuotaExceededError" => 22,
            "TimeoutError" => 23,
            "InvalidNodeTypeError" => 24,
            "DataCloneError" => 25,
            _ => 0,
        }
    }

    /// `ERR_MISSING_ARGS` for one argument: `The "input" argument must be specified`
    /// (a `TypeError`, thrown by `atob()` and `btoa()` called without arguments).
    pub fn missing_arg(name: &str) -> Self {
        NodeError::new(
            ErrorClass::TypeError,
            "ERR_MISSING_ARGS",
            format!("The \"{name}\" argument must be specified"),
        )
    }
}
// Errors raised by the memory system and Buffer views (`memory/`, `buffer/`).
// ---------------------------------------------------------------------------------------------

impl NodeError {
    /// `RangeError [ERR_BUFFER_OUT_OF_BOUNDS]: "offset" is outside of buffer bounds`, as
    /// `Buffer.from(arrayBuffer, byteOffset, length)` throws for `name` `offset` or `length`.
    pub fn buffer_out_of_bounds(name: &str) -> NodeError {
        NodeError::new(
            ErrorClass::RangeError,
            "ERR_BUFFER_OUT_OF_BOUNDS",
            format!("\"{name}\" is outside of buffer bounds"),
        )
    }

    /// `RangeError [ERR_OUT_OF_RANGE]: The value of "name" is out of range. It must be <range>.
    /// Received <n>`, for an integer argument; integers beyond 2**32 in magnitude are printed with
    /// `_` separators as Node does (`4_294_967_297`).
    pub fn integer_out_of_range(name: &str, range: &str, received: i128) -> NodeError {
        NodeError::new(
            ErrorClass::RangeError,
            "ERR_OUT_OF_RANGE",
            format!(
                "The value of \"{name}\" is out of range. It must be {range}. Received {}",
                separated_integer(received)
            ),
        )
    }

    /// `RangeError: Array buffer allocation failed` (no code): the engine could not allocate a
    /// store.
    pub fn array_buffer_allocation_failed() -> NodeError {
        NodeError::without_code(ErrorClass::RangeError, "Array buffer allocation failed")
    }

    /// `RangeError: Start offset <offset> is outside the bounds of the buffer` (no code): a typed
    /// array view given a negative byte offset; `offset` is the JS number as JS prints it.
    pub fn typed_array_start_offset(offset: &str) -> NodeError {
        NodeError::without_code(
            ErrorClass::RangeError,
            format!("Start offset {offset} is outside the bounds of the buffer"),
        )
    }

    /// `RangeError: Invalid typed array length: <n>` (no code), e.g. creating a pool of a
    /// negative `Buffer.poolSize`; `length` is the JS number as JS prints it.
    pub fn invalid_typed_array_length(length: &str) -> NodeError {
        NodeError::without_code(
            ErrorClass::RangeError,
            format!("Invalid typed array length: {length}"),
        )
    }
}

/// An integer as Node's error messages print it: `_` every three digits past 2**32 in magnitude.
fn separated_integer(n: i128) -> String {
    let digits = n.unsigned_abs().to_string();
    if n.unsigned_abs() <= 1u128 << 32 {
        return n.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('_');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod memory_error_tests {
    use super::*;

    #[test]
    fn memory_error_texts() {
        assert_eq!(
            NodeError::buffer_out_of_bounds("offset").to_string(),
            "RangeError [ERR_BUFFER_OUT_OF_BOUNDS]: \"offset\" is outside of buffer bounds"
        );
        assert_eq!(
            NodeError::integer_out_of_range("size", ">= 0 && <= 4294967296", 4_294_967_297)
                .message,
            "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received 4_294_967_297"
        );
        assert_eq!(separated_integer(4_294_967_296), "4294967296");
        assert_eq!(
            separated_integer(-9_007_199_254_740_992),
            "-9_007_199_254_740_992"
        );
        assert_eq!(separated_integer(5), "5");
        assert_eq!(
            NodeError::typed_array_start_offset("-1").to_string(),
            "RangeError: Start offset -1 is outside the bounds of the buffer"
        );
    }
}
