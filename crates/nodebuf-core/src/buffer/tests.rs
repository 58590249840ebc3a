//! Unit tests for views, copies, allocation and byte access. Each test runs on its own thread,
//! so each has its own pool (pool state is per thread).

use super::*;
use crate::memory::pool;
use crate::memory::retention::RetentionReport;

/// SplitMix64, for seeded loops.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn signed(&mut self, span: i64) -> i64 {
        self.below(2 * span as u64 + 1) as i64 - span
    }
}

fn bytes(b: &Buffer) -> Vec<u8> {
    b.to_vec().unwrap()
}

fn counting(len: usize) -> Buffer {
    Buffer::from_fn(len, |i| i as u8).unwrap()
}

#[test]
fn subarray_matches_the_relative_index_model() {
    let mut rng = Rng(1);
    for _ in 0..2000 {
        let len = rng.below(20) as usize;
        let buf = counting(len);
        let start = rng.signed(25);
        let end = if rng.below(4) == 0 {
            None
        } else {
            Some(rng.signed(25))
        };
        // The model: JS's relative index rule.
        let rel = |i: i64| -> usize {
            let l = len as i64;
            (if i < 0 { (l + i).max(0) } else { i.min(l) }) as usize
        };
        let s = rel(start);
        let e = end.map_or(len, rel);
        let view = buf.subarray(start, end);
        assert_eq!(view.byte_offset(), buf.byte_offset() + s);
        assert_eq!(view.len(), e.saturating_sub(s));
        assert!(view.shares_store_with(&buf));
        assert_eq!(bytes(&view), bytes(&buf)[s..s.max(e)].to_vec());
    }
    let buf = counting(5);
    assert_eq!(bytes(&buf.subarray(i64::MIN, Some(i64::MAX))), bytes(&buf));
}

#[test]
fn views_alias_writes() {
    let parent = Buffer::alloc(16).unwrap();
    let a = parent.subarray(4, Some(12));
    let b = a.subarray(2, None);
    assert!(a.set(3, 7).unwrap());
    assert_eq!(b.get(1).unwrap(), Some(7));
    assert_eq!(parent.get(7).unwrap(), Some(7));
    assert_eq!(b.write_from(&[1, 2, 3]).unwrap(), 3);
    assert_eq!(&bytes(&parent)[6..9], &[1, 2, 3]);
    assert!(!b.set(6, 1).unwrap());
    assert_eq!(b.get(6).unwrap(), None);
    let mut out = [0u8; 4];
    assert_eq!(a.read_into(&mut out).unwrap(), 4);
    assert_eq!(out, [0, 0, 1, 2]);
}

