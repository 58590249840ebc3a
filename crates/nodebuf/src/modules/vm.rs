//! Native half of `vm`: runs a script in the calling realm or in a context's realm
//! (`vm_contexts`) under Node's watchdogs (timeout, breakOnSigint), compiles vm.compileFunction's
//! wrapper, and makes and checks a Script's cached data.

use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

use crate::host::interrupt;
use crate::modules::{signals, vm_contexts};

/// The limits Node's watchdogs put on one run: `timeout` in milliseconds (negative: none),
/// `breakOnSigint`, and `onStop`, which makes the error thrown when a watchdog stopped it.
struct Limits<'js> {
    timeout: i64,
    break_on_sigint: bool,
    on_stop: Function<'js>,
    /// The startup `Reflect.set`, which copies a context's globals back to its object.
    assign: Function<'js>,
}

impl<'js> Limits<'js> {
    /// Reads `{ timeout, breakOnSigint, onStop, assign }` (vm.js checked them).
    fn read(object: &Object<'js>) -> Result<Self> {
        Ok(Limits {
            timeout: object.get("timeout")?,
            break_on_sigint: object.get("breakOnSigint")?,
            on_stop: object.get("onStop")?,
            assign: object.get("assign")?,
        })
    }
}

/// Runs `run` under `limits`. When the timeout passed or SIGINT arrived during the run, the
/// engine's uncatchable interruption (or whatever the run ended with) is dropped and Node's
/// ERR_SCRIPT_EXECUTION_TIMEOUT / _INTERRUPTED is thrown instead: a new error of `realm`, given
/// its message and code by `on_stop("timeout" | "sigint", error)`. An interruption that is not
/// this run's (an outer run's timeout, the worker's end) goes on unwinding.
fn guarded<'js>(
    ctx: &Ctx<'js>,
    realm: &Ctx<'js>,
    limits: &Limits<'js>,
    run: impl FnOnce() -> Result<Value<'js>>,
) -> Result<Value<'js>> {
    let deadline = u32::try_from(limits.timeout)
        .ok()
        .map(interrupt::Deadline::start);
    let sigint = limits.break_on_sigint.then(interrupt::SigintBreak::start);
    let result = run();
    let timed_out = deadline.as_ref().is_some_and(interrupt::Deadline::passed);
    drop(deadline);
    let interrupted = sigint.is_some() && signals::take_sigint_break();
    drop(sigint);
    if !(timed_out || interrupted) || interrupt::stopping() {
        return result;
    }
    if matches!(result, Err(rquickjs::Error::Exception)) {
        // The interruption (uncatchable) is replaced by Node's error.
        drop(ctx.catch());
    }
    // V8 makes the error in the realm that ran the code.
    // SAFETY: a live context; the new error object is owned by the Value.
    let blank = unsafe { Value::from_raw(ctx.clone(), qjs::JS_NewError(realm.as_raw().as_ptr())) };
    if blank.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    let kind = if timed_out { "timeout" } else { "sigint" };
    let error: Value = limits.on_stop.call((kind, blank))?;
    Err(ctx.throw(error))
}

/// Evaluates `source` as a global script of `ctx` named `filename`, its first line numbered
/// `line` (V8's lineOffset + 1).
fn eval_at<'js>(ctx: &Ctx<'js>, source: String, filename: &str, line: i32) -> Result<Value<'js>> {
    let filename = std::ffi::CString::new(filename.replace('\0', ""))
        .map_err(|_| rquickjs::Error::new_from_js("filename", "C string"))?;
    let len = source.len();
    let mut text = source.into_bytes();
    text.push(0);
    let mut options = qjs::JSEvalOptions {
        version: qjs::JS_EVAL_OPTIONS_VERSION as _,
        eval_flags: qjs::JS_EVAL_TYPE_GLOBAL as _,
        filename: filename.as_ptr(),
        line_num: line,
    };
    // SAFETY: `text` holds `len` bytes and the NUL JS_Eval2 requires; it and `filename`
    // outlive the call; the context is live and we hold its runtime.
    let raw = unsafe {
        qjs::JS_Eval2(
            ctx.as_raw().as_ptr(),
            text.as_ptr().cast(),
            len as _,
            &mut options,
        )
    };
    // SAFETY: `raw` is the owned result of JS_Eval2 in this context.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}

/// A context made on this runtime for `newRealm`: the creation reference is released when
/// this is dropped, after which the realm lives as long as its objects do.
struct Realm<'js> {
    ctx: Ctx<'js>,
}

