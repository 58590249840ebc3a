//! Native half of Node's messaging (`MessageChannel`, `MessagePort`, worker messages): the wire
//! form of a message and the process-wide table of entangled ports.
//!
//! The structured clone walk itself is JS (`messaging.js`): it flattens a value into a list of
//! primitives plus ArrayBuffer / SharedArrayBuffer objects. [`encode`] turns that list into a
//! [`Message`] that owns no JS value (ArrayBuffer bytes are copied, SharedArrayBuffers become
//! core store handles), so it can cross to another runtime on another thread; [`decode`] builds
//! the list again in the receiving runtime, where the JS reader rebuilds the value.
//!
//! Ports: every port has an id, an optional peer, a queue of messages waiting for its owner, and
//! the agent (thread) that owns it. Posting queues the message on the peer and tells the peer's
//! owner; a port in transit (inside a message) has no owner and just accumulates messages until
//! a thread adopts it, so nothing is lost or reordered while a port moves between threads.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use nodebuf_core::memory::shared::SharedArrayBuffer;
use rquickjs::{qjs, Array, ArrayBuffer, Ctx, Exception, Function, Object, Result, Value};

use crate::host::agent::{Agent, Event};
use crate::host::shared_memory;
use crate::jsstr::to_utf16;

/// One element of a flattened message.
#[derive(Debug, Clone)]
pub enum Item {
    /// `undefined`.
    Undefined,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A well-formed string.
    Str(String),
    /// A string with lone surrogates, as UTF-16 units.
    Utf16(Vec<u16>),
    /// The bytes of an ArrayBuffer (copied, or moved when transferred), counted as an
    /// ArrayBuffer's while in transit.
    Bytes(CountedBytes),
    /// A SharedArrayBuffer: the same memory on both sides.
    Shared(SharedArrayBuffer),
}

/// A message that can cross threads: the flattened value, owning no JS object.
#[derive(Debug, Clone, Default)]
pub struct Message {
    /// The flattened value, in the order the JS writer produced it.
    pub items: Vec<Item>,
}

fn encode_string<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<Item> {
    let raw_ctx = ctx.as_raw().as_ptr();
    let mut len: usize = 0;
    // SAFETY: `value` is a live string of this context; the returned buffer holds `len` bytes
    // and is freed right below.
    let ptr = unsafe { qjs::JS_ToCStringLen(raw_ctx, &mut len, value.as_raw()) };
    if ptr.is_null() {
        return Err(rquickjs::Error::Exception);
    }
    // SAFETY: `len` readable bytes at `ptr` until freed.
    let bytes = unsafe { std::slice::from_raw_parts(ptr as *const u8, len) };
    let text = std::str::from_utf8(bytes).ok().map(str::to_owned);
    // SAFETY: freed exactly once on the context that made it.
    unsafe { qjs::JS_FreeCString(raw_ctx, ptr) };
    match text {
        Some(text) => Ok(Item::Str(text)),
        // QuickJS writes lone surrogates as invalid UTF-8: keep the exact units instead.
        None => Ok(Item::Utf16(to_utf16(ctx, value)?)),
    }
}

fn encode_object<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<Item> {
    // SAFETY: `value` is a live object; the class check reads its header only.
    if unsafe { qjs::JS_IsArrayBuffer(value.as_raw()) } {
        let mut len: qjs::size_t = 0;
        // SAFETY: an ArrayBuffer of this context: the pointer is valid for `len` bytes until JS
        // runs again; a detached buffer gives null (its TypeError is cleared).
        let ptr =
            unsafe { qjs::JS_GetArrayBuffer(ctx.as_raw().as_ptr(), &mut len, value.as_raw()) };
        if ptr.is_null() {
            let _ = ctx.catch();
            return Ok(Item::Bytes(CountedBytes::new(Vec::new())));
        }
        // SAFETY: as above; we copy before any JS runs.
        let bytes = unsafe { std::slice::from_raw_parts(ptr, len as usize) }.to_vec();
        return Ok(Item::Bytes(CountedBytes::new(bytes)));
    }
    if let Some(store) = shared_memory::store_of(ctx, value) {
        return Ok(Item::Shared(store));
    }
    Err(Exception::throw_type(
        ctx,
        "internal: a message may only hold primitives and (Shared)ArrayBuffers",
    ))
}