#[test]
fn from_array_buffer_follows_node() {
    let ab = ArrayBuffer::new(4).unwrap();
    let err = |o: Option<f64>, l: Option<f64>| Buffer::from_array_buffer(&ab, o, l).unwrap_err();
    let ok = |o: Option<f64>, l: Option<f64>| {
        let b = Buffer::from_array_buffer(&ab, o, l).unwrap();
        (b.byte_offset(), b.len())
    };
    assert_eq!(
        err(Some(5.0), None).to_string(),
        "RangeError [ERR_BUFFER_OUT_OF_BOUNDS]: \"offset\" is outside of buffer bounds"
    );
    assert_eq!(
        err(Some(1.0), Some(4.0)).to_string(),
        "RangeError [ERR_BUFFER_OUT_OF_BOUNDS]: \"length\" is outside of buffer bounds"
    );
    assert_eq!(
        err(Some(-1.0), None).to_string(),
        "RangeError: Start offset -1 is outside the bounds of the buffer"
    );
    assert_eq!(
        err(Some(-2.5), Some(1.0)).message,
        "Start offset -2.5 is outside the bounds of the buffer"
    );
    assert_eq!(
        err(Some(f64::INFINITY), None).code,
        Some("ERR_BUFFER_OUT_OF_BOUNDS")
    );
    assert_eq!(
        err(Some(0.0), Some(f64::INFINITY)).message,
        "\"length\" is outside of buffer bounds"
    );
    // Values checked with node v20: Buffer.from(new ArrayBuffer(4), o, l).
    assert_eq!(ok(Some(1.5), None), (1, 2));
    assert_eq!(ok(Some(0.0), Some(-3.0)), (0, 0));
    assert_eq!(ok(Some(4.0), None), (4, 0));
    assert_eq!(ok(Some(f64::NAN), Some(2.0)), (0, 2));
    assert_eq!(ok(Some(1.0), Some(2.5)), (1, 2));
    assert_eq!(ok(None, Some(f64::NAN)), (0, 0));
    assert_eq!(ok(Some(-0.5), None), (0, 4));
    assert_eq!(ok(None, None), (0, 4));
    // The whole-number entry point.
    assert_eq!(
        Buffer::view(&ab, 5, 0).unwrap_err().message,
        "\"offset\" is outside of buffer bounds"
    );
    assert_eq!(
        Buffer::view(&ab, 2, 3).unwrap_err().message,
        "\"length\" is outside of buffer bounds"
    );
    let v = Buffer::view(&ab, 1, 3).unwrap();
    v.set(0, 9).unwrap();
    assert_eq!(ab.to_vec().unwrap(), vec![0, 9, 0, 0]);
}

/// The reference model of `source.copy(target, ts, ss, se)` from Node's documented rules.
fn model_copy(src: &[u8], dst: &mut [u8], ts: usize, ss: usize, se: usize) -> usize {
    if ts >= dst.len() || ss >= se {
        return 0;
    }
    let se = se.min(src.len());
    let n = se.saturating_sub(ss).min(dst.len() - ts);
    let tmp = src[ss..ss + n].to_vec();
    dst[ts..ts + n].copy_from_slice(&tmp);
    n
}

#[test]
fn copy_matches_the_model_including_overlap() {
    let mut rng = Rng(2);
    for round in 0..3000 {
        let store = counting(40);
        let whole = bytes(&store);
        let (s0, sl) = (rng.below(20) as i64, rng.below(20) as i64);
        let (t0, tl) = (rng.below(20) as i64, rng.below(20) as i64);
        let src = store.subarray(s0, Some(s0 + sl));
        // Half the rounds copy within one store (overlap possible), half into another store.
        let other = Buffer::alloc(40).unwrap();
        let dst = if round % 2 == 0 {
            store.subarray(t0, Some(t0 + tl))
        } else {
            other.subarray(t0, Some(t0 + tl))
        };
        let ts = rng.below(25) as usize;
        let ss = rng.below(src.len() as u64 + 1) as usize;
        let se = rng.below(25) as usize;
        let mut model_src = whole[s0 as usize..(s0 + sl) as usize].to_vec();
        let mut model_dst = bytes(&dst);
        let n_model = model_copy(&model_src.clone(), &mut model_dst, ts, ss, se);
        let n = src.copy_to(&dst, ts, ss, se).unwrap();
        assert_eq!(n, n_model);
        assert_eq!(bytes(&dst), model_dst);
        let _ = &mut model_src;
    }
    let a = counting(3);
    let b = Buffer::alloc(5).unwrap();
    assert_eq!(
        a.copy_to(&b, 0, 4, 3).unwrap_err().to_string(),
        "RangeError [ERR_OUT_OF_RANGE]: The value of \"sourceStart\" is out of range. It must be >= 0 && <= 3. Received 4"
    );
    assert_eq!(a.copy_to(&b, 4, 1, 3).unwrap(), 1);
    assert_eq!(a.copy_to(&b, 5, 0, 3).unwrap(), 0);
    assert_eq!(a.copy_to(&b, 0, 1, 100).unwrap(), 2);
}

