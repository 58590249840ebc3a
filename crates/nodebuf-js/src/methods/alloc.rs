//! `Buffer.alloc` and `Buffer.allocUnsafe`, declared once each as a [`Method`].

use nodebuf_core::api;
use nodebuf_core::api::statics::OnHeapBytes;
use nodebuf_core::args::Arg;
use nodebuf_core::{Buffer as CoreBuffer, NodeError};
use rquickjs::{qjs, Ctx, Value};

use std::ffi::c_int;

use crate::engine::Raw;
use crate::method::{Call, Method, MAX_ARITY};
use crate::methods::bytes::Fill;
use crate::order::{NV, O, S};
use crate::retention::{noted, ViewApi};
use crate::state::CtxState;

/// A new Buffer as `Buffer.alloc`/`allocUnsafeSlow` make it: on V8's heap when Node's is
/// (small, no native fill: the engine's own typed-array allocation, no ArrayBuffer until one is
/// asked for), else over a store of its own.
pub enum Fresh {
    /// At most `ON_HEAP_MAX` bytes, kept inside the engine's typed array.
    OnHeap(OnHeapBytes),
    /// A Buffer with a store of its own.
    Store(CoreBuffer),
}

impl Fresh {
    /// The JS Buffer, as a raw owned value (or `JS_EXCEPTION` with the exception pending).
    pub fn to_js_raw(&self, st: &CtxState<'_>) -> Raw {
        match self {
            Fresh::OnHeap(bytes) => st.on_heap_raw(bytes.as_slice()),
            Fresh::Store(buf) => st.to_js_raw(buf),
        }
    }
}

/// `Buffer.alloc(size, fill, encoding)`.
pub struct Alloc;

impl Method for Alloc {
    type This<'a> = ();
    type Out = Fresh;
    const ARITY: usize = 3;
    const VIEWS: u8 = 0b010;