impl<'js> Realm<'js> {
    fn new(parent: &Ctx<'js>) -> Result<Self> {
        // SAFETY: the parent context is live and we hold its runtime, so creating a sibling
        // context on the same runtime is allowed.
        let raw = unsafe { qjs::JS_NewContext(qjs::JS_GetRuntime(parent.as_raw().as_ptr())) };
        let raw = std::ptr::NonNull::new(raw).ok_or(rquickjs::Error::Allocation)?;
        // SAFETY: `raw` is a live context of the runtime we hold the lock of; from_raw takes
        // its own reference, and Drop releases the one JS_NewContext gave us.
        let ctx = unsafe { Ctx::from_raw(raw) };
        Ok(Realm { ctx })
    }
}

impl Drop for Realm<'_> {
    fn drop(&mut self) {
        // SAFETY: releases exactly the creation reference; `self.ctx` still holds its own.
        unsafe { qjs::JS_FreeContext(self.ctx.as_raw().as_ptr()) };
    }
}

/// `native.newRealm(formatter, onEngineError, callSite)`: a new realm that lives as long as something
/// of it does, numbering and wording errors as the main one (its stacks formatted by the
/// main realm's hooks): `[global, evaluate]`, where `evaluate(source, filename, mode)` runs
/// `source` as a global script of that realm (`mode`: 0 plain, 1 async, 2 compile only).
/// The REPL's context is such a realm's global object, so that its declarations stay in it.
fn new_realm<'js>(
    ctx: Ctx<'js>,
    formatter: Function<'js>,
    on_engine_error: Function<'js>,
    call_site: Object<'js>,
) -> Result<rquickjs::Array<'js>> {
    let realm = Realm::new(&ctx)?;
    // The new realm's call sites share the main realm's CallSite prototype (`call_site` is one
    // of the main realm's), which internal/call_site gives V8's methods: the formatter then
    // knows them for call sites.
    // SAFETY: class ids and prototypes of one runtime; JS_GetClassProto returns an owned
    // reference that JS_SetClassProto takes over.
    unsafe {
        let class_id = qjs::JS_GetClassID(call_site.as_raw());
        let proto = qjs::JS_GetClassProto(ctx.as_raw().as_ptr(), class_id);
        qjs::JS_SetClassProto(realm.ctx.as_raw().as_ptr(), class_id, proto);
    }
    crate::numbers::install(&realm.ctx)?;
    crate::messages::install(&realm.ctx, None)?;
    // (Both functions are values of this runtime: one heap for every realm.)
    crate::host::engine::set_error_stack_hooks(realm.ctx.clone(), formatter, on_engine_error)?;
    // A plain C function runs in the realm it was made in, whoever calls it (a function made
    // by rquickjs gets its caller's context): this one evaluates in the new realm.
    // SAFETY: a live context of this runtime; the name is a NUL-terminated literal; the
    // result is an owned value (or the exception marker).
    let raw = unsafe {
        qjs::JS_NewCFunction2(
            realm.ctx.as_raw().as_ptr(),
            Some(realm_eval_entry),
            c"evaluate".as_ptr(),
            3,
            qjs::JSCFunctionEnum_JS_CFUNC_generic,
            0,
        )
    };
    // SAFETY: owned result of the call above, in the new realm.
    let evaluate = unsafe { Value::from_raw(realm.ctx.clone(), raw) };
    if evaluate.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    let pair = rquickjs::Array::new(ctx)?;
    pair.set(0, realm.ctx.globals())?;
    pair.set(1, evaluate)?;
    Ok(pair)
}

/// The realm's `evaluate(source, filename, mode)` (see [`new_realm`]), called by the engine
/// with the realm's own context.
unsafe extern "C" fn realm_eval_entry(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: std::os::raw::c_int,
    argv: *mut qjs::JSValue,
) -> qjs::JSValue {
    let Some(raw_ctx) = std::ptr::NonNull::new(ctx) else {
        return qjs::JS_EXCEPTION;
    };
    // SAFETY: the engine calls with its live context; from_raw takes its own reference.
    let ctx = unsafe { Ctx::from_raw(raw_ctx) };
    let arg = |i: usize| -> Value<'_> {
        if (i as std::os::raw::c_int) < argc {
            // SAFETY: `argv` holds `argc` values alive for the call; dup'd for the owned Value.
            unsafe {
                Value::from_raw(
                    ctx.clone(),
                    qjs::JS_DupValue(ctx.as_raw().as_ptr(), *argv.add(i)),
                )
            }
        } else {
            Value::new_undefined(ctx.clone())
        }
    };
    let call = || -> Result<Value<'_>> {
        use rquickjs::FromJs;
        let source = String::from_js(&ctx, arg(0))?;
        let filename = String::from_js(&ctx, arg(1))?;
        let mode = i32::from_js(&ctx, arg(2))?;
        realm_eval(ctx.clone(), source, filename, mode)
    };
    match call() {
        // SAFETY: an owned reference for the caller, taken from a live value.
        Ok(value) => unsafe { qjs::JS_DupValue(ctx.as_raw().as_ptr(), value.as_raw()) },
        Err(rquickjs::Error::Exception) => qjs::JS_EXCEPTION,
        Err(other) => {
            let _ = rquickjs::Exception::throw_type(&ctx, &other.to_string());
            qjs::JS_EXCEPTION
        }
    }
}

