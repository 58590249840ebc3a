//! `WebAssembly.Memory` and `memory.buffer`: the external ArrayBuffer over the linear memory,
//! detached whenever the memory moved, before any JS runs.

use super::*;

/// An ArrayBuffer currently exposed over a memory: where it points, to notice a move.
#[derive(Clone, Copy)]
pub(super) struct LiveBuffer {
    pub(super) serial: u64,
    /// Not a counted reference: the buffer's free function clears this slot when the engine
    /// finalizes (or anyone detaches) the buffer, so while the slot is set the object lives.
    pub(super) object: qjs::JSValue,
    pub(super) ptr: usize,
    pub(super) len: usize,
}

/// A linear memory and the ArrayBuffer shown for it, if any.
pub(super) struct MemoryEntry {
    pub(super) memory: Memory,
    pub(super) live: Cell<Option<LiveBuffer>>,
}

/// What the ArrayBuffer's free function receives: keeps the store (and so the bytes) alive.
pub(super) struct Ticket {
    pub(super) _world: Rc<World>,
    pub(super) entry: Rc<MemoryEntry>,
    pub(super) serial: u64,
}

/// The ArrayBuffer's memory function. Size 0 is the engine letting go of the bytes
/// (finalization or detach): forget the buffer and drop the ticket. Any other size is a resize,
/// which the bytes (wasm's) never allow: refused, the buffer keeps its size.
pub(super) unsafe extern "C" fn ticket_realloc(
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
pub(super) fn detach_if(
    ctx: &Ctx<'_>,
    entry: &MemoryEntry,
    now: Option<(usize, usize)>,
    force: bool,
) {
    let Some(live) = entry.live.get() else { return };
    if !force && now == Some((live.ptr, live.len)) {
        return;
    }
    entry.live.set(None);
    // SAFETY: the slot was set, so the object has not been finalized (its free function
    // clears the slot); detaching runs its free function (serial no longer matches) and no JS.
    unsafe { qjs::JS_DetachArrayBuffer(ctx.as_raw().as_ptr(), live.object) };
}

pub(super) fn data_of(world: &World, memory: Memory) -> Option<(usize, usize)> {
    with_store(world, |s| {
        (memory.data_ptr(&s) as usize, memory.data_size(&s))
    })
}

/// Detaches every buffer whose memory moved or changed size (wasm's `memory.grow`).
pub(super) fn refresh(ctx: &Ctx<'_>, world: &World) {
    let entries: Vec<Rc<MemoryEntry>> = world.memories.borrow().clone();
    for entry in entries {
        if entry.live.get().is_some() {
            let now = data_of(world, entry.memory);
            detach_if(ctx, &entry, now, false);
        }
    }
}

/// `new WebAssembly.Memory({initial, maximum})` (checked by the JS half): a handle.
pub(super) fn memory_new(initial: u32, maximum: Option<u32>) -> Result<u32> {
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
pub(super) fn memory_grow<'js>(ctx: Ctx<'js>, id: u32, delta: u32) -> Result<f64> {
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
pub(super) fn memory_info(id: u32) -> Result<Vec<f64>> {
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
pub(super) fn memory_buffer<'js>(ctx: Ctx<'js>, id: u32) -> Result<Value<'js>> {
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
