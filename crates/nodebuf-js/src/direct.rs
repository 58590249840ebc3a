//! The tiny, hot Buffer methods as raw QuickJS C functions (`JS_NewCFunctionData2`), so a call
//! costs one engine-level native call and nothing else: no rquickjs conversion layer, no JS
//! wrapper frame, no state lookup (each function carries a pointer to its install's
//! [`CtxState`]).
//!
//! Each function has a fast path for the plain valid call — receiver a Uint8Array, arguments
//! primitives, strings or Uint8Arrays, so nothing runs JS while the bytes are in use — which
//! hands those arguments to the same `nodebuf_core::api` function the general path uses. Anything
//! else, and any call the core rejects, goes to the general path unchanged (the `natives.rs`
//! function, or the JS half's implementation), which renders Node's exact error. So semantics
//! stay in the core; this module only skips the machinery.

use std::ffi::{c_int, CStr};
use std::ptr::NonNull;

use nodebuf_core::api::{self, NumValue};
use nodebuf_core::args::{Arg, ObjectArg};
use nodebuf_core::Buffer as CoreBuffer;
use rquickjs::{qjs, Ctx, Object, Value};

use crate::natives;
use crate::raw::{self, StrRef};
use crate::state::CtxState;

type Raw = qjs::JSValue;

const UNDEFINED: Raw = qjs::JS_MKVAL(qjs::JS_TAG_UNDEFINED, 0);
const EXCEPTION: Raw = qjs::JS_MKVAL(qjs::JS_TAG_EXCEPTION, 0);

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
fn guard(ctx: *mut qjs::JSContext, f: impl FnOnce() -> Raw) -> Raw {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(_) => {
            // SAFETY: a live context; the format string has no conversions.
            unsafe { qjs::JS_ThrowInternalError(ctx, c"nodebuf: internal error".as_ptr()) };
            EXCEPTION
        }
    }
}

fn tag(v: Raw) -> i32 {
    // SAFETY: reads the tag of a value passed by the engine.
    unsafe { qjs::JS_VALUE_GET_TAG(v) }
}

fn is_bigint(v: Raw) -> bool {
    matches!(tag(v), qjs::JS_TAG_BIG_INT | qjs::JS_TAG_SHORT_BIG_INT)
}

/// QuickJS's typed-array methods report a BigInt where a Number is needed with the text it uses
/// for mixed arithmetic; V8 (and so Node) says `Cannot convert a BigInt value to a number`.
/// Rewrites the pending exception's message when it is that text, and throws it again.
///
/// # Safety
/// `ctx` must be a live context with a pending exception.
unsafe fn reword_bigint_to_number(ctx: *mut qjs::JSContext) {
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
unsafe fn arg(argc: c_int, argv: *mut Raw, i: usize) -> Raw {
    if (i as c_int) < argc {
        // SAFETY: i < argc.
        unsafe { *argv.add(i) }
    } else {
        UNDEFINED
    }
}

/// A primitive that needs no JS to describe (numbers, booleans, null, undefined) as an [`Arg`].
fn prim(v: Raw) -> Option<Arg<'static>> {
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
unsafe fn u8_bytes(ctx: *mut qjs::JSContext, v: Raw) -> Option<(*mut u8, usize)> {
    // SAFETY: only reads the class id.
    if unsafe { qjs::JS_GetTypedArrayType(v) } != qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32
    {
        return None;
    }
    let mut len: qjs::size_t = 0;
    // SAFETY: a Uint8Array; runs no JS; returns its first byte and length, or null when it
    // cannot be read (with a pending TypeError) or has no storage at all (no exception).
    let ptr = unsafe { qjs::JS_GetUint8Array(ctx, &mut len, v) };
    if ptr.is_null() {
        // SAFETY: a live context.
        if unsafe { qjs::JS_HasException(ctx) } {
            // SAFETY: takes the pending exception (an owned value) and frees it.
            unsafe { qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx)) };
            return None;
        }
        return Some((NonNull::dangling().as_ptr(), 0));
    }
    Some((ptr, len as usize))
}

