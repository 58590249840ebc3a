//! The local time zone's long name at an instant, as V8 ends `Date.prototype.toString` and
//! `toTimeString` with it ("Thu Jan 01 1970 01:00:00 GMT+0100 (Central European Standard
//! Time)"): the engine asks through engine patch 0082's hook, answered here with ICU4X's
//! `zzzz` name in en-US for the process's zone (`TZ`, else `/etc/localtime`) and the C
//! library's offset at that instant, the same pair `Intl.DateTimeFormat` uses.

use std::ffi::c_char;

use super::{date, locale};

type ZoneNameFunc = unsafe extern "C" fn(epoch_ms: f64, buf: *mut c_char, size: usize) -> usize;

extern "C" {
    /// Engine patch 0082: the function Date's toString asks for the zone's name.
    fn JS_SetDateZoneNameFunc(func: Option<ZoneNameFunc>);
}

/// The long name of the process's zone at `epoch_ms`, or `None` when ICU4X has none. (Not
/// cached by offset: one offset can be a zone's standard time in one period and its summer
/// time in another; the formatter itself is cached.)
pub fn local_zone_long_name(epoch_ms: i64) -> Option<String> {
    let zone = locale::local_zone();
    let zone = date::canonical_zone(zone.clone()).unwrap_or(zone);
    let offset = date::local_offset_seconds(epoch_ms);
    let en = locale::parse("en-US").ok()?;
    let parts = date::format(
        &en,
        epoch_ms,
        &zone,
        offset,
        &date::Layout::Skeleton("yMdzzzz"),
    )
    .ok()?;
    parts
        .into_iter()
        .find(|(kind, _)| kind == "timeZoneName")
        .map(|(_, name)| name)
}

/// The engine's hook: writes the name's bytes (at most `size`) and returns their count.
unsafe extern "C" fn zone_name(epoch_ms: f64, buf: *mut c_char, size: usize) -> usize {
    if !epoch_ms.is_finite() || buf.is_null() {
        return 0;
    }
    // A panic must not unwind into C: no name then.
    let name = std::panic::catch_unwind(|| local_zone_long_name(epoch_ms as i64))
        .ok()
        .flatten();
    let Some(name) = name else { return 0 };
    let bytes = name.as_bytes();
    if bytes.len() > size {
        return 0;
    }
    // SAFETY: the engine gives `size` writable bytes at `buf`; we write `bytes.len() <= size`.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), buf.cast::<u8>(), bytes.len()) };
    bytes.len()
}

/// Installs the hook (process-wide; the same for every runtime and thread).
pub fn install_hook() {
    // SAFETY: a plain function pointer, valid for the whole process.
    unsafe { JS_SetDateZoneNameFunc(Some(zone_name)) };
}
