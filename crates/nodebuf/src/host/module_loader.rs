//! ES modules through QuickJS's own module loader (`JS_SetModuleLoaderFunc2`, via rquickjs's
//! `Resolver`/`Loader` traits). Node's rules (specifier resolution, package `exports`, formats,
//! the facades that expose builtins and CommonJS modules as modules) live in the JS half,
//! `src/esm.js`; this file only hands QuickJS's questions to it:
//!
//! - resolve(`base`, `specifier`, `type` attribute) -> the module's name (a `file:` URL, or `node:id` for a
//!   builtin), or Node's resolution error thrown into the importing module;
//! - load(`name`) -> `{ source }`, compiled here as a module (`JS_EVAL_TYPE_MODULE`), after which
//!   the JS half fills its `import.meta` (`url`, `filename`, `dirname`, `resolve`).

use std::cell::RefCell;

use rquickjs::loader::{ImportAttributes, Loader, Resolver};
use rquickjs::module::Declared;
use rquickjs::{Ctx, Error, Function, Module, Object, Persistent, Result, Runtime, Value};

thread_local! {
    /// The JS half's `{ resolve, load, initMeta }` for this thread's runtime.
    static HOOKS: RefCell<Option<Persistent<Object<'static>>>> = const { RefCell::new(None) };
    /// The context the hooks belong to (the thread's main realm); imports from any other realm
    /// (a `vm` context) are refused, as Node refuses them without an import callback.
    static HOME: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Whether `ctx` is not the realm the loader serves.
fn foreign(ctx: &Ctx<'_>) -> bool {
    HOME.with(|home| home.get() != ctx.as_raw().as_ptr() as usize)
}

fn hook<'js>(ctx: &Ctx<'js>, name: &str) -> Result<Function<'js>> {
    let saved = HOOKS.with(|slot| slot.borrow().clone());
    let Some(saved) = saved else {
        return Err(Error::new_loading_message(
            name,
            "the module loader is not ready",
        ));
    };
    saved.restore(ctx)?.get(name)
}

/// Hands QuickJS's specifier normalisation to the JS resolver (Node's ESM resolution).
struct NodeResolver;

impl Resolver for NodeResolver {
    fn resolve<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        base: &str,
        name: &str,
        attributes: Option<ImportAttributes<'js>>,
    ) -> Result<String> {
        // Node checks the `type` import attribute against the module's format on every import.
        let kind = match attributes {
            Some(attributes) => attributes.get_type()?,
            None => None,
        };
        hook(ctx, "resolve")?.call((base, name, kind, foreign(ctx)))
    }
}

/// Compiles the source the JS half chooses for a resolved module name.
struct NodeLoader;

impl Loader for NodeLoader {
    fn load<'js>(
        &mut self,
        ctx: &Ctx<'js>,
        name: &str,
        _attributes: Option<ImportAttributes<'js>>,
    ) -> Result<Module<'js, Declared>> {
        declare(ctx, name)
    }
}

/// Compiles the module `name` from the source the JS half gives and fills its `import.meta`.
fn declare<'js>(ctx: &Ctx<'js>, name: &str) -> Result<Module<'js, Declared>> {
    let record: Object = hook(ctx, "load")?.call((name,))?;
    let source: String = record.get("source")?;
    let module = Module::declare(ctx.clone(), name, source)?;
    let meta = module.meta()?;
    hook(ctx, "initMeta")?.call::<_, ()>((meta, name, record))?;
    Ok(module)
}

fn set_module_hooks<'js>(ctx: Ctx<'js>, hooks: Object<'js>) {
    HOME.with(|home| home.set(ctx.as_raw().as_ptr() as usize));
    let saved = Persistent::save(&ctx, hooks);
    HOOKS.with(|slot| *slot.borrow_mut() = Some(saved));
}

/// Declares, links and evaluates the module `url` (not loaded before) at once and returns
/// `[evaluation promise, namespace]` without running queued jobs: a promise still pending means
/// the graph awaits at top level. `require(esm)` uses it to refuse such graphs, as Node does.
/// Link errors (an import that does not resolve) are thrown.
fn evaluate_now<'js>(ctx: Ctx<'js>, url: String) -> Result<Vec<Value<'js>>> {
    let (module, promise) = declare(&ctx, &url)?.eval()?;
    Ok(vec![promise.into_value(), module.namespace()?.into_value()])
}

/// Installs the loader on `runtime`; the JS half registers its hooks with
/// `native.setModuleHooks({ resolve, load, initMeta })`.
pub fn install_loader(runtime: &Runtime) {
    runtime.set_loader(NodeResolver, NodeLoader);
}

/// Adds `setModuleHooks` to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set(
        "setModuleHooks",
        Function::new(ctx.clone(), set_module_hooks)?,
    )?;
    native.set(
        "evaluateModuleNow",
        Function::new(ctx.clone(), evaluate_now)?,
    )
}

/// Drops this thread's hooks before its runtime goes away.
pub fn clear() {
    HOOKS.with(|slot| slot.borrow_mut().take());
}
