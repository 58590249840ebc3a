//! Where should a zeroed store of N bytes come from? Times, per store, allocating and freeing it
//! untouched and allocating, writing every byte and freeing it, for three sources: the heap
//! (`calloc`, which clears reused memory), a fresh mapping in 4 KiB pages, and a fresh mapping
//! advised to use 2 MiB transparent huge pages (`MADV_HUGEPAGE`, length rounded to 2 MiB).
//! The results chose `memory::raw`'s thresholds; the JS-facing rows are in `bench/suite.js`.
//!
//! `cargo run --release -p nodebuf-core --example page_source_bench`

use std::hint::black_box;
use std::time::Instant;

const HUGE: usize = 2 << 20;

#[derive(Clone, Copy)]
enum Source {
    Heap,
    Pages,
    HugePages,
}

/// One store of `len` zero bytes from `source`, optionally written in full, then released.
fn one(source: Source, len: usize, fill: bool) {
    match source {
        Source::Heap => {
            let layout = std::alloc::Layout::from_size_align(len, 16).expect("layout");
            // SAFETY: non-zero size, valid alignment; freed below with the same layout.
            // black_box: the compiler may otherwise drop a calloc whose bytes it knows are zero.
            let p = black_box(unsafe { std::alloc::alloc_zeroed(layout) });
            assert!(!p.is_null());
            if fill {
                // SAFETY: `p` holds `len` writable bytes.
                unsafe { p.write_bytes(1, len) };
            }
            // SAFETY: `p` holds `len` readable bytes.
            black_box(unsafe { p.add(len - 1).read() });
            // SAFETY: allocated above with this layout.
            unsafe { std::alloc::dealloc(p, layout) };
        }
        Source::Pages | Source::HugePages => {
            let huge = matches!(source, Source::HugePages);
            let map_len = if huge {
                len.div_ceil(HUGE) * HUGE
            } else {
                len.div_ceil(4096) * 4096
            };
            // SAFETY: a fresh anonymous mapping, checked below, unmapped at the end.
            let p = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    map_len,
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                    -1,
                    0,
                )
            };
            assert!(p != libc::MAP_FAILED);
            if huge {
                // SAFETY: advice over the mapping just made.
                unsafe { libc::madvise(p, map_len, libc::MADV_HUGEPAGE) };
            }
            let p = p.cast::<u8>();
            if fill {
                // SAFETY: `p` holds `map_len >= len` writable bytes.
                unsafe { p.write_bytes(1, len) };
            }
            // SAFETY: readable (a zero page if untouched).
            black_box(unsafe { p.add(len - 1).read() });
            // SAFETY: the mapping made above, released once.
            unsafe { libc::munmap(p.cast(), map_len) };
        }
    }
}

/// The best of five rounds, in microseconds per store.
fn time(source: Source, len: usize, fill: bool) -> f64 {
    let iters = (256 << 20) / len.max(1 << 16) + 4;
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let t = Instant::now();
        for _ in 0..iters {
            one(source, len, fill);
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e6 / iters as f64);
    }
    best
}

fn main() {
    let thp =
        std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").unwrap_or_default();
    println!("transparent_hugepage: {}", thp.trim());
    println!(
        "{:>8} | {:>10} {:>10} {:>10} | {:>12} {:>12} {:>12}",
        "size", "heap", "4K pages", "2M pages", "heap+fill", "4K+fill", "2M+fill"
    );
    for len in [
        64 << 10,
        1 << 20,
        2 << 20,
        4 << 20,
        8 << 20,
        16 << 20,
        64 << 20,
    ] {
        let row: Vec<f64> = [false, true]
            .into_iter()
            .flat_map(|fill| {
                [Source::Heap, Source::Pages, Source::HugePages]
                    .into_iter()
                    .map(move |s| time(s, len, fill))
            })
            .collect();
        println!(
            "{:>7}K | {:>8.1}us {:>8.1}us {:>8.1}us | {:>10.1}us {:>10.1}us {:>10.1}us",
            len >> 10,
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5]
        );
    }
}
