//! Times `nodebuf_core::encoding` on 1 MiB inputs (the same inputs as `bench/encodings.js`) and
//! prints "<op> <ns per call>" lines; `bench/encodings.sh` puts them next to Node's numbers.
//! Run with `cargo run --release -p nodebuf-core --example encoding_bench [prefix]`.

use nodebuf_core::encoding::{self, Encoding, JsStr};
use std::hint::black_box;
use std::time::{Duration, Instant};

const MIB: usize = 1 << 20;

/// One timed operation; returns something derived from its result so it is not optimised away.
type Op<'a> = Box<dyn FnMut() -> usize + 'a>;

fn random_bytes(n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| ((i as u32).wrapping_mul(1_103_515_245).wrapping_add(12_345) >> 16) as u8)
        .collect()
}

fn repeat_units(pattern: &str, n: usize) -> Vec<u16> {
    pattern.encode_utf16().cycle().take(n).collect()
}

/// Best ns per call over 5 rounds of ~40 ms; calls are batched so the clock is read at most
/// about once per microsecond.
fn time(mut f: impl FnMut() -> usize) -> f64 {
    let warm = Instant::now();
    for _ in 0..5 {
        black_box(f());
    }
    let once = (warm.elapsed().as_nanos() as u64 / 5).max(1);
    let batch = (1_000 / once).max(1);
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        let mut iters = 0u64;
        let mut elapsed = Duration::ZERO;
        while elapsed < Duration::from_millis(40) {
            for _ in 0..batch {
                black_box(f());
            }
            iters += batch;
            elapsed = start.elapsed();
        }
        best = best.min(elapsed.as_nanos() as f64 / iters as f64);
    }
    best
}

