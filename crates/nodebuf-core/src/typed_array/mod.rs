//! Typed arrays (`Int8Array` ... `BigUint64Array`) over any backing store.
//!
//! A [`TypedArray`] is a view `(store, byteOffset, length)` of one element type, with JS's rules:
//! V8's construction errors, native byte order, conversions on store (`ToInt8`, `ToUint8Clamp`,
//! Float32 rounding, BigInt wrapping), reads past the end giving `undefined` (`None`) and writes
//! past the end ignored, `subarray` with relative indices, `fill` and overlap-safe `set`.
//! Views are cheap: cloning one clones the store handle, never the bytes.

mod element;

pub use element::{
    BigInt64, BigUint64, Element, ElementKind, Float32, Float64, Int16, Int32, Int8, Scalar,
    Uint16, Uint32, Uint8, Uint8Clamped,
};

use std::fmt;
use std::marker::PhantomData;

use crate::error::NodeError;
use crate::memory::region::{self, Bits, ByteRegion};
use crate::number::{self, relative_index, to_index};

/// A view of `length` elements of type `E` at `byte_offset` in store `S` (JS's `%TypedArray%`).
pub struct TypedArray<S: ByteRegion, E: Element> {
    store: S,
    byte_offset: usize,
    length: usize,
    kind: PhantomData<fn() -> E>,
}

/// `Int8Array` over store `S`.
pub type Int8Array<S> = TypedArray<S, Int8>;
/// `Uint8Array` over store `S`.
pub type Uint8Array<S> = TypedArray<S, Uint8>;
/// `Uint8ClampedArray` over store `S`.
pub type Uint8ClampedArray<S> = TypedArray<S, Uint8Clamped>;
/// `Int16Array` over store `S`.
pub type Int16Array<S> = TypedArray<S, Int16>;
/// `Uint16Array` over store `S`.
pub type Uint16Array<S> = TypedArray<S, Uint16>;
/// `Int32Array` over store `S`.
pub type Int32Array<S> = TypedArray<S, Int32>;
/// `Uint32Array` over store `S`.
pub type Uint32Array<S> = TypedArray<S, Uint32>;
/// `Float32Array` over store `S`.
pub type Float32Array<S> = TypedArray<S, Float32>;
/// `Float64Array` over store `S`.
pub type Float64Array<S> = TypedArray<S, Float64>;
/// `BigInt64Array` over store `S`.
pub type BigInt64Array<S> = TypedArray<S, BigInt64>;
/// `BigUint64Array` over store `S`.
pub type BigUint64Array<S> = TypedArray<S, BigUint64>;

impl<S: ByteRegion, E: Element> TypedArray<S, E> {
    /// `new XArray(buffer, byteOffset, length)` with integer arguments; errors as V8's (all
    /// RangeErrors without a code):
    /// - `start offset of Int32Array should be a multiple of 4`
    /// - `byte length of Int32Array should be a multiple of 4` (no length, ragged buffer)
    /// - `Start offset 12 is outside the bounds of the buffer` (no length, offset past the end)
    /// - `Invalid typed array length: 3` (the given length does not fit)
    pub fn new(store: S, byte_offset: usize, length: Option<usize>) -> Result<Self, NodeError> {
        Self::construct(
            store,
            byte_offset,
            &|| byte_offset.to_string(),
            length.map(|l| (l, l.to_string())),
        )
    }

    /// The same constructor with the JS Numbers the caller passed (`undefined` length = `None`):
    /// applies `ToIndex` to both and quotes the original values in messages exactly as V8 does
    /// (`Start offset -1.5 is outside the bounds of the buffer`, `Invalid typed array length: 4.7`).
    pub fn from_js_args(
        store: S,
        byte_offset: f64,
        length: Option<f64>,
    ) -> Result<Self, NodeError> {
        let offset = to_index(byte_offset)
            .ok_or_else(|| NodeError::typed_array_start_offset(&number::to_string(byte_offset)))?;
        if offset % E::KIND.size() != 0 {
            return Err(Self::misaligned_offset());
        }
        let length = match length {
            None => None,
            Some(raw) => {
                let shown = number::to_string(raw);
                let l =
                    to_index(raw).ok_or_else(|| NodeError::invalid_typed_array_length(&shown))?;
                Some((l, shown))
            }
        };
        Self::construct(store, offset, &|| number::to_string(byte_offset), length)
    }

