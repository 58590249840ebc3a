//! Differential tests of the value renderings inside Node's error messages and of Buffer's
//! inspect form: JS number printing, `_` grouping, the `Received ...` forms of
//! `ERR_INVALID_ARG_TYPE` (strings cut at 28 units, quote rules), util.inspect of strings in
//! `ERR_INVALID_ARG_VALUE`, and `<Buffer ...>` with `INSPECT_MAX_BYTES` and extra properties.

mod support;

use std::fmt::Write as _;

use nodebuf_core::api;
use nodebuf_core::args::Arg;
use nodebuf_core::encoding::JsStr;
use nodebuf_core::inspect::{inspect_buffer, json_string};
use nodebuf_core::number;
use nodebuf_core::NodeError;
use support::{case_count, hex, js_number_literal, js_string_literal, run_node, seed, Rng};

fn msg_json(e: &NodeError) -> String {
    let units: Vec<u16> = e.message.encode_utf16().collect();
    json_string(JsStr::Utf16(&units))
}

fn random_double(r: &mut Rng) -> f64 {
    match r.below(6) {
        0 => f64::from_bits(r.next_u64()),
        1 => (r.next_u64() >> r.below(64)) as f64 * if r.one_in(2) { -1.0 } else { 1.0 },
        2 => (r.below(2_000_000) as f64 - 1_000_000.0) / 10f64.powi(r.below(12) as i32),
        3 => 10f64.powi(r.below(60) as i32 - 30) * (r.below(100) as f64 + 0.5),
        4 => r.below(10) as f64 + 0.5,
        _ => 2f64.powi(r.below(80) as i32) + r.below(3) as f64 - 1.0,
    }
}

#[test]
fn numbers_and_received_forms_match_node() {
    let n = case_count(2000);
    let mut r = Rng::new(seed());
    let nums: Vec<f64> = (0..n).map(|_| random_double(&mut r)).collect();
    let mut script = String::from(
        "const out=[];const m=(f)=>{try{f();return 'ok'}catch(e){return JSON.stringify(e.message.toWellFormed())}};\n",
    );
    for x in &nums {
        let _ = writeln!(
            script,
            "out.push(String({v})+'|'+m(()=>Buffer.alloc(4).fill(1,0,{v}))+'|'+m(()=>Buffer.alloc({v}>=0&&{v}<65?-1:{v})));",
            v = js_number_literal(*x)
        );
    }
    script.push_str("console.log(out.join('\\n'));\n");
    let node = run_node(&script);
    let mut bad = Vec::new();
    for (x, line) in nums.iter().zip(node.lines()) {
        let fill_err = api::fill(
            &mut [0u8; 4],
            &Arg::Number(1.0),
            &Arg::Number(0.0),
            &Arg::Number(*x),
            &Arg::Undefined,
        )
        .err()
        .map_or("ok".to_string(), |e| msg_json(&e));
        let size = if (0.0..65.0).contains(x) { -1.0 } else { *x };
        let size_err = api::alloc::validate_size(&Arg::Number(size))
            .err()
            .map_or("ok".to_string(), |e| msg_json(&e));
        let ours = format!("{}|{fill_err}|{size_err}", number::to_string(*x));
        if ours != line && bad.len() < 10 {
            bad.push(format!("{x:?}\n  node: {line}\n  ours: {ours}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn string_renderings_match_node() {
    const PIECES: &[&str] = &[
        "a", "'", "\"", "`", "\n", "\t", "\u{0}", "\u{1b}", "\u{7f}", "\u{85}", "\u{a0}", "é", "€",
        "😀", "\\", "\r", "\u{8}", "\u{b}", "\u{2028}", "z",
    ];
    let n = case_count(2000);
    let mut r = Rng::new(seed() ^ 0x5555);
    let strings: Vec<Vec<u16>> = (0..n)
        .map(|_| {
            let len = if r.one_in(4) {
                20 + r.below(20)
            } else {
                r.below(8)
            };
            // "zz" first: hex decodes nothing, so `fill(s, 'hex')` throws ERR_INVALID_ARG_VALUE.
            let mut u: Vec<u16> = "zz".encode_utf16().collect();
            for _ in 0..len {
                if r.one_in(15) {
                    u.push(0xd800 + r.below(0x800) as u16);
                } else {
                    u.extend(r.pick(PIECES).encode_utf16());
                }
            }
            if r.one_in(4) {
                u.extend("z".repeat(120).encode_utf16());
            }
            u
        })
        .collect();
    let mut script = String::from(
        "const out=[];const m=(f)=>{try{f();return 'ok'}catch(e){return JSON.stringify(e.message.toWellFormed())}};\n",
    );
    for s in &strings {
        let _ = writeln!(
            script,
            "out.push(m(()=>Buffer.alloc({v}))+'|'+m(()=>Buffer.alloc(4).fill({v},'hex')));",
            v = js_string_literal(s)
        );
    }
    script.push_str("console.log(out.join('\\n'));\n");
    let node = run_node(&script);
    let mut bad = Vec::new();
    for (s, line) in strings.iter().zip(node.lines()) {
        let arg = Arg::String(JsStr::Utf16(s));
        let type_err = api::alloc::validate_size(&arg)
            .err()
            .map_or("ok".into(), |e| msg_json(&e));
        let value_err = api::fill(
            &mut [0u8; 4],
            &arg,
            &Arg::latin1(b"hex"),
            &Arg::Undefined,
            &Arg::Undefined,
        )
        .err()
        .map_or("ok".to_string(), |e| msg_json(&e));
        let ours = format!("{type_err}|{value_err}");
        if ours != line && bad.len() < 10 {
            bad.push(format!(
                "{}\n  node: {line}\n  ours: {ours}",
                js_string_literal(s)
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn buffer_inspect_matches_node() {
    let n = case_count(500);
    let mut r = Rng::new(seed() ^ 0x1234);
    let mut cases = Vec::new();
    let mut script =
        String::from("const util=require('util');const buffer=require('buffer');const out=[];\n");
    for _ in 0..n {
        let len = r.below(80) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| r.below(256) as u8).collect();
        let max = *r.pick(&[50.0, 0.0, 1.0, 2.5, 10.0, 100.0, f64::INFINITY]);
        let with_prop = r.one_in(3);
        let hex = hex(&bytes);
        let _ = writeln!(
            script,
            "buffer.INSPECT_MAX_BYTES={};{{const b=Buffer.from('{hex}','hex');{}out.push(util.inspect(b));}}",
            js_number_literal(max),
            if with_prop { "b.foo=1;" } else { "" }
        );
        cases.push((bytes, max, with_prop));
    }
    script.push_str("console.log(JSON.stringify(out));\n");
    let node = run_node(&script);
    let node = node.trim();
    let ours: Vec<String> = cases
        .iter()
        .map(|(b, max, prop)| {
            let extra: &[&str] = if *prop { &["foo: 1"] } else { &[] };
            let text = inspect_buffer("Buffer", b, *max, extra);
            let units: Vec<u16> = text.encode_utf16().collect();
            json_string(JsStr::Utf16(&units))
        })
        .collect();
    assert_eq!(node, format!("[{}]", ours.join(",")));
}
