//! Per-context state of an installed Buffer, kept in the runtime's userdata: the constructors the
//! natives need to make Buffers, the JS ArrayBuffer of the current pool slab, the options, and
//! the host's `util.inspect` (for error messages that show objects).
//!
//! The state holds JS values; rquickjs drops userdata before it frees the runtime, so they are
//! released in time.

use std::cell::RefCell;

use nodebuf_core::memory::EngineSource;
use nodebuf_core::Buffer as CoreBuffer;
use rquickjs::{qjs, ArrayBuffer, Ctx, Function, JsLifetime, Object, Value};

/// The owner QuickJS holds for an ArrayBuffer made over a core store (see
/// `nodebuf_core::memory::EngineSource`). Dropping it (when the engine collects the
/// ArrayBuffer) releases the store.
pub struct StoreSource(pub EngineSource);

// SAFETY: `as_ptr`/`len` are stable for the life of the source and the memory is valid for reads
// and writes (the core's contract for EngineSource). The engine writes it only while JS runs;
// this crate never runs JS while a slice of store bytes it made is alive, and it never uses the
// core's borrow-tracked accessors across JS calls.
unsafe impl rquickjs::ArrayBufferSource for StoreSource {
    fn as_ptr(&self) -> *mut u8 {
        self.0.as_ptr()
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

/// One installed Buffer (one context).
pub struct CtxState<'js> {
    ctx_ptr: *mut qjs::JSContext,
    /// The internal `FastBuffer` class (`FastBuffer.prototype === Buffer.prototype`).
    pub fast_buffer: Value<'js>,
    /// `Uint8Array`, constructed with `FastBuffer` as new.target (no JS frame per Buffer).
    pub uint8_array: Value<'js>,
    /// The current pool slab's id and its JS ArrayBuffer: consecutive pooled Buffers share it.
    pub slab: Option<(u64, ArrayBuffer<'js>)>,
    /// `util.inspect` of the host, if it gave one.
    pub inspect: Option<Function<'js>>,
    /// Told about each new pool slab ArrayBuffer (the JS half marks it untransferable).
    pub on_slab: Option<Function<'js>>,
}

/// All installs of this runtime.
#[derive(Default)]
pub struct States<'js> {
    list: RefCell<Vec<CtxState<'js>>>,
}

// SAFETY: every `'js` value in `States` is tied to the runtime whose userdata holds it, and
// `Changed` only renames that lifetime.
unsafe impl<'js> JsLifetime<'js> for States<'js> {
    type Changed<'to> = States<'to>;
}

/// Registers the state of a new install on `ctx` (replacing an earlier install on the same
/// context).
pub fn register<'js>(ctx: &Ctx<'js>, fast_buffer: Value<'js>) -> rquickjs::Result<()> {
    let uint8_array: Value = ctx.globals().get("Uint8Array")?;
    if ctx.userdata::<States<'js>>().is_none() {
        let _ = ctx.store_userdata(States::<'js>::default());
    }
    let states = ctx
        .userdata::<States<'js>>()
        .ok_or_else(|| rquickjs::Error::new_from_js("userdata", "Buffer state"))?;
    let ctx_ptr = ctx.as_raw().as_ptr();
    let mut list = states.list.borrow_mut();
    list.retain(|s| s.ctx_ptr != ctx_ptr);
    list.push(CtxState {
        ctx_ptr,
        fast_buffer,
        uint8_array,
        slab: None,
        inspect: None,
        on_slab: None,
    });
    Ok(())
}

/// Runs `f` on this context's state (`None` if Buffer was not installed here). `f` must not
/// run JS (the state is borrowed).
pub fn with<'js, R>(ctx: &Ctx<'js>, f: impl FnOnce(&mut CtxState<'js>) -> R) -> Option<R> {
    let states = ctx.userdata::<States<'js>>()?;
    let ctx_ptr = ctx.as_raw().as_ptr();
    let mut list = states.list.try_borrow_mut().ok()?;
    let state = list.iter_mut().find(|s| s.ctx_ptr == ctx_ptr)?;
    Some(f(state))
}

fn missing() -> rquickjs::Error {
    rquickjs::Error::new_from_js("context", "Buffer (not installed in this context)")
}

/// The host's `util.inspect`, if any.
pub fn inspect_fn<'js>(ctx: &Ctx<'js>) -> Option<Function<'js>> {
    with(ctx, |s| s.inspect.clone()).flatten()
}

