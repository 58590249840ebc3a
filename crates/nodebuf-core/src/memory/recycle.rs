//! Zeroed blocks kept for reuse: how a zeroed store of 64 KiB up to the mapping threshold is
//! handed out without clearing it on the allocating call.
//!
//! Node's `allocUnsafe` is fast at these sizes because it hands out memory as the allocator left
//! it, old bytes included. We never do, so each such store used to be cleared (`memset`, ~47 GB/s
//! here) by the thread that asked for it. Instead, when a store of these sizes is released its
//! block is *scrubbed* — checked 4 KiB at a time for any non-zero byte (an OR-reduction, 2-3x the
//! speed of a `memset`; a written chunk is rejected within its first 256 bytes) and only the written chunks
//! cleared — and kept on a ready list of its size class. The next zeroed store of that class takes
//! it back with no clearing at all.
//!
//! Who scrubs: by default the thread that releases the store, right there (a written 1 MiB
//! costs it the `memset` the allocating call no longer pays; an unwritten one a 2-3x cheaper
//! scan). Optionally ([`set_scrub_on_thread_from`], `NODEBUF_SCRUBBER=thread`) blocks from
//! [`THREAD_SCRUB_MIN`] go to a background thread, which empties a bounded queue into the ready
//! lists; an allocation that finds its ready list empty then scrubs a queued block of its class
//! itself, or waits briefly for the one the thread is finishing (back-pressure). Measured on this
//! project's 2-core machine under load (other builds running), the thread lost in two runs of
//! three (`allocUnsafe(1 MiB)` 11.7 us against 8.3 us, `+ fill` 86 us against 80 us) and tied
//! in the third (README, "Numbers"), so it is off.
//!
//! Guarantees:
//! - Every block on a ready list is zero over its whole capacity: it was zero when handed out
//!   (fresh from `calloc` or from a ready list), only its store's first `len` bytes were ever
//!   reachable, and those were scrubbed before it was listed.
//! - The blocks held (ready, queued or being scrubbed) are not live stores: they left
//!   `process.memoryUsage().arrayBuffers`/`external` and the thread's budget when their store was
//!   released, as memory Node's allocator keeps after `free` does. Their total is bounded by
//!   [`HELD_LIMIT`] and reported by [`held`].
//! - Threads share the lists only through one mutex (and a condition variable to wake the
//!   scrubber).

use std::alloc::{self, Layout};
use std::collections::VecDeque;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};

/// The smallest store whose block is recycled: below it clearing costs less than a microsecond.
pub const RECYCLE_MIN: usize = 64 * 1024;

/// Stores below this size (and below the size from which zeroed stores are mapped fresh from the
/// kernel) are recycled. Larger blocks would hold too much memory each.
pub const RECYCLE_END: usize = 4 * 1024 * 1024;

/// The most bytes the ready lists and the scrub queue hold together; a release past it frees its
/// block (after the lists' largest class gives one up, when that makes room).
pub const HELD_LIMIT: usize = 16 * 1024 * 1024;

/// Blocks of at least this many bytes are scrubbed by the background thread (when it is enabled,
/// see [`scrub_on_thread_from`]); smaller ones by the thread that releases them.
pub const THREAD_SCRUB_MIN: usize = 256 * 1024;

/// How long an allocation waits for the block the scrubber is finishing before it clears a
/// fresh one itself (a descheduled scrubber must not stall it).
const SCRUBBER_WAIT: std::time::Duration = std::time::Duration::from_micros(100);

/// Size classes per doubling: a store is given a block of its size rounded up to the next of 8
/// steps per power of two (at most 12.5% unused).
const STEPS: usize = 8;
const MIN_LOG2: u32 = RECYCLE_MIN.trailing_zeros();
/// Classes from RECYCLE_MIN up to and including RECYCLE_END itself.
const CLASSES: usize = (RECYCLE_END.trailing_zeros() - MIN_LOG2) as usize * STEPS + 1;

/// The unit of scrubbing: a chunk found non-zero is cleared whole.
const SCRUB_CHUNK: usize = 4096;

