//! Raw QuickJS values as the natives meet them: tags, primitives read without running JS,
//! the bytes of a Uint8Array, the few value constructors the natives return, and the guard that
//! keeps a Rust panic from unwinding into C. No Buffer semantics live here.

use std::ffi::c_int;
use std::ptr::NonNull;

use nodebuf_core::api::NumValue;
use nodebuf_core::args::Arg;
use rquickjs::{qjs, Ctx};

/// A raw engine value.
pub type Raw = qjs::JSValue;

/// `undefined`.
pub const UNDEFINED: Raw = qjs::JS_MKVAL(qjs::JS_TAG_UNDEFINED, 0);
/// The engine's exception marker (an exception is pending).
pub const EXCEPTION: Raw = qjs::JS_MKVAL(qjs::JS_TAG_EXCEPTION, 0);

/// Turns an rquickjs error into a pending JS exception and returns `JS_EXCEPTION`.
pub fn throw_error(ctx: &Ctx<'_>, e: rquickjs::Error) -> Raw {
    match e {
        rquickjs::Error::Exception => EXCEPTION,
        other => {
            let _ = rquickjs::Exception::throw_type(ctx, &other.to_string());
            EXCEPTION
        }
    }
}

/// Runs a native's body, turning a panic (a bug: the core promises none) into an InternalError
/// instead of unwinding into C.
#[inline(always)]
pub fn guard(ctx: *mut qjs::JSContext, f: impl FnOnce() -> Raw) -> Raw {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(_) => {
            // SAFETY: a live context; the format string has no conversions.
            unsafe { qjs::JS_ThrowInternalError(ctx, c"nodebuf: internal error".as_ptr()) };
            EXCEPTION
        }
    }
}

/// `v` rebuilt in one vector register, so that the copy the compiler keeps in memory is
/// written by one 16-byte store. The engine passes a value in two registers; spilled as two
/// 8-byte stores and read back soon after by a 16-byte load (how the compiler copies the
/// struct), the load cannot be forwarded from the store buffer and stalls (perf put 15% of
/// `readUInt32LE`'s samples on that one load).
#[inline(always)]
pub fn whole(v: Raw) -> Raw {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_set_epi64x};
        // SAFETY: JSValue is 16 plain bytes (a 64-bit union and a 64-bit tag), as is __m128i;
        // SSE2 is part of x86_64. The tag's field is i64 and the union's payload is read as
        // the 64 bits it occupies.
        unsafe {
            let words: [i64; 2] = std::mem::transmute::<Raw, [i64; 2]>(v);
            let packed: __m128i = _mm_set_epi64x(words[1], words[0]);
            std::mem::transmute::<__m128i, Raw>(std::hint::black_box(packed))
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        v
    }
}

/// The tag of a raw value.
#[inline(always)]
pub fn tag(v: Raw) -> i32 {
    // SAFETY: reads the tag of a value passed by the engine.
    unsafe { qjs::JS_VALUE_GET_TAG(v) }
}

/// Whether a raw value is a BigInt.
#[inline(always)]
pub fn is_bigint(v: Raw) -> bool {
    matches!(tag(v), qjs::JS_TAG_BIG_INT | qjs::JS_TAG_SHORT_BIG_INT)
}

/// QuickJS's typed-array methods report a BigInt where a Number is needed with the text it uses
/// for mixed arithmetic; V8 (and so Node) says `Cannot convert a BigInt value to a number`.
/// Rewrites the pending exception's message when it is that text, and throws it again.
///
/// # Safety
/// `ctx` must be a live context with a pending exception.
pub unsafe fn reword_bigint_to_number(ctx: *mut qjs::JSContext) {
    const QUICKJS: &[u8] = b"Cannot mix BigInt and other types, use explicit conversions";
    const V8: &[u8] = b"Cannot convert a BigInt value to a number";
    // SAFETY: `ctx` is live with a pending exception (caller's contract); every value taken
    // here is freed or handed back to the engine (`JS_Throw` takes `exc`).
    unsafe {
        let exc = qjs::JS_GetException(ctx);
        let message = qjs::JS_GetPropertyStr(ctx, exc, c"message".as_ptr());
        let mut len = 0usize;
        let text = qjs::JS_ToCStringLen(ctx, &mut len, message);
        if !text.is_null() {
            let is_quickjs_text = std::slice::from_raw_parts(text.cast::<u8>(), len) == QUICKJS;
            qjs::JS_FreeCString(ctx, text);
            if is_quickjs_text {
                let v8 = qjs::JS_NewStringLen(ctx, V8.as_ptr().cast(), V8.len() as _);
                qjs::JS_SetPropertyStr(ctx, exc, c"message".as_ptr(), v8);
            }
        } else {
            // Converting the message threw; keep the original exception, not that one.
            qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx));
        }
        qjs::JS_FreeValue(ctx, message);
        qjs::JS_Throw(ctx, exc);
    }
}

/// Argument `i`, or undefined when the caller passed fewer.
///
/// # Safety
/// `argv` must hold `argc` values.
#[inline(always)]
pub unsafe fn arg(argc: c_int, argv: *mut Raw, i: usize) -> Raw {
    if (i as c_int) < argc {
        // SAFETY: i < argc.
        unsafe { *argv.add(i) }
    } else {
        UNDEFINED
    }
}

