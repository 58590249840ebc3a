//! Shared helpers for the differential tests: run `node` on a script, and a seeded
//! random number generator so every run (and every failure) is reproducible.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `node` with `script` on its standard input and returns what it printed on stdout.
///
/// Panics (failing the test) when `node` is missing or exits non-zero, printing its stderr.
pub fn run_node(script: &str) -> String {
    let mut child = Command::new("node")
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("`node` (v20) must be on PATH for the differential tests");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(script.as_bytes())
        .expect("write the script to node");
    let out = child.wait_with_output().expect("wait for node");
    assert!(
        out.status.success(),
        "node failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("node prints UTF-8")
}

/// How many random cases a differential test should run: `default` unless the
/// `NODEBUF_DIFF_CASES` environment variable says otherwise (use it to run millions locally).
pub fn case_count(default: usize) -> usize {
    std::env::var("NODEBUF_DIFF_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The seed for a test run: `NODEBUF_SEED` if set, else a fixed default, so CI is reproducible.
pub fn seed() -> u64 {
    std::env::var("NODEBUF_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x6e6f_6465_6275_6600)
}

/// A small, fast, seeded generator (SplitMix64): deterministic across platforms.
pub struct Rng(u64);

impl Rng {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    /// True with probability `1 / n`.
    pub fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
    /// One element of `items`, chosen uniformly.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}
