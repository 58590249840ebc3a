//! The native half of the `v8` module: the engine's heap accounting for
//! `getHeapStatistics`/`getHeapSpaceStatistics`/`getHeapCodeStatistics`, and the number
//! `cachedDataVersionTag` returns. The wire format itself is JS (`v8/serializer.js`,
//! `v8/deserializer.js`): it walks JS values and calls the serializer's JS hooks in order.

use rquickjs::{qjs, Ctx, Function, Object, Result, Value};

/// V8's young generation on 64-bit hosts (3 semispaces of 16 MiB), which Node's
/// `heap_size_limit` adds to the old-space limit.
const YOUNG_GENERATION: f64 = 48.0 * 1024.0 * 1024.0;
/// V8's largest default old space on 64-bit hosts (4 GiB from 16 GiB of memory up).
const MAX_DEFAULT_OLD_SPACE: f64 = 4096.0 * 1024.0 * 1024.0;

/// The machine's memory in bytes (`MemTotal`), or 0 when /proc does not say.
fn physical_memory() -> f64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
            let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kib * 1024.0)
        })
        .unwrap_or(0.0)
}

/// The heap limit V8 would pick on this machine (a quarter of memory, at most 4 GiB of old
/// space, plus the young generation), used when the runtime has no memory limit of its own.
fn default_heap_limit() -> f64 {
    let old_space = (physical_memory() / 4.0).min(MAX_DEFAULT_OLD_SPACE);
    old_space + YOUNG_GENERATION
}

/// `native.v8.heapUsage()`: `{ total, peak, used, limit, bytecode, contexts }` from
/// `JS_ComputeMemoryUsage` (QuickJS keeps no peak: the current size stands for it).
fn heap_usage<'js>(ctx: Ctx<'js>) -> Result<Object<'js>> {
    // SAFETY: JSMemoryUsage is plain integers; zeroed is a valid value to be overwritten.
    let mut usage: qjs::JSMemoryUsage = unsafe { std::mem::zeroed() };
    // SAFETY: the runtime of our live context; JS_ComputeMemoryUsage only reads the heap.
    unsafe { qjs::JS_ComputeMemoryUsage(qjs::JS_GetRuntime(ctx.as_raw().as_ptr()), &mut usage) };
    let limit = if usage.malloc_limit > 0 && usage.malloc_limit < i64::MAX {
        usage.malloc_limit as f64
    } else {
        default_heap_limit()
    };
    let out = Object::new(ctx)?;
    out.set("total", usage.malloc_size as f64)?;
    out.set("peak", usage.malloc_size as f64)?;
    out.set("used", usage.memory_used_size as f64)?;
    out.set("limit", limit)?;
    out.set("bytecode", usage.js_func_code_size as f64)?;
    out.set("contexts", 1)?;
    Ok(out)
}

/// A 32-bit FNV-1a hash of the engine and nodebuf versions: stable for one build, different
/// across builds, as V8's tag is across V8 versions and flags.
fn version_tag() -> u32 {
    let identity = concat!("nodebuf ", env!("CARGO_PKG_VERSION"), " quickjs-ng");
    identity.bytes().fold(0x811c_9dc5u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// `native.v8.isPackedArray(array)`: whether every index below the array's length is a
/// plain data element (the engine's dense storage with no hole at the end), which is when
/// V8's serializer writes an array densely: holes and accessor elements make V8's arrays
/// holey or dictionary arrays, written sparse.
fn is_packed_array(value: Value<'_>) -> bool {
    // SAFETY: only whether there is a slice is kept, not the slice.
    unsafe { crate::host::engine::packed_array_elements(&value) }.is_some()
}

/// Adds `native.v8` (`heapUsage`, `isPackedArray`, `versionTag`) to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let v8 = Object::new(ctx.clone())?;
    v8.set("heapUsage", Function::new(ctx.clone(), heap_usage)?)?;
    v8.set(
        "isPackedArray",
        Function::new(ctx.clone(), is_packed_array)?,
    )?;
    v8.set("versionTag", version_tag())?;
    native.set("v8", v8)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_limit_is_at_most_four_gib_and_the_young_generation() {
        let limit = default_heap_limit();
        assert!(limit >= YOUNG_GENERATION);
        assert!(limit <= MAX_DEFAULT_OLD_SPACE + YOUNG_GENERATION);
    }

    #[test]
    fn the_version_tag_is_stable() {
        assert_eq!(version_tag(), version_tag());
        assert_ne!(version_tag(), 0);
    }
}
