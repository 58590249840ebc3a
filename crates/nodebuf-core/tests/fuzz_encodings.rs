//! The encodings' fuzz target (`fuzz/targets/encodings.rs`) on seeded random inputs, so stable
//! CI runs the same properties cargo-fuzz explores on nightly. `NODEBUF_DIFF_CASES` sets the
//! number of inputs (default 10,000), `NODEBUF_SEED` the seed.

#[path = "support/mod.rs"]
mod support;

#[path = "../../../fuzz/targets/encodings.rs"]
mod target;

use support::Rng;

/// Inputs with the shapes decoders care about: raw bytes, base64 and hex text with junk and
/// padding, UTF-8 (valid, truncated, surrogates, overlong), and runs long enough for the SIMD
/// paths.
fn input(rng: &mut Rng) -> Vec<u8> {
    let len = match rng.below(4) {
        0 => rng.below(8),
        1 => rng.below(64),
        2 => rng.below(600),
        _ => rng.below(5000),
    } as usize;
    let alphabet: &[u8] = match rng.below(6) {
        0 => b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=",
        1 => b"0123456789abcdefABCDEFxyz ",
        2 => b"ab\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xed\xa0\x80\xc0\x80\xf4\x90",
        3 => b"hello world",
        _ => &[],
    };
    (0..len)
        .map(|_| {
            if alphabet.is_empty() || rng.one_in(50) {
                rng.next_u64() as u8
            } else {
                *rng.pick(alphabet)
            }
        })
        .collect()
}

#[test]
fn encodings_hold_their_properties_on_random_inputs() {
    let seed = support::seed();
    let mut rng = Rng::new(seed);
    for case in 0..support::case_count(10_000) {
        let data = input(&mut rng);
        let outcome = std::panic::catch_unwind(|| target::check(&data));
        assert!(
            outcome.is_ok(),
            "seed {seed} case {case}: input {:02x?}",
            data
        );
    }
}