/// A primitive that needs no JS to describe (numbers, booleans, null, undefined) as an [`Arg`].
#[inline(always)]
pub fn prim(v: Raw) -> Option<Arg<'static>> {
    // SAFETY: each accessor matches the tag checked before it.
    unsafe {
        match tag(v) {
            qjs::JS_TAG_INT => Some(Arg::Number(f64::from(qjs::JS_VALUE_GET_INT(v)))),
            qjs::JS_TAG_FLOAT64 => Some(Arg::Number(qjs::JS_VALUE_GET_FLOAT64(v))),
            qjs::JS_TAG_UNDEFINED => Some(Arg::Undefined),
            qjs::JS_TAG_NULL => Some(Arg::Null),
            qjs::JS_TAG_BOOL => Some(Arg::Bool(qjs::JS_VALUE_GET_BOOL(v))),
            _ => None,
        }
    }
}

/// The bytes of a Uint8Array (Buffers included): pointer and length, valid until JS runs.
/// `None` for anything else and for detached/out-of-bounds arrays (the general path reports
/// those).
///
/// # Safety
/// `ctx` must be live and `v` a value of it.
#[inline(always)]
pub unsafe fn u8_bytes(ctx: *mut qjs::JSContext, v: Raw) -> Option<(*mut u8, usize)> {
    let mut data: *mut u8 = std::ptr::null_mut();
    let mut len: qjs::size_t = 0;
    // SAFETY: only reads `v`'s class id and view slots (no JS runs, nothing is thrown); writes
    // the two out-parameters only when it answers true.
    if !unsafe { JS_GetUint8ArrayBytesIfReadable(v, &mut data, &mut len) } {
        return None;
    }
    if data.is_null() {
        // a buffer without storage (zero bytes)
        return Some((NonNull::dangling().as_ptr(), 0));
    }
    if crate::raw::buffers_resized() {
        // SAFETY: `v` is a readable Uint8Array of `ctx` (checked just above).
        return Some((data, unsafe { crate::raw::exact_byte_length(ctx, v) }));
    }
    Some((data, len as usize))
}

extern "C" {
    /// Engine patch `quickjs-0038-uint8-array-bytes-if-readable` (docs/ENGINE-PATCHES.md):
    /// `JS_GetUint8Array`'s answer for an attached, in-bounds Uint8Array, false (nothing
    /// thrown) for anything else.
    fn JS_GetUint8ArrayBytesIfReadable(
        obj: qjs::JSValue,
        pdata: *mut *mut u8,
        psize: *mut qjs::size_t,
    ) -> bool;
}

/// A JS number.
#[inline(always)]
pub fn number(n: f64) -> Raw {
    qjs::JS_NewFloat64(n)
}

/// A JS boolean.
#[inline(always)]
pub fn boolean(b: bool) -> Raw {
    qjs::JS_MKVAL(qjs::JS_TAG_BOOL, i32::from(b))
}

/// A numeric accessor's result (`-0` stays a float: JS_NewFloat64 keeps it).
///
/// # Safety
/// `ctx` must be live.
pub unsafe fn num_raw(ctx: *mut qjs::JSContext, v: NumValue) -> Raw {
    match v {
        NumValue::Number(n) => number(n),
        // SAFETY: creates a new BigInt (or JS_EXCEPTION) owned by the caller.
        NumValue::BigInt(i) if i < 0 => unsafe { qjs::JS_NewBigInt64(ctx, i as i64) },
        // SAFETY: as above.
        NumValue::BigInt(i) => unsafe { qjs::JS_NewBigUint64(ctx, i as u64) },
    }
}

/// `ToNumber` of a primitive [`prim`] returned (no JS runs).
pub fn prim_number(a: Arg<'_>) -> f64 {
    match a {
        Arg::Number(n) => n,
        Arg::Bool(b) => f64::from(u8::from(b)),
        Arg::Null => 0.0,
        _ => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(v: Raw) -> [i64; 2] {
        // SAFETY: a JSValue is 16 plain bytes.
        unsafe { std::mem::transmute::<Raw, [i64; 2]>(v) }
    }

    #[test]
    fn whole_keeps_every_bit_of_a_value() {
        let mut cell = 7u8;
        let values = [
            qjs::JS_MKVAL(qjs::JS_TAG_INT, -5),
            qjs::JS_MKVAL(qjs::JS_TAG_INT, i32::MIN),
            boolean(true),
            UNDEFINED,
            EXCEPTION,
            number(-0.0),
            number(1e300),
            number(f64::NAN),
            qjs::JS_MKPTR(qjs::JS_TAG_OBJECT, (&mut cell as *mut u8).cast()),
        ];
        for v in values {
            assert_eq!(words(whole(v)), words(v));
        }
    }

    #[test]
    fn an_int_value_writes_its_whole_payload() {
        // (engine patch 0079: the payload's upper half is written too, as zeros.)
        assert_eq!(words(qjs::JS_MKVAL(qjs::JS_TAG_INT, -1)), [0xffff_ffff, 0]);
        assert_eq!(words(boolean(true))[0], 1);
    }
}