    #[inline(always)]
    fn op(_: (), a: &[Arg<'_>], _: Call) -> Result<Fresh, NodeError> {
        if let Some(bytes) = api::statics::alloc_on_heap(&a[0], &a[1], &a[2])? {
            return Ok(Fresh::OnHeap(bytes));
        }
        api::statics::alloc(&a[0], &a[1], &a[2]).map(Fresh::Store)
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, st: &CtxState<'_>, _: Raw, out: Fresh) -> Raw {
        out.to_js_raw(st)
    }

    /// Node fills (converting an object fill with valueOf, naming a string fill's encoding)
    /// only after `size` passed its check and is not 0.
    fn flags(args: &[Value<'_>], _: Call) -> [u8; MAX_ARITY] {
        let fills = args[0]
            .as_number()
            .is_some_and(|n| n > 0.0 && n <= nodebuf_core::memory::max_length() as f64);
        let names = args[1].is_string() && crate::order::names_encoding(&args[2]);
        match (fills, names) {
            (false, _) => [O; MAX_ARITY],
            (true, false) => [O, NV, O, O, O, O],
            (true, true) => [O, NV, S, O, O, O],
        }
    }

    /// A fill that is a DataView over a detached or out-of-bounds buffer: Node's fill refuses
    /// it (`raw::gone_data_view_error`). A fill
    /// where a script redefined what a new Buffer's `length` reads: Node's
    /// `_fill(buf, fill, 0, buf.length, encoding)`, through [`Fill`]'s general path (its
    /// second read of `buf.length` and its bounds check).
    fn before<'js>(
        ctx: &Ctx<'js>,
        st: &CtxState<'_>,
        _: &Value<'js>,
        a: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        let fills = Self::flags(a, call)[1] == NV && !is_zero_or_undefined(&a[1]);
        if fills && !fresh_length_is_intrinsic(ctx, st) {
            let size = a[0].as_number().unwrap_or(0.0);
            let made = api::statics::alloc(&Arg::Number(size), &Arg::Undefined, &Arg::Undefined)
                .map_err(|e| crate::throw_node_error(ctx, &e))?;
            let buf = crate::state::to_js(ctx, &made)?;
            let Some(obj) = buf.as_object() else {
                return Ok(None);
            };
            // Node's JS read of the new Buffer's `length` (an ordinary property get).
            const NODE_JS_PROPERTY: &str = "length";
            let visible: Value = obj.get(NODE_JS_PROPERTY)?;
            let zero = Value::new_number(ctx.clone(), 0.0);
            let args = [a[1].clone(), zero, visible, a[2].clone()];
            let fill_call = Call { magic: 0, argc: 4 };
            return crate::method::run_general::<Fill>(ctx, st, buf, &args, fill_call).map(Some);
        }
        if Self::flags(a, call)[1] == NV && crate::raw::is_gone_data_view(ctx, &a[1]) {
            return Err(crate::raw::gone_data_view_error(ctx, &a[1]));
        }
        Ok(None)
    }

    /// A call that fills takes the plain path only while a new Buffer's `length` reads the
    /// engine's own getter.
    #[inline(always)]
    unsafe fn plain_allowed(
        ctx: *mut qjs::JSContext,
        st: &CtxState<'_>,
        argc: c_int,
        argv: *mut Raw,
    ) -> bool {
        // SAFETY: the engine's `argc` values at `argv`.
        let fill = unsafe { crate::engine::arg(argc, argv, 1) };
        let tag = crate::engine::tag(fill);
        // SAFETY: the accessor matches the tag.
        let plain_fill = tag == qjs::JS_TAG_UNDEFINED
            || tag == qjs::JS_TAG_INT && unsafe { qjs::JS_VALUE_GET_INT(fill) } == 0;
        if plain_fill {
            return true;
        }
        // SAFETY: a live prototype of this runtime; the atom is the install's `length`.
        unsafe {
            crate::raw::inherited_length_is_intrinsic_raw(
                ctx,
                st.buffer_prototype.as_raw(),
                st.atoms.length,
            )
        }
    }
}

/// Node's `fill !== undefined && fill !== 0`, negated (`-0 === 0`).
fn is_zero_or_undefined(v: &Value<'_>) -> bool {
    v.is_undefined() || v.as_number() == Some(0.0)
}

/// Whether reading a new Buffer's `length` runs only the engine's own getter: a new Buffer has
/// no own properties, so this asks about `Buffer.prototype` and the prototypes above it.
fn fresh_length_is_intrinsic(ctx: &Ctx<'_>, st: &CtxState<'_>) -> bool {
    // SAFETY: a live context and prototype of this runtime; the atom is the install's `length`.
    unsafe {
        crate::raw::inherited_length_is_intrinsic_raw(
            ctx.as_raw().as_ptr(),
            st.buffer_prototype.as_raw(),
            st.atoms.length,
        )
    }
}

/// `Buffer.allocUnsafe(size)`.
pub struct AllocUnsafe;

impl Method for AllocUnsafe {
    type This<'a> = ();
    type Out = Fresh;
    const ARITY: usize = 1;

    /// Node's `allocUnsafe(0)` is `new FastBuffer()` (no pool view, no ArrayBuffer); other
    /// sizes are pooled when small.
    #[inline(always)]
    fn op(_: (), a: &[Arg<'_>], _: Call) -> Result<Fresh, NodeError> {
        if matches!(a[0], Arg::Number(n) if n == 0.0) {
            return Ok(Fresh::OnHeap(OnHeapBytes::EMPTY));
        }
        api::statics::alloc_unsafe(&a[0]).map(Fresh::Store)
    }

    #[inline(always)]
    unsafe fn ret(ctx: *mut qjs::JSContext, st: &CtxState<'_>, _: Raw, out: Fresh) -> Raw {
        // SAFETY: `ctx` is `st`'s context; the new Buffer is owned here and given up.
        unsafe { noted(ctx, st, out.to_js_raw(st), ViewApi::AllocUnsafe) }
    }
}