/// Describes arguments `0..N` (missing ones are undefined) without running JS and runs `f` on
/// them; `None` when one needs the general path: an object other than a Uint8Array, a
/// Uint8Array at a position whose bit is clear in `view_positions` (bit `i` for argument `i`:
/// where Node takes a view as a value rather than coercing it), a symbol or BigInt, or a
/// Uint8Array whose bytes overlap `written` (the bytes the method will write).
/// The storage the [`Arg`]s borrow stays in this frame (nothing large is moved).
///
/// # Safety
/// `argv` must hold `argc` values of the live context `ctx`, and `f` must not run JS (the view
/// bytes it sees are valid only until JS runs).
#[inline(always)]
unsafe fn with_args<const N: usize, R>(
    ctx: *mut qjs::JSContext,
    argc: c_int,
    argv: *mut Raw,
    written: Option<(*mut u8, usize)>,
    view_positions: u8,
    f: impl FnOnce(&[Arg<'_>; N]) -> R,
) -> Option<R> {
    // Missing arguments stay undefined.
    let given = N.min(argc.max(0) as usize);
    let mut prims: [Arg<'static>; N] = [Arg::Undefined; N];
    let mut rest = false;
    for (i, slot) in prims.iter_mut().enumerate().take(given) {
        // SAFETY: i < argc.
        match prim(unsafe { *argv.add(i) }) {
            Some(p) => *slot = p,
            None => rest = true,
        }
    }
    if !rest {
        // The common case: primitives only, no storage to borrow from.
        return Some(f(&prims));
    }
    let mut strings: [Option<StrRef>; N] = std::array::from_fn(|_| None);
    let mut views: [Option<ObjectArg<'static>>; N] = [None; N];
    for i in 0..given {
        // SAFETY: i < argc.
        let v = unsafe { *argv.add(i) };
        match tag(v) {
            // SAFETY: a string of this context; the StrRef is dropped with this frame.
            qjs::JS_TAG_STRING => strings[i] = Some(unsafe { StrRef::from_raw(ctx, v) }?),
            qjs::JS_TAG_OBJECT => {
                // Only the bits of `view_positions` take a Uint8Array as it is; elsewhere Node coerces an
                // object (`+buf` is `Number(buf.toString())`, an encoding is `String(value)`),
                // which the general path does.
                if view_positions & (1 << i) == 0 {
                    return None;
                }
                // SAFETY: the caller's contract.
                let (ptr, len) = unsafe { u8_bytes(ctx, v) }?;
                if let Some((w, wlen)) = written {
                    let (a, b) = (w as usize, ptr as usize);
                    if len > 0 && wlen > 0 && a < b + len && b < a + wlen {
                        return None;
                    }
                }
                // SAFETY: located just now; no JS runs until this frame ends (`f` runs none;
                // the 'static never escapes it), and the bytes do not overlap the written ones.
                let bytes: &'static [u8] = unsafe { std::slice::from_raw_parts(ptr, len) };
                views[i] = Some(ObjectArg::uint8_array(bytes));
            }
            _ if prim(v).is_some() => {}
            _ => return None,
        }
    }
    let mut args: [Arg<'_>; N] = prims;
    for i in 0..given {
        if let Some(s) = &strings[i] {
            args[i] = Arg::String(s.as_js_str());
        } else if let Some(o) = &views[i] {
            args[i] = Arg::Object(o);
        }
    }
    Some(f(&args))
}

/// The install a native belongs to, from the two int32 halves of its address stored as the
/// function's data.
///
/// # Safety
/// `data` must be the data array of a function made by [`make`] (states live until the runtime
/// drops its userdata, after which no JS runs).
unsafe fn state<'a>(data: *mut Raw) -> &'a CtxState<'static> {
    // SAFETY: [`make`] stored two int values.
    let (lo, hi) = unsafe {
        (
            qjs::JS_VALUE_GET_INT(*data) as u32 as u64,
            qjs::JS_VALUE_GET_INT(*data.add(1)) as u32 as u64,
        )
    };
    // SAFETY: the address of a boxed CtxState that outlives every call (see above).
    unsafe { &*(((hi << 32) | lo) as usize as *const CtxState<'static>) }
}

/// Runs the general path: `f` gets rquickjs handles for `this` and the arguments.
///
/// # Safety
/// `raw_ctx` must be live and `this`/`argv[..argc]` values of it.
unsafe fn general(
    raw_ctx: *mut qjs::JSContext,
    data: *mut Raw,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    f: impl for<'js> FnOnce(&Ctx<'js>, Value<'js>, &[Value<'js>]) -> rquickjs::Result<Value<'js>>,
) -> Raw {
    // SAFETY: the engine is running this native, so the context is live and locked.
    let ctx = unsafe { Ctx::from_raw(NonNull::new_unchecked(raw_ctx)) };
    // SAFETY: `data` belongs to a function made by `make`; `this` is live.
    let this = match unsafe { constructed_this(raw_ctx, state(data), this) } {
        Some(v) if tag(v) == qjs::JS_TAG_EXCEPTION => return EXCEPTION,
        // SAFETY: a new reference owned from here.
        Some(v) => unsafe { Value::from_raw(ctx.clone(), v) },
        // SAFETY: duplicated, so the rquickjs handle owns a reference.
        None => unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx, this)) },
    };
    let args: Vec<Value> = (0..argc.max(0) as usize)
        // SAFETY: as above, `i < argc`.
        .map(|i| unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx, *argv.add(i))) })
        .collect();
    match f(&ctx, this, &args) {
        // SAFETY: a new reference for the engine; `v` drops its own.
        Ok(v) => unsafe { qjs::JS_DupValue(raw_ctx, v.as_raw()) },
        Err(e) => throw_error(&ctx, e),
    }
}

/// When a native runs as a constructor (`new buf.indexOf(1)`: the engine passes new.target,
/// the native itself, as `this`), the object a plain function would have been given: a new
/// object inheriting from the native's `prototype`. `None` for ordinary calls.
///
/// # Safety
/// `this` must be a live value of `ctx`.
unsafe fn constructed_this(ctx: *mut qjs::JSContext, st: &CtxState<'_>, this: Raw) -> Option<Raw> {
    if tag(this) != qjs::JS_TAG_OBJECT {
        return None;
    }
    let is_native = st.natives.borrow().iter().any(|f| {
        // SAFETY: both are objects; only their addresses are compared.
        unsafe { qjs::JS_VALUE_GET_PTR(f.as_raw()) == qjs::JS_VALUE_GET_PTR(this) }
    });
    if !is_native {
        return None;
    }
    // SAFETY: live values; the prototype is owned and freed after use.
    unsafe {
        let proto = qjs::JS_GetProperty(ctx, this, st.atoms.prototype);
        if qjs::JS_IsException(proto) {
            return Some(EXCEPTION);
        }
        let obj = if tag(proto) == qjs::JS_TAG_OBJECT {
            qjs::JS_NewObjectProto(ctx, proto)
        } else {
            qjs::JS_NewObject(ctx)
        };
        qjs::JS_FreeValue(ctx, proto);
        Some(obj)
    }
}

