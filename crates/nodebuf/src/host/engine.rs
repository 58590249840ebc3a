//! Engine introspection and control that the JS builtins need and cannot do in JS:
//! internal class ids (for `util.types` and inspect), promise state, proxy details, draining the
//! microtask queue, compiling CommonJS wrappers, the garbage collector, and a monotonic clock.

use std::time::{Duration, Instant};

use rquickjs::{qjs, Array, Ctx, Function, Object, Result, Value};

thread_local! {
    static START: Instant = Instant::now();
}

/// The QuickJS-ng version the engine reports (`JS_GetVersion`), for `nodebuf --version`.
pub fn version() -> String {
    // SAFETY: JS_GetVersion returns a pointer to a static NUL-terminated string.
    let raw = unsafe { std::ffi::CStr::from_ptr(qjs::JS_GetVersion()) };
    raw.to_string_lossy().into_owned()
}

/// Milliseconds since the runtime started, as `performance.now()` reports them.
pub fn now_ms() -> f64 {
    START.with(|start| start.elapsed().as_secs_f64() * 1000.0)
}

/// Nanoseconds since the runtime started (the base of `process.hrtime`).
pub fn now_ns() -> u128 {
    START.with(|start| start.elapsed().as_nanos())
}

extern "C" {
    /// nodebuf's engine patch (vendor/patches/quickjs-0002-fast-array.patch): whether `obj` is
    /// an Array stored densely, with its element storage and how many elements it holds.
    fn JS_GetFastArray(obj: qjs::JSValue, values: *mut *mut qjs::JSValue, count: *mut u32) -> bool;
}

/// The elements of `value` when it is a packed Array: stored densely, with no hole at its end
/// (its `length` is its element count); `None` otherwise, a length past 2^31 included. Runs no
/// JS (an Array's `length` is a plain own property). V8 writes such an array densely
/// (`v8.serialize`) and a plain-data clone copies it element by element.
///
/// # Safety
/// The slice borrows the engine's storage: it is valid only until JS runs or the array
/// changes, and must not outlive `value`.
pub unsafe fn packed_array_elements<'a>(value: &Value<'_>) -> Option<&'a [qjs::JSValue]> {
    let (mut values, mut count): (*mut qjs::JSValue, u32) = (std::ptr::null_mut(), 0);
    // SAFETY: `value` is a live value; the engine reads the object's header and stores two
    // plain outputs.
    if !unsafe { JS_GetFastArray(value.as_raw(), &mut values, &mut count) } {
        return None;
    }
    let length: Value = value.as_object()?.get("length").ok()?;
    if length.as_int() != i32::try_from(count).ok() {
        return None;
    }
    if count == 0 {
        return Some(&[]);
    }
    // SAFETY: the engine's `count` live values, valid under the caller's contract.
    Some(unsafe { std::slice::from_raw_parts(values, count as usize) })
}

fn class_id(value: Value<'_>) -> i32 {
    if !value.is_object() {
        return 0;
    }
    // SAFETY: `value` is a live object owned by the caller; JS_GetClassID only reads its header.
    unsafe { qjs::JS_GetClassID(value.as_raw()) as i32 }
}

fn promise_state<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: `value` belongs to `ctx`; JS_PromiseState only reads it and returns -1 for
    // non-promises.
    let state = unsafe { qjs::JS_PromiseState(raw_ctx, value.as_raw()) };
    let out = Array::new(ctx.clone())?;
    out.set(0, state)?;
    if state > 0 {
        // SAFETY: JS_PromiseResult returns a new reference that `Value::from_raw` takes over.
        let result =
            unsafe { Value::from_raw(ctx.clone(), qjs::JS_PromiseResult(raw_ctx, value.as_raw())) };
        out.set(1, result)?;
    }
    Ok(out.into_value())
}

extern "C" {
    /// Engine patch `quickjs-0011-v8-positions-and-receivers` (docs/ENGINE-PATCHES.md):
    /// `{ file, line, column }` of the last `throw` statement when it threw `val`, else
    /// undefined (or an exception when the object cannot be made).
    fn JS_GetLastThrowSite(ctx: *mut qjs::JSContext, val: qjs::JSValue) -> qjs::JSValue;
}

