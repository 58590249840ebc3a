//! Typed Rust methods on [`Buffer`]: the everyday operations of Node's `Buffer.prototype`
//! (`toString`, `write`, `fill`, `indexOf`, `equals`, `compare`, numeric reads and writes,
//! `swap16/32/64`) for Rust callers, who have typed arguments and need no JS-style validation.
//!
//! Each method is a thin wrapper over the same slice-level code the Node-faithful
//! [`api`](crate::api) layer uses, so results match Node's for the same (valid) arguments.
//! A method that would alias a slice lent by [`Buffer::with_bytes_mut`] returns
//! [`BytesInUse`] instead.

use std::cmp::Ordering;

use super::Buffer;
use crate::api;
use crate::encoding::{self, Encoding, JsStr, JsString};
use crate::memory::BytesInUse;
use crate::ops::numeric::{self, Endian};
use crate::ops::{fill, search};
use crate::NodeError;

impl Buffer {
    /// `Buffer.from(string, encoding)`: the string's bytes in `enc`, allocated as Node does
    /// (pooled when small, with Node's room estimate).
    ///
    /// ```
    /// use nodebuf_core::{Buffer, encoding::{Encoding, JsStr}};
    /// let buf = Buffer::from_js_str(JsStr::Latin1(b"68656c6c6f"), Encoding::Hex).unwrap();
    /// assert_eq!(buf.to_vec().unwrap(), b"hello");
    /// ```
    #[track_caller]
    pub fn from_js_str(s: JsStr<'_>, enc: Encoding) -> Result<Buffer, NodeError> {
        // SAFETY: the uninit writers (latin1, ascii, utf16le) write every byte they count.
        unsafe {
            Buffer::from_encoded_uninit(
                s.len(),
                || encoding::byte_length(enc, s),
                |dst| encoding::write(enc, s, dst),
                encoding::uninit_writer(enc).map(|write| move |dst: &mut [_]| write(s, dst)),
            )
        }
    }

    /// `buf.toString(encoding)`: the bytes decoded as Node decodes them.
    ///
    /// ```
    /// use nodebuf_core::{Buffer, encoding::Encoding};
    /// let buf = Buffer::from_bytes(b"hi").unwrap();
    /// assert_eq!(buf.to_js_string(Encoding::Base64).unwrap().to_utf16(), "aGk=".encode_utf16().collect::<Vec<_>>());
    /// ```
    pub fn to_js_string(&self, enc: Encoding) -> Result<JsString, BytesInUse> {
        self.with_bytes(|b| encoding::decode(enc, b))
    }

    /// `buf.write(string, offset, encoding)`: writes what fits at `offset` with Node's truncation
    /// rules (never part of a UTF-8 character) and returns the number of bytes written; an
    /// `offset` past the end writes nothing.
    pub fn write_js_str(
        &self,
        s: JsStr<'_>,
        offset: usize,
        enc: Encoding,
    ) -> Result<usize, BytesInUse> {
        self.with_bytes_mut(|b| match b.get_mut(offset..) {
            Some(dst) => encoding::write(enc, s, dst),
            None => 0,
        })
    }

    /// `buf.fill(pattern)`: repeats `pattern` over the whole buffer (an empty pattern leaves it
    /// unchanged; Node rejects that case with `ERR_INVALID_ARG_VALUE` at its JS boundary).
    pub fn fill_with(&self, pattern: &[u8]) -> Result<(), BytesInUse> {
        self.with_bytes_mut(|b| fill::fill_pattern(b, pattern))
    }

    /// `buf.indexOf(needle, from)`: the first position at or after `from` where `needle` starts.
    pub fn index_of(&self, needle: &[u8], from: usize) -> Result<Option<usize>, BytesInUse> {
        self.with_bytes(|b| search::index_of(b, needle, from))
    }

    /// `buf.lastIndexOf(needle, upto)`: the last position at or before `upto` where `needle`
    /// starts.
    pub fn last_index_of(&self, needle: &[u8], upto: usize) -> Result<Option<usize>, BytesInUse> {
        self.with_bytes(|b| search::last_index_of(b, needle, upto))
    }

    /// `buf.equals(other)`: the same bytes (views of one store compare by content too).
    pub fn equals(&self, other: &Buffer) -> Result<bool, BytesInUse> {
        self.with_bytes(|a| other.with_bytes(|b| a == b))?
    }

    /// `buf.compare(other)` / `Buffer.compare(a, b)`: byte-wise order, shorter first on a tie.
    pub fn compare(&self, other: &Buffer) -> Result<Ordering, BytesInUse> {
        self.with_bytes(|a| other.with_bytes(|b| a.cmp(b)))?
    }

