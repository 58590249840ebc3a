//! Making Buffers from values and views of Buffers: `Buffer.from`, `subarray` and `slice`.
//! Their general paths are Node's JS algorithms in the JS half (property reads included, as
//! Node's are); the raw natives here do the plain cases and hand everything else over as is.

use std::ffi::c_int;

use nodebuf_core::api;
use nodebuf_core::args::Arg;
use nodebuf_core::Buffer as CoreBuffer;
use rquickjs::qjs;

use crate::engine::{
    arg, guard, is_bigint, number, prim, prim_number, reword_bigint_to_number, tag, u8_bytes, Raw,
    EXCEPTION, UNDEFINED,
};
use crate::method::{call_js, state, with_args};
use crate::retention::{noted, ViewApi};
use crate::state::CtxState;

/// `buf.slice(start, end)`: Node's is `this.subarray(start, end)`; when that lookup finds this
/// install's own subarray, it runs directly.
pub unsafe extern "C" fn slice_fn(
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
            if !own && !qjs::JS_IsFunction(ctx, f) {
                qjs::JS_FreeValue(ctx, f);
                let c = rquickjs::Ctx::from_raw(std::ptr::NonNull::new_unchecked(ctx));
                return crate::engine::throw_error(
                    &c,
                    crate::foreign::not_a_function(&c, "this.subarray"),
                );
            }
            let mut args = [arg(argc, argv, 0), arg(argc, argv, 1)];
            let r = if own {
                make_subarray(ctx, st, this, 2, args.as_mut_ptr())
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
            noted(ctx, st, r, ViewApi::Slice)
        }
    })
}

/// `Buffer.from(value, encodingOrOffset, length)`: strings and plain Uint8Arrays here, the JS
/// half's overload dispatch for everything else.
pub unsafe extern "C" fn from_fn(
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
                    with_args::<2, _>(ctx, 2, argc.min(2), argv, None, 0, |a| match a {
                        [Arg::String(s), enc] => {
                            let enc = api::statics::from_string_encoding(enc).ok()?;
                            // Node writes through `buf.{enc}Write`: when a script replaced
                            // it, the JS half makes that call.
                            if !s.is_empty()
                                && !crate::foreign::from_string_reads_native(st, enc, s.len())
                            {
                                return None;
                            }
                            CoreBuffer::from_js_str(*s, enc)
                                .ok()
                                .map(|buf| (buf, s.is_empty()))
                        }
                        _ => None,
                    })
                }
                .flatten();
                if let Some((buf, empty_string)) = made {
                    // Node answers an empty string with `new FastBuffer()`: no pool view, no
                    // ArrayBuffer (on the engine's heap).
                    if empty_string {
                        return st.on_heap_raw(&[]);
                    }
                    return st.to_js_raw(&buf);
                }
            }
            qjs::JS_TAG_OBJECT => {
                // SAFETY: as above.
                if let Some(buf) = unsafe { from_uint8_array(ctx, st, value) } {
                    return st.to_js_raw(&buf);
                }
                // SAFETY: as above.
                if let Some(buf) = unsafe { from_number_array(ctx, st, value) } {
                    return st.to_js_raw(&buf);
                }
            }
            _ => {}
        }
        // SAFETY: the engine's values.
        unsafe { call_js(ctx, &st.from_general, this, argc, argv) }
    })
}

