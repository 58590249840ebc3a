//! SharedArrayBuffer stores appear in the retention report with their creation site and an exact
//! count of handles held on any thread, and leave it when the last handle (on any thread) drops.

use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::memory::{RetentionReport, StoreKind};

fn shared_stores(report: &RetentionReport) -> Vec<(usize, usize, String)> {
    report
        .stores
        .iter()
        .filter(|s| s.kind == StoreKind::Shared)
        .map(|s| (s.bytes, s.handles, s.created_at.clone()))
        .collect()
}

#[test]
fn shared_stores_are_reported_with_handles_from_every_thread() {
    let sab = SharedArrayBuffer::new(1 << 20).unwrap();
    let stores = shared_stores(&RetentionReport::take());
    assert_eq!(stores.len(), 1);
    assert_eq!(stores[0].0, 1 << 20);
    assert_eq!(stores[0].1, 1);
    assert!(
        stores[0].2.contains("shared_retention.rs"),
        "{}",
        stores[0].2
    );

    let clones: Vec<_> = (0..4).map(|_| sab.clone()).collect();
    let (to_main, from_worker) = std::sync::mpsc::channel();
    let (release, wait_release) = std::sync::mpsc::channel::<()>();
    let worker = std::thread::spawn(move || {
        let held = clones;
        let extra = held[0].clone();
        to_main.send(()).unwrap();
        wait_release.recv().unwrap();
        drop(extra);
        drop(held);
    });
    from_worker.recv().unwrap();
    // 1 here + 4 moved to the worker + 1 made there; the report is taken from this thread.
    assert_eq!(shared_stores(&RetentionReport::take())[0].1, 6);
    release.send(()).unwrap();
    worker.join().unwrap();
    assert_eq!(shared_stores(&RetentionReport::take())[0].1, 1);
    let text = RetentionReport::take().to_string();
    assert!(text.contains("shared 1048576 bytes"), "{text}");

    drop(sab);
    assert!(shared_stores(&RetentionReport::take()).is_empty());
}
