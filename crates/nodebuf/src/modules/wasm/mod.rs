//! The native half of the `WebAssembly` global (`wasm.js` builds V8's classes on it): modules
//! compiled and run by `wasmi` (a maintained pure-Rust interpreter with the wasmparser
//! validator). Everything crosses as small integer handles and already-converted primitives:
//! the JS half does every conversion that can run user code (ToInt32, ToBigInt64, the import
//! object lookups) before it calls in, so no native here ever runs JS between resolving memory
//! and using it. The one place JS runs from inside wasm is an imported JS function; it is
//! reached through [`host_call`], which first detaches every ArrayBuffer whose memory moved.
//!
//! One `wasmi::Store` per thread holds every module's instances, memories, tables and globals
//! (the JS API lets any of them be imported by any instance, and wasmi links only within one
//! store). wasmi frees nothing before its store, so wasm objects live until the thread ends.
//!
//! Memory safety of `memory.buffer`: the ArrayBuffer is an external one over the linear
//! memory's bytes (no copy, as V8's). Growing may move those bytes, so a buffer is detached
//! (V8 does the same on every grow) before any JS can run after the memory changed: after
//! `grow()`, after every call into wasm and at the start of every import call. Each buffer
//! holds the store alive through its ticket (an `Rc` of the thread's [`World`]), so it can
//! never point at freed memory either.

mod global;
mod imports;
mod instance;
mod memory;
mod module;
mod store;
mod table;
mod traps;
mod values;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ffi::c_void;
use std::ptr::NonNull;
use std::rc::Rc;

use nodebuf_core::memory::accounting::{Charge, ChargeKind, Reservation};
use rquickjs::function::Rest;
use rquickjs::{qjs, Array, BigInt, Ctx, Function, Object, Persistent, Result, Value};
use wasmi::{
    AsContextMut, Caller, Config, Engine, Extern, ExternRef, ExternType, Func, FuncType, Global,
    Instance, Memory, MemoryType, Module, Mutability, Ref, RefType, ResourceLimiter, Store,
    StoreContextMut, Table, TableType, TrapCode, Val, ValType,
};
use wasmi_core::LimiterError;

use self::{
    global::*, imports::*, instance::*, memory::*, module::*, store::*, table::*, traps::*,
    values::*,
};

fn set_dispatch<'js>(ctx: Ctx<'js>, dispatch: Function<'js>) {
    let saved = Persistent::save(&ctx, dispatch);
    DISPATCH.with(|slot| *slot.borrow_mut() = Some(saved));
}

/// Forgets the thread's JS dispatcher (before its runtime goes away). The store itself goes
/// when the last memory buffer over it is finalized.
pub fn clear() {
    DISPATCH.with(|slot| slot.borrow_mut().take());
    WORLD.with(|slot| slot.borrow_mut().take());
}

/// Installs `native.wasm`, the functions `wasm.js` builds the `WebAssembly` namespace on.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let wasm = Object::new(ctx.clone())?;
    macro_rules! bind {
        ($($name:literal => $f:expr),* $(,)?) => {
            $( wasm.set($name, Function::new(ctx.clone(), $f)?)?; )*
        };
    }
    bind! {
        "validate" => validate,
        "compile" => compile,
        "moduleImports" => module_imports,
        "hasStart" => has_start,
        "moduleBytes" => module_bytes,
        "moduleExports" => module_exports,
        "customSections" => custom_sections,
        "importTypes" => import_types,
        "instantiate" => instantiate,
        "funcType" => func_type,
        "funcIndex" => func_index,
        "call" => call,
        "memoryNew" => memory_new,
        "memoryGrow" => memory_grow,
        "memoryInfo" => memory_info,
        "memoryBuffer" => memory_buffer,
        "tableNew" => table_new,
        "tableInfo" => table_info,
        "tableGet" => table_get,
        "tableSet" => table_set,
        "tableGrow" => table_grow,
        "globalNew" => global_new,
        "globalInfo" => global_info,
        "globalGet" => global_get,
        "globalSet" => global_set,
        "setDispatch" => set_dispatch,
        "exportFunction" => export_function,
    }
    native.set("wasm", wasm)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::{Context, Runtime};

    fn with_binding(script: &str) -> Vec<f64> {
        let rt = Runtime::new().unwrap();
        let context = Context::full(&rt).unwrap();
        let out = context.with(|ctx| {
            let native = Object::new(ctx.clone()).unwrap();
            install(&ctx, &native).unwrap();
            let wasm: Object = native.get("wasm").unwrap();
            ctx.globals().set("w", wasm).unwrap();
            ctx.eval::<Vec<f64>, _>(script).unwrap()
        });
        clear();
        out
    }

    #[test]
    fn a_memory_buffer_is_the_memory_and_growing_detaches_it() {
        let out = with_binding(
            "const h = w.memoryNew(1, 4);
             const b = w.memoryBuffer(h);
             const view = new Uint8Array(b);
             view[5] = 9;
             const same = w.memoryBuffer(h) === b ? 1 : 0;
             const old = w.memoryGrow(h, 1);
             const next = w.memoryBuffer(h);
             const refused = w.memoryGrow(h, 10);
             [same, old, b.byteLength, view.length, next.byteLength, new Uint8Array(next)[5], refused]",
        );
        assert_eq!(out, [1.0, 1.0, 0.0, 0.0, 131072.0, 9.0, -1.0]);
    }

    #[test]
    fn buffers_dropped_by_the_engine_release_their_ticket() {
        // Many buffers made and collected (each finalization runs `ticket_realloc`), then one
        // detached by a grow while another reference to the memory's next buffer is live.
        let out = with_binding(
            "const h = w.memoryNew(1, 2);
             for (let i = 0; i < 100; i++) { w.memoryBuffer(h); w.memoryGrow(h, 0); }
             const last = w.memoryBuffer(h);
             [last.byteLength, w.memoryInfo(h)[0], w.memoryInfo(h)[1]]",
        );
        assert_eq!(out, [65536.0, 1.0, 2.0]);
    }

    #[test]
    fn handles_are_the_same_for_the_same_store_object_and_differ_otherwise() {
        let world = world();
        let (a, b) = with_store(&world, |mut s| {
            let ty = MemoryType::new(1, None);
            (
                Memory::new(&mut s, ty).unwrap(),
                Memory::new(&mut s, ty).unwrap(),
            )
        })
        .unwrap();
        let first = memory_id(&world, a);
        assert_eq!(memory_id(&world, a), first);
        assert_ne!(memory_id(&world, b), first);
        clear();
    }

    #[test]
    fn to_int32_is_js_tonumber_then_toint32() {
        let cases = [
            (0.0, 0),
            (-0.0, 0),
            (1.9, 1),
            (-1.9, -1),
            (2147483648.0, -2147483648),
            (4294967297.5, 1),
            (-2147483649.0, 2147483647),
            (1e300, 0),
            (f64::NAN, 0),
            (f64::INFINITY, 0),
        ];
        for (n, want) in cases {
            assert_eq!(to_int32(n), want, "{n}");
        }
    }

    #[test]
    fn compile_errors_use_v8_header_texts() {
        let error = wasmi::Error::new("x");
        assert_eq!(
            compile_message(&[], &error),
            "BufferSource argument is empty"
        );
        assert_eq!(
            compile_message(&[1, 2, 3, 4], &error),
            "expected magic word 00 61 73 6d, found 01 02 03 04 @+0"
        );
        assert_eq!(
            compile_message(&[0, 0x61, 0x73, 0x6d, 2, 0, 0, 0], &error),
            "expected version 01 00 00 00, found 02 00 00 00 @+4"
        );
    }
}