#[test]
fn concat_truncates_and_pads() {
    let a = Buffer::from_bytes(&[1, 2, 3]).unwrap();
    let b = Buffer::from_bytes(&[4, 5]).unwrap();
    assert_eq!(
        bytes(&Buffer::concat(&[&a, &b], None).unwrap()),
        vec![1, 2, 3, 4, 5]
    );
    assert_eq!(
        bytes(&Buffer::concat(&[&a, &b], Some(4)).unwrap()),
        vec![1, 2, 3, 4]
    );
    assert_eq!(
        bytes(&Buffer::concat(&[&a, &b], Some(2)).unwrap()),
        vec![1, 2]
    );
    assert_eq!(
        bytes(&Buffer::concat(&[a.clone(), b.clone()], Some(8)).unwrap()),
        vec![1, 2, 3, 4, 5, 0, 0, 0]
    );
    let empty = Buffer::concat::<Buffer>(&[], None).unwrap();
    assert_eq!(
        (empty.len(), empty.store_len(), empty.byte_offset()),
        (0, 0, 0)
    );
    let zero = Buffer::concat(&[&a], Some(0)).unwrap();
    assert_eq!(zero.store_len(), 0);
    // Large results get a store of their own and still pad with zeros.
    let big = Buffer::concat(&[&a], Some(10_000)).unwrap();
    assert_eq!(big.store_len(), 10_000);
    assert_eq!(&bytes(&big)[..4], &[1, 2, 3, 0]);
    assert!(bytes(&big)[3..].iter().all(|&x| x == 0));
}

#[test]
fn copies_do_not_alias_their_source() {
    let src = counting(10);
    let copy = Buffer::copy_of(&src).unwrap();
    let own = src.subarray(2, Some(6)).to_own_store().unwrap();
    src.set(3, 200).unwrap();
    assert_eq!(copy.get(3).unwrap(), Some(3));
    assert_eq!(own.get(1).unwrap(), Some(3));
    assert_eq!(own.store_len(), 4);
    assert_eq!(own.byte_offset(), 0);
    assert!(!own.shares_store_with(&src));
    assert_eq!(own.buffer().kind(), crate::memory::StoreKind::Buffer);
}

#[test]
fn borrows_are_checked_per_range() {
    let slab_a = Buffer::alloc_unsafe(8).unwrap();
    let slab_b = Buffer::alloc_unsafe(8).unwrap();
    assert!(slab_a.shares_store_with(&slab_b));
    // Disjoint views of one slab: both mutable at once.
    slab_a
        .with_bytes_mut(|a| {
            slab_b
                .with_bytes_mut(|b| {
                    a.fill(1);
                    b.fill(2);
                })
                .unwrap()
        })
        .unwrap();
    assert_eq!(bytes(&slab_a), vec![1; 8]);
    let whole = Buffer::view(&slab_a.buffer(), 0, 64).unwrap();
    // Overlapping: shared + shared fine, shared + exclusive refused, raw access refused.
    whole
        .with_bytes(|w| {
            assert_eq!(
                slab_a.with_bytes(|a| a[0]).unwrap(),
                w[slab_a.byte_offset()]
            );
            assert_eq!(slab_a.with_bytes_mut(|_| ()), Err(BytesInUse));
            assert_eq!(slab_a.set(0, 5), Err(BytesInUse));
            assert_eq!(slab_a.get(0).unwrap(), Some(1));
            assert_eq!(slab_a.write_from(&[0]), Err(BytesInUse));
            assert!(slab_b.copy_to(&slab_a, 0, 0, 8).is_err());
        })
        .unwrap();
    slab_a
        .with_bytes_mut(|_| {
            assert_eq!(whole.get(slab_a.byte_offset()), Err(BytesInUse));
            assert_eq!(whole.to_vec(), Err(BytesInUse));
            assert!(Buffer::copy_of(&whole).is_err());
            assert!(Buffer::concat(&[&whole], None).is_err());
            assert!(whole.to_own_store().is_err());
            assert_eq!(whole.buffer().to_vec(), Err(BytesInUse));
            // A new pooled copy of unrelated bytes still works while a lend is active.
            assert_eq!(bytes(&Buffer::from_bytes(&[9, 9]).unwrap()), vec![9, 9]);
        })
        .unwrap();
    // Lends end with their closure, also on panic.
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        slab_a.with_bytes_mut(|_| panic!("inside")).unwrap();
    }));
    assert!(caught.is_err());
    assert!(slab_a.with_bytes_mut(|a| a[0] = 3).is_ok());
}