/// Argument `i` of a general-path call, or undefined.
fn nth<'js>(ctx: &Ctx<'js>, args: &[Value<'js>], i: usize) -> Value<'js> {
    args.get(i)
        .cloned()
        .unwrap_or_else(|| Value::new_undefined(ctx.clone()))
}

fn number(n: f64) -> Raw {
    qjs::JS_NewFloat64(n)
}

fn boolean(b: bool) -> Raw {
    qjs::JS_MKVAL(qjs::JS_TAG_BOOL, i32::from(b))
}

/// A numeric accessor's result (`-0` stays a float: JS_NewFloat64 keeps it).
///
/// # Safety
/// `ctx` must be live.
unsafe fn num_raw(ctx: *mut qjs::JSContext, v: NumValue) -> Raw {
    match v {
        NumValue::Number(n) => number(n),
        // SAFETY: creates a new BigInt (or JS_EXCEPTION) owned by the caller.
        NumValue::BigInt(i) if i < 0 => unsafe { qjs::JS_NewBigInt64(ctx, i as i64) },
        // SAFETY: as above.
        NumValue::BigInt(i) => unsafe { qjs::JS_NewBigUint64(ctx, i as u64) },
    }
}

/// `buf.read*` / `buf.write*` (magic: the numeric method id).
unsafe extern "C" fn num_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        let Some((_, m)) = natives::num_methods().get(magic as usize) else {
            return UNDEFINED;
        };
        // SAFETY: the engine passes `argc` live values of `ctx`.
        let (a0, a1, a2) = unsafe {
            (
                prim(arg(argc, argv, 0)),
                prim(arg(argc, argv, 1)),
                prim(arg(argc, argv, 2)),
            )
        };
        // SAFETY: `this` is a live value of `ctx`.
        if let Some((ptr, len)) = unsafe { u8_bytes(ctx, this) } {
            if m.write {
                if let (Some(v), Some(o), Some(bl)) = (a0, a1, a2) {
                    // SAFETY: located just now; the arguments are primitives (no other
                    // reference to these bytes) and the core runs no JS.
                    let bytes = unsafe { std::slice::from_raw_parts_mut(ptr, len) };
                    if let Ok(end) = api::write(bytes, m.ty, &v, &o, &bl) {
                        return number(end as f64);
                    }
                }
            } else if let (Some(o), Some(bl)) = (a0, a1) {
                // SAFETY: as above, read-only.
                let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
                if let Ok(v) = api::read(bytes, m.ty, &o, &bl) {
                    // SAFETY: a live context.
                    return unsafe { num_raw(ctx, v) };
                }
            }
        }
        // SAFETY: `data` belongs to a function made by `make`.
        let st = unsafe { state(data) };
        if let Some(path) = st.num_general.get(magic as usize) {
            // SAFETY: only the class id is read.
            let is_u8 = unsafe { qjs::JS_GetTypedArrayType(this) }
                == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32;
            if !is_u8 && path.is_function() {
                // SAFETY: the engine's values.
                return unsafe { call_general(ctx, path, this, argc, argv) };
            }
        }
        let id = magic as u32;
        let write = m.write;
        // SAFETY: the engine's values.
        unsafe {
            general(ctx, data, this, argc, argv, |c, this, a| {
                if write {
                    natives::write_num(
                        c.clone(),
                        this,
                        id,
                        nth(c, a, 0),
                        nth(c, a, 1),
                        nth(c, a, 2),
                    )
                    .map(|n| Value::new_number(c.clone(), n))
                } else {
                    natives::read_num(c.clone(), this, id, nth(c, a, 0), nth(c, a, 1))
                }
            })
        }
    })
}

