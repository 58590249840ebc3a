//! A SharedArrayBuffer is counted in `arrayBuffers`/`external` from allocation until its last
//! handle drops, wherever that happens. Alone in its test binary so the counts are exact.

use std::thread;

use nodebuf_core::memory::accounting::memory_usage;
use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::typed_array::Uint8Array;

#[test]
fn stores_are_counted_exactly_for_their_lifetime() {
    let base = memory_usage();
    let len = 5 * 1024 * 1024 + 3;
    let store = SharedArrayBuffer::new(len).unwrap();
    assert_eq!(memory_usage().array_buffers, base.array_buffers + len);
    assert_eq!(memory_usage().external, base.external + len);

    // Views and clones do not count again; the bytes leave the count with the last handle,
    // here dropped on another thread.
    let view = Uint8Array::new(store.clone(), 10, Some(100)).unwrap();
    let other = store.clone();
    drop(store);
    assert_eq!(memory_usage().array_buffers, base.array_buffers + len);
    thread::spawn(move || drop(other)).join().unwrap();
    assert_eq!(memory_usage().array_buffers, base.array_buffers + len);
    drop(view);
    assert_eq!(memory_usage(), base);

    // A slice is a new store of its own length.
    let a = SharedArrayBuffer::new(1000).unwrap();
    let b = a.slice(100, Some(-100)).unwrap();
    assert_eq!(memory_usage().array_buffers, base.array_buffers + 1800);
    drop((a, b));
    assert_eq!(memory_usage(), base);
}
