//! Searching and comparing: `indexOf`/`lastIndexOf`/`includes`, `equals`, `compare`, and
//! `Buffer.compare`, each declared once as a [`Method`].

use nodebuf_core::api;
use nodebuf_core::api::coerce::{validate_integer, K_MAX_LENGTH};
use nodebuf_core::args::Arg;
use nodebuf_core::NodeError;
use rquickjs::{qjs, Ctx, Value};

use std::ffi::c_int;

use crate::engine::{boolean, number, tag, Raw};
use crate::foreign;
use crate::method::{Call, Method, MAX_ARITY};
use crate::order::{self, N, O, S};
use crate::state::CtxState;

/// `buf.indexOf(value, byteOffset, encoding)` (magic 0), `lastIndexOf` (1), `includes` (2):
/// a number, or a boolean for `includes`.
pub struct IndexOf;

impl Method for IndexOf {
    type This<'a> = &'a [u8];
    type Out = Raw;
    const ARITY: usize = 3;
    const VIEWS: u8 = 0b001;

    /// `includes` is `this.indexOf(...) !== -1` in Node: a receiver whose `indexOf` is not
    /// this install's runs that.
    #[inline(always)]
    unsafe fn divert(
        ctx: *mut qjs::JSContext,
        st: &CtxState<'_>,
        this: Raw,
        argc: c_int,
        argv: *mut Raw,
        call: Call,
    ) -> Option<Raw> {
        let id = match call.magic {
            0 => foreign::id::INDEX_OF,
            1 => foreign::id::LAST_INDEX_OF,
            _ => foreign::id::INCLUDES,
        };
        if call.magic != 2 {
            // SAFETY: the caller's values.
            return unsafe { foreign::divert(ctx, st, this, argc, argv, id) };
        }
        // SAFETY: the caller's values; the check reads own properties only.
        unsafe {
            foreign::divert_with(ctx, st, this, argc, argv, id, |t| {
                foreign::method_reads_native(ctx, this, st.atoms.index_of, t.index_of.as_raw())
            })
        }
    }

    fn op(bytes: &[u8], a: &[Arg<'_>], call: Call) -> Result<Raw, NodeError> {
        match call.magic {
            0 => api::index_of(bytes, &a[0], &a[1], &a[2]).map(|i| number(i as f64)),
            1 => api::last_index_of(bytes, &a[0], &a[1], &a[2]).map(|i| number(i as f64)),
            _ => api::includes(bytes, &a[0], &a[1], &a[2]).map(boolean),
        }
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: Raw) -> Raw {
        out
    }

    /// Node names the encoding (`encoding + ''`) only for a non-number needle, and a string
    /// `byteOffset` stands in for it; an object `byteOffset` is converted with `+`.
    fn flags(args: &[Value<'_>], _: Call) -> [u8; MAX_ARITY] {
        let enc = if args[0].is_number() || args[1].is_string() {
            O
        } else {
            S
        };
        [O, N, enc, O, O, O]
    }

    /// `lastIndexOf` with a `byteOffset` that is NaN after `+` (missing, NaN, or a string,
    /// which names the encoding) starts at `this.length || this.byteLength`, read as properties.
    /// An object offset converts on the general path, which decides there.
    #[inline(always)]
    fn reads_lengths(call: Call, arg: &dyn Fn(usize) -> Raw) -> u16 {
        if call.magic != 1 {
            return 0;
        }
        let offset = arg(1);
        let nan = match tag(offset) {
            qjs::JS_TAG_UNDEFINED | qjs::JS_TAG_STRING => true,
            // SAFETY: the accessor matches the tag.
            qjs::JS_TAG_FLOAT64 => unsafe { qjs::JS_VALUE_GET_FLOAT64(offset) }.is_nan(),
            _ => false,
        };
        u16::from(nan)
    }

    /// Node clamps an object `byteOffset` with two comparisons (`> 0x7fffffff`,
    /// `< -0x80000000`) before `+byteOffset`: each converts it afresh (valueOf runs up to
    /// three times), and a BigInt passes the comparisons but not `+`. For `lastIndexOf`, a NaN
    /// offset then becomes the receiver's visible `length || byteLength`
    /// ([`IndexOf::reads_lengths`]).
    fn before<'js>(
        ctx: &Ctx<'js>,
        _: &CtxState<'_>,
        this: &Value<'js>,
        args: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if args[1].is_object() {
            let clamped = if order::relational(ctx, &args[1])? > f64::from(i32::MAX) {
                f64::from(i32::MAX)
            } else if order::relational(ctx, &args[1])? < f64::from(i32::MIN) {
                f64::from(i32::MIN)
            } else {
                crate::args::to_number(ctx, &args[1])?
            };
            args[1] = Value::new_number(ctx.clone(), clamped);
        }
        let nan = args[1].is_undefined()
            || args[1].is_string()
            || args[1].as_number().is_some_and(f64::is_nan);
        // An empty receiver's `length` is falsy, so Node reads `byteLength` too.
        if call.magic != 1
            || !nan
            || crate::raw::uint8_array(ctx, this)
                .is_none_or(|(_, len)| len != 0 && crate::raw::length_is_intrinsic(ctx, this))
        {
            return Ok(None);
        }
        let Some(obj) = this.as_object() else {
            return Ok(None);
        };
        let mut visible: Value = obj.get("length")?;
        // SAFETY: a live value; ToBoolean runs no JS.
        if unsafe { qjs::JS_ToBool(ctx.as_raw().as_ptr(), visible.as_raw()) } <= 0 {
            visible = crate::order::byte_length_as_node_js_reads_it(obj)?;
        }
        // Node's native takes the offset as an integer; one that is no number (`undefined`)
        // reads as far below the start, where a backward search finds nothing.
        let offset = match visible.as_number() {
            Some(n) => n,
            None if visible.is_undefined() => f64::from(i32::MIN),
            None => crate::args::to_number(ctx, &visible)?,
        };
        if args[1].is_string() {
            args[2] = args[1].clone();
        }
        args[1] = Value::new_number(ctx.clone(), offset);
        Ok(None)
    }
}

/// `buf.equals(otherBuffer)`.
pub struct Equals;

impl Method for Equals {
    type This<'a> = &'a [u8];

