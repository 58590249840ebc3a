//! The one place the runner turns native bytes into a JS value and reads bytes out of JS
//! views. `fs.readFileSync` and friends return what [`wrap_bytes`] makes: a `Buffer`.

use rquickjs::{Ctx, Result, Value};

/// Wraps `bytes` as the JS value Node returns for binary data: a `Buffer` allocated as
/// `Buffer.allocUnsafe(n)` (pooled when small), as `fs.readFileSync(path)` returns.
pub fn wrap_bytes<'js>(ctx: &Ctx<'js>, bytes: Vec<u8>) -> Result<Value<'js>> {
    nodebuf_js::buffer_from_bytes(ctx, &bytes)
}

/// A copy of the bytes behind an ArrayBuffer, SharedArrayBuffer, typed array or DataView, or
/// `None` when `value` is none of those.
pub fn view_bytes<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<Vec<u8>> {
    with_view_bytes(ctx, value, |bytes| bytes.to_vec())
}

pub use nodebuf_js::{with_view_bytes, with_view_bytes_mut};
