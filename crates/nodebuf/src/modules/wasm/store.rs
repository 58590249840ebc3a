//! The thread's wasm world: one wasmi `Store` (with the memory accounting as its limiter),
//! the handle tables JS refers to objects by, and access to the store from any native entry.

use super::*;

thread_local! {
    pub(super) static WORLD: RefCell<Option<Rc<World>>> = const { RefCell::new(None) };
    /// The JS half's import dispatcher: `dispatch(id, ...args)` -> results array, or
    /// `undefined` when the import threw (the JS half keeps the exception).
    pub(super) static DISPATCH: RefCell<Option<Persistent<Function<'static>>>> = const { RefCell::new(None) };
    /// The context of the innermost native entry, for imports called from inside wasm.
    pub(super) static CURRENT_CTX: Cell<*mut qjs::JSContext> = const { Cell::new(std::ptr::null_mut()) };
}

/// Store data: the memory accounting. Every byte of linear memory is counted in
/// `process.memoryUsage().external` (as V8 counts a wasm memory: not in `arrayBuffers`) and
/// reserved from the thread's memory budget; a growth past the budget fails as an allocation
/// failure would (`grow()` throws, `memory.grow` returns -1).
#[derive(Default)]
pub(super) struct Host {
    pub(super) charges: Vec<(Charge, Reservation)>,
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

/// A compiled module and what the JS API reports about it (from its sections, in order).
pub(super) struct ModuleEntry {
    pub(super) module: Module,
    /// (name, kind, index) per export, in the module's order.
    pub(super) exports: Vec<(String, char, u32)>,
    /// (module, name, kind) per import.
    pub(super) imports: Vec<(String, String, char)>,
    /// (name, bytes) per custom section.
    pub(super) custom: Vec<(String, Vec<u8>)>,
    /// Whether the module has a start function (a trap while instantiating one without it is
    /// a segment that does not fit).
    pub(super) has_start: bool,
    /// Which V8 message the module's ambiguous traps take.
    pub(super) hints: TrapHints,
    /// Its active element segments (to name the functions they place in tables).
    pub(super) elements: Vec<Element>,
    /// The bytes it was compiled from (a Module posted to a worker is compiled there again).
    pub(super) bytes: Vec<u8>,
}

/// wasmi reports one trap code where V8 has two messages: a zero divisor of `div_*` and
/// `rem_*`, and an overflow of `div_s` and of a float-to-int truncation. When a module holds
/// only one of the pair, its traps take that one's message.
#[derive(Clone, Copy, Default)]
pub(super) struct TrapHints {
    /// `rem_*` instructions and no `div_*`.
    pub(super) remainder_only: bool,
    /// Trapping `trunc_*` instructions and no `div_s`.
    pub(super) truncation_only: bool,
}

/// What the module lists, in its sections' order.
pub(super) struct ModuleInfo {
    pub(super) exports: Vec<(String, char, u32)>,
    pub(super) imports: Vec<(String, String, char)>,
    pub(super) custom: Vec<(String, Vec<u8>)>,
    pub(super) has_start: bool,
    pub(super) hints: TrapHints,
    pub(super) elements: Vec<Element>,
}

/// An active element segment with a constant offset: which function indices it puts where.
#[derive(Clone)]
pub(super) struct Element {
    pub(super) table: u32,
    pub(super) offset: u64,
    pub(super) funcs: Vec<u32>,
}

/// Handles of one kind of store object, deduplicated: wasmi's handles have no public
/// equality, but their `Debug` text names the store slot, which is what identity means here.
pub(super) struct Handles<T> {
    pub(super) items: Vec<T>,
    pub(super) ids: HashMap<String, u32>,
}

impl<T: std::fmt::Debug + Copy> Handles<T> {
    pub(super) fn new() -> Self {
        Handles {
            items: Vec::new(),
            ids: HashMap::new(),
        }
    }

    pub(super) fn id_of(&mut self, item: T) -> u32 {
        let key = format!("{item:?}");
        if let Some(id) = self.ids.get(&key) {
            return *id;
        }
        let id = self.items.len() as u32;
        self.items.push(item);
        self.ids.insert(key, id);
        id
    }

    pub(super) fn get(&self, id: u32) -> Option<T> {
        self.items.get(id as usize).copied()
    }
}

/// Everything wasm on this thread.
pub(super) struct World {
    pub(super) engine: Engine,
    /// Borrowed while a call runs (then [`World::callers`] reaches it).
    pub(super) store: RefCell<Store<Host>>,
    /// The `Caller` of each import call in progress, innermost last (type-erased pointers to
    /// `Caller<'_, Host>` values that live on the stack of [`import_trampoline`]).
    pub(super) callers: RefCell<Vec<*mut c_void>>,
    pub(super) modules: RefCell<Vec<Rc<ModuleEntry>>>,
    pub(super) funcs: RefCell<Handles<Func>>,
    pub(super) memories: RefCell<Vec<Rc<MemoryEntry>>>,
    pub(super) memory_ids: RefCell<HashMap<String, u32>>,
    pub(super) tables: RefCell<Handles<Table>>,
    pub(super) globals: RefCell<Handles<Global>>,
    /// The module each exported wasm function was defined by (first instance exporting it).
    pub(super) func_module: RefCell<HashMap<u32, u32>>,
    /// Each known function's index in its module (V8 names exported functions by it).
    pub(super) func_index: RefCell<HashMap<u32, u32>>,
    pub(super) next_serial: Cell<u64>,
}

pub(super) fn world() -> Rc<World> {
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
pub(super) fn with_store<R>(
    world: &World,
    f: impl FnOnce(StoreContextMut<'_, Host>) -> R,
) -> Option<R> {
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

pub(super) fn memory_entry(world: &World, id: u32) -> Option<Rc<MemoryEntry>> {
    world.memories.borrow().get(id as usize).cloned()
}

pub(super) fn memory_id(world: &World, memory: Memory) -> u32 {
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

/// Sets the context imports called from wasm run JS in, for the duration of a native entry.
pub(super) struct CtxGuard(*mut qjs::JSContext);

impl CtxGuard {
    pub(super) fn enter(ctx: &Ctx<'_>) -> CtxGuard {
        CtxGuard(CURRENT_CTX.with(|c| c.replace(ctx.as_raw().as_ptr())))
    }
}

impl Drop for CtxGuard {
    fn drop(&mut self) {
        CURRENT_CTX.with(|c| c.set(self.0));
    }
}