/// Turns the JS writer's flat list into a [`Message`].
pub fn encode<'js>(ctx: &Ctx<'js>, list: &Array<'js>) -> Result<Message> {
    let mut items = Vec::with_capacity(list.len());
    for value in list.iter::<Value>() {
        let value = value?;
        let item = if value.is_undefined() {
            Item::Undefined
        } else if value.is_null() {
            Item::Null
        } else if let Some(b) = value.as_bool() {
            Item::Bool(b)
        } else if let Some(n) = value.as_number() {
            Item::Number(n)
        } else if value.is_string() {
            encode_string(ctx, &value)?
        } else if value.is_object() {
            encode_object(ctx, &value)?
        } else {
            return Err(Exception::throw_type(
                ctx,
                "internal: unexpected value in a message",
            ));
        };
        items.push(item);
    }
    Ok(Message { items })
}

/// The bytes of a cloned or transferred ArrayBuffer, counted in
/// `process.memoryUsage().arrayBuffers` from the clone until the receiving ArrayBuffer is freed,
/// as V8 counts the backing store a message holds (the sender's side leaves the count when it
/// is detached or freed). A copy of a message counts its own.
#[derive(Debug)]
pub struct CountedBytes {
    bytes: Vec<u8>,
    _charge: nodebuf_core::memory::accounting::Charge,
}

impl Clone for CountedBytes {
    fn clone(&self) -> CountedBytes {
        CountedBytes::new(self.bytes.clone())
    }
}

impl CountedBytes {
    /// Counts `bytes` until the value drops.
    pub fn new(bytes: Vec<u8>) -> CountedBytes {
        let charge = nodebuf_core::memory::accounting::Charge::new(
            nodebuf_core::memory::accounting::ChargeKind::ArrayBuffer,
            bytes.len(),
        );
        CountedBytes {
            bytes,
            _charge: charge,
        }
    }
}

// SAFETY: the pointer and length are those of the owned Vec, which is never resized or moved
// out while the engine holds them (the engine drops this value when the ArrayBuffer goes).
unsafe impl rquickjs::ArrayBufferSource for CountedBytes {
    fn as_ptr(&self) -> *mut u8 {
        self.bytes.as_ptr() as *mut u8
    }
    fn len(&self) -> usize {
        self.bytes.len()
    }
}

/// Builds the JS reader's flat list from a [`Message`] (moving its bytes into new
/// ArrayBuffers, wrapping its SharedArrayBuffers over the same memory).
pub fn decode<'js>(ctx: &Ctx<'js>, message: Message) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, item) in message.items.into_iter().enumerate() {
        let value = match item {
            Item::Undefined => Value::new_undefined(ctx.clone()),
            Item::Null => Value::new_null(ctx.clone()),
            Item::Bool(b) => Value::new_bool(ctx.clone(), b),
            // `new_number` would turn -0 into the integer 0.
            Item::Number(n) if n == 0.0 && n.is_sign_negative() => Value::new_float(ctx.clone(), n),
            Item::Number(n) => Value::new_number(ctx.clone(), n),
            Item::Str(s) => rquickjs::String::from_str(ctx.clone(), &s)?.into_value(),
            Item::Utf16(units) => {
                // SAFETY: `units` is a live buffer of `units.len()` UTF-16 units that QuickJS
                // copies; the result is a new reference the Value owns.
                let raw = unsafe {
                    qjs::JS_NewStringUTF16(ctx.as_raw().as_ptr(), units.as_ptr(), units.len() as _)
                };
                // SAFETY: as above.
                let value = unsafe { Value::from_raw(ctx.clone(), raw) };
                if value.is_exception() {
                    return Err(rquickjs::Error::Exception);
                }
                value
            }
            Item::Bytes(bytes) => ArrayBuffer::from_source(ctx.clone(), bytes)?.into_value(),
            Item::Shared(store) => shared_memory::wrap(ctx, &store)?,
        };
        out.set(i, value)?;
    }
    Ok(out)
}

