//! Native half of `TextEncoder`/`TextDecoder` (UTF-8 only, as WHATWG requires of TextEncoder and
//! as this runner supports for TextDecoder so far): encoding replaces lone surrogates with
//! U+FFFD; decoding replaces each maximal invalid subpart with U+FFFD (or fails when `fatal`).

use rquickjs::{Ctx, Function, Object, Result, TypedArray, Value};

use crate::bytes::{with_view_bytes, with_view_bytes_mut};
use crate::jsstr::{to_utf16, to_utf8_lossy};

fn encode<'js>(ctx: Ctx<'js>, text: Value<'js>) -> Result<Value<'js>> {
    let utf8 = to_utf8_lossy(&ctx, &text)?;
    Ok(TypedArray::<u8>::new(ctx, utf8.into_bytes())?.into_value())
}

/// Decodes `view`; `null` when `fatal` and the bytes are not valid UTF-8.
fn decode<'js>(
    ctx: Ctx<'js>,
    view: Value<'js>,
    fatal: bool,
    ignore_bom: bool,
) -> Result<Value<'js>> {
    let text = with_view_bytes(&ctx, &view, |bytes| {
        let bytes = if !ignore_bom && bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
            &bytes[3..]
        } else {
            bytes
        };
        if fatal {
            std::str::from_utf8(bytes).ok().map(str::to_owned)
        } else {
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
    });
    match text {
        Some(Some(text)) => Ok(rquickjs::String::from_str(ctx, &text)?.into_value()),
        Some(None) => Ok(Value::new_null(ctx)),
        None => Err(rquickjs::Exception::throw_type(
            &ctx,
            "input must be an ArrayBufferView",
        )),
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

/// Adds `native.utf8Encode`, `utf8Decode` and `utf8EncodeInto`.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set("utf8Encode", Function::new(ctx.clone(), encode)?)?;
    native.set("utf8Decode", Function::new(ctx.clone(), decode)?)?;
    native.set("utf8EncodeInto", Function::new(ctx.clone(), encode_into)?)?;
    Ok(())
}
