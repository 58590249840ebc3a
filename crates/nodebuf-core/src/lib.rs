//! `nodebuf-core`: Node.js's Buffer system in pure Rust, faithful to Node v20 byte for byte and
//! error for error, with no JS engine inside. The JS face (`nodebuf-js`) only converts values
//! and calls into this crate.
//!
//! # Modules
//! - [`memory`]: backing stores ([`memory::ArrayBuffer`], [`memory::shared::SharedArrayBuffer`])
//!   over one allocator, `process.memoryUsage()` accounting, Node's Buffer pool (exact
//!   `byteOffset`s), the retention report (who keeps each store alive), and
//!   [`memory::region::ByteRegion`], the store interface typed arrays are generic over.
//! - [`buffer`]: [`Buffer`], a view `(store, byteOffset, length)`: views, copies, Node's
//!   allocation entry points, and borrow-checked access to the bytes.
//! - [`typed_array`], [`data_view`], [`atomics`]: `Int8Array` ... `BigUint64Array`, `DataView`
//!   and `Atomics` over any store, shared memory across real threads included.
//! - [`encoding`]: Node's seven encodings both ways, encoding names, `atob`/`btoa`,
//!   `transcode`, `isUtf8`/`isAscii`.
//! - [`ops`]: slice-level algorithms (search, compare, fill, swap, numeric reads and writes).
//! - [`api`]: Node's Buffer methods with Node's argument rules, on byte slices and [`args::Arg`]s
//!   (JS values described the way Node's validators look at them).
//! - [`error`]: Node's error catalogue ([`NodeError`]); [`inspect`]: `<Buffer 68 69>` and the
//!   `util.inspect` pieces error messages embed; [`number`]: JS Number conversions and
//!   `Number#toString`.
//!
//! # Example
//! ```
//! use nodebuf_core::encoding::{self, Encoding, JsStr, JsString};
//! use nodebuf_core::memory::{RetentionReport, StoreKind};
//! use nodebuf_core::Buffer;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! // `Buffer.allocUnsafe(16)`: small, so carved from this thread's 8 KiB pool slab, after the
//! // 8 bytes Node's own start-up takes.
//! let parent = Buffer::alloc_unsafe(16)?;
//! assert_eq!((parent.byte_offset(), parent.store_len()), (8, 8192));
//!
//! // `parent.subarray(4, 9)`: a view of the same bytes, no copy.
//! let view = parent.subarray(4, Some(9));
//! // `view.write('hello')`, then the parent sees it.
//! let hello = JsStr::Latin1(b"hello");
//! let written = view.with_bytes_mut(|dst| encoding::write(Encoding::Utf8, hello, dst))?;
//! assert_eq!(written, 5);
//! let text = parent.with_bytes(|bytes| encoding::decode(Encoding::Utf8, &bytes[4..9]))?;
//! assert_eq!(text, JsString::from("hello"));
//!
//! // `Buffer.from('aGVsbG8=', 'base64').toString('hex')`
//! let bytes = encoding::encode(Encoding::Base64, JsStr::Latin1(b"aGVsbG8="));
//! let decoded = Buffer::from_bytes(&bytes)?;
//! let hex = decoded.with_bytes(|bytes| encoding::decode(Encoding::Hex, bytes))?;
//! assert_eq!(hex, JsString::from("68656c6c6f"));
//!
//! // Who keeps the slab alive: the pool's own handle and our views, counted by creation site.
//! let report = RetentionReport::take();
//! let slab = report.store(parent.store_id()).expect("the slab is alive");
//! assert_eq!(slab.kind, StoreKind::Pool);
//! assert!(slab.views >= 3); // parent, view, decoded (pooled too)
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

pub mod api;
pub mod args;
pub mod atomics;
pub mod buffer;
pub mod data_view;
pub mod encoding;
pub mod error;
pub mod inspect;
pub mod inspect_layout;
pub mod memory;
pub mod number;
pub mod ops;
pub mod typed_array;

pub use buffer::Buffer;
pub use error::{ErrorClass, NodeError};

/// The README's example, compiled and run as a doctest so it cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
