//! The seeds' experiment, narrated: what a 50 MiB buffer and 100,000 ten-byte views cost, who
//! keeps the memory alive, and how copying the views instead frees it.
//!
//! Run with `cargo run --release -p nodebuf-core --example seed_experiment`. Node's numbers for the
//! same steps (`process.memoryUsage().arrayBuffers`, NODE-FACTS §5): 50.0 MiB, 50.0 MiB, 0, 1.5 MiB.

use std::time::Instant;

use nodebuf_core::memory::accounting::memory_usage;
use nodebuf_core::memory::{pool, RetentionReport, Site};
use nodebuf_core::{Buffer, NodeError};

const MIB: usize = 1024 * 1024;
const VIEWS: i64 = 100_000;

fn mib() -> String {
    format!(
        "{:.2} MiB",
        memory_usage().array_buffers as f64 / MIB as f64
    )
}

fn main() -> Result<(), NodeError> {
    println!("nodebuf seed experiment: 50 MiB parent, {VIEWS} ten-byte views\n");
    println!("start: arrayBuffers = {}", mib());

    let t = Instant::now();
    let parent = Buffer::alloc(50 * MIB)?;
    println!(
        "Buffer.alloc(50 MiB) in {:?}: arrayBuffers = {}",
        t.elapsed(),
        mib()
    );

    let t = Instant::now();
    let mut views: Vec<Buffer> = (0..VIEWS)
        .map(|i| parent.subarray(i * 500, Some(i * 500 + 10)))
        .collect();
    println!(
        "{VIEWS} x parent.subarray(i*500, i*500+10) in {:?}: arrayBuffers = {}",
        t.elapsed(),
        mib()
    );
    // A JS layer would label its views with the script location that made them:
    views[0].set_site(Site::label("app.js:42 (cache entry)"));

    drop(parent);
    println!(
        "\nparent dropped: arrayBuffers = {} (Node: 50.0 MiB) -- the views pin it:\n",
        mib()
    );
    let t = Instant::now();
    let report = RetentionReport::take();
    let took = t.elapsed();
    print!("{report}");
    println!("(report taken in {took:?})");

    drop(views);
    println!("\nviews dropped: arrayBuffers = {} (Node: 0)", mib());

    let parent = Buffer::alloc(50 * MIB)?;
    let t = Instant::now();
    let copies: Vec<Buffer> = (0..VIEWS)
        .map(|i| Buffer::copy_of(&parent.subarray(i * 500, Some(i * 500 + 10))))
        .collect::<Result<_, _>>()?;
    let took = t.elapsed();
    drop(parent);
    println!(
        "\n{VIEWS} x Buffer.from(parent.subarray(...)) in {took:?}, parent dropped: \
         arrayBuffers = {} (Node: 1.5 MiB; each copy takes a 16-byte pool slot)",
        mib()
    );
    let report = RetentionReport::take();
    println!(
        "{} live stores, {} pinned by small views",
        report.stores.len(),
        report.flagged().count()
    );
    drop(copies);
    pool::reset_pool();
    println!("copies dropped, pool released: arrayBuffers = {}", mib());
    Ok(())
}
