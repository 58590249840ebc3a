//! Recycled zeroed blocks (`memory::recycle`) under hostile use: stores of every size class
//! filled with a secret (whole, first byte only, last byte only, a random chunk), released and
//! allocated again by every zeroed path (`alloc`, `allocUnsafe`, `allocUnsafeSlow`,
//! `ArrayBuffer`, `SharedArrayBuffer`), from several threads at once, with stores released on
//! threads other than the one that made them. No new store may show a non-zero byte, the
//! accounting stays exact (recycled blocks are not live stores), and the blocks held stay within
//! their bound. The accounting is process-wide, so this file holds a single test.

mod support;

use std::sync::{Arc, Barrier};
use std::thread;

use nodebuf_core::memory::accounting::{memory_usage, set_thread_budget, Budget};
use nodebuf_core::memory::recycle::{self, HELD_LIMIT, RECYCLE_END, RECYCLE_MIN};
use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::memory::ArrayBuffer;
use nodebuf_core::Buffer;
use support::Rng;

/// Lengths at the edges of every size class (8 per doubling: each class's capacity, one byte
/// more, and a random length inside it), and just outside the recycled range.
fn lengths(rng: &mut Rng) -> Vec<usize> {
    let mut out = vec![
        RECYCLE_MIN - 1,
        RECYCLE_MIN,
        RECYCLE_MIN + 1,
        RECYCLE_END - 1,
        RECYCLE_END,
    ];
    let mut base = RECYCLE_MIN;
    while base < RECYCLE_END {
        let step = base / 8;
        for j in 1..=8 {
            let cap = base + j * step;
            out.push(cap - 1 - rng.below(step as u64 - 1) as usize);
            out.push(cap - 1);
            if cap < RECYCLE_END {
                out.push(cap);
                out.push(cap + 1);
            }
        }
        base *= 2;
    }
    out
}

/// One of the zeroed ways to make a store of `len` bytes, seen as its bytes.
enum Made {
    Buffer(Buffer),
    Array(ArrayBuffer),
    Shared(SharedArrayBuffer),
}

impl Made {
    fn new(len: usize, how: u64) -> Made {
        match how % 5 {
            0 => Made::Buffer(Buffer::alloc(len).unwrap()),
            1 => Made::Buffer(Buffer::alloc_unsafe(len).unwrap()),
            2 => Made::Buffer(Buffer::alloc_unsafe_slow(len).unwrap()),
            3 => Made::Array(ArrayBuffer::new(len).unwrap()),
            _ => Made::Shared(SharedArrayBuffer::new(len).unwrap()),
        }
    }

    fn bytes(&self) -> Vec<u8> {
        match self {
            Made::Buffer(b) => b.to_vec().unwrap(),
            Made::Array(a) => a.to_vec().unwrap(),
            Made::Shared(s) => s.to_vec(),
        }
    }

    /// Writes `secret` over `start..end`.
    fn write(&self, start: usize, end: usize, secret: u8) {
        let block = vec![secret; end - start];
        match self {
            Made::Buffer(b) => b
                .with_bytes_mut(|s| s[start..end].copy_from_slice(&block))
                .unwrap(),
            Made::Array(a) => {
                // SAFETY: the store is live and `end <= len`; no borrow of it is active in this
                // test, and nothing else refers to its bytes.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        block.as_ptr(),
                        a.as_ptr().add(start),
                        end - start,
                    )
                }
            }
            Made::Shared(s) => s.write_from(start, &block).unwrap(),
        }
    }
}

/// Fills stores of every length with secrets in four patterns, releases them, allocates the
/// same lengths again and counts the non-zero bytes seen (must be 0). Returns how many stores
/// were checked.
fn churn(seed: u64, rounds: usize, foreign: &mut usize) -> usize {
    let mut rng = Rng::new(seed);
    let mut checked = 0;
    for _ in 0..rounds {
        for len in lengths(&mut rng) {
            let stores: Vec<Made> = (0..3).map(|_| Made::new(len, rng.next_u64())).collect();
            for store in &stores {
                let bytes = store.bytes();
                *foreign += bytes.iter().filter(|&&b| b != 0).count();
                checked += 1;
                let (start, end) = match rng.below(4) {
                    0 => (0, len),
                    1 => (0, 1),
                    2 => (len - 1, len),
                    _ => {
                        let a = rng.below(len as u64) as usize;
                        (a, (a + 1 + rng.below(9000) as usize).min(len))
                    }
                };
                store.write(start, end, 0xA5 | (rng.below(255) as u8 + 1));
            }
            // One snapshot: two `held()` calls can straddle another thread's eviction and
            // sum a ready count from before it with a queued count from after it.
            let held = recycle::held();
            assert!(
                held.ready_bytes + held.queued_bytes <= HELD_LIMIT,
                "{held:?}"
            );
        }
    }
    checked
}

