//! V8's error messages for what scripts see from typed arrays, ArrayBuffers, DataViews and
//! `BigInt()`, without changing the engine.
//!
//! The constructors (and `BigInt`) are replaced by native forwarders ([`forwarder`]) that call
//! the engine's own function with the same `new.target`, so objects, prototypes and subclassing
//! are untouched and the success path costs one native call. Only when the engine throws does
//! the JS half (`messages.js`, `reword`) look at the arguments and give the error V8's text.
//! Messages that need no argument (detached buffers, string lengths, DataView offsets) are
//! reworded where every engine error passes anyway: `Error.prepareStackTrace`
//! (`internal/errors`).

use rquickjs::qjs;
use rquickjs::{Ctx, Function, Object, Result, Value};
use std::ffi::{c_int, CString};

/// Kinds at or above this are methods (`String.prototype.repeat`, `String.fromCodePoint`): the
/// forwarder calls them with their receiver and never constructs.
const METHOD_KINDS: c_int = 100;

/// The native body of every forwarder: `data[0]` is the engine's function, `data[1]` the JS
/// `reword(error, kind, newTarget, args)`, `magic` the kind the JS half gave.
unsafe extern "C" fn forward(
    ctx: *mut qjs::JSContext,
    this_val: qjs::JSValue,
    argc: c_int,
    argv: *mut qjs::JSValue,
    magic: c_int,
    data: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: `data` holds the two values given to JS_NewCFunctionData2 below (kept alive and
    // traced by the function object); `argv` holds `argc` live arguments (the engine pads it
    // to the declared length); all are borrowed for this call only.
    unsafe {
        let original = *data;
        let reword = *data.add(1);
        // Methods (kinds from METHOD_KINDS on) are only ever called.
        let constructing = magic < METHOD_KINDS && qjs::JS_IsConstructor(ctx, this_val);
        let result = if constructing {
            qjs::JS_CallConstructor2(ctx, original, this_val, argc, argv)
        } else {
            qjs::JS_Call(ctx, original, this_val, argc, argv)
        };
        if !qjs::JS_IsException(result) {
            return result;
        }
        // Error path: hand the error, the kind, new.target and the arguments to `reword`.
        let error = qjs::JS_GetException(ctx);
        let args = qjs::JS_NewArray(ctx);
        if qjs::JS_IsException(args) {
            return qjs::JS_Throw(ctx, error);
        }
        for i in 0..argc.max(0) {
            let v = qjs::JS_DupValue(ctx, *argv.add(i as usize));
            qjs::JS_SetPropertyUint32(ctx, args, i as u32, v);
        }
        let new_target = if constructing {
            this_val
        } else {
            qjs::JS_UNDEFINED
        };
        let mut call_args = [
            error,
            qjs::JS_NewNumber(ctx, f64::from(magic)),
            new_target,
            args,
        ];
        let reworded = qjs::JS_Call(ctx, reword, qjs::JS_UNDEFINED, 4, call_args.as_mut_ptr());
        qjs::JS_FreeValue(ctx, call_args[3]);
        if qjs::JS_IsException(reworded) {
            qjs::JS_FreeValue(ctx, error);
            return reworded;
        }
        qjs::JS_FreeValue(ctx, error);
        qjs::JS_Throw(ctx, reworded)
    }
}

/// `wrap(original, reword, kind, name, length, isConstructor)`: a native function that forwards
/// every call (and construction, with the same new.target) to `original` and passes any error
/// it throws through `reword` first.
fn forwarder<'js>(
    ctx: Ctx<'js>,
    original: Function<'js>,
    reword: Function<'js>,
    kind: i32,
    name: String,
    length: i32,
    is_constructor: bool,
) -> Result<Value<'js>> {
    let name = CString::new(name).map_err(|_| rquickjs::Error::new_from_js("string", "name"))?;
    let mut data = [original.as_raw(), reword.as_raw()];
    // SAFETY: `data` holds two live values of this context (JS_NewCFunctionData2 takes its own
    // references); `name` outlives the call; the result is an owned value (or an exception,
    // which we turn into an error).
    unsafe {
        let raw_ctx = ctx.as_raw().as_ptr();
        let f = qjs::JS_NewCFunctionData2(
            raw_ctx,
            Some(forward),
            name.as_ptr(),
            // Declared length 0: the engine then passes the caller's arguments through without
            // padding them into a copy (the engine function pads for itself).
            0,
            kind,
            2,
            data.as_mut_ptr(),
        );
        if qjs::JS_IsException(f) {
            return Err(rquickjs::Error::Exception);
        }
        if is_constructor {
            qjs::JS_SetConstructorBit(raw_ctx, f, true);
        }
        let f = Function::from_value(Value::from_raw(ctx.clone(), f))?;
        f.set_length(usize::try_from(length).unwrap_or(0))?;
        Ok(f.into_value())
    }
}

/// Replaces the typed array, ArrayBuffer, SharedArrayBuffer and DataView constructors and
/// `BigInt` of `ctx` by forwarders with V8's error texts (`buffer`: the Buffer module, whose
/// `Buffer` inherits from `Uint8Array`; `None` in a vm context).
pub fn install<'js>(ctx: &Ctx<'js>, buffer: Option<&Object<'js>>) -> Result<()> {
    let installer: Function = nodebuf_js::bytecode::load_or_eval(
        ctx,
        crate::host::startup_bytecode::ENGINE,
        crate::host::startup_bytecode::script("messages"),
        include_str!("messages.js"),
        "node:internal/messages",
        true,
    )?;
    let wrap = Function::new(ctx.clone(), forwarder)?;
    let format_number = Function::new(ctx.clone(), crate::numbers::shortest::number_to_string)?;
    let buffer_ctor: Value = match buffer {
        Some(m) => m.get("Buffer")?,
        None => Value::new_undefined(ctx.clone()),
    };
    installer.call((wrap, format_number, buffer_ctor))
}