/// `Buffer.from(uint8Array)` when the result is plainly a copy of its bytes: its `valueOf` is
/// `Object.prototype.valueOf` (so Node's `valueOf()` probe yields the array itself), its
/// `length` reads reach only the intrinsic getter and it has bytes.
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
    // Node's `valueOf` probe, answered from the shapes (no JS runs before the bytes are located).
    // SAFETY: a live object.
    if !unsafe { plain_value_of(ctx, st, value) } {
        return None;
    }
    // Node reads `length` up to seven times; when each read reaches only the engine's own
    // getter they observe nothing and answer the real length, so none is made here. Anything
    // else (an own or subclass `length`, a replaced getter) goes to the JS half, which makes
    // Node's reads.
    // SAFETY: live values of `st`'s context; the engine only looks up properties.
    if !unsafe { crate::raw::length_is_intrinsic_raw(ctx, value) } {
        return None;
    }
    // SAFETY: a live object; no JS runs from here until the copy is done.
    let (ptr, len) = unsafe { u8_bytes(ctx, value) }?;
    if len == 0 {
        return None;
    }
    // SAFETY: `len` bytes readable at `ptr` (located just now, no JS runs during the copy);
    // no reference to them is live; the copy is overlap-safe.
    unsafe { CoreBuffer::copy_from_raw(ptr, len) }.ok()
}

/// Whether `value.valueOf` is `Object.prototype.valueOf`, read with nothing able to observe
/// it (no getter, Proxy or own property on the way): Node's `valueOf` reads and call in
/// `Buffer.from` then yield the object itself and can be skipped. Otherwise the general path
/// makes them (Node reads the property twice, then calls it). Runs no JS.
///
/// # Safety
/// `value` must be a live object of `ctx`.
unsafe fn plain_value_of(ctx: *mut qjs::JSContext, st: &CtxState<'_>, value: Raw) -> bool {
    // SAFETY: live values of this install's runtime; the engine reads shapes only.
    unsafe {
        crate::raw::chain_holds_data_raw(ctx, value, st.atoms.value_of, st.object_value_of.as_raw())
    }
}

extern "C" {
    /// nodebuf's engine patch (vendor/patches/quickjs-0002-fast-array.patch): the elements of a
    /// dense Array of plain data elements, borrowed until the array changes or JS runs.
    fn JS_GetFastArray(obj: Raw, values: *mut *mut Raw, count: *mut u32) -> bool;
}

/// The elements of `value` when it is an Array the engine stores densely with plain data
/// elements and all `count` of them are present: reading them runs no JS and is unobservable.
/// The slice is valid until the array changes or JS runs.
///
/// # Safety
/// `value` must be a live value; the caller must not run JS while it uses the slice.
pub(crate) unsafe fn fast_array_elements<'a>(value: Raw) -> Option<&'a [Raw]> {
    let (mut values, mut count): (*mut Raw, u32) = (std::ptr::null_mut(), 0);
    // SAFETY: reads the object's header only (false for anything else).
    if !unsafe { JS_GetFastArray(value, &mut values, &mut count) } {
        return None;
    }
    if count == 0 {
        return Some(&[]);
    }
    // SAFETY: the engine's `count` live values (see the contract above).
    Some(unsafe { std::slice::from_raw_parts(values, count as usize) })
}

/// `Buffer.from(array)` for a dense Array of numbers (what Node's array-like copy does with
/// `buf[i] = array[i]`: ToUint8 of each element), in one pass with no property lookups. `None`
/// (after reading only `valueOf` and `length`, as Node does first) sends the call to the
/// general path.
///
/// # Safety
/// `value` must be a live object of `ctx`.
unsafe fn from_number_array(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    value: Raw,
) -> Option<CoreBuffer> {
    // A first look (no JS) for a dense Array; the elements are fetched again after the
    // property reads below, which may run getters.
    // SAFETY: a live value; the slice is not used.
    unsafe { fast_array_elements(value) }?;
    // SAFETY: a live object.
    if !unsafe { plain_value_of(ctx, st, value) } {
        return None;
    }
    // An Array's `length` is a plain own property: reading it runs no JS.
    // SAFETY: a live object; an int needs no freeing.
    let length = unsafe { qjs::JS_GetProperty(ctx, value, st.atoms.length) };
    if tag(length) != qjs::JS_TAG_INT {
        // SAFETY: owned above.
        unsafe { qjs::JS_FreeValue(ctx, length) };
        return None;
    }
    // SAFETY: an int.
    let n = unsafe { qjs::JS_VALUE_GET_INT(length) } as usize;
    // SAFETY: no JS runs while the elements are read (allocation and ToUint8 are Rust only).
    let items = unsafe { fast_array_elements(value) }?;
    if n == 0 || items.len() != n || !items.iter().all(|&v| is_number(v)) {
        return None;
    }
    CoreBuffer::from_fn(n, |i| to_uint8(items[i])).ok()
}

