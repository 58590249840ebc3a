//! How `util.inspect` (Node v20, default options) lays out what it has formatted: property
//! keys, strings met at an indentation, and the choice between one line, one entry per line
//! and the column grid Node uses for arrays of more than six entries. Pure text rules, for a
//! caller that walks the values (the runner's native plain-data path; its JS half follows the
//! same rules for everything else).

use crate::encoding::JsStr;
use crate::inspect::inspect_string;

/// `breakLength`'s default: the width a group must fit to stay on one line.
pub const BREAK_LENGTH: usize = 80;
/// `compact`'s default: how many inner levels an object may hold and still be put on one line.
pub const COMPACT: usize = 3;
/// `maxArrayLength`'s default: array elements shown before `... n more items`.
pub const MAX_ARRAY_LENGTH: usize = 100;
/// `maxStringLength`'s default: string units shown before `... n more characters`.
pub const MAX_STRING_LENGTH: usize = 10_000;
/// `depth`'s default: nesting shown before `[Object]` / `[Array]`.
pub const DEPTH: usize = 2;

/// The `length` JS would give `text` (UTF-16 units).
pub fn js_length(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

/// A property key as `util.inspect` prints it before `: `: identifiers bare (`a`, `_x1`),
/// `__proto__` as `['__proto__']`, anything else quoted as a string (`'a-b'`, `'0'`).
pub fn property_key(key: JsStr<'_>) -> String {
    let identifier = match key {
        JsStr::Latin1(bytes) => {
            !bytes.is_empty()
                && (bytes[0].is_ascii_alphabetic() || bytes[0] == b'_')
                && bytes
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || b == b'_')
        }
        JsStr::Utf16(_) => false,
    };
    if identifier {
        if key == JsStr::Latin1(b"__proto__") {
            return "['__proto__']".into();
        }
        if let JsStr::Latin1(bytes) = key {
            return bytes.iter().map(|&b| char::from(b)).collect();
        }
    }
    inspect_string(key)
}

/// `util.inspect` of a string met at `indentation` (Node's formatPrimitive): past
/// [`MAX_STRING_LENGTH`] units the rest is summarised, and a string longer than 16 units and
/// than the room left on the line (`breakLength - indentation - 4`) is printed one quoted line
/// at a time (split after each `\n`), joined by ` +` and a new line indented two more.
pub fn string_at(s: JsStr<'_>, indentation: usize) -> String {
    let rest = s.len().saturating_sub(MAX_STRING_LENGTH);
    let shown = slice(s, 0, s.len() - rest);
    let room = BREAK_LENGTH as isize - indentation as isize - 4;
    let mut out = if shown.len() > 16 && shown.len() as isize > room {
        let separator = format!(" +\n{}", " ".repeat(indentation + 2));
        let mut pieces: Vec<String> = Vec::new();
        let mut start = 0;
        for i in 0..shown.len() {
            if shown.unit(i) == Some(u16::from(b'\n')) {
                pieces.push(inspect_string(slice(shown, start, i + 1)));
                start = i + 1;
            }
        }
        if start < shown.len() || pieces.is_empty() {
            pieces.push(inspect_string(slice(shown, start, shown.len())));
        }
        pieces.join(&separator)
    } else {
        inspect_string(shown)
    };
    if rest > 0 {
        out.push_str(&format!(
            "... {rest} more character{}",
            if rest > 1 { "s" } else { "" }
        ));
    }
    out
}

fn slice(s: JsStr<'_>, start: usize, end: usize) -> JsStr<'_> {
    match s {
        JsStr::Latin1(bytes) => JsStr::Latin1(&bytes[start..end]),
        JsStr::Utf16(units) => JsStr::Utf16(&units[start..end]),
    }
}

/// `... n more items`, the entry that ends an array cut at [`MAX_ARRAY_LENGTH`].
pub fn more_items(remaining: usize) -> String {
    format!(
        "... {remaining} more item{}",
        if remaining > 1 { "s" } else { "" }
    )
}

/// One formatted object or array about to be closed (Node's reduceToSingleString).
pub struct Group<'a> {
    /// The formatted entries (`key: value` for objects, values for arrays).
    pub output: Vec<String>,
    /// `{` or `[`.
    pub open: &'a str,
    /// `}` or `]`.
    pub close: &'a str,
    /// An array: more than six entries may be laid out in columns.
    pub array: bool,
    /// Every element is a number (a column grid pads numbers on the left).
    pub numeric: bool,
    /// The indentation the group starts at.
    pub indentation: usize,
    /// The depth the last nested group was formatted at (Node's `ctx.currentDepth`).
    pub current_depth: usize,
    /// This group's own depth plus one (Node's `recurseTimes` at this point).
    pub recurse_times: usize,
}

impl Group<'_> {
    /// The group's text, or `None` when the column grid would have to measure the display
    /// width of non-ASCII text (the caller then formats the value its general way).
    pub fn reduce(self) -> Option<String> {
        let entries = self.output.len();
        let mut output = self.output;
        if self.array && entries > 6 {
            output = group_array_elements(output, self.numeric, self.indentation)?;
        }
        if self.current_depth - self.recurse_times < COMPACT && entries == output.len() {
            let start = output.len() + self.indentation + self.open.len() + 10;
            if is_below_break_length(&output, start) {
                let joined = output.join(", ");
                if !joined.contains('\n') {
                    return Some(format!("{} {joined} {}", self.open, self.close));
                }
            }
        }
        let indentation = format!("\n{}", " ".repeat(self.indentation));
        Some(format!(
            "{}{indentation}  {}{indentation}{}",
            self.open,
            output.join(&format!(",{indentation}  ")),
            self.close
        ))
    }
}

