//! `nodebuf-js`: installs Node's Buffer (backed by `nodebuf-core`) into any rquickjs context.
//!
//! Embedders call [`install`] once per context; it returns the `buffer` module's exports object
//! (what `require('buffer')` yields) and defines nothing global by itself, so the host decides
//! which globals to expose:
//!
//! ```
//! use rquickjs::{Context, Runtime, Object};
//!
//! let rt = Runtime::new().unwrap();
//! let context = Context::full(&rt).unwrap();
//! context.with(|ctx| {
//!     let buffer: Object = nodebuf_js::install(&ctx, &nodebuf_js::Options::default()).unwrap();
//!     ctx.globals().set("Buffer", buffer.get::<_, rquickjs::Value>("Buffer").unwrap()).unwrap();
//!     let hex: String = ctx
//!         .eval("Buffer.from('hi').toString('hex') + ' ' + Buffer.allocUnsafe(1).byteOffset")
//!         .unwrap();
//!     assert_eq!(hex, "6869 16");
//! });
//! ```
//!
//! Pooled Buffers are views over the core pool's slabs (one JS ArrayBuffer per slab, so
//! `Buffer.allocUnsafe(1).buffer === Buffer.allocUnsafe(1).buffer`); larger ones own a core
//! store handed to QuickJS without copying. Native failures reach JS through
//! [`throw_node_error`], which builds errors exactly shaped like Node's (see [`error`]).

#![warn(missing_docs)]

mod args;
pub mod bytecode;
mod engine;
pub mod error;
mod foreign;
mod method;
mod methods;
mod natives;
mod order;
pub mod own_keys;
mod raw;
pub mod retention;
mod state;

pub use error::{node_error_to_js, throw_node_error};
pub use nodebuf_core::memory::accounting::Budget;
pub use raw::length_is_intrinsic;
/// Makes a JS string from a core [`nodebuf_core::encoding::JsString`] in its cheapest form
/// (ASCII by memcpy, latin1 8-bit, UTF-16 as given with lone surrogates kept).
pub use raw::new_string as js_string;
pub use raw::StrRef;
pub use raw::{view_geometry, view_has_buffer, view_record, ViewGeometry, ViewRecord};

use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

/// Runtime switches that change Buffer behaviour, mirroring Node's command-line flags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// `--zero-fill-buffers`: `allocUnsafe`/`allocUnsafeSlow` return zeroed memory. Ours always
    /// do (the core never hands out old bytes), and Node's pooling is the same with the flag,
    /// so this changes nothing observable.
    pub zero_fill_buffers: bool,
    /// `--pending-deprecation`: `Buffer()`/`new Buffer()` warn (DEP0005) even when called from
    /// code under `node_modules`.
    pub pending_deprecation: bool,
    /// A byte budget for the stores Buffers live in (and any other store nodebuf-core
    /// allocates on this thread): once it is spent, allocations throw Node's
    /// `RangeError: Array buffer allocation failed` and the script keeps running; freed stores
    /// give their bytes back. QuickJS's own memory limit does not see these stores, so this is
    /// what bounds what a script allocates through `Buffer`. It applies to the thread that
    /// calls [`install`] (a QuickJS runtime runs on one thread); `None` means no limit.
    pub memory_budget: Option<Budget>,
}

const BUFFER_JS: &str = include_str!("buffer.js");

/// buffer.js and error_maker.js compiled to bytecode by build.rs (`ENGINE`, `BYTECODE`).
pub(crate) mod compiled {
    include!(concat!(env!("OUT_DIR"), "/buffer_js_bytecode.rs"));
}
/// The largest ArrayBuffer QuickJS holds (2**31 - 1 bytes, checked by experiment: one more byte
/// is the engine's `invalid array buffer length`): `buffer.kMaxLength` here, where Node's V8
/// allows 2**32.
pub const ENGINE_MAX_LENGTH: usize = i32::MAX as usize;

/// The longest string QuickJS holds (2**30 - 1 UTF-16 units, its `JS_STRING_LEN_MAX`, checked
/// by experiment): `buffer.kStringMaxLength` here, where V8's is 2**29 - 24.
pub const ENGINE_MAX_STRING_LENGTH: usize = (1 << 30) - 1;