    fn misaligned_offset() -> NodeError {
        NodeError::misaligned_start_offset(E::KIND.name(), E::KIND.size())
    }

    fn construct(
        store: S,
        byte_offset: usize,
        offset_shown: &dyn Fn() -> String,
        length: Option<(usize, String)>,
    ) -> Result<Self, NodeError> {
        let size = E::KIND.size();
        if !byte_offset.is_multiple_of(size) {
            return Err(Self::misaligned_offset());
        }
        let buffer_len = store.byte_len();
        let length = match length {
            None => {
                if !buffer_len.is_multiple_of(size) {
                    return Err(NodeError::misaligned_byte_length(E::KIND.name(), size));
                }
                let rest = buffer_len
                    .checked_sub(byte_offset)
                    .ok_or_else(|| NodeError::typed_array_start_offset(&offset_shown()))?;
                rest / size
            }
            Some((length, shown)) => {
                let fits = length
                    .checked_mul(size)
                    .and_then(|bytes| bytes.checked_add(byte_offset))
                    .is_some_and(|end| end <= buffer_len);
                if !fits {
                    return Err(NodeError::invalid_typed_array_length(&shown));
                }
                length
            }
        };
        Ok(TypedArray {
            store,
            byte_offset,
            length,
            kind: PhantomData,
        })
    }

    /// The store this view reads and writes (`ta.buffer`).
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The element kind (`Int32`, ...), for messages and dispatch.
    pub fn kind(&self) -> ElementKind {
        E::KIND
    }

    /// Number of elements (`ta.length`).
    pub fn length(&self) -> usize {
        self.length
    }

    /// Offset of the first element in the store (`ta.byteOffset`).
    pub fn byte_offset(&self) -> usize {
        self.byte_offset
    }

    /// Length in bytes (`ta.byteLength`).
    pub fn byte_length(&self) -> usize {
        self.length * E::KIND.size()
    }

    /// The store offset of element `index`, if it exists.
    pub(crate) fn element_offset(&self, index: usize) -> Option<usize> {
        (index < self.length).then(|| self.byte_offset + index * E::KIND.size())
    }

    /// Element `index` as a Rust value; `None` past the end.
    pub fn get_native(&self, index: usize) -> Option<E::Native> {
        let at = self.element_offset(index)?;
        region::load::<E::Bits, S>(&self.store, at).map(E::from_bits)
    }

    /// Stores a Rust value at `index`; returns false (nothing written) past the end.
    pub fn set_native(&self, index: usize, value: E::Native) -> bool {
        match self.element_offset(index) {
            Some(at) => region::store(&self.store, at, E::to_bits(value)),
            None => false,
        }
    }

    /// `ta[index]`: the element as a JS value; `None` (`undefined`) past the end.
    pub fn get(&self, index: usize) -> Option<E::Js> {
        self.get_native(index).map(E::to_js)
    }

    /// `ta[index] = value`: converts as JS does and stores; past the end the write is ignored
    /// (returns false).
    pub fn set(&self, index: usize, value: E::Js) -> bool {
        self.set_native(index, E::from_js(value))
    }

    /// `ta.subarray(begin, end)`: a view of the same store over elements `begin..end`, negative
    /// indices counting from the end, both clamped to the length, `end` defaulting to it. Pass JS
    /// Numbers through `as i64` (truncation, saturation and NaN → 0 match `ToIntegerOrInfinity`).
    pub fn subarray(&self, begin: i64, end: Option<i64>) -> Self {
        let first = relative_index(begin, self.length);
        let last = end.map_or(self.length, |e| relative_index(e, self.length));
        TypedArray {
            store: self.store.clone(),
            byte_offset: self.byte_offset + first * E::KIND.size(),
            length: last.saturating_sub(first),
            kind: PhantomData,
        }
    }

