//! JS functions imported by wasm: the host functions that call the JS half's dispatcher.

use super::*;

/// What a JS import's host function runs: the JS half's dispatcher with the import's id and
/// the arguments, then its (already converted) results back into `results`.
pub(super) fn host_call(
    id: u32,
    ty: &FuncType,
    params: &[Val],
    results: &mut [Val],
) -> std::result::Result<(), wasmi::Error> {
    let raw = CURRENT_CTX.with(Cell::get);
    let Some(raw) = NonNull::new(raw) else {
        return Err(wasmi::Error::host(ImportFailure::Pending));
    };
    // SAFETY: set by the native entry we are (indirectly) inside, whose context is live.
    let ctx = unsafe { Ctx::from_raw(raw) };
    let world = world();
    refresh(&ctx, &world);
    let run = || -> Result<Option<Value<'_>>> {
        let dispatch = DISPATCH
            .with(|d| d.borrow().clone())
            .ok_or(rquickjs::Error::Exception)?
            .restore(&ctx)?;
        let mut args = Vec::with_capacity(params.len() + 1);
        args.push(Value::new_int(ctx.clone(), id as i32));
        for p in params {
            args.push(val_to_js(&ctx, &world, p)?);
        }
        let out: Value = dispatch.call((Rest(args),))?;
        Ok((!out.is_undefined()).then_some(out))
    };
    let out = match run() {
        Ok(Some(out)) => out,
        Ok(None) => return Err(wasmi::Error::host(ImportFailure::Stashed)),
        Err(_) => return Err(wasmi::Error::host(ImportFailure::Pending)),
    };
    // The JS ran: memories may have grown through a nested call.
    refresh(&ctx, &world);
    let Some(list) = out.as_array() else {
        return Err(wasmi::Error::host(ImportFailure::Pending));
    };
    for (i, (slot, ty)) in results.iter_mut().zip(ty.results()).enumerate() {
        let value: Value = list
            .get(i)
            .map_err(|_| wasmi::Error::host(ImportFailure::Pending))?;
        *slot = js_to_val(&world, ty, &value).ok_or(wasmi::Error::host(ImportFailure::Pending))?;
    }
    Ok(())
}

/// The host function for JS import `id` of type `ty`.
pub(super) fn import_func(owner: &World, id: u32, ty: FuncType) -> Option<Func> {
    let captured = ty.clone();
    with_store(owner, move |s| {
        Func::new(
            s,
            ty,
            move |mut caller: Caller<'_, Host>, params, results| {
                let ptr = (&mut caller as *mut Caller<'_, Host>).cast::<c_void>();
                let world = world();
                world.callers.borrow_mut().push(ptr);
                let out = host_call(id, &captured, params, results);
                world.callers.borrow_mut().pop();
                out
            },
        )
    })
}
