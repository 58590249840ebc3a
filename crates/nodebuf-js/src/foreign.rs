//! Buffer methods on receivers that are not Uint8Arrays (`Buffer.prototype.toString.call(new
//! Uint16Array(2))`, a DataView, a plain object, `null`).
//!
//! Node implements most Buffer methods in JS that reads properties of `this` (`this.length`,
//! `this.utf8Slice`, `this.indexOf`...) and ends in C++ natives that take any ArrayBufferView
//! by its bytes. nodebuf's raw natives take the Uint8Array receivers whose reads they can
//! skip; every other call goes to Node's algorithm in the JS half (`buffer.js`, `foreign`),
//! which ends in the natives here: Node's C++ natives (`_compare`, `compareOffset`,
//! `indexOf*`, `fill`, `_swap16`...) on any view, refusing anything else with
//! `argument must be a buffer`. Each coerces its arguments first, then resolves the bytes
//! from the engine's slots, then operates with no JS in between.
//!
//! [`method_reads_native`] is the gate's other half: whether a property read Node's JS makes
//! on a Uint8Array receiver (`this.utf8Slice`) reaches this install's own function, so the raw
//! native may skip it.

use nodebuf_core::api;
use nodebuf_core::args::Arg;
use nodebuf_core::encoding::{self, Encoding};
use nodebuf_core::NodeError;
use rquickjs::{qjs, Ctx, Result, Value};

use crate::args::{self, run_mut_with, run_ref_with, ThisRule};
use crate::engine::Raw;
use crate::order::{N, O, S};
use crate::raw;
use crate::throw_node_error;

/// Node's `ToNumber` of an index argument its natives parse with `ParseArrayIndex`
/// (`None`: `undefined`, the native's default).
fn index_arg<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> Result<Option<f64>> {
    if v.is_undefined() {
        return Ok(None);
    }
    args::to_number(ctx, v).map(Some)
}

/// Whether `v` is an ArrayBufferView (what Node's `Buffer::HasInstance` accepts).
fn is_view<'js>(ctx: &Ctx<'js>, v: &Value<'js>) -> bool {
    raw::region(ctx, v).is_some_and(|r| {
        matches!(
            r.kind,
            raw::RegionKind::Uint8Array
                | raw::RegionKind::TypedArray(_)
                | raw::RegionKind::DataView
        )
    })
}

/// `binding.compareViews(a, b)`: Node's `_compare`: both must be views; their bytes compared
/// as `memcmp` then by length (-1, 0 or 1).
pub fn compare_views<'js>(ctx: Ctx<'js>, a: Value<'js>, b: Value<'js>) -> Result<i32> {
    let ra = args::view_bytes(&ctx, &a)?;
    let rb = args::view_bytes(&ctx, &b)?;
    // SAFETY: both located just now from the engine's slots with no JS since; only read, and
    // no JS runs until the comparison ends.
    let (x, y) = unsafe {
        (
            std::slice::from_raw_parts(ra.ptr, ra.len),
            std::slice::from_raw_parts(rb.ptr, rb.len),
        )
    };
    Ok(match x.cmp(y) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    })
}

/// `binding.compareOffsetViews(source, target, targetStart, sourceStart, targetEnd,
/// sourceEnd)`: Node's `compareOffset` on any two views ([`api::compare_offset`]).
pub fn compare_offset_views<'js>(
    ctx: Ctx<'js>,
    source: Value<'js>,
    target: Value<'js>,
    rest: rquickjs::function::Rest<Value<'js>>,
) -> Result<i32> {
    args::view_bytes(&ctx, &source)?;
    args::view_bytes(&ctx, &target)?;
    let undefined = Value::new_undefined(ctx.clone());
    let at = |i: usize| rest.0.get(i).unwrap_or(&undefined).clone();
    let offsets = [
        index_arg(&ctx, &at(0))?,
        index_arg(&ctx, &at(1))?,
        index_arg(&ctx, &at(2))?,
        index_arg(&ctx, &at(3))?,
    ];
    // Resolved after every conversion, with no JS from here to the last use.
    let s = args::view_bytes(&ctx, &source)?;
    let t = args::view_bytes(&ctx, &target)?;
    // SAFETY: as in `compare_views`.
    let (s, t) = unsafe {
        (
            std::slice::from_raw_parts(s.ptr, s.len),
            std::slice::from_raw_parts(t.ptr, t.len),
        )
    };
    api::compare_offset(s, t, offsets).map_err(|e| throw_node_error(&ctx, &e))
}

