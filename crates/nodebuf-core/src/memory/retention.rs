//! The retention report: which stores are alive, who keeps them alive, and which are pinned by a
//! few small views (the classic leak: a 10-byte slice keeping a 50 MiB parent alive, which Node's
//! `process.memoryUsage()` shows only as a number).
//!
//! Bookkeeping is cheap enough to leave on. Each store carries a `StoreRecord` of relaxed
//! atomic counters (handles, views, bytes covered by views, views per creation site). A store and
//! all its views live on one thread (handles are `!Send`), so only that thread ever writes a
//! record: a view update is a few plain loads and stores, with no lock and no read-modify-write.
//! Other threads only read, under the registry lock, so a report can be taken anywhere; while the
//! owning thread is busy its numbers are a moment's snapshot, not a transaction.
//!
//! The registry (a table of pointers to the live records; each record knows its row, so adding
//! is a push and removing a swap with the last row) is locked once when a store is created and
//! once when it is freed, and while a report is taken. Freed records' allocations are kept in a
//! small per-thread spare list and reused by the thread's next stores: small Buffers are made
//! and dropped by the million, and a `malloc`/`free` pair per store cost more than the
//! registry itself.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::mem::MaybeUninit;
use std::num::NonZeroUsize;
use std::panic::Location;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// Where a view or store was made: a source location (`#[track_caller]` constructors record
/// their caller) or a label set by a higher layer (the JS face can name its own call sites).
///
/// Cheap to copy and compare; labels are interned once, so make a label [`Site`] once and reuse it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Site(NonZeroUsize);

/// An interned label; boxed so its address is aligned and the low bit can tag it.
struct Label(Box<str>);

const LABEL_TAG: usize = 1;

impl Site {
    /// The location of the caller of the `#[track_caller]` function that calls this.
    #[track_caller]
    pub fn caller() -> Site {
        Site::from_location(Location::caller())
    }

    /// The site of a given source location.
    pub fn from_location(location: &'static Location<'static>) -> Site {
        let addr = location as *const Location<'static> as usize;
        // References are never null; `Location` is at least 4-aligned, so the low bit is free.
        Site(NonZeroUsize::new(addr).unwrap_or(NonZeroUsize::MIN))
    }

    /// A site named by `text` (interned: the same text gives the same site). Interning takes a
    /// global lock, so make the site once per call site and keep it.
    pub fn label(text: &str) -> Site {
        static LABELS: OnceLock<Mutex<HashMap<Box<str>, &'static Label>>> = OnceLock::new();
        let mut labels = lock(LABELS.get_or_init(Default::default));
        let label: &'static Label = match labels.get(text) {
            Some(label) => label,
            None => {
                // Labels are few (one per call site) and live for the process: leaking them
                // gives `Site` a plain `'static` address.
                let label: &'static Label = Box::leak(Box::new(Label(text.into())));
                labels.insert(text.into(), label);
                label
            }
        };
        let addr = label as *const Label as usize | LABEL_TAG;
        Site(NonZeroUsize::new(addr).unwrap_or(NonZeroUsize::MIN))
    }

    fn raw(self) -> usize {
        self.0.get()
    }

    fn from_raw(raw: usize) -> Option<Site> {
        NonZeroUsize::new(raw).map(Site)
    }

    /// The site as text: `file:line:column` or the label.
    pub fn describe(self) -> String {
        let raw = self.raw();
        if raw & LABEL_TAG == LABEL_TAG {
            // SAFETY: tagged values are made only by `Site::label` from a leaked `&'static Label`.
            let label = unsafe { &*((raw & !LABEL_TAG) as *const Label) };
            label.0.to_string()
        } else {
            // SAFETY: untagged values are made only from `&'static Location<'static>`.
            let location = unsafe { &*(raw as *const Location<'static>) };
            location.to_string()
        }
    }
}

impl fmt::Debug for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Site({})", self.describe())
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

/// What a store was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreKind {
    /// A pool slab shared by small Buffers (Node's `allocPool`).
    Pool,
    /// A store made for one Buffer (`alloc`, `allocUnsafeSlow`, large `allocUnsafe`, ...).
    Buffer,
    /// A store made as an ArrayBuffer (`new ArrayBuffer(n)`).
    ArrayBuffer,
    /// A SharedArrayBuffer store, whose handles may live on any thread.
    Shared,
}

