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
    /// Whether `String(err)` names the code: `RangeError [ERR_OUT_OF_RANGE]: ...` for the errors
    /// Node's JS layer builds (true), or just `RangeError: ...` for the few thrown by Node's C++
    /// bindings that merely carry a `code` property (false; e.g. `buf.hexWrite(5)` throws
    /// `TypeError: argument must be a string` with `code` `ERR_INVALID_ARG_TYPE`).
    pub code_in_name: bool,
}

impl NodeError {
    /// An error of `class` with `code` and `message`.
    pub fn new(class: ErrorClass, code: &'static str, message: impl Into<String>) -> Self {
        NodeError {
            class,
            code: Some(code),
            message: message.into(),
            code_in_name: true,
        }
    }

    /// An error without a `code` (Node throws a few, e.g. BigInt writes given a Number).
    pub fn without_code(class: ErrorClass, message: impl Into<String>) -> Self {
        NodeError {
            class,
            code: None,
            message: message.into(),
            code_in_name: false,
        }
    }
}

impl fmt::Display for NodeError {
    /// Formats like Node's `String(err)`: `RangeError [ERR_OUT_OF_RANGE]: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) if self.code_in_name => {
                write!(f, "{} [{}]: {}", self.class.name(), code, self.message)
            }
            _ => write!(f, "{}: {}", self.class.name(), self.message),
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

// ---------------------------------------------------------------------------------------------
// The Buffer API's catalogue: every error Node v20's Buffer methods throw, with the message
// formats reverse-engineered from `node -e` runs.

use crate::args::Arg;
use crate::inspect::{inspect_arg, received_for_range_error, received_for_type_error};

/// The subject of an `ERR_INVALID_ARG_TYPE` message: `The "size" argument`, `The "a.b"
/// property` (names with a dot), or the name itself when it already ends in ` argument`
/// (`The first argument`).
fn arg_subject(name: &str) -> String {
    if name.ends_with(" argument") {
        format!("The {name}")
    } else if name.contains('.') {
        format!("The \"{name}\" property")
    } else {
        format!("The \"{name}\" argument")
    }
}

/// Joins `items` as Node's messages do: `a`, `a or b`, `a, b, or c`.
fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [a, b] => format!("{a} or {b}"),
        [init @ .., last] => format!("{}, or {last}", init.join(", ")),
    }
}

/// The `must be ...` part of `ERR_INVALID_ARG_TYPE` built from Node's three lists: primitive
/// type names (`number`), class names (`Buffer`), and other descriptions (`an Array-like
/// Object`). E.g. `(["string"], ["Buffer", "ArrayBuffer", "Array"], ["an Array-like Object"])`
/// gives `of type string or an instance of Buffer, ArrayBuffer, or Array or an Array-like Object`.
pub fn expected_types(types: &[&str], instances: &[&str], other: &[&str]) -> String {
    let mut out = String::new();
    if !types.is_empty() {
        out.push_str(if types.len() > 1 {
            "one of type "
        } else {
            "of type "
        });
        out.push_str(&join_or(types));
    }
    if !instances.is_empty() {
        if !out.is_empty() {
            out.push_str(" or ");
        }
        out.push_str("an instance of ");
        out.push_str(&join_or(instances));
    }
    if !other.is_empty() {
        if !out.is_empty() {
            out.push_str(" or ");
        }
        out.push_str(&join_or(other));
    }
    out
}

impl NodeError {
    /// `ERR_INVALID_ARG_TYPE` (TypeError): `The "size" argument must be of type number.
    /// Received type string ('x')`. `expected` is the text after `must be ` (see
    /// [`expected_types`]); `received` is rendered with Node's rules.
    pub fn invalid_arg_type(name: &str, expected: &str, received: &Arg<'_>) -> Self {
        NodeError::new(
            ErrorClass::TypeError,
            "ERR_INVALID_ARG_TYPE",
            format!(
                "{} must be {expected}. Received {}",
                arg_subject(name),
                received_for_type_error(received)
            ),
        )
    }

    /// `ERR_OUT_OF_RANGE` (RangeError): `The value of "offset" is out of range. It must be
    /// {range}. Received {value}` (value rendered with `_` grouping for big integers).
    pub fn out_of_range(name: &str, range: &str, received: &Arg<'_>) -> Self {
        Self::out_of_range_text(name, range, &received_for_range_error(received))
    }

    /// [`NodeError::out_of_range`] with the received part already rendered.
    pub fn out_of_range_text(name: &str, range: &str, received: &str) -> Self {
        NodeError::new(
            ErrorClass::RangeError,
            "ERR_OUT_OF_RANGE",
            format!(
                "The value of \"{name}\" is out of range. It must be {range}. Received {received}"
            ),
        )
    }

    /// `ERR_OUT_OF_RANGE` for a non-integer number: `... It must be an integer. Received 1.5`.
    pub fn not_an_integer(name: &str, received: f64) -> Self {
        Self::out_of_range(name, "an integer", &Arg::Number(received))
    }

