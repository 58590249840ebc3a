//! Native half of `require('async_hooks')`: the engine's continuation value (nodebuf's engine
//! patch `quickjs-0009-continuation-data.patch`, docs/ENGINE-PATCHES.md). The JS half keeps
//! its async context frame there; the engine hands every promise reaction the frame that was
//! current at `then`/`await` time and every other job the frame current when it was queued,
//! which is how Node's AsyncLocalStorage follows promises and `await`.

use std::cell::RefCell;
use std::ptr::NonNull;

use rquickjs::{qjs, Ctx, Function, Object, Persistent, Result, Value};

thread_local! {
    /// The JS function told about promise events while promise hooks are on.
    static PROMISE_HOOK: RefCell<Option<Persistent<Function<'static>>>> = const { RefCell::new(None) };
}

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

// The engine's promise hook: hands (kind, promise, parent) to the saved JS function. Kinds:
// 0 init (parent: the promise `then` was called on or `await` waits on, else undefined), 1
// before and 2 after a reaction of `promise` runs (engine patches quickjs-0010 and -0013; an
// `await` continuation is the reaction of its throwaway promise), 3 resolve (settled).
unsafe extern "C" fn promise_hook(
    ctx: *mut qjs::JSContext,
    kind: qjs::JSPromiseHookType,
    promise: qjs::JSValue,
    parent: qjs::JSValue,
    _opaque: *mut std::ffi::c_void,
) {
    let Some(raw) = NonNull::new(ctx) else {
        return;
    };
    // SAFETY: the engine calls the hook on its own thread with a live context, inside a call
    // we already hold the runtime for.
    let ctx = unsafe { Ctx::from_raw(raw) };
    let Some(hook) = PROMISE_HOOK.with(|slot| slot.borrow().clone()) else {
        return;
    };
    let Ok(hook) = hook.restore(&ctx) else {
        return;
    };
    // SAFETY: both values are borrowed from the engine for this call; duplicating them gives
    // the `Value`s their own references.
    let (promise, parent) = unsafe {
        (
            Value::from_raw(
                ctx.clone(),
                qjs::JS_DupValue(ctx.as_raw().as_ptr(), promise),
            ),
            Value::from_raw(ctx.clone(), qjs::JS_DupValue(ctx.as_raw().as_ptr(), parent)),
        )
    };
    // The JS side turns its own failures into a fatal error; anything left is dropped here so
    // the engine's own exception state is untouched.
    if hook.call::<_, ()>((kind as i32, promise, parent)).is_err() {
        let _ = ctx.catch();
    }
}

/// `native.setPromiseHook(fn | undefined)`: turns the engine's promise hook on (calling `fn`)
/// or off.
fn set_promise_hook<'js>(ctx: Ctx<'js>, hook: Option<Function<'js>>) {
    let on = hook.is_some();
    let saved = hook.map(|f| Persistent::save(&ctx, f));
    PROMISE_HOOK.with(|slot| *slot.borrow_mut() = saved);
    // SAFETY: the runtime of a live context is live; the hook is a plain function that only
    // reads thread-local state.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        qjs::JS_SetPromiseHook(
            rt,
            if on { Some(promise_hook) } else { None },
            std::ptr::null_mut(),
        );
    }
}

/// Drops the saved promise hook function (before the runtime goes away).
pub fn clear() {
    PROMISE_HOOK.with(|slot| slot.borrow_mut().take());
}

/// Adds `getAsyncFrame`/`setAsyncFrame`/`setPromiseHook` to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("getAsyncFrame", Function::new(ctx.clone(), get_frame)?)?;
    native.set("setAsyncFrame", Function::new(ctx.clone(), set_frame)?)?;
    native.set(
        "setPromiseHook",
        Function::new(ctx.clone(), set_promise_hook)?,
    )?;
    Ok(())
}