impl StoreKind {
    fn name(self) -> &'static str {
        match self {
            StoreKind::Pool => "pool",
            StoreKind::Buffer => "buffer",
            StoreKind::ArrayBuffer => "arraybuffer",
            StoreKind::Shared => "shared",
        }
    }
}

/// How many distinct view sites a store counts separately; views from further sites share one
/// "other sites" line.
pub const SITE_SLOTS: usize = 4;

/// Slot index meaning "counted under other sites".
pub(crate) const OTHER_SLOT: u8 = SITE_SLOTS as u8;

#[derive(Default)]
struct SiteCounter {
    site: AtomicUsize,
    views: AtomicUsize,
    bytes: AtomicUsize,
}

/// A store's counters. Written only by the thread that owns the store (see the module docs);
/// read by any thread under the registry lock.
pub(crate) struct StoreRecord {
    id: u64,
    len: usize,
    kind: StoreKind,
    created: Site,
    handles: AtomicUsize,
    engine_handles: AtomicUsize,
    views: AtomicUsize,
    view_bytes: AtomicUsize,
    label: OnceLock<Box<str>>,
    slots: [SiteCounter; SITE_SLOTS + 1],
    /// The record's row in the registry's table; read and written only under the registry lock.
    row: AtomicUsize,
}

/// Adds `delta` to a counter only this thread writes: a plain load and store, no locked
/// instruction. Sound because no other thread writes it; readers see either value.
fn bump(counter: &AtomicUsize, delta: usize) {
    counter.store(
        counter.load(Ordering::Relaxed).wrapping_add(delta),
        Ordering::Relaxed,
    );
}

fn drop_by(counter: &AtomicUsize, delta: usize) {
    counter.store(
        counter.load(Ordering::Relaxed).wrapping_sub(delta),
        Ordering::Relaxed,
    );
}

