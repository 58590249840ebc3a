//! Differential tests against node for the single-thread semantics of `Atomics`: every
//! operation on every typed-array kind over shared and non-shared buffers — results, stored
//! bytes, wrapping, and V8's TypeErrors/RangeErrors (`wait` only with a zero timeout here; the
//! blocking behaviour is covered in `atomics_threads.rs`).

#[macro_use]
mod support;

use std::time::Duration;

use nodebuf_core::atomics;
use nodebuf_core::memory::region::ByteRegion;
use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::number;
use nodebuf_core::typed_array::*;
use support::{
    assert_lines_match, case_count, describe, hex, js_number_literal, run_node, seed, LocalStore,
    Rng, ALL_KINDS,
};

/// A JS value of an element family: how to make a random one, write it in JS, print a result.
trait JsValue: Copy {
    fn random(rng: &mut Rng) -> Self;
    fn literal(self) -> String;
    fn show(self) -> String;
}

impl JsValue for f64 {
    fn random(rng: &mut Rng) -> Self {
        match rng.below(5) {
            0 => *rng.pick(&[
                0.0,
                -0.0,
                f64::NAN,
                f64::INFINITY,
                -1.5,
                255.0,
                256.0,
                -129.0,
                65537.0,
                2147483648.0,
                4294967297.5,
                1e20,
            ]),
            1 => rng.below(8) as f64,
            2 => rng.below(1 << 17) as f64 - 65536.0,
            3 => (rng.next_u64() as i64 >> rng.below(64)) as f64 + 0.5,
            _ => (rng.next_u64() >> 20) as f64,
        }
    }
    fn literal(self) -> String {
        js_number_literal(self)
    }
    fn show(self) -> String {
        number::to_string(self)
    }
}

impl JsValue for i64 {
    fn random(rng: &mut Rng) -> Self {
        match rng.below(3) {
            0 => rng.below(8) as i64 - 4,
            1 => *rng.pick(&[i64::MIN, i64::MAX, -1, 1 << 40]),
            _ => rng.next_u64() as i64,
        }
    }
    fn literal(self) -> String {
        format!("{self}n")
    }
    fn show(self) -> String {
        self.to_string()
    }
}

impl JsValue for u64 {
    fn random(rng: &mut Rng) -> Self {
        match rng.below(3) {
            0 => rng.below(8),
            1 => *rng.pick(&[u64::MAX, 1 << 63, 1 << 40]),
            _ => rng.next_u64(),
        }
    }
    fn literal(self) -> String {
        format!("{self}n")
    }
    fn show(self) -> String {
        self.to_string()
    }
}

const OPS: [&str; 11] = [
    "load",
    "store",
    "add",
    "sub",
    "and",
    "or",
    "xor",
    "exchange",
    "compareExchange",
    "wait",
    "notify",
];

/// One random Atomics call on `ta`; appends the node side to `script` and returns ours.
fn one_op<S: ByteRegion, E: Element>(
    ta: &TypedArray<S, E>,
    rng: &mut Rng,
    script: &mut String,
) -> (String, String)
where
    E::Js: JsValue,
{
    let op = *rng.pick(&OPS);
    let index = if rng.one_in(8) {
        ta.length() + rng.below(3) as usize
    } else {
        rng.below(ta.length().max(1) as u64) as usize
    };
    let v = E::Js::random(rng);
    let w = E::Js::random(rng);
    let call = match op {
        "load" => format!("Atomics.load(ta, {index})"),
        "wait" => format!("Atomics.wait(ta, {index}, {}, 0)", v.literal()),
        "notify" => format!("Atomics.notify(ta, {index}, 2)"),
        "compareExchange" => format!(
            "Atomics.compareExchange(ta, {index}, {}, {})",
            v.literal(),
            w.literal()
        ),
        other => format!("Atomics.{other}(ta, {index}, {})", v.literal()),
    };
    *script += &format!("t(() => {call});\n");
    let show = |x: E::Js| x.show();
    let ours = match op {
        "load" => describe(atomics::load(ta, index), show),
        "store" => describe(atomics::store(ta, index, v), show),
        "add" => describe(atomics::add(ta, index, v), show),
        "sub" => describe(atomics::sub(ta, index, v), show),
        "and" => describe(atomics::and(ta, index, v), show),
        "or" => describe(atomics::or(ta, index, v), show),
        "xor" => describe(atomics::xor(ta, index, v), show),
        "exchange" => describe(atomics::exchange(ta, index, v), show),
        "compareExchange" => describe(atomics::compare_exchange(ta, index, v, w), show),
        "wait" => describe(atomics::wait(ta, index, v, Some(Duration::ZERO)), |r| {
            r.as_str().to_string()
        }),
        _ => describe(atomics::notify(ta, index, 2), |n| n.to_string()),
    };
    (call, ours)
}