/// Whether `v` is a number (an int or a float).
fn is_number(v: Raw) -> bool {
    matches!(tag(v), qjs::JS_TAG_INT | qjs::JS_TAG_FLOAT64)
}

/// ToUint8 of a number value (see [`is_number`]).
fn to_uint8(v: Raw) -> u8 {
    match tag(v) {
        // SAFETY: the tag says int.
        qjs::JS_TAG_INT => (unsafe { qjs::JS_VALUE_GET_INT(v) }) as u8,
        // SAFETY: the tag says float.
        qjs::JS_TAG_FLOAT64 => {
            nodebuf_core::number::to_uint8(unsafe { qjs::JS_VALUE_GET_FLOAT64(v) })
        }
        _ => 0,
    }
}

/// An integer relative offset as Node's `subarray` adjusts it (`Math.trunc`, negatives from
/// the end, clamped to `[0, length]`).
fn adjust(offset: f64, length: i64) -> i64 {
    // `Math.trunc` without a call to the C library's `trunc` (the baseline x86-64 target has
    // no rounding instruction): below 2**53 in magnitude the conversion through i64 truncates
    // exactly; larger magnitudes are integers already, and NaN stays NaN. The sign of a zero
    // is lost, which the clamping below never looks at.
    let t = if offset.abs() < 9_007_199_254_740_992.0 {
        offset as i64 as f64
    } else {
        offset
    };
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
pub unsafe extern "C" fn subarray_fn(
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
        // SAFETY: live values of `ctx` (the arguments are the engine's).
        unsafe {
            let r = make_subarray(ctx, st, this, argc, argv);
            noted(ctx, st, r, ViewApi::Subarray)
        }
    })
}

extern "C" {
    /// Engine patches `quickjs-0004-typed-array-view-fields` and `quickjs-0017-view-fields-epoch`
    /// (docs/ENGINE-PATCHES.md): a typed array's `length`, `buffer` (a new reference) and
    /// `byteOffset` as the intrinsic getters give them, or false when a read of one of those
    /// atoms would reach other code; the walk that finds out is skipped for a typed array
    /// inheriting from `proto` while the engine's view epoch is still `*seen`.
    #[allow(clippy::too_many_arguments)]
    fn JS_GetTypedArrayViewFieldsSince(
        ctx: *mut qjs::JSContext,
        obj: Raw,
        length_atom: qjs::JSAtom,
        buffer_atom: qjs::JSAtom,
        offset_atom: qjs::JSAtom,
        proto: Raw,
        seen: *mut u64,
        length: *mut u32,
        buffer: *mut Raw,
        byte_offset: *mut u32,
    ) -> bool;
}

/// `obj.length`, `obj.buffer` (a new reference) and `obj.byteOffset` as the engine's slots
/// answer them, when reads of all three reach only the intrinsic `%TypedArray%.prototype`
/// getters (so Node's JS reads of them observe nothing); `None` otherwise. Runs no JS.
///
/// # Safety
/// `ctx` is `st`'s context and `obj` a live value of it.
unsafe fn intrinsic_view_fields(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    obj: Raw,
) -> Option<(u32, Raw, u32)> {
    let (mut length, mut buffer, mut offset) = (0u32, UNDEFINED, 0u32);
    // SAFETY: the caller's contract; the out-pointers are locals.
    let ok = unsafe {
        JS_GetTypedArrayViewFieldsSince(
            ctx,
            obj,
            st.atoms.length,
            st.atoms.buffer,
            st.atoms.byte_offset,
            st.buffer_prototype.as_raw(),
            st.view_fields_seen.as_ptr(),
            &mut length,
            &mut buffer,
            &mut offset,
        )
    };
    ok.then_some((length, buffer, offset))
}