/// `indexOf` (magic 0), `lastIndexOf` (1), `includes` (2).
unsafe extern "C" fn index_of_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`; the slices die before any JS runs.
        unsafe {
            if let Some((ptr, len)) = u8_bytes(ctx, this) {
                let bytes = std::slice::from_raw_parts(ptr, len);
                let r = with_args::<3, _>(ctx, argc, argv, None, 0b001, |a| match magic {
                    0 => api::index_of(bytes, &a[0], &a[1], &a[2]).map(|i| number(i as f64)),
                    1 => api::last_index_of(bytes, &a[0], &a[1], &a[2]).map(|i| number(i as f64)),
                    _ => api::includes(bytes, &a[0], &a[1], &a[2]).map(boolean),
                });
                if let Some(Ok(v)) = r {
                    return v;
                }
            }
            general(ctx, data, this, argc, argv, |c, this, a| {
                natives::index_of(
                    c.clone(),
                    this,
                    nth(c, a, 0),
                    nth(c, a, 1),
                    nth(c, a, 2),
                    magic,
                )
            })
        }
    })
}

/// Whether `v` is `undefined` or a string naming an encoding that decodes ASCII bytes to
/// themselves (utf8, latin1, ascii), by the core's name rules.
///
/// # Safety
/// `v` must be a live value of `ctx`.
unsafe fn ascii_name(ctx: *mut qjs::JSContext, v: Raw) -> bool {
    use nodebuf_core::encoding::Encoding;
    match tag(v) {
        qjs::JS_TAG_UNDEFINED => true,
        // SAFETY: a string of this context; the StrRef is dropped here.
        qjs::JS_TAG_STRING => unsafe { StrRef::from_raw(ctx, v) }.is_some_and(|s| {
            matches!(
                Encoding::parse_js(s.as_js_str()),
                Some(Encoding::Utf8 | Encoding::Latin1 | Encoding::Ascii)
            )
        }),
        _ => false,
    }
}

/// `buf.toString(encoding, start, end)`.
unsafe extern "C" fn to_string_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        let argc_n = argc.max(0) as u32;
        // SAFETY: live values of `ctx`; the slices die before any JS runs.
        unsafe {
            if let Some((ptr, len)) = u8_bytes(ctx, this) {
                let bytes = std::slice::from_raw_parts(ptr, len);
                // `toString()` is UTF-8 of the whole buffer; ASCII bytes decode to themselves,
                // so they become the string directly (the engine memcpys ASCII).
                // Longer results are Node's ERR_STRING_TOO_LONG: the core reports it.
                let fits = len <= api::string::MAX_STRING_LENGTH;
                if argc == 0 && fits && bytes.is_ascii() {
                    return qjs::JS_NewStringLen(ctx, ptr as *const std::ffi::c_char, len as _);
                }
                // So is `toString(enc)` of the whole buffer when `enc` names utf8, latin1 or
                // ascii (undefined start/end select the whole buffer).
                if argc <= 3
                    && tag(arg(argc, argv, 1)) == qjs::JS_TAG_UNDEFINED
                    && tag(arg(argc, argv, 2)) == qjs::JS_TAG_UNDEFINED
                    && fits
                    && ascii_name(ctx, arg(argc, argv, 0))
                    && bytes.is_ascii()
                {
                    return qjs::JS_NewStringLen(ctx, ptr as *const std::ffi::c_char, len as _);
                }
                let r = with_args::<3, _>(ctx, argc, argv, None, 0, |a| {
                    api::to_string(bytes, &a[0], &a[1], &a[2], argc_n as usize)
                });
                if let Some(Ok(s)) = r {
                    return raw::new_string_raw(ctx, &s);
                }
            }
            general(ctx, data, this, argc, argv, |c, this, a| {
                natives::to_string(
                    c.clone(),
                    this,
                    nth(c, a, 0),
                    nth(c, a, 1),
                    nth(c, a, 2),
                    argc_n,
                )
            })
        }
    })
}

/// `buf.equals(otherBuffer)`.
unsafe extern "C" fn equals_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`; the slices die before any JS runs.
        unsafe {
            if let Some((ptr, len)) = u8_bytes(ctx, this) {
                let bytes = std::slice::from_raw_parts(ptr, len);
                let r =
                    with_args::<1, _>(ctx, argc, argv, None, 0b1, |a| api::equals(bytes, &a[0]));
                if let Some(Ok(eq)) = r {
                    return boolean(eq);
                }
            }
            general(ctx, data, this, argc, argv, |c, this, a| {
                natives::equals(c.clone(), this, nth(c, a, 0))
                    .map(|b| Value::new_bool(c.clone(), b))
            })
        }
    })
}

/// `buf.write(string, offset, length, encoding)`.
unsafe extern "C" fn write_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`; the slices die before any JS runs; view arguments that
        // overlap the written bytes send the call to the general path (which copies them).
        unsafe {
            if let Some((ptr, len)) = u8_bytes(ctx, this) {
                let r = with_args::<4, _>(ctx, argc, argv, Some((ptr, len)), 0, |a| {
                    let bytes = std::slice::from_raw_parts_mut(ptr, len);
                    api::write_string(bytes, &a[0], &a[1], &a[2], &a[3])
                });
                if let Some(Ok(n)) = r {
                    return number(n as f64);
                }
            }
            general(ctx, data, this, argc, argv, |c, this, a| {
                natives::write(
                    c.clone(),
                    this,
                    nth(c, a, 0),
                    nth(c, a, 1),
                    nth(c, a, 2),
                    nth(c, a, 3),
                )
                .map(|n| Value::new_number(c.clone(), n))
            })
        }
    })
}

/// `Buffer.allocUnsafe(size)` (magic 0) and `Buffer.alloc(size, fill, encoding)` (magic 1).
unsafe extern "C" fn alloc_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: `data` belongs to a function made by `make`.
        let st = unsafe { state(data) };
        // SAFETY: live values of `ctx`; the arguments' bytes are only read inside the core
        // call, before any JS runs.
        let made: Option<CoreBuffer> = unsafe {
            if magic == 0 {
                with_args::<1, _>(ctx, argc, argv, None, 0, |a| {
                    api::statics::alloc_unsafe(&a[0]).ok()
                })
            } else {
                with_args::<3, _>(ctx, argc, argv, None, 0b010, |a| {
                    api::statics::alloc(&a[0], &a[1], &a[2]).ok()
                })
            }
            .flatten()
        };
        if let Some(buf) = made {
            return st.to_js_raw(&buf);
        }
        // SAFETY: the engine's values.
        unsafe {
            general(ctx, data, this, argc, argv, |c, _, a| {
                if magic == 0 {
                    natives::alloc_unsafe(c.clone(), nth(c, a, 0))
                } else {
                    natives::alloc(c.clone(), nth(c, a, 0), nth(c, a, 1), nth(c, a, 2))
                }
            })
        }
    })
}

/// `buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd)`.
unsafe extern "C" fn compare_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`; the slices die before any JS runs.
        unsafe {
            if let Some((ptr, len)) = u8_bytes(ctx, this) {
                let bytes = std::slice::from_raw_parts(ptr, len);
                let r = with_args::<5, _>(ctx, argc, argv, None, 0b00001, |a| {
                    api::compare(bytes, &a[0], &a[1], &a[2], &a[3], &a[4])
                });
                if let Some(Ok(order)) = r {
                    return number(f64::from(order));
                }
            }
            general(ctx, data, this, argc, argv, |c, this, a| {
                natives::compare(
                    c.clone(),
                    this,
                    nth(c, a, 0),
                    nth(c, a, 1),
                    nth(c, a, 2),
                    nth(c, a, 3),
                    nth(c, a, 4),
                )
                .map(|n| Value::new_int(c.clone(), n))
            })
        }
    })
}