/// `binding.indexOfView(view, value, byteOffset, encoding, forward)`: Node's `indexOfNumber`,
/// `indexOfString` and `indexOfBuffer` on any view, once its JS clamped `byteOffset` and
/// chose the default for NaN (`value` a number is already `>>> 0`).
pub fn index_of_view<'js>(
    ctx: Ctx<'js>,
    view: Value<'js>,
    value: Value<'js>,
    byte_offset: Value<'js>,
    encoding: Value<'js>,
    forward: bool,
) -> Result<f64> {
    let enc = if value.is_number() { O } else { S };
    let values = [value, byte_offset, encoding];
    run_ref_with(
        &ctx,
        ThisRule::View,
        &view,
        &values,
        &[O, N, enc],
        |bytes, a| {
            if forward {
                api::index_of(bytes, &a[0], &a[1], &a[2])
            } else {
                api::last_index_of(bytes, &a[0], &a[1], &a[2])
            }
        },
    )
    .map(|i| i as f64)
}

/// `binding.fillView(view, value, start, end, encoding)`: Node's native `fill` on any view:
/// `undefined` when done, -1 for a value that encodes to no bytes, -2 for a range past the
/// view's bytes. A value that is neither a string nor a view fills `ToUint32(value) & 255`;
/// a string fills its bytes in `encoding` (a string naming one, else utf8).
pub fn fill_view<'js>(
    ctx: Ctx<'js>,
    view: Value<'js>,
    value: Value<'js>,
    start: Value<'js>,
    end: Value<'js>,
    encoding: Value<'js>,
) -> Result<Value<'js>> {
    let out = |n: i32| Ok(Value::new_int(ctx.clone(), n));
    args::view_bytes(&ctx, &view)?;
    let index = |v: &Value<'js>| -> Result<usize> {
        match index_arg(&ctx, v)? {
            None => Ok(0),
            Some(n) if n.trunc() < 0.0 => {
                Err(throw_node_error(&ctx, &NodeError::index_out_of_range()))
            }
            Some(n) if n.is_nan() => Ok(0),
            Some(n) => Ok(n.trunc().min(usize::MAX as f64) as usize),
        }
    };
    let (start, end) = (index(&start)?, index(&end)?);
    // Node answers a range past the bytes before it looks at the value.
    let now = args::view_bytes(&ctx, &view)?;
    if start > end || end > now.len {
        return out(-2);
    }
    // The value's bytes, taken before the receiver is resolved (a view value is copied: it
    // may share memory with the receiver).
    let pattern: std::result::Result<Vec<u8>, u8> = if let Some(s) = value.as_string() {
        let enc = encoding
            .as_string()
            .and_then(|e| e.to_string().ok())
            .and_then(|e| Encoding::parse(&e))
            .unwrap_or(Encoding::Utf8);
        let s = raw::StrRef::new(&ctx, s.as_value())?;
        Ok(encoding::encode(enc, s.as_js_str()))
    } else if is_view(&ctx, &value) {
        let r = args::view_bytes(&ctx, &value)?;
        // SAFETY: located just now, copied at once (no JS runs in between).
        Ok(unsafe { std::slice::from_raw_parts(r.ptr, r.len) }.to_vec())
    } else {
        let n = args::to_number(&ctx, &value)?;
        Err(nodebuf_core::number::to_uint8(n))
    };
    let region = args::view_bytes(&ctx, &view)?;
    if start > end || end > region.len {
        return out(-2);
    }
    // SAFETY: located just now with no JS since; the pattern is an owned copy, so this is the
    // only reference to these bytes while they are written (no JS runs).
    let bytes = unsafe { std::slice::from_raw_parts_mut(region.ptr, region.len) };
    let range = &mut bytes[start..end];
    match pattern {
        Err(byte) => range.fill(byte),
        Ok(p) => {
            if range.is_empty() {
                return Ok(Value::new_undefined(ctx.clone()));
            }
            if p.is_empty() {
                return out(-1);
            }
            nodebuf_core::ops::fill::fill_pattern(range, &p);
        }
    }
    Ok(Value::new_undefined(ctx.clone()))
}

