//! Moving text between JS strings and Rust without losing Node's behaviour at the edges.
//!
//! JS strings are UTF-16 and may hold lone surrogates; Node writes those as U+FFFD when it
//! encodes to UTF-8 (stdout, files, TextEncoder). rquickjs's safe `to_string` fails on them, so
//! this module takes the UTF-8 fast path and falls back to the UTF-16 units when needed.

use rquickjs::{qjs, Ctx, Value};

/// The UTF-8 text of the JS string `value` (other values are converted with `String(value)`);
/// lone surrogates become U+FFFD as Node's UTF-8 encoder makes them.
pub fn to_utf8_lossy(ctx: &Ctx<'_>, value: &Value<'_>) -> rquickjs::Result<String> {
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut len: usize = 0;
    // SAFETY: `raw_ctx` is the live context we are called in and `value` belongs to it;
    // JS_ToCStringLen returns a NUL-terminated buffer of `len` bytes or null on exception, and
    // we free it with JS_FreeCString before returning.
    let ptr = unsafe { qjs::JS_ToCStringLen(raw_ctx, &mut len, value.as_raw()) };
    if ptr.is_null() {
        return Err(rquickjs::Error::Exception);
    }
    // SAFETY: QuickJS guarantees `len` readable bytes at `ptr` until it is freed below.
    let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
    let fast = std::str::from_utf8(bytes).map(str::to_owned);
    // SAFETY: `ptr` came from JS_ToCStringLen on this context and is freed exactly once.
    unsafe { qjs::JS_FreeCString(raw_ctx, ptr) };
    match fast {
        Ok(s) => Ok(s),
        Err(_) => Ok(String::from_utf16_lossy(&to_utf16(ctx, value)?)),
    }
}

/// The UTF-16 code units of `String(value)`, lone surrogates kept.
pub fn to_utf16(ctx: &Ctx<'_>, value: &Value<'_>) -> rquickjs::Result<Vec<u16>> {
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut len: qjs::size_t = 0;
    // SAFETY: as above; JS_ToCStringLenUTF16 returns `len` UTF-16 units or null on exception,
    // freed with JS_FreeCStringUTF16.
    let ptr = unsafe { qjs::JS_ToCStringLenUTF16(raw_ctx, &mut len, value.as_raw()) };
    if ptr.is_null() {
        return Err(rquickjs::Error::Exception);
    }
    // SAFETY: `len` units are readable at `ptr` until freed below.
    let units = unsafe { std::slice::from_raw_parts(ptr, len as usize) }.to_vec();
    // SAFETY: freed exactly once, on the context that made it.
    unsafe { qjs::JS_FreeCStringUTF16(raw_ctx, ptr) };
    Ok(units)
}
