//! The realms behind `vm` contexts: each contextified object gets one QuickJS context (a realm
//! of the same runtime, so values pass between them directly) that lives as long as the object,
//! so what one run defines (functions, `let` bindings, the realm's own `Object`) is there for the
//! next run in the same context, as in Node.
//!
//! Node's contextified object *is* the context's global (V8 interceptors); QuickJS has no such
//! hook, so the object's properties are copied onto the realm's global before each run and the
//! globals the code made or changed are copied back after it.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ptr::NonNull;

use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

/// One context's realm and what the syncing needs to know about its global.
struct Entry {
    /// A reference to the realm, released when the entry goes.
    raw: NonNull<qjs::JSContext>,
    /// The global's own names when the realm was made (never copied to the object).
    builtins: HashSet<String>,
    /// The names last copied from the global to the object: one the object no longer has was
    /// deleted from it, and goes from the global too.
    synced: HashSet<String>,
}

impl Drop for Entry {
    fn drop(&mut self) {
        // SAFETY: releases exactly the reference `make` took; values of the realm that are
        // still alive hold their own.
        unsafe { qjs::JS_FreeContext(self.raw.as_ptr()) };
    }
}

thread_local! {
    /// The thread's realms by id (the id is kept on the contextified object); freed slots are
    /// None.
    static REALMS: RefCell<Vec<Option<Entry>>> = const { RefCell::new(Vec::new()) };
}

/// `vmMakeContext(formatStack, onEngineError)`: a new realm set up as a V8 context is (Node's
/// number formatting, messages and error stacks, the main console); returns its id.
pub fn make<'js>(
    ctx: Ctx<'js>,
    format_stack: Function<'js>,
    on_engine_error: Function<'js>,
) -> Result<u32> {
    // SAFETY: the context is live and we hold its runtime, so creating a sibling context on the
    // same runtime is allowed.
    let raw = unsafe { qjs::JS_NewContext(qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) };
    let raw = NonNull::new(raw).ok_or(rquickjs::Error::Allocation)?;
    let mut entry = Entry {
        raw,
        builtins: HashSet::new(),
        synced: HashSet::new(),
    };
    {
        let realm = realm_ctx(&ctx, &entry);
        crate::numbers::install(&realm)?;
        crate::messages::install(&realm, None)?;
        crate::host::engine::set_error_stack_hooks(realm.clone(), format_stack, on_engine_error)?;
        let global = realm.globals();
        entry.builtins = own_keys(&global).into_iter().collect();
        // V8 gives every context a console; share the main one unless the object brings its
        // own.
        let console: Value = ctx.globals().get("console")?;
        global.set("console", console)?;
        entry.builtins.insert("console".to_string());
    }
    REALMS.with(|realms| {
        let mut realms = realms.borrow_mut();
        let id = match realms.iter().position(Option::is_none) {
            Some(free) => {
                realms[free] = Some(entry);
                free
            }
            None => {
                realms.push(Some(entry));
                realms.len() - 1
            }
        };
        Ok(id as u32)
    })
}

/// `vmFreeContext(id)`: the context's object was collected; its realm goes when nothing else of
/// it is alive.
fn free(id: u32) {
    let entry = REALMS.with(|realms| {
        realms
            .borrow_mut()
            .get_mut(id as usize)
            .and_then(Option::take)
    });
    drop(entry);
}

/// Releases every realm of the thread (before its runtime goes away).
pub fn clear() {
    let all = REALMS.with(|realms| std::mem::take(&mut *realms.borrow_mut()));
    drop(all);
}

fn realm_ctx<'js>(_parent: &Ctx<'js>, entry: &Entry) -> Ctx<'js> {
    // SAFETY: `entry.raw` is a live context of the runtime the caller holds (it holds `_parent`,
    // whose lifetime the result takes); from_raw takes its own reference.
    unsafe { Ctx::from_raw(entry.raw) }
}

fn own_keys(obj: &Object<'_>) -> Vec<String> {
    obj.keys::<String>().filter_map(|k| k.ok()).collect()
}

/// The realm of context `id`, its global filled from `sandbox`, for a run; `None` for an
/// unknown id.
pub fn enter<'js>(ctx: &Ctx<'js>, id: u32, sandbox: &Object<'js>) -> Result<Option<Ctx<'js>>> {
    let Some((realm, stale)) = REALMS.with(|realms| {
        let realms = realms.borrow();
        let entry = realms.get(id as usize)?.as_ref()?;
        let realm = realm_ctx(ctx, entry);
        let stale: Vec<String> = entry.synced.iter().cloned().collect();
        Some((realm, stale))
    }) else {
        return Ok(None);
    };
    let global = realm.globals();
    for key in stale {
        if !sandbox.contains_key(key.as_str())? {
            global.remove(key.as_str())?;
        }
    }
    for key in own_keys(sandbox) {
        let value: Value = sandbox.get(key.as_str())?;
        global.set(key.as_str(), value)?;
    }
    Ok(Some(realm))
}

/// After a run in context `id`: the globals the code made or changed, copied onto `sandbox`.
pub fn leave<'js>(realm: &Ctx<'js>, id: u32, sandbox: &Object<'js>) -> Result<()> {
    let builtins = REALMS.with(|realms| {
        let realms = realms.borrow();
        realms
            .get(id as usize)
            .and_then(Option::as_ref)
            .map(|entry| entry.builtins.clone())
    });
    let Some(builtins) = builtins else {
        return Ok(());
    };
    let global = realm.globals();
    let mut synced = HashSet::new();
    for key in own_keys(&global) {
        if builtins.contains(&key) {
            continue;
        }
        let value: Value = global.get(key.as_str())?;
        sandbox.set(key.as_str(), value)?;
        synced.insert(key);
    }
    REALMS.with(|realms| {
        if let Some(Some(entry)) = realms.borrow_mut().get_mut(id as usize) {
            entry.synced = synced;
        }
    });
    Ok(())
}

/// Adds `native.vmMakeContext` and `native.vmFreeContext`.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("vmMakeContext", Function::new(ctx.clone(), make)?)?;
    native.set("vmFreeContext", Function::new(ctx.clone(), free)?)?;
    Ok(())
}
