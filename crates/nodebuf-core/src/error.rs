//! Node's error catalogue: the class, `code` and message of every error a Buffer operation can
//! throw, so that every layer (core, JS face, runner) reports failures exactly as Node v20 does.
//!
//! A [`NodeError`] is plain data; the JS face turns it into a real `TypeError`/`RangeError`/`Error`
//! with an enumerable `code` and Node's `String(e)` form (`RangeError [ERR_OUT_OF_RANGE]: ...`).
//!
//! Every error any part of the core returns is built here, in sections:
//! 1. Node's coded errors, one block per `code` in alphabetical order (with the variants Node's
//!    C++ bindings throw, which carry the code but do not show it in `String(err)`);
//! 2. V8's errors, which have no code: value conversions, ArrayBuffer / typed array / DataView
//!    construction and access, `Atomics`, property reads;
//! 3. WHATWG `DOMException`s (`atob`);
//! 4. nodebuf's own conditions that Node has no name for (never reachable from JS).

use std::fmt;

use crate::args::Arg;
use crate::inspect::{inspect_arg, received_for_range_error, received_for_type_error};
use crate::number::add_numeric_separator;

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

// =============================================================================================
// 1. Node's coded errors, by code.
// =============================================================================================

// ERR_BUFFER_OUT_OF_BOUNDS --------------------------------------------------------------------

impl NodeError {
    /// `ERR_BUFFER_OUT_OF_BOUNDS` (RangeError): `"offset" is outside of buffer bounds` when a
    /// name is given (`Buffer.from(arrayBuffer, byteOffset, length)` for `offset` / `length`),
    /// else `Attempt to access memory outside buffer bounds` (reads and writes past the end).
    pub fn out_of_buffer_bounds(name: Option<&str>) -> Self {
        let message = match name {
            Some(name) => format!("\"{name}\" is outside of buffer bounds"),
            None => "Attempt to access memory outside buffer bounds".to_owned(),
        };
        NodeError::new(ErrorClass::RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", message)
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
}

// ERR_INVALID_ARG_TYPE ------------------------------------------------------------------------

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

    /// The TypeError Node's C++ natives throw for a receiver or argument that is no
    /// ArrayBufferView (`Buffer.prototype.latin1Slice.call({})`, `_compare`, `fill` of a plain
    /// object): `argument must be a buffer`, code `ERR_INVALID_ARG_TYPE`, no `[code]` in its
    /// name.
    pub fn argument_must_be_buffer() -> Self {
        NodeError {
            code_in_name: false,
            ..NodeError::new(
                ErrorClass::TypeError,
                "ERR_INVALID_ARG_TYPE",
                "argument must be a buffer",
            )
        }
    }
}

// ERR_INVALID_ARG_VALUE -----------------------------------------------------------------------

impl NodeError {
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
}

// ERR_INVALID_BUFFER_SIZE ---------------------------------------------------------------------

impl NodeError {
    /// `ERR_INVALID_BUFFER_SIZE` (RangeError): `Buffer size must be a multiple of {bits}-bits`
    /// (`buf.swap16/32/64` on a length that is not a multiple of the width).
    pub fn invalid_buffer_size(bits: u32) -> Self {
        NodeError::new(
            ErrorClass::RangeError,
            "ERR_INVALID_BUFFER_SIZE",
            format!("Buffer size must be a multiple of {bits}-bits"),
        )
    }
}

// ERR_MISSING_ARGS ----------------------------------------------------------------------------

impl NodeError {
    /// `ERR_MISSING_ARGS` (TypeError) for several names: `The "a" and "b" arguments must be
    /// specified`, `The "a", "b", and "c" arguments must be specified` (one name: see
    /// [`NodeError::missing_arg`]).
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

    /// `ERR_MISSING_ARGS` for one argument: `The "input" argument must be specified`
    /// (a `TypeError`, thrown by `atob()` and `btoa()` called without arguments).
    pub fn missing_arg(name: &str) -> Self {
        Self::missing_args(&[name])
    }
}

// ERR_OUT_OF_RANGE ----------------------------------------------------------------------------

impl NodeError {
    /// `ERR_OUT_OF_RANGE` (RangeError): `The value of "offset" is out of range. It must be
    /// {range}. Received {value}` (value rendered with `_` grouping for big integers).
    pub fn out_of_range(name: &str, range: &str, received: &Arg<'_>) -> Self {
        Self::out_of_range_text(name, range, &received_for_range_error(received))
    }