fn run_kind<E: Element>(
    rng: &mut Rng,
    script: &mut String,
    ours: &mut Vec<String>,
    cases: &mut Vec<String>,
) where
    E::Js: JsValue,
{
    let shared = !rng.one_in(3);
    let len = 1 + rng.below(4) as usize;
    let buffer = if shared {
        "SharedArrayBuffer"
    } else {
        "ArrayBuffer"
    };
    *script += &format!(
        "buf = new {buffer}({}); ta = new {}(buf);\n",
        len * E::KIND.size(),
        E::KIND.name()
    );
    let header = format!("new {}(new {buffer}(..)) of {len}", E::KIND.name());
    let mut lines = Vec::new();
    let mut calls = Vec::new();
    let bytes = if shared {
        let store = SharedArrayBuffer::new(len * E::KIND.size()).unwrap();
        let ta = TypedArray::<_, E>::new(store.clone(), 0, None).unwrap();
        for _ in 0..6 {
            let (call, line) = one_op(&ta, rng, script);
            calls.push(call);
            lines.push(line);
        }
        store.to_vec()
    } else {
        let store = LocalStore::new(len * E::KIND.size());
        let ta = TypedArray::<_, E>::new(store.clone(), 0, None).unwrap();
        for _ in 0..6 {
            let (call, line) = one_op(&ta, rng, script);
            calls.push(call);
            lines.push(line);
        }
        ta.to_bytes()
    };
    *script += "out.push(Buffer.from(buf).toString('hex'));\n";
    lines.push(hex(&bytes));
    calls.push("final bytes".into());
    for (line, call) in lines.into_iter().zip(calls) {
        ours.push(line);
        cases.push(format!("{header}: {call}"));
    }
}

#[test]
fn atomics_match_node_on_every_kind() {
    let mut rng = Rng::new(seed() ^ 20);
    let n = case_count(1500);
    let mut script = String::from(
        "const out = []; let buf, ta;\nfunction t(f) { try { out.push(String(f())); } catch (e) \
         { out.push(e.name + ': ' + e.message); } }\n",
    );
    let mut ours = Vec::new();
    let mut cases = Vec::new();
    for _ in 0..n {
        let (s, o, c) = (&mut script, &mut ours, &mut cases);
        // `pick` draws like `below(11)`, so the kinds come in the order of `ALL_KINDS`.
        let kind = *rng.pick(&ALL_KINDS);
        with_kind!(kind, E => run_kind::<E>(&mut rng, s, o, c));
    }
    script += "console.log(out.join('\\n'));\n";
    assert_lines_match(&run_node(&script), &ours, &cases);
}

#[test]
fn is_lock_free_matches_node() {
    let sizes: Vec<f64> = (0..=17).map(f64::from).chain([1.5, -1.0, 4.0001]).collect();
    let list: Vec<String> = sizes.iter().map(|s| format!("{s:e}")).collect();
    let node = run_node(&format!(
        "console.log([{}].map(n => Atomics.isLockFree(n)).join(','));",
        list.join(",")
    ));
    let ours: Vec<String> = sizes
        .iter()
        .map(|&s| atomics::is_lock_free(s).to_string())
        .collect();
    assert_eq!(node.trim(), ours.join(","));
}
