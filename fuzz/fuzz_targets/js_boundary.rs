//! cargo-fuzz entry for the JS boundary (`targets/js_boundary.rs`): hostile Buffer programs in
//! a nodebuf-js context must never panic or crash.
#![no_main]

#[path = "../targets/js_boundary.rs"]
mod target;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = target::check(data);
});
