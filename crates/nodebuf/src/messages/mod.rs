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

/// Copies `from`'s own property `atom` (data or accessor, with its attributes) onto `to`;
/// `Ok(false)` when `from` has no such property.
///
/// # Safety
/// `ctx` is live; `from` is an ordinary object (no Proxy: reading its own property runs no JS)
/// and `to` a plain function object of the same context.
unsafe fn copy_own_property(
    ctx: *mut qjs::JSContext,
    from: qjs::JSValue,
    to: qjs::JSValue,
    atom: qjs::JSAtom,
) -> Result<bool> {
    let mut desc = std::mem::MaybeUninit::<qjs::JSPropertyDescriptor>::uninit();
    // SAFETY: the caller's contract; on 1 the descriptor's three values are new references.
    match unsafe { qjs::JS_GetOwnProperty(ctx, desc.as_mut_ptr(), from, atom) } {
        1 => {}
        0 => return Ok(false),
        _ => return Err(rquickjs::Error::Exception),
    }
    // SAFETY: initialized by the engine (1).
    let desc = unsafe { desc.assume_init() };
    let kinds = if desc.flags & qjs::JS_PROP_GETSET as c_int != 0 {
        qjs::JS_PROP_HAS_GET | qjs::JS_PROP_HAS_SET
    } else {
        qjs::JS_PROP_HAS_VALUE | qjs::JS_PROP_HAS_WRITABLE
    };
    let flags = (desc.flags & (qjs::JS_PROP_C_W_E as c_int))
        | (kinds | qjs::JS_PROP_HAS_CONFIGURABLE | qjs::JS_PROP_HAS_ENUMERABLE) as c_int;
    // SAFETY: live values; JS_DefineProperty takes no ownership; the three are freed once after.
    let ok = unsafe {
        let ok =
            qjs::JS_DefineProperty(ctx, to, atom, desc.value, desc.getter, desc.setter, flags) >= 0;
        qjs::JS_FreeValue(ctx, desc.value);
        qjs::JS_FreeValue(ctx, desc.getter);
        qjs::JS_FreeValue(ctx, desc.setter);
        ok
    };
    if ok {
        Ok(true)
    } else {
        Err(rquickjs::Error::Exception)
    }
}

/// `adopt(original, wrapper, name)`: puts `wrapper` where the global `original` was, with every
/// property scripts can reach: `original`'s own properties but `length` and `name` (copied
/// with their attributes: statics, `prototype`, `Symbol.species`), its [[Prototype]],
/// `original.prototype.constructor` and `globalThis[name]` (attributes kept). Runs before any
/// script, on the engine's own constructors; natively, as a JS loop of descriptor copies was
/// 6% of start-up.
fn adopt<'js>(
    ctx: Ctx<'js>,
    original: Function<'js>,
    wrapper: Function<'js>,
    name: String,
) -> Result<()> {
    let raw = ctx.as_raw().as_ptr();
    let mut tab: *mut qjs::JSPropertyEnum = std::ptr::null_mut();
    let mut len: u32 = 0;
    let flags = (qjs::JS_GPN_STRING_MASK | qjs::JS_GPN_SYMBOL_MASK) as c_int;
    // SAFETY: a live function (not a Proxy); on success `tab` holds `len` entries freed below.
    if unsafe { qjs::JS_GetOwnPropertyNames(raw, &mut tab, &mut len, original.as_raw(), flags) } < 0
    {
        return Err(rquickjs::Error::Exception);
    }
    // `prototype` first, the others in the engine's order: V8 lists a constructor's own keys as
    // `length`, `name`, `prototype`, then its statics (`Reflect.ownKeys(Uint8Array)`).
    let prototype = qjs::JS_ATOM_prototype as qjs::JSAtom;
    // SAFETY: i < len entries of the engine's table.
    let atoms = (0..len as usize).map(|i| unsafe { (*tab.add(i)).atom });
    let others = atoms.filter(|&atom| {
        atom != qjs::JS_ATOM_length as qjs::JSAtom
            && atom != qjs::JS_ATOM_name as qjs::JSAtom
            && atom != prototype
    });
    let copied = std::iter::once(prototype)
        .chain(others)
        .try_for_each(|atom| {
            // SAFETY: the engine's constructor (an ordinary function) and the new forwarder.
            unsafe { copy_own_property(raw, original.as_raw(), wrapper.as_raw(), atom) }.map(drop)
        });
    // SAFETY: the table the engine made above, freed once.
    unsafe { qjs::JS_FreePropertyEnum(raw, tab, len) };
    copied?;
    let proto_of: Option<Object> = original.get_prototype();
    wrapper.set_prototype(proto_of.as_ref())?;
    if let Ok(proto) = original.get::<_, Object>("prototype") {
        proto.prop(
            "constructor",
            rquickjs::object::Property::from(wrapper.clone())
                .writable()
                .configurable(),
        )?;
    }
    ctx.globals().prop(
        name.as_str(),
        rquickjs::object::Property::from(wrapper)
            .writable()
            .configurable(),
    )
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
    let adopt = Function::new(ctx.clone(), adopt)?;
    installer.call((wrap, format_number, buffer_ctor, adopt))
}
