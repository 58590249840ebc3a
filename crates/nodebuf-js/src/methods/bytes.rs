//! Methods that rewrite a Buffer's own bytes: `swap16/32/64`, `fill` and `copy`.

use std::ffi::c_int;

use nodebuf_core::api;
use nodebuf_core::args::Arg;
use nodebuf_core::NodeError;
use rquickjs::{qjs, Ctx, Value};

use crate::engine::{arg, guard, number, prim, u8_bytes, Raw};
use crate::foreign;
use crate::method::{call_js, state, Call, Method, MAX_ARITY};
use crate::order::{self, NV, O, S};
use crate::state::CtxState;

/// `swap16` / `swap32` / `swap64` (magic: the bit width): returns `this`.
pub struct Swap;

impl Method for Swap {
    type This<'a> = &'a mut [u8];
    type Out = ();
    const ARITY: usize = 0;
    const READS_LENGTH: bool = true;

    #[inline(always)]
    fn foreign_id(call: Call) -> Option<usize> {
        Some(
            foreign::id::SWAP16
                + match call.magic {
                    16 => 0,
                    32 => 1,
                    _ => 2,
                },
        )
    }

    /// A receiver whose `length` a script defined takes Node's JS algorithm (the JS half's
    /// `swap`): one read of `this.length`, a JS loop below 128, the native swap above.
    fn before<'js>(
        ctx: &Ctx<'js>,
        st: &CtxState<'_>,
        this: &Value<'js>,
        _args: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if crate::raw::uint8_array(ctx, this).is_none()
            || crate::raw::length_is_intrinsic(ctx, this)
        {
            return Ok(None);
        }
        let mut bits = qjs::JS_MKVAL(qjs::JS_TAG_INT, call.magic);
        // SAFETY: live values of this runtime (the JS half's function of the same install);
        // the result is a new reference or JS_EXCEPTION, owned by the Value from here.
        let out = unsafe {
            Value::from_raw(
                ctx.clone(),
                qjs::JS_Call(
                    ctx.as_raw().as_ptr(),
                    st.swap_general.as_raw(),
                    this.as_raw(),
                    1,
                    &mut bits,
                ),
            )
        };
        if out.is_exception() {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Some(out))
    }

    #[inline(always)]
    fn op(bytes: &mut [u8], _: &[Arg<'_>], call: Call) -> Result<(), NodeError> {
        match call.magic {
            16 => api::swap16(bytes),
            32 => api::swap32(bytes),
            _ => api::swap64(bytes),
        }
    }

    #[inline(always)]
    unsafe fn ret(ctx: *mut qjs::JSContext, _: &CtxState<'_>, this: Raw, _: ()) -> Raw {
        // SAFETY: a live receiver; the new reference goes to the engine.
        unsafe { qjs::JS_DupValue(ctx, this) }
    }
}

/// `buf.fill(value, offset, end, encoding)` on the receiver's real bytes: returns `this`. A
/// redefined `length` bounds it as Node's JS reads it (see [`fill_visible_range`]).
pub struct Fill;

impl Method for Fill {
    type This<'a> = &'a mut [u8];

    #[inline(always)]
    fn foreign_id(_: Call) -> Option<usize> {
        Some(foreign::id::FILL)
    }
    type Out = ();
    const ARITY: usize = 4;
    const VIEWS: u8 = 0b0001;
    /// Node's `_fill` reads `buf.length` on every call (the default end, or the bound of an
    /// explicit one).
    const READS_LENGTH: bool = true;

