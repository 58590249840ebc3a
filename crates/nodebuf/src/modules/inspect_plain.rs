//! `util.inspect` (and so `console.log`) of plain data under the default options, in one
//! native walk: what Node's formatValue/formatRaw/formatProperty would print, laid out by
//! `nodebuf_core::inspect_layout`.
//!
//! It takes only values whose printing can run no script code and depends on nothing a
//! script could have changed unseen: `undefined`, `null`, booleans, numbers, strings;
//! ordinary objects whose prototype is the intrinsic `Object.prototype`, with no symbol keys,
//! no own `constructor` and only data properties among their enumerable keys; and dense
//! Arrays inheriting from the intrinsic `Array.prototype` with no own keys but their indices
//! and `length`; and Buffers (Uint8Arrays inheriting from the `Buffer.prototype` the runner
//! started with, with no own keys but their indices, read through the intrinsic `length`),
//! printed as Buffer's own inspect function prints them (`<Buffer 68 69 ...>`) while that
//! function, `hexSlice`, `constructor` and `Buffer.name` are still the original ones. The
//! intrinsics must still be as Node's checks read them (`constructor`
//! links, the constructors' `name`s and prototypes, no `Symbol.toStringTag`, no inspect-custom
//! function on either prototype, no own `Symbol.hasInstance`). Anything else anywhere in the
//! value (a getter, a Proxy, a class instance, a symbol, a BigInt, a typed array that is not
//! such a Buffer, a circular reference...) gives up before any script could have seen it, and the JS formatter, which
//! handles every case, takes the value from the start. Giving up leaves nothing behind.

use nodebuf_core::inspect::inspect_number;
use nodebuf_core::inspect_layout::{self, Group, DEPTH, MAX_ARRAY_LENGTH};
use nodebuf_js::StrRef;
use rquickjs::{qjs, Array, Ctx, Result, Value};

use super::plain_data::{
    address, live_view, own_data_property, owned, PropertyTable, JS_CLASS_OBJECT,
};

/// The intrinsics the walk compares with, as `internal/inspect` captured them at start-up.
struct Intrinsics<'js> {
    object_prototype: Value<'js>,
    array_prototype: Value<'js>,
    object: Value<'js>,
    array: Value<'js>,
    function_prototype: Value<'js>,
    /// `[Buffer.prototype, Buffer, its inspect function, its hexSlice]`, taken before any
    /// script ran ([`buffer_intrinsics`]).
    buffer: [Value<'js>; 4],
}

/// `native.bufferIntrinsics`: `[Buffer.prototype, Buffer, Buffer.prototype.inspect,
/// Buffer.prototype.hexSlice]` of the buffer module just installed (no script has run).
/// buffer.js installs the same function as `inspect` and as `[inspect.custom]`, the key the
/// walk checks.
pub fn buffer_intrinsics<'js>(
    ctx: &Ctx<'js>,
    module: &rquickjs::Object<'js>,
) -> Result<Array<'js>> {
    let buffer: rquickjs::Object = module.get("Buffer")?;
    let prototype: rquickjs::Object = buffer.get("prototype")?;
    let list = Array::new(ctx.clone())?;
    list.set(0, prototype.clone())?;
    list.set(1, buffer)?;
    list.set(2, prototype.get::<_, Value>("inspect")?)?;
    list.set(3, prototype.get::<_, Value>("hexSlice")?)?;
    Ok(list)
}

/// An atom made for one call, freed when dropped.
struct Atom {
    ctx: *mut qjs::JSContext,
    atom: qjs::JSAtom,
}

impl Atom {
    fn from_str(ctx: &Ctx<'_>, name: &std::ffi::CStr) -> Result<Self> {
        let ctx = ctx.as_raw().as_ptr();
        // SAFETY: a NUL-terminated name; making an atom runs no JS.
        let atom = unsafe { qjs::JS_NewAtom(ctx, name.as_ptr()) };
        if atom == qjs::JS_ATOM_NULL {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Self { ctx, atom })
    }

