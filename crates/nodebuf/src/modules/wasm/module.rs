//! `WebAssembly.Module`: compiling, validating, V8's CompileError texts and what a module lists.

use super::*;

pub(super) fn bytes_of<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<Vec<u8>> {
    crate::bytes::view_bytes(ctx, value)
}

/// `WebAssembly.validate(bytes)` (bytes already known to be a BufferSource).
pub(super) fn validate<'js>(ctx: Ctx<'js>, bytes: Value<'js>) -> bool {
    let Some(bytes) = bytes_of(&ctx, &bytes) else {
        return false;
    };
    Module::validate(&world().engine, &bytes).is_ok()
}

/// V8's CompileError text for `bytes` that wasmi rejected with `error`.
pub(super) fn compile_message(bytes: &[u8], error: &wasmi::Error) -> String {
    const MAGIC: [u8; 4] = [0, 0x61, 0x73, 0x6d];
    const VERSION: [u8; 4] = [1, 0, 0, 0];
    let hex = |b: &[u8]| {
        b.iter()
            .map(|x| format!("{x:02x}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    if bytes.is_empty() {
        return "BufferSource argument is empty".into();
    }
    if bytes.len() < 4 {
        return "expected 4 bytes, fell off end @+0".into();
    }
    if bytes[..4] != MAGIC {
        return format!(
            "expected magic word 00 61 73 6d, found {} @+0",
            hex(&bytes[..4])
        );
    }
    if bytes.len() < 8 {
        return "expected 4 bytes, fell off end @+4".into();
    }
    if bytes[4..8] != VERSION {
        return format!(
            "expected version 01 00 00 00, found {} @+4",
            hex(&bytes[4..8])
        );
    }
    // Past the header: the validator's own words at V8's position format.
    match wasmparser::Validator::new().validate_all(bytes) {
        Err(e) => format!("{} @+{}", e.message(), e.offset()),
        Ok(_) => error.to_string(),
    }
}

pub(super) fn module_info(bytes: &[u8]) -> ModuleInfo {
    let mut exports = Vec::new();
    let mut imports = Vec::new();
    let mut custom = Vec::new();
    let mut has_start = false;
    let mut elements = Vec::new();
    let (mut has_div, mut has_rem, mut has_div_s, mut has_trunc) = (false, false, false, false);
    let kind = |k: wasmparser::ExternalKind| match k {
        wasmparser::ExternalKind::Func => 'f',
        wasmparser::ExternalKind::Table => 't',
        wasmparser::ExternalKind::Memory => 'm',
        wasmparser::ExternalKind::Global => 'g',
        wasmparser::ExternalKind::Tag => 'e',
    };
    for payload in wasmparser::Parser::new(0).parse_all(bytes) {
        match payload {
            Ok(wasmparser::Payload::ExportSection(reader)) => {
                for e in reader.into_iter().flatten() {
                    exports.push((e.name.to_string(), kind(e.kind), e.index));
                }
            }
            Ok(wasmparser::Payload::ImportSection(reader)) => {
                for i in reader.into_iter().flatten() {
                    let k = match i.ty {
                        wasmparser::TypeRef::Func(_) => 'f',
                        wasmparser::TypeRef::Table(_) => 't',
                        wasmparser::TypeRef::Memory(_) => 'm',
                        wasmparser::TypeRef::Global(_) => 'g',
                        wasmparser::TypeRef::Tag(_) => 'e',
                    };
                    imports.push((i.module.to_string(), i.name.to_string(), k));
                }
            }
            Ok(wasmparser::Payload::CustomSection(reader)) => {
                custom.push((reader.name().to_string(), reader.data().to_vec()));
            }
            Ok(wasmparser::Payload::StartSection { .. }) => has_start = true,
            Ok(wasmparser::Payload::ElementSection(reader)) => {
                for element in reader.into_iter().flatten() {
                    let wasmparser::ElementKind::Active {
                        table_index,
                        offset_expr,
                    } = element.kind
                    else {
                        continue;
                    };
                    let offset = match offset_expr.get_operators_reader().read() {
                        Ok(wasmparser::Operator::I32Const { value }) => u64::from(value as u32),
                        _ => continue,
                    };
                    let wasmparser::ElementItems::Functions(items) = element.items else {
                        continue;
                    };
                    elements.push(Element {
                        table: table_index.unwrap_or(0),
                        offset,
                        funcs: items.into_iter().flatten().collect(),
                    });
                }
            }
            Ok(wasmparser::Payload::CodeSectionEntry(body)) => {
                use wasmparser::Operator as Op;
                let Ok(mut ops) = body.get_operators_reader() else {
                    continue;
                };
                while let Ok(op) = ops.read() {
                    match op {
                        Op::I32DivS | Op::I64DivS => {
                            has_div = true;
                            has_div_s = true;
                        }
                        Op::I32DivU | Op::I64DivU => has_div = true,
                        Op::I32RemS | Op::I32RemU | Op::I64RemS | Op::I64RemU => has_rem = true,
                        Op::I32TruncF32S
                        | Op::I32TruncF32U
                        | Op::I32TruncF64S
                        | Op::I32TruncF64U
                        | Op::I64TruncF32S
                        | Op::I64TruncF32U
                        | Op::I64TruncF64S
                        | Op::I64TruncF64U => has_trunc = true,
                        Op::End if ops.eof() => break,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    ModuleInfo {
        exports,
        imports,
        custom,
        has_start,
        hints: TrapHints {
            remainder_only: has_rem && !has_div,
            truncation_only: has_trunc && !has_div_s,
        },
        elements,
    }
}

/// `new WebAssembly.Module(bytes)`: a module handle, or the CompileError message.
pub(super) fn compile<'js>(ctx: Ctx<'js>, bytes: Value<'js>) -> Result<Value<'js>> {
    let bytes = bytes_of(&ctx, &bytes).unwrap_or_default();
    let world = world();
    match Module::new(&world.engine, &bytes) {
        Ok(module) => {
            let info = module_info(&bytes);
            let mut modules = world.modules.borrow_mut();
            modules.push(Rc::new(ModuleEntry {
                module,
                exports: info.exports,
                imports: info.imports,
                custom: info.custom,
                has_start: info.has_start,
                hints: info.hints,
                elements: info.elements,
                bytes,
            }));
            Ok(Value::new_int(ctx, modules.len() as i32 - 1))
        }
        Err(e) => Ok(rquickjs::String::from_str(ctx, &compile_message(&bytes, &e))?.into_value()),
    }
}

pub(super) fn module_entry(world: &World, id: u32) -> Result<Rc<ModuleEntry>> {
    world
        .modules
        .borrow()
        .get(id as usize)
        .cloned()
        .ok_or_else(|| rquickjs::Error::new_from_js("handle", "WebAssembly.Module"))
}

pub(super) fn kind_name(kind: char) -> &'static str {
    match kind {
        'f' => "function",
        't' => "table",
        'm' => "memory",
        'g' => "global",
        _ => "tag",
    }
}

/// A copy of the bytes module `id` was compiled from, as a new ArrayBuffer.
pub(super) fn module_bytes<'js>(ctx: Ctx<'js>, id: u32) -> Result<rquickjs::ArrayBuffer<'js>> {
    let entry = module_entry(&world(), id)?;
    rquickjs::ArrayBuffer::new_copy(ctx, &entry.bytes)
}

/// Whether module `id` has a start function.
pub(super) fn has_start(id: u32) -> Result<bool> {
    Ok(module_entry(&world(), id)?.has_start)
}

/// `WebAssembly.Module.imports(m)`: `[module, name, kind]` triples.
pub(super) fn module_imports<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
    let entry = module_entry(&world(), id)?;
    let out = Array::new(ctx.clone())?;
    for (i, (module, name, kind)) in entry.imports.iter().enumerate() {
        let item = Object::new(ctx.clone())?;
        item.set("module", module.as_str())?;
        item.set("name", name.as_str())?;
        item.set("kind", kind_name(*kind))?;
        out.set(i, item)?;
    }
    Ok(out)
}

/// `WebAssembly.Module.exports(m)`: `{name, kind}` objects.
pub(super) fn module_exports<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
    let entry = module_entry(&world(), id)?;
    let out = Array::new(ctx.clone())?;
    for (i, (name, kind, _)) in entry.exports.iter().enumerate() {
        let item = Object::new(ctx.clone())?;
        item.set("name", name.as_str())?;
        item.set("kind", kind_name(*kind))?;
        out.set(i, item)?;
    }
    Ok(out)
}

/// `WebAssembly.Module.customSections(m, name)`: a new ArrayBuffer per matching section.
pub(super) fn custom_sections<'js>(ctx: Ctx<'js>, id: u32, name: String) -> Result<Array<'js>> {
    let entry = module_entry(&world(), id)?;
    let out = Array::new(ctx.clone())?;
    let mut n = 0;
    for (section, bytes) in &entry.custom {
        if *section == name {
            out.set(n, rquickjs::ArrayBuffer::new_copy(ctx.clone(), bytes)?)?;
            n += 1;
        }
    }
    Ok(out)
}

