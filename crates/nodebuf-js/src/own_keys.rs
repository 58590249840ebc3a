//! An object's own keys without its array indices: what Node's `getOwnNonIndexProperties`
//! (internalBinding('util')) gives `util.inspect` and `Buffer.prototype.inspect`.
//!
//! Listing a Buffer's keys with `Object.keys` and dropping the indices makes a string per byte
//! (a 1 KiB Buffer: 1,024 strings, each tested by a regular expression) to find the few keys
//! that are not indices. The engine lists the others alone (engine patch 0045,
//! `JS_GPN_NO_INDEX`), never making the index keys of typed arrays, fast arrays and strings.

use rquickjs::{qjs, Array, Ctx, Result, Value};

/// Engine patch `quickjs-0045-own-keys-without-indices`: `JS_GetOwnPropertyNames` leaves out
/// array index keys (not in the generated bindings).
pub const JS_GPN_NO_INDEX: i32 = 1 << 6;

/// The own keys of `value` that are not array indices, strings then symbols in the engine's
/// order (that of `Object.keys` and `Object.getOwnPropertySymbols`): the enumerable ones, or
/// with `all` every one (`getOwnPropertyNames` with all symbols). `undefined` for a
/// non-object and for a Proxy (listing its keys would run its `ownKeys` trap; callers take
/// their general path there).
pub fn own_non_index_keys<'js>(ctx: Ctx<'js>, value: Value<'js>, all: bool) -> Result<Value<'js>> {
    // SAFETY: JS_IsProxy reads the value's tag and class id only.
    if !value.is_object() || unsafe { qjs::JS_IsProxy(value.as_raw()) } {
        return Ok(Value::new_undefined(ctx));
    }
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut flags =
        qjs::JS_GPN_STRING_MASK as i32 | qjs::JS_GPN_SYMBOL_MASK as i32 | JS_GPN_NO_INDEX;
    if !all {
        flags |= qjs::JS_GPN_ENUM_ONLY as i32;
    }
    let mut tab: *mut qjs::JSPropertyEnum = std::ptr::null_mut();
    let mut len: u32 = 0;
    // SAFETY: a live object that is not a Proxy: listing its own keys runs no JS (a module
    // namespace may throw for an uninitialized binding, reported as -1). On success the
    // engine hands us `len` entries, freed below.
    if unsafe { qjs::JS_GetOwnPropertyNames(raw_ctx, &mut tab, &mut len, value.as_raw(), flags) }
        < 0
    {
        return Err(rquickjs::Error::Exception);
    }
    let keys = Array::new(ctx.clone());
    let mut filled = Ok(());
    if let Ok(keys) = &keys {
        for i in 0..len as usize {
            // SAFETY: `i < len` entries the engine filled; the atom stays owned by the table.
            let atom = unsafe { (*tab.add(i)).atom };
            // SAFETY: a live atom of this runtime; the result is a new reference (or
            // JS_EXCEPTION when memory runs out, which holds nothing to free).
            let raw_key = unsafe { qjs::JS_AtomToValue(raw_ctx, atom) };
            // SAFETY: reads the tag of the value just returned.
            if unsafe { qjs::JS_IsException(raw_key) } {
                filled = Err(rquickjs::Error::Exception);
                break;
            }
            // SAFETY: the new reference made above, owned by the `Value` from here.
            let key = unsafe { Value::from_raw(ctx.clone(), raw_key) };
            if let Err(e) = keys.set(i, key) {
                filled = Err(e);
                break;
            }
        }
    }
    // SAFETY: the table and its `len` atoms, released once whatever happened above.
    unsafe { qjs::JS_FreePropertyEnum(raw_ctx, tab, len) };
    filled?;
    Ok(keys?.into_value())
}