/// `binding.swapView(view, bits)`: Node's `_swap16`/`_swap32`/`_swap64` on any view's bytes.
pub fn swap_view<'js>(ctx: Ctx<'js>, view: Value<'js>, bits: u32) -> Result<Value<'js>> {
    run_mut_with(
        &ctx,
        ThisRule::View,
        &view,
        &[],
        &[],
        |bytes, _: &[Arg<'_>]| match bits {
            16 => api::swap16(bytes),
            32 => api::swap32(bytes),
            _ => api::swap64(bytes),
        },
    )?;
    Ok(view)
}

/// Whether reading `key` from `obj` (a Uint8Array receiver) reaches `expected` as a data
/// property, through no Proxy and no getter: then the read Node's JS makes there observes
/// nothing and calls this install's own function, so a raw native may skip it. Runs no JS
/// (the engine walks the shapes: [`crate::raw::chain_holds_data_raw`]).
///
/// # Safety
/// `ctx` must be live and `obj`, `expected` values of it.
#[inline(always)]
pub unsafe fn method_reads_native(
    ctx: *mut qjs::JSContext,
    obj: Raw,
    key: qjs::JSAtom,
    expected: Raw,
) -> bool {
    // SAFETY: the caller's contract.
    unsafe { crate::raw::chain_holds_data_raw(ctx, obj, key, expected) }
}

/// Whether Node's `Buffer.from(string)` in `enc` would observe nothing through the reads it
/// makes: `buf.{enc}Write` on the Buffer it writes into (a FastBuffer, so a read that reaches
/// `Buffer.prototype`'s own property) finding this install's helper, and, for a string of
/// `units` UTF-16 units long enough for Node's unpooled path, `Buffer.allocUnsafeSlow` being
/// this install's own. `false` sends the call to the JS half, which makes the reads. Before
/// the JS half gave its table (its own start-up) nothing could have replaced them. Runs no JS.
pub fn from_string_reads_native(
    st: &crate::state::CtxState<'_>,
    enc: Encoding,
    units: usize,
) -> bool {
    let table = st.foreign.borrow();
    let Some(t) = table.as_ref() else {
        return true;
    };
    let id = encoding_id(enc);
    // SAFETY: values and atoms of this install's live context; fields are read only.
    unsafe {
        crate::raw::holds_own_data_raw(
            st.buffer_prototype.as_raw(),
            st.atoms.writes[id],
            t.writes[id].as_raw(),
        ) && ((units as u64).saturating_mul(4) < nodebuf_core::memory::pool::threshold()
            || crate::raw::holds_own_data_raw(
                t.buffer.as_raw(),
                st.atoms.alloc_unsafe_slow,
                t.alloc_unsafe_slow.as_raw(),
            ))
    }
}

/// The error V8 gives for calling a property read that is no function
/// (`this.subarray is not a function`).
pub fn not_a_function(ctx: &Ctx<'_>, text: &str) -> rquickjs::Error {
    rquickjs::Exception::throw_type(ctx, &format!("{text} is not a function"))
}

/// The id of an encoding ([`crate::state::HELPER_PREFIXES`] order), as the helpers are
/// numbered.
pub fn encoding_id(enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => 0,
        Encoding::Utf16le => 1,
        Encoding::Latin1 => 2,
        Encoding::Ascii => 3,
        Encoding::Base64 => 4,
        Encoding::Base64url => 5,
        Encoding::Hex => 6,
    }
}

/// `binding.encodingId(name)`: the id of the encoding Node's `getEncodingOps` finds for the
/// string `name`, -1 for none.
pub fn encoding_id_of(name: rquickjs::String<'_>) -> Result<i32> {
    let name = name.to_string()?;
    Ok(Encoding::parse(&name).map_or(-1, |e| encoding_id(e) as i32))
}

/// `binding.unknownEncoding(value)`: Node's `ERR_UNKNOWN_ENCODING` for `value` (shown with
/// `%s`).
pub fn unknown_encoding_error<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    let mut shown = crate::order::format_percent_s(&ctx, &value)?;
    // `%s` shows a BigInt with its `n`.
    if value.is_big_int() {
        shown.push('n');
    }
    crate::node_error_to_js(&ctx, &NodeError::unknown_encoding(&shown))
}