    fn from_symbol(ctx: &Ctx<'_>, symbol: &Value<'_>) -> Result<Self> {
        let ctx = ctx.as_raw().as_ptr();
        // SAFETY: a symbol value: its atom is taken with no JS run.
        let atom = unsafe { qjs::JS_ValueToAtom(ctx, symbol.as_raw()) };
        if atom == qjs::JS_ATOM_NULL {
            return Err(rquickjs::Error::Exception);
        }
        Ok(Self { ctx, atom })
    }
}

impl Drop for Atom {
    fn drop(&mut self) {
        // SAFETY: our own atom, freed once.
        unsafe { qjs::JS_FreeAtom(self.ctx, self.atom) };
    }
}

/// The atoms the checks look up.
struct Keys {
    constructor: Atom,
    name: Atom,
    hex_slice: Atom,
    to_string_tag: Atom,
    has_instance: Atom,
    custom: Atom,
}

/// `native.inspectPlain(value, intrinsics)`: `util.inspect(value)` under the default options,
/// or `undefined` when the walk gave up (see the module's description). `intrinsics` is
/// `[Object.prototype, Array.prototype, Object, Array, Function.prototype,
/// Symbol.toStringTag, Symbol.hasInstance, Symbol.for('nodejs.util.inspect.custom')]`
/// followed by the four of [`buffer_intrinsics`].
pub fn js_inspect_plain<'js>(
    ctx: Ctx<'js>,
    value: Value<'js>,
    intrinsics: Array<'js>,
) -> Result<Value<'js>> {
    let undefined = Value::new_undefined(ctx.clone());
    let given = Intrinsics {
        object_prototype: intrinsics.get(0)?,
        array_prototype: intrinsics.get(1)?,
        object: intrinsics.get(2)?,
        array: intrinsics.get(3)?,
        function_prototype: intrinsics.get(4)?,
        buffer: [
            intrinsics.get(8)?,
            intrinsics.get(9)?,
            intrinsics.get(10)?,
            intrinsics.get(11)?,
        ],
    };
    let symbols: [Value<'js>; 3] = [intrinsics.get(5)?, intrinsics.get(6)?, intrinsics.get(7)?];
    if !symbols.iter().all(Value::is_symbol)
        || ![
            &given.object_prototype,
            &given.array_prototype,
            &given.object,
            &given.array,
            &given.function_prototype,
        ]
        .into_iter()
        .chain(given.buffer.iter())
        .all(|v| v.is_object())
    {
        return Ok(undefined);
    }
    // A value that cannot be plain data (a class instance, a Map, a Proxy...) goes to the JS
    // formatter before the intrinsics are checked.
    if value.is_object() && kind_of(&ctx, &value, &given)?.is_none() {
        return Ok(undefined);
    }
    let keys = Keys {
        constructor: Atom::from_str(&ctx, c"constructor")?,
        name: Atom::from_str(&ctx, c"name")?,
        hex_slice: Atom::from_str(&ctx, c"hexSlice")?,
        to_string_tag: Atom::from_symbol(&ctx, &symbols[0])?,
        has_instance: Atom::from_symbol(&ctx, &symbols[1])?,
        custom: Atom::from_symbol(&ctx, &symbols[2])?,
    };
    let mut walk = Walk {
        ctx: ctx.clone(),
        intrinsics: given,
        keys,
        seen: Vec::new(),
        indentation: 0,
        current_depth: 0,
        buffer_checked: None,
    };
    if !walk.intrinsics_as_node_reads_them()? {
        return Ok(undefined);
    }
    match walk.format_value(&value, 0)? {
        Some(text) => Ok(rquickjs::String::from_str(ctx, &text)?.into_value()),
        None => Ok(undefined),
    }
}

/// What a walked object may be printed as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
    Buffer,
}