    #[inline(always)]
    fn foreign_id(_: Call) -> Option<usize> {
        Some(foreign::id::EQUALS)
    }
    type Out = bool;
    const ARITY: usize = 1;
    const VIEWS: u8 = 0b1;

    #[inline(always)]
    fn op(bytes: &[u8], a: &[Arg<'_>], _: Call) -> Result<bool, NodeError> {
        api::equals(bytes, &a[0])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: bool) -> Raw {
        boolean(out)
    }
}

/// `buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd)`.
pub struct Compare;

impl Method for Compare {
    type This<'a> = &'a [u8];

    #[inline(always)]
    fn foreign_id(_: Call) -> Option<usize> {
        Some(foreign::id::COMPARE)
    }
    type Out = i32;
    const ARITY: usize = 5;
    const VIEWS: u8 = 0b00001;

    /// With more than the target, Node's JS reads `target.length` and `this.length`.
    #[inline(always)]
    fn reads_lengths(call: Call, _: &dyn Fn(usize) -> Raw) -> u16 {
        if call.argc > 1 {
            0b11
        } else {
            0
        }
    }

    /// A receiver or target whose `length` a script defined takes Node's algorithm
    /// ([`compare_visible`]).
    fn before<'js>(
        ctx: &Ctx<'js>,
        _st: &CtxState<'_>,
        this: &Value<'js>,
        args: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if call.argc < 2
            || crate::raw::uint8_array(ctx, this).is_none()
            || crate::raw::uint8_array(ctx, &args[0]).is_none()
            || crate::method::lengths_are_intrinsic(ctx, this, &args[..1], 0b11)
        {
            return Ok(None);
        }
        compare_visible(ctx, this, args)
    }

