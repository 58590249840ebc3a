//! Every JS `SharedArrayBuffer` in the process is a [`nodebuf_core::memory::shared::SharedArrayBuffer`],
//! so the same memory can appear in several QuickJS runtimes (one per thread) and is counted in
//! `process.memoryUsage().arrayBuffers`, as Node counts SharedArrayBuffers.
//!
//! One mechanism only (see NODE-FACTS §6): QuickJS's SharedArrayBuffer allocator hooks. Every
//! runtime gets `sab_alloc` (a new core store, registered by its address) and `sab_free` (drops
//! one JS reference; the last one drops the registry's handle). `sab_dup` stays unset: wrapping
//! an existing store in another runtime goes through [`wrap`], which counts the reference under
//! the registry lock itself, so a store travelling in a message (held by the message's own
//! handle) can never be freed between the registry update and the JS object's creation.
//!
//! Because `sab_free` is installed, nothing in these runtimes may create SharedArrayBuffers with
//! rquickjs's `ArrayBuffer::from_source_shared`: QuickJS would call `sab_free` instead of dropping
//! the source (a leak, not UB, since unknown addresses are ignored). Use [`wrap`] instead.

use std::collections::HashMap;
use std::ffi::c_void;
use std::sync::{Mutex, MutexGuard};

use nodebuf_core::memory::shared::SharedArrayBuffer;
use rquickjs::{qjs, Ctx, Function, Value};

/// A store some JS objects point at, and how many of them do.
struct Entry {
    store: SharedArrayBuffer,
    js_refs: usize,
}

/// Live stores by the address of their first byte. Addresses are unique among live stores
/// because every registered store has at least one byte (QuickJS asks for `max(len, 1)` and
/// [`wrap`] never registers an empty store).
static REGISTRY: Mutex<Option<HashMap<usize, Entry>>> = Mutex::new(None);

fn registry() -> MutexGuard<'static, Option<HashMap<usize, Entry>>> {
    // Every update is a single insert/remove, so a poisoned lock still holds a consistent map.
    REGISTRY.lock().unwrap_or_else(|p| p.into_inner())
}

unsafe extern "C" fn sab_alloc(opaque: *mut c_void, size: qjs::size_t) -> *mut c_void {
    let Ok(store) = SharedArrayBuffer::new(size as usize) else {
        // QuickJS reports a null result as an exception without setting one: set V8's (what
        // Node throws when the OS, or the thread's memory budget, refuses the bytes).
        // SAFETY: `opaque` is the context `install` registered, alive as long as its runtime
        // (the runner drops the runtime after the context); the format string is a constant
        // with no conversions.
        unsafe {
            qjs::JS_ThrowRangeError(opaque.cast(), c"Array buffer allocation failed".as_ptr());
        }
        return std::ptr::null_mut();
    };
    let ptr = store.as_ptr();
    registry()
        .get_or_insert_with(HashMap::new)
        .insert(ptr as usize, Entry { store, js_refs: 1 });
    ptr.cast()
}

unsafe extern "C" fn sab_free(_opaque: *mut c_void, ptr: *mut c_void) {
    let mut guard = registry();
    let Some(map) = guard.as_mut() else { return };
    let key = ptr as usize;
    let last = match map.get_mut(&key) {
        Some(entry) => {
            entry.js_refs -= 1;
            entry.js_refs == 0
        }
        None => false,
    };
    if last {
        // Dropping the handle outside the map frees the bytes once no message holds a clone.
        let removed = map.remove(&key);
        drop(guard);
        drop(removed);
    }
}

/// Makes every SharedArrayBuffer that the runtime of `ctx` allocates a core store, and lets
/// `Atomics.wait` block on this thread (Node allows it on the main thread and in workers).
pub fn install(ctx: &Ctx<'_>) {
    let functions = qjs::JSSharedArrayBufferFunctions {
        sab_alloc: Some(sab_alloc),
        sab_free: Some(sab_free),
        sab_dup: None,
        // The context allocation failures are thrown in (the runtime's exception slot is
        // shared by its contexts, so this works for `vm` realms too).
        sab_opaque: ctx.as_raw().as_ptr().cast(),
    };
    // SAFETY: the runtime of our live context; QuickJS copies the function table.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        qjs::JS_SetSharedArrayBufferFunctions(rt, &functions);
        qjs::JS_SetCanBlock(rt, true);
    }
}

/// The core store behind a JS SharedArrayBuffer of this process, or `None` when `value` is not
/// one (or was made outside the hooks).
pub fn store_of<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<SharedArrayBuffer> {
    if !value.is_object() {
        return None;
    }
    let mut len: qjs::size_t = 0;
    // SAFETY: `value` is a live object of this context; JS_GetArrayBuffer only reads it and
    // returns null (raising a TypeError we clear) for anything but a live (Shared)ArrayBuffer.
    let ptr = unsafe { qjs::JS_GetArrayBuffer(ctx.as_raw().as_ptr(), &mut len, value.as_raw()) };
    if ptr.is_null() {
        let _ = ctx.catch();
        return None;
    }
    registry()
        .as_ref()?
        .get(&(ptr as usize))
        .map(|entry| entry.store.clone())
}