#[test]
fn from_fn_and_from_reader_fill_every_byte() {
    for len in [0usize, 1, 100, 4095, 4096, 100_000, 300_000] {
        let b = Buffer::from_fn(len, |i| (i * 7) as u8).unwrap();
        assert_eq!(b.len(), len);
        assert!(bytes(&b)
            .iter()
            .enumerate()
            .all(|(i, &x)| x == (i * 7) as u8));
        let data: Vec<u8> = (0..len).map(|i| (i * 3) as u8).collect();
        let r = Buffer::from_reader(len, &mut &data[..]).unwrap();
        assert_eq!(bytes(&r), data);
        if len > 0 {
            let short = Buffer::from_reader(len, &mut &data[..len - 1]);
            assert_eq!(short.unwrap_err().kind(), std::io::ErrorKind::UnexpectedEof);
        }
    }
}

#[test]
fn failed_pooled_read_leaves_no_trace() {
    let _ = Buffer::alloc_unsafe(1).unwrap();
    let before = pool::pool_position();
    let secret = [0xAB_u8; 100];
    assert!(Buffer::from_reader(200, &mut &secret[..]).is_err());
    assert_eq!(pool::pool_position(), before);
    let next = Buffer::alloc_unsafe(200).unwrap();
    assert!(bytes(&next).iter().all(|&x| x == 0));
}

#[test]
fn panicking_from_fn_exposes_nothing() {
    for len in [10usize, 10_000] {
        let r = std::panic::catch_unwind(|| {
            Buffer::from_fn(len, |i| if i == len / 2 { panic!("stop") } else { 0xCD })
        });
        assert!(r.is_err());
        let next = Buffer::alloc_unsafe(len).unwrap();
        assert!(bytes(&next).iter().all(|&x| x == 0));
    }
}

#[test]
fn from_encoded_clears_bytes_written_past_its_count() {
    let _ = Buffer::alloc_unsafe(1).unwrap();
    let b = Buffer::from_encoded(
        3,
        || 12,
        |out| {
            out.fill(0xEE);
            2
        },
    )
    .unwrap();
    assert_eq!(bytes(&b), vec![0xEE, 0xEE]);
    let next = Buffer::alloc_unsafe(16).unwrap();
    assert_eq!(next.byte_offset(), b.byte_offset() + 8);
    assert!(bytes(&next).iter().all(|&x| x == 0));
    // Unpooled: store of byte_length(), view of the bytes written.
    let big = Buffer::from_encoded(
        5000,
        || 6000,
        |out| {
            out.fill(1);
            4500
        },
    )
    .unwrap();
    assert_eq!(
        (big.len(), big.store_len(), big.byte_offset()),
        (4500, 6000, 0)
    );
    assert!(big.buffer().to_vec().unwrap()[4500..]
        .iter()
        .all(|&x| x == 0));
    // An encoder claiming more than it was given is clamped.
    let c = Buffer::from_encoded(1, || 1, |_| 1000).unwrap();
    assert_eq!(c.len(), 4);
    let empty = Buffer::from_encoded(0, || 0, |_| 0).unwrap();
    assert_eq!((empty.len(), empty.store_len()), (0, 0));
}

