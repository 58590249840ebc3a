//! `WebAssembly.Instance` and exported functions: instantiation, calls (native for primitive
//! arguments, through the JS half otherwise).

use super::*;

/// `new WebAssembly.Instance(module, imports)` with the imports the JS half resolved:
/// `descriptors[i]` is `[kind, handle]` (kind `j`: a JS callable the dispatcher knows by that
/// id; `f`/`m`/`t`/`g`: a function/memory/table/global handle). Returns `[0, exports]` with
/// `[name, kind, handle, index]` per export, or a failure status (see [`failure`]).
pub(super) fn instantiate<'js>(
    ctx: Ctx<'js>,
    id: u32,
    descriptors: Array<'js>,
) -> Result<Value<'js>> {
    let _guard = CtxGuard::enter(&ctx);
    let world = world();
    let entry = module_entry(&world, id)?;
    let mut externs = Vec::new();
    for (i, ty) in import_order(&entry) {
        let desc: Array = descriptors.get(i)?;
        let kind: String = desc.get(0)?;
        let handle: u32 = desc.get(1)?;
        let bad = || rquickjs::Error::new_from_js("import", "WebAssembly import");
        let ext = match kind.as_str() {
            "j" => {
                let ExternType::Func(ty) = &ty else {
                    return Err(bad());
                };
                Extern::Func(import_func(&world, handle, ty.clone()).ok_or_else(bad)?)
            }
            "f" => Extern::Func(world.funcs.borrow().get(handle).ok_or_else(bad)?),
            "m" => Extern::Memory(memory_entry(&world, handle).ok_or_else(bad)?.memory),
            "t" => Extern::Table(world.tables.borrow().get(handle).ok_or_else(bad)?),
            "g" => Extern::Global(world.globals.borrow().get(handle).ok_or_else(bad)?),
            _ => return Err(bad()),
        };
        externs.push(ext);
    }
    let module = entry.module.clone();
    let made = with_store(&world, |s| Instance::new(s, &module, &externs));
    refresh(&ctx, &world);
    let instance = match made {
        Some(Ok(instance)) => instance,
        Some(Err(e)) => return failure(&ctx, e, entry.hints),
        None => return Err(rquickjs::Error::new_from_js("store", "WebAssembly store")),
    };
    let out = Array::new(ctx.clone())?;
    for (i, (name, kind, index)) in entry.exports.iter().enumerate() {
        let ext = with_store(&world, |s| instance.get_export(&s, name)).flatten();
        let handle = match ext {
            Some(Extern::Func(f)) => {
                let handle = world.funcs.borrow_mut().id_of(f);
                world.func_module.borrow_mut().entry(handle).or_insert(id);
                world
                    .func_index
                    .borrow_mut()
                    .entry(handle)
                    .or_insert(*index);
                handle
            }
            Some(Extern::Memory(m)) => memory_id(&world, m),
            Some(Extern::Table(t)) => world.tables.borrow_mut().id_of(t),
            Some(Extern::Global(g)) => world.globals.borrow_mut().id_of(g),
            None => continue,
        };
        let item = Array::new(ctx.clone())?;
        item.set(0, name.as_str())?;
        item.set(1, kind.to_string())?;
        item.set(2, handle)?;
        item.set(3, *index)?;
        out.set(i, item)?;
    }
    name_table_functions(&world, &entry, &externs, &instance);
    let result = Array::new(ctx.clone())?;
    result.set(0, 0)?;
    result.set(1, out)?;
    Ok(result.into_value())
}

/// Records the function index of every function an element segment placed in a table JS can
/// reach (imported or exported), so `table.get(i)` gives V8's name.
pub(super) fn name_table_functions(
    world: &World,
    entry: &ModuleEntry,
    externs: &[Extern],
    instance: &Instance,
) {
    if entry.elements.is_empty() {
        return;
    }
    // The module's table index space: imported tables first, then its own (exported ones).
    let mut tables: Vec<Option<Table>> = externs
        .iter()
        .filter_map(|e| match e {
            Extern::Table(t) => Some(Some(*t)),
            _ => None,
        })
        .collect();
    for (name, kind, index) in &entry.exports {
        if *kind != 't' {
            continue;
        }
        let Some(Some(Extern::Table(t))) = with_store(world, |s| instance.get_export(&s, name))
        else {
            continue;
        };
        let at = *index as usize;
        if tables.len() <= at {
            tables.resize(at + 1, None);
        }
        tables[at].get_or_insert(t);
    }
    for element in &entry.elements {
        let Some(Some(table)) = tables.get(element.table as usize) else {
            continue;
        };
        for (k, func_index) in element.funcs.iter().enumerate() {
            let slot = element.offset + k as u64;
            let got = with_store(world, |s| table.get(&s, slot)).flatten();
            if let Some(Ref::Func(f)) = got {
                if let Some(func) = f.val() {
                    let handle = world.funcs.borrow_mut().id_of(*func);
                    world
                        .func_index
                        .borrow_mut()
                        .entry(handle)
                        .or_insert(*func_index);
                }
            }
        }
    }
}