/// What the recycled blocks hold now (a nodebuf statistic; `require('nodebuf:retention')
/// .readyBlocks()` from JS). Not part of `process.memoryUsage()`: like memory Node's allocator
/// keeps after a `free`, it backs no live buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Held {
    /// Bytes of zeroed blocks waiting on the ready lists.
    pub ready_bytes: usize,
    /// How many blocks that is.
    pub ready_blocks: usize,
    /// Bytes of released blocks queued for (or being) scrubbed by the background thread.
    pub queued_bytes: usize,
    /// The bound on `ready_bytes + queued_bytes` ([`HELD_LIMIT`]).
    pub limit: usize,
}

/// The blocks recycled now (see [`Held`]).
pub fn held() -> Held {
    let lists = lock();
    Held {
        ready_bytes: lists.ready_bytes,
        ready_blocks: lists.ready.iter().map(Vec::len).sum(),
        queued_bytes: lists.held_bytes - lists.ready_bytes,
        limit: HELD_LIMIT,
    }
}

/// Frees every block on the ready lists (queued blocks stay until scrubbed) and returns how
/// many bytes that gave back to the allocator.
pub fn release_ready() -> usize {
    let blocks: Vec<Block> = {
        let mut lists = lock();
        let blocks: Vec<Block> = lists.ready.iter_mut().flat_map(std::mem::take).collect();
        let bytes: usize = blocks.iter().map(|b| b.cap).sum();
        lists.ready_bytes -= bytes;
        lists.held_bytes -= bytes;
        blocks
    };
    blocks.into_iter().map(Block::free).sum()
}

/// The capacity (and class index) of the block a zeroed store of `len` bytes gets, or `None`
/// when stores of that size are not recycled.
pub(crate) fn class_of(len: usize) -> Option<(usize, usize)> {
    if !(RECYCLE_MIN..RECYCLE_END).contains(&len) {
        return None;
    }
    let step = 1usize << (usize::BITS - 1 - len.leading_zeros() - STEPS.trailing_zeros());
    let cap = len.div_ceil(step) * step;
    let log2 = usize::BITS - 1 - cap.leading_zeros();
    let index =
        (log2 - MIN_LOG2) as usize * STEPS + (cap >> (log2 - STEPS.trailing_zeros())) - STEPS;
    Some((index, cap))
}

/// The layout of a block of capacity `cap`.
pub(crate) fn layout(cap: usize) -> Layout {
    // Classes are multiples of 8 KiB below 4 MiB, so this never fails.
    super::raw::store_layout(cap).expect("a size class is a valid layout")
}

/// A zeroed block of class `index` (capacity `cap`), from a ready list or, when the background
/// thread is behind, scrubbed here from its queue. `None`: the caller allocates one.
pub(crate) fn take(index: usize, cap: usize) -> Option<NonNull<u8>> {
    let mut lists = lock();
    if let Some(block) = lists.ready[index].pop() {
        lists.ready_bytes -= cap;
        lists.held_bytes -= cap;
        return Some(block.ptr);
    }
    let Some(queued) = lists.queue.iter().position(|b| b.cap == cap) else {
        // The scrubber may be finishing a block of this class: worth a short wait (a block
        // takes it 1-25 us), not a fresh block cleared here.
        if lists.scrubbing != Some(index) {
            return None;
        }
        lists.waiting += 1;
        let (mut lists, _) = done()
            .wait_timeout_while(lists, SCRUBBER_WAIT, |l| {
                l.ready[index].is_empty() && l.scrubbing == Some(index)
            })
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        lists.waiting -= 1;
        let block = lists.ready[index].pop()?;
        lists.ready_bytes -= cap;
        lists.held_bytes -= cap;
        return Some(block.ptr);
    };
    let block = lists.queue.remove(queued)?;
    lists.held_bytes -= cap;
    drop(lists);
    // SAFETY: the block left the queue, so this thread alone owns it; its first `dirty` bytes
    // are initialized heap memory inside its capacity.
    unsafe { scrub(block.ptr.as_ptr(), block.dirty) };
    Some(block.ptr)
}

