//! The host: one QuickJS runtime and context set up like Node's main thread. It builds the
//! `native` binding object (everything the JS builtins need from Rust), installs Buffer through
//! `nodebuf-js`, runs the JS bootstrap (globals, the main module, the event loop) and returns
//! the exit code.

pub mod agent;
pub mod atomics;
pub mod blocking_io;
pub mod engine;
pub mod interrupt;
pub mod lazy_natives;
pub mod module_loader;
pub mod multiple_resolves;
pub mod shared_memory;
pub mod startup_bytecode;
pub mod stdio;
pub mod worker;

use std::cell::RefCell;

use rquickjs::{CatchResultExt, Context, Ctx, Function, Object, Persistent, Runtime, Value};

use crate::flags::Flags;
use crate::modules;

thread_local! {
    /// The JS function told about every promise rejection whose handled state changes.
    static REJECTION_HOOK: RefCell<Option<Persistent<Function<'static>>>> = const { RefCell::new(None) };
}

/// Stack the JS engine may use; deep recursion then fails with a RangeError, not a crash.
const JS_STACK_BYTES: usize = 8 * 1024 * 1024;
/// Stack of the thread that runs JS (more than the engine limit, so the limit trips first).
pub const THREAD_STACK_BYTES: usize = 64 * 1024 * 1024;

/// The ids of the builtin modules `keep` selects, in the embedded list's order, as a JS array.
fn builtin_ids<'js>(
    ctx: &Ctx<'js>,
    keep: impl Fn(&str) -> bool,
) -> rquickjs::Result<rquickjs::Array<'js>> {
    let ids = rquickjs::Array::new(ctx.clone())?;
    let kept = modules::SOURCES
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| keep(name));
    for (index, name) in kept.enumerate() {
        ids.set(index, name)?;
    }
    Ok(ids)
}

/// `native.builtinIds` (every builtin module's id), `native.publicBuiltinIds` (those
/// `require(id)` reaches: not `internal/`, not `nodebuf:`) and `native.nodebufBuiltinIds`
/// (the `nodebuf:` ones), in the embedded list's order: filtered here rather than by the
/// module loader's JS at every start.
fn install_builtin_ids<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> rquickjs::Result<()> {
    native.set("builtinIds", builtin_ids(ctx, |_| true)?)?;
    native.set(
        "publicBuiltinIds",
        builtin_ids(ctx, |id| {
            !id.starts_with("internal/") && !id.starts_with("nodebuf:")
        })?,
    )?;
    native.set(
        "nodebufBuiltinIds",
        builtin_ids(ctx, |id| id.starts_with("nodebuf:"))?,
    )
}

/// `native.builtinSource(id)`: the source text of builtin `id` in its wrapper
/// ([`modules::wrapped`]), made into a JS string only when asked (the bootstrap compiles it
/// when its bytecode is refused); undefined for an unknown id. Making all of them at start-up cost 13% of an empty script's instructions.
fn builtin_source(id: String) -> Option<String> {
    modules::SOURCES
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, source)| modules::wrapped(source))
}

fn set_rejection_hook<'js>(ctx: Ctx<'js>, hook: Function<'js>) {
    let saved = Persistent::save(&ctx, hook);
    REJECTION_HOOK.with(|slot| *slot.borrow_mut() = Some(saved));
}

