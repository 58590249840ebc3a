//! Searching and comparing: `indexOf`/`lastIndexOf`/`includes`, `equals`, `compare`, and
//! `Buffer.compare`, each declared once as a [`Method`].

use nodebuf_core::api;
use nodebuf_core::args::Arg;
use nodebuf_core::NodeError;
use rquickjs::{qjs, Ctx, Value};

use crate::engine::{boolean, number, Raw};
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

    /// Node clamps an object `byteOffset` with two comparisons (`> 0x7fffffff`,
    /// `< -0x80000000`) before `+byteOffset`: each converts it afresh (valueOf runs up to
    /// three times), and a BigInt passes the comparisons but not `+`.
    fn before<'js>(
        ctx: &Ctx<'js>,
        _: &CtxState<'_>,
        _: &Value<'js>,
        args: &mut [Value<'js>],
        _: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if !args[1].is_object() {
            return Ok(None);
        }
        let clamped = if order::relational(ctx, &args[1])? > f64::from(i32::MAX) {
            f64::from(i32::MAX)
        } else if order::relational(ctx, &args[1])? < f64::from(i32::MIN) {
            f64::from(i32::MIN)
        } else {
            crate::args::to_number(ctx, &args[1])?
        };
        args[1] = Value::new_number(ctx.clone(), clamped);
        Ok(None)
    }
}

/// `buf.equals(otherBuffer)`.
pub struct Equals;

impl Method for Equals {
    type This<'a> = &'a [u8];
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
    type Out = i32;
    const ARITY: usize = 5;
    const VIEWS: u8 = 0b00001;

    #[inline(always)]
    fn op(bytes: &[u8], a: &[Arg<'_>], _: Call) -> Result<i32, NodeError> {
        api::compare(bytes, &a[0], &a[1], &a[2], &a[3], &a[4])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, _: &CtxState<'_>, _: Raw, out: i32) -> Raw {
        number(f64::from(out))
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
