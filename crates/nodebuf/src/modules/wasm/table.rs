//! `WebAssembly.Table`.

use super::*;

pub(super) fn table_of(world: &World, id: u32) -> Result<Table> {
    world
        .tables
        .borrow()
        .get(id)
        .ok_or_else(|| rquickjs::Error::new_from_js("handle", "WebAssembly.Table"))
}

pub(super) fn ref_type(letter: &str) -> RefType {
    if letter == "x" {
        RefType::Extern
    } else {
        RefType::Func
    }
}

pub(super) fn to_ref(val: Val) -> Option<Ref> {
    match val {
        Val::FuncRef(f) => Some(Ref::Func(f)),
        Val::ExternRef(e) => Some(Ref::Extern(e)),
        _ => None,
    }
}

/// `new WebAssembly.Table({element, initial, maximum}, value)`: a handle, or -1 when the
/// store refuses the size.
pub(super) fn table_new<'js>(
    element: String,
    initial: u32,
    maximum: Option<u32>,
    init: Value<'js>,
) -> Result<i64> {
    let world = world();
    let rt = ref_type(&element);
    let ty = TableType::new(rt, initial, maximum);
    let Some(init) = js_to_val(&world, &ValType::from(rt), &init).and_then(to_ref) else {
        return Err(rquickjs::Error::new_from_js("value", "table element"));
    };
    match with_store(&world, |s| Table::new(s, ty, init)) {
        Some(Ok(table)) => Ok(i64::from(world.tables.borrow_mut().id_of(table))),
        _ => Ok(-1),
    }
}

/// `[length, maximum or -1, element letter]` of table `id`.
pub(super) fn table_info<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
    let world = world();
    let table = table_of(&world, id)?;
    let (length, max, letter) = with_store(&world, |s| {
        let ty = table.ty(&s);
        (
            table.size(&s) as f64,
            ty.maximum().map_or(-1.0, |m| m as f64),
            type_letter(&ty.element().into()).to_string(),
        )
    })
    .unwrap_or((0.0, -1.0, "r".into()));
    let out = Array::new(ctx)?;
    out.set(0, length)?;
    out.set(1, max)?;
    out.set(2, letter)?;
    Ok(out)
}

/// `table.get(i)` (index checked by the JS half).
pub(super) fn table_get<'js>(ctx: Ctx<'js>, id: u32, index: u32) -> Result<Value<'js>> {
    let world = world();
    let table = table_of(&world, id)?;
    let got = with_store(&world, |s| table.get(&s, u64::from(index))).flatten();
    match got {
        Some(Ref::Func(f)) => val_to_js(&ctx, &world, &Val::FuncRef(f)),
        Some(Ref::Extern(e)) => val_to_js(&ctx, &world, &Val::ExternRef(e)),
        None => Ok(Value::new_undefined(ctx)),
    }
}

/// `table.set(i, value)`: false when the index is out of bounds.
pub(super) fn table_set<'js>(id: u32, index: u32, value: Value<'js>) -> Result<bool> {
    let world = world();
    let table = table_of(&world, id)?;
    let elem = with_store(&world, |s| table.ty(&s).element()).unwrap_or(RefType::Func);
    let Some(r) = js_to_val(&world, &ValType::from(elem), &value).and_then(to_ref) else {
        return Ok(false);
    };
    Ok(matches!(
        with_store(&world, |s| table.set(s, u64::from(index), r)),
        Some(Ok(()))
    ))
}

/// `table.grow(delta, value)`: the old length, or -1.
pub(super) fn table_grow<'js>(id: u32, delta: u32, value: Value<'js>) -> Result<f64> {
    let world = world();
    let table = table_of(&world, id)?;
    let elem = with_store(&world, |s| table.ty(&s).element()).unwrap_or(RefType::Func);
    let Some(r) = js_to_val(&world, &ValType::from(elem), &value).and_then(to_ref) else {
        return Ok(-1.0);
    };
    match with_store(&world, |s| table.grow(s, u64::from(delta), r)) {
        Some(Ok(old)) => Ok(old as f64),
        _ => Ok(-1.0),
    }
}