fn build_native<'js>(
    ctx: &Ctx<'js>,
    flags: &Flags,
    script: &str,
    args: &[String],
    worker: Option<&worker::WorkerSpec>,
) -> rquickjs::Result<Object<'js>> {
    let native = lazy_natives::new_namespace(ctx)?;
    engine::install(ctx, &native)?;
    stdio::install(ctx, &native)?;
    modules::process::install(
        ctx,
        &native,
        &modules::process::ProcessInfo {
            script,
            args,
            flags,
        },
    )?;
    modules::fs::install(ctx, &native)?;
    modules::path::install(ctx, &native)?;
    module_loader::install(ctx, &native)?;
    modules::async_context::install(ctx, &native)?;
    modules::internal_binding::install(ctx, &native)?;
    modules::worker_threads::install(ctx, &native, worker)?;
    // What an empty script does not touch installs with the first read of one of its names
    // (lazy_natives), the likelier groups first.
    lazy_natives::defer(Box::new(modules::tty::install));
    lazy_natives::defer(Box::new(modules::os::install));
    lazy_natives::defer(Box::new(modules::constants::install));
    lazy_natives::defer(Box::new(modules::encoding::install));
    lazy_natives::defer(Box::new(modules::url::install));
    lazy_natives::defer(Box::new(modules::string_decoder::install));
    lazy_natives::defer(Box::new(modules::credentials::install));
    lazy_natives::defer(Box::new(modules::report::install));
    lazy_natives::defer(Box::new(modules::crypto::install));
    lazy_natives::defer(Box::new(modules::zlib::install));
    lazy_natives::defer(Box::new(modules::messaging::install));
    lazy_natives::defer(Box::new(modules::net::install));
    lazy_natives::defer(Box::new(modules::dgram::install));
    lazy_natives::defer(Box::new(modules::dns::install));
    lazy_natives::defer(Box::new(modules::signals::install));
    lazy_natives::defer(Box::new(modules::stdin::install));
    lazy_natives::defer(Box::new(modules::child_process::install));
    lazy_natives::defer(Box::new(modules::child_process_ipc::install));
    lazy_natives::defer(Box::new(modules::tls::install));
    lazy_natives::defer(Box::new(modules::x509::install));
    lazy_natives::defer(Box::new(modules::vm::install));
    lazy_natives::defer(Box::new(modules::v8::install));
    lazy_natives::defer(Box::new(modules::retention::install));
    lazy_natives::defer(Box::new(modules::wasm::install));
    lazy_natives::defer(Box::new(modules::intl::install));
    install_builtin_ids(ctx, &native)?;
    native.set("builtinSource", Function::new(ctx.clone(), builtin_source)?)?;
    // The names of the globals the bootstrap hands every builtin (`modules::THREAD_GLOBALS`).
    native.set("threadGlobals", modules::THREAD_GLOBALS.to_vec())?;
    native.set(
        "numberToString",
        Function::new(ctx.clone(), crate::numbers::shortest::number_to_string)?,
    )?;
    native.set(
        "setMultipleResolvesHook",
        Function::new(ctx.clone(), multiple_resolves::set_hook)?,
    )?;
    native.set(
        "setRejectionHook",
        Function::new(ctx.clone(), set_rejection_hook)?,
    )?;
    let options = nodebuf_js::Options {
        zero_fill_buffers: flags.zero_fill_buffers,
        pending_deprecation: flags.pending_deprecation,
        memory_budget: worker::thread_budget(worker),
    };
    let buffer_module = nodebuf_js::install(ctx, &options)?;
    // The error maker the Buffer install keeps (made with it, from build-time bytecode).
    native.set("nodeErrorMaker", nodebuf_js::error::node_error_maker(ctx)?)?;
    // Taken before any script runs: what util.inspect's native path compares a Buffer's
    // prototype with (modules/inspect_plain.rs).
    native.set(
        "bufferIntrinsics",
        crate::modules::inspect_plain::buffer_intrinsics(ctx, &buffer_module)?,
    )?;
    crate::messages::install(ctx, Some(&buffer_module))?;
    native.set("bufferModule", buffer_module)?;
    lazy_natives::arm();
    Ok(native)
}

fn report_bootstrap_failure(ctx: &Ctx<'_>, error: rquickjs::CaughtError<'_>) -> i32 {
    let _ = ctx;
    eprintln!("nodebuf: internal error: {error}");
    70
}

/// Runs `script` (an absolute path) with `args` under `flags`; returns the process exit code.
pub fn run(flags: &Flags, script: &str, args: &[String]) -> i32 {
    worker::set_flags(flags);
    worker::set_process_budget(flags.max_buffer_memory);
    worker::register_main(crate::host::agent::Agent::current());
    run_thread(flags, script, args, None)
}

