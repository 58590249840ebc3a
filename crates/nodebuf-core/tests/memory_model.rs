//! A seeded random walk over stores and views, checked step by step against a plain model
//! (stores as `Vec<u8>`, views as (store, offset, length)): aliasing writes, copies with overlap,
//! concat, detaching, pooled sharing, and the retention counters all have to agree.

mod support;

use std::collections::HashMap;

use nodebuf_core::memory::{pool, RetentionReport};
use nodebuf_core::Buffer;
use support::{case_count, seed, Rng};

struct Model {
    stores: HashMap<u64, Vec<u8>>,
}

struct Live {
    buf: Buffer,
    store: u64,
    offset: usize,
    len: usize,
}

impl Model {
    fn view<'a>(&'a self, v: &Live) -> &'a [u8] {
        &self.stores[&v.store][v.offset..v.offset + v.len]
    }

    /// Starts tracking `buf`. `fresh` is the content of a newly allocated Buffer (its bytes are
    /// new to the model); views and clones pass `None`. Then the whole store must match.
    fn adopt(&mut self, buf: Buffer, fresh: Option<Vec<u8>>) -> Live {
        let store = buf.store_id();
        let (offset, len) = (buf.byte_offset(), buf.len());
        let entry = self
            .stores
            .entry(store)
            .or_insert_with(|| vec![0; buf.store_len()]);
        if let Some(content) = fresh {
            assert_eq!(content.len(), len);
            entry[offset..offset + len].copy_from_slice(&content);
        }
        let whole = buf.buffer().to_vec().unwrap();
        if let Some(at) = first_difference(entry, &whole) {
            panic!("store {store} diverged from the model at byte {at}");
        }
        Live {
            store,
            offset,
            len,
            buf,
        }
    }
}

fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    if a.len() != b.len() {
        return Some(a.len().min(b.len()));
    }
    a.iter().zip(b).position(|(x, y)| x != y)
}

fn check_all(model: &Model, live: &[Live]) {
    for v in live {
        if let Some(at) = first_difference(&v.buf.to_vec().unwrap(), model.view(v)) {
            panic!("view {:?} differs from the model at byte {at}", v.buf);
        }
    }
}

/// Forgets a store's model once nothing can reach it any more: no live view, and it is not the
/// pool's current slab (the pool keeps that one, and will hand out more of it).
fn forget_if_dead(model: &mut Model, live: &[Live], store: u64) {
    let current_slab = pool::pool_position().map(|(id, _)| id);
    if current_slab != Some(store) && !live.iter().any(|l| l.store == store) {
        model.stores.remove(&store);
    }
}

fn check_retention(live: &[Live]) {
    let mut expected: HashMap<u64, (usize, usize)> = HashMap::new();
    for v in live {
        let e = expected.entry(v.store).or_default();
        e.0 += 1;
        e.1 += v.len;
    }
    let report = RetentionReport::take();
    for (store, (views, bytes)) in expected {
        let s = report
            .store(store)
            .expect("a store with live views is alive");
        assert_eq!((s.views, s.view_bytes), (views, bytes), "store {store}");
    }
}

