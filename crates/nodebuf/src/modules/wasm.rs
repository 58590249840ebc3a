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

thread_local! {
    static WORLD: RefCell<Option<Rc<World>>> = const { RefCell::new(None) };
    /// The JS half's import dispatcher: `dispatch(id, ...args)` -> results array, or
    /// `undefined` when the import threw (the JS half keeps the exception).
    static DISPATCH: RefCell<Option<Persistent<Function<'static>>>> = const { RefCell::new(None) };
    /// The context of the innermost native entry, for imports called from inside wasm.
    static CURRENT_CTX: Cell<*mut qjs::JSContext> = const { Cell::new(std::ptr::null_mut()) };
}

/// Store data: the memory accounting. Every byte of linear memory is counted in
/// `process.memoryUsage().external` (as V8 counts a wasm memory: not in `arrayBuffers`) and
/// reserved from the thread's memory budget; a growth past the budget fails as an allocation
/// failure would (`grow()` throws, `memory.grow` returns -1).
#[derive(Default)]
struct Host {
    charges: Vec<(Charge, Reservation)>,
}

impl ResourceLimiter for Host {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> std::result::Result<bool, LimiterError> {
        let bytes = desired.saturating_sub(current);
        let Ok(reservation) = Reservation::take(bytes) else {
            return Ok(false);
        };
        self.charges
            .push((Charge::new(ChargeKind::OtherExternal, bytes), reservation));
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        _desired: usize,
        _maximum: Option<usize>,
    ) -> std::result::Result<bool, LimiterError> {
        Ok(true)
    }

    fn instances(&self) -> usize {
        usize::MAX
    }

    fn tables(&self) -> usize {
        usize::MAX
    }

    fn memories(&self) -> usize {
        usize::MAX
    }
}

/// An ArrayBuffer currently exposed over a memory: where it points, to notice a move.
#[derive(Clone, Copy)]
struct LiveBuffer {
    serial: u64,
    /// Not a counted reference: the buffer's free function clears this slot when the engine
    /// finalizes (or anyone detaches) the buffer, so while the slot is set the object lives.
    object: qjs::JSValue,
    ptr: usize,
    len: usize,
}

/// A linear memory and the ArrayBuffer shown for it, if any.
struct MemoryEntry {
    memory: Memory,
    live: Cell<Option<LiveBuffer>>,
}

/// What the ArrayBuffer's free function receives: keeps the store (and so the bytes) alive.
struct Ticket {
    _world: Rc<World>,
    entry: Rc<MemoryEntry>,
    serial: u64,
}

/// A compiled module and what the JS API reports about it (from its sections, in order).
struct ModuleEntry {
    module: Module,
    /// (name, kind, index) per export, in the module's order.
    exports: Vec<(String, char, u32)>,
    /// (module, name, kind) per import.
    imports: Vec<(String, String, char)>,
    /// (name, bytes) per custom section.
    custom: Vec<(String, Vec<u8>)>,
    /// Whether the module has a start function (a trap while instantiating one without it is
    /// a segment that does not fit).
    has_start: bool,
    /// Which V8 message the module's ambiguous traps take.
    hints: TrapHints,
    /// Its active element segments (to name the functions they place in tables).
    elements: Vec<Element>,
    /// The bytes it was compiled from (a Module posted to a worker is compiled there again).
    bytes: Vec<u8>,
}

/// wasmi reports one trap code where V8 has two messages: a zero divisor of `div_*` and
/// `rem_*`, and an overflow of `div_s` and of a float-to-int truncation. When a module holds
/// only one of the pair, its traps take that one's message.
#[derive(Clone, Copy, Default)]
struct TrapHints {
    /// `rem_*` instructions and no `div_*`.
    remainder_only: bool,
    /// Trapping `trunc_*` instructions and no `div_s`.
    truncation_only: bool,
}