fn main() {
    let only = std::env::args().nth(1).unwrap_or_default();
    let ascii_text: Vec<u8> = repeat_units(
        "The quick brown fox jumps over the lazy dog 0123456789.\n",
        MIB,
    )
    .into_iter()
    .map(|u| u as u8)
    .collect();
    let latin1_text: Vec<u8> = repeat_units(
        "Grüße aus Köln, señor Müller: 25 ¤ ça coûte très cher! ",
        MIB,
    )
    .into_iter()
    .map(|u| u as u8)
    .collect();
    let mut mixed_text = repeat_units("Grüße, Jürgen! Привет, мир. 你好，世界 😀 ", MIB);
    if mixed_text
        .last()
        .is_some_and(|&u| (0xD800..0xDC00).contains(&u))
    {
        mixed_text.pop();
    }
    let random = random_bytes(MIB);
    let mut mixed_utf8 = encoding::encode(Encoding::Utf8, JsStr::Utf16(&mixed_text));
    mixed_utf8.truncate(MIB);
    let mut mixed_utf16 = encoding::encode(Encoding::Utf16le, JsStr::Utf16(&mixed_text));
    mixed_utf16.truncate(MIB);
    let b64 =
        encoding::base64::decode(&random[..MIB / 4 * 3], encoding::base64::Alphabet::Standard);
    let b64 = encoding::latin1::encode(b64.as_js_str());
    let b64url = encoding::base64::decode(&random[..MIB / 4 * 3], encoding::base64::Alphabet::Url);
    let b64url = encoding::latin1::encode(b64url.as_js_str());
    let hex = encoding::latin1::encode(encoding::hex::decode(&random[..MIB / 2]).as_js_str());
    let wide = |b: &[u8]| -> Vec<u16> { b.iter().map(|&c| u16::from(c)).collect() };
    let (b64_16, b64url_16, hex_16) = (wide(&b64), wide(&b64url), wide(&hex));

    let dec = |e: Encoding, b: &[u8]| encoding::decode(e, b).len();
    let enc = |e: Encoding, s: JsStr<'_>| encoding::encode(e, s).len();
    let blen = |e: Encoding, s: JsStr<'_>| encoding::byte_length(e, s);
    use Encoding::*;
    let ops: Vec<(&str, Op<'_>)> = vec![
        ("utf8.decode.ascii", Box::new(|| dec(Utf8, &ascii_text))),
        ("utf8.decode.mixed", Box::new(|| dec(Utf8, &mixed_utf8))),
        (
            "utf8.encode.latin1form",
            Box::new(|| enc(Utf8, l1(&ascii_text))),
        ),
        (
            "utf8.encode.latin1form_hi",
            Box::new(|| enc(Utf8, l1(&latin1_text))),
        ),
        (
            "utf8.encode.utf16form",
            Box::new(|| enc(Utf8, JsStr::Utf16(&mixed_text))),
        ),
        (
            "utf8.bytelength.latin1form_hi",
            Box::new(|| blen(Utf8, l1(&latin1_text))),
        ),
        (
            "utf8.bytelength.utf16form",
            Box::new(|| blen(Utf8, JsStr::Utf16(&mixed_text))),
        ),
        ("utf16le.decode", Box::new(|| dec(Utf16le, &mixed_utf16))),
        (
            "utf16le.encode.latin1form",
            Box::new(|| enc(Utf16le, l1(&latin1_text))),
        ),
        (
            "utf16le.encode.utf16form",
            Box::new(|| enc(Utf16le, JsStr::Utf16(&mixed_text))),
        ),
        (
            "utf16le.bytelength",
            Box::new(|| blen(Utf16le, JsStr::Utf16(&mixed_text))),
        ),
        ("latin1.decode", Box::new(|| dec(Latin1, &random))),
        (
            "latin1.encode.latin1form",
            Box::new(|| enc(Latin1, l1(&latin1_text))),
        ),
        (
            "latin1.encode.utf16form",
            Box::new(|| enc(Latin1, JsStr::Utf16(&mixed_text))),
        ),
        (
            "latin1.bytelength",
            Box::new(|| blen(Latin1, l1(&latin1_text))),
        ),
        ("ascii.decode", Box::new(|| dec(Ascii, &random))),
        (
            "ascii.encode.latin1form",
            Box::new(|| enc(Ascii, l1(&latin1_text))),
        ),
        (
            "ascii.encode.utf16form",
            Box::new(|| enc(Ascii, JsStr::Utf16(&mixed_text))),
        ),
        (
            "ascii.bytelength",
            Box::new(|| blen(Ascii, l1(&latin1_text))),
        ),
        ("base64.decode", Box::new(|| dec(Base64, &random))),
        (
            "base64.encode.latin1form",
            Box::new(|| enc(Base64, l1(&b64))),
        ),
        (
            "base64.encode.utf16form",
            Box::new(|| enc(Base64, JsStr::Utf16(&b64_16))),
        ),
        ("base64.bytelength", Box::new(|| blen(Base64, l1(&b64)))),
        ("base64url.decode", Box::new(|| dec(Base64url, &random))),
        (
            "base64url.encode.latin1form",
            Box::new(|| enc(Base64url, l1(&b64url))),
        ),
        (
            "base64url.encode.utf16form",
            Box::new(|| enc(Base64url, JsStr::Utf16(&b64url_16))),
        ),
        (
            "base64url.bytelength",
            Box::new(|| blen(Base64url, l1(&b64url))),
        ),
        ("hex.decode", Box::new(|| dec(Hex, &random))),
        ("hex.encode.latin1form", Box::new(|| enc(Hex, l1(&hex)))),
        (
            "hex.encode.utf16form",
            Box::new(|| enc(Hex, JsStr::Utf16(&hex_16))),
        ),
        ("hex.bytelength", Box::new(|| blen(Hex, l1(&hex)))),
    ];
    let mut dst = vec![0u8; MIB];
    println!(
        "memcpy {:.0}",
        time(|| {
            dst.copy_from_slice(black_box(&random));
            dst[0] as usize
        })
    );
    for (name, mut f) in ops {
        if name.starts_with(only.as_str()) {
            println!("{name} {:.1}", time(&mut f));
        }
    }
}

/// A one-byte JS string over `b`.
fn l1(b: &[u8]) -> JsStr<'_> {
    JsStr::Latin1(b)
}
