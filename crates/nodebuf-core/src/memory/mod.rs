//! Backing stores and the memory system around them: accounting, the pool, the retention report.
//!
//! - [`store`]: the store (one raw, 16-aligned, always-initialized allocation) and the
//!   [`ArrayBuffer`] handle; a store is freed when its last handle or view goes.
//! - [`shared`]: [`shared::SharedArrayBuffer`], the same kind of allocation shared by handles on
//!   any number of threads (every access atomic).
//! - [`region`]: [`region::ByteRegion`], what typed arrays, DataView and Atomics need of a store
//!   (both kinds implement it), and the only code that reads and writes through it.
//! - [`pool`]: Node's Buffer pool, per thread, with Node v20's exact offsets.
//! - [`recycle`]: zeroed blocks of 64 KiB-4 MiB kept for reuse, scrubbed off the allocating
//!   call (bounded; [`recycle::held`] reports them).
//! - [`accounting`]: `process.memoryUsage()`'s `arrayBuffers` / `external`, exact at all times.
//! - [`retention`]: who keeps each store alive, by creation site; flags stores pinned by small
//!   views. Reports can be taken from any thread.
//! - [`borrow`]: run-time borrow tracking that makes `Buffer::with_bytes{,_mut}` sound.
//!
//! # Handing a store to a JS engine without copying
//! An [`EngineSource`] owns the store for the engine; pointer and length are stable, the bytes
//! are 16-aligned, and dropping it (when the engine collects its ArrayBuffer) releases it. The
//! retention report counts it apart from ordinary handles, so a big store kept only by small JS
//! views is still flagged once the JS layer's view records (one `Buffer` per JS Buffer, dropped by
//! the JS object's finalizer, labelled with `Buffer::set_site`) cover little of it:
//!
//! ```ignore
//! struct StoreSource(nodebuf_core::memory::EngineSource);
//! // SAFETY: `as_ptr`/`len` are stable while the source lives and the memory is valid
//! // for reads and writes; the engine writes it only while JS runs, and this layer never runs JS
//! // while a slice from `Buffer::with_bytes{,_mut}` or the unchecked accessors is alive.
//! unsafe impl rquickjs::ArrayBufferSource for StoreSource {
//!     fn as_ptr(&self) -> *mut u8 { self.0.as_ptr() }
//!     fn len(&self) -> usize { self.0.len() }
//! }
//! let js_array_buffer = rquickjs::ArrayBuffer::from_source(ctx, StoreSource(buf.engine_source()))?;
//! // then, in JS: new Buffer(js_array_buffer, buf.byte_offset(), buf.len())
//! ```
//!
//! # Reaching a Buffer's bytes from other core modules
//! Slice-level algorithms (`&[u8]` / `&mut [u8]`) plug in through the closure accessors, which are
//! safe: `buf.with_bytes(|b| memchr::memchr(x, b))?`, `buf.with_bytes_mut(|b| b.fill(v))?`.
//! Two Buffers nest (`a.with_bytes(|s| b.with_bytes_mut(|d| ...))`) whenever their bytes do not
//! overlap or both are shared; an overlap that would alias a `&mut` fails with [`BytesInUse`]
//! instead (for copies between possibly overlapping views use `Buffer::copy_to`). Code that runs
//! no user code may use `Buffer::bytes_unchecked` / `bytes_mut_unchecked` (`unsafe`, see their
//! contracts). Handles and views are `!Send` and `!Sync`, so none of this crosses threads.

pub mod accounting;
pub mod borrow;
pub mod pool;
pub(crate) mod raw;
pub mod recycle;
pub mod region;
pub mod retention;
pub mod shared;
pub mod store;

pub use borrow::BytesInUse;
pub use retention::{RetentionPolicy, RetentionReport, Site, StoreKind, StoreReport};
pub use store::{max_length, set_max_length, ArrayBuffer, EngineSource, K_MAX_LENGTH};
