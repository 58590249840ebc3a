//! Benchmark of the Buffer ops on 1 MiB against Node: runs a node timing script and the same
//! operations through `nodebuf_core::api`, then prints a table (ns per call, ratio ours/node).
//! `cargo run --release -p nodebuf-core --example ops_bench`

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use nodebuf_core::api;
use nodebuf_core::args::{Arg, ObjectArg};

const MIB: usize = 1 << 20;

const NODE_SCRIPT: &str = r#"
const MIB = 1 << 20;
const a = Buffer.alloc(MIB, 'abcdefgh'); const b = Buffer.from(a); const t = Buffer.alloc(MIB);
a[MIB - 1] = 0x7a; b[MIB - 1] = 0x7a;
const needle = Buffer.from('hgfedcba');
function time(name, iters, f) {
  for (let i = 0; i < Math.max(3, iters / 10); i++) f();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iters; i++) f();
  const ns = Number(process.hrtime.bigint() - t0) / iters;
  console.log(name + ' ' + ns.toFixed(0));
}
time('indexOf_byte', 200, () => a.indexOf(0x7a));
time('lastIndexOf_byte', 200, () => a.lastIndexOf(0x79));
time('indexOf_needle', 200, () => a.indexOf(needle));
time('lastIndexOf_needle', 200, () => a.lastIndexOf(needle));
time('includes_str', 200, () => a.includes('zzz'));
time('compare', 200, () => a.compare(b));
time('equals', 200, () => a.equals(b));
time('fill_byte', 200, () => t.fill(7));
time('fill_pattern', 200, () => t.fill('abc'));
time('swap16', 200, () => t.swap16());
time('swap32', 200, () => t.swap32());
time('swap64', 200, () => t.swap64());
time('copy', 200, () => a.copy(t));
"#;

fn time(iters: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..(iters / 10).max(3) {
        f();
    }
    let t0 = Instant::now();
    for _ in 0..iters {
        f();
    }
    t0.elapsed().as_nanos() as f64 / f64::from(iters)
}

fn main() {
    let node_out = Command::new("node")
        .args(["-e", NODE_SCRIPT])
        .output()
        .expect("node on PATH");
    let node: std::collections::HashMap<String, f64> = String::from_utf8_lossy(&node_out.stdout)
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once(' ')?;
            Some((k.to_string(), v.parse().ok()?))
        })
        .collect();

    let mut a = vec![0u8; MIB];
    nodebuf_core::ops::fill::fill_pattern(&mut a, b"abcdefgh");
    a[MIB - 1] = 0x7a;
    let b = a.clone();
    let mut t = vec![0u8; MIB];
    let needle = b"hgfedcba".to_vec();
    let b_obj = ObjectArg::buffer(&b);
    let needle_obj = ObjectArg::buffer(&needle);
    let u = Arg::Undefined;
    let zzz = Arg::latin1(b"zzz");
    let mut rows: Vec<(&str, f64)> = Vec::new();
    rows.push((
        "indexOf_byte",
        time(200, || {
            black_box(api::index_of(&a, &Arg::Number(122.0), &u, &u).unwrap());
        }),
    ));
    rows.push((
        "lastIndexOf_byte",
        time(200, || {
            black_box(api::last_index_of(&a, &Arg::Number(121.0), &u, &u).unwrap());
        }),
    ));
    rows.push((
        "indexOf_needle",
        time(200, || {
            black_box(api::index_of(&a, &Arg::Object(&needle_obj), &u, &u).unwrap());
        }),
    ));
    rows.push((
        "lastIndexOf_needle",
        time(200, || {
            black_box(api::last_index_of(&a, &Arg::Object(&needle_obj), &u, &u).unwrap());
        }),
    ));
    rows.push((
        "includes_str",
        time(200, || {
            black_box(api::includes(&a, &zzz, &u, &u).unwrap());
        }),
    ));
    rows.push((
        "compare",
        time(200, || {
            black_box(api::compare(&a, &Arg::Object(&b_obj), &u, &u, &u, &u).unwrap());
        }),
    ));
    rows.push((
        "equals",
        time(200, || {
            black_box(api::equals(&a, &Arg::Object(&b_obj)).unwrap());
        }),
    ));
    rows.push((
        "fill_byte",
        time(200, || {
            api::fill(&mut t, &Arg::Number(7.0), &u, &u, &u).unwrap();
            black_box(&t);
        }),
    ));
    rows.push((
        "fill_pattern",
        time(200, || {
            api::fill(&mut t, &Arg::latin1(b"abc"), &u, &u, &u).unwrap();
            black_box(&t);
        }),
    ));
    rows.push((
        "swap16",
        time(200, || {
            api::swap16(&mut t).unwrap();
            black_box(&t);
        }),
    ));
    rows.push((
        "swap32",
        time(200, || {
            api::swap32(&mut t).unwrap();
            black_box(&t);
        }),
    ));
    rows.push((
        "swap64",
        time(200, || {
            api::swap64(&mut t).unwrap();
            black_box(&t);
        }),
    ));
    rows.push((
        "copy",
        time(200, || {
            black_box(api::copy::copy(&a, &mut t, &u, &u, &u).unwrap());
        }),
    ));

    println!(
        "{:<20} {:>12} {:>12} {:>8}",
        "op (1 MiB)", "nodebuf ns", "node ns", "ratio"
    );
    for (name, ours) in rows {
        let theirs = node.get(name).copied().unwrap_or(f64::NAN);
        println!(
            "{name:<20} {ours:>12.0} {theirs:>12.0} {:>8.3}",
            ours / theirs
        );
    }
}