    /// `buf.readUIntLE/BE(offset, width)` for `width` 1..=6 (and 8, the BigUInt64 reads): `None`
    /// when the bytes do not fit (Node throws `ERR_OUT_OF_RANGE` / `ERR_BUFFER_OUT_OF_BOUNDS`).
    ///
    /// ```
    /// use nodebuf_core::{Buffer, ops::numeric::Endian};
    /// let buf = Buffer::from_bytes(&[0x12, 0x34, 0x56]).unwrap();
    /// assert_eq!(buf.read_uint(0, 2, Endian::Big).unwrap(), Some(0x1234));
    /// assert_eq!(buf.read_uint(2, 2, Endian::Big).unwrap(), None);
    /// ```
    pub fn read_uint(
        &self,
        offset: usize,
        width: usize,
        endian: Endian,
    ) -> Result<Option<u64>, BytesInUse> {
        self.with_bytes(|b| numeric::read_uint(b, offset, width, endian))
    }

    /// `buf.readIntLE/BE(offset, width)`: the signed counterpart of [`Buffer::read_uint`].
    pub fn read_int(
        &self,
        offset: usize,
        width: usize,
        endian: Endian,
    ) -> Result<Option<i64>, BytesInUse> {
        self.with_bytes(|b| numeric::read_int(b, offset, width, endian))
    }

    /// `buf.writeUIntLE/BE(value, offset, width)`: writes the low `width` bytes of `value` and
    /// returns `offset + width`, or `None` (writing nothing) when they do not fit.
    pub fn write_uint(
        &self,
        value: u64,
        offset: usize,
        width: usize,
        endian: Endian,
    ) -> Result<Option<usize>, BytesInUse> {
        self.with_bytes_mut(|b| numeric::write_uint(b, offset, width, endian, value))
    }

    /// `buf.readDoubleLE/BE(offset)`: `None` when 8 bytes do not fit.
    pub fn read_f64(&self, offset: usize, endian: Endian) -> Result<Option<f64>, BytesInUse> {
        self.with_bytes(|b| numeric::read_f64(b, offset, endian))
    }

    /// `buf.writeDoubleLE/BE(value, offset)`: returns `offset + 8`, or `None` when it does not fit.
    pub fn write_f64(
        &self,
        value: f64,
        offset: usize,
        endian: Endian,
    ) -> Result<Option<usize>, BytesInUse> {
        self.with_bytes_mut(|b| numeric::write_f64(b, offset, endian, value))
    }

    /// `buf.swap16()`: reverses the byte order of every 2-byte unit in place; Node's
    /// `ERR_INVALID_BUFFER_SIZE` when the length is odd.
    pub fn swap16(&self) -> Result<(), NodeError> {
        self.with_bytes_mut(api::swap16)?
    }

    /// `buf.swap32()`: as [`Buffer::swap16`] for 4-byte units.
    pub fn swap32(&self) -> Result<(), NodeError> {
        self.with_bytes_mut(api::swap32)?
    }

    /// `buf.swap64()`: as [`Buffer::swap16`] for 8-byte units.
    pub fn swap64(&self) -> Result<(), NodeError> {
        self.with_bytes_mut(api::swap64)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_methods_agree_with_the_views_they_act_on() {
        let buf = Buffer::from_js_str(JsStr::Latin1(b"hello world"), Encoding::Utf8).unwrap();
        assert_eq!(buf.index_of(b"o", 5).unwrap(), Some(7));
        assert_eq!(buf.last_index_of(b"o", 6).unwrap(), Some(4));
        let world = buf.subarray(6, None);
        assert_eq!(
            world.write_js_str(JsStr::Latin1(b"W"), 0, Encoding::Latin1),
            Ok(1)
        );
        assert_eq!(buf.to_vec().unwrap(), b"hello World");
        assert!(world
            .equals(&Buffer::from_bytes(b"World").unwrap())
            .unwrap());
        assert_eq!(world.compare(&buf).unwrap(), Ordering::Less);
        world.fill_with(b"ab").unwrap();
        assert_eq!(buf.to_vec().unwrap(), b"hello ababa");
        assert_eq!(buf.write_uint(0x0102, 0, 2, Endian::Little), Ok(Some(2)));
        assert_eq!(buf.read_int(0, 2, Endian::Big), Ok(Some(0x0201)));
        assert_eq!(buf.write_f64(1.5, 4, Endian::Big), Ok(None));
        let eight = Buffer::from_bytes(&[1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
        eight.swap32().unwrap();
        assert_eq!(eight.to_vec().unwrap(), [4, 3, 2, 1, 8, 7, 6, 5]);
        let err = buf.swap64().unwrap_err();
        assert_eq!(err.code, Some("ERR_INVALID_BUFFER_SIZE"));
        assert_eq!(err.message, "Buffer size must be a multiple of 64-bits");
    }
}
