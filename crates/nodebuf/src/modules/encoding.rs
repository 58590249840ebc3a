//! Native half of `TextEncoder`/`TextDecoder`. Encoding is UTF-8 (as WHATWG requires; lone
//! surrogates become U+FFFD). Decoding covers every WHATWG encoding through `encoding_rs`, with
//! streaming (`{ stream: true }` keeps an incomplete sequence for the next call), the BOM rule
//! (a BOM of the decoder's own encoding is dropped at the start of a stream unless `ignoreBOM`)
//! and `fatal`; plus the latin1 path Node v20 takes for `windows-1252` outside streaming.

use encoding_rs::{CoderResult, Decoder, DecoderResult, Encoding};
use rquickjs::class::Trace;
use rquickjs::{Class, Ctx, Exception, Function, JsLifetime, Object, Result, TypedArray, Value};

use crate::bytes::{with_view_bytes, with_view_bytes_mut};
use crate::jsstr::{to_utf16, to_utf8_lossy};
use nodebuf_core::encoding::JsString;

fn encode<'js>(ctx: Ctx<'js>, text: Value<'js>) -> Result<Value<'js>> {
    let utf8 = to_utf8_lossy(&ctx, &text)?;
    Ok(TypedArray::<u8>::new(ctx, utf8.into_bytes())?.into_value())
}

/// One `TextDecoder`'s stream: the encoding_rs decoder carrying partial sequences between
/// `decode(chunk, { stream: true })` calls.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "TextDecoderStream")]
pub struct StreamDecoder {
    #[qjs(skip_trace)]
    encoding: &'static Encoding,
    #[qjs(skip_trace)]
    ignore_bom: bool,
    #[qjs(skip_trace)]
    decoder: Decoder,
}

fn fresh(encoding: &'static Encoding, ignore_bom: bool) -> Decoder {
    if ignore_bom {
        encoding.new_decoder_without_bom_handling()
    } else {
        encoding.new_decoder_with_bom_removal()
    }
}

/// `textDecoderNew(label, ignoreBOM)`: `[handle, name]` for a WHATWG label, or the name Node puts
/// in its "not supported" error (`null` for an unknown label, "replacement" and
/// "x-user-defined" for the labels WHATWG has but Node's TextDecoder refuses).
fn decoder_new<'js>(ctx: Ctx<'js>, label: String, ignore_bom: bool) -> Result<Value<'js>> {
    let Some(encoding) = Encoding::for_label(label.as_bytes()) else {
        return Ok(Value::new_null(ctx));
    };
    if encoding == encoding_rs::REPLACEMENT || encoding == encoding_rs::X_USER_DEFINED {
        let name = encoding.name().to_ascii_lowercase();
        return Ok(rquickjs::String::from_str(ctx, &name)?.into_value());
    }
    let handle = StreamDecoder {
        encoding,
        ignore_bom,
        decoder: fresh(encoding, ignore_bom),
    };
    let pair = rquickjs::Array::new(ctx.clone())?;
    pair.set(0, Class::instance(ctx.clone(), handle)?)?;
    pair.set(1, encoding.name().to_ascii_lowercase())?;
    Ok(pair.into_value())
}

/// `textDecoderDecode(handle, view, stream, fatal)`: the text, or `null` when `fatal` and the
/// bytes are malformed (the stream is reset, as after any call that ends a stream).
fn decoder_decode<'js>(
    ctx: Ctx<'js>,
    handle: Class<'js, StreamDecoder>,
    view: Value<'js>,
    stream: bool,
    fatal: bool,
) -> Result<Value<'js>> {
    let mut state = handle.borrow_mut();
    let state = &mut *state;
    let last = !stream;
    let decoded = with_view_bytes(&ctx, &view, |src| {
        let capacity = state.decoder.max_utf16_buffer_length(src.len())?;
        let mut out = vec![0u16; capacity];
        let written = if fatal {
            let (result, _, written) = state
                .decoder
                .decode_to_utf16_without_replacement(src, &mut out, last);
            match result {
                DecoderResult::InputEmpty => written,
                _ => return Some(None),
            }
        } else {
            let (result, _, written, _) = state.decoder.decode_to_utf16(src, &mut out, last);
            debug_assert!(matches!(result, CoderResult::InputEmpty));
            written
        };
        out.truncate(written);
        Some(Some(out))
    })
    .ok_or_else(|| Exception::throw_type(&ctx, "input must be an ArrayBuffer or ArrayBufferView"))?
    .ok_or_else(|| Exception::throw_range(&ctx, "input too large to decode"))?;
    if last || decoded.is_none() {
        state.decoder = fresh(state.encoding, state.ignore_bom);
    }
    match decoded {
        Some(units) => nodebuf_js::js_string(&ctx, &JsString::from_utf16(units)),
        None => Ok(Value::new_null(ctx)),
    }
}

