//! Native half of `require('async_hooks')`: the engine's continuation value (nodebuf's engine
//! patch `quickjs-0003-continuation-data.patch`, docs/ENGINE-PATCHES.md). The JS half keeps
//! its async context frame there; the engine hands every promise reaction the frame that was
//! current at `then`/`await` time and every other job the frame current when it was queued,
//! which is how Node's AsyncLocalStorage follows promises and `await`.

use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

extern "C" {
    fn JS_GetContinuationData(ctx: *mut qjs::JSContext) -> qjs::JSValue;
    fn JS_SetContinuationData(ctx: *mut qjs::JSContext, val: qjs::JSValue);
}

/// `native.getAsyncFrame()`: the frame current now (`undefined` before any was set).
fn get_frame(ctx: Ctx<'_>) -> Value<'_> {
    // SAFETY: the context is live (we are in a call on it); the getter returns a new
    // reference, which the `Value` owns from here.
    unsafe { Value::from_raw(ctx.clone(), JS_GetContinuationData(ctx.as_raw().as_ptr())) }
}

/// `native.setAsyncFrame(frame)`: makes `frame` current (the engine keeps its own reference).
fn set_frame<'js>(ctx: Ctx<'js>, frame: Value<'js>) {
    // SAFETY: the context is live; the setter duplicates the borrowed value, `frame` keeps
    // (and later drops) its own reference.
    unsafe { JS_SetContinuationData(ctx.as_raw().as_ptr(), frame.as_raw()) }
}

/// Adds `getAsyncFrame`/`setAsyncFrame` to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("getAsyncFrame", Function::new(ctx.clone(), get_frame)?)?;
    native.set("setAsyncFrame", Function::new(ctx.clone(), set_frame)?)?;
    Ok(())
}
