//! `querystring` on random inputs: `parse` of strings dense in separators, '+', '%' and hex
//! digits (lone surrogates and non-ASCII included) with random `sep`/`eq` (multi-character,
//! empty, null), `maxKeys` and custom decoders; `escape`, `unescape`, `unescapeBuffer` and
//! `stringify` of random values.

use super::support::{self, Rng};

const PIECES: [&str; 24] = [
    "&",
    "=",
    "+",
    "%",
    "%4",
    "%41",
    "%e2%82%ac",
    "%zz",
    "a",
    "b",
    "1",
    "F",
    "&&",
    "==",
    ";",
    ":",
    "é",
    "€",
    "\u{1F600}",
    " ",
    "%2B",
    "%%",
    "ab",
    "c=d",
];

fn random_units(rng: &mut Rng) -> Vec<u16> {
    let mut units = Vec::new();
    for _ in 0..rng.below(12) {
        if rng.one_in(12) {
            units.push(0xD800 + rng.below(0x800) as u16);
        } else {
            units.extend(rng.pick(&PIECES).encode_utf16());
        }
    }
    units
}

fn separator(rng: &mut Rng, default: &str) -> String {
    match rng.below(6) {
        0 => "null".into(),
        1 => "''".into(),
        2 => format!("'{default}'"),
        3 => format!("'{default}{default}'"),
        4 => "';'".into(),
        _ => support::js_string_literal(
            &random_units(rng)[..]
                .iter()
                .copied()
                .take(2)
                .collect::<Vec<_>>(),
        ),
    }
}

#[test]
fn querystring_matches_node() {
    let cases = support::case_count(3000);
    let mut rng = Rng::new(support::seed() ^ 0x5153);
    let mut js = String::from(
        "'use strict';\nconst qs = require('querystring');\n\
         const u = (s) => typeof s === 'string' ? Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(',') : Array.isArray(s) ? '[' + s.map(u).join(' ') + ']' : String(s);\n\
         const show = (o) => Object.keys(o).map((k) => u(k) + '=>' + u(o[k])).join(' | ');\n\
         function t(label, f) { try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); } }\n\
         const decoders = [undefined, { decodeURIComponent: (s) => s.toUpperCase() }, { decodeURIComponent: () => { throw new Error('x'); } }, { decodeURIComponent: 5 }];\n",
    );
    for i in 0..cases {
        let s = support::js_string_literal(&random_units(&mut rng));
        match rng.below(4) {
            0 | 1 => {
                let sep = separator(&mut rng, "&");
                let eq = separator(&mut rng, "=");
                let max_keys =
                    *rng.pick(&["undefined", "0", "1", "2", "-1", "Infinity", "NaN", "'2'"]);
                let decoder = rng.below(4);
                js.push_str(&format!(
                    "t('parse {i}', () => show(qs.parse({s}, {sep}, {eq}, {{ ...decoders[{decoder}], maxKeys: {max_keys} }})));\n"
                ));
            }
            2 => {
                let f = rng.pick(&[
                    "qs.escape",
                    "qs.unescape",
                    "(s) => qs.unescapeBuffer(s, true).toString('hex')",
                    "(s) => qs.unescapeBuffer(s).toString('hex')",
                ]);
                js.push_str(&format!("t('codec {i}', () => u(({f})({s})));\n"));
            }
            _ => {
                let mut fields = Vec::new();
                for _ in 0..rng.below(5) {
                    let key = support::js_string_literal(&random_units(&mut rng));
                    let value = match rng.below(9) {
                        0 => "1e21".to_string(),
                        1 => "-0".into(),
                        2 => "NaN".into(),
                        3 => "true".into(),
                        4 => "12n".into(),
                        5 => "null".into(),
                        6 => format!(
                            "[{}, 3, {{}}]",
                            support::js_string_literal(&random_units(&mut rng))
                        ),
                        7 => "[]".into(),
                        _ => support::js_string_literal(&random_units(&mut rng)),
                    };
                    fields.push(format!("[{key}]: {value}"));
                }
                let sep = separator(&mut rng, "&");
                let eq = separator(&mut rng, "=");
                let enc = if rng.one_in(3) {
                    "{ encodeURIComponent: (s) => '<' + s + '>' }"
                } else {
                    "undefined"
                };
                js.push_str(&format!(
                    "t('stringify {i}', () => u(qs.stringify({{ {} }}, {sep}, {eq}, {enc})));\n",
                    fields.join(", ")
                ));
            }
        }
    }
    super::compare_with_node("querystring", &js);
}