impl StoreRecord {
    pub(crate) fn new(len: usize, kind: StoreKind, created: Site) -> StoreRecord {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        StoreRecord {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            len,
            kind,
            created,
            handles: AtomicUsize::new(0),
            engine_handles: AtomicUsize::new(0),
            views: AtomicUsize::new(0),
            view_bytes: AtomicUsize::new(0),
            label: OnceLock::new(),
            slots: Default::default(),
            row: AtomicUsize::new(0),
        }
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    pub(crate) fn kind(&self) -> StoreKind {
        self.kind
    }

    pub(crate) fn set_label(&self, text: &str) -> bool {
        self.label.set(text.into()).is_ok()
    }

    /// Owner thread only.
    pub(crate) fn add_handle(&self) {
        bump(&self.handles, 1);
    }

    /// Owner thread only.
    pub(crate) fn remove_handle(&self) {
        drop_by(&self.handles, 1);
    }

    /// Any thread: a handle of a store whose handles are shared across threads
    /// (SharedArrayBuffer), counted with a locked add.
    pub(crate) fn add_shared_handle(&self) {
        self.handles.fetch_add(1, Ordering::Relaxed);
    }

    /// Any thread: the counterpart of [`StoreRecord::add_shared_handle`].
    pub(crate) fn remove_shared_handle(&self) {
        self.handles.fetch_sub(1, Ordering::Relaxed);
    }

    /// Owner thread only.
    pub(crate) fn add_engine_handle(&self) {
        bump(&self.engine_handles, 1);
    }

    /// Owner thread only.
    pub(crate) fn remove_engine_handle(&self) {
        drop_by(&self.engine_handles, 1);
    }

    /// Counts a new view of `len` bytes made at `site`; returns the slot to pass back on removal.
    /// Owner thread only.
    pub(crate) fn add_view(&self, len: usize, site: Site) -> u8 {
        bump(&self.views, 1);
        bump(&self.view_bytes, len);
        let slot = self.slot_for(site);
        self.add_to_slot(slot, len);
        slot
    }

    /// Counts another view in an existing view's slot (a clone). Owner thread only.
    pub(crate) fn add_view_in_slot(&self, len: usize, slot: u8) {
        bump(&self.views, 1);
        bump(&self.view_bytes, len);
        self.add_to_slot(slot, len);
    }

    /// Forgets a view counted by `add_view*`. Owner thread only.
    pub(crate) fn remove_view(&self, len: usize, slot: u8) {
        drop_by(&self.views, 1);
        drop_by(&self.view_bytes, len);
        if let Some(counter) = self.slots.get(slot as usize) {
            drop_by(&counter.views, 1);
            drop_by(&counter.bytes, len);
        }
    }

    /// The site a slot counts (None for the "other sites" slot or an unused one).
    pub(crate) fn slot_site(&self, slot: u8) -> Option<Site> {
        if slot >= OTHER_SLOT {
            return None;
        }
        let counter = self.slots.get(slot as usize)?;
        Site::from_raw(counter.site.load(Ordering::Relaxed))
    }

    fn add_to_slot(&self, slot: u8, len: usize) {
        if let Some(counter) = self.slots.get(slot as usize) {
            bump(&counter.views, 1);
            bump(&counter.bytes, len);
        }
    }

    fn slot_for(&self, site: Site) -> u8 {
        let mut free = None;
        for (i, counter) in self.slots[..SITE_SLOTS].iter().enumerate() {
            let current = counter.site.load(Ordering::Relaxed);
            if current == site.raw() {
                return i as u8;
            }
            if free.is_none() && (current == 0 || counter.views.load(Ordering::Relaxed) == 0) {
                free = Some(i);
            }
        }
        match free {
            // A slot with no live views may be retargeted: nothing still counted there can be
            // removed from it later (removals go to the slot recorded in the view).
            Some(i) => {
                self.slots[i].site.store(site.raw(), Ordering::Relaxed);
                i as u8
            }
            None => OTHER_SLOT,
        }
    }

    fn snapshot(&self, policy: &RetentionPolicy) -> StoreReport {
        let handles = self.handles.load(Ordering::Relaxed);
        let engine_handles = self.engine_handles.load(Ordering::Relaxed);
        let views = self.views.load(Ordering::Relaxed);
        let view_bytes = self.view_bytes.load(Ordering::Relaxed);
        let mut sites = Vec::new();
        for (i, counter) in self.slots.iter().enumerate() {
            let site_views = counter.views.load(Ordering::Relaxed);
            if site_views == 0 {
                continue;
            }
            let site = if i < SITE_SLOTS {
                Site::from_raw(counter.site.load(Ordering::Relaxed))
            } else {
                None
            };
            sites.push(SiteReport {
                site: site.map(Site::describe),
                views: site_views,
                bytes: counter.bytes.load(Ordering::Relaxed),
            });
        }
        let pinned_by_small_views = handles == 0
            && views > 0
            && self.len >= policy.min_store_bytes
            && (view_bytes.min(self.len) as f64) < self.len as f64 * policy.max_covered_share;
        StoreReport {
            id: self.id,
            kind: self.kind,
            bytes: self.len,
            created_at: self.created.describe(),
            label: self.label.get().map(|l| l.to_string()),
            handles,
            engine_handles,
            views,
            view_bytes,
            sites,
            pinned_by_small_views,
        }
    }
}

/// A pointer to the (separately boxed) record of a live store. The store removes it from the
/// registry, under the lock, before freeing the record, so any pointer read under the lock is
/// valid; and only shared references to a record are ever made.
struct RecordPtr(*const StoreRecord);

// SAFETY: `StoreRecord` is `Sync` (asserted below): every field another thread reads is
// immutable after registration or an atomic/OnceLock. The pointer is dereferenced only while the
// registry lock is held (see above).
unsafe impl Send for RecordPtr {}

const _: () = {
    const fn sync<T: Sync>() {}
    sync::<StoreRecord>();
};

/// The live records, in no order: a record's `row` is its index here.
type Registry = Vec<RecordPtr>;

fn registry() -> MutexGuard<'static, Registry> {
    static REGISTRY: Mutex<Registry> = Mutex::new(Vec::new());
    lock(&REGISTRY)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves the table consistent (each operation completes its
    // writes before anything can panic), so a poisoned lock is still usable.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Adds a record to the registry.
///
/// # Safety
/// `record` must stay valid at this address, and no `&mut` to it may be made, until
/// [`unregister`] has been called with it.
pub(crate) unsafe fn register(record: &StoreRecord) {
    let mut rows = registry();
    record.row.store(rows.len(), Ordering::Relaxed);
    rows.push(RecordPtr(record));
}

/// Removes a record from the registry; after this returns no report can reach it.
pub(crate) fn unregister(record: &StoreRecord) {
    let mut rows = registry();
    let row = record.row.load(Ordering::Relaxed);
    debug_assert!(rows.get(row).is_some_and(|r| std::ptr::eq(r.0, record)));
    rows.swap_remove(row);
    if let Some(moved) = rows.get(row) {
        // SAFETY: a registered record, valid while the lock is held (see `RecordPtr`).
        unsafe { &*moved.0 }.row.store(row, Ordering::Relaxed);
    }
}

/// How many freed record allocations a thread keeps for its next stores.
const SPARE_RECORDS: usize = 64;

thread_local! {
    /// Allocations of this thread's freed records (contents already dropped), reused by
    /// [`Registration::new`]. Boxed: each one becomes a record whose address must not change.
    #[allow(clippy::vec_box)]
    static SPARE: RefCell<Vec<Box<MaybeUninit<StoreRecord>>>> = const { RefCell::new(Vec::new()) };
}

/// A store's retention record, registered for as long as this owner lives: made and registered
/// by [`Registration::new`], unregistered and then freed on drop. The record lives in its own
/// allocation (never moved, never behind `&mut`) because other threads read it through the
/// registry while the owning store may be in its `Drop`.
pub(crate) struct Registration {
    record: NonNull<StoreRecord>,
}

impl Registration {
    /// Registers a new record for a store of `len` bytes of `kind`, created at `created`.
    pub(crate) fn new(len: usize, kind: StoreKind, created: Site) -> Registration {
        let spare = SPARE
            .try_with(|spare| spare.borrow_mut().pop())
            .ok()
            .flatten();
        let mut slot = spare.unwrap_or_else(Box::new_uninit);
        slot.write(StoreRecord::new(len, kind, created));
        // SAFETY: written just above.
        let record = NonNull::from(Box::leak(unsafe { slot.assume_init() }));
        // SAFETY: the record stays at this address, behind shared references only, until
        // `Drop for Registration` unregisters it and only then frees it.
        unsafe { register(record.as_ref()) };
        Registration { record }
    }

    /// The record.
    pub(crate) fn record(&self) -> &StoreRecord {
        // SAFETY: valid from `new` until `drop` frees it; only shared references are made.
        unsafe { self.record.as_ref() }
    }
}

impl Drop for Registration {
    fn drop(&mut self) {
        unregister(self.record());
        // SAFETY: made by `Box::leak` in `new`; unregistered just now, so no report can reach
        // it any more, and this owner is going away: the contents are dropped once, here, and
        // the allocation is then owned as uninitialized memory of the same layout.
        let slot = unsafe {
            std::ptr::drop_in_place(self.record.as_ptr());
            Box::from_raw(self.record.as_ptr().cast::<MaybeUninit<StoreRecord>>())
        };
        // During thread exit the spare list may be gone: the allocation is then freed.
        let _ = SPARE.try_with(|spare| {
            let mut spare = spare.borrow_mut();
            if spare.len() < SPARE_RECORDS {
                spare.push(slot);
            }
        });
    }
}

/// Which stores the report flags as pinned by small views.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetentionPolicy {
    /// Stores smaller than this are never flagged (a pool slab pinned by one small Buffer is normal).
    pub min_store_bytes: usize,
    /// Flag when the bytes covered by views are less than this share of the store (0.0..=1.0).
    pub max_covered_share: f64,
}

impl Default for RetentionPolicy {
    /// Flag stores of at least 64 KiB, without handles, whose views cover under 10% of them.
    fn default() -> Self {
        RetentionPolicy {
            min_store_bytes: 64 * 1024,
            max_covered_share: 0.10,
        }
    }
}

/// Views of one store made at one site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteReport {
    /// `file:line:column` or a label; `None` for views from sites beyond the first
    /// [`SITE_SLOTS`] counted separately.
    pub site: Option<String>,
    /// Live views made there.
    pub views: usize,
    /// Sum of their lengths.
    pub bytes: usize,
}