/// Ids of Node's JS methods in the JS half's `foreign` table (`binding.setForeign`'s
/// `calls`, in this order).
pub mod id {
    /// `toString` (and `toLocaleString`, the same function).
    pub const TO_STRING: usize = 0;
    /// `write`
    pub const WRITE: usize = 1;
    /// `equals`
    pub const EQUALS: usize = 2;
    /// `compare`
    pub const COMPARE: usize = 3;
    /// `indexOf`
    pub const INDEX_OF: usize = 4;
    /// `lastIndexOf`
    pub const LAST_INDEX_OF: usize = 5;
    /// `includes`
    pub const INCLUDES: usize = 6;
    /// `fill`
    pub const FILL: usize = 7;
    /// `swap16`; `swap32` and `swap64` follow.
    pub const SWAP16: usize = 8;
}

/// Runs Node's JS method `id` from the JS half on `this` and the arguments as given, when the
/// receiver is not a Uint8Array or `reads_native` (asked only of Uint8Arrays) says a method
/// read Node's JS makes would not reach this install's own function. `None`: the raw native
/// takes the call.
///
/// # Safety
/// `ctx` live, `this`/`argv[..argc]` its values.
#[inline(always)]
pub unsafe fn divert_with(
    ctx: *mut qjs::JSContext,
    st: &crate::state::CtxState<'_>,
    this: Raw,
    argc: std::ffi::c_int,
    argv: *mut Raw,
    id: usize,
    reads_native: impl FnOnce(&crate::state::ForeignTable<'_>) -> bool,
) -> Option<Raw> {
    if is_uint8_array(this) {
        let table = st.foreign.borrow();
        if reads_native(table.as_ref()?) {
            return None;
        }
    }
    // SAFETY: the caller's values.
    unsafe { call_by_id(ctx, st, this, argc, argv, id) }
}

/// [`divert_with`] for a method whose Node JS reads no method of `this`: only receivers that
/// are not Uint8Arrays go to the JS half.
///
/// # Safety
/// As [`divert_with`].
#[inline(always)]
pub unsafe fn divert(
    ctx: *mut qjs::JSContext,
    st: &crate::state::CtxState<'_>,
    this: Raw,
    argc: std::ffi::c_int,
    argv: *mut Raw,
    id: usize,
) -> Option<Raw> {
    if is_uint8_array(this) {
        return None;
    }
    // SAFETY: the caller's values.
    unsafe { call_by_id(ctx, st, this, argc, argv, id) }
}

/// Whether `this` is a Uint8Array (Buffers included); reads only its class id.
#[inline(always)]
fn is_uint8_array(this: Raw) -> bool {
    // SAFETY: JS_GetTypedArrayType reads the class id of any value and runs nothing.
    let kind = unsafe { qjs::JS_GetTypedArrayType(this) };
    kind == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32
}

/// Calls Node's JS algorithm `id` of the foreign table on `this` and the arguments; `None`
/// before the JS half gave its table.
///
/// # Safety
/// As [`divert_with`].
unsafe fn call_by_id(
    ctx: *mut qjs::JSContext,
    st: &crate::state::CtxState<'_>,
    this: Raw,
    argc: std::ffi::c_int,
    argv: *mut Raw,
    id: usize,
) -> Option<Raw> {
    let f = st.foreign.borrow().as_ref()?.calls.get(id)?.clone();
    // SAFETY: the caller's values.
    Some(unsafe { call_foreign(ctx, st, &f, this, argc, argv) })
}

/// Calls Node's JS method `f` on `this` and the arguments as given; for a native run as a
/// constructor (`new buf.indexOf()`), on the object a plain function would have been given.
///
/// # Safety
/// `ctx` live, `this`/`argv[..argc]` its values, `f` a value of the same runtime.
unsafe fn call_foreign(
    ctx: *mut qjs::JSContext,
    st: &crate::state::CtxState<'_>,
    f: &Value<'_>,
    this: Raw,
    argc: std::ffi::c_int,
    argv: *mut Raw,
) -> Raw {
    // SAFETY: the caller's values; the constructed object is owned here and freed once; the
    // result is a new reference or JS_EXCEPTION for the engine. No borrow of the state is held.
    unsafe {
        match crate::method::constructed_this(ctx, st, this) {
            Some(made) if qjs::JS_IsException(made) => made,
            Some(made) => {
                let out = crate::method::call_js(ctx, f, made, argc, argv);
                qjs::JS_FreeValue(ctx, made);
                out
            }
            None => crate::method::call_js(ctx, f, this, argc, argv),
        }
    }
}