/// The kind of `object` when its class and prototype are those of a plain object, a plain
/// array or a Buffer (read from the object itself: no JS runs); `None` for anything else.
fn kind_of<'js>(
    ctx: &Ctx<'js>,
    object: &Value<'js>,
    given: &Intrinsics<'js>,
) -> Result<Option<Kind>> {
    let raw = object.as_raw();
    // SAFETY: a live object: these read its class only.
    let (proxy, array, class, typed) = unsafe {
        (
            qjs::JS_IsProxy(raw),
            qjs::JS_IsArray(raw),
            qjs::JS_GetClassID(raw),
            qjs::JS_GetTypedArrayType(raw),
        )
    };
    let (kind, expected) = if proxy {
        return Ok(None);
    } else if array {
        (Kind::Array, &given.array_prototype)
    } else if class == JS_CLASS_OBJECT {
        (Kind::Object, &given.object_prototype)
    } else if typed == qjs::JSTypedArrayEnum_JS_TYPED_ARRAY_UINT8 as i32 {
        (Kind::Buffer, &given.buffer[0])
    } else {
        return Ok(None);
    };
    // SAFETY: not a Proxy: reading the prototype runs no JS; the result is a new reference.
    let prototype = unsafe { owned(ctx, qjs::JS_GetPrototype(ctx.as_raw().as_ptr(), raw))? };
    Ok((prototype.is_object() && address(&prototype) == address(expected)).then_some(kind))
}

/// What a walk has formatted so far (Node's inspect context, for the default options).
struct Walk<'js> {
    ctx: Ctx<'js>,
    intrinsics: Intrinsics<'js>,
    keys: Keys,
    /// The objects being formatted, outermost first (a value met again is circular).
    seen: Vec<usize>,
    indentation: usize,
    current_depth: usize,
    /// Whether Buffer's intrinsics are unchanged (checked at the first Buffer met).
    buffer_checked: Option<bool>,
}

/// What kind of container a walked object is.
enum Container<'js> {
    Object(PropertyTable),
    Array(Vec<Value<'js>>),
}

impl<'js> Walk<'js> {
    fn raw_ctx(&self) -> *mut qjs::JSContext {
        self.ctx.as_raw().as_ptr()
    }

    /// Whether `object` (not a Proxy) has an own property `atom` of any kind.
    fn has_own(&self, object: &Value<'js>, atom: qjs::JSAtom) -> Result<bool> {
        // SAFETY: an intrinsic or checked ordinary object, not a Proxy: the lookup runs no JS;
        // no descriptor is asked for.
        let found = unsafe {
            qjs::JS_GetOwnProperty(self.raw_ctx(), std::ptr::null_mut(), object.as_raw(), atom)
        };
        if found < 0 {
            return Err(rquickjs::Error::Exception);
        }
        Ok(found == 1)
    }

