//! Collecting an ICU4X `Writeable`'s annotated output as ECMA-402 `formatToParts` pieces.

use std::fmt;
use writeable::{Part, PartsWrite, Writeable};

/// `(type, value)` pairs in output order, as `formatToParts` returns them.
pub type Parts = Vec<(String, String)>;

/// A sink that records which ICU4X part each piece of text was written under; text written
/// outside any part is a `literal`.
struct Collector {
    parts: Parts,
    current: Option<Part>,
}

impl Collector {
    fn push(&mut self, kind: &str, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.parts.last_mut() {
            Some((last_kind, value)) if last_kind == kind && kind == "literal" => {
                value.push_str(text)
            }
            Some((last_kind, value)) if last_kind.is_empty() => {
                *last_kind = kind.to_string();
                value.push_str(text);
            }
            Some((last_kind, value)) if last_kind == kind && self.current.is_some() => {
                value.push_str(text)
            }
            _ => self.parts.push((kind.to_string(), text.to_string())),
        }
    }
}

impl fmt::Write for Collector {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let kind = self.current.map_or("literal", |part| part.value);
        self.push(kind, s);
        Ok(())
    }
}

impl PartsWrite for Collector {
    type SubPartsWrite = Self;
    fn with_part(
        &mut self,
        part: Part,
        mut f: impl FnMut(&mut Self) -> fmt::Result,
    ) -> fmt::Result {
        // Within one kind of part the innermost names the text (a group separator inside a
        // number's integer part); across kinds the outermost does (a date's year is a "year"
        // even though ICU4X also marks its digits as a decimal "integer").
        let outer = self.current;
        if matches!(outer, Some(o) if o.category != part.category) {
            return f(self);
        }
        self.parts.push((String::new(), String::new()));
        self.current = Some(part);
        let result = f(self);
        self.current = outer;
        // Close the piece so two integer groups stay separate pieces around a group separator.
        self.parts.push((String::new(), String::new()));
        result
    }
}

/// The parts of a formatted value; adjacent text of one part type is one piece.
pub fn collect_parts(value: &impl Writeable) -> Parts {
    let mut sink = Collector {
        parts: Parts::new(),
        current: None,
    };
    let _ = value.write_to_parts(&mut sink);
    sink.parts.retain(|(kind, _)| !kind.is_empty());
    sink.parts
}
