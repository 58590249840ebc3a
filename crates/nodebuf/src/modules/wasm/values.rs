//! Wasm values to and from the primitives the JS half exchanges (numbers, BigInt, handles).

use super::*;

pub(super) fn type_letter(ty: &ValType) -> char {
    match ty {
        ValType::I32 => 'i',
        ValType::I64 => 'l',
        ValType::F32 => 'f',
        ValType::F64 => 'd',
        ValType::V128 => 'v',
        ValType::FuncRef => 'r',
        ValType::ExternRef => 'x',
    }
}

pub(super) fn letter_type(letter: &str) -> Option<ValType> {
    Some(match letter {
        "i" => ValType::I32,
        "l" => ValType::I64,
        "f" => ValType::F32,
        "d" => ValType::F64,
        "v" => ValType::V128,
        "r" => ValType::FuncRef,
        "x" => ValType::ExternRef,
        _ => return None,
    })
}

pub(super) fn signature(ty: &FuncType) -> String {
    let params: String = ty.params().iter().map(type_letter).collect();
    let results: String = ty.results().iter().map(type_letter).collect();
    format!("{params}:{results}")
}

/// A wasm value as the JS half receives it: numbers, BigInt for i64, handles for references
/// (a function handle, or the JS half's id of an externref value; `null` for a null ref).
pub(super) fn val_to_js<'js>(ctx: &Ctx<'js>, world: &World, val: &Val) -> Result<Value<'js>> {
    Ok(match val {
        Val::I32(v) => Value::new_int(ctx.clone(), *v),
        Val::I64(v) => BigInt::from_i64(ctx.clone(), *v)?.into_value(),
        Val::F32(v) => Value::new_float(ctx.clone(), f64::from(f32::from(*v))),
        Val::F64(v) => Value::new_float(ctx.clone(), f64::from(*v)),
        Val::FuncRef(f) => match f.val() {
            Some(func) => Value::new_int(ctx.clone(), world.funcs.borrow_mut().id_of(*func) as i32),
            None => Value::new_null(ctx.clone()),
        },
        Val::ExternRef(e) => match e.val() {
            Some(ext) => {
                let id = with_store(world, |s| {
                    ext.data(&s).downcast_ref::<u32>().copied().unwrap_or(0)
                })
                .unwrap_or(0);
                Value::new_number(ctx.clone(), f64::from(id))
            }
            None => Value::new_null(ctx.clone()),
        },
        Val::V128(_) => Value::new_undefined(ctx.clone()),
    })
}

/// The wasm value of type `ty` from a value the JS half already converted (see
/// [`val_to_js`]); `None` if it is not of that shape.
pub(super) fn js_to_val(world: &World, ty: &ValType, value: &Value<'_>) -> Option<Val> {
    let number = || value.as_number();
    Some(match ty {
        ValType::I32 => Val::I32(number()? as i32),
        ValType::I64 => Val::I64(value.clone().into_big_int()?.to_i64().ok()?),
        ValType::F32 => Val::F32((number()? as f32).into()),
        ValType::F64 => Val::F64(number()?.into()),
        ValType::FuncRef => {
            if value.is_null() {
                Val::FuncRef(wasmi::Nullable::Null)
            } else {
                let func = world.funcs.borrow().get(number()? as u32)?;
                Val::FuncRef(func.into())
            }
        }
        ValType::ExternRef => {
            if value.is_null() {
                Val::ExternRef(wasmi::Nullable::Null)
            } else {
                let id = number()? as u32;
                let ext = with_store(world, |s| ExternRef::new(s, id))?;
                Val::ExternRef(ext.into())
            }
        }
        ValType::V128 => return None,
    })
}

pub(super) fn default_val(ty: &ValType) -> Val {
    Val::default_for_ty(*ty)
}