    fn prototype_of(&self, object: &Value<'js>) -> Result<Value<'js>> {
        // SAFETY: not a Proxy (checked by every caller): reading the prototype runs no JS;
        // the result is a new reference.
        unsafe {
            owned(
                &self.ctx,
                qjs::JS_GetPrototype(self.raw_ctx(), object.as_raw()),
            )
        }
    }

    /// Whether the intrinsics still answer Node's checks as they did at start-up: each
    /// prototype's `constructor` is its constructor, whose `name` is its own, whose prototype
    /// is `Function.prototype` and which has no own `Symbol.hasInstance` (so `instanceof`
    /// is the ordinary test); neither prototype has a `Symbol.toStringTag` or an
    /// inspect-custom function; `Array.prototype` inherits from `Object.prototype`.
    fn intrinsics_as_node_reads_them(&self) -> Result<bool> {
        let pairs = [
            (
                &self.intrinsics.object_prototype,
                &self.intrinsics.object,
                "Object",
            ),
            (
                &self.intrinsics.array_prototype,
                &self.intrinsics.array,
                "Array",
            ),
        ];
        for (prototype, constructor, name) in pairs {
            if self.has_own(prototype, self.keys.to_string_tag.atom)?
                || self.has_own(prototype, self.keys.custom.atom)?
                || self.has_own(constructor, self.keys.has_instance.atom)?
            {
                return Ok(false);
            }
            // SAFETY: intrinsic objects, not Proxies.
            let linked =
                unsafe { own_data_property(&self.ctx, prototype, self.keys.constructor.atom)? };
            if !linked.is_some_and(|c| c.is_object() && address(&c) == address(constructor)) {
                return Ok(false);
            }
            // SAFETY: as above.
            let own_name =
                unsafe { own_data_property(&self.ctx, constructor, self.keys.name.atom)? };
            if !own_name.is_some_and(|n| {
                n.as_string().and_then(|s| s.to_string().ok()).as_deref() == Some(name)
            }) {
                return Ok(false);
            }
            let parent = self.prototype_of(constructor)?;
            if !parent.is_object()
                || address(&parent) != address(&self.intrinsics.function_prototype)
            {
                return Ok(false);
            }
        }
        let parent = self.prototype_of(&self.intrinsics.array_prototype)?;
        Ok(parent.is_object() && address(&parent) == address(&self.intrinsics.object_prototype))
    }

    /// Node's formatValue for a value at nesting `recurse_times`; `None` to give up.
    fn format_value(&mut self, value: &Value<'js>, recurse_times: usize) -> Result<Option<String>> {
        if let Some(b) = value.as_bool() {
            return Ok(Some(b.to_string()));
        }
        if let Some(i) = value.as_int() {
            return Ok(Some(i.to_string()));
        }
        if let Some(f) = value.as_float() {
            return Ok(Some(inspect_number(f)));
        }
        if value.is_undefined() {
            return Ok(Some("undefined".into()));
        }
        if value.is_null() {
            return Ok(Some("null".into()));
        }
        if value.is_string() {
            let text = StrRef::new(&self.ctx, value)?;
            return Ok(Some(inspect_layout::string_at(
                text.as_js_str(),
                self.indentation,
            )));
        }
        if value.is_object() {
            return self.format_object(value, recurse_times);
        }
        Ok(None)
    }

    /// The keys or elements of a plain object or array ([`kind_of`]) when it is plain data
    /// (see the module's description).
    fn container(&self, value: &Value<'js>, array: bool) -> Result<Option<Container<'js>>> {
        // No symbol keys at all: an own inspect-custom function (enumerable or not) would run.
        let symbols = qjs::JS_GPN_SYMBOL_MASK as i32;
        // SAFETY: not a Proxy.
        if !unsafe { PropertyTable::of(&self.ctx, value, symbols)? }.is_empty() {
            return Ok(None);
        }
        if array {
            // Only `length` besides the indices (Node lists enumerable extras; a non-enumerable
            // `constructor` would change the name Node prints).
            let extra = qjs::JS_GPN_STRING_MASK as i32 | nodebuf_js::own_keys::JS_GPN_NO_INDEX;
            // SAFETY: not a Proxy.
            if unsafe { PropertyTable::of(&self.ctx, value, extra)? }.len() != 1 {
                return Ok(None);
            }
            // SAFETY: the slice is copied at once, before any JS runs or anything changes.
            let Some(elements) = (unsafe { crate::host::engine::packed_array_elements(value) })
            else {
                return Ok(None);
            };
            let ctx = self.raw_ctx();
            let elements = elements
                .iter()
                // SAFETY: live values of the array; each is duplicated, not moved.
                .map(|&v| unsafe { Value::from_raw(self.ctx.clone(), qjs::JS_DupValue(ctx, v)) })
                .collect();
            return Ok(Some(Container::Array(elements)));
        }
        let strings = qjs::JS_GPN_STRING_MASK as i32;
        // SAFETY: not a Proxy.
        let keys = unsafe { PropertyTable::of(&self.ctx, value, strings)? };
        for i in 0..keys.len() {
            if keys.key(i).0 == self.keys.constructor.atom {
                return Ok(None);
            }
        }
        Ok(Some(Container::Object(keys)))
    }

    /// Whether `value` (not a Proxy) has an own data property `atom` holding `expected`.
    fn own_data_is(
        &self,
        value: &Value<'js>,
        atom: qjs::JSAtom,
        expected: &Value<'js>,
    ) -> Result<bool> {
        // SAFETY: an intrinsic object, not a Proxy.
        let found = unsafe { own_data_property(&self.ctx, value, atom)? };
        Ok(found.is_some_and(|v| v.is_object() && address(&v) == address(expected)))
    }

    /// Whether Buffer.prototype's inspect function, `hexSlice` and `constructor`, and
    /// `Buffer.name`, are still what Buffer's inspect output is made from.
    fn buffer_intrinsics_unchanged(&mut self) -> Result<bool> {
        if let Some(known) = self.buffer_checked {
            return Ok(known);
        }
        let [prototype, buffer, inspect, hex_slice] = &self.intrinsics.buffer;
        // SAFETY: an intrinsic object, not a Proxy.
        let name = unsafe { own_data_property(&self.ctx, buffer, self.keys.name.atom)? };
        let unchanged = self.own_data_is(prototype, self.keys.custom.atom, inspect)?
            && self.own_data_is(prototype, self.keys.hex_slice.atom, hex_slice)?
            && self.own_data_is(prototype, self.keys.constructor.atom, buffer)?
            && name.is_some_and(|n| {
                n.as_string().and_then(|s| s.to_string().ok()).as_deref() == Some("Buffer")
            });
        self.buffer_checked = Some(unchanged);
        Ok(unchanged)
    }

    /// A Buffer ([`kind_of`]) as Buffer's own inspect function prints it (no own keys but
    /// indices, so no extras); `None` to give up.
    fn format_buffer(&mut self, value: &Value<'js>) -> Result<Option<String>> {
        let every_own = qjs::JS_GPN_STRING_MASK as i32
            | qjs::JS_GPN_SYMBOL_MASK as i32
            | nodebuf_js::own_keys::JS_GPN_NO_INDEX;
        // SAFETY: a typed array, not a Proxy.
        if !unsafe { PropertyTable::of(&self.ctx, value, every_own)? }.is_empty()
            || !nodebuf_js::length_is_intrinsic(&self.ctx, value)
            || !self.buffer_intrinsics_unchanged()?
        {
            return Ok(None);
        }
        let Some((buffer, byte_offset, byte_length)) = live_view(&self.ctx, value) else {
            return Ok(None);
        };
        let mut len: qjs::size_t = 0;
        // SAFETY: the view's buffer: its bytes stay valid for `len` until JS runs (none runs
        // before the copy below); anything but an ArrayBuffer gives null and an exception,
        // cleared (the JS formatter then prints the value).
        let base = unsafe { qjs::JS_GetArrayBuffer(self.raw_ctx(), &mut len, buffer.as_raw()) };
        if base.is_null() || byte_offset + byte_length > len as usize {
            let _ = self.ctx.catch();
            return Ok(None);
        }
        // SAFETY: `byte_offset + byte_length <= len` bytes of the live buffer, read at once.
        let bytes = unsafe { std::slice::from_raw_parts(base.add(byte_offset), byte_length) };
        // Node's Buffer inspect: `min(INSPECT_MAX_BYTES, length)` bytes in hex, then
        // `length - INSPECT_MAX_BYTES` more when positive.
        Ok(Some(nodebuf_core::inspect::inspect_buffer(
            "Buffer",
            bytes,
            nodebuf_core::inspect::inspect_max_bytes(),
            &[],
        )))
    }

    /// Node's formatRaw for a plain object or array (a Buffer: its inspect output); `None` to
    /// give up.
    fn format_object(
        &mut self,
        value: &Value<'js>,
        recurse_times: usize,
    ) -> Result<Option<String>> {
        let array = match kind_of(&self.ctx, value, &self.intrinsics)? {
            None => return Ok(None),
            Some(Kind::Buffer) => return self.format_buffer(value),
            Some(kind) => kind == Kind::Array,
        };
        let id = address(value);
        if self.seen.contains(&id) {
            return Ok(None);
        }
        let Some(container) = self.container(value, array)? else {
            return Ok(None);
        };
        let empty = match &container {
            Container::Object(keys) => (0..keys.len()).all(|i| !keys.key(i).1),
            Container::Array(elements) => elements.is_empty(),
        };
        let (open, close) = if array { ("[", "]") } else { ("{", "}") };
        if empty {
            return Ok(Some(format!("{open}{close}")));
        }
        if recurse_times > DEPTH {
            return Ok(Some(if array { "[Array]" } else { "[Object]" }.into()));
        }
        let recurse_times = recurse_times + 1;
        self.seen.push(id);
        self.current_depth = recurse_times;
        let formatted = match &container {
            Container::Array(elements) => self.format_elements(elements, recurse_times)?,
            Container::Object(keys) => self.format_properties(value, keys, recurse_times)?,
        };
        self.seen.pop();
        let Some(output) = formatted else {
            return Ok(None);
        };
        // Node tests the elements its output shows, the "more items" entry's index included.
        let numeric = match &container {
            Container::Array(elements) => elements
                .iter()
                .take(MAX_ARRAY_LENGTH + 1)
                .all(Value::is_number),
            Container::Object(_) => false,
        };
        Ok(Group {
            output,
            open,
            close,
            array,
            numeric,
            indentation: self.indentation,
            current_depth: self.current_depth,
            recurse_times,
        }
        .reduce())
    }

    /// Node's formatArray for a dense array (each element formatted two further in).
    fn format_elements(
        &mut self,
        elements: &[Value<'js>],
        recurse_times: usize,
    ) -> Result<Option<Vec<String>>> {
        let shown = elements.len().min(MAX_ARRAY_LENGTH);
        let mut output = Vec::with_capacity(shown + 1);
        for element in &elements[..shown] {
            self.indentation += 2;
            let text = self.format_value(element, recurse_times);
            self.indentation -= 2;
            let Some(text) = text? else {
                return Ok(None);
            };
            output.push(text);
        }
        if elements.len() > shown {
            output.push(inspect_layout::more_items(elements.len() - shown));
        }
        Ok(Some(output))
    }

    /// `key: value` for each enumerable own property (Node's formatProperty, kObjectType).
    fn format_properties(
        &mut self,
        value: &Value<'js>,
        keys: &PropertyTable,
        recurse_times: usize,
    ) -> Result<Option<Vec<String>>> {
        let mut output = Vec::with_capacity(keys.len());
        for i in 0..keys.len() {
            let (atom, enumerable) = keys.key(i);
            if !enumerable {
                continue;
            }
            // SAFETY: a checked ordinary object, not a Proxy.
            let Some(field) = (unsafe { own_data_property(&self.ctx, value, atom)? }) else {
                return Ok(None);
            };
            self.indentation += 2;
            let text = self.format_value(&field, recurse_times);
            self.indentation -= 2;
            let Some(text) = text? else {
                return Ok(None);
            };
            // SAFETY: a string key's atom: its string is a new reference (no JS runs).
            let key = unsafe { owned(&self.ctx, qjs::JS_AtomToString(self.raw_ctx(), atom))? };
            let key = StrRef::new(&self.ctx, &key)?;
            output.push(format!(
                "{}: {text}",
                inspect_layout::property_key(key.as_js_str())
            ));
        }
        Ok(Some(output))
    }
}