fn realm_eval<'js>(
    ctx: Ctx<'js>,
    source: String,
    filename: String,
    mode: i32,
) -> Result<Value<'js>> {
    match mode {
        0 => {
            let mut options = rquickjs::context::EvalOptions::default();
            options.strict = false;
            options.filename = Some(filename);
            ctx.eval_with_options(source, options)
        }
        1 => eval_async(ctx, source, filename, false),
        _ => eval_async(ctx, source, filename, true),
    }
}

/// Evaluates (or, with `compile_only`, only compiles) `source` as a global script that may
/// `await` at its top level (the engine's async script mode): the result is a promise of
/// `{ value }`, `value` being the script's completion value. The REPL runs input with a
/// top-level `await` this way, as Node's REPL runs it wrapped in an async function; lexical
/// declarations still land in the global scope, so later inputs see them.
fn eval_async<'js>(
    ctx: Ctx<'js>,
    source: String,
    filename: String,
    compile_only: bool,
) -> Result<Value<'js>> {
    let name = std::ffi::CString::new(filename.replace('\0', ""))
        .map_err(|_| rquickjs::Error::new_from_js("filename", "C string"))?;
    let len = source.len();
    let mut text = source.into_bytes();
    text.push(0);
    let mut flags = qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_ASYNC;
    if compile_only {
        flags |= qjs::JS_EVAL_FLAG_COMPILE_ONLY;
    }
    // SAFETY: a live context; `text` holds `len` bytes and a terminating NUL, `name` is a C
    // string; the result (or the exception marker) is owned here.
    let raw = unsafe {
        qjs::JS_Eval(
            ctx.as_raw().as_ptr(),
            text.as_ptr().cast(),
            len as _,
            name.as_ptr(),
            flags as i32,
        )
    };
    // SAFETY: the engine's result, tested by tag only.
    if unsafe { qjs::JS_IsException(raw) } {
        return Err(rquickjs::Error::Exception);
    }
    if compile_only {
        // A compiled function is never given to scripts: freed here, once.
        // SAFETY: owned above.
        unsafe { qjs::JS_FreeValue(ctx.as_raw().as_ptr(), raw) };
        return Ok(Value::new_undefined(ctx));
    }
    // SAFETY: `raw` is the owned result of JS_Eval in this context.
    Ok(unsafe { Value::from_raw(ctx.clone(), raw) })
}

/// `runInThisContext(code, filename, lineOffset, limits)`: `code` as a script of the calling
/// realm, under the run's limits (see [`Limits`]).
fn run_in_this_context<'js>(
    ctx: Ctx<'js>,
    code: String,
    filename: String,
    line_offset: i32,
    limits: Object<'js>,
) -> Result<Value<'js>> {
    let limits = Limits::read(&limits)?;
    guarded(&ctx, &ctx, &limits, || {
        eval_at(&ctx, code, &filename, line_offset.saturating_add(1))
    })
}

/// `runInContext(code, sandbox, id, filename, lineOffset, limits)`: `code` as a script of
/// context `id` (whose object is `sandbox`, see `vm_contexts`), under the run's limits.
fn run_in_context<'js>(
    ctx: Ctx<'js>,
    code: String,
    sandbox: Object<'js>,
    id: u32,
    filename: String,
    line_offset: i32,
    limits: Object<'js>,
) -> Result<Value<'js>> {
    let limits = Limits::read(&limits)?;
    let (realm, deleted) = vm_contexts::enter(&ctx, id, &sandbox)?
        .ok_or_else(|| rquickjs::Error::new_from_js("object", "vm context"))?;
    guarded(&ctx, &realm, &limits, || {
        let result = match eval_at(&realm, code, &filename, line_offset.saturating_add(1)) {
            Ok(value) => Ok(value),
            // (An interruption's error stays uncatchable: the flag is the error object's.)
            Err(rquickjs::Error::Exception) => Err(realm.catch()),
            Err(other) => return Err(other),
        };
        // Copy back what the code defined or changed, even when it threw.
        vm_contexts::leave(&realm, id, &sandbox, &deleted, &limits.assign)?;
        match result {
            Ok(value) => Ok(into_realm(&ctx, &value)),
            Err(exception) => Err(ctx.throw(into_realm(&ctx, &exception))),
        }
    })
}

