//! `structuredClone` of plain data in one native walk: the value graph is copied straight into
//! new objects of the same runtime, without the flat list the general path (`messaging.js`'s
//! `Flattener`, [`super::messaging::encode`]/[`decode`](super::messaging::decode), then the
//! JS reader) builds for values that cross threads.
//!
//! It takes only what it can clone exactly as V8's serializer does while running no JS at all:
//! primitives (not symbols); ordinary objects whose prototype is `Object.prototype` or null
//! and whose own enumerable string-keyed properties are all data properties; dense Arrays with
//! no enumerable keys but their indices; typed arrays (not Float16Array) and ArrayBuffers whose
//! buffer is a live, fixed-length, unshared ArrayBuffer; and references back to any of these
//! (shared and circular ones stay shared and circular). Anything else anywhere in the graph
//! (a getter, a Proxy, a class instance, a Map, an Error, a DataView, a SharedArrayBuffer, a
//! detached or resizable buffer, a length-tracking view...) makes the walk give up before any
//! script could have seen it, and the caller takes the general path, which handles every case
//! in Node's order. Giving up has no effect but the garbage it leaves: nothing ran.
//!
//! Reading an ordinary object's own data properties, an Array's fast elements and a buffer's
//! bytes runs no JS; the clones are defined (never set) on new objects, so no setter on
//! `Object.prototype` or `Array.prototype` runs either.

use std::collections::HashMap;

use rquickjs::{qjs, ArrayBuffer, Ctx, Function, Result, Value};

use super::messaging::CountedBytes;
use super::plain_data::{
    address, live_view, own_data_property, owned, PropertyTable, JS_CLASS_OBJECT,
};

/// Beyond this nesting the walk gives up (the general path then reports what V8 would).
const MAX_DEPTH: u32 = 256;

/// `JS_PROP_CONFIGURABLE | JS_PROP_WRITABLE | JS_PROP_ENUMERABLE`: what a clone's properties
/// are, as V8's deserializer defines them.
const PLAIN_PROPERTY: i32 = qjs::JS_PROP_C_W_E as i32;

/// One walk: the source objects already cloned (by address), for references back.
struct Walk<'js> {
    ctx: Ctx<'js>,
    object_prototype: Value<'js>,
    /// `ArrayBuffer.prototype`'s `resizable` getter, captured before any script ran.
    resizable: Function<'js>,
    clones: HashMap<usize, Value<'js>>,
}

/// `m.clonePlain(value, objectPrototype, resizableGetter)`: the clone of `value`, or
/// `undefined` when the walk gave up (see the module's description).
pub fn js_clone_plain<'js>(
    ctx: Ctx<'js>,
    value: Value<'js>,
    object_prototype: Value<'js>,
    resizable: Function<'js>,
) -> Result<Value<'js>> {
    let mut walk = Walk {
        ctx: ctx.clone(),
        object_prototype,
        resizable,
        clones: HashMap::new(),
    };
    Ok(walk
        .clone_value(&value, 0)?
        .unwrap_or_else(|| Value::new_undefined(ctx)))
}

/// `m.defineData(target, key, value)`: defines `target[key]` as an enumerable, writable,
/// configurable data property, as V8's deserializer makes a clone's properties (the general
/// path's reader): no setter runs and a `__proto__` key stays an own property. `key` is a
/// string the writer listed.
pub fn js_define_data<'js>(
    ctx: Ctx<'js>,
    target: Value<'js>,
    key: rquickjs::String<'js>,
    value: Value<'js>,
) -> Result<()> {
    let raw_ctx = ctx.as_raw().as_ptr();
    // SAFETY: a string: making its atom runs no JS; the atom is freed below.
    let atom = unsafe { qjs::JS_ValueToAtom(raw_ctx, key.as_raw()) };
    if atom == qjs::JS_ATOM_NULL {
        return Err(rquickjs::Error::Exception);
    }
    // SAFETY: defining a property on an object the reader made runs no JS; the engine takes
    // over the new reference made for it (`value` keeps its own); the atom was made above.
    let defined = unsafe {
        let defined = qjs::JS_DefinePropertyValue(
            raw_ctx,
            target.as_raw(),
            atom,
            qjs::JS_DupValue(raw_ctx, value.as_raw()),
            PLAIN_PROPERTY,
        );
        qjs::JS_FreeAtom(raw_ctx, atom);
        defined
    };
    if defined < 0 {
        return Err(rquickjs::Error::Exception);
    }
    Ok(())
}

impl<'js> Walk<'js> {
    fn raw_ctx(&self) -> *mut qjs::JSContext {
        self.ctx.as_raw().as_ptr()
    }