/// The JS ArrayBuffer over `buf`'s store: the cached one for the current pool slab, else a new
/// external ArrayBuffer owning an [`EngineSource`] (no copy).
fn array_buffer_for<'js>(ctx: &Ctx<'js>, buf: &CoreBuffer) -> rquickjs::Result<ArrayBuffer<'js>> {
    let id = buf.store_id();
    let cached = with(ctx, |s| match &s.slab {
        Some((slab_id, ab)) if *slab_id == id => Some(ab.clone()),
        _ => None,
    })
    .ok_or_else(missing)?;
    if let Some(ab) = cached {
        return Ok(ab);
    }
    let ab = ArrayBuffer::from_source(ctx.clone(), StoreSource(buf.engine_source()))?;
    if buf.buffer().kind() == nodebuf_core::memory::StoreKind::Pool {
        // Holding the newest slab's ArrayBuffer keeps it alive while it is the pool's current
        // slab; the previous one is released as Node's is once no Buffer uses it.
        let hook = with(ctx, |s| {
            s.slab = Some((id, ab.clone()));
            s.on_slab.clone()
        })
        .flatten();
        if let Some(hook) = hook {
            hook.call::<_, ()>((ab.clone(),))?;
        }
    }
    Ok(ab)
}

/// The JS Buffer (a `FastBuffer`) viewing the same bytes as the core Buffer `buf`.
pub fn to_js<'js>(ctx: &Ctx<'js>, buf: &CoreBuffer) -> rquickjs::Result<Value<'js>> {
    let ab = array_buffer_for(ctx, buf)?;
    let (target, ctor) =
        with(ctx, |s| (s.fast_buffer.clone(), s.uint8_array.clone())).ok_or_else(missing)?;
    construct(
        ctx,
        &ctor,
        &target,
        ab.as_value(),
        buf.byte_offset(),
        buf.len(),
    )
}

/// A new `FastBuffer` over `len` bytes at `offset` of the JS ArrayBuffer `ab`.
pub fn view_of<'js>(
    ctx: &Ctx<'js>,
    ab: &Value<'js>,
    offset: usize,
    len: usize,
) -> rquickjs::Result<Value<'js>> {
    let (target, ctor) =
        with(ctx, |s| (s.fast_buffer.clone(), s.uint8_array.clone())).ok_or_else(missing)?;
    construct(ctx, &ctor, &target, ab, offset, len)
}

fn construct<'js>(
    ctx: &Ctx<'js>,
    ctor: &Value<'js>,
    new_target: &Value<'js>,
    ab: &Value<'js>,
    offset: usize,
    len: usize,
) -> rquickjs::Result<Value<'js>> {
    let args = [
        ab.as_raw(),
        Value::new_number(ctx.clone(), offset as f64).as_raw(),
        Value::new_number(ctx.clone(), len as f64).as_raw(),
    ];
    // SAFETY: `Reflect.construct(Uint8Array, [ab, offset, len], FastBuffer)`: all values are
    // live for the call (numbers are not reference counted); the result is a new reference owned
    // by the returned `Value` (or JS_EXCEPTION, turned into an error).
    let raw = unsafe {
        qjs::JS_CallConstructor2(
            ctx.as_raw().as_ptr(),
            ctor.as_raw(),
            new_target.as_raw(),
            3,
            args.as_ptr() as *mut qjs::JSValue,
        )
    };
    // SAFETY: see above.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// Sets the function told about each new pool slab ArrayBuffer.
pub fn set_slab_hook<'js>(ctx: &Ctx<'js>, f: Function<'js>) {
    with(ctx, |s| s.on_slab = Some(f));
}

/// Sets the host's inspect function.
pub fn set_inspect<'js>(ctx: &Ctx<'js>, f: Function<'js>) {
    with(ctx, |s| s.inspect = Some(f));
}

/// Whether `obj` has this context's Buffer prototype in its chain (`obj instanceof Buffer`).
pub fn is_buffer<'js>(ctx: &Ctx<'js>, obj: &Object<'js>) -> bool {
    let Some(fb) = with(ctx, |s| s.fast_buffer.clone()) else {
        return false;
    };
    // SAFETY: both are live values of this context; `FastBuffer` is an ordinary class, so
    // instanceof runs no user code (no Symbol.hasInstance of its own).
    unsafe { qjs::JS_IsInstanceOf(ctx.as_raw().as_ptr(), obj.as_raw(), fb.as_raw()) == 1 }
}