#[test]
fn random_walk_matches_the_model() {
    let mut rng = Rng::new(seed());
    let steps = case_count(20_000);
    let mut model = Model {
        stores: HashMap::new(),
    };
    let mut live: Vec<Live> = Vec::new();
    for step in 0..steps {
        let pick = |rng: &mut Rng, live: &[Live]| rng.below(live.len() as u64) as usize;
        match rng.below(14) {
            0 | 1 => {
                let cap = if rng.one_in(4) { 6000 } else { 200 };
                let n = rng.below(cap) as usize;
                let (buf, content) = match rng.below(4) {
                    0 => (Buffer::alloc(n), vec![0; n]),
                    1 => (Buffer::alloc_unsafe(n), vec![0; n]),
                    2 => {
                        let f = |i: usize| (i * 31 + step) as u8;
                        (Buffer::from_fn(n, f), (0..n).map(f).collect())
                    }
                    _ => (
                        Buffer::from_bytes(&vec![step as u8; n]),
                        vec![step as u8; n],
                    ),
                };
                let v = model.adopt(buf.unwrap(), Some(content));
                live.push(v);
            }
            2 | 3 if !live.is_empty() => {
                let i = pick(&mut rng, &live);
                let start = rng.below(60) as i64 - 30;
                let end = (!rng.one_in(3)).then(|| rng.below(60) as i64 - 30);
                let sub = live[i].buf.subarray(start, end);
                let v = model.adopt(sub, None);
                live.push(v);
            }
            4 | 5 if !live.is_empty() => {
                let i = pick(&mut rng, &live);
                if live[i].len > 0 {
                    let at = rng.below(live[i].len as u64) as usize;
                    let value = rng.next_u64() as u8;
                    assert!(live[i].buf.set(at, value).unwrap());
                    let (store, offset) = (live[i].store, live[i].offset);
                    model.stores.get_mut(&store).unwrap()[offset + at] = value;
                }
            }
            6 if !live.is_empty() => {
                let i = pick(&mut rng, &live);
                let data: Vec<u8> = (0..rng.below(40)).map(|_| rng.next_u64() as u8).collect();
                let n = live[i].buf.write_from(&data).unwrap();
                assert_eq!(n, data.len().min(live[i].len));
                let (store, offset) = (live[i].store, live[i].offset);
                model.stores.get_mut(&store).unwrap()[offset..offset + n]
                    .copy_from_slice(&data[..n]);
            }
            7 | 8 if !live.is_empty() => {
                let (s, t) = (pick(&mut rng, &live), pick(&mut rng, &live));
                let ts = rng.below(live[t].len as u64 + 3) as usize;
                let ss = rng.below(live[s].len as u64 + 1) as usize;
                let se = rng.below(live[s].len as u64 + 5) as usize;
                let n = live[s].buf.copy_to(&live[t].buf, ts, ss, se).unwrap();
                let expected = if ts >= live[t].len || ss >= se {
                    0
                } else {
                    se.min(live[s].len).saturating_sub(ss).min(live[t].len - ts)
                };
                assert_eq!(n, expected);
                if n > 0 {
                    let bytes = model.view(&live[s])[ss..ss + n].to_vec();
                    let (store, offset) = (live[t].store, live[t].offset + ts);
                    model.stores.get_mut(&store).unwrap()[offset..offset + n]
                        .copy_from_slice(&bytes);
                }
            }
            9 if !live.is_empty() => {
                let parts: Vec<usize> = (0..rng.below(4)).map(|_| pick(&mut rng, &live)).collect();
                let list: Vec<&Buffer> = parts.iter().map(|&i| &live[i].buf).collect();
                let total = rng.one_in(2).then(|| rng.below(300) as usize);
                let mut expected: Vec<u8> = parts
                    .iter()
                    .flat_map(|&i| model.view(&live[i]).to_vec())
                    .collect();
                // Node: an empty list gives an empty Buffer whatever the total.
                if let (Some(t), false) = (total, parts.is_empty()) {
                    expected.resize(t, 0);
                }
                let joined = Buffer::concat(&list, total).unwrap();
                assert_eq!(joined.to_vec().unwrap(), expected);
                let v = model.adopt(joined, Some(expected));
                live.push(v);
            }
            10 if !live.is_empty() => {
                let i = pick(&mut rng, &live);
                let copy = if rng.one_in(2) {
                    live[i].buf.to_own_store().unwrap()
                } else {
                    Buffer::copy_of(&live[i].buf).unwrap()
                };
                // A copy never aliases its source (a pooled copy may share the slab, not bytes).
                let src = &live[i].buf;
                assert!(
                    !copy.shares_store_with(src)
                        || copy.is_empty()
                        || src.is_empty()
                        || copy.byte_offset() >= src.byte_offset() + src.len()
                        || src.byte_offset() >= copy.byte_offset() + copy.len()
                );
                let expected = model.view(&live[i]).to_vec();
                assert_eq!(copy.to_vec().unwrap(), expected);
                let v = model.adopt(copy, Some(expected));
                live.push(v);
            }
            11 if !live.is_empty() => {
                let i = pick(&mut rng, &live);
                let v = live.swap_remove(i);
                let store = v.store;
                drop(v);
                forget_if_dead(&mut model, &live, store);
            }
            12 if !live.is_empty() => {
                let i = pick(&mut rng, &live);
                let clone = live[i].buf.clone();
                let v = model.adopt(clone, None);
                live.push(v);
            }
            _ => {}
        }
        if step % 97 == 0 {
            check_all(&model, &live);
            check_retention(&live);
        }
        // Keep the working set bounded.
        while live.len() > 300 {
            let v = live.swap_remove(0);
            let store = v.store;
            drop(v);
            forget_if_dead(&mut model, &live, store);
        }
    }
    check_all(&model, &live);
    check_retention(&live);
}

/// `Buffer.from(string)` through a replaced write helper: the helper writes into the whole
/// slab at the pool's offset, the result is the view its count asks for, and a count Node's
/// pool offset could not add as a number ends the slab instead of letting later views
/// overlap this one.
#[test]
fn written_pool_views_follow_the_count_and_never_overlap() {
    pool::reset_pool();
    let first = Buffer::alloc_unsafe(3).unwrap();
    let (whole, offset) = Buffer::pool_write_target(12).unwrap();
    assert_eq!(whole.len(), 8192);
    assert!(whole.shares_store_with(&first));
    assert_eq!(offset, (first.byte_offset() + 8) as f64);
    whole
        .with_bytes_mut(|b| b[offset as usize..offset as usize + 3].copy_from_slice(b"abc"))
        .unwrap();

    let view = Buffer::pool_view_written(Some(2.5)).unwrap();
    assert_eq!(
        (view.byte_offset(), view.to_vec().unwrap()),
        (offset as usize, b"ab".to_vec())
    );
    Buffer::pool_advance_written(2.5);
    let next = Buffer::alloc_unsafe(1).unwrap();
    assert_eq!(next.byte_offset(), offset as usize + 8);

    for bad in [-1.0, f64::INFINITY, 9000.0] {
        let err = Buffer::pool_view_written(Some(bad)).unwrap_err();
        assert!(
            err.message.starts_with("Invalid typed array length"),
            "{bad}"
        );
    }

    // `undefined`: a view to the slab's end; the pool then starts a new slab.
    let (_, at) = Buffer::pool_write_target(4).unwrap();
    let rest = Buffer::pool_view_written(None).unwrap();
    assert_eq!(rest.byte_offset() + rest.len(), 8192);
    assert_eq!(rest.byte_offset(), at as usize);
    Buffer::pool_advance_written(f64::NAN);
    let after = Buffer::alloc_unsafe(8).unwrap();
    assert!(!after.shares_store_with(&rest));
    assert_eq!(after.to_vec().unwrap(), vec![0; 8]);
}