/// Takes back the block of a released store: `cap` bytes at `ptr` (class `index`), of which only
/// the first `dirty` can have been written since it was zero. Returns `false` (the caller frees
/// it) when the lists are full.
///
/// # Safety
/// `ptr` must be a live block allocated with [`layout`]`(cap)`, owned by the caller and given up
/// by this call when it returns `true`; bytes `dirty..cap` must be zero.
pub(crate) unsafe fn give(ptr: NonNull<u8>, index: usize, cap: usize, dirty: usize) -> bool {
    let block = Block {
        ptr,
        index,
        cap,
        dirty,
    };
    let mut evicted = Vec::new();
    let mut lists = lock();
    if !lists.make_room(cap, index, &mut evicted) {
        drop(lists);
        evicted.into_iter().for_each(|b| {
            b.free();
        });
        // The caller still owns the block.
        return false;
    }
    lists.held_bytes += cap;
    if scrub_on_thread_from().is_some_and(|from| cap >= from) && scrubber_started() {
        lists.queue.push_back(block);
        let idle = lists.scrubber_idle;
        drop(lists);
        if idle {
            wake().notify_one();
        }
    } else {
        drop(lists);
        // SAFETY: counted as held but on no list: only this thread can reach the block.
        unsafe { scrub(block.ptr.as_ptr(), block.dirty) };
        let mut lists = lock();
        lists.ready_bytes += cap;
        lists.ready[index].push(Block { dirty: 0, ..block });
    }
    evicted.into_iter().for_each(|b| {
        b.free();
    });
    true
}

/// A heap block held by the lists (its own struct so the pointer may cross threads).
#[derive(Debug)]
struct Block {
    ptr: NonNull<u8>,
    /// Its size class (the ready list it belongs on).
    index: usize,
    cap: usize,
    /// How many leading bytes may be non-zero (0 on a ready list).
    dirty: usize,
}

// SAFETY: a block is plain heap memory owned by whoever holds this value (a list under the
// mutex, or one thread that took it off); no other reference to it exists.
unsafe impl Send for Block {}

impl Block {
    /// Gives the block back to the heap; returns its capacity.
    fn free(self) -> usize {
        // SAFETY: every block was allocated with `layout(cap)` and is owned by this value.
        unsafe { alloc::dealloc(self.ptr.as_ptr(), layout(self.cap)) };
        self.cap
    }
}

#[derive(Debug)]
struct Lists {
    ready: Vec<Vec<Block>>,
    queue: VecDeque<Block>,
    ready_bytes: usize,
    /// Ready + queued + being scrubbed (by the thread or a releasing call).
    held_bytes: usize,
    scrubber_idle: bool,
    /// The class of the block the scrubber is working on, if any.
    scrubbing: Option<usize>,
    /// Allocating threads waiting for that block.
    waiting: usize,
}

impl Lists {
    /// Whether `cap` more bytes fit the bound, freeing ready blocks of other classes (the
    /// largest first: a program's sizes change) into `evicted` to make room.
    fn make_room(&mut self, cap: usize, index: usize, evicted: &mut Vec<Block>) -> bool {
        while self.held_bytes + cap > HELD_LIMIT {
            let largest = (0..CLASSES)
                .rev()
                .find(|&i| i != index && !self.ready[i].is_empty());
            let Some(victim) = largest.and_then(|i| self.ready[i].pop()) else {
                return false;
            };
            self.ready_bytes -= victim.cap;
            self.held_bytes -= victim.cap;
            evicted.push(victim);
        }
        true
    }
}

fn lists() -> &'static Mutex<Lists> {
    static LISTS: OnceLock<Mutex<Lists>> = OnceLock::new();
    LISTS.get_or_init(|| {
        Mutex::new(Lists {
            ready: (0..CLASSES).map(|_| Vec::new()).collect(),
            queue: VecDeque::new(),
            ready_bytes: 0,
            held_bytes: 0,
            scrubber_idle: false,
            scrubbing: None,
            waiting: 0,
        })
    })
}

fn lock() -> MutexGuard<'static, Lists> {
    // A panic while the lock is held cannot leave a list inconsistent (every update is a push or
    // pop plus its counters, none of which panics), so a poisoned lock is still usable.
    lists()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Signalled when the scrubber lists a block while an allocating thread waits for one.
fn done() -> &'static Condvar {
    static DONE: Condvar = Condvar::new();
    &DONE
}

fn wake() -> &'static Condvar {
    static WAKE: Condvar = Condvar::new();
    &WAKE
}

/// No block is scrubbed by the background thread (see [`scrub_on_thread_from`]).
const THREAD_OFF: usize = usize::MAX;
/// Not yet read from the environment.
const THREAD_UNSET: usize = usize::MAX - 1;
static THREAD_FROM: AtomicUsize = AtomicUsize::new(THREAD_UNSET);

