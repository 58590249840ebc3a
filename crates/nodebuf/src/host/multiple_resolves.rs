//! Node's `'multipleResolves'` process event at the engine's end: a promise's resolve or reject
//! function called after the promise was already resolved (V8's
//! kPromiseResolveAfterResolved / kPromiseRejectAfterResolved) is told to a JS hook (engine patch
//! `quickjs-0078-multiple-resolves`). The engine's tracker is installed with the hook, which the
//! process object sets when the event gets its first listener, so scripts that never listen
//! pay nothing.

use std::cell::RefCell;
use std::ptr::NonNull;

use rquickjs::{qjs, Ctx, Function, Persistent, Value};

thread_local! {
    /// The JS function told `(isReject, promise, value)` for each extra resolve or reject.
    static HOOK: RefCell<Option<Persistent<Function<'static>>>> = const { RefCell::new(None) };
}

type Tracker = unsafe extern "C" fn(
    ctx: *mut qjs::JSContext,
    promise: qjs::JSValue,
    value: qjs::JSValue,
    is_reject: bool,
    opaque: *mut std::ffi::c_void,
);

extern "C" {
    /// Engine patch 0078: the runtime's tracker of resolving functions called again.
    fn JS_SetHostPromiseMultipleResolvesTracker(
        rt: *mut qjs::JSRuntime,
        cb: Option<Tracker>,
        opaque: *mut std::ffi::c_void,
    );
}

/// The engine's callback: hands the promise and value to the hook; an exception the hook
/// throws is dropped (the resolving function's caller sees none, as in V8).
unsafe extern "C" fn on_multiple_resolves(
    ctx: *mut qjs::JSContext,
    promise: qjs::JSValue,
    value: qjs::JSValue,
    is_reject: bool,
    _opaque: *mut std::ffi::c_void,
) {
    let Some(raw_ctx) = NonNull::new(ctx) else {
        return;
    };
    let Some(hook) = HOOK.with(|slot| slot.borrow().clone()) else {
        return;
    };
    // A panic must not unwind into C.
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // SAFETY: the engine calls this with its live context and two borrowed values; each
        // is duplicated into an owned rquickjs handle for the duration of the call.
        let ctx = unsafe { Ctx::from_raw(raw_ctx) };
        let promise =
            unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx.as_ptr(), promise)) };
        let value =
            unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx.as_ptr(), value)) };
        if let Ok(hook) = hook.restore(&ctx) {
            let called: rquickjs::Result<()> = hook.call((is_reject, promise, value));
            if called.is_err() {
                drop(ctx.catch());
            }
        }
    }));
}

/// `native.setMultipleResolvesHook(fn)`: from now on `fn(isReject, promise, value)` runs for
/// every resolve or reject of an already resolved promise on this thread.
pub fn set_hook<'js>(ctx: Ctx<'js>, hook: Function<'js>) {
    let saved = Persistent::save(&ctx, hook);
    HOOK.with(|slot| *slot.borrow_mut() = Some(saved));
    // SAFETY: the runtime of a live context; the callback is a plain function that reads
    // only its arguments and this thread's hook.
    unsafe {
        JS_SetHostPromiseMultipleResolvesTracker(
            qjs::JS_GetRuntime(ctx.as_raw().as_ptr()),
            Some(on_multiple_resolves),
            std::ptr::null_mut(),
        )
    };
}

/// Drops the hook (before the runtime goes away).
pub fn clear() {
    HOOK.with(|slot| slot.borrow_mut().take());
}