/// Runs a worker thread's JS (`script` is its path or `[worker eval]`); returns its exit code.
pub fn run_worker(flags: &Flags, script: &str, spec: &worker::WorkerSpec) -> i32 {
    run_thread(flags, script, &spec.argv, Some(spec))
}

fn run_thread(
    flags: &Flags,
    script: &str,
    args: &[String],
    worker: Option<&worker::WorkerSpec>,
) -> i32 {
    let Ok(runtime) = Runtime::new() else {
        eprintln!("nodebuf: cannot create the JS runtime");
        return 70;
    };
    runtime.set_max_stack_size(JS_STACK_BYTES);
    runtime.set_gc_threshold(engine::STARTUP_GC_THRESHOLD);
    module_loader::install_loader(&runtime);
    runtime.set_host_promise_rejection_tracker(Some(Box::new(
        |ctx: Ctx<'_>, promise: Value<'_>, reason: Value<'_>, handled: bool| {
            let hook = REJECTION_HOOK.with(|slot| slot.borrow().clone());
            if let Some(hook) = hook {
                if let Ok(hook) = hook.restore(&ctx) {
                    let _: rquickjs::Result<()> = hook.call((promise, reason, handled));
                }
            }
        },
    )));
    interrupt::install(&runtime, worker.map(|spec| spec.agent.clone()));
    let Ok(context) = Context::full(&runtime) else {
        eprintln!("nodebuf: cannot create the JS context");
        return 70;
    };
    let code = context.with(|ctx| {
        shared_memory::install(&ctx);
        if let Err(e) = crate::numbers::install(&ctx) {
            let caught = Err::<(), _>(e).catch(&ctx).unwrap_err();
            return report_bootstrap_failure(&ctx, caught);
        }
        let native = match atomics::install(&ctx)
            .and_then(|()| build_native(&ctx, flags, script, args, worker))
        {
            Ok(native) => native,
            Err(e) => {
                let caught = Err::<(), _>(e).catch(&ctx).unwrap_err();
                return report_bootstrap_failure(&ctx, caught);
            }
        };
        let boot: rquickjs::Result<Function> = nodebuf_js::bytecode::load_or_eval(
            &ctx,
            startup_bytecode::ENGINE,
            startup_bytecode::script("bootstrap"),
            include_str!("../bootstrap.js"),
            "node:internal/bootstrap",
            false,
        );
        let result = boot.and_then(|boot| boot.call::<_, i32>((native,)));
        match result.catch(&ctx) {
            Ok(code) => code,
            // A worker stopped by `process.exit()` or `terminate()` unwinds with an exception
            // no JS could catch; its exit code is decided by the worker module.
            Err(_) if worker.is_some_and(|spec| spec.agent.is_terminated()) => 1,
            Err(e) => report_bootstrap_failure(&ctx, e),
        }
    });
    REJECTION_HOOK.with(|slot| slot.borrow_mut().take());
    multiple_resolves::clear();
    modules::async_context::clear();
    module_loader::clear();
    modules::wasm::clear();
    modules::vm_contexts::clear();
    lazy_natives::clear();
    if worker.is_none() && std::env::var_os(FREE_AT_EXIT).is_none() {
        // The process ends now: as Node leaves V8's heap to the OS, the main thread leaves its
        // runtime unfreed. Freeing it (a full collection and every object's finalizer) was 10%
        // of an empty script's instructions. Nothing observable is lost: no JS runs after
        // 'exit', and the Rust state the runtime owns (buffers, handles) needs no teardown the
        // OS does not do. Workers free theirs: the process goes on.
        std::mem::forget(context);
        std::mem::forget(runtime);
    }
    code
}

/// Set (to anything) in the environment, the main thread frees its JS runtime before the
/// process exits, as workers always do. The test suites set it: QuickJS then asserts that no
/// object was leaked (a reference a native forgot to release aborts the run).
pub const FREE_AT_EXIT: &str = "NODEBUF_FREE_AT_EXIT";
