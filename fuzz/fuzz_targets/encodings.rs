//! cargo-fuzz entry for the encodings' properties (`targets/encodings.rs`).
#![no_main]

#[path = "../targets/encodings.rs"]
mod target;

libfuzzer_sys::fuzz_target!(|data: &[u8]| target::check(data));
