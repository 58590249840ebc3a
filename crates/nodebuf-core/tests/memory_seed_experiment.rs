//! The seeds' experiment, exactly as measured on Node (NODE-FACTS §5): a 50 MiB buffer and
//! 100,000 ten-byte views; the accounting is process-wide, so this file holds a single test.

use nodebuf_core::memory::accounting::memory_usage;
use nodebuf_core::memory::{pool, RetentionReport, Site};
use nodebuf_core::Buffer;

const MIB: usize = 1024 * 1024;
const VIEWS: usize = 100_000;

fn array_buffers() -> usize {
    memory_usage().array_buffers
}

#[test]
fn views_pin_their_parent_and_copies_do_not() {
    let baseline = array_buffers();
    assert_eq!(
        baseline, 0,
        "nothing else in this test binary allocates stores"
    );

    // Part 1: views keep the parent alive.
    let parent = Buffer::alloc(50 * MIB).unwrap();
    let parent_id = parent.store_id();
    let views: Vec<Buffer> = (0..VIEWS as i64)
        .map(|i| parent.subarray(i * 500, Some(i * 500 + 10)))
        .collect();
    assert_eq!(array_buffers(), baseline + 50 * MIB);
    drop(parent);
    // Node: arrayBuffers stays at 50.0 MiB.
    assert_eq!(array_buffers(), baseline + 50 * MIB);
    let report = RetentionReport::take();
    let store = report.store(parent_id).expect("the parent is still alive");
    assert!(store.pinned_by_small_views);
    assert_eq!(store.handles, 0);
    assert_eq!(store.views, VIEWS);
    assert_eq!(store.view_bytes, VIEWS * 10);
    assert_eq!(store.sites.len(), 1);
    let site = store.sites[0].site.as_deref().unwrap();
    assert!(site.contains("memory_seed_experiment.rs"), "{site}");
    let text = report.to_string();
    assert!(
        text.contains(&format!("PINNED store #{parent_id}")),
        "{text}"
    );
    assert!(
        text.contains("100000 views, 1000000 bytes, made at"),
        "{text}"
    );
    // The JS layer can name its own sites instead.
    let mut named = views[0].clone();
    named.set_site(Site::label("app.js:12 (keep)"));
    assert!(RetentionReport::take()
        .to_string()
        .contains("app.js:12 (keep)"));
    drop(named);

    drop(views);
    // Node: views dropped -> 0.
    assert_eq!(array_buffers(), baseline);
    assert!(RetentionReport::take().store(parent_id).is_none());

    // Part 2: copies of the ten-byte views free the parent; each copy takes a 16-byte pool slot.
    let parent = Buffer::alloc(50 * MIB).unwrap();
    let copies: Vec<Buffer> = (0..VIEWS as i64)
        .map(|i| Buffer::copy_of(&parent.subarray(i * 500, Some(i * 500 + 10))).unwrap())
        .collect();
    drop(parent);
    let retained = array_buffers() - baseline;
    // 512 slots per 8 KiB slab (the first slab starts at 8): 196 slabs.
    let slabs = retained / 8192;
    assert_eq!(retained % 8192, 0);
    assert_eq!(slabs, (VIEWS * 16 + 8).div_ceil(8192));
    assert!((1_600_000..1_610_000).contains(&retained), "{retained}");
    assert_eq!(RetentionReport::take().flagged().count(), 0);
    drop(copies);
    // The pool still holds its current slab, as Node's pool does; releasing it gets us to 0.
    assert_eq!(array_buffers(), baseline + 8192);
    pool::reset_pool();
    assert_eq!(array_buffers(), baseline);
    assert_eq!(memory_usage().external, memory_usage().array_buffers);
}