/// The smallest block handed to the background scrubber, or `None` (the default) when
/// releasing threads scrub every block themselves. Set by [`set_scrub_on_thread_from`], else
/// read once from `NODEBUF_SCRUBBER`: `thread` ([`THREAD_SCRUB_MIN`]), a byte count, or `off`.
pub fn scrub_on_thread_from() -> Option<usize> {
    let mut from = THREAD_FROM.load(Ordering::Relaxed);
    if from == THREAD_UNSET {
        from = match std::env::var("NODEBUF_SCRUBBER").ok().as_deref() {
            Some("thread") => THREAD_SCRUB_MIN,
            Some(n) => n.parse().unwrap_or(THREAD_OFF).max(RECYCLE_MIN),
            None => THREAD_OFF,
        };
        // A concurrent `set_scrub_on_thread_from` wins over the environment.
        from = match THREAD_FROM.compare_exchange(
            THREAD_UNSET,
            from,
            Ordering::Relaxed,
            Ordering::Relaxed,
        ) {
            Ok(_) => from,
            Err(set) => set,
        };
    }
    (from != THREAD_OFF).then_some(from)
}

/// Hands blocks of `from` bytes and more to the background scrubber (`None`: none), for the
/// whole process from now on. Blocks already queued are still scrubbed by the thread.
pub fn set_scrub_on_thread_from(from: Option<usize>) {
    THREAD_FROM.store(
        from.map_or(THREAD_OFF, |n| n.clamp(RECYCLE_MIN, THREAD_UNSET - 1)),
        Ordering::Relaxed,
    );
}

/// Whether queued blocks have a scrubber: starts it on first use; `false` when the thread
/// cannot be created (releasing threads then scrub their own blocks).
fn scrubber_started() -> bool {
    static STARTED: OnceLock<bool> = OnceLock::new();
    *STARTED.get_or_init(|| {
        std::thread::Builder::new()
            .name("nodebuf-scrub".into())
            .spawn(scrubber)
            .is_ok()
    })
}

/// The background thread: scrubs queued blocks onto the ready lists, sleeping while the queue
/// is empty.
fn scrubber() {
    let mut lists = lock();
    loop {
        lists.scrubbing = None;
        let Some(block) = lists.queue.pop_front() else {
            lists.scrubber_idle = true;
            lists = wake()
                .wait(lists)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            lists.scrubber_idle = false;
            continue;
        };
        lists.scrubbing = Some(block.index);
        drop(lists);
        // SAFETY: off the queue, the block is this thread's alone; its first `dirty` bytes lie
        // inside its capacity.
        unsafe { scrub(block.ptr.as_ptr(), block.dirty) };
        lists = lock();
        lists.ready_bytes += block.cap;
        lists.ready[block.index].push(Block { dirty: 0, ..block });
        if lists.waiting > 0 {
            done().notify_all();
        }
    }
}

/// Makes the first `len` bytes at `ptr` zero, clearing only the [`SCRUB_CHUNK`]s that are not.
///
/// # Safety
/// `ptr..ptr + len` must be initialized memory that no one else reads or writes during the call.
pub(crate) unsafe fn scrub(ptr: *mut u8, len: usize) {
    #[cfg(target_arch = "x86_64")]
    if len >= WIDE_SCAN_MIN
        && std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512bw")
    {
        // SAFETY: the CPU has AVX-512 F and BW (checked); the caller's contract covers the
        // memory.
        return unsafe { scrub_avx512(ptr, len) };
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2 (checked); the caller's contract covers the memory.
        return unsafe { scrub_avx2(ptr, len) };
    }
    // SAFETY: the caller's contract.
    unsafe { scrub_portable(ptr, len) }
}

/// [`scrub`] compiled for AVX-512: 64 bytes per OR. Scanning a clean block here: 1 MiB in
/// 7.3-8.4 us against AVX2's 9.7-10.5, but 64 KiB in 0.92-1.01 us against 0.66 (hence
/// [`WIDE_SCAN_MIN`]).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw")]
unsafe fn scrub_avx512(ptr: *mut u8, len: usize) {
    // SAFETY: the caller's contract.
    unsafe { scrub_portable(ptr, len) }
}