/// Function `id`'s index in its module, or -1 when unknown.
pub(super) fn func_index(id: u32) -> i64 {
    world()
        .func_index
        .borrow()
        .get(&id)
        .map_or(-1, |i| i64::from(*i))
}

pub(super) fn func_of(world: &World, id: u32) -> Result<Func> {
    world
        .funcs
        .borrow()
        .get(id)
        .ok_or_else(|| rquickjs::Error::new_from_js("handle", "WebAssembly function"))
}

/// The signature of function `id`: parameter letters, `:`, result letters.
pub(super) fn func_type(id: u32) -> Result<String> {
    let world = world();
    let func = func_of(&world, id)?;
    Ok(with_store(&world, |s| signature(&func.ty(&s))).unwrap_or_default())
}

/// Calls function `id` with arguments the JS half converted: `[0, ...results]` or a failure.
pub(super) fn call<'js>(ctx: Ctx<'js>, id: u32, args: Rest<Value<'js>>) -> Result<Value<'js>> {
    let _guard = CtxGuard::enter(&ctx);
    let world = world();
    let func = func_of(&world, id)?;
    let Some(ty) = with_store(&world, |s| func.ty(&s)) else {
        return Err(rquickjs::Error::new_from_js("store", "WebAssembly store"));
    };
    let mut inputs = Vec::with_capacity(ty.params().len());
    for (i, p) in ty.params().iter().enumerate() {
        let arg = args
            .0
            .get(i)
            .cloned()
            .unwrap_or(Value::new_undefined(ctx.clone()));
        inputs.push(
            js_to_val(&world, p, &arg)
                .ok_or_else(|| rquickjs::Error::new_from_js("value", "wasm value"))?,
        );
    }
    let mut outputs: Vec<Val> = ty.results().iter().map(default_val).collect();
    let ran = with_store(&world, |s| func.call(s, &inputs, &mut outputs));
    refresh(&ctx, &world);
    match ran {
        Some(Ok(())) => {
            let out = Array::new(ctx.clone())?;
            out.set(0, 0)?;
            for (i, v) in outputs.iter().enumerate() {
                out.set(i + 1, val_to_js(&ctx, &world, v)?)?;
            }
            Ok(out.into_value())
        }
        Some(Err(e)) => {
            let module = world.func_module.borrow().get(&id).copied();
            let hints = module
                .and_then(|m| module_entry(&world, m).ok())
                .map_or(TrapHints::default(), |m| m.hints);
            failure(&ctx, e, hints)
        }
        None => Err(rquickjs::Error::new_from_js("store", "WebAssembly store")),
    }
}

/// ToInt32 of a number (what `+v | 0` gives in JS).
pub(super) fn to_int32(n: f64) -> i32 {
    if !n.is_finite() {
        return 0;
    }
    (n.trunc().rem_euclid(4_294_967_296.0) as u64) as u32 as i32
}

