//! `DataView` over any backing store: numbers of every typed-array type at any byte offset, in
//! either byte order (big-endian unless `little_endian`, as in JS).
//!
//! Errors mirror V8's RangeErrors (no code): `Start offset 9 is outside the bounds of the buffer`
//! and `Invalid DataView length 5` from the constructor, `Offset is outside the bounds of the
//! DataView` from every get/set whose element does not fit. Unaligned accesses are fine; on
//! shared memory they are made byte by byte with atomics.

use crate::error::NodeError;
use crate::memory::region::{self, Bits, ByteRegion};
use crate::number::{self, to_index, to_integer_or_infinity};
use crate::typed_array::{
    BigInt64, BigUint64, Element, Float32, Float64, Int16, Int32, Int8, Uint16, Uint32, Uint8,
};

/// A byte-addressed view `(store, byteOffset, byteLength)` (JS's `DataView`).
#[derive(Clone)]
pub struct DataView<S: ByteRegion> {
    store: S,
    byte_offset: usize,
    byte_length: usize,
}

macro_rules! accessors {
    ($($(#[$gdoc:meta])* $get:ident, $(#[$sdoc:meta])* $set:ident, $elem:ty, $native:ty, $js:ty;)*) => {$(
        $(#[$gdoc])*
        pub fn $get(&self, byte_offset: usize, little_endian: bool) -> Result<$native, NodeError> {
            self.get::<$elem>(byte_offset, little_endian)
        }
        $(#[$sdoc])*
        pub fn $set(
            &self,
            byte_offset: usize,
            value: $js,
            little_endian: bool,
        ) -> Result<(), NodeError> {
            self.set::<$elem>(byte_offset, value, little_endian)
        }
    )*};
}

impl<S: ByteRegion> DataView<S> {
    /// `new DataView(buffer, byteOffset, byteLength)` with integer arguments (`None` = to the
    /// end). RangeError `Start offset N is outside the bounds of the buffer` when the offset is
    /// past the end, `Invalid DataView length N` when the length does not fit.
    pub fn new(
        store: S,
        byte_offset: usize,
        byte_length: Option<usize>,
    ) -> Result<Self, NodeError> {
        let buffer_len = store.byte_len();
        if byte_offset > buffer_len {
            return Err(NodeError::typed_array_start_offset(
                &byte_offset.to_string(),
            ));
        }
        let byte_length = match byte_length {
            None => buffer_len - byte_offset,
            Some(len) if len <= buffer_len - byte_offset => len,
            Some(len) => return Err(NodeError::invalid_data_view_length(&len.to_string())),
        };
        Ok(DataView {
            store,
            byte_offset,
            byte_length,
        })
    }

    /// The same constructor with the JS Numbers the caller passed (`undefined` length = `None`).
    /// As in V8, messages quote the values after `ToIntegerOrInfinity` (`-1.5` shows as `-1`).
    pub fn from_js_args(
        store: S,
        byte_offset: f64,
        byte_length: Option<f64>,
    ) -> Result<Self, NodeError> {
        let shown = |v: f64| number::to_string(to_integer_or_infinity(v));
        let offset = to_index(byte_offset)
            .ok_or_else(|| NodeError::typed_array_start_offset(&shown(byte_offset)))?;
        if offset > store.byte_len() {
            return Err(NodeError::typed_array_start_offset(&offset.to_string()));
        }
        let length = match byte_length {
            None => None,
            Some(raw) => Some(
                to_index(raw).ok_or_else(|| NodeError::invalid_data_view_length(&shown(raw)))?,
            ),
        };
        Self::new(store, offset, length)
    }

    /// The store this view reads and writes (`dv.buffer`).
    pub fn store(&self) -> &S {
        &self.store
    }

    /// `dv.byteOffset`.
    pub fn byte_offset(&self) -> usize {
        self.byte_offset
    }

    /// `dv.byteLength`.
    pub fn byte_length(&self) -> usize {
        self.byte_length
    }

    /// The store offset of a `size`-byte value at `byte_offset` in the view, or V8's error.
    fn locate(&self, byte_offset: usize, size: usize) -> Result<usize, NodeError> {
        byte_offset
            .checked_add(size)
            .filter(|&end| end <= self.byte_length)
            .map(|_| self.byte_offset + byte_offset)
            .ok_or_else(NodeError::outside_data_view)
    }

    /// Reads an element of type `E` at `byte_offset` in the given byte order (the generic form
    /// of `getInt8` ... `getBigUint64`). The JS layer passes `usize::MAX` for an offset that
    /// `ToIndex` rejects; it fails with the same message.
    pub fn get<E: Element>(
        &self,
        byte_offset: usize,
        little_endian: bool,
    ) -> Result<E::Native, NodeError> {
        let at = self.locate(byte_offset, E::KIND.size())?;
        let bits =
            region::load::<E::Bits, S>(&self.store, at).ok_or_else(NodeError::outside_data_view)?;
        Ok(E::from_bits(order(bits, little_endian)))
    }

    /// Converts `value` as JS does for `E` and writes it at `byte_offset` in the given byte
    /// order (the generic form of `setInt8` ... `setBigUint64`).
    pub fn set<E: Element>(
        &self,
        byte_offset: usize,
        value: E::Js,
        little_endian: bool,
    ) -> Result<(), NodeError> {
        let at = self.locate(byte_offset, E::KIND.size())?;
        let bits = order(E::to_bits(E::from_js(value)), little_endian);
        region::store(&self.store, at, bits)
            .then_some(())
            .ok_or_else(NodeError::outside_data_view)
    }

    accessors! {
        /// `dv.getInt8(byteOffset)` (byte order is irrelevant for one byte).
        get_int8,
        /// `dv.setInt8(byteOffset, value)` (`ToInt8`).
        set_int8, Int8, i8, f64;
        /// `dv.getUint8(byteOffset)`.
        get_uint8,
        /// `dv.setUint8(byteOffset, value)` (`ToUint8`).
        set_uint8, Uint8, u8, f64;
        /// `dv.getInt16(byteOffset, littleEndian)`.
        get_int16,
        /// `dv.setInt16(byteOffset, value, littleEndian)` (`ToInt16`).
        set_int16, Int16, i16, f64;
        /// `dv.getUint16(byteOffset, littleEndian)`.
        get_uint16,
        /// `dv.setUint16(byteOffset, value, littleEndian)` (`ToUint16`).
        set_uint16, Uint16, u16, f64;
        /// `dv.getInt32(byteOffset, littleEndian)`.
        get_int32,
        /// `dv.setInt32(byteOffset, value, littleEndian)` (`ToInt32`).
        set_int32, Int32, i32, f64;
        /// `dv.getUint32(byteOffset, littleEndian)`.
        get_uint32,
        /// `dv.setUint32(byteOffset, value, littleEndian)` (`ToUint32`).
        set_uint32, Uint32, u32, f64;
        /// `dv.getFloat32(byteOffset, littleEndian)` (widen with `as f64` for JS).
        get_float32,
        /// `dv.setFloat32(byteOffset, value, littleEndian)` (rounded to Float32).
        set_float32, Float32, f32, f64;
        /// `dv.getFloat64(byteOffset, littleEndian)`.
        get_float64,
        /// `dv.setFloat64(byteOffset, value, littleEndian)`.
        set_float64, Float64, f64, f64;
        /// `dv.getBigInt64(byteOffset, littleEndian)`.
        get_big_int64,
        /// `dv.setBigInt64(byteOffset, value, littleEndian)` (value already wrapped to 64 bits).
        set_big_int64, BigInt64, i64, i64;
        /// `dv.getBigUint64(byteOffset, littleEndian)`.
        get_big_uint64,
        /// `dv.setBigUint64(byteOffset, value, littleEndian)` (value already wrapped to 64 bits).
        set_big_uint64, BigUint64, u64, u64;
    }
}

/// Converts between native order and the requested order (either direction: it is an
/// involution).
fn order<B: Bits>(bits: B, little_endian: bool) -> B {
    if little_endian == cfg!(target_endian = "little") {
        bits
    } else {
        bits.swap_bytes()
    }
}

impl<S: ByteRegion> std::fmt::Debug for DataView<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DataView")
            .field("byte_offset", &self.byte_offset)
            .field("byte_length", &self.byte_length)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::region::test_store::LocalStore;
    use crate::memory::shared::SharedArrayBuffer;

    fn msg<T: std::fmt::Debug>(r: Result<T, NodeError>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn construction_errors_match_v8() {
        let s8 = || LocalStore::new(8);
        assert_eq!(
            msg(DataView::new(s8(), 9, None)),
            "RangeError: Start offset 9 is outside the bounds of the buffer"
        );
        assert_eq!(
            msg(DataView::new(s8(), 4, Some(5))),
            "RangeError: Invalid DataView length 5"
        );
        assert_eq!(
            msg(DataView::new(s8(), 9, Some(0))),
            "RangeError: Start offset 9 is outside the bounds of the buffer"
        );
        assert_eq!(DataView::new(s8(), 8, None).unwrap().byte_length(), 0);
        assert_eq!(
            msg(DataView::from_js_args(s8(), -1.5, None)),
            "RangeError: Start offset -1 is outside the bounds of the buffer"
        );
        assert_eq!(
            msg(DataView::from_js_args(s8(), 9.5, Some(-1.0))),
            "RangeError: Start offset 9 is outside the bounds of the buffer"
        );
        assert_eq!(
            msg(DataView::from_js_args(s8(), 0.0, Some(f64::NEG_INFINITY))),
            "RangeError: Invalid DataView length -Infinity"
        );
        assert_eq!(
            msg(DataView::from_js_args(s8(), -0.5, Some(9.5))),
            "RangeError: Invalid DataView length 9"
        );
        let dv = DataView::from_js_args(s8(), 4.0, Some(4.5)).unwrap();
        assert_eq!((dv.byte_offset(), dv.byte_length()), (4, 4));
    }

    #[test]
    fn accesses_past_the_view_fail() {
        let dv = DataView::new(LocalStore::new(8), 2, None).unwrap();
        assert_eq!(
            msg(dv.get_float64(0, false)),
            "RangeError: Offset is outside the bounds of the DataView"
        );
        assert!(dv.get_int32(3, true).is_err());
        assert!(dv.get_int8(6, true).is_err());
        assert!(dv.set_int8(usize::MAX, 1.0, true).is_err());
        assert_eq!(dv.get_int32(2, true).unwrap(), 0);
    }

    #[test]
    fn byte_order_is_explicit() {
        let store = SharedArrayBuffer::new(16).unwrap();
        let dv = DataView::new(store.clone(), 1, None).unwrap();
        dv.set_uint32(1, 0x0102_0304 as f64, false).unwrap();
        assert_eq!(store.to_vec()[2..6], [1, 2, 3, 4]);
        assert_eq!(dv.get_uint32(1, true).unwrap(), 0x0403_0201);
        dv.set_big_int64(3, -2, true).unwrap();
        assert_eq!(dv.get_big_uint64(3, true).unwrap(), u64::MAX - 1);
        dv.set_float32(0, 0.1, false).unwrap();
        assert_eq!(dv.get_float32(0, false).unwrap(), 0.1f32);
        dv.set_int16(9, 65535.0, true).unwrap();
        assert_eq!(dv.get_int16(9, false).unwrap(), -1);
        assert_eq!(
            dv.get::<Float64>(0, true).unwrap().to_bits(),
            dv.get_float64(0, true).unwrap().to_bits()
        );
    }
}