    /// `ERR_BUFFER_OUT_OF_BOUNDS` (RangeError): `"offset" is outside of buffer bounds` when a
    /// name is given, else `Attempt to access memory outside buffer bounds`.
    pub fn out_of_buffer_bounds(name: Option<&str>) -> Self {
        let message = match name {
            Some(name) => format!("\"{name}\" is outside of buffer bounds"),
            None => "Attempt to access memory outside buffer bounds".to_owned(),
        };
        NodeError::new(ErrorClass::RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", message)
    }

    /// `ERR_UNKNOWN_ENCODING` (TypeError): `Unknown encoding: {shown}` where `shown` is the
    /// string itself, or `util.inspect` of a non-string value.
    pub fn unknown_encoding(shown: &str) -> Self {
        NodeError::new(
            ErrorClass::TypeError,
            "ERR_UNKNOWN_ENCODING",
            format!("Unknown encoding: {shown}"),
        )
    }

    /// `ERR_INVALID_ARG_VALUE` (TypeError): `The argument 'value' is invalid. Received {inspect}`,
    /// the inspected text cut to 128 UTF-16 units plus `...`. A dotted name says `property`.
    pub fn invalid_arg_value(name: &str, received: &Arg<'_>) -> Self {
        Self::invalid_arg_value_reason(name, "is invalid", received)
    }

    /// [`NodeError::invalid_arg_value`] with another reason than `is invalid`.
    pub fn invalid_arg_value_reason(name: &str, reason: &str, received: &Arg<'_>) -> Self {
        let kind = if name.contains('.') {
            "property"
        } else {
            "argument"
        };
        let mut inspected = inspect_arg(received);
        let units: Vec<u16> = inspected.encode_utf16().collect();
        if units.len() > 128 {
            inspected = String::from_utf16_lossy(&units[..128]) + "...";
        }
        NodeError::new(
            ErrorClass::TypeError,
            "ERR_INVALID_ARG_VALUE",
            format!("The {kind} '{name}' {reason}. Received {inspected}"),
        )
    }

    /// `ERR_INVALID_BUFFER_SIZE` (RangeError): `Buffer size must be a multiple of {bits}-bits`.
    pub fn invalid_buffer_size(bits: u32) -> Self {
        NodeError::new(
            ErrorClass::RangeError,
            "ERR_INVALID_BUFFER_SIZE",
            format!("Buffer size must be a multiple of {bits}-bits"),
        )
    }

    /// `ERR_MISSING_ARGS` (TypeError) for several names: `The "a" and "b" arguments must be
    /// specified`, `The "a", "b", and "c" arguments must be specified`.
    pub fn missing_args(names: &[&str]) -> Self {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        let refs: Vec<&str> = quoted.iter().map(String::as_str).collect();
        let message = match refs.len() {
            0 | 1 => format!("The {} argument must be specified", join_or(&refs)),
            2 => format!(
                "The {} and {} arguments must be specified",
                refs[0], refs[1]
            ),
            _ => format!(
                "The {}, and {} arguments must be specified",
                refs[..refs.len() - 1].join(", "),
                refs[refs.len() - 1]
            ),
        };
        NodeError::new(ErrorClass::TypeError, "ERR_MISSING_ARGS", message)
    }

    /// `ERR_STRING_TOO_LONG` (Error): `Cannot create a string longer than 0x1fffffe8
    /// characters` (V8's string limit, `buffer.constants.MAX_STRING_LENGTH`).
    pub fn string_too_long() -> Self {
        NodeError::new(
            ErrorClass::Error,
            "ERR_STRING_TOO_LONG",
            "Cannot create a string longer than 0x1fffffe8 characters",
        )
    }

    /// The TypeError Node's C++ string writers throw for a non-string (`buf.hexWrite(5)`,
    /// `buf.write(5)`): `argument must be a string`, code `ERR_INVALID_ARG_TYPE`, no `[code]` in
    /// its name.
    pub fn argument_must_be_string() -> Self {
        NodeError {
            code_in_name: false,
            ..NodeError::new(
                ErrorClass::TypeError,
                "ERR_INVALID_ARG_TYPE",
                "argument must be a string",
            )
        }
    }

    /// The RangeError of Node's C++ slice/write helpers (`buf.latin1Slice(-1)`):
    /// `Index out of range`, code `ERR_OUT_OF_RANGE`, no `[code]` in its name.
    pub fn index_out_of_range() -> Self {
        NodeError {
            code_in_name: false,
            ..NodeError::new(
                ErrorClass::RangeError,
                "ERR_OUT_OF_RANGE",
                "Index out of range",
            )
        }
    }

    /// The RangeError of Node's C++ write helpers for an offset past the end
    /// (`buf.hexWrite('ab', 9)`): `"offset" is outside of buffer bounds`, code
    /// `ERR_BUFFER_OUT_OF_BOUNDS`, no `[code]` in its name.
    pub fn native_offset_out_of_bounds() -> Self {
        NodeError {
            code_in_name: false,
            ..Self::out_of_buffer_bounds(Some("offset"))
        }
    }

    /// V8's TypeError for `+1n` (no code): `Cannot convert a BigInt value to a number`.
    pub fn bigint_to_number() -> Self {
        NodeError::without_code(
            ErrorClass::TypeError,
            "Cannot convert a BigInt value to a number",
        )
    }

    /// V8's TypeError for `+Symbol()` (no code): `Cannot convert a Symbol value to a number`.
    pub fn symbol_to_number() -> Self {
        NodeError::without_code(
            ErrorClass::TypeError,
            "Cannot convert a Symbol value to a number",
        )
    }

    /// V8's TypeError for `String(Symbol())` (no code): `Cannot convert a Symbol value to a string`.
    pub fn symbol_to_string() -> Self {
        NodeError::without_code(
            ErrorClass::TypeError,
            "Cannot convert a Symbol value to a string",
        )
    }

    /// V8's TypeError for `5 & 1n` (no code), thrown by BigInt writes given a non-BigInt:
    /// `Cannot mix BigInt and other types, use explicit conversions`.
    pub fn cannot_mix_bigint() -> Self {
        NodeError::without_code(
            ErrorClass::TypeError,
            "Cannot mix BigInt and other types, use explicit conversions",
        )
    }
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