    /// `ta.fill(value, start, end)`: converts `value` once and stores it in elements
    /// `start..end` (relative indices as in [`subarray`](Self::subarray); `None` = `undefined`).
    ///
    /// Mirrors a quirk of V8 in Node v20: when `start` is `undefined`, `end` is ignored and the
    /// whole array is filled (`new Uint8Array(4).fill(1, undefined, 2)` fills all four).
    pub fn fill(&self, value: E::Js, start: Option<i64>, end: Option<i64>) {
        let part = match start {
            None => self.clone(),
            Some(start) => self.subarray(start, end),
        };
        let bits = E::to_bits(E::from_js(value));
        let wide = bits.to_u64();
        let byte = wide as u8;
        let uniform = (0..E::KIND.size()).all(|i| (wide >> (8 * i)) as u8 == byte);
        if uniform {
            // Every byte of the pattern is the same (0, -1, any Uint8 value): one memset.
            region::fill_bytes(&self.store, part.byte_offset, part.byte_length(), byte);
        } else {
            for i in 0..part.length {
                region::store(&self.store, part.byte_offset + i * E::KIND.size(), bits);
            }
        }
    }

    /// `ta.set(source, offset)` from another typed array: copies `source`'s elements to
    /// `offset..`, converting between element types as JS does. Correct when both views share
    /// bytes (the source is read as it was before the call).
    ///
    /// Errors like V8: RangeError `offset is out of bounds` when the source does not fit,
    /// TypeError `Cannot mix BigInt and other types, use explicit conversions` between a BigInt
    /// array and a Number array.
    pub fn set_from<S2: ByteRegion, E2: Element>(
        &self,
        source: &TypedArray<S2, E2>,
        offset: usize,
    ) -> Result<(), NodeError> {
        let end = offset
            .checked_add(source.length)
            .filter(|&end| end <= self.length)
            .ok_or_else(NodeError::typed_array_set_out_of_bounds)?;
        if E::KIND.is_bigint() != E2::KIND.is_bigint() {
            return Err(NodeError::cannot_mix_bigint());
        }
        let dst_at = self.byte_offset + offset * E::KIND.size();
        if E::KIND == E2::KIND {
            // Same encoding: a bit-preserving byte move (memmove semantics on overlap).
            region::copy_bytes(
                &source.store,
                source.byte_offset,
                &self.store,
                dst_at,
                source.byte_length(),
            );
            return Ok(());
        }
        let overlaps = region::same_store(&source.store, &self.store)
            && source.byte_offset < dst_at + (end - offset) * E::KIND.size()
            && dst_at < source.byte_offset + source.byte_length();
        if overlaps && self.store.is_shared() && sign_twins(E::KIND, E2::KIND) {
            // V8 (Node v20) copies between the signed and unsigned twin of an integer type
            // on one SharedArrayBuffer with a forward copy that does not guard against overlap,
            // so a source that starts before the target is smeared. Copying `distance` bytes
            // at a time reproduces exactly what a forward byte-by-byte copy leaves.
            let len = source.byte_length();
            let step = dst_at.abs_diff(source.byte_offset).max(1);
            let mut done = 0;
            while done < len {
                let n = step.min(len - done);
                region::copy_bytes(
                    &source.store,
                    source.byte_offset + done,
                    &self.store,
                    dst_at + done,
                    n,
                );
                done += n;
            }
            return Ok(());
        }
        if overlaps {
            let snapshot: Vec<Scalar> = (0..source.length)
                .filter_map(|i| source.get_native(i).map(E2::to_scalar))
                .collect();
            for (i, s) in snapshot.into_iter().enumerate() {
                self.set_native(offset + i, E::from_scalar(s)?);
            }
        } else {
            for i in 0..source.length {
                if let Some(n) = source.get_native(i) {
                    self.set_native(offset + i, E::from_scalar(E2::to_scalar(n))?);
                }
            }
        }
        Ok(())
    }

    /// `ta.set(array, offset)` from JS values: converts and stores each at `offset..`.
    /// RangeError `offset is out of bounds` (nothing written) when they do not fit.
    pub fn set_from_values(&self, values: &[E::Js], offset: usize) -> Result<(), NodeError> {
        offset
            .checked_add(values.len())
            .filter(|&end| end <= self.length)
            .ok_or_else(NodeError::typed_array_set_out_of_bounds)?;
        for (i, &v) in values.iter().enumerate() {
            self.set(offset + i, v);
        }
        Ok(())
    }

    /// A snapshot of the elements as Rust values.
    pub fn to_vec(&self) -> Vec<E::Native> {
        (0..self.length)
            .filter_map(|i| self.get_native(i))
            .collect()
    }