/// `Buffer.compare(buf1, buf2)` (magic 0) and `Buffer.byteLength(string, encoding)` (magic 1).
unsafe extern "C" fn static_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`; the argument bytes die before any JS runs.
        unsafe {
            let r = with_args::<2, _>(
                ctx,
                argc,
                argv,
                None,
                if magic == 0 { 0b11 } else { 0b01 },
                |a| {
                    if magic == 0 {
                        api::buffer_compare(&a[0], &a[1]).map(f64::from)
                    } else {
                        api::byte_length(&a[0], &a[1]).map(|n| n as f64)
                    }
                },
            );
            if let Some(Ok(n)) = r {
                return number(n);
            }
            general(ctx, data, this, argc, argv, |c, _, a| {
                if magic == 0 {
                    natives::compare_static(c.clone(), nth(c, a, 0), nth(c, a, 1))
                        .map(|n| Value::new_int(c.clone(), n))
                } else {
                    natives::byte_length(c.clone(), nth(c, a, 0), nth(c, a, 1))
                        .map(|n| Value::new_number(c.clone(), n))
                }
            })
        }
    })
}

/// `buf.slice(start, end)`: Node's is `this.subarray(start, end)`; when that lookup finds this
/// install's own subarray, it runs directly.
unsafe extern "C" fn slice_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: `data` belongs to a function made by `make`.
        let st = unsafe { state(data) };
        // SAFETY: live values of `ctx`; the looked-up function is owned and freed.
        unsafe {
            let f = qjs::JS_GetProperty(ctx, this, st.atoms.subarray);
            if qjs::JS_IsException(f) {
                return EXCEPTION;
            }
            let own = st.subarray_native.borrow().as_ref().is_some_and(|s| {
                tag(f) == qjs::JS_TAG_OBJECT
                    && qjs::JS_VALUE_GET_PTR(s.as_raw()) == qjs::JS_VALUE_GET_PTR(f)
            });
            let mut args = [arg(argc, argv, 0), arg(argc, argv, 1)];
            let r = if own {
                subarray_fn(ctx, this, 2, args.as_mut_ptr(), magic, data)
            } else {
                let r = qjs::JS_Call(ctx, f, this, 2, args.as_mut_ptr());
                // A BigInt reaches the engine's ToNumber directly or from an object's
                // `valueOf`/`Symbol.toPrimitive`.
                if qjs::JS_IsException(r)
                    && args
                        .iter()
                        .any(|&a| is_bigint(a) || tag(a) == qjs::JS_TAG_OBJECT)
                {
                    reword_bigint_to_number(ctx);
                }
                r
            };
            qjs::JS_FreeValue(ctx, f);
            r
        }
    })
}

/// `buf.fill(value, offset, end, encoding)`: returns `this`. With `end` omitted Node fills to
/// the JS-visible `length`, so the fast path reads it and proceeds only when it is the real
/// byte length; the JS half handles any other `length`.
unsafe extern "C" fn fill_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: `data` belongs to a function made by `make`.
        let st = unsafe { state(data) };
        // SAFETY: live values of `ctx`; `length` is read before the bytes are located; the
        // slices die before any JS runs; view arguments overlapping the bytes go general.
        unsafe {
            if qjs::JS_GetTypedArrayType(this) == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32
            {
                let mut plain = true;
                if tag(arg(argc, argv, 2)) == qjs::JS_TAG_UNDEFINED {
                    let length = qjs::JS_GetProperty(ctx, this, st.atoms.length);
                    if qjs::JS_IsException(length) {
                        return EXCEPTION;
                    }
                    let real = u8_bytes(ctx, this).map_or(usize::MAX, |(_, len)| len);
                    plain = tag(length) == qjs::JS_TAG_INT
                        && qjs::JS_VALUE_GET_INT(length) as usize == real;
                    qjs::JS_FreeValue(ctx, length);
                }
                if let (true, Some((ptr, len))) = (plain, u8_bytes(ctx, this)) {
                    let r = with_args::<4, _>(ctx, argc, argv, Some((ptr, len)), 0b0001, |a| {
                        let bytes = std::slice::from_raw_parts_mut(ptr, len);
                        api::fill(bytes, &a[0], &a[1], &a[2], &a[3])
                    });
                    if let Some(Ok(())) = r {
                        return qjs::JS_DupValue(ctx, this);
                    }
                }
            }
            call_general(ctx, &st.fill_general, this, argc, argv)
        }
    })
}

/// `buf.copy(target, targetStart, sourceStart, sourceEnd)`: a memmove between two Uint8Arrays
/// (they may share memory).
unsafe extern "C" fn copy_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`; no JS runs between locating the bytes and the copy,
        // which stays inside both (checked) and allows overlap.
        unsafe {
            let target = arg(argc, argv, 0);
            let rest = (
                prim(arg(argc, argv, 1)),
                prim(arg(argc, argv, 2)),
                prim(arg(argc, argv, 3)),
            );
            if let (Some((src, src_len)), Some((dst, dst_len)), (Some(ts), Some(ss), Some(se))) =
                (u8_bytes(ctx, this), u8_bytes(ctx, target), rest)
            {
                if let Ok(plan) = api::copy::copy_plan_for_len(src_len, dst_len, &ts, &ss, &se) {
                    if plan.len > 0
                        && plan.source_start + plan.len <= src_len
                        && plan.target_start + plan.len <= dst_len
                    {
                        std::ptr::copy(
                            src.add(plan.source_start),
                            dst.add(plan.target_start),
                            plan.len,
                        );
                    }
                    return number(plan.len as f64);
                }
            }
            general(ctx, data, this, argc, argv, |c, this, a| {
                natives::copy(
                    c.clone(),
                    this,
                    nth(c, a, 0),
                    nth(c, a, 1),
                    nth(c, a, 2),
                    nth(c, a, 3),
                )
                .map(|n| Value::new_number(c.clone(), n))
            })
        }
    })
}