/// One end of a channel.
struct Port {
    peer: Option<u64>,
    queue: VecDeque<Message>,
    /// The thread that receives this port's messages; `None` while the port is in transit.
    owner: Option<Arc<Agent>>,
    /// The name of the BroadcastChannel this port receives for (such a port has no peer).
    broadcast: Option<Arc<str>>,
}

static NEXT_PORT: AtomicU64 = AtomicU64::new(1);
static PORTS: Mutex<Option<HashMap<u64, Port>>> = Mutex::new(None);

fn ports() -> MutexGuard<'static, Option<HashMap<u64, Port>>> {
    // Each update leaves the table consistent, so a poisoned lock is still usable.
    PORTS.lock().unwrap_or_else(|p| p.into_inner())
}

/// Makes two entangled ports owned by `owner`; returns their ids.
pub fn create_channel(owner: &Arc<Agent>) -> (u64, u64) {
    let a = NEXT_PORT.fetch_add(2, Ordering::Relaxed);
    let b = a + 1;
    let mut guard = ports();
    let table = guard.get_or_insert_with(HashMap::new);
    for (id, peer) in [(a, b), (b, a)] {
        table.insert(
            id,
            Port {
                peer: Some(peer),
                queue: VecDeque::new(),
                owner: Some(owner.clone()),
                broadcast: None,
            },
        );
    }
    (a, b)
}

/// Queues `message` for the peer of `port` and wakes the peer's owner. Returns false when the
/// port has no peer any more (the message is dropped, as Node drops it).
pub fn post(port: u64, message: Message) -> bool {
    let mut guard = ports();
    let Some(table) = guard.as_mut() else {
        return false;
    };
    let Some(peer_id) = table.get(&port).and_then(|p| p.peer) else {
        return false;
    };
    let Some(peer) = table.get_mut(&peer_id) else {
        return false;
    };
    peer.queue.push_back(message);
    if let Some(owner) = &peer.owner {
        owner.push(Event::PortReady(peer_id));
    }
    true
}

/// How many messages wait on `port` (0 for a closed one).
pub fn pending(port: u64) -> usize {
    ports()
        .as_ref()
        .and_then(|table| table.get(&port))
        .map_or(0, |p| p.queue.len())
}

/// The next message waiting on `port`, if any.
pub fn take(port: u64) -> Option<Message> {
    ports().as_mut()?.get_mut(&port)?.queue.pop_front()
}

/// Joins the BroadcastChannel `name` (Node's `new BroadcastChannel(name)`): a port without a
/// peer, owned by `owner`, that receives what every other member of `name` (in any thread)
/// broadcasts. Returns its id; [`close`] leaves the channel.
pub fn broadcast_join(name: &str, owner: &Arc<Agent>) -> u64 {
    let id = NEXT_PORT.fetch_add(1, Ordering::Relaxed);
    let mut guard = ports();
    let table = guard.get_or_insert_with(HashMap::new);
    table.insert(
        id,
        Port {
            peer: None,
            queue: VecDeque::new(),
            owner: Some(owner.clone()),
            broadcast: Some(Arc::from(name)),
        },
    );
    id
}

/// Queues a copy of `message` on every other member of `port`'s BroadcastChannel, in the order
/// they joined, and wakes their owners. Returns false when `port` is no member.
pub fn broadcast(port: u64, message: &Message) -> bool {
    let mut guard = ports();
    let Some(table) = guard.as_mut() else {
        return false;
    };
    let Some(name) = table.get(&port).and_then(|p| p.broadcast.clone()) else {
        return false;
    };
    let mut members: Vec<u64> = table
        .iter()
        .filter(|(id, p)| **id != port && p.broadcast.as_deref() == Some(&*name))
        .map(|(id, _)| *id)
        .collect();
    // Ids grow with time: ascending ids are the order of joining.
    members.sort_unstable();
    for id in members {
        if let Some(member) = table.get_mut(&id) {
            member.queue.push_back(message.clone());
            if let Some(owner) = &member.owner {
                owner.push(Event::PortReady(id));
            }
        }
    }
    true
}