/// `latin1Decode(view, ignoreBOM)`: each byte as the code point of the same value (Node v20's
/// `windows-1252` decoding outside streaming). Node's path also drops a leading 0xFF byte when
/// `ignoreBOM` is set (`new TextDecoder('latin1', { ignoreBOM: true }).decode([0xFF, 0x41])` is
/// `'A'` in Node v20.20), which is reproduced here.
fn latin1_decode<'js>(ctx: Ctx<'js>, view: Value<'js>, ignore_bom: bool) -> Result<Value<'js>> {
    let text = with_view_bytes(&ctx, &view, |bytes| {
        let bytes = match bytes {
            [0xFF, rest @ ..] if ignore_bom => rest,
            _ => bytes,
        };
        nodebuf_core::encoding::latin1::decode(bytes)
    })
    .ok_or_else(|| {
        Exception::throw_type(&ctx, "input must be an ArrayBuffer or ArrayBufferView")
    })?;
    nodebuf_js::js_string(&ctx, &text)
}

/// Decodes `view` as UTF-8 in one call (Node's UTF-8 path); `null` when `fatal` and invalid,
/// `undefined` when `view` is no view or buffer.
fn decode<'js>(
    ctx: Ctx<'js>,
    view: Value<'js>,
    fatal: bool,
    ignore_bom: bool,
) -> Result<Value<'js>> {
    // Decoded by the core's UTF-8 decoder (`buf.toString('utf8')`'s: WHATWG replacement of
    // each maximal ill-formed subpart) into the engine string's own width, without a Rust
    // `String` the engine would decode again.
    let text = with_view_bytes(&ctx, &view, |bytes| {
        let bytes = if !ignore_bom && bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            &bytes[3..]
        } else {
            bytes
        };
        (!fatal || nodebuf_core::encoding::is_utf8(bytes))
            .then(|| nodebuf_core::encoding::utf8::decode(bytes))
    });
    match text {
        Some(Some(text)) => nodebuf_js::js_string(&ctx, &text),
        Some(None) => Ok(Value::new_null(ctx)),
        // Not a view or buffer: the JS half reports it in Node's words.
        None => Ok(Value::new_undefined(ctx)),
    }
}

/// `encodeInto(text, u8)`: writes whole characters while they fit; returns `[read, written]`
/// where `read` counts UTF-16 units.
fn encode_into<'js>(ctx: Ctx<'js>, text: Value<'js>, target: Value<'js>) -> Result<Vec<usize>> {
    let units = to_utf16(&ctx, &text)?;
    let result = with_view_bytes_mut(&ctx, &target, |out| {
        let (mut read, mut written) = (0usize, 0usize);
        for ch in char::decode_utf16(units.iter().copied()) {
            let (ch, width16) = match ch {
                Ok(c) => (c, c.len_utf16()),
                Err(_) => ('\u{FFFD}', 1),
            };
            let len = ch.len_utf8();
            if written + len > out.len() {
                break;
            }
            ch.encode_utf8(&mut out[written..written + len]);
            written += len;
            read += width16;
        }
        vec![read, written]
    });
    result.ok_or_else(|| rquickjs::Exception::throw_type(&ctx, "target must be a Uint8Array"))
}

/// Adds `native.utf8Encode`, `utf8Decode`, `utf8EncodeInto`, `textDecoderNew`,
/// `textDecoderDecode` and `latin1Decode`.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("utf8Encode", Function::new(ctx.clone(), encode)?)?;
    native.set("utf8Decode", Function::new(ctx.clone(), decode)?)?;
    native.set("utf8EncodeInto", Function::new(ctx.clone(), encode_into)?)?;
    native.set("textDecoderNew", Function::new(ctx.clone(), decoder_new)?)?;
    native.set(
        "textDecoderDecode",
        Function::new(ctx.clone(), decoder_decode)?,
    )?;
    native.set("latin1Decode", Function::new(ctx.clone(), latin1_decode)?)?;
    Ok(())
}