/// Installs Buffer into `ctx` and returns the `buffer` module exports (`Buffer`, `SlowBuffer`,
/// `transcode`, `isUtf8`, `isAscii`, `atob`, `btoa`, `kMaxLength`, `kStringMaxLength`,
/// `constants`, `INSPECT_MAX_BYTES`, ...), mirroring `require('buffer')` in Node v20.
///
/// The exports object also carries a non-enumerable `setInspect(fn)` (keyed by
/// `Symbol.for('nodebuf.setInspect')`): a host with a `util.inspect` passes it there so error
/// messages and `<Buffer ...>` extras render objects as Node does.
pub fn install<'js>(ctx: &Ctx<'js>, options: &Options) -> Result<Object<'js>> {
    raw::capture_intrinsics(ctx)?;
    // Every size check and limit message quotes what this engine can really hold.
    nodebuf_core::memory::set_max_length(ENGINE_MAX_LENGTH);
    nodebuf_core::api::string::set_max_string_length(ENGINE_MAX_STRING_LENGTH);
    if let Some(budget) = &options.memory_budget {
        nodebuf_core::memory::accounting::set_thread_budget(Some(budget.clone()));
    }
    let binding = natives::binding(ctx)?;
    let opts = Object::new(ctx.clone())?;
    opts.set("kMaxLength", ENGINE_MAX_LENGTH as f64)?;
    opts.set("kStringMaxLength", ENGINE_MAX_STRING_LENGTH as f64)?;
    opts.set("pendingDeprecation", options.pending_deprecation)?;
    opts.set("zeroFillBuffers", options.zero_fill_buffers)?;
    // buffer.js as build.rs compiled it, else (another engine version) its source.
    let factory: Function = bytecode::load_or_eval(
        ctx,
        compiled::ENGINE,
        bytecode::find(compiled::BYTECODE, "buffer"),
        BUFFER_JS,
        "node:buffer",
        true,
    )?;
    // The JS half registers this install's state through `binding.makeFast`.
    let made: Object = factory.call((binding, opts))?;
    let exports: Object = made.get("exports")?;
    let set_inspect: Value = made.get("setInspect")?;
    let symbol_for: Function = ctx.globals().get::<_, Object>("Symbol")?.get("for")?;
    let key: rquickjs::Symbol = symbol_for.call(("nodebuf.setInspect",))?;
    exports.prop(
        key,
        rquickjs::object::Property::from(set_inspect)
            .writable()
            .configurable(),
    )?;
    Ok(exports)
}

/// `String(value)` as Rust text through the engine (lone surrogates become U+FFFD).
pub(crate) fn to_rust_string(ctx: &Ctx<'_>, value: &Value<'_>) -> Result<String> {
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut len: qjs::size_t = 0;
    // SAFETY: `value` is live in this context; JS_ToCStringLen2 returns `len` bytes of UTF-8
    // (lone surrogates as WTF-8) or null on exception, freed below with JS_FreeCString.
    let ptr = unsafe { qjs::JS_ToCStringLen2(raw_ctx, &mut len, value.as_raw(), false) };
    if ptr.is_null() {
        return Err(rquickjs::Error::Exception);
    }
    // SAFETY: `len` bytes are readable at `ptr` until freed.
    let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len as usize) };
    let text = String::from_utf8_lossy(bytes).into_owned();
    // SAFETY: freed once, on the context that made it.
    unsafe { qjs::JS_FreeCString(raw_ctx, ptr) };
    Ok(text)
}

/// A new JS Buffer holding a copy of `bytes`, allocated as `Buffer.allocUnsafe(bytes.len())`
/// would be (pooled when small), as Node's `fs.readFileSync` and friends return data. Needs
/// [`install`] on this context first.
pub fn buffer_from_bytes<'js>(ctx: &Ctx<'js>, bytes: &[u8]) -> Result<Value<'js>> {
    let buf =
        nodebuf_core::Buffer::alloc_unsafe(bytes.len()).map_err(|e| throw_node_error(ctx, &e))?;
    // The new Buffer's bytes are fresh (pool bytes never handed out, or a new store) and
    // `bytes` is a Rust slice, so the copy has no overlap and no one else writes meanwhile.
    buf.write_from(bytes)
        .map_err(|_| rquickjs::Error::new_from_js("bytes", "Buffer"))?;
    state::to_js(ctx, &buf)
}

/// The JS Buffer viewing a core [`nodebuf_core::Buffer`]'s bytes (no copy): a view over the
/// pool slab's shared JS ArrayBuffer for pooled Buffers, else over the store itself.
pub fn buffer_from_core<'js>(ctx: &Ctx<'js>, buf: &nodebuf_core::Buffer) -> Result<Value<'js>> {
    state::to_js(ctx, buf)
}

/// Calls `f` with the bytes behind an ArrayBuffer, SharedArrayBuffer, typed array or DataView
/// (`None` for any other value; a detached or out-of-bounds view has no bytes). The geometry
/// comes from the engine's internal slots, never from JS properties, so no user code runs and
/// no own property or replaced getter can point it elsewhere — as Node's C++ layer reads a
/// view. `f` must not run JS: the bytes may move or be detached once JS runs.
pub fn with_view_bytes<'js, R>(
    ctx: &Ctx<'js>,
    value: &Value<'js>,
    f: impl FnOnce(&[u8]) -> R,
) -> Option<R> {
    let region = raw::region(ctx, value)?;
    // SAFETY: located just now from the engine's slots, in bounds of its store; no JS runs
    // while `f` uses the slice (the caller's contract), so it is neither freed nor detached.
    Some(f(unsafe {
        std::slice::from_raw_parts(region.ptr, region.len)
    }))
}

/// [`with_view_bytes`] for writing into the view (`fs.readSync` into a buffer, `encodeInto`).
pub fn with_view_bytes_mut<'js, R>(
    ctx: &Ctx<'js>,
    value: &Value<'js>,
    f: impl FnOnce(&mut [u8]) -> R,
) -> Option<R> {
    let region = raw::region(ctx, value)?;
    // SAFETY: as in `with_view_bytes`; this is the only Rust reference to the bytes while `f`
    // runs, and JS cannot observe them meanwhile.
    Some(f(unsafe {
        std::slice::from_raw_parts_mut(region.ptr, region.len)
    }))
}

/// The README's embedding example, compiled and run as a doctest so it cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