/// Closes `port` and disentangles its peer (which is told with [`Event::PortClosed`]).
pub fn close(port: u64) {
    let mut guard = ports();
    let Some(table) = guard.as_mut() else { return };
    let Some(closed) = table.remove(&port) else {
        return;
    };
    if let Some(peer) = closed
        .peer
        .and_then(|id| table.get_mut(&id).map(|p| (id, p)))
    {
        let (peer_id, peer) = peer;
        peer.peer = None;
        if let Some(owner) = &peer.owner {
            owner.push(Event::PortClosed(peer_id));
        }
    }
}

/// Takes `port` away from `from`, its owner, while it travels inside a message. Does nothing
/// when `from` no longer owns it: a release that came late (after the receiving thread adopted
/// the port) must not orphan it, or its messages would never be announced again.
pub fn release(port: u64, from: &Arc<Agent>) {
    if let Some(p) = ports().as_mut().and_then(|t| t.get_mut(&port)) {
        if p.owner.as_ref().is_some_and(|o| Arc::ptr_eq(o, from)) {
            p.owner = None;
        }
    }
}

/// Makes `owner` receive `port`'s messages (a received transferred port); messages that arrived
/// in transit are announced at once. Returns false for an unknown (closed) port.
pub fn adopt(port: u64, owner: &Arc<Agent>) -> bool {
    let mut guard = ports();
    let Some(p) = guard.as_mut().and_then(|t| t.get_mut(&port)) else {
        return false;
    };
    p.owner = Some(owner.clone());
    if !p.queue.is_empty() {
        owner.push(Event::PortReady(port));
    }
    if p.peer.is_none() {
        owner.push(Event::PortClosed(port));
    }
    true
}

/// True while `port` exists and has a peer.
pub fn is_entangled(port: u64) -> bool {
    ports()
        .as_ref()
        .and_then(|t| t.get(&port))
        .is_some_and(|p| p.peer.is_some())
}

/// Closes every port `owner` still owns (its thread is ending).
pub fn close_all_owned_by(owner: &Arc<Agent>) {
    let owned: Vec<u64> = ports()
        .as_ref()
        .map(|t| {
            t.iter()
                .filter(|(_, p)| p.owner.as_ref().is_some_and(|o| Arc::ptr_eq(o, owner)))
                .map(|(id, _)| *id)
                .collect()
        })
        .unwrap_or_default();
    for id in owned {
        close(id);
    }
}