/// A JS SharedArrayBuffer in the context `ctx` over the same memory as `store` (what a worker
/// receives when a SharedArrayBuffer is posted to it).
pub fn wrap<'js>(ctx: &Ctx<'js>, store: &SharedArrayBuffer) -> rquickjs::Result<Value<'js>> {
    let len = store.byte_length();
    if len == 0 {
        // Empty stores share nothing (and have no unique address): make a fresh one.
        let ctor: Function = ctx.globals().get("SharedArrayBuffer")?;
        return rquickjs::function::Constructor::from_value(ctor.into_value())?.construct((0,));
    }
    let ptr = store.as_ptr();
    registry()
        .get_or_insert_with(HashMap::new)
        .entry(ptr as usize)
        .or_insert_with(|| Entry {
            store: store.clone(),
            js_refs: 0,
        })
        .js_refs += 1;
    // SAFETY: `ptr` points at `len` bytes kept alive by the registry entry whose reference we
    // just counted; with no realloc function QuickJS never frees or resizes them itself and
    // calls `sab_free(ptr)` exactly once when this object is finalized (or never, on failure,
    // which we undo below).
    let raw = unsafe {
        qjs::JS_NewArrayBuffer(
            ctx.as_raw().as_ptr(),
            ptr,
            len as _,
            0,
            None,
            std::ptr::null_mut(),
            true,
        )
    };
    // SAFETY: a new reference (or the exception marker) that the Value owns from here.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        // SAFETY: undoes the reference counted above; no JS object holds it.
        unsafe { sab_free(std::ptr::null_mut(), ptr.cast()) };
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// How many JS objects (in all runtimes) point at `store` right now.
#[cfg(test)]
pub fn js_refs(store: &SharedArrayBuffer) -> usize {
    registry()
        .as_ref()
        .and_then(|map| map.get(&(store.as_ptr() as usize)))
        .map_or(0, |entry| entry.js_refs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::{Context, Runtime};

    fn context() -> (Runtime, Context) {
        let rt = Runtime::new().unwrap();
        let ctx = Context::full(&rt).unwrap();
        ctx.with(|ctx| install(&ctx));
        (rt, ctx)
    }

    #[test]
    fn js_created_stores_are_core_stores_shared_across_runtimes_and_freed_by_the_last_user() {
        let (rt_a, a) = context();
        let (rt_b, b) = context();
        let before = nodebuf_core::memory::accounting::memory_usage().array_buffers;
        let store = a.with(|ctx| {
            let sab: Value = ctx
                .eval("globalThis.s = new SharedArrayBuffer(1 << 20); new Uint8Array(s)[5] = 7; s")
                .unwrap();
            store_of(&ctx, &sab).expect("a registered store")
        });
        assert_eq!(store.byte_length(), 1 << 20);
        assert!(nodebuf_core::memory::accounting::memory_usage().array_buffers >= before);
        assert_eq!(js_refs(&store), 1);
        b.with(|ctx| {
            let wrapped = wrap(&ctx, &store).unwrap();
            ctx.globals().set("t", wrapped).unwrap();
            let seen: i32 = ctx.eval("new Uint8Array(t)[5]").unwrap();
            assert_eq!(seen, 7);
            let _: () = ctx.eval("new Uint8Array(t)[6] = 9").unwrap();
        });
        assert_eq!(js_refs(&store), 2);
        let seen: i32 = a.with(|ctx| ctx.eval("new Uint8Array(s)[6]").unwrap());
        assert_eq!(seen, 9);
        // Each runtime dropping its object gives back one reference; the last drops the entry.
        a.with(|ctx| {
            let _: () = ctx.eval("delete globalThis.s").unwrap();
        });
        rt_a.run_gc();
        assert_eq!(js_refs(&store), 1);
        b.with(|ctx| {
            let _: () = ctx.eval("delete globalThis.t").unwrap();
        });
        rt_b.run_gc();
        assert_eq!(js_refs(&store), 0);
        // Only our handle is left.
        assert_eq!(store.handle_count(), 1);
    }

    #[test]
    fn empty_and_foreign_values() {
        let (_rt, a) = context();
        a.with(|ctx| {
            let empty = wrap(&ctx, &SharedArrayBuffer::new(0).unwrap()).unwrap();
            ctx.globals().set("e", empty).unwrap();
            let ok: bool = ctx
                .eval("e instanceof SharedArrayBuffer && e.byteLength === 0")
                .unwrap();
            assert!(ok);
            let plain: Value = ctx.eval("new ArrayBuffer(4)").unwrap();
            assert!(store_of(&ctx, &plain).is_none());
            assert!(store_of(&ctx, &Value::new_int(ctx.clone(), 3)).is_none());
            let sliced: bool = ctx
                .eval("const s = new SharedArrayBuffer(8); new Uint8Array(s)[7] = 1; new Uint8Array(s.slice(6))[1] === 1")
                .unwrap();
            assert!(sliced);
        });
    }
}
