//! The eleven element types of JS typed arrays: their native Rust type, raw bits, and the
//! conversion JS applies when a value is stored (`ToInt8`, `ToUint8Clamp`, Float32 rounding, ...).

use crate::error::NodeError;
use crate::memory::region::Bits;
use crate::number;

/// Which typed array an element type belongs to (runtime form of [`Element`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElementKind {
    /// `Int8Array`
    Int8,
    /// `Uint8Array`
    Uint8,
    /// `Uint8ClampedArray`
    Uint8Clamped,
    /// `Int16Array`
    Int16,
    /// `Uint16Array`
    Uint16,
    /// `Int32Array`
    Int32,
    /// `Uint32Array`
    Uint32,
    /// `Float32Array`
    Float32,
    /// `Float64Array`
    Float64,
    /// `BigInt64Array`
    BigInt64,
    /// `BigUint64Array`
    BigUint64,
}

impl ElementKind {
    /// The constructor name (`Int32Array`), as V8's messages and `Symbol.toStringTag` print it.
    pub fn name(self) -> &'static str {
        match self {
            ElementKind::Int8 => "Int8Array",
            ElementKind::Uint8 => "Uint8Array",
            ElementKind::Uint8Clamped => "Uint8ClampedArray",
            ElementKind::Int16 => "Int16Array",
            ElementKind::Uint16 => "Uint16Array",
            ElementKind::Int32 => "Int32Array",
            ElementKind::Uint32 => "Uint32Array",
            ElementKind::Float32 => "Float32Array",
            ElementKind::Float64 => "Float64Array",
            ElementKind::BigInt64 => "BigInt64Array",
            ElementKind::BigUint64 => "BigUint64Array",
        }
    }

    /// `BYTES_PER_ELEMENT`.
    pub fn size(self) -> usize {
        match self {
            ElementKind::Int8 | ElementKind::Uint8 | ElementKind::Uint8Clamped => 1,
            ElementKind::Int16 | ElementKind::Uint16 => 2,
            ElementKind::Int32 | ElementKind::Uint32 | ElementKind::Float32 => 4,
            ElementKind::Float64 | ElementKind::BigInt64 | ElementKind::BigUint64 => 8,
        }
    }

    /// True for the two BigInt arrays (their values are BigInts, not Numbers).
    pub fn is_bigint(self) -> bool {
        matches!(self, ElementKind::BigInt64 | ElementKind::BigUint64)
    }
}

/// A JS value as read from, or stored into, any element type: a Number or a BigInt (every
/// 64-bit BigInt element value fits an `i128`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar {
    /// A JS Number.
    Number(f64),
    /// A JS BigInt.
    BigInt(i128),
}

mod sealed {
    pub trait Sealed {}
}

/// One typed-array element type. Implemented by the marker types [`Int8`] ... [`BigUint64`].
pub trait Element: sealed::Sealed + Copy + Send + Sync + 'static {
    /// The element in Rust (`i8`, ..., `f32`, `f64`, `i64`, `u64`; `u8` for `Uint8Clamped`).
    type Native: Copy + PartialEq + std::fmt::Debug + Send + Sync + 'static;
    /// What JS passes and receives: `f64` (a Number) for the nine Number arrays, `i64` / `u64`
    /// for the BigInt arrays (the JS layer wraps a BigInt to 64 bits first, as
    /// `BigInt.asIntN(64, v)` / `BigInt.asUintN(64, v)` do, e.g. with `JS_ToBigInt64`).
    type Js: Copy + PartialEq + std::fmt::Debug + Send + Sync + 'static;
    /// The raw bits, moved with an atomic of the same size on shared memory.
    type Bits: Bits;
    /// The runtime kind.
    const KIND: ElementKind;

    /// JS's conversion of a stored value (`ToInt8`, `ToUint8Clamp`, Float32 rounding, ...).
    fn from_js(v: Self::Js) -> Self::Native;
    /// The JS value of an element (a Number or a BigInt).
    fn to_js(n: Self::Native) -> Self::Js;
    /// The element's bits in native byte order.
    fn to_bits(n: Self::Native) -> Self::Bits;
    /// The element of some bits.
    fn from_bits(b: Self::Bits) -> Self::Native;
    /// The element as a kind-independent JS value.
    fn to_scalar(n: Self::Native) -> Scalar;
    /// Stores a kind-independent JS value, or the TypeError V8 throws when a BigInt meets a
    /// Number array or the reverse (`Cannot mix BigInt and other types, use explicit conversions`).
    fn from_scalar(s: Scalar) -> Result<Self::Native, NodeError>;
    /// What `Atomics.store` returns for a value: `ToIntegerOrInfinity(v)` for Numbers, the BigInt
    /// itself for BigInts.
    fn atomics_store_result(v: Self::Js) -> Self::Js;
}