/// What the module lists, in its sections' order.
struct ModuleInfo {
    exports: Vec<(String, char, u32)>,
    imports: Vec<(String, String, char)>,
    custom: Vec<(String, Vec<u8>)>,
    has_start: bool,
    hints: TrapHints,
    elements: Vec<Element>,
}

/// An active element segment with a constant offset: which function indices it puts where.
#[derive(Clone)]
struct Element {
    table: u32,
    offset: u64,
    funcs: Vec<u32>,
}

/// Handles of one kind of store object, deduplicated: wasmi's handles have no public
/// equality, but their `Debug` text names the store slot, which is what identity means here.
struct Handles<T> {
    items: Vec<T>,
    ids: HashMap<String, u32>,
}

impl<T: std::fmt::Debug + Copy> Handles<T> {
    fn new() -> Self {
        Handles {
            items: Vec::new(),
            ids: HashMap::new(),
        }
    }

    fn id_of(&mut self, item: T) -> u32 {
        let key = format!("{item:?}");
        if let Some(id) = self.ids.get(&key) {
            return *id;
        }
        let id = self.items.len() as u32;
        self.items.push(item);
        self.ids.insert(key, id);
        id
    }

    fn get(&self, id: u32) -> Option<T> {
        self.items.get(id as usize).copied()
    }
}

/// Everything wasm on this thread.
struct World {
    engine: Engine,
    /// Borrowed while a call runs (then [`World::callers`] reaches it).
    store: RefCell<Store<Host>>,
    /// The `Caller` of each import call in progress, innermost last (type-erased pointers to
    /// `Caller<'_, Host>` values that live on the stack of [`import_trampoline`]).
    callers: RefCell<Vec<*mut c_void>>,
    modules: RefCell<Vec<Rc<ModuleEntry>>>,
    funcs: RefCell<Handles<Func>>,
    memories: RefCell<Vec<Rc<MemoryEntry>>>,
    memory_ids: RefCell<HashMap<String, u32>>,
    tables: RefCell<Handles<Table>>,
    globals: RefCell<Handles<Global>>,
    /// The module each exported wasm function was defined by (first instance exporting it).
    func_module: RefCell<HashMap<u32, u32>>,
    /// Each known function's index in its module (V8 names exported functions by it).
    func_index: RefCell<HashMap<u32, u32>>,
    next_serial: Cell<u64>,
}

fn world() -> Rc<World> {
    WORLD.with(|slot| {
        slot.borrow_mut()
            .get_or_insert_with(|| {
                let mut config = Config::default();
                // The proposals V8 11.3 (Node v20) ships, no more.
                config
                    .wasm_multi_memory(false)
                    .wasm_extended_const(false)
                    .wasm_relaxed_simd(false)
                    .wasm_tail_call(true)
                    .wasm_simd(true);
                let engine = Engine::new(&config);
                let mut store = Store::new(&engine, Host::default());
                store.limiter(|host| host as &mut dyn ResourceLimiter);
                Rc::new(World {
                    engine,
                    store: RefCell::new(store),
                    callers: RefCell::new(Vec::new()),
                    modules: RefCell::new(Vec::new()),
                    funcs: RefCell::new(Handles::new()),
                    memories: RefCell::new(Vec::new()),
                    memory_ids: RefCell::new(HashMap::new()),
                    tables: RefCell::new(Handles::new()),
                    globals: RefCell::new(Handles::new()),
                    func_module: RefCell::new(HashMap::new()),
                    func_index: RefCell::new(HashMap::new()),
                    next_serial: Cell::new(1),
                })
            })
            .clone()
    })
}

