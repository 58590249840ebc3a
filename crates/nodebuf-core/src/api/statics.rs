//! The static constructors wired to [`crate::buffer::Buffer`]: `Buffer.alloc`, `allocUnsafe`,
//! `allocUnsafeSlow`, `from(string, encoding)`, `of`, and the validation step of `concat` and
//! `copyBytesFrom` (whose copies `Buffer::concat` / `Buffer::from_bytes` make with borrow checks).

use super::alloc::{alloc_fill, concat_item, concat_length, validate_size};
use super::coerce::to_number;
use crate::args::Arg;
use crate::buffer::Buffer;
use crate::encoding::{Encoding, JsStr};
use crate::error::NodeError;
use crate::memory::retention::Site;
use crate::number;

/// `Buffer.alloc(size, fill, encoding)`: Node's size check, a zeroed Buffer of its own, then
/// the fill with `buf.fill`'s rules (a string `fill` in `encoding`, numbers `& 255`, views'
/// bytes; undecodable strings and empty views throw `ERR_INVALID_ARG_VALUE`).
#[track_caller]
pub fn alloc(size: &Arg<'_>, fill: &Arg<'_>, encoding: &Arg<'_>) -> Result<Buffer, NodeError> {
    let n = validate_size(size)?;
    let buf = Buffer::alloc(n)?;
    if n > 0 && !matches!(fill, Arg::Undefined) {
        buf.with_bytes_mut(|bytes| alloc_fill(bytes, fill, encoding))??;
    }
    Ok(buf)
}

/// The most bytes a typed array keeps inside its own object in V8 (an "on-heap" typed array,
/// whose ArrayBuffer is made only when something asks for it): `new Uint8Array(n)`,
/// `Buffer.alloc(n)` and `Buffer.allocUnsafeSlow(n)` for `n <= 64`.
pub const ON_HEAP_MAX: usize = 64;

/// The bytes of a new Buffer V8 keeps on its heap (at most [`ON_HEAP_MAX`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OnHeapBytes {
    bytes: [u8; ON_HEAP_MAX],
    len: usize,
}

impl OnHeapBytes {
    /// No bytes: Node's `new FastBuffer()` (`allocUnsafe(0)`, `from('')`).
    pub const EMPTY: OnHeapBytes = OnHeapBytes {
        bytes: [0; ON_HEAP_MAX],
        len: 0,
    };