fn events_to_js<'js>(ctx: &Ctx<'js>, events: Vec<Event>) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, event) in events.into_iter().enumerate() {
        let entry = Array::new(ctx.clone())?;
        let (kind, id) = match &event {
            Event::PortReady(id) => ("port", *id),
            Event::PortClosed(id) => ("close", *id),
            Event::WorkerOnline(id) => ("online", *id),
            Event::WorkerError(id, _) => ("error", *id),
            Event::WorkerExit(id, _) => ("exit", *id),
            Event::ChildData(id, 1, _) => ("child-stdout", *id),
            Event::ChildData(id, _, _) => ("child-stderr", *id),
            Event::ChildExit(id, _, _) => ("child-exit", *id),
            Event::NetReady(id, _) => ("net", *id),
            Event::WaitAsyncWoken(id) => ("waitAsync", *id),
            Event::ThreadMessage(source, _, _) => ("threadMessage", *source),
            Event::IpcData(id, _, _) => ("ipc-data", *id),
            Event::IpcEnd(id) => ("ipc-end", *id),
            Event::Dns(id, _) => ("dns", *id),
            Event::SignalArrived => ("signal", 0),
        };
        entry.set(0, kind)?;
        entry.set(1, id as f64)?;
        match event {
            Event::WorkerError(_, message) => entry.set(2, decode(ctx, message)?)?,
            Event::WorkerExit(_, code) => entry.set(2, code)?,
            Event::ChildData(_, _, bytes) => entry.set(2, crate::bytes::wrap_bytes(ctx, bytes)?)?,
            Event::IpcData(_, bytes, fds) => {
                entry.set(2, crate::bytes::wrap_bytes(ctx, bytes)?)?;
                if !fds.is_empty() {
                    // From here the descriptors are the JS side's: it adopts each one (a
                    // handle) or closes it (`native.ipc.closeFd`).
                    let list = Array::new(ctx.clone())?;
                    for (i, fd) in fds.into_iter().enumerate() {
                        list.set(i, std::os::fd::IntoRawFd::into_raw_fd(fd))?;
                    }
                    entry.set(3, list)?;
                }
            }
            Event::NetReady(_, bits) => entry.set(2, bits)?,
            Event::Dns(_, outcome) => {
                entry.set(2, crate::modules::dns::outcome_to_js(ctx, outcome)?)?
            }
            Event::ThreadMessage(_, message, reply) => {
                let payload = Array::new(ctx.clone())?;
                payload.set(0, decode(ctx, message)?)?;
                payload.set(1, reply as f64)?;
                entry.set(2, payload)?;
            }
            Event::ChildExit(_, code, signal) => {
                let status = Array::new(ctx.clone())?;
                status.set(0, code)?;
                status.set(1, signal.map(crate::modules::child_process::signal_name))?;
                entry.set(2, status)?;
            }
            _ => {}
        }
        out.set(i, entry)?;
    }
    Ok(out)
}

fn js_create_channel<'js>(ctx: Ctx<'js>) -> Result<Array<'js>> {
    let (a, b) = create_channel(&Agent::current());
    let out = Array::new(ctx)?;
    out.set(0, a as f64)?;
    out.set(1, b as f64)?;
    Ok(out)
}

fn js_post<'js>(ctx: Ctx<'js>, port: f64, list: Array<'js>) -> Result<bool> {
    let message = encode(&ctx, &list)?;
    Ok(post(port as u64, message))
}

fn js_broadcast<'js>(ctx: Ctx<'js>, port: f64, list: Array<'js>) -> Result<bool> {
    let message = encode(&ctx, &list)?;
    Ok(broadcast(port as u64, &message))
}

/// `native.messaging.threadPost(threadId, source, list, replyPort)`: queues a
/// `postMessageToThread` message on thread `threadId`'s inbox; false when no such thread runs
/// (an id that is not a thread's integer included).
fn js_thread_post<'js>(
    ctx: Ctx<'js>,
    thread_id: f64,
    source: f64,
    list: Array<'js>,
    reply: f64,
) -> Result<bool> {
    let message = encode(&ctx, &list)?;
    if !(thread_id >= 0.0 && thread_id.fract() == 0.0 && thread_id < 2f64.powi(53)) {
        return Ok(false);
    }
    match crate::host::worker::agent_of(thread_id as u64) {
        Some(agent) => {
            agent.push(Event::ThreadMessage(source as u64, message, reply as u64));
            Ok(true)
        }
        None => Ok(false),
    }
}

fn js_round_trip<'js>(ctx: Ctx<'js>, list: Array<'js>) -> Result<Array<'js>> {
    let message = encode(&ctx, &list)?;
    decode(&ctx, message)
}

fn js_take<'js>(ctx: Ctx<'js>, port: f64) -> Result<Value<'js>> {
    match take(port as u64) {
        Some(message) => Ok(decode(&ctx, message)?.into_value()),
        None => Ok(Value::new_undefined(ctx)),
    }
}

fn js_adopt(port: f64) -> bool {
    adopt(port as u64, &Agent::current())
}

fn js_detach<'js>(ctx: Ctx<'js>, buffer: Value<'js>) {
    // SAFETY: JS_DetachArrayBuffer checks the class itself and ignores anything but a live,
    // non-shared ArrayBuffer of this context.
    unsafe { qjs::JS_DetachArrayBuffer(ctx.as_raw().as_ptr(), buffer.as_raw()) };
}