/// The arguments of a call when every one is already the primitive its parameter takes
/// (numbers for i32/f32/f64, a BigInt within i64 for i64): converting those runs no JS, so the
/// call needs no trip through the JS half. `None` sends the call there.
pub(super) fn primitive_inputs(ty: &FuncType, args: &[Value<'_>]) -> Option<Vec<Val>> {
    if args.len() < ty.params().len() {
        return None;
    }
    ty.params()
        .iter()
        .zip(args)
        .map(|(p, arg)| {
            Some(match p {
                ValType::I32 => Val::I32(match arg.as_int() {
                    Some(i) => i,
                    None => to_int32(arg.as_float()?),
                }),
                ValType::F32 => Val::F32((arg.as_number()? as f32).into()),
                ValType::F64 => Val::F64(arg.as_number()?.into()),
                ValType::I64 => Val::I64(arg.as_big_int()?.clone().to_i64().ok()?),
                _ => return None,
            })
        })
        .collect()
}

/// An exported function called with primitive arguments and numeric results: run here, the
/// result (or the JS half's `fail(status, message)` exception) as an owned raw value; `None`
/// when the call must go through the JS half's conversions.
pub(super) fn fast_call<'js>(
    ctx: &Ctx<'js>,
    id: u32,
    args: &[Value<'js>],
    fail: &Value<'js>,
) -> Option<qjs::JSValue> {
    let world = world();
    let func = world.funcs.borrow().get(id)?;
    let ty = with_store(&world, |s| func.ty(&s))?;
    if ty
        .results()
        .iter()
        .any(|r| !matches!(r, ValType::I32 | ValType::I64 | ValType::F32 | ValType::F64))
    {
        return None;
    }
    let inputs = primitive_inputs(&ty, args)?;
    let _guard = CtxGuard::enter(ctx);
    let mut outputs: Vec<Val> = ty.results().iter().map(default_val).collect();
    let ran = with_store(&world, |s| func.call(s, &inputs, &mut outputs))?;
    refresh(ctx, &world);
    let made: Result<Value<'js>> = match ran {
        Ok(()) => match outputs.len() {
            0 => Ok(Value::new_undefined(ctx.clone())),
            1 => val_to_js(ctx, &world, &outputs[0]),
            _ => (|| {
                let list = Array::new(ctx.clone())?;
                for (i, v) in outputs.iter().enumerate() {
                    list.set(i, val_to_js(ctx, &world, v)?)?;
                }
                Ok(list.into_value())
            })(),
        },
        Err(e) => {
            let module = world.func_module.borrow().get(&id).copied();
            let hints = module
                .and_then(|m| module_entry(&world, m).ok())
                .map_or(TrapHints::default(), |m| m.hints);
            failure(ctx, e, hints).and_then(|status| {
                let status = status.into_array().ok_or(rquickjs::Error::Exception)?;
                let code: i32 = status.get(0)?;
                let message: Value = status.get(1)?;
                let fail = fail.as_function().ok_or(rquickjs::Error::Exception)?;
                fail.call((code, message))
            })
        }
    };
    Some(match made {
        // SAFETY: a new reference for the caller; `value` drops its own.
        Ok(value) => unsafe { qjs::JS_DupValue(ctx.as_raw().as_ptr(), value.as_raw()) },
        Err(_) => qjs::JS_EXCEPTION,
    })
}

/// The native trampoline of an exported function: its data slots (traced by the engine's GC)
/// are the JS forwarder, the function's handle and the JS half's failure thrower. Primitive
/// arguments run at once ([`fast_call`]); anything else goes through the forwarder.
pub(super) unsafe extern "C" fn forward_export(
    ctx: *mut qjs::JSContext,
    _this: qjs::JSValue,
    argc: std::ffi::c_int,
    argv: *mut qjs::JSValue,
    _magic: std::ffi::c_int,
    data: *mut qjs::JSValue,
) -> qjs::JSValue {
    // SAFETY: the engine passes a live context, `argc` live arguments and this function's
    // three data values; the Values made here take their own references.
    unsafe {
        let Some(raw_ctx) = NonNull::new(ctx) else {
            return qjs::JS_EXCEPTION;
        };
        let rctx = Ctx::from_raw(raw_ctx);
        let count = usize::try_from(argc).unwrap_or(0);
        let args: Vec<Value> = (0..count)
            .map(|i| Value::from_raw(rctx.clone(), qjs::JS_DupValue(ctx, *argv.add(i))))
            .collect();
        let handle = Value::from_raw(rctx.clone(), qjs::JS_DupValue(ctx, *data.add(1)));
        let fail = Value::from_raw(rctx.clone(), qjs::JS_DupValue(ctx, *data.add(2)));
        if let Some(id) = handle.as_int() {
            if let Some(out) = fast_call(&rctx, id as u32, &args, &fail) {
                return out;
            }
        }
        qjs::JS_Call(ctx, *data, qjs::JS_UNDEFINED, argc, argv)
    }
}

/// An exported function as V8 makes it: a native (not constructible, printed as
/// `function 0() { [native code] }`) named `name` with `length`, running wasm function `id`
/// (through `target`, the JS half's converting forwarder, unless the arguments are already
/// primitives), with `fail(status, message)` throwing a failed run's error.
pub(super) fn export_function<'js>(
    ctx: Ctx<'js>,
    target: Function<'js>,
    id: u32,
    fail: Function<'js>,
    name: String,
    length: i32,
) -> Result<Value<'js>> {
    let name = std::ffi::CString::new(name).map_err(|_| rquickjs::Error::Exception)?;
    let handle = Value::new_int(ctx.clone(), id as i32);
    let mut data = [target.as_raw(), handle.as_raw(), fail.as_raw()];
    // SAFETY: `data` holds live values the engine duplicates into the new function; `name`
    // outlives the call.
    let raw = unsafe {
        qjs::JS_NewCFunctionData2(
            ctx.as_raw().as_ptr(),
            Some(forward_export),
            name.as_ptr(),
            length,
            0,
            3,
            data.as_mut_ptr(),
        )
    };
    // SAFETY: a new reference (or the exception marker) owned by the Value from here.
    let value = unsafe { Value::from_raw(ctx, raw) };
    if value.is_exception() {
        return Err(rquickjs::Error::Exception);
    }
    Ok(value)
}
