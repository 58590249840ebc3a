//! `Buffer.alloc` and `Buffer.allocUnsafe`, declared once each as a [`Method`].

use nodebuf_core::api;
use nodebuf_core::args::Arg;
use nodebuf_core::{Buffer as CoreBuffer, NodeError};
use rquickjs::{qjs, Ctx, Value};

use crate::engine::Raw;
use crate::method::{Call, Method, MAX_ARITY};
use crate::order::{NV, O, S};
use crate::retention::{noted, ViewApi};
use crate::state::CtxState;

/// `Buffer.alloc(size, fill, encoding)`.
pub struct Alloc;

impl Method for Alloc {
    type This<'a> = ();
    type Out = CoreBuffer;
    const ARITY: usize = 3;
    const VIEWS: u8 = 0b010;

    #[inline(always)]
    fn op(_: (), a: &[Arg<'_>], _: Call) -> Result<CoreBuffer, NodeError> {
        api::statics::alloc(&a[0], &a[1], &a[2])
    }

    #[inline(always)]
    unsafe fn ret(_: *mut qjs::JSContext, st: &CtxState<'_>, _: Raw, out: CoreBuffer) -> Raw {
        st.to_js_raw(&out)
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

    /// A fill that is a DataView over a detached or out-of-bounds buffer: Node's fill formats
    /// its "invalid value" error by reading the view's `byteLength`, V8's TypeError.
    fn before<'js>(
        ctx: &Ctx<'js>,
        _: &CtxState<'_>,
        _: &Value<'js>,
        a: &mut [Value<'js>],
        call: Call,
    ) -> rquickjs::Result<Option<Value<'js>>> {
        if Self::flags(a, call)[1] == NV && crate::raw::is_gone_data_view(ctx, &a[1]) {
            return Err(crate::raw::throw_gone_data_view(ctx, "byteLength"));
        }
        Ok(None)
    }
}

/// `Buffer.allocUnsafe(size)`.
pub struct AllocUnsafe;

impl Method for AllocUnsafe {
    type This<'a> = ();
    type Out = CoreBuffer;
    const ARITY: usize = 1;

    #[inline(always)]
    fn op(_: (), a: &[Arg<'_>], _: Call) -> Result<CoreBuffer, NodeError> {
        api::statics::alloc_unsafe(&a[0])
    }

    #[inline(always)]
    unsafe fn ret(ctx: *mut qjs::JSContext, st: &CtxState<'_>, _: Raw, out: CoreBuffer) -> Raw {
        // SAFETY: `ctx` is `st`'s context; the new Buffer is owned here and given up.
        unsafe { noted(ctx, st, st.to_js_raw(&out), ViewApi::AllocUnsafe) }
    }
}