fn is_below_break_length(output: &[String], start: usize) -> bool {
    let mut total = output.len() + start;
    if total + output.len() > BREAK_LENGTH {
        return false;
    }
    for entry in output {
        total += js_length(entry);
        if total > BREAK_LENGTH {
            return false;
        }
    }
    true
}

/// The columns of columns Node makes of a long array's entries (groupArrayElements), for
/// ASCII entries, whose display width is their count of printable characters.
fn group_array_elements(
    output: Vec<String>,
    numeric: bool,
    indentation: usize,
) -> Option<Vec<String>> {
    let mut output_length = output.len();
    if MAX_ARRAY_LENGTH < output.len() {
        output_length -= 1;
    }
    const SEPARATOR_SPACE: usize = 2;
    let mut data_len = Vec::with_capacity(output_length);
    let mut total_length = 0;
    let mut max_length = 0;
    for entry in &output[..output_length] {
        if !entry.is_ascii() {
            return None;
        }
        // Control characters (the new lines of a nested group) take no column.
        let width = entry.bytes().filter(|&b| b >= 0x20 && b != 0x7f).count();
        data_len.push(width);
        total_length += width + SEPARATOR_SPACE;
        max_length = max_length.max(width);
    }
    let actual_max = max_length + SEPARATOR_SPACE;
    if actual_max * 3 + indentation < BREAK_LENGTH
        && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)
    {
        let approx_char_heights = 2.5;
        let average_bias = (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
        let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
        let columns =
            js_round((approx_char_heights * biased_max * output_length as f64).sqrt() / biased_max)
                .min(((BREAK_LENGTH - indentation) as f64 / actual_max as f64).floor())
                .min((COMPACT * 4) as f64)
                .min(15.0);
        if columns <= 1.0 {
            return Some(output);
        }
        let columns = columns as usize;
        let max_line_length: Vec<usize> = (0..columns)
            .map(|c| {
                (c..output_length)
                    .step_by(columns)
                    .map(|j| data_len[j])
                    .max()
                    .unwrap_or(0)
                    + SEPARATOR_SPACE
            })
            .collect();
        let mut rows = Vec::new();
        for k in (0..output_length).step_by(columns) {
            let max = (k + columns).min(output_length);
            let mut row = String::new();
            let mut j = k;
            while j < max - 1 {
                let cell = format!("{}, ", output[j]);
                let padding = max_line_length[j - k] + output[j].len() - data_len[j];
                pad_into(&mut row, &cell, padding, numeric);
                j += 1;
            }
            if numeric {
                let padding = (max_line_length[j - k] + output[j].len() - data_len[j])
                    .saturating_sub(SEPARATOR_SPACE);
                pad_into(&mut row, &output[j], padding, true);
            } else {
                row.push_str(&output[j]);
            }
            rows.push(row);
        }
        if MAX_ARRAY_LENGTH < output.len() {
            rows.push(output[output_length].clone());
        }
        return Some(rows);
    }
    Some(output)
}

/// `text.padStart(width)` (or `padEnd`) appended to `row`; `text` is ASCII.
fn pad_into(row: &mut String, text: &str, width: usize, start: bool) {
    let fill = width.saturating_sub(text.len());
    if start {
        row.extend(std::iter::repeat_n(' ', fill));
        row.push_str(text);
    } else {
        row.push_str(text);
        row.extend(std::iter::repeat_n(' ', fill));
    }
}

/// JS `Math.round` for the non-negative values used here (halves go up).
fn js_round(x: f64) -> f64 {
    (x + 0.5).floor()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(output: &[&str], array: bool, numeric: bool) -> String {
        Group {
            output: output.iter().map(|s| s.to_string()).collect(),
            open: if array { "[" } else { "{" },
            close: if array { "]" } else { "}" },
            array,
            numeric,
            indentation: 0,
            current_depth: 1,
            recurse_times: 1,
        }
        .reduce()
        .unwrap()
    }

    #[test]
    fn keys_are_bare_when_identifiers() {
        assert_eq!(property_key(JsStr::Latin1(b"a_1")), "a_1");
        assert_eq!(property_key(JsStr::Latin1(b"a-b")), "'a-b'");
        assert_eq!(property_key(JsStr::Latin1(b"0")), "'0'");
        assert_eq!(property_key(JsStr::Latin1(b"__proto__")), "['__proto__']");
        assert_eq!(property_key(JsStr::Latin1(b"")), "''");
    }

    #[test]
    fn short_groups_stay_on_one_line() {
        assert_eq!(group(&["a: 1", "b: 2"], false, false), "{ a: 1, b: 2 }");
        assert_eq!(group(&["1", "2", "3"], true, true), "[ 1, 2, 3 ]");
    }

    #[test]
    fn long_numeric_arrays_make_right_aligned_columns() {
        let items: Vec<String> = (1..=30).map(|i| i.to_string()).collect();
        let refs: Vec<&str> = items.iter().map(String::as_str).collect();
        // node -p "util.inspect(Array.from({length: 30}, (_, i) => i + 1))"
        assert_eq!(
            group(&refs, true, true),
            "[\n   1,  2,  3,  4,  5,  6,  7,  8,  9,\n  10, 11, 12, 13, 14, 15, 16, 17, 18,\n  19, 20, 21, 22, 23, 24, 25, 26, 27,\n  28, 29, 30\n]"
        );
    }

    #[test]
    fn long_strings_split_after_new_lines() {
        let text = "x".repeat(70) + "\n" + &"y".repeat(20);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(
            string_at(JsStr::Utf16(&units), 2),
            format!("'{}\\n' +\n    '{}'", "x".repeat(70), "y".repeat(20))
        );
    }
}
