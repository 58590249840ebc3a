//! Exact accounting and the retention report across threads. Accounting is process-wide, so this
//! file holds a single test (its own process, no parallel tests to disturb the counters).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use nodebuf_core::memory::accounting::memory_usage;
use nodebuf_core::memory::{pool, ArrayBuffer, RetentionPolicy, RetentionReport, StoreKind};
use nodebuf_core::Buffer;

fn ab() -> usize {
    memory_usage().array_buffers
}

#[test]
fn every_store_is_counted_exactly_while_it_lives() {
    assert_eq!(ab(), 0);

    // Unpooled stores: counted at their exact size, including empty ones.
    let a = Buffer::alloc(1000).unwrap();
    let b = Buffer::alloc_unsafe_slow(5).unwrap();
    let c = Buffer::alloc_unsafe(4096).unwrap();
    let empty = Buffer::alloc(0).unwrap();
    assert_eq!(ab(), 1000 + 5 + 4096);
    assert_eq!(empty.store_len(), 0);

    // The first pooled allocation makes the 8 KiB slab; later small ones add nothing.
    let p1 = Buffer::alloc_unsafe(10).unwrap();
    let p2 = Buffer::from_bytes(&[1, 2, 3]).unwrap();
    assert_eq!(ab(), 1000 + 5 + 4096 + 8192);
    assert_eq!(p1.byte_offset(), 8);
    assert_eq!(p2.byte_offset(), 24);

    // Views and handles keep a store without adding to the count.
    let view = a.subarray(10, Some(20));
    let handle = a.buffer();
    drop(a);
    assert_eq!(ab(), 1000 + 5 + 4096 + 8192);
    drop(view);
    assert_eq!(ab(), 1000 + 5 + 4096 + 8192);
    let report = RetentionReport::take();
    let store = report.store(handle.id()).unwrap();
    assert_eq!(
        (store.handles, store.views, store.kind),
        (1, 0, StoreKind::Buffer)
    );
    drop(handle);
    assert_eq!(ab(), 5 + 4096 + 8192);

    // A new ArrayBuffer and views over it.
    let raw = ArrayBuffer::new(300_000).unwrap();
    let v = Buffer::view(&raw, 100, 10).unwrap();
    assert_eq!(ab(), 5 + 4096 + 8192 + 300_000);
    drop(raw);
    let report = RetentionReport::take();
    let pinned: Vec<u64> = report.flagged().map(|s| s.id).collect();
    assert_eq!(pinned, vec![v.store_id()]);
    // A stricter policy flags nothing this small; a looser one flags small stores too.
    let strict = RetentionPolicy {
        min_store_bytes: 1 << 20,
        ..RetentionPolicy::default()
    };
    assert_eq!(RetentionReport::take_with(&strict).flagged().count(), 0);
    drop(v);
    assert_eq!(ab(), 5 + 4096 + 8192);

    // A pool slab replaced while small Buffers still use it stays counted until they go.
    let old_slab = p1.store_id();
    let mut keep = Vec::new();
    while Buffer::alloc_unsafe(1).unwrap().store_id() == old_slab {}
    assert_eq!(ab(), 5 + 4096 + 2 * 8192);
    let report = RetentionReport::take();
    assert_eq!(report.store(old_slab).unwrap().handles, 0);
    assert!(!report.store(old_slab).unwrap().pinned_by_small_views);
    keep.push(p2.clone());
    drop((p1, p2));
    assert_eq!(ab(), 5 + 4096 + 2 * 8192);
    drop(keep);
    assert_eq!(ab(), 5 + 4096 + 8192);

    // Reports can be taken from another thread while this one allocates and frees.
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut reports = 0usize;
            while !stop.load(Ordering::Relaxed) || reports == 0 {
                let report = RetentionReport::take();
                assert!(report.stores.iter().all(|s| s.views < 1_000_000));
                let _ = report.to_string();
                reports += 1;
            }
            reports
        })
    };
    for round in 0..200 {
        let big = Buffer::alloc(100_000 + round).unwrap();
        let views: Vec<Buffer> = (0..100).map(|i| big.subarray(i, Some(i + 3))).collect();
        drop(big);
        drop(views);
    }
    stop.store(true, Ordering::Relaxed);
    assert!(watcher.join().unwrap() > 0);
    assert_eq!(ab(), 5 + 4096 + 8192);

    // Large zeroed stores come from fresh mappings (whole 2 MiB huge pages where the kernel
    // offers them, so the mapping is longer than the store): still counted at their exact
    // length, and given back in full. 40 MiB is past both thresholds (4 MiB with transparent
    // huge pages, 32 MiB without); 5 MiB + 1 is mapped only with them.
    let big_len = (40 << 20) + 12_345;
    let big = Buffer::alloc(big_len).unwrap();
    assert!(big.buffer().is_mapped());
    let mid_len = (5 << 20) + 1;
    let mid = Buffer::alloc_unsafe(mid_len).unwrap();
    assert_eq!(ab(), 5 + 4096 + 8192 + big_len + mid_len);
    for store in [&big, &mid] {
        assert!(store.with_bytes(|b| b.iter().all(|&x| x == 0)).unwrap());
    }
    drop(big);
    assert_eq!(ab(), 5 + 4096 + 8192 + mid_len);
    drop(mid);
    assert_eq!(ab(), 5 + 4096 + 8192);

    drop((b, c, empty));
    pool::reset_pool();
    assert_eq!(ab(), 0);
    assert_eq!(RetentionReport::take().stores.len(), 0);
}