/// `swap16` / `swap32` / `swap64` (magic: the bit width): returns `this`.
unsafe extern "C" fn swap_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`; the only reference to the bytes while the core runs.
        unsafe {
            if let Some((ptr, len)) = u8_bytes(ctx, this) {
                let bytes = std::slice::from_raw_parts_mut(ptr, len);
                let r = match magic {
                    16 => api::swap16(bytes),
                    32 => api::swap32(bytes),
                    _ => api::swap64(bytes),
                };
                if r.is_ok() {
                    return qjs::JS_DupValue(ctx, this);
                }
            }
            general(ctx, data, this, argc, argv, |c, this, _| {
                natives::swap(c.clone(), this, magic as u32)
            })
        }
    })
}

/// `Buffer.isEncoding(encoding)`.
unsafe extern "C" fn is_encoding_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`.
        unsafe {
            if let Some(b) =
                with_args::<1, _>(ctx, argc, argv, None, 0, |a| api::is_encoding(&a[0]))
            {
                return boolean(b);
            }
            general(ctx, data, this, argc, argv, |c, _, a| {
                natives::is_encoding(c.clone(), nth(c, a, 0)).map(|b| Value::new_bool(c.clone(), b))
            })
        }
    })
}

/// Calls `f` with `this` and the arguments as given (the JS half's general implementation).
///
/// # Safety
/// Live values of `ctx`.
unsafe fn call_general(
    ctx: *mut qjs::JSContext,
    f: &Value<'_>,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
) -> Raw {
    // SAFETY: the caller's values; JS_Call returns a new reference or JS_EXCEPTION.
    unsafe { qjs::JS_Call(ctx, f.as_raw(), this, argc, argv) }
}

/// `Buffer.from(value, encodingOrOffset, length)`: strings and plain Uint8Arrays here, the JS
/// half's overload dispatch for everything else.
unsafe extern "C" fn from_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: `data` belongs to a function made by `make`.
        let st = unsafe { state(data) };
        // SAFETY: live values of `ctx`.
        let value = unsafe { arg(argc, argv, 0) };
        match tag(value) {
            qjs::JS_TAG_STRING => {
                // SAFETY: as above; nothing runs JS before `simple` is dropped.
                let made = unsafe {
                    with_args::<2, _>(ctx, argc.min(2), argv, None, 0, |a| match a {
                        [Arg::String(s), enc] => api::statics::from_string(*s, enc).ok(),
                        _ => None,
                    })
                }
                .flatten();
                if let Some(buf) = made {
                    return st.to_js_raw(&buf);
                }
            }
            qjs::JS_TAG_OBJECT => {
                // SAFETY: as above.
                if let Some(buf) = unsafe { from_uint8_array(ctx, st, value) } {
                    return st.to_js_raw(&buf);
                }
            }
            _ => {}
        }
        // SAFETY: the engine's values.
        unsafe { call_general(ctx, &st.from_general, this, argc, argv) }
    })
}