#[test]
fn nothing_ever_shows_old_bytes() {
    let mut rng = Rng(3);
    for _ in 0..400 {
        let size = match rng.below(4) {
            0 => rng.below(64),
            1 => rng.below(4096),
            2 => rng.below(20_000),
            _ => rng.below(300_000),
        } as usize;
        let fresh = match rng.below(4) {
            0 => Buffer::alloc_unsafe(size),
            1 => Buffer::alloc_unsafe_slow(size),
            2 => Buffer::alloc(size),
            _ => Buffer::concat(&[Buffer::alloc(1).unwrap()], Some(size)),
        }
        .unwrap();
        assert!(bytes(&fresh).iter().all(|&x| x == 0), "size {size}");
        fresh.with_bytes_mut(|b| b.fill(0x5A)).unwrap();
    }
}

#[test]
fn stores_are_aligned_for_any_typed_array() {
    for size in [1usize, 7, 100, 5000, 200_000] {
        let b = Buffer::alloc(size).unwrap();
        assert_eq!(b.as_ptr() as usize % 16, 0);
        let p = Buffer::alloc_unsafe(size).unwrap();
        assert_eq!(p.as_ptr() as usize % 8, 0);
    }
}

#[test]
fn size_limits_are_nodes() {
    let e = Buffer::alloc(crate::memory::K_MAX_LENGTH + 1).unwrap_err();
    assert_eq!(
        e.message,
        "The value of \"size\" is out of range. It must be >= 0 && <= 4294967296. Received 4_294_967_297"
    );
    assert!(Buffer::alloc_unsafe(usize::MAX).is_err());
    let one = Buffer::alloc(1).unwrap();
    assert_eq!(
        Buffer::concat(&[&one], Some(1 << 33)).unwrap_err().message,
        "The value of \"length\" is out of range. It must be >= 0 && <= 4294967296. Received 8_589_934_592"
    );
}

#[test]
fn views_are_counted_per_site() {
    let parent = Buffer::alloc(100_000).unwrap();
    let id = parent.store_id();
    let views: Vec<Buffer> = (0..10).map(|i| parent.subarray(i, Some(i + 10))).collect();
    let mut labelled = parent.subarray(0, Some(5));
    labelled.set_site(Site::label("app.js:7"));
    let cloned = views[0].clone();
    assert_eq!(cloned.site(), views[0].site());
    let report = RetentionReport::take();
    let store = report.store(id).unwrap();
    assert_eq!(store.views, 13);
    assert_eq!(store.view_bytes, 100_000 + 10 * 10 + 5 + 10);
    let line = store.sites.iter().find(|s| s.views == 11).unwrap();
    assert!(line.site.as_deref().unwrap().contains("tests.rs"));
    assert!(store
        .sites
        .iter()
        .any(|s| s.site.as_deref() == Some("app.js:7") && s.bytes == 5));
    assert!(!store.pinned_by_small_views);
    drop(parent);
    let report = RetentionReport::take();
    assert!(report.store(id).unwrap().pinned_by_small_views);
    let text = report.to_string();
    assert!(text.contains("PINNED store #"), "{text}");
    assert!(text.contains("app.js:7"), "{text}");
    drop((views, labelled, cloned));
    assert!(RetentionReport::take().store(id).is_none());
}

#[test]
fn a_handed_out_slab_still_gives_clean_allocations() {
    let first = Buffer::alloc_unsafe(8).unwrap();
    let slab = first.buffer();
    let whole = Buffer::view(&slab, 0, slab.byte_length()).unwrap();
    whole.with_bytes_mut(|b| b.fill(0x41)).unwrap();
    let next = Buffer::alloc_unsafe(100).unwrap();
    assert!(next.shares_store_with(&first));
    assert!(bytes(&next).iter().all(|&x| x == 0));
    // A piece over the slab's free tail overlaps the destination of a pooled concat: the copy
    // must stay a memmove (a debug build checks `copy_nonoverlapping` preconditions).
    let (_, pos) = pool::pool_position().unwrap();
    let tail = whole.subarray(pos as i64, Some(pos as i64 + 50));
    let joined = Buffer::concat(&[&tail, &tail], None).unwrap();
    assert_eq!(joined.byte_offset(), pos);
    assert_eq!(joined.len(), 100);
    let copied = Buffer::copy_of(&whole.subarray(joined.byte_offset() as i64 + 104, Some(4000)));
    assert_eq!(copied.unwrap().len(), 4000 - joined.byte_offset() - 104);
    // While a view borrows the whole slab, pooled allocations take stores of their own.
    whole
        .with_bytes(|_| {
            let b = Buffer::from_bytes(&[1, 2, 3]).unwrap();
            assert!(!b.shares_store_with(&first));
            assert_eq!(bytes(&b), vec![1, 2, 3]);
        })
        .unwrap();
}