/// Runs `f` on the store: the idle one (borrowed for the duration, so a nested entry can only
/// reach it through an import's `Caller`), else the innermost import call's `Caller`.
fn with_store<R>(world: &World, f: impl FnOnce(StoreContextMut<'_, Host>) -> R) -> Option<R> {
    if let Ok(mut store) = world.store.try_borrow_mut() {
        return Some(f(store.as_context_mut()));
    }
    let top = *world.callers.borrow().last()?;
    // SAFETY: `top` was pushed by the import trampoline (`import_func`) from its own `Caller`
    // value, which stays alive (and is not otherwise used) until the trampoline pops it after
    // the JS import returns; we are inside that JS call, so the pointer is live, and it is the
    // only reference made from it at a time (every user is a nested native entry, strictly
    // inside; the outer borrow of the store is the one wasmi lent to that `Caller`).
    let caller = unsafe { &mut *top.cast::<Caller<'static, Host>>() };
    Some(f(caller.as_context_mut()))
}

fn memory_entry(world: &World, id: u32) -> Option<Rc<MemoryEntry>> {
    world.memories.borrow().get(id as usize).cloned()
}

fn memory_id(world: &World, memory: Memory) -> u32 {
    let key = format!("{memory:?}");
    if let Some(id) = world.memory_ids.borrow().get(&key) {
        return *id;
    }
    let mut list = world.memories.borrow_mut();
    let id = list.len() as u32;
    list.push(Rc::new(MemoryEntry {
        memory,
        live: Cell::new(None),
    }));
    world.memory_ids.borrow_mut().insert(key, id);
    id
}

/// The ArrayBuffer's memory function. Size 0 is the engine letting go of the bytes
/// (finalization or detach): forget the buffer and drop the ticket. Any other size is a resize,
/// which the bytes (wasm's) never allow: refused, the buffer keeps its size.
unsafe extern "C" fn ticket_realloc(
    _rt: *mut qjs::JSRuntime,
    opaque: *mut c_void,
    _ptr: *mut c_void,
    size: qjs::size_t,
) -> *mut c_void {
    if size != 0 {
        return std::ptr::null_mut();
    }
    // SAFETY: `opaque` is the `Box<Ticket>` leaked in `memory_buffer`; the engine lets go of
    // the bytes exactly once per buffer (it clears the function after a detach).
    let ticket = unsafe { Box::from_raw(opaque.cast::<Ticket>()) };
    if ticket.entry.live.get().map(|l| l.serial) == Some(ticket.serial) {
        ticket.entry.live.set(None);
    }
    std::ptr::null_mut()
}

/// Detaches `entry`'s buffer (if any) when `moved` says its bytes are no longer where it
/// points; `force` detaches regardless (a JS `grow`, which V8 always answers with a new buffer).
fn detach_if(ctx: &Ctx<'_>, entry: &MemoryEntry, now: Option<(usize, usize)>, force: bool) {
    let Some(live) = entry.live.get() else { return };
    if !force && now == Some((live.ptr, live.len)) {
        return;
    }
    entry.live.set(None);
    // SAFETY: the slot was set, so the object has not been finalized (its free function
    // clears the slot); detaching runs its free function (serial no longer matches) and no JS.
    unsafe { qjs::JS_DetachArrayBuffer(ctx.as_raw().as_ptr(), live.object) };
}

fn data_of(world: &World, memory: Memory) -> Option<(usize, usize)> {
    with_store(world, |s| {
        (memory.data_ptr(&s) as usize, memory.data_size(&s))
    })
}

/// Detaches every buffer whose memory moved or changed size (wasm's `memory.grow`).
fn refresh(ctx: &Ctx<'_>, world: &World) {
    let entries: Vec<Rc<MemoryEntry>> = world.memories.borrow().clone();
    for entry in entries {
        if entry.live.get().is_some() {
            let now = data_of(world, entry.memory);
            detach_if(ctx, &entry, now, false);
        }
    }
}

/// Sets the context imports called from wasm run JS in, for the duration of a native entry.
struct CtxGuard(*mut qjs::JSContext);

impl CtxGuard {
    fn enter(ctx: &Ctx<'_>) -> CtxGuard {
        CtxGuard(CURRENT_CTX.with(|c| c.replace(ctx.as_raw().as_ptr())))
    }
}

impl Drop for CtxGuard {
    fn drop(&mut self) {
        CURRENT_CTX.with(|c| c.set(self.0));
    }
}

// ---------------------------------------------------------------------------------------------
// Values

fn type_letter(ty: &ValType) -> char {
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

fn letter_type(letter: &str) -> Option<ValType> {
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

fn signature(ty: &FuncType) -> String {
    let params: String = ty.params().iter().map(type_letter).collect();
    let results: String = ty.results().iter().map(type_letter).collect();
    format!("{params}:{results}")
}

/// A wasm value as the JS half receives it: numbers, BigInt for i64, handles for references
/// (a function handle, or the JS half's id of an externref value; `null` for a null ref).
fn val_to_js<'js>(ctx: &Ctx<'js>, world: &World, val: &Val) -> Result<Value<'js>> {
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
fn js_to_val(world: &World, ty: &ValType, value: &Value<'_>) -> Option<Val> {
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

fn default_val(ty: &ValType) -> Val {
    Val::default_for_ty(*ty)
}

// ---------------------------------------------------------------------------------------------
// Outcomes of running wasm

/// Why an import call failed: the JS half holds the exception it threw, or one no JS can catch
/// (a terminating worker) is pending in the context.
#[derive(Debug)]
enum ImportFailure {
    Stashed,
    Pending,
}

impl std::fmt::Display for ImportFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JS import threw")
    }
}

impl wasmi::errors::HostError for ImportFailure {}

/// V8's text for a trap.
fn trap_message(code: TrapCode) -> &'static str {
    match code {
        TrapCode::UnreachableCodeReached => "unreachable",
        TrapCode::MemoryOutOfBounds => "memory access out of bounds",
        TrapCode::TableOutOfBounds => "table index is out of bounds",
        TrapCode::IndirectCallToNull => "null function or function signature mismatch",
        TrapCode::IntegerDivisionByZero => "divide by zero",
        TrapCode::IntegerOverflow => "divide result unrepresentable",
        TrapCode::BadConversionToInteger => "float unrepresentable in integer range",
        TrapCode::StackOverflow => "Maximum call stack size exceeded",
        TrapCode::BadSignature => "null function or function signature mismatch",
        _ => "unreachable",
    }
}

/// A failed run as `[status, message]` for the JS half: 1 RuntimeError, 2 the import's
/// exception (kept by the JS half), 3 RangeError (stack), 4 LinkError, 5 a RuntimeError while
/// initializing an instance's segments and 6 a RangeError for its memory (V8 prefixes those
/// with the API name).
fn failure<'js>(ctx: &Ctx<'js>, error: wasmi::Error, hints: TrapHints) -> Result<Value<'js>> {
    if let Some(failure) = error.downcast_ref::<ImportFailure>() {
        return match failure {
            ImportFailure::Stashed => status(ctx, 2, ""),
            ImportFailure::Pending => Err(rquickjs::Error::Exception),
        };
    }
    if let Some(code) = error.as_trap_code() {
        let kind = if code == TrapCode::StackOverflow {
            3
        } else {
            1
        };
        if code == TrapCode::IntegerDivisionByZero && hints.remainder_only {
            return status(ctx, kind, "remainder by zero");
        }
        if code == TrapCode::IntegerOverflow && hints.truncation_only {
            return status(ctx, kind, trap_message(TrapCode::BadConversionToInteger));
        }
        return status(ctx, kind, trap_message(code));
    }
    match error.kind() {
        wasmi::errors::ErrorKind::Instantiation(
            wasmi::errors::InstantiationError::ElementSegmentDoesNotFit { .. },
        ) => status(ctx, 5, "table index is out of bounds"),
        wasmi::errors::ErrorKind::Instantiation(
            wasmi::errors::InstantiationError::FailedToInstantiateMemory(_),
        ) => status(
            ctx,
            6,
            "Out of memory: Cannot allocate Wasm memory for new instance",
        ),
        wasmi::errors::ErrorKind::Instantiation(e) => status(ctx, 4, &link_message(e)),
        wasmi::errors::ErrorKind::Memory(_) | wasmi::errors::ErrorKind::Table(_) => {
            status(ctx, 1, "data segment is out of bounds")
        }
        _ => status(ctx, 1, &error.to_string()),
    }
}