/// `Buffer.from(uint8Array)` when the result is plainly a copy of its bytes: its `valueOf` is
/// `Object.prototype.valueOf` (so Node's `valueOf()` probe yields the array itself) and its
/// `length` is a positive int equal to its byte length (what Node's array-like copy reads).
/// `None` sends the call to the general path.
///
/// # Safety
/// `value` must be a live object of `ctx`.
unsafe fn from_uint8_array(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    value: Raw,
) -> Option<CoreBuffer> {
    // SAFETY: only reads the class id.
    if unsafe { qjs::JS_GetTypedArrayType(value) }
        != qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32
    {
        return None;
    }
    // Property reads may run getters: both happen before the bytes are located.
    // SAFETY: a live object; the results are owned and freed below.
    let value_of = unsafe { qjs::JS_GetProperty(ctx, value, st.atoms.value_of) };
    let plain = tag(value_of) == qjs::JS_TAG_OBJECT
        // SAFETY: both are objects; only their addresses are compared.
        && unsafe { qjs::JS_VALUE_GET_PTR(value_of) == qjs::JS_VALUE_GET_PTR(st.object_value_of.as_raw()) };
    // SAFETY: owned above.
    unsafe { qjs::JS_FreeValue(ctx, value_of) };
    if !plain {
        clear_exception(ctx);
        return None;
    }
    // SAFETY: as above.
    let length = unsafe { qjs::JS_GetProperty(ctx, value, st.atoms.length) };
    if tag(length) != qjs::JS_TAG_INT {
        // SAFETY: owned above.
        unsafe { qjs::JS_FreeValue(ctx, length) };
        clear_exception(ctx);
        return None;
    }
    // SAFETY: an int.
    let n = unsafe { qjs::JS_VALUE_GET_INT(length) };
    // SAFETY: a live object; no JS runs from here until the copy is done.
    let (ptr, len) = unsafe { u8_bytes(ctx, value) }?;
    if n <= 0 || n as usize != len {
        return None;
    }
    let buf = CoreBuffer::alloc_unsafe(len).ok()?;
    // SAFETY: `len` bytes readable at `ptr` (located just now) and writable at the new
    // Buffer's start; `copy` allows overlap (a view of the whole pool slab may cover them).
    unsafe { std::ptr::copy(ptr, buf.as_ptr(), len) };
    Some(buf)
}

/// Drops a pending exception (a getter that threw on the fast path: the general path runs it
/// again and reports it).
fn clear_exception(ctx: *mut qjs::JSContext) {
    // SAFETY: a live context; the taken exception is owned and freed.
    unsafe {
        if qjs::JS_HasException(ctx) {
            qjs::JS_FreeValue(ctx, qjs::JS_GetException(ctx));
        }
    }
}

/// An integer relative offset as Node's `subarray` adjusts it (`Math.trunc`, negatives from
/// the end, clamped to `[0, length]`).
fn adjust(offset: f64, length: i64) -> i64 {
    let t = offset.trunc();
    if t == 0.0 || t.is_nan() {
        return 0;
    }
    if t < 0.0 {
        let r = t + length as f64;
        return if r > 0.0 { r as i64 } else { 0 };
    }
    if t < length as f64 {
        t as i64
    } else {
        length
    }
}

/// `buf.subarray(start, end)`: Node reads `this.length`, coerces the bounds, reads
/// `this.buffer` and `this.byteOffset` and makes `new FastBuffer(buffer, byteOffset + start,
/// newLength)`. Here for a Uint8Array receiver with primitive bounds (coercing them runs no
/// JS), reading each property once in Node's order; a value that is not a plain int is handed
/// with what was read so far to the JS half, which finishes with JS semantics.
unsafe extern "C" fn subarray_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: `data` belongs to a function made by `make`.
        let st = unsafe { state(data) };
        // SAFETY: live values of `ctx`; every owned value is freed on each path.
        unsafe {
            let is_u8 = qjs::JS_GetTypedArrayType(this)
                == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32;
            let (start, end) = (prim(arg(argc, argv, 0)), prim(arg(argc, argv, 1)));
            let (true, Some(start), Some(end)) = (is_u8, start, end) else {
                return call_general(ctx, &st.subarray_general, this, argc, argv);
            };
            let length = qjs::JS_GetProperty(ctx, this, st.atoms.length);
            if qjs::JS_IsException(length) {
                return EXCEPTION;
            }
            if tag(length) != qjs::JS_TAG_INT {
                let mut args = [this, length, arg(argc, argv, 0), arg(argc, argv, 1)];
                let r = qjs::JS_Call(
                    ctx,
                    st.subarray_with.as_raw(),
                    UNDEFINED,
                    4,
                    args.as_mut_ptr(),
                );
                qjs::JS_FreeValue(ctx, length);
                return r;
            }
            let len = i64::from(qjs::JS_VALUE_GET_INT(length));
            let from = adjust(prim_number(start), len);
            let to = match end {
                Arg::Undefined => len,
                other => adjust(prim_number(other), len),
            };
            let count = if to > from { to - from } else { 0 };
            let buffer = qjs::JS_GetProperty(ctx, this, st.atoms.buffer);
            if qjs::JS_IsException(buffer) {
                return EXCEPTION;
            }
            let offset = qjs::JS_GetProperty(ctx, this, st.atoms.byte_offset);
            if qjs::JS_IsException(offset) {
                qjs::JS_FreeValue(ctx, buffer);
                return EXCEPTION;
            }
            let at = if tag(offset) == qjs::JS_TAG_INT {
                i64::from(qjs::JS_VALUE_GET_INT(offset)) + from
            } else {
                -1
            };
            let r = if at >= 0 {
                st.construct_raw(buffer, at as usize, count as usize)
            } else {
                let mut args = [buffer, offset, number(from as f64), number(count as f64)];
                qjs::JS_Call(
                    ctx,
                    st.subarray_end.as_raw(),
                    UNDEFINED,
                    4,
                    args.as_mut_ptr(),
                )
            };
            qjs::JS_FreeValue(ctx, buffer);
            qjs::JS_FreeValue(ctx, offset);
            r
        }
    })
}