/// `native.throwSite(value)`: where the `throw` statement that threw `value` is, when the
/// last one to run did (V8 points an uncaught exception's source line there).
fn throw_site<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: `value` belongs to `ctx`; the call compares its identity and returns a new
    // reference (or JS_EXCEPTION with the exception pending) that `Value::from_raw` takes over.
    let site =
        unsafe { Value::from_raw(ctx.clone(), JS_GetLastThrowSite(raw_ctx, value.as_raw())) };
    if site.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(site)
}

extern "C" {
    /// Engine patch `quickjs-0055-lazy-error-stacks` (docs/ENGINE-PATCHES.md): from now on an
    /// error's stack is formatted on its first read by `formatter(error, callSites)`, and
    /// `on_engine_error(error, innermostCallSite)` sees each error the engine makes.
    fn JS_SetErrorStackHooks(
        ctx: *mut qjs::JSContext,
        formatter: qjs::JSValue,
        on_engine_error: qjs::JSValue,
    ) -> std::os::raw::c_int;
}

/// `native.setErrorStackHooks(formatter, onEngineError)`: V8's lazily formatted `error.stack`
/// (internal/errors installs Node's formatter with it).
pub(crate) fn set_error_stack_hooks<'js>(
    ctx: Ctx<'js>,
    formatter: Function<'js>,
    on_engine_error: Function<'js>,
) -> Result<()> {
    // SAFETY: both values belong to `ctx` and stay alive for the call; the engine takes its own
    // references to them.
    let status = unsafe {
        JS_SetErrorStackHooks(
            ctx.as_raw().as_ptr(),
            formatter.as_raw(),
            on_engine_error.as_raw(),
        )
    };
    if status < 0 {
        return Err(rquickjs::Error::Allocation);
    }
    Ok(())
}

extern "C" {
    /// Engine patch `quickjs-0027-preview-entries` (docs/ENGINE-PATCHES.md): the entries of a
    /// Map, Set, WeakMap or WeakSet, or those a Map/Set iterator has left, without advancing
    /// it; undefined for other values.
    fn JS_PreviewEntries(
        ctx: *mut qjs::JSContext,
        obj: qjs::JSValue,
        is_key_value: *mut bool,
    ) -> qjs::JSValue;
}

/// `native.previewEntries(value)`: `[entries, isKeyValue]` as V8's `previewEntries` gives
/// them to Node's `util.inspect` (a Map/Set iterator's remaining items, a weak collection's
/// live ones; key-value entries flat), or undefined for other values.
fn preview_entries<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut is_key_value = false;
    // SAFETY: `value` belongs to `ctx`; the call runs no JS, only reads the collection's
    // records and returns a new reference (or JS_EXCEPTION with the exception pending) that
    // `Value::from_raw` takes over.
    let entries = unsafe {
        Value::from_raw(
            ctx.clone(),
            JS_PreviewEntries(raw_ctx, value.as_raw(), &mut is_key_value),
        )
    };
    if entries.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    if entries.is_undefined() {
        return Ok(entries);
    }
    let out = Array::new(ctx)?;
    out.set(0, entries)?;
    out.set(1, is_key_value)?;
    Ok(out.into_value())
}

fn proxy_details<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: JS_IsProxy only inspects the value's tag and class.
    if !value.is_object() || !unsafe { qjs::JS_IsProxy(value.as_raw()) } {
        return Ok(Value::new_undefined(ctx));
    }
    // SAFETY: both getters return new references owned by the `Value`s we wrap them in.
    let (target, handler) = unsafe {
        (
            Value::from_raw(ctx.clone(), qjs::JS_GetProxyTarget(raw_ctx, value.as_raw())),
            Value::from_raw(
                ctx.clone(),
                qjs::JS_GetProxyHandler(raw_ctx, value.as_raw()),
            ),
        )
    };
    let out = Array::new(ctx.clone())?;
    out.set(0, target)?;
    out.set(1, handler)?;
    Ok(out.into_value())
}

/// Runs every queued promise job (and the jobs they queue) until the queue is empty, like V8's
/// `runMicrotasks()` that Node calls after each `nextTick` batch. An exception escaping a job is
/// rethrown to the caller.
fn run_microtasks(ctx: Ctx<'_>) -> Result<()> {
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: the runtime of a live context is live.
    let rt = unsafe { qjs::JS_GetRuntime(raw_ctx) };
    loop {
        let mut job_ctx: *mut qjs::JSContext = std::ptr::null_mut();
        // SAFETY: we hold the runtime (we are inside a call on it); QuickJS takes the job off its
        // list before running it, so running jobs from inside a native call is re-entrant safe.
        let status = unsafe { qjs::JS_ExecutePendingJob(rt, &mut job_ctx) };
        if status == 0 {
            return Ok(());
        }
        if status < 0 {
            let source = if job_ctx.is_null() { raw_ctx } else { job_ctx };
            // SAFETY: the failed job left its exception on `source`; JS_GetException hands us
            // that reference, which `Value::from_raw` owns from here.
            let exception = unsafe { Value::from_raw(ctx.clone(), qjs::JS_GetException(source)) };
            return Err(ctx.throw(exception));
        }
    }
}