/// One live store in a [`RetentionReport`].
#[derive(Debug, Clone, PartialEq)]
pub struct StoreReport {
    /// The store's id (unique in the process, never reused).
    pub id: u64,
    /// What the store was made for.
    pub kind: StoreKind,
    /// Its size in bytes (what `process.memoryUsage().arrayBuffers` counts for it).
    pub bytes: usize,
    /// Where the store was allocated.
    pub created_at: String,
    /// A label set with `ArrayBuffer::set_label`, if any.
    pub label: Option<String>,
    /// Live `ArrayBuffer` handles (including the one the pool holds for its current slab).
    pub handles: usize,
    /// Live `EngineSource`s: a JS engine's ArrayBuffer objects over the store. They are kept
    /// alive by the engine's own views, so they do not count as owners for the flag.
    pub engine_handles: usize,
    /// Live Buffer views.
    pub views: usize,
    /// Sum of the views' lengths (overlapping views count twice, so this may exceed `bytes`).
    pub view_bytes: usize,
    /// Views per creation site.
    pub sites: Vec<SiteReport>,
    /// True when nothing but views (and engine handles, which views keep alive) holds the store
    /// and the views cover a small share of it.
    pub pinned_by_small_views: bool,
}

/// Every live store at one moment, largest first.
#[derive(Debug, Clone, PartialEq)]
pub struct RetentionReport {
    /// The stores, sorted by size (largest first), then id.
    pub stores: Vec<StoreReport>,
}