    #[inline(always)]
    fn op(bytes: &[u8], a: &[Arg<'_>], _: Call) -> Result<i32, NodeError> {
        api::compare(bytes, &a[0], &a[1], &a[2], &a[3], &a[4])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: i32) -> Raw {
        number(f64::from(out))
    }
}

/// `buf.compare(target, targetStart, targetEnd, sourceStart, sourceEnd)` as Node's JS runs it
/// for views whose `length` a script defined: `target.length` and `this.length` read once each
/// as properties where Node reads them (after `targetStart`, after `sourceStart` validated),
/// each end defaulting to or bounded by them (`validateOffset`); then Node's native on the real
/// bytes ([`api::compare_offset`]).
fn compare_visible<'js>(
    ctx: &Ctx<'js>,
    this: &Value<'js>,
    args: &[Value<'js>],
) -> rquickjs::Result<Option<Value<'js>>> {
    const NODE_JS_PROPERTY: &str = "length";
    let length_of = |v: &Value<'js>| -> rquickjs::Result<Value<'js>> {
        v.as_object().map_or_else(
            || Ok(Value::new_undefined(ctx.clone())),
            |o| o.get(NODE_JS_PROPERTY),
        )
    };
    let throw = |e: &NodeError| crate::error::throw_node_error(ctx, e);
    // The JS number a value compares as (`None`: `undefined`, which compares false).
    let num = |v: &Value<'js>| -> rquickjs::Result<Option<f64>> {
        if v.is_undefined() {
            Ok(None)
        } else {
            crate::args::to_number(ctx, v).map(Some)
        }
    };
    // Node's `validateOffset(value, name, 0, max)`; a `max` that is no number bounds nothing
    // (JS comparisons with it are false).
    let check = |v: &Value<'js>, name: &str, max: Option<f64>| -> rquickjs::Result<()> {
        let max = max.unwrap_or(f64::INFINITY);
        if v.is_undefined()
            || v.as_number()
                .is_some_and(|n| n.fract() == 0.0 && !(n < 0.0 || n > max))
        {
            return Ok(());
        }
        let mut shown =
            crate::args::Prepared::new(ctx, std::slice::from_ref(v), &[crate::args::coerce::NONE])?;
        let e = shown.error_with(ctx, |a| {
            validate_integer(&a[0], name, 0.0, max)
                .err()
                .unwrap_or_else(|| NodeError::internal("compare: an offset passed twice"))
        });
        Err(throw(&e))
    };
    // One end: the visible length when `undefined`, else validated against it.
    let end = |v: &Value<'js>, name: &str, visible: &Value<'js>| -> rquickjs::Result<Value<'js>> {
        if v.is_undefined() {
            return Ok(visible.clone());
        }
        check(v, name, visible.as_number())?;
        Ok(v.clone())
    };
    let target = &args[0];
    check(&args[1], "targetStart", Some(K_MAX_LENGTH))?;
    let te = end(&args[2], "targetEnd", &length_of(target)?)?;
    check(&args[3], "sourceStart", Some(K_MAX_LENGTH))?;
    let se = end(&args[4], "sourceEnd", &length_of(this)?)?;
    let ts = num(&args[1])?.unwrap_or(0.0);
    let ss = num(&args[3])?.unwrap_or(0.0);
    let (te_n, se_n) = (num(&te)?, num(&se)?);
    let answer = |n: i32| Ok(Some(Value::new_number(ctx.clone(), f64::from(n))));
    if se_n.is_some_and(|se| ss >= se) {
        return answer(if te_n.is_some_and(|te| ts >= te) {
            0
        } else {
            -1
        });
    }
    if te_n.is_some_and(|te| ts >= te) {
        return answer(1);
    }
    // Resolved from the slots, with no JS from here to the last use.
    let (Some((sp, sl)), Some((tp, tl))) = (
        crate::raw::uint8_array(ctx, this),
        crate::raw::uint8_array(ctx, target),
    ) else {
        return Ok(None);
    };
    // SAFETY: both located just now from the engine's slots, with no JS since; only read.
    let (source, target) = unsafe {
        (
            std::slice::from_raw_parts(sp, sl),
            std::slice::from_raw_parts(tp, tl),
        )
    };
    let offsets = [Some(ts), Some(ss), te_n, se_n];
    match api::compare_offset(source, target, offsets) {
        Ok(n) => answer(n),
        Err(e) => Err(throw(&e)),
    }
}

/// `Buffer.compare(buf1, buf2)`.
pub struct CompareStatic;

impl Method for CompareStatic {
    type This<'a> = ();
    type Out = i32;
    const ARITY: usize = 2;
    const VIEWS: u8 = 0b11;

    #[inline(always)]
    fn op(_: (), a: &[Arg<'_>], _: Call) -> Result<i32, NodeError> {
        api::buffer_compare(&a[0], &a[1])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: i32) -> Raw {
        number(f64::from(out))
    }
}