    /// A snapshot of the view's bytes (native byte order), e.g. to compare with another engine.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = vec![0; self.byte_length()];
        // The view lies inside its store by construction, so the read cannot fail.
        let _ = region::read_bytes(&self.store, self.byte_offset, &mut out);
        out
    }
}

/// True for the signed/unsigned pairs of one integer width (`Int8`/`Uint8`, ...,
/// `BigInt64`/`BigUint64`), whose elements convert bit for bit.
fn sign_twins(a: ElementKind, b: ElementKind) -> bool {
    use ElementKind::*;
    matches!(
        (a, b),
        (Int8, Uint8)
            | (Uint8, Int8)
            | (Int16, Uint16)
            | (Uint16, Int16)
            | (Int32, Uint32)
            | (Uint32, Int32)
            | (BigInt64, BigUint64)
            | (BigUint64, BigInt64)
    )
}

impl<S: ByteRegion, E: Element> Clone for TypedArray<S, E> {
    fn clone(&self) -> Self {
        TypedArray {
            store: self.store.clone(),
            byte_offset: self.byte_offset,
            length: self.length,
            kind: PhantomData,
        }
    }
}

impl<S: ByteRegion, E: Element> fmt::Debug for TypedArray<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", E::KIND.name())?;
        f.debug_list().entries(self.to_vec()).finish()?;
        write!(f, ")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::region::test_store::LocalStore;
    use crate::memory::shared::SharedArrayBuffer;

    fn msg<T: fmt::Debug>(r: Result<T, NodeError>) -> String {
        r.unwrap_err().to_string()
    }

    #[test]
    fn construction_errors_match_v8() {
        let s8 = || LocalStore::new(8);
        assert_eq!(
            msg(Int32Array::new(s8(), 1, None)),
            "RangeError: start offset of Int32Array should be a multiple of 4"
        );
        assert_eq!(
            msg(Int32Array::new(LocalStore::new(6), 0, None)),
            "RangeError: byte length of Int32Array should be a multiple of 4"
        );
        assert_eq!(
            msg(Int32Array::new(s8(), 12, None)),
            "RangeError: Start offset 12 is outside the bounds of the buffer"
        );
        assert_eq!(
            msg(Int32Array::new(s8(), 0, Some(3))),
            "RangeError: Invalid typed array length: 3"
        );
        assert_eq!(
            msg(Int32Array::new(s8(), 12, Some(0))),
            "RangeError: Invalid typed array length: 0"
        );
        assert_eq!(
            msg(Int8Array::new(s8(), 0, Some(usize::MAX))),
            format!("RangeError: Invalid typed array length: {}", usize::MAX)
        );
        let a = Int32Array::new(s8(), 8, None).unwrap();
        assert_eq!((a.length(), a.byte_offset()), (0, 8));
        let a = Int32Array::new(s8(), 4, Some(1)).unwrap();
        assert_eq!((a.length(), a.byte_length()), (1, 4));
    }

    #[test]
    fn js_argument_construction_quotes_the_raw_values() {
        let s8 = || LocalStore::new(8);
        assert_eq!(
            msg(Int8Array::from_js_args(s8(), -1.5, None)),
            "RangeError: Start offset -1.5 is outside the bounds of the buffer"
        );
        assert_eq!(
            msg(Int8Array::from_js_args(s8(), 9.5, None)),
            "RangeError: Start offset 9.5 is outside the bounds of the buffer"
        );
        assert_eq!(
            msg(Int16Array::from_js_args(s8(), 2.0, Some(4.7))),
            "RangeError: Invalid typed array length: 4.7"
        );
        assert_eq!(
            msg(Int16Array::from_js_args(s8(), 3.5, Some(-1.0))),
            "RangeError: start offset of Int16Array should be a multiple of 2"
        );
        assert_eq!(
            msg(Int8Array::from_js_args(s8(), 9.5, Some(-1.0))),
            "RangeError: Invalid typed array length: -1"
        );
        let a = Int16Array::from_js_args(s8(), 2.0, Some(3.7)).unwrap();
        assert_eq!(a.length(), 3);
        let a = Int8Array::from_js_args(s8(), -0.5, Some(f64::NAN)).unwrap();
        assert_eq!(a.length(), 0);
    }

    #[test]
    fn reads_and_writes_past_the_end_are_undefined_and_ignored() {
        let a = Int16Array::new(SharedArrayBuffer::new(8).unwrap(), 2, Some(2)).unwrap();
        assert!(a.set(1, 70000.0));
        assert_eq!(a.get(1), Some(4464.0));
        assert!(!a.set(2, 1.0));
        assert_eq!(a.get(2), None);
        assert_eq!(a.store().to_vec()[6..], [0, 0]);
    }

    #[test]
    fn conversions_on_store() {
        let st = LocalStore::new(64);
        let c = Uint8ClampedArray::new(st.clone(), 0, Some(4)).unwrap();
        c.set(0, 2.5);
        c.set(1, -3.0);
        c.set(2, 300.0);
        c.set(3, 3.5);
        assert_eq!(c.to_vec(), [2, 0, 255, 4]);
        let f = Float32Array::new(st.clone(), 8, Some(1)).unwrap();
        f.set(0, 0.1);
        assert_eq!(f.get(0), Some(0.1f32 as f64));
        let b = BigUint64Array::new(st.clone(), 16, Some(1)).unwrap();
        b.set(0, u64::MAX);
        let s = BigInt64Array::new(st, 16, Some(1)).unwrap();
        assert_eq!(s.get(0), Some(-1));
    }

    #[test]
    fn subarray_uses_relative_indices_and_shares_bytes() {
        let a = Uint8Array::new(LocalStore::new(10), 0, None).unwrap();
        let s = a.subarray(-4, Some(-1));
        assert_eq!((s.byte_offset(), s.length()), (6, 3));
        s.set(0, 42.0);
        assert_eq!(a.get(6), Some(42.0));
        assert_eq!(a.subarray(7, Some(3)).length(), 0);
        assert_eq!(a.subarray(i64::MIN, None).length(), 10);
        let t = s.subarray(1, None);
        assert_eq!((t.byte_offset(), t.length()), (7, 2));
    }

    #[test]
    fn fill_converts_once_and_respects_the_range() {
        let a = Int16Array::new(LocalStore::new(10), 0, None).unwrap();
        a.fill(-1.0, Some(1), Some(-1));
        assert_eq!(a.to_vec(), [0, -1, -1, -1, 0]);
        a.fill(258.0, Some(-2), None);
        assert_eq!(a.to_vec(), [0, -1, -1, 258, 258]);
        // V8's quirk: an undefined start fills everything, whatever the end.
        a.fill(7.0, None, Some(1));
        assert_eq!(a.to_vec(), [7; 5]);
        let s = Float64Array::new(SharedArrayBuffer::new(24).unwrap(), 0, None).unwrap();
        s.fill(1.5, Some(0), None);
        assert_eq!(s.to_vec(), [1.5; 3]);
    }

    #[test]
    fn set_from_is_overlap_safe_and_converts() {
        let st = LocalStore::new(16);
        let bytes = Uint8Array::new(st.clone(), 0, None).unwrap();
        bytes
            .set_from_values(&(1..=16).map(f64::from).collect::<Vec<_>>(), 0)
            .unwrap();
        // Same type, overlapping forward move.
        bytes.set_from(&bytes.subarray(0, Some(8)), 2).unwrap();
        assert_eq!(
            bytes.to_vec(),
            [1, 2, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 16]
        );
        // Different types over the same bytes: the source is read before any write.
        let wide = Int16Array::new(st.clone(), 0, Some(4)).unwrap();
        let before = bytes.subarray(0, Some(4)).to_vec();
        wide.set_from(&bytes.subarray(0, Some(4)), 0).unwrap();
        assert_eq!(
            wide.to_vec(),
            before.iter().map(|&b| b as i16).collect::<Vec<_>>()
        );
        let e = bytes.set_from(&wide, 13).unwrap_err();
        assert_eq!(e.to_string(), "RangeError: offset is out of bounds");
        let big = BigInt64Array::new(LocalStore::new(8), 0, None).unwrap();
        let e = wide.set_from(&big, 0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "TypeError: Cannot mix BigInt and other types, use explicit conversions"
        );
        assert!(bytes.set_from_values(&[1.0, 2.0], 15).is_err());
    }
}