    /// [`NodeError::out_of_range`] for a Rust integer (`buf.copy`'s `sourceStart`, sizes past
    /// `kMaxLength`): printed exactly, with `_` grouping past 2**32 in magnitude as Node does
    /// (`4_294_967_297`).
    pub fn integer_out_of_range(name: &str, range: &str, received: i128) -> Self {
        Self::out_of_range_text(name, range, &separated_integer(received))
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
}

/// An integer as Node's range errors print it: `_` every three digits past 2**32 in magnitude.
fn separated_integer(n: i128) -> String {
    if n.unsigned_abs() <= 1u128 << 32 {
        n.to_string()
    } else {
        add_numeric_separator(&n.to_string())
    }
}

// ERR_STRING_TOO_LONG -------------------------------------------------------------------------

impl NodeError {
    /// `ERR_STRING_TOO_LONG` (Error): `Cannot create a string longer than 0x1fffffe8
    /// characters`, quoting the limit in force in hex (`buffer.constants.MAX_STRING_LENGTH`:
    /// V8's by default, the engine's once it set its own).
    pub fn string_too_long() -> Self {
        NodeError::new(
            ErrorClass::Error,
            "ERR_STRING_TOO_LONG",
            format!(
                "Cannot create a string longer than {:#x} characters",
                crate::api::string::max_string_length()
            ),
        )
    }
}

// ERR_UNKNOWN_ENCODING ------------------------------------------------------------------------

impl NodeError {
    /// `ERR_UNKNOWN_ENCODING` (TypeError): `Unknown encoding: {shown}` where `shown` is the
    /// string itself, or `util.inspect` of a non-string value.
    pub fn unknown_encoding(shown: &str) -> Self {
        NodeError::new(
            ErrorClass::TypeError,
            "ERR_UNKNOWN_ENCODING",
            format!("Unknown encoding: {shown}"),
        )
    }
}

// =============================================================================================
// 2. V8's errors (no code). Values quoted in them are JS Numbers as JS prints them (see
//    `crate::number::to_string`), passed in already rendered.
// =============================================================================================

fn v8_type_error(message: impl Into<String>) -> NodeError {
    NodeError::without_code(ErrorClass::TypeError, message)
}

fn v8_range_error(message: impl Into<String>) -> NodeError {
    NodeError::without_code(ErrorClass::RangeError, message)
}

// Value conversions ---------------------------------------------------------------------------

impl NodeError {
    /// V8's TypeError for `+1n` (no code): `Cannot convert a BigInt value to a number`.
    pub fn bigint_to_number() -> Self {
        v8_type_error("Cannot convert a BigInt value to a number")
    }

    /// V8's TypeError for converting an object with no usable `Symbol.toPrimitive`, `valueOf`
    /// or `toString` (no code): `Cannot convert object to primitive value`.
    pub fn object_to_primitive() -> Self {
        v8_type_error("Cannot convert object to primitive value")
    }

    /// V8's TypeError for `+Symbol()` (no code): `Cannot convert a Symbol value to a number`.
    pub fn symbol_to_number() -> Self {
        v8_type_error("Cannot convert a Symbol value to a number")
    }

    /// V8's TypeError for `String(Symbol())` (no code): `Cannot convert a Symbol value to a string`.
    pub fn symbol_to_string() -> Self {
        v8_type_error("Cannot convert a Symbol value to a string")
    }

    /// V8's TypeError for `5 & 1n` (no code): `Cannot mix BigInt and other types, use explicit
    /// conversions`. Thrown by BigInt writes given a non-BigInt, and by storing a BigInt into a
    /// Number typed array or the reverse (`ta.set`).
    pub fn cannot_mix_bigint() -> Self {
        v8_type_error("Cannot mix BigInt and other types, use explicit conversions")
    }

    /// V8's TypeError for reading a property of `null` / `undefined` (`what`):
    /// `Cannot read properties of null (reading 'length')` (`Buffer.concat([null])`).
    pub fn cannot_read_properties(what: &str, property: &str) -> Self {
        v8_type_error(format!(
            "Cannot read properties of {what} (reading '{property}')"
        ))
    }
}

// ArrayBuffer and SharedArrayBuffer -----------------------------------------------------------

impl NodeError {
    /// `RangeError: Array buffer allocation failed` (no code): the memory for a store could not
    /// be allocated.
    pub fn array_buffer_allocation_failed() -> Self {
        v8_range_error("Array buffer allocation failed")
    }

    /// `RangeError: Invalid array buffer length` (no code): `new SharedArrayBuffer(n)` past
    /// 2**53 - 1.
    pub fn invalid_array_buffer_length() -> Self {
        v8_range_error("Invalid array buffer length")
    }
}

// Typed arrays --------------------------------------------------------------------------------

impl NodeError {
    /// `RangeError: Start offset <offset> is outside the bounds of the buffer` (no code): a typed
    /// array or DataView whose byte offset is negative or past the end (also what a negative
    /// `Buffer.from(arrayBuffer, byteOffset)` ends in).
    pub fn typed_array_start_offset(offset: &str) -> Self {
        v8_range_error(format!(
            "Start offset {offset} is outside the bounds of the buffer"
        ))
    }

