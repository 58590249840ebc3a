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