/// Throws an exception no JS `catch` can stop: the thread is being stopped.
pub fn throw_uncatchable(ctx: &Ctx<'_>, message: &str) -> rquickjs::Error {
    match Exception::from_message(ctx.clone(), message) {
        Ok(error) => {
            let value = error.into_value();
            // SAFETY: `value` is a live Error object of this context; the call sets a flag on it.
            unsafe { qjs::JS_SetUncatchableError(ctx.as_raw().as_ptr(), value.as_raw()) };
            ctx.throw(value)
        }
        Err(e) => e,
    }
}

fn js_wait(ctx: Ctx<'_>, timeout_ms: f64) -> Result<()> {
    let agent = Agent::current();
    let timeout = (timeout_ms >= 0.0 && timeout_ms.is_finite())
        .then(|| std::time::Duration::from_secs_f64(timeout_ms / 1000.0));
    agent.wait(timeout);
    if agent.is_terminated() {
        return Err(throw_uncatchable(&ctx, "terminated"));
    }
    Ok(())
}

fn js_take_events<'js>(ctx: Ctx<'js>) -> Result<Array<'js>> {
    let agent = Agent::current();
    if agent.is_terminated() {
        return Err(throw_uncatchable(&ctx, "terminated"));
    }
    events_to_js(&ctx, agent.take())
}

/// `native.messaging.viewGeometry(value)`: what the serializer records for a typed array or
/// DataView, from the engine's slots (never its properties, so no user code runs and no own
/// property can forge it, as V8's serializer reads them for Node): `[buffer, byteOffset,
/// byteLength, lengthTracking]`; for a view whose buffer is detached `[buffer, 'detached',
/// byteOffset, byteLength, lengthTracking]` with the offset and length it was made with (V8
/// writes those); `[buffer, 'oob']` for one out of bounds of its shrunk buffer. For a live
/// ArrayBuffer: `[buffer, 0, byteLength]`; `undefined` for anything else (a detached
/// ArrayBuffer included: the engine no longer answers for it as one).
fn js_view_geometry<'js>(ctx: Ctx<'js>, value: Value<'js>) -> Result<Value<'js>> {
    let out = Array::new(ctx.clone())?;
    let state = |s: &str| rquickjs::String::from_str(ctx.clone(), s).map(|s| s.into_value());
    let record = nodebuf_js::view_record(&value);
    match nodebuf_js::view_geometry(&ctx, &value) {
        Some(nodebuf_js::ViewGeometry::Live {
            buffer,
            byte_offset,
            byte_length,
        }) => {
            out.set(0, buffer)?;
            out.set(1, byte_offset as f64)?;
            out.set(2, byte_length as f64)?;
            out.set(3, record.is_some_and(|r| r.length_tracking))?;
        }
        Some(nodebuf_js::ViewGeometry::Detached(buffer)) => {
            out.set(0, buffer)?;
            out.set(1, state("detached")?)?;
            if let Some(r) = record {
                out.set(2, r.byte_offset as f64)?;
                out.set(3, r.byte_length as f64)?;
                out.set(4, r.length_tracking)?;
            }
        }
        Some(nodebuf_js::ViewGeometry::OutOfBounds(buffer)) => {
            out.set(0, buffer)?;
            out.set(1, state("oob")?)?;
        }
        None => {
            let Some(ab) = ArrayBuffer::from_value(value.clone()) else {
                return Ok(Value::new_undefined(ctx));
            };
            out.set(0, value)?;
            let Some(raw) = ab.as_raw() else {
                return Ok(Value::new_undefined(ctx));
            };
            out.set(1, 0)?;
            out.set(2, raw.len() as f64)?;
        }
    }
    Ok(out.into_value())
}

