//! Native half of `vm`: `runInNewContext(code, sandbox)` evaluates `code` in a fresh realm
//! (a new QuickJS context in the same runtime, so values pass between them directly), with the
//! sandbox's properties as globals; globals the code creates or changes are copied back onto the
//! sandbox, as Node's contextified sandbox shows them.

use std::ptr::NonNull;

use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

/// A new context that frees its creation reference when dropped.
struct Realm<'js> {
    ctx: Ctx<'js>,
}

impl<'js> Realm<'js> {
    fn new(parent: &Ctx<'js>) -> Result<Self> {
        // SAFETY: the parent context is live and we hold its runtime, so creating a sibling
        // context on the same runtime is allowed.
        let raw = unsafe { qjs::JS_NewContext(qjs::JS_GetRuntime(parent.as_raw().as_ptr())) };
        let raw = NonNull::new(raw).ok_or(rquickjs::Error::Allocation)?;
        // SAFETY: `raw` is a live context of the runtime we hold the lock of; from_raw takes its
        // own reference, and Drop releases the one JS_NewContext gave us.
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

fn own_keys<'js>(obj: &Object<'js>) -> Vec<String> {
    obj.keys::<String>().filter_map(|k| k.ok()).collect()
}

fn run_in_new_context<'js>(
    ctx: Ctx<'js>,
    code: String,
    sandbox: Object<'js>,
    filename: String,
) -> Result<Value<'js>> {
    let realm = Realm::new(&ctx)?;
    // Every V8 context computes numbers the same way.
    crate::numbers::install(&realm.ctx)?;
    crate::messages::install(&realm.ctx, None)?;
    let global = realm.ctx.globals();
    let builtins: std::collections::HashSet<String> = {
        let names: Function = realm.ctx.eval("Object.getOwnPropertyNames")?;
        let list: Vec<String> = names.call((global.clone(),))?;
        list.into_iter().collect()
    };
    // V8 gives every context a console; share the main one unless the sandbox brings its own.
    let console: Value = ctx.globals().get("console")?;
    global.set("console", console)?;
    let mut builtins = builtins;
    builtins.insert("console".to_string());
    for key in own_keys(&sandbox) {
        let value: Value = sandbox.get(key.as_str())?;
        global.set(key.as_str(), value)?;
    }
    let mut options = rquickjs::context::EvalOptions::default();
    options.strict = false;
    options.filename = Some(filename);
    let result: Result<Value> = realm.ctx.eval_with_options(code, options);
    // Copy back what the code defined or changed, even when it threw.
    for key in own_keys(&global) {
        if builtins.contains(&key) {
            continue;
        }
        let value: Value = global.get(key.as_str())?;
        // Only what changed: an accessor without a setter (a REPL context's `crypto`) keeps
        // the value it gave.
        let before: Value = sandbox.get(key.as_str())?;
        if before != value {
            sandbox.set(key.as_str(), value)?;
        }
    }
    match result {
        Ok(value) => {
            // SAFETY: both contexts share one runtime, so the value is valid in `ctx`; we take a
            // new reference for the returned Value.
            let raw = unsafe { qjs::JS_DupValue(ctx.as_raw().as_ptr(), value.as_raw()) };
            // SAFETY: `raw` is an owned reference from the dup above.
            Ok(unsafe { Value::from_raw(ctx.clone(), raw) })
        }
        Err(rquickjs::Error::Exception) => {
            let exception = realm.ctx.catch();
            // SAFETY: as above, the exception value is valid across contexts of one runtime.
            let raw = unsafe { qjs::JS_DupValue(ctx.as_raw().as_ptr(), exception.as_raw()) };
            // SAFETY: owned reference from the dup.
            let value = unsafe { Value::from_raw(ctx.clone(), raw) };
            Err(ctx.throw(value))
        }
        Err(e) => Err(e),
    }
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
    let source = std::ffi::CString::new(source).map_err(|_| rquickjs::Error::Unknown)?;
    let filename = std::ffi::CString::new(filename).map_err(|_| rquickjs::Error::Unknown)?;
    let mut options = qjs::JSEvalOptions {
        version: qjs::JS_EVAL_OPTIONS_VERSION as _,
        eval_flags: qjs::JS_EVAL_TYPE_GLOBAL as _,
        filename: filename.as_ptr(),
        line_num: line,
    };
    // SAFETY: `source` is NUL-terminated (as JS_Eval2 requires) and, with `filename`, outlives
    // the call; the context is live and we hold its runtime.
    let raw = unsafe {
        qjs::JS_Eval2(
            ctx.as_raw().as_ptr(),
            source.as_ptr(),
            source.as_bytes().len() as _,
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

extern "C" {
    /// Engine patch `quickjs-0055-lazy-error-stacks` (docs/ENGINE-PATCHES.md): the context's
    /// error stacks are formatted on first read by `formatter`; `on_engine_error` sees each
    /// error the engine makes.
    fn JS_SetErrorStackHooks(
        ctx: *mut qjs::JSContext,
        formatter: qjs::JSValue,
        on_engine_error: qjs::JSValue,
    ) -> std::os::raw::c_int;
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
    // SAFETY: both functions are live values of this runtime (one heap for every realm); the
    // engine takes its own references.
    let status = unsafe {
        JS_SetErrorStackHooks(
            realm.ctx.as_raw().as_ptr(),
            formatter.as_raw(),
            on_engine_error.as_raw(),
        )
    };
    if status < 0 {
        return Err(rquickjs::Error::Allocation);
    }
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
    let Some(raw_ctx) = NonNull::new(ctx) else {
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

/// Adds `native.runInNewContext`, `native.compileAt` and `native.evalAsync` to the binding
/// object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("evalAsync", Function::new(ctx.clone(), eval_async)?)?;
    native.set("newRealm", Function::new(ctx.clone(), new_realm)?)?;
    native.set(
        "runInNewContext",
        Function::new(ctx.clone(), run_in_new_context)?,
    )?;
    native.set("compileAt", Function::new(ctx.clone(), compile_at)?)?;
    Ok(())
}
