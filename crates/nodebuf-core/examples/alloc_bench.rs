//! Allocation benchmark against Node: the same cases as `benches/alloc_bench.js`, per call, best of
//! five rounds; runs node itself when it is on PATH and prints the ratio (Node time / ours).
//!
//! `cargo run --release -p nodebuf-core --example alloc_bench`

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use nodebuf_core::Buffer;

const KIB: usize = 1024;
const MIB: usize = 1024 * 1024;

fn per_call(calls: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        let mut sink = 0;
        for _ in 0..calls {
            sink += f();
        }
        black_box(sink);
        best = best.min(t.elapsed().as_nanos() as f64 / calls as f64);
    }
    best
}

fn main() {
    let small = Buffer::alloc(100).unwrap();
    small.with_bytes_mut(|b| b.fill(1)).unwrap();
    let big = vec![1u8; MIB];
    let small_bytes = small.to_vec().unwrap();
    type Case<'a> = (&'a str, usize, Box<dyn FnMut() -> usize + 'a>);
    let cases: Vec<Case> = vec![
        (
            "alloc(100)",
            10_000,
            Box::new(|| Buffer::alloc(100).unwrap().len()),
        ),
        (
            "allocUnsafe(100)",
            10_000,
            Box::new(|| Buffer::alloc_unsafe(100).unwrap().len()),
        ),
        (
            "alloc(10KiB)",
            10_000,
            Box::new(|| Buffer::alloc(10 * KIB).unwrap().len()),
        ),
        (
            "allocUnsafe(10KiB)",
            10_000,
            Box::new(|| Buffer::alloc_unsafe(10 * KIB).unwrap().len()),
        ),
        (
            "alloc(64KiB)",
            5_000,
            Box::new(|| Buffer::alloc(64 * KIB).unwrap().len()),
        ),
        (
            "allocUnsafe(64KiB)",
            5_000,
            Box::new(|| Buffer::alloc_unsafe(64 * KIB).unwrap().len()),
        ),
        (
            "allocUnsafe(64KiB)+fill",
            5_000,
            Box::new(|| {
                let b = Buffer::alloc_unsafe(64 * KIB).unwrap();
                b.with_bytes_mut(|s| s.fill(7)).unwrap();
                b.len()
            }),
        ),
        (
            "alloc(1MiB)",
            2_000,
            Box::new(|| Buffer::alloc(MIB).unwrap().len()),
        ),
        (
            "allocUnsafe(1MiB)",
            2_000,
            Box::new(|| Buffer::alloc_unsafe(MIB).unwrap().len()),
        ),
        (
            "allocUnsafeSlow(1MiB)",
            2_000,
            Box::new(|| Buffer::alloc_unsafe_slow(MIB).unwrap().len()),
        ),
        (
            "allocUnsafe(1MiB)+fill",
            1_000,
            Box::new(|| {
                let b = Buffer::alloc_unsafe(MIB).unwrap();
                b.with_bytes_mut(|s| s.fill(7)).unwrap();
                b.len()
            }),
        ),
        (
            "from(bytes 100)",
            10_000,
            Box::new(|| Buffer::from_bytes(&small_bytes).unwrap().len()),
        ),
        (
            "from(bytes 1MiB)",
            2_000,
            Box::new(|| Buffer::from_bytes(&big).unwrap().len()),
        ),
        (
            "subarray(10,20)",
            100_000,
            Box::new(|| small.subarray(10, Some(20)).len()),
        ),
        (
            "from_fn(1MiB)",
            1_000,
            Box::new(|| Buffer::from_fn(MIB, |i| i as u8).unwrap().len()),
        ),
    ];
    let mut ours = Vec::new();
    for (name, calls, mut f) in cases {
        ours.push((name, per_call(calls, &mut f)));
    }

    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/alloc_bench.js");
    let node: Vec<(String, f64)> = Command::new("node")
        .arg(script)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .filter_map(|l| {
                    let (name, ns) = l.split_once('\t')?;
                    Some((name.to_string(), ns.parse().ok()?))
                })
                .collect()
        })
        .unwrap_or_default();

    println!(
        "{:<24} {:>12} {:>12} {:>8}",
        "case", "ours ns", "node ns", "node/ours"
    );
    for (name, ns) in ours {
        match node.iter().find(|(n, _)| n == name) {
            Some((_, node_ns)) => println!(
                "{name:<24} {ns:>12.1} {node_ns:>12.1} {:>8.2}",
                node_ns / ns
            ),
            None => println!("{name:<24} {ns:>12.1} {:>12} {:>8}", "-", "-"),
        }
    }
}
