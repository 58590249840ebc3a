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
