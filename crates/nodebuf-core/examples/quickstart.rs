//! The README's Rust example: Node's Buffer semantics from Rust.
//! Run with `cargo run -p nodebuf-core --example quickstart`.

use nodebuf_core::encoding::{Encoding, JsStr};
use nodebuf_core::memory::{accounting, RetentionReport};
use nodebuf_core::Buffer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Small allocations come from the 8 KiB pool, at Node's offsets (Node's start-up takes 8).
    let a = Buffer::alloc_unsafe(3)?;
    let b = Buffer::from_js_str(JsStr::Latin1(b"hello"), Encoding::Utf8)?;
    println!(
        "pooled: offsets {} and {}, one store: {}",
        a.byte_offset(),
        b.byte_offset(),
        a.shares_store_with(&b)
    );

    // allocUnsafe never shows another buffer's old bytes: a fresh pool slot is zeroed.
    assert_eq!(a.to_vec()?, [0, 0, 0]);

    // A view shares memory: a write through it is seen through the parent.
    let ell = b.subarray(1, Some(-1));
    ell.write_js_str(JsStr::Latin1(b"ipp"), 0, Encoding::Latin1)?;
    println!(
        "through the view: {:?}",
        String::from_utf16_lossy(&b.to_js_string(Encoding::Utf8)?.to_utf16())
    );

    // A copy does not.
    let copy = Buffer::copy_of(&b)?;
    b.fill_with(b"-")?;
    println!(
        "copy keeps {:?}; hex of the parent: {:?}",
        String::from_utf16_lossy(&copy.to_js_string(Encoding::Latin1)?.to_utf16()),
        String::from_utf16_lossy(&b.to_js_string(Encoding::Hex)?.to_utf16())
    );

    // The retention report finds a small view pinning a large store.
    let big = Buffer::alloc(8 << 20)?;
    let tiny = big.subarray(0, Some(16));
    drop(big);
    println!(
        "arrayBuffers: {} bytes",
        accounting::memory_usage().array_buffers
    );
    print!("{}", RetentionReport::take());
    drop(tiny);
    Ok(())
}
