//! The native half of `path`: the `.`/`..` segment resolution that `join`, `normalize`,
//! `resolve` and `relative` end in (Node's normalizeString), on the string's own units with
//! no intermediate arrays of JS strings. The JS half validates the arguments first.

use nodebuf_core::encoding::{JsStr, JsString};
use nodebuf_js::StrRef;
use rquickjs::{Ctx, Function, Object, Result, Value};

/// Adds `native.path.normalizeString`.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let path = Object::new(ctx.clone())?;
    path.set(
        "normalizeString",
        Function::new(ctx.clone(), js_normalize_string)?,
    )?;
    native.set("path", path)?;
    Ok(())
}

/// `normalizeString(path, allowAboveRoot)`: the path's segments without empty and `.` ones,
/// each `..` removing the segment before it (kept, when nothing is left to remove, only if
/// `allowAboveRoot`), joined by `/`, with no leading or trailing `/`.
fn js_normalize_string<'js>(
    ctx: Ctx<'js>,
    path: rquickjs::String<'js>,
    allow_above_root: bool,
) -> Result<Value<'js>> {
    let text = StrRef::new(&ctx, path.as_value())?;
    let normalized = match text.as_js_str() {
        JsStr::Latin1(bytes) => JsString::Latin1(normalize(bytes, b'/', b'.', allow_above_root)),
        JsStr::Utf16(units) => JsString::Utf16(normalize(units, 0x2f, 0x2e, allow_above_root)),
    };
    nodebuf_js::js_string(&ctx, &normalized)
}

fn normalize<T: Copy + PartialEq>(units: &[T], slash: T, dot: T, allow_above_root: bool) -> Vec<T> {
    let is_dot_dot = |segment: &[T]| segment.len() == 2 && segment[0] == dot && segment[1] == dot;
    let mut kept: Vec<&[T]> = Vec::new();
    for segment in units.split(|&unit| unit == slash) {
        if segment.is_empty() || (segment.len() == 1 && segment[0] == dot) {
            continue;
        }
        if is_dot_dot(segment) {
            if kept.last().is_some_and(|last| !is_dot_dot(last)) {
                kept.pop();
            } else if allow_above_root {
                kept.push(segment);
            }
        } else {
            kept.push(segment);
        }
    }
    let mut out = Vec::with_capacity(units.len());
    for (i, segment) in kept.iter().enumerate() {
        if i > 0 {
            out.push(slash);
        }
        out.extend_from_slice(segment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    fn run(path: &str, allow: bool) -> String {
        String::from_utf8(normalize(path.as_bytes(), b'/', b'.', allow)).unwrap()
    }

    #[test]
    fn segments_resolve_as_node_resolves_them() {
        assert_eq!(run("/a/b/../c/./d.txt", false), "a/c/d.txt");
        assert_eq!(run("../../a", true), "../../a");
        assert_eq!(run("../../a", false), "a");
        assert_eq!(run("a/../../b", true), "../b");
        assert_eq!(run("//a//b//", false), "a/b");
        assert_eq!(run("..a/.b/...", false), "..a/.b/...");
        assert_eq!(run("", true), "");
    }
}