/// Adds `native.messaging` (channels, posting, taking, closing, moving ports, the agent's
/// event inbox) to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let m = Object::new(ctx.clone())?;
    m.set(
        "createChannel",
        Function::new(ctx.clone(), js_create_channel)?,
    )?;
    m.set("post", Function::new(ctx.clone(), js_post)?)?;
    m.set(
        "broadcastJoin",
        Function::new(ctx.clone(), |name: String| {
            broadcast_join(&name, &Agent::current()) as f64
        })?,
    )?;
    m.set("broadcast", Function::new(ctx.clone(), js_broadcast)?)?;
    m.set("threadPost", Function::new(ctx.clone(), js_thread_post)?)?;
    m.set(
        "viewGeometry",
        Function::new(ctx.clone(), js_view_geometry)?,
    )?;
    m.set("roundTrip", Function::new(ctx.clone(), js_round_trip)?)?;
    m.set(
        "clonePlain",
        Function::new(ctx.clone(), super::structured_clone::js_clone_plain)?,
    )?;
    m.set(
        "defineData",
        Function::new(ctx.clone(), super::structured_clone::js_define_data)?,
    )?;
    m.set("take", Function::new(ctx.clone(), js_take)?)?;
    m.set(
        "pending",
        Function::new(ctx.clone(), |p: f64| pending(p as u64) as f64)?,
    )?;
    m.set(
        "close",
        Function::new(ctx.clone(), |p: f64| close(p as u64))?,
    )?;
    m.set(
        "release",
        Function::new(ctx.clone(), |p: f64| release(p as u64, &Agent::current()))?,
    )?;
    m.set("adopt", Function::new(ctx.clone(), js_adopt)?)?;
    // A started port looks at its queue in the next poll phase, as Node's uv_async does.
    m.set(
        "announce",
        Function::new(ctx.clone(), |p: f64| {
            Agent::current().push(Event::PortReady(p as u64))
        })?,
    )?;
    m.set(
        "isEntangled",
        Function::new(ctx.clone(), |p: f64| is_entangled(p as u64))?,
    )?;
    m.set("detach", Function::new(ctx.clone(), js_detach)?)?;
    m.set("wait", Function::new(ctx.clone(), js_wait)?)?;
    m.set("takeEvents", Function::new(ctx.clone(), js_take_events)?)?;
    crate::host::atomics::install_wait_async(ctx, &m)?;
    native.set("messaging", m)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rquickjs::{Context, Runtime};

    fn context() -> (Runtime, Context) {
        let rt = Runtime::new().unwrap();
        let ctx = Context::full(&rt).unwrap();
        ctx.with(|ctx| shared_memory::install(&ctx));
        (rt, ctx)
    }

    #[test]
    fn flat_lists_cross_runtimes_exactly() {
        let (_ra, a) = context();
        let (_rb, b) = context();
        let message = a.with(|ctx| {
            let list: Array = ctx
                .eval(
                    r#"globalThis.sab = new SharedArrayBuffer(4);
                    [undefined, null, true, -0, 1.5, 2 ** 40, NaN, 'plain', 'lone \ud800 x', '😀',
                     new Uint8Array([1, 2, 3]).buffer, sab]"#,
                )
                .unwrap();
            encode(&ctx, &list).unwrap()
        });
        assert_eq!(message.items.len(), 12);
        assert!(matches!(message.items[8], Item::Utf16(_)));
        b.with(|ctx| {
            let list = decode(&ctx, message).unwrap();
            ctx.globals().set("list", list).unwrap();
            let checks: String = ctx
                .eval(
                    r#"[list[0] === undefined, list[1] === null, list[2] === true,
                       Object.is(list[3], -0), list[4] === 1.5, list[5] === 2 ** 40,
                       Number.isNaN(list[6]), list[7] === 'plain', list[8] === 'lone \ud800 x',
                       list[9] === '😀', new Uint8Array(list[10]).join() === '1,2,3',
                       list[11] instanceof SharedArrayBuffer].join()"#,
                )
                .unwrap();
            assert!(!checks.contains("false"), "{checks}");
            let _: () = ctx.eval("new Uint8Array(list[11])[0] = 77").unwrap();
        });
        let seen: i32 = a.with(|ctx| ctx.eval("new Uint8Array(sab)[0]").unwrap());
        assert_eq!(seen, 77);
    }

    #[test]
    fn objects_other_than_buffers_are_refused() {
        let (_ra, a) = context();
        a.with(|ctx| {
            let list: Array = ctx.eval("[{}]").unwrap();
            assert!(encode(&ctx, &list).is_err());
            let _ = ctx.catch();
            let list: Array = ctx.eval("[Symbol('x')]").unwrap();
            assert!(encode(&ctx, &list).is_err());
            let _ = ctx.catch();
        });
    }

    fn text(message: &Message) -> Option<&str> {
        match message.items.first() {
            Some(Item::Str(s)) => Some(s),
            _ => None,
        }
    }

    fn msg(s: &str) -> Message {
        Message {
            items: vec![Item::Str(s.into())],
        }
    }

    #[test]
    fn ports_queue_in_order_move_between_owners_and_close_both_ends() {
        let here = Agent::new();
        let there = Agent::new();
        let (a, b) = create_channel(&here);
        assert!(post(a, msg("one")));
        assert!(post(a, msg("two")));
        // Each post announces the port to its owner.
        assert_eq!(here.take().len(), 2);
        assert_eq!(text(&take(b).unwrap()), Some("one"));
        // In transit: messages wait for the new owner, who hears about them on adoption.
        release(b, &there);
        assert!(post(a, msg("two and a half")));
        // Only the owner can release a port: `there` did not own it, so `here` still hears.
        assert_eq!(here.take().len(), 1);
        assert_eq!(text(&take(b).unwrap()), Some("two"));
        release(b, &here);
        assert!(post(a, msg("three")));
        assert!(here.take().is_empty());
        assert!(adopt(b, &there));
        let events = there.take();
        assert!(matches!(events.as_slice(), [Event::PortReady(id)] if *id == b));
        assert_eq!(text(&take(b).unwrap()), Some("two and a half"));
        assert_eq!(text(&take(b).unwrap()), Some("three"));
        assert!(take(b).is_none());
        // Closing one end tells the other's owner and stops delivery.
        close(b);
        assert!(!is_entangled(a));
        assert!(matches!(here.take().as_slice(), [Event::PortClosed(id)] if *id == a));
        assert!(!post(a, msg("lost")));
        close(a);
        assert!(!adopt(a, &here));
    }

    #[test]
    fn broadcasts_reach_every_other_member_of_the_name_in_joining_order() {
        let here = Agent::new();
        let there = Agent::new();
        let a = broadcast_join("news", &here);
        let b = broadcast_join("news", &there);
        let c = broadcast_join("news", &here);
        let other = broadcast_join("sports", &here);
        assert!(broadcast(a, &msg("one")));
        assert!(take(a).is_none());
        assert!(take(other).is_none());
        assert_eq!(text(&take(b).unwrap()), Some("one"));
        assert_eq!(text(&take(c).unwrap()), Some("one"));
        assert!(matches!(there.take().as_slice(), [Event::PortReady(id)] if *id == b));
        assert!(matches!(here.take().as_slice(), [Event::PortReady(id)] if *id == c));
        close(b);
        assert!(broadcast(c, &msg("two")));
        assert_eq!(text(&take(a).unwrap()), Some("two"));
        assert!(!broadcast(b, &msg("gone")));
        // A port of a MessageChannel is no member of any channel.
        let (p, q) = create_channel(&here);
        assert!(!broadcast(p, &msg("x")));
        for id in [a, c, other, p, q] {
            close(id);
        }
    }

    #[test]
    fn a_thread_ending_closes_what_it_owns() {
        let here = Agent::new();
        let there = Agent::new();
        let (a, b) = create_channel(&here);
        release(b, &here);
        adopt(b, &there);
        close_all_owned_by(&there);
        assert!(!is_entangled(a));
        assert!(matches!(here.take().as_slice(), [Event::PortClosed(id)] if *id == a));
        close(a);
    }
}