impl RetentionReport {
    /// A report with the default [`RetentionPolicy`].
    pub fn take() -> RetentionReport {
        RetentionReport::take_with(&RetentionPolicy::default())
    }

    /// A report flagging stores by `policy`.
    pub fn take_with(policy: &RetentionPolicy) -> RetentionReport {
        let mut stores: Vec<StoreReport> = {
            let registry = registry();
            registry
                .iter()
                // SAFETY: see `RecordPtr`: the pointer is valid while the lock is held.
                .map(|ptr| unsafe { &*ptr.0 }.snapshot(policy))
                .collect()
        };
        stores.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.id.cmp(&b.id)));
        RetentionReport { stores }
    }

    /// Total bytes of all live stores.
    pub fn total_bytes(&self) -> usize {
        self.stores.iter().map(|s| s.bytes).sum()
    }

    /// The stores flagged as pinned by small views.
    pub fn flagged(&self) -> impl Iterator<Item = &StoreReport> {
        self.stores.iter().filter(|s| s.pinned_by_small_views)
    }

    /// The store with this id, if it is alive.
    pub fn store(&self, id: u64) -> Option<&StoreReport> {
        self.stores.iter().find(|s| s.id == id)
    }
}

/// How many stores `Display` lists besides the flagged ones.
const DISPLAY_LARGEST: usize = 10;

