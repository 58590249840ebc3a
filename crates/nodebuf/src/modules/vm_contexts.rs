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
/// number formatting, messages and error stacks, the main console); returns `[id, global]`.
pub fn make<'js>(
    ctx: Ctx<'js>,
    format_stack: Function<'js>,
    on_engine_error: Function<'js>,
) -> Result<rquickjs::Array<'js>> {
    // SAFETY: the context is live and we hold its runtime, so creating a sibling context on the
    // same runtime is allowed.
    let raw = unsafe { qjs::JS_NewContext(qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) };
    let raw = NonNull::new(raw).ok_or(rquickjs::Error::Allocation)?;
    let mut entry = Entry {
        raw,
        builtins: HashSet::new(),
    };
    let global = {
        let realm = realm_ctx(&ctx, &entry);
        crate::numbers::install(&realm)?;
        crate::messages::install(&realm, None)?;
        crate::host::engine::set_error_stack_hooks(realm.clone(), format_stack, on_engine_error)?;
        // V8's Error.stackTraceLimit is a data property (the engine's accessor would make the
        // lazy stacks record nothing).
        let error: Object = realm.globals().get("Error")?;
        let limit = rquickjs::object::Property::from(10)
            .writable()
            .configurable()
            .enumerable();
        error.prop("stackTraceLimit", limit)?;
        let global = realm.globals();
        entry.builtins = own_keys(&global).into_iter().collect();
        // V8 gives every context a console; share the main one unless the object brings its
        // own.
        let console: Value = ctx.globals().get("console")?;
        global.set("console", console)?;
        entry.builtins.insert("console".to_string());
        global.into_value()
    };
    let id = REALMS.with(|realms| {
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
        id as u32
    });
    let pair = rquickjs::Array::new(ctx)?;
    pair.set(0, id)?;
    pair.set(1, global)?;
    Ok(pair)
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

/// The object's own string keys, enumerable or not: a proxy's attributes are not queried (as
/// Node's contextified object does not query them).
fn own_keys(obj: &Object<'_>) -> Vec<String> {
    obj.own_keys::<String>(rquickjs::object::Filter::new().string())
        .filter_map(|k| k.ok())
        .collect()
}

/// The globals a run found on the context's global but not on its object (deleted from the
/// object): V8 keeps them on the global, and the object gets them back only if the run changes
/// them.
pub type Deleted<'js> = Vec<(String, Value<'js>)>;

fn builtins_of(id: u32) -> Option<HashSet<String>> {
    REALMS.with(|realms| {
        let realms = realms.borrow();
        realms
            .get(id as usize)
            .and_then(Option::as_ref)
            .map(|entry| entry.builtins.clone())
    })
}

/// The realm of context `id`, its global filled from `sandbox`, for a run, with the globals
/// deleted from the object; `None` for an unknown id.
pub fn enter<'js>(
    ctx: &Ctx<'js>,
    id: u32,
    sandbox: &Object<'js>,
) -> Result<Option<(Ctx<'js>, Deleted<'js>)>> {
    let Some(realm) = REALMS.with(|realms| {
        let realms = realms.borrow();
        let entry = realms.get(id as usize)?.as_ref()?;
        Some(realm_ctx(ctx, entry))
    }) else {
        return Ok(None);
    };
    let builtins = builtins_of(id).unwrap_or_default();
    let global = realm.globals();
    let mut deleted = Vec::new();
    for key in own_keys(&global) {
        if !builtins.contains(&key) && !sandbox.contains_key(key.as_str())? {
            let value: Value = global.get(key.as_str())?;
            deleted.push((key, value));
        }
    }
    for key in own_keys(sandbox) {
        let value: Value = sandbox.get(key.as_str())?;
        set_quietly(&realm, &global, &key, value)?;
    }
    Ok(Some((realm, deleted)))
}

/// After a run in context `id`: the globals the code made or changed, copied onto `sandbox`
/// with `assign` (the startup `Reflect.set`: a read-only property of the object refuses quietly,
/// as a sloppy assignment; a setter's or a proxy trap's error reaches the caller, as through
/// Node's interceptors).
pub fn leave<'js>(
    realm: &Ctx<'js>,
    id: u32,
    sandbox: &Object<'js>,
    deleted: &Deleted<'js>,
    assign: &Function<'js>,
) -> Result<()> {
    let Some(builtins) = builtins_of(id) else {
        return Ok(());
    };
    let global = realm.globals();
    for key in own_keys(&global) {
        if builtins.contains(&key) {
            continue;
        }
        let value: Value = global.get(key.as_str())?;
        let unchanged = deleted
            .iter()
            .any(|(name, before)| *name == key && same_value(before, &value));
        if unchanged {
            continue;
        }
        // (A value the object already holds is not set again: no setter or proxy trap runs
        // for it, as none runs in Node for a global the code left alone.)
        let current: Value = sandbox.get(key.as_str())?;
        if !same_value(&current, &value) {
            let _: bool = assign.call((sandbox.clone(), key.as_str(), value))?;
        }
    }
    Ok(())
}

/// `target[key] = value` on a context's global, a refusal (a read-only or accessor-only
/// property) ignored as a sloppy assignment ignores it; an interruption still unwinds.
fn set_quietly<'js>(
    ctx: &Ctx<'js>,
    target: &Object<'js>,
    key: &str,
    value: Value<'js>,
) -> Result<()> {
    match target.set(key, value) {
        Err(rquickjs::Error::Exception) => {
            let error = ctx.catch();
            // SAFETY: reads the flag of a live value.
            if unsafe { qjs::JS_IsUncatchableError(error.as_raw()) } {
                return Err(ctx.throw(error));
            }
            Ok(())
        }
        other => other,
    }
}

fn same_value(a: &Value<'_>, b: &Value<'_>) -> bool {
    // SAFETY: both values are live values of one runtime; the comparison only reads them.
    unsafe { qjs::JS_IsSameValue(a.ctx().as_raw().as_ptr(), a.as_raw(), b.as_raw()) }
}

/// Adds `native.vmMakeContext` and `native.vmFreeContext`.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("vmMakeContext", Function::new(ctx.clone(), make)?)?;
    native.set("vmFreeContext", Function::new(ctx.clone(), free)?)?;
    Ok(())
}
