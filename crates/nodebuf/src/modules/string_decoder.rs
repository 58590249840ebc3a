//! Native half of `require('string_decoder')`: runs `nodebuf_core`'s decoder state machine on
//! the 7-byte state buffer the JS `StringDecoder` owns (Node's layout, see
//! `nodebuf_core::encoding::string_decoder`).
//!
//! Boundary rule: the arguments are already values (no coercion runs JS); the state is copied
//! out of its buffer, the chunk's bytes are resolved from the engine's slots and decoded, then
//! the new state is written back — no JS runs in between. The state is copied first because
//! the chunk may be a view of the state buffer itself (`decoder.write(decoder.lastChar)`).

use nodebuf_core::encoding::string_decoder::DecoderState;
use nodebuf_core::encoding::JsString;
use rquickjs::{Ctx, Exception, Function, Object, Result, Value};

use crate::bytes::{with_view_bytes, with_view_bytes_mut};

fn load_state<'js>(ctx: &Ctx<'js>, state: &Value<'js>) -> Result<DecoderState> {
    with_view_bytes(ctx, state, DecoderState::from_bytes)
        .flatten()
        .ok_or_else(|| Exception::throw_type(ctx, "Invalid StringDecoder state"))
}

fn store_state<'js>(ctx: &Ctx<'js>, state: &Value<'js>, decoder: &DecoderState) -> Result<()> {
    let bytes = decoder.to_bytes();
    with_view_bytes_mut(ctx, state, |out| {
        if out.len() == bytes.len() {
            out.copy_from_slice(&bytes);
        }
    })
    .ok_or_else(|| Exception::throw_type(ctx, "Invalid StringDecoder state"))
}

/// `decode(state, chunk)`: `decoder.write(chunk)` for an ArrayBufferView `chunk`.
fn write<'js>(ctx: Ctx<'js>, state: Value<'js>, chunk: Value<'js>) -> Result<Value<'js>> {
    let mut decoder = load_state(&ctx, &state)?;
    let text: JsString = with_view_bytes(&ctx, &chunk, |bytes| decoder.write(bytes))
        .ok_or_else(|| Exception::throw_type(&ctx, "chunk must be an ArrayBufferView"))?;
    store_state(&ctx, &state, &decoder)?;
    nodebuf_js::js_string(&ctx, &text)
}

/// `flush(state)`: what `decoder.end()` appends — the held-back bytes, decoded.
fn flush<'js>(ctx: Ctx<'js>, state: Value<'js>) -> Result<Value<'js>> {
    let mut decoder = load_state(&ctx, &state)?;
    let text = decoder.flush();
    store_state(&ctx, &state, &decoder)?;
    nodebuf_js::js_string(&ctx, &text)
}

/// Adds `native.stringDecoderWrite` and `native.stringDecoderFlush`.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("stringDecoderWrite", Function::new(ctx.clone(), write)?)?;
    native.set("stringDecoderFlush", Function::new(ctx.clone(), flush)?)?;
    Ok(())
}