    /// The clone of `value`, `None` to give up.
    fn clone_value(&mut self, value: &Value<'js>, depth: u32) -> Result<Option<Value<'js>>> {
        if !value.is_object() {
            return Ok((!value.is_symbol()).then(|| value.clone()));
        }
        if let Some(done) = self.clones.get(&address(value)) {
            return Ok(Some(done.clone()));
        }
        if depth > MAX_DEPTH {
            return Ok(None);
        }
        let raw = value.as_raw();
        // SAFETY: a live object: these read its class id (and for a view its type) only.
        let (proxy, array, typed, array_buffer, class) = unsafe {
            (
                qjs::JS_IsProxy(raw),
                qjs::JS_IsArray(raw),
                qjs::JS_GetTypedArrayType(raw),
                qjs::JS_IsArrayBuffer(raw),
                qjs::JS_GetClassID(raw),
            )
        };
        if proxy {
            Ok(None)
        } else if array {
            self.clone_array(value, depth)
        } else if typed >= 0 {
            self.clone_typed_array(value, typed)
        } else if array_buffer {
            self.clone_array_buffer(value)
        } else if class == JS_CLASS_OBJECT {
            self.clone_object(value, depth)
        } else {
            Ok(None)
        }
    }

    /// An ordinary object with `Object.prototype` or null as its prototype and only data
    /// properties among its own enumerable string keys.
    fn clone_object(&mut self, value: &Value<'js>, depth: u32) -> Result<Option<Value<'js>>> {
        let ctx = self.raw_ctx();
        let raw = value.as_raw();
        // SAFETY: an ordinary object (not a Proxy): reading its prototype runs no JS; the
        // result is a new reference.
        let prototype = unsafe { owned(&self.ctx, qjs::JS_GetPrototype(ctx, raw))? };
        if !prototype.is_null() && address(&prototype) != address(&self.object_prototype) {
            return Ok(None);
        }
        let flags = qjs::JS_GPN_STRING_MASK as i32 | qjs::JS_GPN_ENUM_ONLY as i32;
        // SAFETY: an ordinary object, not a Proxy.
        let keys = unsafe { PropertyTable::of(&self.ctx, value, flags)? };
        // SAFETY: a new plain object (or JS_EXCEPTION).
        let out = unsafe { owned(&self.ctx, qjs::JS_NewObject(ctx))? };
        self.clones.insert(address(value), out.clone());
        for i in 0..keys.len() {
            let (atom, _) = keys.key(i);
            // SAFETY: an ordinary object, not a Proxy.
            let Some(field) = (unsafe { own_data_property(&self.ctx, value, atom)? }) else {
                return Ok(None);
            };
            let Some(copy) = self.clone_value(&field, depth + 1)? else {
                return Ok(None);
            };
            // SAFETY: defines an own data property on the new object (no setter runs); the
            // engine takes over the new reference made for it (`copy` keeps its own).
            if unsafe {
                qjs::JS_DefinePropertyValue(
                    ctx,
                    out.as_raw(),
                    atom,
                    qjs::JS_DupValue(ctx, copy.as_raw()),
                    PLAIN_PROPERTY,
                )
            } < 0
            {
                return Err(rquickjs::Error::Exception);
            }
        }
        Ok(Some(out))
    }

    /// A dense Array (the engine's fast array) with no enumerable keys but its indices.
    fn clone_array(&mut self, value: &Value<'js>, depth: u32) -> Result<Option<Value<'js>>> {
        let ctx = self.raw_ctx();
        // The elements, each a new reference, before anything is allocated below. A fast
        // array's dense part can be shorter than its `length` (trailing holes, from
        // `length = n`): those holes stay holes in V8's clone, on the general path.
        // SAFETY: the slice is read at once, before any JS runs or anything is allocated.
        let Some(elements) = (unsafe { crate::host::engine::packed_array_elements(value) }) else {
            return Ok(None);
        };
        let elements: Vec<Value<'js>> = elements
            .iter()
            // SAFETY: live values of the array; each is duplicated, not moved.
            .map(|&v| unsafe { Value::from_raw(self.ctx.clone(), qjs::JS_DupValue(ctx, v)) })
            .collect();
        let flags = qjs::JS_GPN_STRING_MASK as i32
            | qjs::JS_GPN_ENUM_ONLY as i32
            | nodebuf_js::own_keys::JS_GPN_NO_INDEX;
        // SAFETY: an Array, not a Proxy.
        let extra = unsafe { PropertyTable::of(&self.ctx, value, flags)? };
        if !extra.is_empty() {
            return Ok(None);
        }
        // SAFETY: a new empty Array (or JS_EXCEPTION).
        let out = unsafe { owned(&self.ctx, qjs::JS_NewArray(ctx))? };
        self.clones.insert(address(value), out.clone());
        for (i, element) in elements.iter().enumerate() {
            let Some(copy) = self.clone_value(element, depth + 1)? else {
                return Ok(None);
            };
            // SAFETY: defines an own element of the new Array (no setter runs); the engine
            // takes over the new reference made for it (`copy` keeps its own).
            if unsafe {
                qjs::JS_DefinePropertyValueUint32(
                    ctx,
                    out.as_raw(),
                    i as u32,
                    qjs::JS_DupValue(ctx, copy.as_raw()),
                    PLAIN_PROPERTY,
                )
            } < 0
            {
                return Err(rquickjs::Error::Exception);
            }
        }
        Ok(Some(out))
    }

    /// A copy of a live, fixed-length ArrayBuffer's bytes, counted as Node counts a clone's.
    fn clone_array_buffer(&mut self, value: &Value<'js>) -> Result<Option<Value<'js>>> {
        if let Some(done) = self.clones.get(&address(value)) {
            return Ok(Some(done.clone()));
        }
        // The intrinsic getter (captured at start-up) runs no script code.
        if self
            .resizable
            .call::<_, bool>((rquickjs::function::This(value.clone()),))?
        {
            return Ok(None);
        }
        let mut len: qjs::size_t = 0;
        // SAFETY: an ArrayBuffer of this context: the pointer is valid for `len` bytes until
        // JS runs again (none runs before the copy); a detached buffer gives null and a
        // TypeError, cleared (the general path reports it).
        let ptr = unsafe { qjs::JS_GetArrayBuffer(self.raw_ctx(), &mut len, value.as_raw()) };
        if ptr.is_null() {
            let _ = self.ctx.catch();
            return Ok(None);
        }
        // SAFETY: as above; copied at once.
        let bytes = unsafe { std::slice::from_raw_parts(ptr, len as usize) }.to_vec();
        let out =
            ArrayBuffer::from_source(self.ctx.clone(), CountedBytes::new(bytes))?.into_value();
        self.clones.insert(address(value), out.clone());
        Ok(Some(out))
    }

    /// A typed array over a live, fixed-length, unshared ArrayBuffer (not length-tracking): a
    /// view of the same type over the clone of its buffer (a Buffer comes back a Uint8Array,
    /// as in Node).
    fn clone_typed_array(&mut self, value: &Value<'js>, kind: i32) -> Result<Option<Value<'js>>> {
        let Some(element_size) = element_size(kind) else {
            return Ok(None);
        };
        if nodebuf_js::view_record(value).is_none_or(|r| r.length_tracking) {
            return Ok(None);
        }
        let Some((buffer, byte_offset, byte_length)) = live_view(&self.ctx, value) else {
            return Ok(None);
        };
        // SAFETY: a live object: reads its class id only.
        if !unsafe { qjs::JS_IsArrayBuffer(buffer.as_raw()) } {
            return Ok(None);
        }
        let Some(copy) = self.clone_array_buffer(&buffer)? else {
            return Ok(None);
        };
        let args = [
            copy.as_raw(),
            qjs::JS_NewFloat64(byte_offset as f64),
            qjs::JS_NewFloat64((byte_length / element_size) as f64),
        ];
        // SAFETY: the engine's own constructor over the new ArrayBuffer (its `prototype` is a
        // data property of the intrinsic: no JS runs); the arguments are borrowed, the
        // result a new reference.
        let out = unsafe {
            owned(
                &self.ctx,
                qjs::JS_NewTypedArray(self.raw_ctx(), 3, args.as_ptr().cast_mut(), kind as _),
            )?
        };
        self.clones.insert(address(value), out.clone());
        Ok(Some(out))
    }
}

/// The bytes per element of a typed array type the walk clones (not Float16Array, which
/// Node v20 lacks).
fn element_size(kind: i32) -> Option<usize> {
    const SIZES: [(qjs::JSTypedArrayEnum, usize); 11] = [
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8C, 1),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_INT8, 1),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8, 1),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_INT16, 2),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT16, 2),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_INT32, 4),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT32, 4),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_FLOAT32, 4),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_BIG_INT64, 8),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_BIG_UINT64, 8),
        (qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_FLOAT64, 8),
    ];
    SIZES
        .iter()
        .find(|&&(k, _)| k as i32 == kind)
        .map(|&(_, size)| size)
}