/// `native.enqueueMicrotask(callback, onError)`: queues `callback()` as a microtask of its own,
/// as V8's `EnqueueMicrotask` does for Node's `queueMicrotask` (no promise, no reaction record:
/// Promise.resolve().then(...) cost ~6x as much per call in QuickJS). When the callback throws,
/// `onError(exception)` runs inside the same job, so later jobs keep their order.
fn enqueue_microtask<'js>(
    ctx: Ctx<'js>,
    callback: Function<'js>,
    on_error: Function<'js>,
) -> Result<()> {
    let mut args = [callback.as_raw(), on_error.as_raw()];
    // SAFETY: `ctx` is live; JS_EnqueueJob takes its own reference to each argument (our two stay
    // owned by `callback` and `on_error`) and reads `args` only during the call.
    let status = unsafe {
        qjs::JS_EnqueueJob(
            ctx.as_raw().as_ptr(),
            Some(microtask_job),
            2,
            args.as_mut_ptr(),
        )
    };
    if status < 0 {
        // Out of memory: QuickJS left the exception on the context.
        return Err(rquickjs::Error::Exception);
    }
    Ok(())
}

/// The job `enqueue_microtask` queues: `argv[0]()`, then `argv[1](exception)` if that threw.
/// What it returns (an exception from the error handler included) goes back to the job runner.
unsafe extern "C" fn microtask_job(
    ctx: *mut qjs::JSContext,
    argc: std::ffi::c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    if argc < 2 || argv.is_null() {
        return qjs::JS_UNDEFINED;
    }
    // SAFETY: the job runner passes the two values `enqueue_microtask` queued (argc checked
    // above), alive until the job returns; JS_Call borrows its function and this value.
    unsafe {
        let args = std::slice::from_raw_parts(argv, 2);
        let result = qjs::JS_Call(ctx, args[0], qjs::JS_UNDEFINED, 0, std::ptr::null_mut());
        if !qjs::JS_IsException(result) {
            qjs::JS_FreeValue(ctx, result);
            return qjs::JS_UNDEFINED;
        }
        let mut exception = qjs::JS_GetException(ctx);
        let handled = qjs::JS_Call(ctx, args[1], qjs::JS_UNDEFINED, 1, &mut exception);
        qjs::JS_FreeValue(ctx, exception);
        if qjs::JS_IsException(handled) {
            return handled;
        }
        qjs::JS_FreeValue(ctx, handled);
        qjs::JS_UNDEFINED
    }
}

fn compile<'js>(ctx: Ctx<'js>, source: String, filename: String) -> Result<Value<'js>> {
    let mut options = rquickjs::context::EvalOptions::default();
    options.strict = false;
    options.filename = Some(filename);
    ctx.eval_with_options(source, options)
}

/// `native.checkSyntax(source, filename)`: compiles `source` as a global script without
/// running it, throwing the parser's SyntaxError if it has one (the loader then gives it V8's
/// head, `internal/modules/syntax_error`; an error thrown while the code runs is not one of
/// those).
fn check_syntax(ctx: Ctx<'_>, source: String, filename: String) -> Result<()> {
    compile_only(&ctx, source, &filename).map(drop)
}

