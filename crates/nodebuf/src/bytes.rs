//! The one place the runner turns native bytes into a JS value and reads bytes out of JS
//! views. `fs.readFileSync` and friends return what [`wrap_bytes`] makes: a `Buffer`.

use rquickjs::{qjs, Ctx, Result, Value};

/// Wraps `bytes` as the JS value Node returns for binary data: a `Buffer` allocated as
/// `Buffer.allocUnsafe(n)` (pooled when small), as `fs.readFileSync(path)` returns.
pub fn wrap_bytes<'js>(ctx: &Ctx<'js>, bytes: Vec<u8>) -> Result<Value<'js>> {
    nodebuf_js::buffer_from_bytes(ctx, &bytes)
}

/// Where the bytes of an ArrayBuffer, SharedArrayBuffer, typed array or DataView live.
fn region<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<(*mut u8, usize)> {
    let obj = value.as_object()?;
    let raw_ctx = ctx.as_raw().as_ptr();
    let raw = value.as_raw();
    // SAFETY: `raw` is a live object of this context; the class checks only read its header.
    let is_typed = unsafe { qjs::JS_GetTypedArrayType(raw) } >= 0;
    // SAFETY: as above.
    let is_buffer = unsafe { qjs::JS_IsArrayBuffer(raw) };
    // SAFETY: as above.
    let is_view = unsafe { qjs::JS_IsDataView(raw) };
    if is_buffer {
        let mut len: qjs::size_t = 0;
        // SAFETY: JS_GetArrayBuffer returns the store's pointer and length (null if detached).
        let ptr = unsafe { qjs::JS_GetArrayBuffer(raw_ctx, &mut len, raw) };
        if ptr.is_null() {
            // A detached buffer has no bytes; clear the TypeError QuickJS raised.
            let _ = ctx.catch();
            return Some((std::ptr::NonNull::dangling().as_ptr(), 0));
        }
        return Some((ptr, len as usize));
    }
    if is_typed || is_view {
        let (offset, length, buffer) = if is_typed {
            let (mut offset, mut length, mut per): (qjs::size_t, qjs::size_t, qjs::size_t) =
                (0, 0, 0);
            // SAFETY: a typed array; the returned buffer is a new reference we own below.
            let buffer = unsafe {
                Value::from_raw(
                    ctx.clone(),
                    qjs::JS_GetTypedArrayBuffer(raw_ctx, raw, &mut offset, &mut length, &mut per),
                )
            };
            (offset as usize, length as usize, buffer)
        } else {
            let offset: usize = obj.get("byteOffset").ok()?;
            let length: usize = obj.get("byteLength").ok()?;
            let buffer: Value = obj.get("buffer").ok()?;
            (offset, length, buffer)
        };
        let (ptr, len) = region(ctx, &buffer)?;
        if offset.checked_add(length)? > len {
            return None;
        }
        // SAFETY: offset + length <= len was checked just above.
        return Some((unsafe { ptr.add(offset) }, length));
    }
    None
}

/// A copy of the bytes behind an ArrayBuffer, SharedArrayBuffer, typed array or DataView, or
/// `None` when `value` is none of those.
pub fn view_bytes<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<Vec<u8>> {
    with_view_bytes(ctx, value, |bytes| bytes.to_vec())
}

/// Calls `f` with the bytes behind `value` without copying them. `f` must not run JS (the
/// bytes could move or be detached under it), which its signature cannot express: callers
/// only pass plain Rust work.
pub fn with_view_bytes<'js, R>(
    ctx: &Ctx<'js>,
    value: &Value<'js>,
    f: impl FnOnce(&[u8]) -> R,
) -> Option<R> {
    let (ptr, len) = region(ctx, value)?;
    // SAFETY: `region` returned a live in-bounds range of the store; no JS runs while `f` uses
    // it, so it is neither freed nor detached, and no other Rust reference to it exists.
    Some(f(unsafe { std::slice::from_raw_parts(ptr, len) }))
}

/// Like [`with_view_bytes`] for writing into the view (e.g. `fs.readSync` into a buffer).
pub fn with_view_bytes_mut<'js, R>(
    ctx: &Ctx<'js>,
    value: &Value<'js>,
    f: impl FnOnce(&mut [u8]) -> R,
) -> Option<R> {
    let (ptr, len) = region(ctx, value)?;
    // SAFETY: as in `with_view_bytes`; JS cannot observe the bytes while `f` runs, and this is
    // the only reference to them.
    Some(f(unsafe { std::slice::from_raw_parts_mut(ptr, len) }))
}