impl fmt::Display for RetentionReport {
    /// A readable account: totals, every flagged store with the sites of its views, then the
    /// largest other stores.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let flagged: Vec<&StoreReport> = self.flagged().collect();
        writeln!(
            f,
            "retention: {} live stores, {} bytes; {} pinned by small views",
            self.stores.len(),
            self.total_bytes(),
            flagged.len()
        )?;
        for store in &flagged {
            write!(f, "  PINNED ")?;
            write_store(f, store)?;
        }
        let others: Vec<&StoreReport> = self
            .stores
            .iter()
            .filter(|s| !s.pinned_by_small_views)
            .collect();
        for store in others.iter().take(DISPLAY_LARGEST) {
            write!(f, "  ")?;
            write_store(f, store)?;
        }
        if others.len() > DISPLAY_LARGEST {
            let rest = &others[DISPLAY_LARGEST..];
            writeln!(
                f,
                "  ... {} more stores, {} bytes",
                rest.len(),
                rest.iter().map(|s| s.bytes).sum::<usize>()
            )?;
        }
        Ok(())
    }
}

fn write_store(f: &mut fmt::Formatter<'_>, store: &StoreReport) -> fmt::Result {
    let share = if store.bytes == 0 {
        100.0
    } else {
        store.view_bytes.min(store.bytes) as f64 * 100.0 / store.bytes as f64
    };
    write!(
        f,
        "store #{} {} {} bytes (created at {}",
        store.id,
        store.kind.name(),
        store.bytes,
        store.created_at
    )?;
    if let Some(label) = &store.label {
        write!(f, ", label {label:?}")?;
    }
    write!(f, "): {} handles, ", store.handles)?;
    if store.engine_handles > 0 {
        write!(f, "{} engine handles, ", store.engine_handles)?;
    }
    writeln!(
        f,
        "{} views covering {} bytes ({share:.3}%)",
        store.views, store.view_bytes
    )?;
    for site in &store.sites {
        writeln!(
            f,
            "      {} views, {} bytes, made at {}",
            site.views,
            site.bytes,
            site.site.as_deref().unwrap_or("other sites")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_describe_locations_and_labels() {
        let here = Site::caller();
        assert!(here.describe().contains("retention.rs"));
        let a = Site::label("js:app.js:3");
        let b = Site::label("js:app.js:3");
        assert_eq!(a, b);
        assert_ne!(a, here);
        assert_eq!(a.describe(), "js:app.js:3");
    }

    #[test]
    fn slots_count_per_site_and_overflow_to_other() {
        let record = StoreRecord::new(1000, StoreKind::Buffer, Site::caller());
        let sites: Vec<Site> = (0..6).map(|i| Site::label(&format!("s{i}"))).collect();
        let slots: Vec<u8> = sites.iter().map(|&s| record.add_view(10, s)).collect();
        assert_eq!(&slots[..4], &[0, 1, 2, 3]);
        assert_eq!(&slots[4..], &[OTHER_SLOT, OTHER_SLOT]);
        assert_eq!(record.add_view(5, sites[1]), 1);
        let report = record.snapshot(&RetentionPolicy::default());
        assert_eq!(report.views, 7);
        assert_eq!(report.view_bytes, 65);
        assert_eq!(report.sites[1].views, 2);
        assert_eq!(report.sites[4].site, None);
        assert_eq!(report.sites[4].views, 2);
        // Emptying a slot lets a new site take it; removals use the recorded slot.
        record.remove_view(10, slots[0]);
        assert_eq!(record.add_view(1, sites[5]), 0);
        record.remove_view(10, OTHER_SLOT);
        let report = record.snapshot(&RetentionPolicy::default());
        assert_eq!(report.views, 6);
        assert_eq!(report.sites[0].site.as_deref(), Some("s5"));
    }
}