/// Compile-time proof that handles and views stay on their thread: if `ArrayBuffer` or `Buffer`
/// were `Send` or `Sync`, the `_` below would be ambiguous and this would not compile.
#[test]
fn handles_and_views_are_neither_send_nor_sync() {
    trait AmbiguousIfSend<A> {
        fn check() {}
    }
    impl<T: ?Sized> AmbiguousIfSend<()> for T {}
    impl<T: ?Sized + Send> AmbiguousIfSend<u8> for T {}
    trait AmbiguousIfSync<A> {
        fn check() {}
    }
    impl<T: ?Sized> AmbiguousIfSync<()> for T {}
    impl<T: ?Sized + Sync> AmbiguousIfSync<u8> for T {}
    <ArrayBuffer as AmbiguousIfSend<_>>::check();
    <Buffer as AmbiguousIfSend<_>>::check();
    <ArrayBuffer as AmbiguousIfSync<_>>::check();
    <Buffer as AmbiguousIfSync<_>>::check();
    // The report, in contrast, travels.
    fn sendable<T: Send + Sync>() {}
    sendable::<RetentionReport>();
}

#[test]
fn of_is_never_pooled() {
    let small = Buffer::of(&[1, 2]).unwrap();
    assert_eq!((small.byte_offset(), small.store_len()), (0, 2));
    assert_eq!(bytes(&small), vec![1, 2]);
    assert_eq!(Buffer::of(&[]).unwrap().store_len(), 0);
}

/// The hand-over contract a JS engine relies on: a cloned handle keeps pointer and length
/// stable and the memory alive, and writes through the raw pointer (as the engine makes them)
/// are seen by every view.
#[test]
fn a_cloned_handle_is_a_stable_engine_source() {
    let buf = Buffer::alloc_unsafe(32).unwrap();
    let source = buf.buffer();
    let (ptr, len) = (source.as_ptr(), source.byte_length());
    assert_eq!(ptr as usize % 16, 0);
    // SAFETY: `byte_offset() + len() <= byte_length()`, so the offset stays inside the store.
    assert_eq!(unsafe { ptr.add(buf.byte_offset()) }, buf.as_ptr());
    let view = buf.subarray(4, Some(8));
    drop(buf);
    // SAFETY: the handle keeps the store alive; no Rust reference to these bytes exists now
    // (this is what the engine does while JS runs).
    unsafe { ptr.add(view.byte_offset()).write(0x5A) };
    assert_eq!(view.get(0).unwrap(), Some(0x5A));
    let id = source.id();
    drop(view);
    assert!(RetentionReport::take().store(id).is_some());
    assert_eq!((source.as_ptr(), source.byte_length()), (ptr, len));
    drop(source);
}