    /// The new Buffer's contents.
    pub fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// `Buffer.alloc(size, fill, encoding)` when Node's Buffer stays on V8's heap: `size` at most
/// [`ON_HEAP_MAX`] and a fill Node applies with `%TypedArray%.prototype.fill` (none, a number,
/// an empty string, or one character its `_fill` turns into a number: below 128 in utf8, any in
/// latin1). Other fills go through Node's native fill, which gives the Buffer its ArrayBuffer:
/// then `None`, and [`alloc`] makes it. Errors are [`alloc`]'s.
pub fn alloc_on_heap(
    size: &Arg<'_>,
    fill: &Arg<'_>,
    encoding: &Arg<'_>,
) -> Result<Option<OnHeapBytes>, NodeError> {
    let n = validate_size(size)?;
    if n > ON_HEAP_MAX || (n > 0 && !fills_as_typed_array(fill, encoding)) {
        return Ok(None);
    }
    let mut out = OnHeapBytes {
        bytes: [0; ON_HEAP_MAX],
        len: n,
    };
    if n > 0 && !matches!(fill, Arg::Undefined) {
        alloc_fill(&mut out.bytes[..n], fill, encoding)?;
    }
    Ok(Some(out))
}

/// `Buffer.allocUnsafeSlow(size)` when Node's Buffer stays on V8's heap (`size` at most
/// [`ON_HEAP_MAX`]): zeroed bytes; `None` for larger sizes. Errors are [`alloc_unsafe_slow`]'s.
pub fn alloc_unsafe_slow_on_heap(size: &Arg<'_>) -> Result<Option<OnHeapBytes>, NodeError> {
    let n = validate_size(size)?;
    Ok((n <= ON_HEAP_MAX).then_some(OnHeapBytes {
        bytes: [0; ON_HEAP_MAX],
        len: n,
    }))
}

/// Whether Node's `_fill` applies `fill` with `%TypedArray%.prototype.fill` (no native call):
/// numbers, and strings it turns into one (empty: 0; one unit below 128 in utf8, any one unit in
/// latin1).
fn fills_as_typed_array(fill: &Arg<'_>, encoding: &Arg<'_>) -> bool {
    match fill {
        Arg::Undefined | Arg::Number(_) => true,
        Arg::String(s) if s.is_empty() => true,
        Arg::String(s) if s.len() == 1 => {
            let unit = match s {
                JsStr::Latin1(b) => u16::from(b[0]),
                JsStr::Utf16(u) => u[0],
            };
            let enc = match encoding {
                Arg::Undefined => Some(Encoding::Utf8),
                Arg::String(name) => Encoding::parse_js(*name),
                _ => None,
            };
            matches!(
                (enc, unit),
                (Some(Encoding::Utf8), 0..=127) | (Some(Encoding::Latin1), _)
            )
        }
        _ => false,
    }
}

/// `Buffer.allocUnsafe(size)`: Node's size check, then a (pooled when small) Buffer. A
/// fractional size keeps its fraction in the pool arithmetic, as Node's does (`allocUnsafe(0.5)`
/// is an empty view in the pool).
#[track_caller]
#[inline]
pub fn alloc_unsafe(size: &Arg<'_>) -> Result<Buffer, NodeError> {
    let len = validate_size(size)?;
    // `len` is the size truncated (a number in `0..=kMaxLength`, so both are exact integers
    // below 2**53): the difference is the fraction, with no call to `trunc`.
    let extra = match *size {
        Arg::Number(n) => n - len as f64,
        _ => 0.0,
    };
    Buffer::pooled_or_fresh_js(len, extra, Site::caller())
}

/// `Buffer.allocUnsafeSlow(size)`: Node's size check, then a Buffer with a store of its own.
#[track_caller]
pub fn alloc_unsafe_slow(size: &Arg<'_>) -> Result<Buffer, NodeError> {
    Buffer::alloc_unsafe_slow(validate_size(size)?)
}

/// The encoding rule of `Buffer.from(string, encoding)`: anything but a non-empty string means
/// utf8 (`Buffer.from('a', 5)` works); a non-empty string must name an encoding.
pub fn from_string_encoding(encoding: &Arg<'_>) -> Result<Encoding, NodeError> {
    match *encoding {
        Arg::String(e) if !e.is_empty() => Encoding::parse_js(e)
            .ok_or_else(|| NodeError::unknown_encoding(&crate::inspect::js_str_lossy(e))),
        _ => Ok(Encoding::Utf8),
    }
}

/// `Buffer.from(string, encoding)`: the encoded bytes, pooled by Node's string rule.
#[track_caller]
#[inline]
pub fn from_string(s: JsStr<'_>, encoding: &Arg<'_>) -> Result<Buffer, NodeError> {
    let enc = from_string_encoding(encoding)?;
    Buffer::from_js_str(s, enc)
}

/// `Buffer.of(...items)`: each item converted as a Uint8Array element (`+item`, truncated,
/// modulo 256; NaN and the infinities are 0), in a Buffer of its own.
#[track_caller]
pub fn of(items: &[Arg<'_>]) -> Result<Buffer, NodeError> {
    let mut bytes = Vec::with_capacity(items.len());
    for item in items {
        let n = to_number(item)?;
        bytes.push(number::to_uint8(n));
    }
    Buffer::of(&bytes)
}

/// `Buffer.concat(list, totalLength)` validation: every item must be a Buffer/Uint8Array
/// (`The "list[1]" argument must be an instance of Buffer or Uint8Array`), and `totalLength`
/// an integer in `0..=2**32`. Returns the result's length; the copy itself is
/// `Buffer::concat` (which checks the items' borrows).
pub fn concat_validate(list: &[Arg<'_>], total_length: &Arg<'_>) -> Result<usize, NodeError> {
    // Node: an empty list returns an empty Buffer before anything else is checked; a given
    // `totalLength` is checked before the items.
    if list.is_empty() {
        return Ok(0);
    }
    if total_length.is_undefined() {
        // Node sums `list[i].length` first, so a null or undefined item fails right there.
        for item in list {
            let what = match item {
                Arg::Undefined => "undefined",
                Arg::Null => "null",
                _ => continue,
            };
            return Err(NodeError::cannot_read_properties(what, "length"));
        }
    } else {
        concat_length(total_length, 0)?;
    }
    let mut sum = 0usize;
    for (i, item) in list.iter().enumerate() {
        sum = sum.saturating_add(concat_item(i, item)?.len());
    }
    concat_length(total_length, sum)
}