    #[inline(always)]
    fn op(bytes: &mut [u8], a: &[Arg<'_>], _: Call) -> Result<(), NodeError> {
        api::fill(bytes, &a[0], &a[1], &a[2], &a[3])
    }

    #[inline(always)]
    unsafe fn ret(ctx: *mut qjs::JSContext, _: &CtxState<'_>, this: Raw, _: ()) -> Raw {
        // SAFETY: a live receiver; the new reference goes to the engine.
        unsafe { qjs::JS_DupValue(ctx, this) }
    }

    /// The encoding is named only for a string value, when no string offset/end stands in.
    fn flags(a: &[Value<'_>], _: Call) -> [u8; MAX_ARITY] {
        let names_encoding = a[0].is_string()
            && !(a[1].is_undefined() || a[1].is_string())
            && !a[2].is_string()
            && order::names_encoding(&a[3]);
        [NV, O, O, if names_encoding { S } else { O }, O, O]
    }

    /// Node checks offset and end (and returns for an empty range) before it converts an
    /// object value with valueOf.
    fn before<'js>(
        ctx: &Ctx<'js>,
        _: &CtxState<'_>,
        this: &Value<'js>,
        a: &mut [Value<'js>],
        _: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        // A number filling the whole buffer is `%TypedArray%.prototype.fill` in Node, which
        // throws for a detached or out-of-bounds receiver (any other call fills nothing).
        let whole = a[1].is_undefined() && a[2].is_undefined();
        if let Some(early) = fill_visible_range(ctx, this, a)? {
            return Ok(Some(early));
        }
        if a[0].is_number() && whole && crate::raw::is_unreadable_uint8_array(ctx, this) {
            return Err(crate::raw::throw_detached_builtin(ctx, "fill"));
        }
        // A DataView that covers no bytes because its buffer is gone is an empty value: Node
        // throws ERR_INVALID_ARG_VALUE for it (`raw::gone_data_view_error`). An empty range
        // returns before.
        if crate::raw::is_gone_data_view(ctx, &a[0]) {
            if let Some((_, len)) = crate::raw::uint8_array(ctx, this) {
                let range = crate::args::run(ctx, &a[1..4], &[O, O, O], |r| {
                    api::fill::fill_range(len, &Arg::Undefined, &r[0], &r[1], &r[2])
                })?;
                // Node's native fill returns for an empty range before it looks at the value.
                return match range {
                    Some((r, _)) if r.start < r.end => {
                        Err(crate::raw::gone_data_view_error(ctx, &a[0]))
                    }
                    _ => Ok(Some(this.clone())),
                };
            }
        }
        // (A typed array over a detached or shrunk buffer is an empty view, refused by the
        // declared path as Node's native refuses it, never converted.)
        // SAFETY: a live value; only its class id is read.
        let typed_array = unsafe { qjs::JS_GetTypedArrayType(a[0].as_raw()) } >= 0;
        if a[0].is_object() && !typed_array && crate::raw::region(ctx, &a[0]).is_none() {
            if let Some((_, len)) = crate::raw::uint8_array(ctx, this) {
                let range = crate::args::run(ctx, &a[1..4], &[O, O, O], |r| {
                    api::fill::fill_range(len, &Arg::Undefined, &r[0], &r[1], &r[2])
                })?;
                let Some((range, _)) = range else {
                    return Ok(Some(this.clone()));
                };
                // Node's native fill converts the value now and sets the bytes through the
                // pointer it took before: a conversion that detached or shrank the receiver
                // below the range leaves Node writing memory the buffer no longer owns (it
                // answers the buffer); nodebuf refuses.
                let n = crate::args::to_number(ctx, &a[0])?;
                a[0] = Value::new_number(ctx.clone(), n);
                let now = crate::raw::uint8_array(ctx, this).map_or(0, |(_, n)| n);
                if range.end > now {
                    let e = NodeError::memory_changed_during_call("fill");
                    return Err(crate::throw_node_error(ctx, &e));
                }
            }
        }
        Ok(None)
    }
}

/// Node's `_fill` for a receiver whose `length` a script redefined (own property, subclass
/// getter, replaced prototype getter): reads `this.length` as a property exactly where Node's
/// JS does — once, or twice for a string value whose encoding stands in the offset or end
/// position — between the same checks (the encoding, `validateOffset(offset)`, `end` bounded
/// by the length read), returns `this` for an empty range, and refuses a range past the real
/// bytes with `ERR_BUFFER_OUT_OF_BOUNDS` before the value is converted, as Node's bounds check
/// does. The arguments are then rewritten to the numeric range (and the encoding) Node's fill
/// receives, for the declared path to fill the real bytes. `None` continues the call; a
/// receiver whose `length` is the engine's own getter is left as it is. The values read are
/// bounds only: the bytes are resolved from the engine's slots afterwards.
fn fill_visible_range<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    a: &mut [Value<'js>],
) -> rquickjs::Result<Option<Value<'js>>> {
    // SAFETY: a live value; only its class id is read.
    let is_u8 = unsafe { qjs::JS_GetTypedArrayType(this.as_raw()) }
        == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32;
    let Some(obj) = this.as_object().filter(|_| is_u8) else {
        return Ok(None);
    };
    if crate::raw::length_is_intrinsic(ctx, this) {
        return Ok(None);
    }
    // Node's JS reads of `buf.length`: ordinary property gets (user code runs as in Node).
    let read_length = || -> rquickjs::Result<f64> {
        const NODE_JS_PROPERTY: &str = "length";
        let v: Value = obj.get(NODE_JS_PROPERTY)?;
        Ok(v.as_number().unwrap_or(f64::NAN))
    };
    let undefined = Value::new_undefined(ctx.clone());
    let (mut offset, end, mut encoding) = (a[1].clone(), a[2].clone(), a[3].clone());
    let mut end_at: Option<f64> = None;
    if a[0].is_string() {
        if offset.is_undefined() || offset.is_string() {
            encoding = offset;
            offset = Value::new_number(ctx.clone(), 0.0);
            end_at = Some(read_length()?);
        } else if end.is_string() {
            encoding = end.clone();
            end_at = Some(read_length()?);
        }
        // Node's normalizeEncoding stringifies only String objects (others are refused as
        // they are).
        let names = if order::names_encoding(&encoding) {
            S
        } else {
            O
        };
        crate::args::run(ctx, &[a[0].clone(), encoding.clone()], &[O, names], |r| {
            api::fill::fill_encoding(&r[0], &r[1]).map(drop)
        })?;
    } else {
        encoding = undefined;
    }
    let (start, stop) = if offset.is_undefined() {
        (0.0, read_length()?)
    } else {
        let start = crate::args::run(ctx, std::slice::from_ref(&offset), &[O], |r| {
            api::coerce::validate_integer(&r[0], "offset", 0.0, api::coerce::K_MAX_LENGTH)
        })?;
        let stop = match end_at {
            // The end Node took from the first read, bounded by the second.
            Some(first) => {
                let max = read_length()?;
                let first = Value::new_number(ctx.clone(), first);
                crate::args::run(ctx, &[first], &[O], |r| {
                    api::coerce::validate_integer(&r[0], "end", 0.0, max)
                })?
            }
            None if end.is_undefined() => read_length()?,
            None => {
                let max = read_length()?;
                crate::args::run(ctx, std::slice::from_ref(&end), &[O], |r| {
                    api::coerce::validate_integer(&r[0], "end", 0.0, max)
                })?
            }
        };
        if start >= stop {
            return Ok(Some(this.clone()));
        }
        (start, stop)
    };
    let real = crate::raw::uint8_array(ctx, this).map_or(0, |(_, len)| len);
    if start > stop || stop > real as f64 {
        return Err(crate::throw_node_error(
            ctx,
            &NodeError::out_of_buffer_bounds(None),
        ));
    }
    a[1] = Value::new_number(ctx.clone(), start);
    a[2] = Value::new_number(ctx.clone(), if stop.is_nan() { 0.0 } else { stop });
    a[3] = encoding;
    Ok(None)
}

/// `buf.copy(target, targetStart, sourceStart, sourceEnd)`: a memmove between two Uint8Arrays
/// (they may share memory). Its target is written, so it is not a [`Method`] (whose arguments
/// are read-only): the plain call is copied here ([`copy_planned`]); anything else goes to the
/// JS half's `copyGeneral` (Node's algorithm, with its reads of `length`, `buffer` and
/// `byteOffset`), which moves the bytes with `binding.setBytes`.
///
/// # Safety
/// Called by the engine only, with a function made by [`method::make`].
pub unsafe extern "C" fn copy_fn(
    ctx: *mut qjs::JSContext,
    this: Raw,
    argc: c_int,
    argv: *mut Raw,
    _magic: c_int,
    data: *mut Raw,
) -> Raw {
    guard(ctx, || {
        // SAFETY: live values of `ctx`; no JS runs between locating the bytes and the copy.
        unsafe {
            let target = arg(argc, argv, 0);
            let rest = (
                prim(arg(argc, argv, 1)),
                prim(arg(argc, argv, 2)),
                prim(arg(argc, argv, 3)),
            );
            let st = state(data);
            // Node's JS reads both views' `length` (and, copying part of the source, its
            // `buffer` and `byteOffset`): here only when those reads reach the engine's own
            // getters, so skipping them observes nothing.
            if let (Some((src, src_len)), Some((dst, dst_len)), (Some(ts), Some(ss), Some(se))) =
                (u8_bytes(ctx, this), u8_bytes(ctx, target), rest)
            {
                // An empty source may be a detached one, which the general path tells apart.
                if src_len > 0
                    && crate::raw::length_is_intrinsic_raw(ctx, this)
                    && crate::raw::length_is_intrinsic_raw(ctx, target)
                {
                    if let Ok(plan) = api::copy::copy_plan_for_len(src_len, dst_len, &ts, &ss, &se)
                    {
                        let whole = plan.source_start == 0 && plan.len >= src_len;
                        if plan.len == 0
                            || whole
                            || super::views::view_fields_are_intrinsic(ctx, st, this)
                        {
                            return number(
                                copy_planned((src, src_len), (dst, dst_len), plan) as f64
                            );
                        }
                    }
                }
            }
            call_js(ctx, &st.copy_general, this, argc, argv)
        }
    })
}

/// Copies `plan.len` bytes between two located ranges (memmove: they may overlap); returns
/// the count Node reports. A plan that no longer fits copies nothing.
///
/// # Safety
/// Both `(ptr, len)` pairs must have been located with no JS since.
unsafe fn copy_planned(
    (src, src_len): (*mut u8, usize),
    (dst, dst_len): (*mut u8, usize),
    plan: api::copy::CopyPlan,
) -> usize {
    if plan.len == 0
        || plan.source_start + plan.len > src_len
        || plan.target_start + plan.len > dst_len
    {
        return 0;
    }
    // SAFETY: both ranges are in bounds (checked) of live stores (the caller's contract);
    // `copy` allows overlap.
    unsafe {
        std::ptr::copy(
            src.add(plan.source_start),
            dst.add(plan.target_start),
            plan.len,
        )
    };
    plan.len
}