/// The JS picture: the engine owns the store through an `EngineSource`, the JS layer records one
/// view per JS Buffer. When the big JS Buffer goes, small views alone pin the store: flagged.
#[test]
fn engine_handles_do_not_hide_a_pinned_store() {
    let big = Buffer::alloc(1 << 20).unwrap();
    let source = big.engine_source();
    assert_eq!(source.len(), 1 << 20);
    assert_eq!(source.as_ptr(), big.as_ptr());
    let mut small = big.subarray(100, Some(110));
    small.set_site(Site::label("app.js:3 (js view)"));
    let id = source.id();
    let report = RetentionReport::take();
    let store = report.store(id).unwrap();
    assert_eq!(
        (store.handles, store.engine_handles, store.views),
        (0, 1, 2)
    );
    assert!(!store.pinned_by_small_views);
    drop(big);
    let report = RetentionReport::take();
    let store = report.store(id).unwrap();
    assert!(store.pinned_by_small_views);
    assert!(report.to_string().contains("1 engine handles"));
    // An ordinary handle is an owner: not flagged while it lives.
    let owner = source.array_buffer();
    assert!(
        !RetentionReport::take()
            .store(id)
            .unwrap()
            .pinned_by_small_views
    );
    drop((owner, small, source));
    assert!(RetentionReport::take().store(id).is_none());
}

#[test]
fn the_api_range_of_an_array_buffer_view_follows_node() {
    use crate::api::alloc::from_array_buffer_range;
    use crate::args::Arg;
    // Checked with node: `Buffer.from(new ArrayBuffer(8), -0.5)` is a view of all 8 bytes, and
    // `Buffer.from(new ArrayBuffer(8), -1.5)` quotes the offset untruncated.
    assert_eq!(
        from_array_buffer_range(8, &Arg::Number(-0.5), &Arg::Undefined),
        Ok(0..8)
    );
    assert_eq!(
        from_array_buffer_range(8, &Arg::Number(-1.5), &Arg::Undefined)
            .unwrap_err()
            .to_string(),
        "RangeError: Start offset -1.5 is outside the bounds of the buffer"
    );
    // The offset is checked before `length` is converted, as in Node.
    assert_eq!(
        from_array_buffer_range(8, &Arg::Number(9.0), &Arg::Symbol(None))
            .unwrap_err()
            .code,
        Some("ERR_BUFFER_OUT_OF_BOUNDS")
    );
    assert_eq!(
        from_array_buffer_range(8, &Arg::Number(1.0), &Arg::Number(3.9)),
        Ok(1..4)
    );
}

#[test]
fn unpooled_strings_are_written_once_into_uninitialized_stores() {
    use crate::encoding::{self, Encoding, JsStr};
    // Dirty the heap first, so a store that skipped initialization would show old bytes.
    for _ in 0..4 {
        drop(vec![0xA5u8; 1 << 16]);
    }
    let narrow: Vec<u8> = (0..9000u32).map(|i| (i * 7 % 256) as u8).collect();
    let wide: Vec<u16> = (0..9000u32).map(|i| (i * 131 % 65536) as u16).collect();
    for enc in [
        Encoding::Latin1,
        Encoding::Ascii,
        Encoding::Utf16le,
        Encoding::Hex,
    ] {
        for s in [JsStr::Latin1(&narrow), JsStr::Utf16(&wide)] {
            let b = Buffer::from_js_str(s, enc).unwrap();
            assert_eq!(bytes(&b), encoding::encode(enc, s), "{enc:?}");
            assert_eq!(b.byte_offset(), 0);
        }
    }
    // A writer that stops short: the view covers what it wrote, the rest of the store is zero.
    // SAFETY: the writer initializes the 4500 bytes it counts.
    let b = unsafe {
        Buffer::from_encoded_uninit(
            5000,
            || 6000,
            |_| unreachable!("the unpooled path takes the uninit writer"),
            Some(|dst: &mut [std::mem::MaybeUninit<u8>]| {
                for d in &mut dst[..4500] {
                    d.write(1);
                }
                4500
            }),
        )
    }
    .unwrap();
    assert_eq!((b.len(), b.store_len()), (4500, 6000));
    let store = b.buffer().to_vec().unwrap();
    assert!(store[..4500].iter().all(|&x| x == 1));
    assert!(store[4500..].iter().all(|&x| x == 0));
}