/// Compiles `source` as a global script named `filename` without running it: the compiled
/// function, or the parser's SyntaxError left pending (`Error::Exception`).
pub(crate) fn compile_only<'js>(
    ctx: &Ctx<'js>,
    source: String,
    filename: &str,
) -> Result<Value<'js>> {
    let name = std::ffi::CString::new(filename.replace('\0', ""))
        .map_err(|_| rquickjs::Error::new_from_js("filename", "C string"))?;
    let len = source.len();
    let mut text = source.into_bytes();
    text.push(0);
    let flags = (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32;
    // SAFETY: a live context; `text` holds `len` bytes and a terminating NUL, `name` is a C
    // string; the compiled function (or the exception marker) is owned by the Value made next.
    let compiled = unsafe {
        qjs::JS_Eval(
            ctx.as_raw().as_ptr(),
            text.as_ptr().cast(),
            len as _,
            name.as_ptr(),
            flags,
        )
    };
    // SAFETY: the owned result of JS_Eval in this context.
    let compiled = unsafe { Value::from_raw(ctx.clone(), compiled) };
    if compiled.is_exception() {
        // The SyntaxError stays pending: rquickjs rethrows it to the caller.
        return Err(rquickjs::Error::Exception);
    }
    Ok(compiled)
}

extern "C" {
    /// Engine patch `quickjs-0077-v8-syntax-errors`: whether `v` is a SyntaxError the parser
    /// raised while compiling.
    fn JS_IsParseError(v: qjs::JSValue) -> bool;
}

/// `native.isParseError(value)`: whether `value` is a SyntaxError the parser raised while
/// compiling (its position is where the parse stopped), not one a script made or threw.
fn is_parse_error(value: Value<'_>) -> bool {
    // SAFETY: reads the object's header of a live value (false for anything else).
    unsafe { JS_IsParseError(value.as_raw()) }
}

/// The builtins compiled to bytecode by build.rs: `ENGINE`, `BYTECODE` by module id.
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/builtins_bytecode.rs"));
}

/// `native.loadBuiltin(id)`: the builtin `id`'s wrapper function (what `compile` makes of
/// `(function (exports, require, module, native) { source })`) from the bytecode build.rs
/// compiled, with no parsing. `undefined` when there is none or the engine refuses it: the
/// bootstrap then compiles the source.
fn load_builtin<'js>(ctx: Ctx<'js>, id: String) -> Result<Value<'js>> {
    let loaded = match nodebuf_js::bytecode::find(compiled::BYTECODE, &id) {
        Some(bytes) => nodebuf_js::bytecode::load(&ctx, compiled::ENGINE, bytes)?,
        None => None,
    };
    Ok(loaded.unwrap_or_else(|| Value::new_undefined(ctx)))
}

extern "C" {
    /// Engine patch `quickjs-0065-malloc-size` (docs/ENGINE-PATCHES.md): the bytes the runtime
    /// has allocated, which the automatic GC compares with its threshold.
    fn JS_GetMallocSize(rt: *mut qjs::JSRuntime) -> qjs::size_t;
    /// Engine patch `quickjs-0072-weakref-kept-objects`: the job running ended (WeakRef
    /// targets it kept may be released by the next collection).
    fn JS_EndKeptObjectsJob(rt: *mut qjs::JSRuntime);
    /// Engine patch `quickjs-0070-lazy-value`: a data property whose value `loader` makes on
    /// first access (0, or -1 with an exception pending).
    fn JS_DefineLazyValue(
        ctx: *mut qjs::JSContext,
        obj: qjs::JSValue,
        prop: qjs::JSAtom,
        loader: qjs::JSValue,
        flags: std::ffi::c_int,
    ) -> std::ffi::c_int;
}

/// `native.defineLazyValue(obj, name, loader[, enumerable])`: `obj[name]` becomes a data
/// property (writable, configurable, enumerable only when asked) whose value is
/// `loader.call(obj)`, called on its first read or descriptor, not on an assignment or a
/// listing of names. What Node's eagerly made globals (`URL`, `console`, `Intl`...) and
/// `path.win32` look like, without making them before a script uses them.
fn define_lazy_value<'js>(
    ctx: Ctx<'js>,
    obj: Object<'js>,
    name: rquickjs::String<'js>,
    loader: Function<'js>,
    enumerable: rquickjs::function::Opt<bool>,
) -> Result<()> {
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut flags = qjs::JS_PROP_WRITABLE | qjs::JS_PROP_CONFIGURABLE;
    if enumerable.0 == Some(true) {
        flags |= qjs::JS_PROP_ENUMERABLE;
    }
    let flags = flags as std::ffi::c_int;
    // SAFETY: live values of this context, borrowed for the calls (the engine takes its own
    // references to the loader and the context); the atom made here is freed here.
    let status = unsafe {
        let atom = qjs::JS_ValueToAtom(raw_ctx, name.as_raw());
        if atom == qjs::JS_ATOM_NULL {
            return Err(rquickjs::Error::Exception);
        }
        let status = JS_DefineLazyValue(raw_ctx, obj.as_raw(), atom, loader.as_raw(), flags);
        qjs::JS_FreeAtom(raw_ctx, atom);
        status
    };
    if status < 0 {
        return Err(rquickjs::Error::Exception);
    }
    Ok(())
}