/// `value` (of another context of the same runtime) as a value of `ctx`.
fn into_realm<'js>(ctx: &Ctx<'js>, value: &Value<'_>) -> Value<'js> {
    // SAFETY: both contexts share one runtime, so the value is valid in `ctx`; we take a new
    // reference for the returned Value.
    let raw = unsafe { qjs::JS_DupValue(ctx.as_raw().as_ptr(), value.as_raw()) };
    // SAFETY: `raw` is an owned reference from the dup above.
    unsafe { Value::from_raw(ctx.clone(), raw) }
}

/// `compileAt(source, filename, line)`: evaluates `source` as a global script whose first line
/// is numbered `line` (vm.compileFunction puts its wrapper on the lines before the body so that
/// the body's first line is line 1, as V8 numbers it).
fn compile_at<'js>(
    ctx: Ctx<'js>,
    source: String,
    filename: String,
    line: i32,
) -> Result<Value<'js>> {
    eval_at(&ctx, source, &filename, line)
}

/// What a `vm.Script`'s cached data starts with: a tag, then the FNV-1a hash of the source it
/// was made from (data made for another source is rejected, as V8 rejects it), then the
/// compiled script's bytecode.
const CACHE_TAG: &[u8; 8] = b"NBVMCODE";

fn source_hash(source: &str) -> u64 {
    source.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `vmCachedData(code, filename)`: the cached data of the script `code` (see [`CACHE_TAG`]).
fn cached_data<'js>(
    ctx: Ctx<'js>,
    code: String,
    filename: String,
) -> Result<rquickjs::ArrayBuffer<'js>> {
    let hash = source_hash(&code);
    let compiled = crate::host::engine::compile_only(&ctx, code, &filename)?;
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut size = 0;
    // SAFETY: `compiled` is a live function value; JS_WriteObject returns a buffer of `size`
    // bytes allocated by the runtime (or null), freed below with js_free.
    let written = unsafe {
        qjs::JS_WriteObject(
            raw_ctx,
            &mut size,
            compiled.as_raw(),
            qjs::JS_WRITE_OBJ_BYTECODE as _,
        )
    };
    drop(compiled);
    if written.is_null() {
        return Err(rquickjs::Error::Exception);
    }
    let mut data = Vec::with_capacity(CACHE_TAG.len() + 8 + size as usize);
    data.extend_from_slice(CACHE_TAG);
    data.extend_from_slice(&hash.to_le_bytes());
    // SAFETY: `written` points at `size` bytes the engine just wrote; freed right after.
    unsafe {
        data.extend_from_slice(std::slice::from_raw_parts(written, size as usize));
        qjs::js_free(raw_ctx, written.cast());
    }
    rquickjs::ArrayBuffer::new(ctx, data)
}

/// `vmCacheMatches(code, bytes)`: whether `bytes` is cached data made for the source `code`
/// (V8 accepts it then; anything else is rejected).
fn cache_matches(code: String, bytes: rquickjs::TypedArray<'_, u8>) -> bool {
    // SAFETY: the bytes are only read here, with no JS running that could detach or resize
    // the buffer meanwhile.
    let Some(bytes) = (unsafe { bytes.as_bytes() }) else {
        return false;
    };
    bytes.len() > CACHE_TAG.len() + 8
        && bytes.starts_with(CACHE_TAG)
        && bytes[CACHE_TAG.len()..CACHE_TAG.len() + 8] == source_hash(&code).to_le_bytes()
}

/// Adds the `vm` natives to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("evalAsync", Function::new(ctx.clone(), eval_async)?)?;
    native.set("newRealm", Function::new(ctx.clone(), new_realm)?)?;
    native.set(
        "runInThisContext",
        Function::new(ctx.clone(), run_in_this_context)?,
    )?;
    native.set("runInContext", Function::new(ctx.clone(), run_in_context)?)?;
    vm_contexts::install(ctx, native)?;
    native.set("compileAt", Function::new(ctx.clone(), compile_at)?)?;
    native.set("vmCachedData", Function::new(ctx.clone(), cached_data)?)?;
    native.set("vmCacheMatches", Function::new(ctx.clone(), cache_matches)?)?;
    Ok(())
}
