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
    /// For date ranges: which side the text belongs to ("shared" outside both), one per part.
    source: &'static str,
    sources: Vec<&'static str>,
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
                if let Some(source) = self.sources.last_mut() {
                    *source = self.source;
                }
            }
            Some((last_kind, value)) if last_kind == kind && self.current.is_some() => {
                value.push_str(text)
            }
            _ => {
                self.parts.push((kind.to_string(), text.to_string()));
                self.sources.push(self.source);
            }
        }
    }
}

impl Collector {
    fn new() -> Self {
        Collector {
            parts: Parts::new(),
            current: None,
            source: "shared",
            sources: Vec::new(),
        }
    }

    /// Ends the current piece: the next text starts a new one even if of the same type.
    fn close_piece(&mut self) {
        self.parts.push((String::new(), String::new()));
        self.sources.push(self.source);
    }

    /// The pieces with text, and their sources.
    fn finish(self) -> (Parts, Vec<&'static str>) {
        self.parts
            .into_iter()
            .zip(self.sources)
            .filter(|((kind, _), _)| !kind.is_empty())
            .unzip()
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
        // A date range's sides are not parts of their own: they set the source of what is in them.
        if part.value == "startRange" || part.value == "endRange" {
            let outer = std::mem::replace(&mut self.source, part.value);
            self.close_piece();
            let result = f(self);
            self.close_piece();
            self.source = outer;
            return result;
        }
        let outer = self.current;
        if matches!(outer, Some(o) if o.category != part.category) {
            return f(self);
        }
        self.close_piece();
        self.current = Some(part);
        let result = f(self);
        self.current = outer;
        // Close the piece so two integer groups stay separate pieces around a group separator.
        self.close_piece();
        result
    }
}

/// The parts of a formatted value; adjacent text of one part type is one piece.
pub fn collect_parts(value: &impl Writeable) -> Parts {
    let mut sink = Collector::new();
    let _ = value.write_to_parts(&mut sink);
    sink.finish().0
}

/// The parts of a formatted date range with each one's `source` ("startRange", "endRange",
/// "shared"), as `formatRangeToParts` returns them.
pub fn collect_range_parts(value: &impl Writeable) -> Vec<(String, String, &'static str)> {
    let mut sink = Collector::new();
    let _ = value.write_to_parts(&mut sink);
    let (parts, sources) = sink.finish();
    parts
        .into_iter()
        .zip(sources)
        .map(|((kind, text), source)| (kind, text, source))
        .collect()
}