/// `ToNumber` of a primitive [`prim`] returned (no JS runs).
fn prim_number(a: Arg<'_>) -> f64 {
    match a {
        Arg::Number(n) => n,
        Arg::Bool(b) => f64::from(u8::from(b)),
        Arg::Null => 0.0,
        _ => f64::NAN,
    }
}

type DataFn =
    unsafe extern "C" fn(*mut qjs::JSContext, Raw, c_int, *mut Raw, c_int, *mut Raw) -> Raw;

/// A raw native bound to the install `st`.
fn make<'js>(
    ctx: &Ctx<'js>,
    st: *const CtxState<'js>,
    f: DataFn,
    name: &CStr,
    length: i32,
    magic: i32,
) -> rquickjs::Result<Value<'js>> {
    let addr = st as usize as u64;
    let mut data = [
        qjs::JS_MKVAL(qjs::JS_TAG_INT, addr as u32 as i32),
        qjs::JS_MKVAL(qjs::JS_TAG_INT, (addr >> 32) as u32 as i32),
    ];
    // SAFETY: the data are two ints (not reference counted); the name is NUL-terminated; the
    // result is a new reference (or JS_EXCEPTION) owned by the returned Value.
    let raw = unsafe {
        qjs::JS_NewCFunctionData2(
            ctx.as_raw().as_ptr(),
            Some(f),
            name.as_ptr(),
            length,
            magic,
            2,
            data.as_mut_ptr(),
        )
    };
    // SAFETY: as above.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    // Node's methods are plain functions: `new` on them runs them (see `constructed_this`).
    // SAFETY: a live function object.
    unsafe { qjs::JS_SetConstructorBit(ctx.as_raw().as_ptr(), raw, true) };
    // SAFETY: `st` is the live state `make_fast` registered (same runtime and lifetime).
    unsafe { (*st).natives.borrow_mut().push(value.clone()) };
    Ok(value)
}

/// `binding.makeFast(FastBuffer, helpers, slabHook)`: registers this
/// install's state and returns its raw natives: `num` (one per numeric method id), `indexOf`,
/// `lastIndexOf`, `includes`, `toString`, `equals`, `write`, `allocUnsafe`, `alloc`, `from`,
/// `subarray`.
pub fn make_fast<'js>(
    ctx: rquickjs::Ctx<'js>,
    fast_buffer: Value<'js>,
    helpers: Object<'js>,
    slab_hook: rquickjs::Function<'js>,
) -> rquickjs::Result<Object<'js>> {
    let st = crate::state::register(&ctx, fast_buffer, &helpers, slab_hook)?;
    let out = Object::new(ctx.clone())?;
    let num = rquickjs::Array::new(ctx.clone())?;
    for (i, (name, m)) in natives::num_methods().iter().enumerate() {
        let cname = std::ffi::CString::new(name.as_str())
            .map_err(|_| rquickjs::Error::new_from_js("name", "C string"))?;
        let length = match (m.ty.width, m.write) {
            (0, true) => 3,
            (0, false) => 2,
            (_, true) => 1,
            (_, false) => 0,
        };
        num.set(i, make(&ctx, st, num_fn, &cname, length, i as i32)?)?;
    }
    out.set("num", num)?;
    let table: [(&str, &CStr, DataFn, i32, i32); 20] = [
        ("indexOf", c"indexOf", index_of_fn, 3, 0),
        ("lastIndexOf", c"lastIndexOf", index_of_fn, 3, 1),
        ("includes", c"includes", index_of_fn, 3, 2),
        ("toString", c"toString", to_string_fn, 3, 0),
        ("equals", c"equals", equals_fn, 1, 0),
        ("write", c"write", write_fn, 4, 0),
        ("allocUnsafe", c"allocUnsafe", alloc_fn, 1, 0),
        ("alloc", c"alloc", alloc_fn, 3, 1),
        ("from", c"from", from_fn, 3, 0),
        ("subarray", c"subarray", subarray_fn, 2, 0),
        ("slice", c"slice", slice_fn, 2, 0),
        ("compare", c"compare", compare_fn, 5, 0),
        ("compareStatic", c"compare", static_fn, 2, 0),
        ("byteLength", c"byteLength", static_fn, 2, 1),
        ("fill", c"fill", fill_fn, 4, 0),
        ("copy", c"copy", copy_fn, 4, 0),
        ("swap16", c"swap16", swap_fn, 0, 16),
        ("swap32", c"swap32", swap_fn, 0, 32),
        ("swap64", c"swap64", swap_fn, 0, 64),
        ("isEncoding", c"isEncoding", is_encoding_fn, 1, 0),
    ];
    for (key, name, f, length, magic) in table {
        let made = make(&ctx, st, f, name, length, magic)?;
        if key == "subarray" {
            // SAFETY: `st` is the live state registered above.
            *unsafe { &*st }.subarray_native.borrow_mut() = Some(made.clone());
        }
        out.set(key, made)?;
    }
    Ok(out)
}
