//! [`Arg`]: a JS value described the way Node's Buffer validators look at it.
//!
//! The JS face converts each argument of a Buffer method into an `Arg` (borrowing strings and
//! bytes from the engine for the duration of one call) and the functions in [`crate::api`] apply
//! Node's checks to it: `typeof` tests, `isUint8Array`, `+value` coercion, and the rendering of
//! the value inside error messages. Building the common case (a number, `undefined`) is free.

use crate::encoding::JsStr;

/// A JS value as Node's Buffer argument checks see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arg<'a> {
    /// `undefined` (also a missing argument).
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (`-0`, NaN and the infinities included).
    Number(f64),
    /// A BigInt, as its decimal text with an optional leading `-` and no `n` (`"-12"`), which
    /// is what `bigint.toString()` gives; any size.
    BigInt(&'a str),
    /// A string, in the engine's one-byte or two-byte form.
    String(JsStr<'a>),
    /// A symbol with its description (`Symbol()` has none, `Symbol('x')` has `"x"`).
    Symbol(Option<&'a str>),
    /// A function with its `name` (empty for anonymous functions).
    Function {
        /// The function's `name` property.
        name: &'a str,
        /// True for `class` constructors (util.inspect prints `[class A]`).
        is_class: bool,
    },
    /// Any other object.
    Object(&'a ObjectArg<'a>),
}

/// What kind of object an [`Arg::Object`] is, as far as Buffer methods care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    /// A `Buffer` (a Uint8Array whose prototype chain has `Buffer.prototype`).
    Buffer,
    /// A plain `Uint8Array` (or a subclass that is not a Buffer).
    Uint8Array,
    /// Any other typed array (`Uint16Array`, `Float64Array`, `Uint8ClampedArray`, ...).
    TypedArray,
    /// A `DataView`.
    DataView,
    /// An `ArrayBuffer`.
    ArrayBuffer,
    /// A `SharedArrayBuffer`.
    SharedArrayBuffer,
    /// An `Array`.
    Array,
    /// Any other object (plain objects, `Map`, class instances, null-prototype objects, ...).
    Other,
}

/// The facts about an object that Node's Buffer code uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObjectArg<'a> {
    /// Which kind of object this is.
    pub kind: ObjectKind,
    /// `value.constructor.name` when it is a non-empty string (`None` for null-prototype
    /// objects); error messages say `an instance of <name>`.
    pub constructor_name: Option<&'a str>,
    /// The bytes an ArrayBuffer view or ArrayBuffer covers (`None` for other objects). They must
    /// not overlap the bytes the called method writes; copy them first if they might.
    pub bytes: Option<&'a [u8]>,
    /// `util.inspect(value)` if the JS face rendered it (used by `ERR_INVALID_ARG_VALUE` and
    /// `ERR_UNKNOWN_ENCODING`, and by `ERR_INVALID_ARG_TYPE` for objects without a constructor).
    pub inspect: Option<&'a str>,
    /// `+value` if the JS face computed it (objects with `valueOf`); NaN otherwise, which is
    /// what `+value` gives for plain objects, typed arrays, maps, ...
    pub number: f64,
    /// `String(value)` if the JS face computed it (used when an object stands where an encoding
    /// name is expected: `buf.toString(['hex'])` works in Node).
    pub string: Option<&'a str>,
}

impl<'a> ObjectArg<'a> {
    /// An object of `kind` whose constructor is called `constructor_name`, with no bytes and no
    /// pre-rendered forms.
    pub const fn new(kind: ObjectKind, constructor_name: Option<&'a str>) -> Self {
        ObjectArg {
            kind,
            constructor_name,
            bytes: None,
            inspect: None,
            number: f64::NAN,
            string: None,
        }
    }

    /// A Buffer viewing `bytes`.
    pub const fn buffer(bytes: &'a [u8]) -> Self {
        ObjectArg {
            kind: ObjectKind::Buffer,
            constructor_name: Some("Buffer"),
            bytes: Some(bytes),
            inspect: None,
            number: f64::NAN,
            string: None,
        }
    }

    /// A plain Uint8Array viewing `bytes`.
    pub const fn uint8_array(bytes: &'a [u8]) -> Self {
        ObjectArg {
            kind: ObjectKind::Uint8Array,
            constructor_name: Some("Uint8Array"),
            bytes: Some(bytes),
            inspect: None,
            number: f64::NAN,
            string: None,
        }
    }

    /// True for what Node's `isUint8Array` accepts: Buffers and Uint8Arrays.
    pub fn is_uint8_array(&self) -> bool {
        matches!(self.kind, ObjectKind::Buffer | ObjectKind::Uint8Array)
    }

    /// True for typed arrays of any kind, Buffers included (`isTypedArray` in Node).
    pub fn is_typed_array(&self) -> bool {
        matches!(
            self.kind,
            ObjectKind::Buffer | ObjectKind::Uint8Array | ObjectKind::TypedArray
        )
    }

    /// True for ArrayBuffer views: typed arrays (Buffers included) and DataViews.
    pub fn is_array_buffer_view(&self) -> bool {
        self.is_typed_array() || self.kind == ObjectKind::DataView
    }
}

impl<'a> Arg<'a> {
    /// A string argument from one-byte (latin1) text, e.g. `Arg::latin1(b"hex")`.
    pub const fn latin1(bytes: &'a [u8]) -> Self {
        Arg::String(JsStr::Latin1(bytes))
    }

    /// The argument at `index` of `args`, or `undefined` when it was not passed (what a JS
    /// function sees for a missing argument).
    pub fn nth(args: &[Arg<'a>], index: usize) -> Arg<'a> {
        args.get(index).copied().unwrap_or(Arg::Undefined)
    }

    /// True for `undefined`.
    pub fn is_undefined(&self) -> bool {
        matches!(self, Arg::Undefined)
    }

    /// The value's `typeof` (`"object"` for null, as in JS).
    pub fn type_of(&self) -> &'static str {
        match self {
            Arg::Undefined => "undefined",
            Arg::Null | Arg::Object(_) => "object",
            Arg::Bool(_) => "boolean",
            Arg::Number(_) => "number",
            Arg::BigInt(_) => "bigint",
            Arg::String(_) => "string",
            Arg::Symbol(_) => "symbol",
            Arg::Function { .. } => "function",
        }
    }

    /// The bytes of a Buffer or Uint8Array (`isUint8Array` in Node), `None` for anything else.
    pub fn uint8_array_bytes(&self) -> Option<&'a [u8]> {
        match self {
            Arg::Object(o) if o.is_uint8_array() => Some(o.bytes.unwrap_or(&[])),
            _ => None,
        }
    }

    /// The bytes of any ArrayBuffer view (typed array or DataView), `None` for anything else.
    pub fn view_bytes(&self) -> Option<&'a [u8]> {
        match self {
            Arg::Object(o) if o.is_array_buffer_view() => Some(o.bytes.unwrap_or(&[])),
            _ => None,
        }
    }
}