/// Whether reads of `obj.length`, `obj.buffer` and `obj.byteOffset` all reach only the
/// intrinsic `%TypedArray%.prototype` getters (so Node's JS reads of them observe nothing and
/// answer the slots). Runs no JS.
///
/// # Safety
/// `ctx` is `st`'s context and `obj` a live value of it.
pub(crate) unsafe fn view_fields_are_intrinsic(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    obj: Raw,
) -> bool {
    // SAFETY: the caller's contract; the buffer reference taken is freed here.
    unsafe {
        match intrinsic_view_fields(ctx, st, obj) {
            Some((_, buffer, _)) => {
                qjs::JS_FreeValue(ctx, buffer);
                true
            }
            None => false,
        }
    }
}

/// The view `subarray` makes (or the pending exception).
///
/// # Safety
/// `ctx` is `st`'s context; `this` and the `argc` values at `argv` are live values of it.
unsafe fn make_subarray(
    ctx: *mut qjs::JSContext,
    st: &CtxState<'_>,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
) -> Raw {
    {
        // SAFETY: live values of `ctx`; every owned value is freed on each path.
        unsafe {
            let is_u8 = qjs::JS_GetTypedArrayType(this)
                == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32;
            let (start, end) = (prim(arg(argc, argv, 0)), prim(arg(argc, argv, 1)));
            let (true, Some(start), Some(end)) = (is_u8, start, end) else {
                return call_js(ctx, &st.subarray_general, this, argc, argv);
            };
            // When all three reads would reach the intrinsic getters (nothing redefines them),
            // the engine answers them without calls: nothing observable is skipped.
            if let Some((length, buffer, offset)) = intrinsic_view_fields(ctx, st, this) {
                let len = i64::from(length);
                let from = adjust(prim_number(start), len);
                let to = match end {
                    Arg::Undefined => len,
                    other => adjust(prim_number(other), len),
                };
                let count = if to > from { to - from } else { 0 };
                let r =
                    st.construct_raw(buffer, (i64::from(offset) + from) as usize, count as usize);
                qjs::JS_FreeValue(ctx, buffer);
                return r;
            }
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
            // Anything but an (unshared or shared) ArrayBuffer (a getter's answer) goes to the
            // typed-array constructor in the JS half, as Node's `new FastBuffer(...)` takes it
            // (a number is a length, an object a source of elements).
            let r = if at >= 0 && crate::raw::is_any_array_buffer_raw(buffer) {
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
    }
}

#[cfg(test)]
mod tests {
    use super::adjust;

    /// `adjust` as Node's `subarray` computes it, with `Math.trunc` spelled out.
    fn reference(offset: f64, length: i64) -> i64 {
        let t = offset.trunc();
        if t == 0.0 || t.is_nan() {
            0
        } else if t < 0.0 {
            (t + length as f64).max(0.0) as i64
        } else {
            (t as i64).min(length)
        }
    }

    #[test]
    fn adjust_matches_math_trunc_semantics() {
        let specials = [
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            -1.5,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            9_007_199_254_740_991.5,
            9_007_199_254_740_992.0,
            -9_007_199_254_740_993.0,
            1e300,
            -1e300,
            4294967295.7,
        ];
        // A seeded xorshift for the rest: offsets and lengths of every magnitude.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut cases: Vec<(f64, i64)> = Vec::new();
        for &o in &specials {
            for len in [0, 1, 7, 100, 1 << 31] {
                cases.push((o, len));
            }
        }
        for _ in 0..20_000 {
            let scale = 2f64.powi((next() % 70) as i32);
            let o = ((next() as f64 / u64::MAX as f64) - 0.5) * scale;
            let len = (next() % (1 << 32)) as i64 >> (next() % 32);
            cases.push((o, len));
        }
        for (o, len) in cases {
            assert_eq!(adjust(o, len), reference(o, len), "adjust({o}, {len})");
        }
    }
}
