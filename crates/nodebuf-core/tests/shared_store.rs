//! SharedArrayBuffer under real concurrency: bulk reads and writes racing on several threads
//! stay word-atomic, copies between stores work while others write, and handles free the store
//! only when the last one (on any thread) drops.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

use nodebuf_core::memory::shared::SharedArrayBuffer;

fn assert_send_sync<T: Send + Sync + 'static>() {}

#[test]
fn handles_are_send_and_sync() {
    assert_send_sync::<SharedArrayBuffer>();
    assert_send_sync::<nodebuf_core::typed_array::Int32Array<SharedArrayBuffer>>();
    assert_send_sync::<nodebuf_core::data_view::DataView<SharedArrayBuffer>>();
}

/// Every aligned 8-byte word of `bytes` (which starts word-aligned) holds one repeated byte.
fn words_are_whole(bytes: &[u8]) -> bool {
    bytes.chunks_exact(8).all(|w| w.iter().all(|&b| b == w[0]))
}

#[test]
fn racing_bulk_writes_and_reads_never_tear_a_word() {
    const LEN: usize = 64 * 1024;
    let store = SharedArrayBuffer::new(LEN).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writers: Vec<_> = (1..=3u8)
        .map(|id| {
            let (store, stop) = (store.clone(), stop.clone());
            thread::spawn(move || {
                let block = vec![id; LEN];
                let mut rounds = 0u32;
                while !stop.load(Ordering::Relaxed) && rounds < 2_000 {
                    store.write_from(0, &block).unwrap();
                    rounds += 1;
                }
                rounds
            })
        })
        .collect();
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let store = store.clone();
            thread::spawn(move || {
                let mut out = vec![0u8; LEN];
                for _ in 0..300 {
                    store.read_into(0, &mut out).unwrap();
                    assert!(words_are_whole(&out), "a word mixed two writers");
                    assert!(out.iter().all(|&b| b <= 3));
                }
            })
        })
        .collect();
    for r in readers {
        r.join().unwrap();
    }
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        assert!(w.join().unwrap() > 0);
    }
}

#[test]
fn copies_between_stores_while_another_thread_writes() {
    const LEN: usize = 32 * 1024;
    let a = SharedArrayBuffer::new(LEN).unwrap();
    let b = SharedArrayBuffer::new(LEN).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (a, stop) = (a.clone(), stop.clone());
        thread::spawn(move || {
            let mut k = 0u8;
            while !stop.load(Ordering::Relaxed) {
                k = k.wrapping_add(1);
                a.write_from(0, &vec![k; LEN]).unwrap();
            }
        })
    };
    let mut snapshot = vec![0u8; LEN];
    for _ in 0..200 {
        b.copy_from(&a, 0, 0, LEN).unwrap();
        b.read_into(0, &mut snapshot).unwrap();
        assert!(words_are_whole(&snapshot));
        // An overlapping move inside one store, while nobody else writes to it.
        b.copy_from(&b, 8, 0, LEN - 8).unwrap();
    }
    stop.store(true, Ordering::Relaxed);
    writer.join().unwrap();
}

#[test]
fn the_last_handle_on_any_thread_keeps_the_bytes() {
    let store = SharedArrayBuffer::from_bytes(b"persist").unwrap();
    let clones: Vec<_> = (0..4).map(|_| store.clone()).collect();
    drop(store);
    let survivors: Vec<_> = clones
        .into_iter()
        .enumerate()
        .map(|(i, s)| thread::spawn(move || (i, s)))
        .collect();
    let mut kept = None;
    for h in survivors {
        let (i, s) = h.join().unwrap();
        if i == 2 {
            kept = Some(s);
        }
    }
    let kept = kept.unwrap();
    assert_eq!(kept.handle_count(), 1);
    assert_eq!(kept.to_vec(), b"persist");
}

#[test]
fn zero_length_stores_work_everywhere() {
    let s = SharedArrayBuffer::new(0).unwrap();
    assert_eq!(s.byte_length(), 0);
    assert!(s.read_into(0, &mut []).is_ok());
    assert!(s.read_into(1, &mut []).is_err());
    assert!(s.to_vec().is_empty());
    let t = nodebuf_core::typed_array::Int32Array::new(s.clone(), 0, None).unwrap();
    assert_eq!(t.length(), 0);
    assert_eq!(t.get(0), None);
    assert_eq!(s.slice(-5, None).unwrap().byte_length(), 0);
}

#[test]
fn plain_element_accesses_from_many_threads_never_tear_an_element() {
    use nodebuf_core::typed_array::{BigUint64Array, Int32Array};
    let store = SharedArrayBuffer::new(4096).unwrap();
    let ints = Int32Array::new(store.clone(), 0, Some(512)).unwrap();
    let bigs = BigUint64Array::new(store.clone(), 2048, Some(256)).unwrap();
    let patterns32 = [0i32, 0x0101_0101, 0x7f7f_7f7f];
    let patterns64 = [0u64, 0x0202_0202_0202_0202, 0xfefe_fefe_fefe_fefe];
    let writers: Vec<_> = (1..=2)
        .map(|k| {
            let (ints, bigs) = (ints.clone(), bigs.clone());
            thread::spawn(move || {
                for _ in 0..200 {
                    for i in 0..ints.length() {
                        ints.set(i, f64::from(patterns32[k]));
                    }
                    for i in 0..bigs.length() {
                        bigs.set(i, patterns64[k]);
                    }
                }
            })
        })
        .collect();
    for _ in 0..200 {
        for v in ints.to_vec() {
            assert!(patterns32.contains(&v), "torn Int32 element {v:#x}");
        }
        for v in bigs.to_vec() {
            assert!(patterns64.contains(&v), "torn BigUint64 element {v:#x}");
        }
    }
    for w in writers {
        w.join().unwrap();
    }
}
