//! Atomics across real OS threads on one SharedArrayBuffer: publication with store/notify,
//! exact counters, and wait/notify semantics (timeouts, not-equal, counts, FIFO order).

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use nodebuf_core::atomics::{self, WaitResult};
use nodebuf_core::memory::shared::SharedArrayBuffer;
use nodebuf_core::typed_array::{BigInt64Array, Int32Array, Uint16Array, Uint8Array};

fn sab(len: usize) -> SharedArrayBuffer {
    SharedArrayBuffer::new(len).unwrap()
}

/// Polls (test-side only) until `n` threads wait on element `index`.
fn wait_for_waiters(ta: &Int32Array<SharedArrayBuffer>, index: usize, n: usize) {
    let start = Instant::now();
    while atomics::waiter_count(ta, index) != n {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "waiters never arrived"
        );
        thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn producer_publishes_blocks_and_consumers_see_them_whole() {
    const BLOCKS: usize = 64;
    const BLOCK: usize = 4096;
    let store = sab(8 + BLOCKS * BLOCK);
    let flag = Int32Array::new(store.clone(), 0, Some(1)).unwrap();

    let consumers: Vec<_> = (0..3)
        .map(|_| {
            let store = store.clone();
            let flag = flag.clone();
            thread::spawn(move || {
                let mut seen = 0usize;
                let mut block = vec![0u8; BLOCK];
                while seen < BLOCKS {
                    let published = atomics::load(&flag, 0).unwrap() as usize;
                    if published == seen {
                        // Sleep until the producer moves the flag (or re-check after a while).
                        atomics::wait(&flag, 0, seen as f64, Some(Duration::from_secs(1))).unwrap();
                        continue;
                    }
                    for k in seen..published {
                        store.read_into(8 + k * BLOCK, &mut block).unwrap();
                        let want = (k as u8).wrapping_mul(37).wrapping_add(1);
                        assert!(block.iter().all(|&b| b == want), "block {k} incomplete");
                    }
                    seen = published;
                }
                seen
            })
        })
        .collect();

    for k in 0..BLOCKS {
        let fill = vec![(k as u8).wrapping_mul(37).wrapping_add(1); BLOCK];
        store.write_from(8 + k * BLOCK, &fill).unwrap();
        atomics::store(&flag, 0, (k + 1) as f64).unwrap();
        atomics::notify(&flag, 0, usize::MAX).unwrap();
        if k % 8 == 0 {
            thread::yield_now();
        }
    }
    for c in consumers {
        assert_eq!(c.join().unwrap(), BLOCKS);
    }
}

#[test]
fn counters_incremented_from_many_threads_sum_exactly() {
    const THREADS: usize = 4;
    const ITERS: usize = 20_000;
    let store = sab(64);
    let i32s = Int32Array::new(store.clone(), 0, Some(2)).unwrap();
    let i64s = BigInt64Array::new(store.clone(), 8, Some(1)).unwrap();
    let u16s = Uint16Array::new(store.clone(), 16, Some(1)).unwrap();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let (i32s, i64s, u16s) = (i32s.clone(), i64s.clone(), u16s.clone());
            thread::spawn(move || {
                for _ in 0..ITERS {
                    atomics::add(&i32s, 0, 1.0).unwrap();
                    atomics::sub(&i32s, 1, 3.0).unwrap();
                    atomics::add(&i64s, 0, 1 << 33).unwrap();
                    atomics::add(&u16s, 0, 1.0).unwrap();
                }
                // Each thread sets its own bit with `or`.
                atomics::or(&i32s, 1, 0.0).unwrap();
                t
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let n = (THREADS * ITERS) as i64;
    assert_eq!(atomics::load(&i32s, 0).unwrap(), n as f64);
    assert_eq!(atomics::load(&i32s, 1).unwrap(), (-3 * n) as f64);
    assert_eq!(atomics::load(&i64s, 0).unwrap(), n << 33);
    // 80_000 wraps modulo 2**16.
    assert_eq!(atomics::load(&u16s, 0).unwrap(), (n % 65_536) as f64);
}

#[test]
fn compare_exchange_spin_lock_protects_plain_bulk_data() {
    // A lock word taken with compareExchange guards a 256-byte record updated in bulk: every
    // reader must see a record whose bytes all match.
    let store = sab(8 + 256);
    let lock = Int32Array::new(store.clone(), 0, Some(1)).unwrap();
    let workers: Vec<_> = (0..4u8)
        .map(|id| {
            let (store, lock) = (store.clone(), lock.clone());
            thread::spawn(move || {
                let mut buf = [0u8; 256];
                for round in 0..2_000u32 {
                    while atomics::compare_exchange(&lock, 0, 0.0, 1.0).unwrap() != 0.0 {
                        // Sleep on the lock word instead of spinning hot.
                        atomics::wait(&lock, 0, 1.0, Some(Duration::from_millis(5))).unwrap();
                    }
                    store.read_into(8, &mut buf).unwrap();
                    assert!(buf.iter().all(|&b| b == buf[0]), "torn record");
                    store
                        .write_from(8, &[id.wrapping_add(round as u8); 256])
                        .unwrap();
                    atomics::store(&lock, 0, 0.0).unwrap();
                    atomics::notify(&lock, 0, 1).unwrap();
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
}

#[test]
fn wait_times_out_after_the_timeout() {
    let flag = Int32Array::new(sab(8), 0, None).unwrap();
    let start = Instant::now();
    let r = atomics::wait(&flag, 1, 0.0, Some(Duration::from_millis(60))).unwrap();
    let took = start.elapsed();
    assert_eq!(r, WaitResult::TimedOut);
    assert!(took >= Duration::from_millis(60), "woke early: {took:?}");
    assert!(
        took < Duration::from_secs(2),
        "slept far too long: {took:?}"
    );
    assert_eq!(
        atomics::waiter_count(&flag, 1),
        0,
        "a timed-out waiter leaves the list"
    );
}

#[test]
fn wait_sees_a_different_value_immediately() {
    let flag = Int32Array::new(sab(8), 0, None).unwrap();
    atomics::store(&flag, 0, 7.0).unwrap();
    let start = Instant::now();
    assert_eq!(
        atomics::wait(&flag, 0, 6.0, None).unwrap(),
        WaitResult::NotEqual
    );
    assert!(start.elapsed() < Duration::from_secs(1));
}

#[test]
fn notify_wakes_exactly_count_waiters_in_fifo_order() {
    let flag = Int32Array::new(sab(8), 0, None).unwrap();
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();
    for id in 0..3 {
        let (mine, tx) = (flag.clone(), tx.clone());
        handles.push(thread::spawn(move || {
            let r = atomics::wait(&mine, 0, 0.0, Some(Duration::from_secs(10))).unwrap();
            tx.send((id, r)).unwrap();
        }));
        // Enqueue one at a time so the arrival order is known.
        wait_for_waiters(&flag, 0, id + 1);
    }
    // Another element's notify wakes nobody here.
    assert_eq!(atomics::notify(&flag, 1, usize::MAX).unwrap(), 0);
    assert_eq!(atomics::notify(&flag, 0, 0).unwrap(), 0);

    assert_eq!(atomics::notify(&flag, 0, 1).unwrap(), 1);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        (0, WaitResult::Ok)
    );
    assert!(
        rx.recv_timeout(Duration::from_millis(100)).is_err(),
        "notify(1) woke more than one waiter"
    );
    assert_eq!(atomics::waiter_count(&flag, 0), 2);

    assert_eq!(atomics::notify(&flag, 0, 1).unwrap(), 1);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        (1, WaitResult::Ok)
    );
    assert_eq!(atomics::notify(&flag, 0, usize::MAX).unwrap(), 1);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        (2, WaitResult::Ok)
    );
    assert_eq!(atomics::notify(&flag, 0, usize::MAX).unwrap(), 0);
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn a_notify_before_the_timeout_wakes_with_ok() {
    let flag = BigInt64Array::new(sab(16), 0, None).unwrap();
    let waiter = {
        let flag = flag.clone();
        thread::spawn(move || {
            let start = Instant::now();
            let r = atomics::wait(&flag, 1, 0, Some(Duration::from_secs(10))).unwrap();
            (r, start.elapsed())
        })
    };
    let start = Instant::now();
    while atomics::waiter_count(&flag, 1) == 0 {
        assert!(start.elapsed() < Duration::from_secs(5));
        thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(atomics::notify(&flag, 1, 1).unwrap(), 1);
    let (r, took) = waiter.join().unwrap();
    assert_eq!(r, WaitResult::Ok);
    assert!(took < Duration::from_secs(5));
}

#[test]
fn no_wake_up_is_lost_between_the_check_and_the_sleep() {
    // Each round: a waiter expects 0 while another thread stores 1 and notifies at about the
    // same moment. The waiter must return promptly (not-equal or ok), never sleep through it.
    let flag = Int32Array::new(sab(8), 0, None).unwrap();
    for round in 0..300 {
        atomics::store(&flag, 0, 0.0).unwrap();
        let waiter = {
            let flag = flag.clone();
            thread::spawn(move || {
                atomics::wait(&flag, 0, 0.0, Some(Duration::from_secs(5))).unwrap()
            })
        };
        if round % 2 == 0 {
            thread::yield_now();
        }
        atomics::store(&flag, 0, 1.0).unwrap();
        atomics::notify(&flag, 0, usize::MAX).unwrap();
        let r = waiter.join().unwrap();
        assert_ne!(r, WaitResult::TimedOut, "lost wake-up in round {round}");
    }
}

#[test]
fn the_store_lives_until_the_last_thread_drops_it() {
    let store = sab(1024);
    let views: Vec<_> = (0..4)
        .map(|t| {
            let view = Uint8Array::new(store.clone(), t * 256, Some(256)).unwrap();
            thread::spawn(move || {
                view.fill(t as f64 + 1.0, None, None);
                view
            })
        })
        .collect();
    let views: Vec<_> = views.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(store.handle_count(), 5);
    let bytes = store.to_vec();
    for t in 0..4 {
        assert!(bytes[t * 256..(t + 1) * 256]
            .iter()
            .all(|&b| b == t as u8 + 1));
    }
    drop(views);
    assert_eq!(store.handle_count(), 1);
}

#[test]
fn an_interrupt_wakes_an_endless_wait_and_leaves_other_waiters_queued() {
    use nodebuf_core::atomics::WaitInterrupt;
    use std::sync::Arc;
    let store = sab(8);
    let ta = Int32Array::new(store, 0, Some(2)).unwrap();
    let interrupt = Arc::new(WaitInterrupt::new());
    let (ta1, int1) = (ta.clone(), Arc::clone(&interrupt));
    let stopped = thread::spawn(move || atomics::wait_interruptible(&ta1, 0, 0.0, None, &int1));
    let ta2 = ta.clone();
    let bystander = thread::spawn(move || atomics::wait(&ta2, 0, 0.0, None));
    wait_for_waiters(&ta, 0, 2);
    interrupt.interrupt();
    assert_eq!(stopped.join().unwrap(), Ok(None));
    // The interrupted waiter left the queue; the other one still waits for a real notify.
    wait_for_waiters(&ta, 0, 1);
    assert_eq!(atomics::notify(&ta, 0, usize::MAX), Ok(1));
    assert_eq!(bystander.join().unwrap(), Ok(WaitResult::Ok));
    // A fired interrupt stops later waits at once, before they queue.
    assert_eq!(
        atomics::wait_interruptible(&ta, 1, 0.0, None, &interrupt),
        Ok(None)
    );
    assert_eq!(atomics::waiter_count(&ta, 1), 0);
}