/// The automatic GC's threshold while a thread starts. Start-up makes about 1 MiB of
/// functions and objects that stay alive (0.9 MiB for an empty script); at QuickJS's default
/// (256 KiB, then 1.5x the heap after each collection) it ran three collections that found
/// little to free: 5% of an empty script's instructions.
pub const STARTUP_GC_THRESHOLD: usize = 4 << 20;

/// `native.startupDone()`: the bootstrap is about to run user code; the GC threshold becomes
/// what QuickJS sets after a collection (the heap now and half again), as if start-up had
/// ended with one.
fn startup_done(ctx: Ctx<'_>) {
    // SAFETY: a live context's runtime; both calls read or write one field of it.
    unsafe {
        let rt = qjs::JS_GetRuntime(ctx.as_raw().as_ptr());
        let size = JS_GetMallocSize(rt) as usize;
        qjs::JS_SetGCThreshold(rt, (size + size / 2) as _);
    }
}

/// `native.loopTurn()`: the event loop starts a turn; the engine's current job has ended (its
/// WeakRef targets may go with the next collection, engine patch 0072). Returns the loop's
/// time, as `native.now()` (one call where the loop made one already).
fn loop_turn(ctx: Ctx<'_>) -> f64 {
    // SAFETY: a live context's runtime; the call bumps one counter of it.
    unsafe { JS_EndKeptObjectsJob(qjs::JS_GetRuntime(ctx.as_raw().as_ptr())) };
    now_ms()
}

fn run_gc(ctx: Ctx<'_>) {
    ctx.run_gc();
}

fn sleep(ms: f64) {
    if ms > 0.0 && ms.is_finite() {
        std::thread::sleep(Duration::from_secs_f64(ms / 1000.0));
    }
}

/// Adds the engine helpers to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("classId", Function::new(ctx.clone(), class_id)?)?;
    native.set("loopTurn", Function::new(ctx.clone(), loop_turn)?)?;
    native.set(
        "defineLazyValue",
        Function::new(ctx.clone(), define_lazy_value)?,
    )?;
    // Learned once here, before any memory budget applies: a sample made later (a builtin
    // loaded lazily) could be refused by a spent budget.
    let sab: Value = ctx
        .globals()
        .get::<_, rquickjs::Constructor>("SharedArrayBuffer")?
        .construct((0,))?;
    native.set("sharedArrayBufferClassId", class_id(sab))?;
    native.set("promiseState", Function::new(ctx.clone(), promise_state)?)?;
    native.set(
        "previewEntries",
        Function::new(ctx.clone(), preview_entries)?,
    )?;
    native.set("proxyDetails", Function::new(ctx.clone(), proxy_details)?)?;
    native.set(
        "inspectPlain",
        Function::new(ctx.clone(), crate::modules::inspect_plain::js_inspect_plain)?,
    )?;
    native.set(
        "ownNonIndexKeys",
        Function::new(ctx.clone(), nodebuf_js::own_keys::own_non_index_keys)?,
    )?;
    native.set("throwSite", Function::new(ctx.clone(), throw_site)?)?;
    native.set(
        "setErrorStackHooks",
        Function::new(ctx.clone(), set_error_stack_hooks)?,
    )?;
    native.set("runMicrotasks", Function::new(ctx.clone(), run_microtasks)?)?;
    native.set(
        "enqueueMicrotask",
        Function::new(ctx.clone(), enqueue_microtask)?,
    )?;
    native.set("compile", Function::new(ctx.clone(), compile)?)?;
    native.set("checkSyntax", Function::new(ctx.clone(), check_syntax)?)?;
    native.set("isParseError", Function::new(ctx.clone(), is_parse_error)?)?;
    native.set("loadBuiltin", Function::new(ctx.clone(), load_builtin)?)?;
    native.set("gc", Function::new(ctx.clone(), run_gc)?)?;
    native.set("startupDone", Function::new(ctx.clone(), startup_done)?)?;
    native.set("sleep", Function::new(ctx.clone(), sleep)?)?;
    native.set("now", Function::new(ctx.clone(), now_ms)?)?;
    Ok(())
}