macro_rules! number_element {
    ($(#[$doc:meta])* $name:ident, $native:ty, $bits:ty, $conv:expr, $to_bits:expr, $from_bits:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name;
        impl sealed::Sealed for $name {}
        impl Element for $name {
            type Native = $native;
            type Js = f64;
            type Bits = $bits;
            const KIND: ElementKind = ElementKind::$name;
            fn from_js(v: f64) -> $native {
                $conv(v)
            }
            fn to_js(n: $native) -> f64 {
                n as f64
            }
            fn to_bits(n: $native) -> $bits {
                $to_bits(n)
            }
            fn from_bits(b: $bits) -> $native {
                $from_bits(b)
            }
            fn to_scalar(n: $native) -> Scalar {
                Scalar::Number(n as f64)
            }
            fn from_scalar(s: Scalar) -> Result<$native, NodeError> {
                match s {
                    Scalar::Number(v) => Ok($conv(v)),
                    Scalar::BigInt(_) => Err(NodeError::cannot_mix_bigint()),
                }
            }
            fn atomics_store_result(v: f64) -> f64 {
                number::to_integer_or_infinity(v)
            }
        }
    };
}

number_element!(
    /// `Int8Array` elements.
    Int8, i8, u8, number::to_int8, |n: i8| n as u8, |b: u8| b as i8
);
number_element!(
    /// `Uint8Array` elements.
    Uint8, u8, u8, number::to_uint8, |n| n, |b| b
);
number_element!(
    /// `Uint8ClampedArray` elements (stores clamp and round half to even).
    Uint8Clamped, u8, u8, number::to_uint8_clamp, |n| n, |b| b
);
number_element!(
    /// `Int16Array` elements.
    Int16, i16, u16, number::to_int16, |n: i16| n as u16, |b: u16| b as i16
);
number_element!(
    /// `Uint16Array` elements.
    Uint16, u16, u16, number::to_uint16, |n| n, |b| b
);
number_element!(
    /// `Int32Array` elements.
    Int32, i32, u32, number::to_int32, |n: i32| n as u32, |b: u32| b as i32
);
number_element!(
    /// `Uint32Array` elements.
    Uint32, u32, u32, number::to_uint32, |n| n, |b| b
);
number_element!(
    /// `Float32Array` elements (stores round to nearest Float32, ties to even).
    Float32, f32, u32, number::to_float32, f32::to_bits, f32::from_bits
);
number_element!(
    /// `Float64Array` elements.
    Float64, f64, u64, |v| v, f64::to_bits, f64::from_bits
);

macro_rules! bigint_element {
    ($(#[$doc:meta])* $name:ident, $native:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name;
        impl sealed::Sealed for $name {}
        impl Element for $name {
            type Native = $native;
            type Js = $native;
            type Bits = u64;
            const KIND: ElementKind = ElementKind::$name;
            fn from_js(v: $native) -> $native {
                v
            }
            fn to_js(n: $native) -> $native {
                n
            }
            fn to_bits(n: $native) -> u64 {
                n as u64
            }
            fn from_bits(b: u64) -> $native {
                b as $native
            }
            fn to_scalar(n: $native) -> Scalar {
                Scalar::BigInt(n as i128)
            }
            fn from_scalar(s: Scalar) -> Result<$native, NodeError> {
                match s {
                    // Truncating to the low 64 bits is BigInt.asIntN / asUintN(64, v).
                    Scalar::BigInt(v) => Ok(v as $native),
                    Scalar::Number(_) => Err(NodeError::cannot_mix_bigint()),
                }
            }
            fn atomics_store_result(v: $native) -> $native {
                v
            }
        }
    };
}

bigint_element!(
    /// `BigInt64Array` elements.
    BigInt64, i64
);
bigint_element!(
    /// `BigUint64Array` elements.
    BigUint64, u64
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorClass;

    #[test]
    fn kinds_know_their_names_and_sizes() {
        assert_eq!(Int32::KIND.name(), "Int32Array");
        assert_eq!(Uint8Clamped::KIND.size(), 1);
        assert_eq!(BigUint64::KIND.size(), 8);
        assert!(BigInt64::KIND.is_bigint());
        assert!(!Float64::KIND.is_bigint());
    }

    #[test]
    fn scalars_convert_within_their_family_only() {
        assert_eq!(Int8::from_scalar(Scalar::Number(255.0)).unwrap(), -1);
        assert_eq!(
            BigUint64::from_scalar(Scalar::BigInt(-1)).unwrap(),
            u64::MAX
        );
        assert_eq!(
            BigInt64::from_scalar(Scalar::BigInt(u64::MAX as i128)).unwrap(),
            -1
        );
        let e = Int32::from_scalar(Scalar::BigInt(1)).unwrap_err();
        assert_eq!(e.class, ErrorClass::TypeError);
        assert!(BigInt64::from_scalar(Scalar::Number(1.0)).is_err());
    }

    #[test]
    fn bits_round_trip() {
        assert_eq!(Float32::from_bits(Float32::to_bits(1.5)), 1.5);
        assert_eq!(Int16::to_bits(-2), 0xfffe);
        assert_eq!(BigInt64::from_bits(u64::MAX), -1);
        assert_eq!(Int32::atomics_store_result(-0.7), 0.0);
        assert!(Int32::atomics_store_result(-0.7).is_sign_positive());
    }
}
