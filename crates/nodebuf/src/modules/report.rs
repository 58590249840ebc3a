//! Native half of `process.report`: the facts of a diagnostic report that only the system has
//! (the C library's version, resource usage of the process and of this thread, the resource
//! limits, the loaded shared objects). The JS half (`process/report.js`) lays them out as Node's
//! report sections.

use rquickjs::{Ctx, Function, Object, Result};

/// The running C library's version (glibc's `gnu_get_libc_version`).
fn glibc_version() -> String {
    // SAFETY: returns a pointer to a static NUL-terminated string.
    let text = unsafe { std::ffi::CStr::from_ptr(libc::gnu_get_libc_version()) };
    text.to_string_lossy().into_owned()
}

/// getrusage(`who`) as `[userSeconds, systemSeconds, maxRssKiB, minorFaults, majorFaults,
/// blockReads, blockWrites]`; `thread` asks for this thread only.
fn rusage(thread: bool) -> Vec<f64> {
    // SAFETY: rusage is plain integers; zeroed is a valid value for getrusage to overwrite.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let who = if thread {
        libc::RUSAGE_THREAD
    } else {
        libc::RUSAGE_SELF
    };
    // SAFETY: `usage` is a live rusage the call writes into.
    if unsafe { libc::getrusage(who, &mut usage) } != 0 {
        return vec![0.0; 7];
    }
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    vec![
        seconds(usage.ru_utime),
        seconds(usage.ru_stime),
        usage.ru_maxrss as f64,
        usage.ru_minflt as f64,
        usage.ru_majflt as f64,
        usage.ru_inblock as f64,
        usage.ru_oublock as f64,
    ]
}

/// The resource limits a report lists, in its order, as `[soft, hard]` (-1: unlimited).
fn rlimits() -> Vec<Vec<f64>> {
    let resources = [
        libc::RLIMIT_CORE,
        libc::RLIMIT_DATA,
        libc::RLIMIT_FSIZE,
        libc::RLIMIT_MEMLOCK,
        libc::RLIMIT_RSS,
        libc::RLIMIT_NOFILE,
        libc::RLIMIT_STACK,
        libc::RLIMIT_CPU,
        libc::RLIMIT_NPROC,
        libc::RLIMIT_AS,
    ];
    let value = |v: libc::rlim_t| {
        if v == libc::RLIM_INFINITY {
            -1.0
        } else {
            v as f64
        }
    };
    resources
        .iter()
        .map(|&resource| {
            let mut limit = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            // SAFETY: `limit` is a live rlimit the call writes into.
            if unsafe { libc::getrlimit(resource, &mut limit) } != 0 {
                return vec![0.0, 0.0];
            }
            vec![value(limit.rlim_cur), value(limit.rlim_max)]
        })
        .collect()
}

/// The shared objects loaded, as the dynamic linker lists them (the executable, which has no
/// name there, left out).
fn shared_objects() -> Vec<String> {
    unsafe extern "C" fn collect(
        info: *mut libc::dl_phdr_info,
        _size: libc::size_t,
        data: *mut libc::c_void,
    ) -> libc::c_int {
        // SAFETY: `data` is the Vec passed to dl_iterate_phdr below, alive for the whole call;
        // `info` is the linker's entry for this callback.
        let (names, info) = unsafe { (&mut *(data as *mut Vec<String>), &*info) };
        if !info.dlpi_name.is_null() {
            // SAFETY: dlpi_name is a NUL-terminated string the linker keeps for the callback.
            let name = unsafe { std::ffi::CStr::from_ptr(info.dlpi_name) };
            if !name.to_bytes().is_empty() {
                names.push(name.to_string_lossy().into_owned());
            }
        }
        0
    }
    let mut names: Vec<String> = Vec::new();
    // SAFETY: `collect` only touches `names` through the pointer given, during the call.
    unsafe { libc::dl_iterate_phdr(Some(collect), &mut names as *mut Vec<String> as *mut _) };
    names
}

/// Adds `native.report` to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let report = Object::new(ctx.clone())?;
    report.set("glibcVersion", Function::new(ctx.clone(), glibc_version)?)?;
    report.set("rusage", Function::new(ctx.clone(), rusage)?)?;
    report.set("rlimits", Function::new(ctx.clone(), rlimits)?)?;
    report.set("sharedObjects", Function::new(ctx.clone(), shared_objects)?)?;
    native.set("report", report)?;
    Ok(())
}