/// Blocks from this size are scanned with AVX-512 where the CPU has it (see [`scrub_avx512`]).
#[cfg(target_arch = "x86_64")]
const WIDE_SCAN_MIN: usize = 256 * 1024;

/// [`scrub`] compiled for AVX2: the OR-reduction runs 32 bytes per instruction.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn scrub_avx2(ptr: *mut u8, len: usize) {
    // SAFETY: the caller's contract.
    unsafe { scrub_portable(ptr, len) }
}

/// [`scrub`] for any CPU: each run of non-zero chunks is cleared by one `write_bytes` (a block
/// written in full is cleared at `memset` speed, not in 4 KiB calls, which measured 2x slower).
#[inline(always)]
unsafe fn scrub_portable(ptr: *mut u8, len: usize) {
    let chunk_is_zero = |at: usize| {
        // SAFETY: `at < len`, so the chunk lies inside the caller's range, which no one else
        // touches; the shared slice ends before any write below.
        is_zero(unsafe { std::slice::from_raw_parts(ptr.add(at), SCRUB_CHUNK.min(len - at)) })
    };
    let mut at = 0;
    while at < len {
        if chunk_is_zero(at) {
            at += SCRUB_CHUNK;
            continue;
        }
        let start = at;
        while at < len && !chunk_is_zero(at) {
            at += SCRUB_CHUNK;
        }
        // SAFETY: `start..min(at, len)` is inside the caller's range, written through the raw
        // pointer only.
        unsafe { std::ptr::write_bytes(ptr.add(start), 0, at.min(len) - start) };
    }
}

/// Whether every byte is zero: OR-reduces 256 bytes at a time into four words (which the
/// compiler turns into vector ORs), stopping after the first block that is not zero.
#[inline(always)]
fn is_zero(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(256);
    for block in &mut blocks {
        let mut acc = [0u64; 4];
        for (i, word) in block.chunks_exact(8).enumerate() {
            acc[i & 3] |= u64::from_ne_bytes(word.try_into().unwrap_or([1; 8]));
        }
        if acc[0] | acc[1] | acc[2] | acc[3] != 0 {
            return false;
        }
    }
    blocks.remainder().iter().all(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_round_up_by_at_most_an_eighth_and_are_distinct() {
        assert_eq!(class_of(RECYCLE_MIN - 1), None);
        assert_eq!(class_of(RECYCLE_END), None);
        assert_eq!(class_of(RECYCLE_MIN), Some((0, RECYCLE_MIN)));
        assert_eq!(class_of(RECYCLE_MIN + 1), Some((1, RECYCLE_MIN + 8192)));
        assert_eq!(class_of(RECYCLE_END - 1), Some((CLASSES - 1, RECYCLE_END)));
        let mut last = (0, 0);
        for len in (RECYCLE_MIN..RECYCLE_END).step_by(999) {
            let (index, cap) = class_of(len).unwrap();
            assert!(cap >= len && cap - len <= len / 8, "{len} -> {cap}");
            assert_eq!(cap % 8192, 0);
            assert!(index < CLASSES);
            // Classes grow with the size and one index is one capacity.
            assert!(index > last.0 || (index == last.0 && cap == last.1) || last == (0, 0));
            last = (index, cap);
        }
    }

    #[test]
    fn scrub_clears_exactly_what_is_written() {
        // Below and above the size scanned with AVX-512 (where the CPU has it).
        for len in [3 * SCRUB_CHUNK + 100, 256 * 1024 + 3 * SCRUB_CHUNK + 100] {
            let mut bytes = vec![0u8; len + 16];
            let tail = len - 3 * SCRUB_CHUNK - 100;
            for at in [
                1,
                255,
                256,
                SCRUB_CHUNK - 1,
                2 * SCRUB_CHUNK + 7,
                tail,
                len - 1,
            ] {
                bytes[at] = 0x5a;
            }
            bytes[len] = 0x77; // past the scrubbed range: kept
                               // SAFETY: a live vector, used by nothing else during the call.
            unsafe { scrub(bytes.as_mut_ptr(), len) };
            assert!(bytes[..len].iter().all(|&b| b == 0), "{len}");
            assert_eq!(bytes[len], 0x77);
            assert!(is_zero(&bytes[..len]));
        }
    }
}