#[test]
fn recycled_blocks_never_show_old_bytes_and_are_never_counted() {
    assert_eq!(
        memory_usage().array_buffers,
        0,
        "nothing else here allocates"
    );
    let seed = support::seed();

    // One thread (blocks scrubbed as they are released, then by the background thread), then
    // four at once with the thread on for the larger blocks.
    let mut foreign = 0;
    let mut checked = churn(seed, 2, &mut foreign);
    recycle::set_scrub_on_thread_from(Some(RECYCLE_MIN));
    checked += churn(seed ^ 99, 2, &mut foreign);
    recycle::set_scrub_on_thread_from(Some(recycle::THREAD_SCRUB_MIN));
    let start = Arc::new(Barrier::new(4));
    let threads: Vec<_> = (0..4u64)
        .map(|t| {
            let start = start.clone();
            thread::spawn(move || {
                start.wait();
                let mut foreign = 0;
                let checked = churn(seed ^ (t + 1), 2, &mut foreign);
                (checked, foreign)
            })
        })
        .collect();
    for t in threads {
        let (c, f) = t.join().unwrap();
        checked += c;
        foreign += f;
    }

    // Shared stores made here, written and released on other threads, then made again here.
    for len in [RECYCLE_MIN, 300 * 1024, 1 << 20, RECYCLE_END - 1] {
        for _ in 0..4 {
            let shared = SharedArrayBuffer::new(len).unwrap();
            let elsewhere = shared.clone();
            drop(shared);
            thread::spawn(move || {
                elsewhere.write_from(0, &vec![0x5Au8; len]).unwrap();
                drop(elsewhere);
            })
            .join()
            .unwrap();
            let again = Made::new(len, 4);
            foreign += again.bytes().iter().filter(|&&b| b != 0).count();
            checked += 1;
        }
    }
    recycle::set_scrub_on_thread_from(None);
    assert_eq!(foreign, 0, "non-zero bytes in {checked} new stores");
    assert!(checked > 1000, "{checked}");

    // Released stores left the counters at once, however many blocks are kept for reuse.
    let held = recycle::held();
    assert_eq!(memory_usage().array_buffers, 0, "{held:?}");
    assert!(held.ready_bytes + held.queued_bytes <= held.limit && held.limit == HELD_LIMIT);

    // While a recycled block backs a store it is counted exactly once, at the store's length.
    let b = Buffer::alloc_unsafe(RECYCLE_MIN + 5).unwrap();
    assert_eq!(memory_usage().array_buffers, RECYCLE_MIN + 5);
    drop(b);
    assert_eq!(memory_usage().array_buffers, 0);

    // A thread's budget gets the bytes back when the store goes, even if its block is kept.
    let budget = Budget::new(2 * RECYCLE_MIN);
    let previous = set_thread_budget(Some(budget.clone()));
    for _ in 0..10 {
        let a = Buffer::alloc(RECYCLE_MIN).unwrap();
        let b = Buffer::alloc_unsafe(RECYCLE_MIN).unwrap();
        assert!(Buffer::alloc(RECYCLE_MIN).is_err(), "over the budget");
        assert_eq!(budget.used(), 2 * RECYCLE_MIN);
        drop((a, b));
        assert_eq!(budget.used(), 0);
    }
    set_thread_budget(previous);

    // The ready lists can be emptied; what they held goes back to the allocator. The background
    // thread may still be scrubbing blocks the passes above queued (a loaded machine delays it),
    // and each lands on a ready list when done: wait for the queue first (bounded).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while recycle::held().queued_bytes > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert_eq!(
        recycle::held().queued_bytes,
        0,
        "the scrubber finished its queue"
    );
    recycle::release_ready();
    assert_eq!(recycle::held().ready_blocks, 0);
    assert_eq!(memory_usage().array_buffers, 0);
}
