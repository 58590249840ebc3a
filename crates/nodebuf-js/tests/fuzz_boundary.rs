//! The JS boundary's fuzz target (`fuzz/targets/js_boundary.rs`) on seeded random inputs, so
//! stable CI runs what cargo-fuzz explores on nightly: programs of Buffer calls with hostile
//! arguments (detaching/shrinking `valueOf`s, Proxies, resizable and detached buffers, ...)
//! must never panic or crash nodebuf. `NODEBUF_DIFF_CASES` sets the number of programs
//! (default 2,000), `NODEBUF_SEED` the seed.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

#[path = "../../../fuzz/targets/js_boundary.rs"]
mod target;

use support::Rng;

#[test]
fn hostile_buffer_programs_never_panic() {
    let seed = support::seed();
    let mut rng = Rng::new(seed);
    let mut finished = 0;
    let cases = support::case_count(2000);
    for case in 0..cases {
        let len = 3 + rng.below(60) as usize;
        let data: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        let outcome = std::panic::catch_unwind(|| target::check(&data));
        match outcome {
            Ok(sum) => finished += usize::from(sum.is_some()),
            Err(_) => panic!(
                "seed {seed} case {case}: nodebuf panicked on\n{}",
                target::program(&data)
            ),
        }
    }
    // Every call is wrapped in try/catch: a program only fails as a whole if the engine does.
    assert_eq!(finished, cases, "programs that did not run to the end");
}
