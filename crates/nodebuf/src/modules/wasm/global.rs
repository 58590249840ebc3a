//! `WebAssembly.Global`.

use super::*;

pub(super) fn global_of(world: &World, id: u32) -> Result<Global> {
    world
        .globals
        .borrow()
        .get(id)
        .ok_or_else(|| rquickjs::Error::new_from_js("handle", "WebAssembly.Global"))
}

/// `new WebAssembly.Global({value, mutable}, v)` with `v` converted by the JS half.
pub(super) fn global_new<'js>(letter: String, mutable: bool, value: Value<'js>) -> Result<u32> {
    let world = world();
    let ty =
        letter_type(&letter).ok_or_else(|| rquickjs::Error::new_from_js("type", "value type"))?;
    let val = js_to_val(&world, &ty, &value)
        .ok_or_else(|| rquickjs::Error::new_from_js("value", "global value"))?;
    let mutability = if mutable {
        Mutability::Var
    } else {
        Mutability::Const
    };
    let global = with_store(&world, |s| Global::new(s, val, mutability))
        .ok_or_else(|| rquickjs::Error::new_from_js("store", "WebAssembly store"))?;
    let id = world.globals.borrow_mut().id_of(global);
    Ok(id)
}

/// `[type letter, mutable]` of global `id`.
pub(super) fn global_info<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
    let world = world();
    let global = global_of(&world, id)?;
    let (letter, mutable) = with_store(&world, |s| {
        let ty = global.ty(&s);
        (
            type_letter(&ty.content()).to_string(),
            ty.mutability().is_mut(),
        )
    })
    .unwrap_or_default();
    let out = Array::new(ctx)?;
    out.set(0, letter)?;
    out.set(1, mutable)?;
    Ok(out)
}

/// `global.value`.
pub(super) fn global_get<'js>(ctx: Ctx<'js>, id: u32) -> Result<Value<'js>> {
    let world = world();
    let global = global_of(&world, id)?;
    let val = with_store(&world, |s| global.get(&s))
        .ok_or_else(|| rquickjs::Error::new_from_js("store", "WebAssembly store"))?;
    val_to_js(&ctx, &world, &val)
}

/// `global.value = v` (mutability checked and `v` converted by the JS half).
pub(super) fn global_set<'js>(id: u32, value: Value<'js>) -> Result<bool> {
    let world = world();
    let global = global_of(&world, id)?;
    let Some(ty) = with_store(&world, |s| global.ty(&s).content()) else {
        return Ok(false);
    };
    let Some(val) = js_to_val(&world, &ty, &value) else {
        return Ok(false);
    };
    Ok(matches!(
        with_store(&world, |s| global.set(s, val)),
        Some(Ok(()))
    ))
}