    /// `RangeError: Invalid typed array length: <n>` (no code): a typed array length that does
    /// not fit its buffer, e.g. creating a pool of a negative `Buffer.poolSize`.
    pub fn invalid_typed_array_length(length: &str) -> Self {
        v8_range_error(format!("Invalid typed array length: {length}"))
    }

    /// `RangeError: start offset of Int32Array should be a multiple of 4` (no code); `array` is
    /// the constructor name.
    pub fn misaligned_start_offset(array: &str, element_size: usize) -> Self {
        v8_range_error(format!(
            "start offset of {array} should be a multiple of {element_size}"
        ))
    }

    /// `RangeError: byte length of Int32Array should be a multiple of 4` (no code): a typed array
    /// over the rest of a buffer whose length is not a whole number of elements.
    pub fn misaligned_byte_length(array: &str, element_size: usize) -> Self {
        v8_range_error(format!(
            "byte length of {array} should be a multiple of {element_size}"
        ))
    }

    /// `RangeError: offset is out of bounds` (no code): `ta.set(source, offset)` where the source
    /// does not fit.
    pub fn typed_array_set_out_of_bounds() -> Self {
        v8_range_error("offset is out of bounds")
    }
}

// DataView ------------------------------------------------------------------------------------

impl NodeError {
    /// `RangeError: Invalid DataView length <n>` (no code).
    pub fn invalid_data_view_length(length: &str) -> Self {
        v8_range_error(format!("Invalid DataView length {length}"))
    }

    /// `RangeError: Offset is outside the bounds of the DataView` (no code): a get/set whose
    /// value does not fit in the view.
    pub fn outside_data_view() -> Self {
        v8_range_error("Offset is outside the bounds of the DataView")
    }
}

// Atomics -------------------------------------------------------------------------------------

impl NodeError {
    /// `TypeError: [object Float64Array] is not an integer typed array.` (no code): `Atomics` on
    /// a Float32, Float64 or Uint8Clamped array; `array` is the constructor name.
    pub fn not_an_integer_typed_array(array: &str) -> Self {
        v8_type_error(format!("[object {array}] is not an integer typed array."))
    }

    /// `TypeError: [object Uint32Array] is not an int32 or BigInt64 typed array.` (no code):
    /// `Atomics.wait` / `notify` on another kind.
    pub fn not_a_waitable_typed_array(array: &str) -> Self {
        v8_type_error(format!(
            "[object {array}] is not an int32 or BigInt64 typed array."
        ))
    }

    /// `TypeError: [object Int32Array] is not a shared typed array.` (no code): `Atomics.wait` on
    /// ArrayBuffer memory.
    pub fn not_a_shared_typed_array(array: &str) -> Self {
        v8_type_error(format!("[object {array}] is not a shared typed array."))
    }

    /// `RangeError: Invalid atomic access index` (no code).
    pub fn invalid_atomic_index() -> Self {
        v8_range_error("Invalid atomic access index")
    }
}

// =============================================================================================
// 3. DOMException.
// =============================================================================================

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
}

// =============================================================================================
// 4. nodebuf's own conditions (no Node equivalent; JS cannot cause them).
// =============================================================================================

impl NodeError {
    /// A plain `Error` without a code for a Rust-side misuse Node has no name for (a borrow
    /// conflict between nested Rust closures, a broken internal invariant).
    pub fn internal(message: impl Into<String>) -> Self {
        NodeError::without_code(ErrorClass::Error, message)
    }

    /// `Error [ERR_INVALID_STATE]` for a call whose argument conversion (a `valueOf` or getter)
    /// detached or shrank the receiver's memory where Node's native (`latin1Write`,
    /// `hexSlice`, ...) located the bytes before converting and then reads or writes memory the
    /// buffer no longer owns. nodebuf refuses instead of touching it.
    pub fn memory_changed_during_call(method: &str) -> Self {
        NodeError::new(
            ErrorClass::Error,
            "ERR_INVALID_STATE",
            format!(
                "Invalid state: the buffer was detached or shrunk while the arguments of {method}() were converted"
            ),
        )
    }

    /// `Error [ERR_INVALID_STATE]` for a call whose ranges Node's JS took from a view's `length`
    /// property a script defined past the view's real bytes, where Node's native then reads or
    /// writes memory the view does not own (or aborts). nodebuf refuses instead of touching it.
    pub fn visible_length_past_memory(method: &str) -> Self {
        NodeError::new(
            ErrorClass::Error,
            "ERR_INVALID_STATE",
            format!("Invalid state: the buffer's visible length exceeds its memory in {method}()"),
        )
    }
}

#[cfg(test)]
mod memory_error_tests {
    use super::*;

    #[test]
    fn memory_error_texts() {
        assert_eq!(
            NodeError::out_of_buffer_bounds(Some("offset")).to_string(),
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