fn link_message(error: &wasmi::errors::InstantiationError) -> String {
    use wasmi::errors::InstantiationError as E;
    match error {
        E::FuncTypeMismatch { .. } => "imported function does not match the expected type".into(),
        E::GlobalTypeMismatch { .. } => "imported global does not match the expected type".into(),
        E::TableTypeMismatch { .. } => {
            "table import has a larger maximum size than expected or is too small".into()
        }
        E::MemoryTypeMismatch { .. } => {
            "memory import is too small or has a larger maximum size than expected".into()
        }
        other => other.to_string(),
    }
}

fn status<'js>(ctx: &Ctx<'js>, code: i32, message: &str) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    out.set(0, code)?;
    out.set(1, message)?;
    Ok(out.into_value())
}

// ---------------------------------------------------------------------------------------------
// Imports called from wasm

/// What a JS import's host function runs: the JS half's dispatcher with the import's id and
/// the arguments, then its (already converted) results back into `results`.
fn host_call(
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
fn import_func(owner: &World, id: u32, ty: FuncType) -> Option<Func> {
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

// ---------------------------------------------------------------------------------------------
// Natives

fn bytes_of<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Option<Vec<u8>> {
    crate::bytes::view_bytes(ctx, value)
}

/// `WebAssembly.validate(bytes)` (bytes already known to be a BufferSource).
fn validate<'js>(ctx: Ctx<'js>, bytes: Value<'js>) -> bool {
    let Some(bytes) = bytes_of(&ctx, &bytes) else {
        return false;
    };
    Module::validate(&world().engine, &bytes).is_ok()
}

/// V8's CompileError text for `bytes` that wasmi rejected with `error`.
fn compile_message(bytes: &[u8], error: &wasmi::Error) -> String {
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

fn module_info(bytes: &[u8]) -> ModuleInfo {
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
fn compile<'js>(ctx: Ctx<'js>, bytes: Value<'js>) -> Result<Value<'js>> {
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

fn module_entry(world: &World, id: u32) -> Result<Rc<ModuleEntry>> {
    world
        .modules
        .borrow()
        .get(id as usize)
        .cloned()
        .ok_or_else(|| rquickjs::Error::new_from_js("handle", "WebAssembly.Module"))
}

fn kind_name(kind: char) -> &'static str {
    match kind {
        'f' => "function",
        't' => "table",
        'm' => "memory",
        'g' => "global",
        _ => "tag",
    }
}

/// A copy of the bytes module `id` was compiled from, as a new ArrayBuffer.
fn module_bytes<'js>(ctx: Ctx<'js>, id: u32) -> Result<rquickjs::ArrayBuffer<'js>> {
    let entry = module_entry(&world(), id)?;
    rquickjs::ArrayBuffer::new_copy(ctx, &entry.bytes)
}

/// Whether module `id` has a start function.
fn has_start(id: u32) -> Result<bool> {
    Ok(module_entry(&world(), id)?.has_start)
}

/// `WebAssembly.Module.imports(m)`: `[module, name, kind]` triples.
fn module_imports<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
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
fn module_exports<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
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
fn custom_sections<'js>(ctx: Ctx<'js>, id: u32, name: String) -> Result<Array<'js>> {
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
fn import_order(entry: &ModuleEntry) -> Vec<(usize, ExternType)> {
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
fn import_types<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
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

/// `new WebAssembly.Instance(module, imports)` with the imports the JS half resolved:
/// `descriptors[i]` is `[kind, handle]` (kind `j`: a JS callable the dispatcher knows by that
/// id; `f`/`m`/`t`/`g`: a function/memory/table/global handle). Returns `[0, exports]` with
/// `[name, kind, handle, index]` per export, or a failure status (see [`failure`]).
fn instantiate<'js>(ctx: Ctx<'js>, id: u32, descriptors: Array<'js>) -> Result<Value<'js>> {
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
fn name_table_functions(
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
fn func_index(id: u32) -> i64 {
    world()
        .func_index
        .borrow()
        .get(&id)
        .map_or(-1, |i| i64::from(*i))
}

fn func_of(world: &World, id: u32) -> Result<Func> {
    world
        .funcs
        .borrow()
        .get(id)
        .ok_or_else(|| rquickjs::Error::new_from_js("handle", "WebAssembly function"))
}

/// The signature of function `id`: parameter letters, `:`, result letters.
fn func_type(id: u32) -> Result<String> {
    let world = world();
    let func = func_of(&world, id)?;
    Ok(with_store(&world, |s| signature(&func.ty(&s))).unwrap_or_default())
}

/// Calls function `id` with arguments the JS half converted: `[0, ...results]` or a failure.
fn call<'js>(ctx: Ctx<'js>, id: u32, args: Rest<Value<'js>>) -> Result<Value<'js>> {
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

/// `new WebAssembly.Memory({initial, maximum})` (checked by the JS half): a handle.
fn memory_new(initial: u32, maximum: Option<u32>) -> Result<u32> {
    let world = world();
    let ty = MemoryType::new(initial, maximum);
    let made = with_store(&world, |s| Memory::new(s, ty)).and_then(|m| m.ok());
    match made {
        Some(memory) => Ok(memory_id(&world, memory)),
        None => Err(rquickjs::Error::new_from_js("memory", "WebAssembly.Memory")),
    }
}

/// `memory.grow(delta)`: the old size in pages, or -1 when it cannot grow. Detaches the old
/// buffer on success, as V8 does even for `grow(0)`.
fn memory_grow<'js>(ctx: Ctx<'js>, id: u32, delta: u32) -> Result<f64> {
    let world = world();
    let entry = memory_entry(&world, id).ok_or(rquickjs::Error::Exception)?;
    let grown = with_store(&world, |s| entry.memory.grow(s, u64::from(delta)));
    match grown {
        Some(Ok(old)) => {
            detach_if(&ctx, &entry, None, true);
            refresh(&ctx, &world);
            Ok(old as f64)
        }
        _ => Ok(-1.0),
    }
}

/// `[pages, maximum or -1]` of memory `id`.
fn memory_info(id: u32) -> Result<Vec<f64>> {
    let world = world();
    let entry = memory_entry(&world, id).ok_or(rquickjs::Error::Exception)?;
    Ok(with_store(&world, |s| {
        let ty = entry.memory.ty(&s);
        vec![
            entry.memory.size(&s) as f64,
            ty.maximum().map_or(-1.0, |m| m as f64),
        ]
    })
    .unwrap_or_default())
}

/// `memory.buffer`: the ArrayBuffer over memory `id`'s bytes, the same object until the
/// memory grows (then a new one; the old one is detached).
fn memory_buffer<'js>(ctx: Ctx<'js>, id: u32) -> Result<Value<'js>> {
    let world = world();
    refresh(&ctx, &world);
    let entry = memory_entry(&world, id).ok_or(rquickjs::Error::Exception)?;
    let raw_ctx = ctx.as_raw().as_ptr();
    if let Some(live) = entry.live.get() {
        // SAFETY: the slot is set, so the object is alive (see `LiveBuffer::object`); the new
        // reference is owned by the returned Value.
        return Ok(unsafe { Value::from_raw(ctx.clone(), qjs::JS_DupValue(raw_ctx, live.object)) });
    }
    let Some((ptr, len)) = data_of(&world, entry.memory) else {
        return Err(rquickjs::Error::new_from_js("store", "WebAssembly store"));
    };
    let serial = world.next_serial.get();
    world.next_serial.set(serial + 1);
    let ticket = Box::into_raw(Box::new(Ticket {
        _world: world.clone(),
        entry: entry.clone(),
        serial,
    }));
    // SAFETY: `ptr` points at the memory's `len` bytes, kept alive by the ticket's store
    // reference; they stay there until the memory grows, and every grow is followed by
    // `refresh`/`detach_if` before JS runs, which detaches this buffer. The engine never
    // resizes or frees the bytes (`ticket_realloc` refuses resizes); it lets go of them exactly
    // once (finalization or detach). `transfer` (which would move them to another object we
    // could not detach) is refused by the JS half's untransferable mark, as Node copies.
    let raw = unsafe {
        qjs::JS_NewArrayBuffer(
            raw_ctx,
            ptr as *mut u8,
            len as _,
            0,
            Some(ticket_realloc),
            ticket.cast(),
            false,
        )
    };
    // SAFETY: a new reference (or the exception marker) owned by the Value from here.
    let value = unsafe { Value::from_raw(ctx.clone(), raw) };
    if value.is_exception() {
        // SAFETY: the engine did not take the ticket.
        drop(unsafe { Box::from_raw(ticket) });
        return Err(rquickjs::Error::Exception);
    }
    entry.live.set(Some(LiveBuffer {
        serial,
        object: raw,
        ptr,
        len,
    }));
    Ok(value)
}

fn table_of(world: &World, id: u32) -> Result<Table> {
    world
        .tables
        .borrow()
        .get(id)
        .ok_or_else(|| rquickjs::Error::new_from_js("handle", "WebAssembly.Table"))
}

fn ref_type(letter: &str) -> RefType {
    if letter == "x" {
        RefType::Extern
    } else {
        RefType::Func
    }
}

fn to_ref(val: Val) -> Option<Ref> {
    match val {
        Val::FuncRef(f) => Some(Ref::Func(f)),
        Val::ExternRef(e) => Some(Ref::Extern(e)),
        _ => None,
    }
}

/// `new WebAssembly.Table({element, initial, maximum}, value)`: a handle, or -1 when the
/// store refuses the size.
fn table_new<'js>(
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
fn table_info<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
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
fn table_get<'js>(ctx: Ctx<'js>, id: u32, index: u32) -> Result<Value<'js>> {
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
fn table_set<'js>(id: u32, index: u32, value: Value<'js>) -> Result<bool> {
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
fn table_grow<'js>(id: u32, delta: u32, value: Value<'js>) -> Result<f64> {
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

fn global_of(world: &World, id: u32) -> Result<Global> {
    world
        .globals
        .borrow()
        .get(id)
        .ok_or_else(|| rquickjs::Error::new_from_js("handle", "WebAssembly.Global"))
}

/// `new WebAssembly.Global({value, mutable}, v)` with `v` converted by the JS half.
fn global_new<'js>(letter: String, mutable: bool, value: Value<'js>) -> Result<u32> {
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
fn global_info<'js>(ctx: Ctx<'js>, id: u32) -> Result<Array<'js>> {
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
fn global_get<'js>(ctx: Ctx<'js>, id: u32) -> Result<Value<'js>> {
    let world = world();
    let global = global_of(&world, id)?;
    let val = with_store(&world, |s| global.get(&s))
        .ok_or_else(|| rquickjs::Error::new_from_js("store", "WebAssembly store"))?;
    val_to_js(&ctx, &world, &val)
}

/// `global.value = v` (mutability checked and `v` converted by the JS half).
fn global_set<'js>(id: u32, value: Value<'js>) -> Result<bool> {
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

/// ToInt32 of a number (what `+v | 0` gives in JS).
fn to_int32(n: f64) -> i32 {
    if !n.is_finite() {
        return 0;
    }
    (n.trunc().rem_euclid(4_294_967_296.0) as u64) as u32 as i32
}

/// The arguments of a call when every one is already the primitive its parameter takes
/// (numbers for i32/f32/f64, a BigInt within i64 for i64): converting those runs no JS, so the
/// call needs no trip through the JS half. `None` sends the call there.
fn primitive_inputs(ty: &FuncType, args: &[Value<'_>]) -> Option<Vec<Val>> {
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
fn fast_call<'js>(
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
unsafe extern "C" fn forward_export(
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
fn export_function<'js>(
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