/// For each import in wasmi's order (which groups them by kind), its position in the module's
/// own order (the JS API's) and its type.
pub(super) fn import_order(entry: &ModuleEntry) -> Vec<(usize, ExternType)> {
    let mut used = vec![false; entry.imports.len()];
    entry
        .module
        .imports()
        .filter_map(|import| {
            let kind = match import.ty() {
                ExternType::Func(_) => 'f',
                ExternType::Table(_) => 't',
                ExternType::Memory(_) => 'm',
                ExternType::Global(_) => 'g',
            };
            let at = entry
                .imports
                .iter()
                .enumerate()
                .position(|(i, (m, n, k))| {
                    !used[i] && *k == kind && m == import.module() && n == import.name()
                })?;
            used[at] = true;
            Some((at, import.ty().clone()))
        })
        .collect()
}

/// What the JS half needs to resolve and check each import, in order: `['f', signature]`,
/// `['g', type letter, mutable]`, `['m', min pages, max or -1]`, `['t', element letter, min,
/// max or -1]`.
pub(super) fn import_types<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
    let entry = module_entry(&world(), id)?;
    let out = Array::new(ctx.clone())?;
    for (i, ty) in import_order(&entry) {
        let item = Array::new(ctx.clone())?;
        match &ty {
            ExternType::Func(ty) => {
                item.set(0, "f")?;
                item.set(1, signature(ty))?;
            }
            ExternType::Global(g) => {
                item.set(0, "g")?;
                item.set(1, type_letter(&g.content()).to_string())?;
                item.set(2, g.mutability().is_mut())?;
            }
            ExternType::Memory(m) => {
                item.set(0, "m")?;
                item.set(1, m.minimum() as f64)?;
                item.set(2, m.maximum().map_or(-1.0, |x| x as f64))?;
            }
            ExternType::Table(t) => {
                item.set(0, "t")?;
                item.set(1, type_letter(&t.element().into()).to_string())?;
                item.set(2, t.minimum() as f64)?;
                item.set(3, t.maximum().map_or(-1.0, |x| x as f64))?;
            }
        }
        out.set(i, item)?;
    }
    Ok(out)
}
