//! Native half of `fs` for what describes and links files rather than their bytes: stat with
//! nanoseconds and birth time (`statx`, as libuv), statfs, links and symlinks, owners, times,
//! descriptor-level chmod/datasync, and directory entries with their kinds (`readdir` with
//! `withFileTypes`, `opendir`'s `Dir`). Errors are Node's (`fs::throw_io`); the JS half
//! (`fs.js`, `fs_stats.js`, `fs_dir.js`) validates arguments first, as Node's JS does.

use std::os::unix::ffi::OsStringExt;
use std::os::unix::fs::FileTypeExt;

use rquickjs::class::Trace;
use rquickjs::{Array, BigInt, Class, Ctx, Function, JsLifetime, Object, Result, Value};

use super::fs::throw_io;
use super::fs_path::FsPath;
use crate::bytes::wrap_bytes;

/// `Ok(())` for a system call's 0, the OS error otherwise.
fn check(rc: libc::c_int) -> std::io::Result<()> {
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// A target the way Node's stat calls name it: a path (stat/lstat) or a descriptor (fstat).
enum Target {
    Path(FsPath),
    Fd(i32),
}

impl Target {
    fn of<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> Result<Target> {
        // (A descriptor the JS half checked: any integral number, -0 included.)
        match value.as_number() {
            Some(fd) => Ok(Target::Fd(fd as i32)),
            None => Ok(Target::Path(FsPath::of(ctx, value)?)),
        }
    }

    /// The path as error messages show it.
    fn path(&self) -> Option<String> {
        match self {
            Target::Path(p) => Some(p.text()),
            Target::Fd(_) => None,
        }
    }
}

/// `statx(2)` of a path or descriptor, following the last symlink or not.
fn statx_of(target: &Target, follow: bool) -> std::io::Result<libc::statx> {
    // SAFETY: `statx` is plain old data; all-zero is a valid value for it.
    let mut out: libc::statx = unsafe { std::mem::zeroed() };
    let mask = libc::STATX_BASIC_STATS | libc::STATX_BTIME;
    let rc = match target {
        Target::Path(path) => {
            let c = path.c_string()?;
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `c` is a NUL-terminated path alive across the call; `out` is writable.
            unsafe { libc::statx(libc::AT_FDCWD, c.as_ptr(), flags, mask, &mut out) }
        }
        Target::Fd(fd) => {
            let empty = c"";
            // SAFETY: AT_EMPTY_PATH with an empty C string makes statx describe `fd` itself;
            // an invalid fd fails with EBADF.
            unsafe { libc::statx(*fd, empty.as_ptr(), libc::AT_EMPTY_PATH, mask, &mut out) }
        }
    };
    check(rc).map(|()| out)
}

/// The 18 numbers behind a Stats object, in Node's order: dev, mode, nlink, uid, gid, rdev,
/// blksize, ino, size, blocks, then seconds and nanoseconds of atime, mtime, ctime, birthtime
/// (birthtime is 0 where the file system keeps none, as libuv reports it).
fn stat_fields(s: &libc::statx) -> [i128; 18] {
    let dev = libc::makedev(s.stx_dev_major, s.stx_dev_minor);
    let rdev = libc::makedev(s.stx_rdev_major, s.stx_rdev_minor);
    let time = |t: &libc::statx_timestamp| (i128::from(t.tv_sec), i128::from(t.tv_nsec));
    let (a, an) = time(&s.stx_atime);
    let (m, mn) = time(&s.stx_mtime);
    let (c, cn) = time(&s.stx_ctime);
    let (b, bn) = if s.stx_mask & libc::STATX_BTIME != 0 {
        time(&s.stx_btime)
    } else {
        (0, 0)
    };
    [
        i128::from(dev),
        i128::from(s.stx_mode),
        i128::from(s.stx_nlink),
        i128::from(s.stx_uid),
        i128::from(s.stx_gid),
        i128::from(rdev),
        i128::from(s.stx_blksize),
        i128::from(s.stx_ino),
        i128::from(s.stx_size),
        i128::from(s.stx_blocks),
        a,
        an,
        m,
        mn,
        c,
        cn,
        b,
        bn,
    ]
}

/// A list of integers as JS numbers, or as BigInts for the `bigint: true` forms.
fn integers<'js>(ctx: &Ctx<'js>, values: &[i128], bigint: bool) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, &v) in values.iter().enumerate() {
        if bigint {
            // Every field fits an i64 (u64 values of stat come from 32/64-bit kernel fields
            // that no file system fills past i64).
            let v = i64::try_from(v).unwrap_or(i64::MAX);
            out.set(i, BigInt::from_i64(ctx.clone(), v)?)?;
        } else {
            out.set(i, v as f64)?;
        }
    }
    Ok(out)
}

/// `statRaw(pathOrFd, follow, throwIfMissing, bigint)`: the 18 fields ([`stat_fields`]), or
/// `undefined` for a missing path when `throwIfMissing` is false (Node's `throwIfNoEntry`).
fn stat_raw<'js>(
    ctx: Ctx<'js>,
    target: Value<'js>,
    follow: bool,
    throw_if_missing: bool,
    bigint: bool,
) -> Result<Value<'js>> {
    let target = Target::of(&ctx, &target)?;
    match statx_of(&target, follow) {
        Ok(s) => Ok(integers(&ctx, &stat_fields(&s), bigint)?.into_value()),
        Err(e) if !throw_if_missing && e.raw_os_error() == Some(libc::ENOENT) => {
            Ok(Value::new_undefined(ctx))
        }
        Err(e) => {
            let syscall = match (&target, follow) {
                (Target::Fd(_), _) => "fstat",
                (_, true) => "stat",
                (_, false) => "lstat",
            };
            Err(throw_io(&ctx, &e, syscall, target.path().as_deref(), None))
        }
    }
}

/// `statfs(path, bigint)`: type, bsize, blocks, bfree, bavail, files, ffree.
fn statfs<'js>(ctx: Ctx<'js>, path: FsPath, bigint: bool) -> Result<Array<'js>> {
    let fail = |e: std::io::Error| throw_io(&ctx, &e, "statfs", Some(&path.text()), None);
    let c = path.c_string().map_err(fail)?;
    // SAFETY: `statfs` is plain old data; all-zero is a valid value for it.
    let mut s: libc::statfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a NUL-terminated path alive across the call; `s` is writable.
    check(unsafe { libc::statfs(c.as_ptr(), &mut s) }).map_err(fail)?;
    let fields = [
        i128::from(s.f_type),
        i128::from(s.f_bsize),
        i128::from(s.f_blocks),
        i128::from(s.f_bfree),
        i128::from(s.f_bavail),
        i128::from(s.f_files),
        i128::from(s.f_ffree),
    ];
    integers(&ctx, &fields, bigint)
}

/// `link(existing, new)`: a hard link; errors name both paths.
fn link(ctx: Ctx<'_>, existing: FsPath, new: FsPath) -> Result<()> {
    std::fs::hard_link(&existing, &new)
        .map_err(|e| throw_io(&ctx, &e, "link", Some(&existing.text()), Some(&new.text())))
}

/// `symlink(target, path)`: `path` made a symbolic link holding `target` (any text).
fn symlink(ctx: Ctx<'_>, target: FsPath, path: FsPath) -> Result<()> {
    std::os::unix::fs::symlink(&target, &path).map_err(|e| {
        throw_io(
            &ctx,
            &e,
            "symlink",
            Some(&target.text()),
            Some(&path.text()),
        )
    })
}

/// `readlink(path)`: the link's contents as bytes (the JS half decodes them per `encoding`).
fn readlink<'js>(ctx: Ctx<'js>, path: FsPath) -> Result<Value<'js>> {
    let target = std::fs::read_link(&path)
        .map_err(|e| throw_io(&ctx, &e, "readlink", Some(&path.text()), None))?;
    wrap_bytes(&ctx, target.into_os_string().into_vec())
}

/// `chown(pathOrFd, uid, gid, follow)`: chown/lchown/fchown (-1 keeps an id, as the kernel's).
fn chown<'js>(ctx: Ctx<'js>, target: Value<'js>, uid: f64, gid: f64, follow: bool) -> Result<()> {
    let target = Target::of(&ctx, &target)?;
    // The JS half checked both are within -1..=u32::MAX; -1 wraps to the kernel's "unchanged".
    let (uid, gid) = (uid as i64 as libc::uid_t, gid as i64 as libc::gid_t);
    let (rc, syscall) = match &target {
        Target::Fd(fd) => {
            // SAFETY: an integer descriptor; an invalid one fails with EBADF.
            (unsafe { libc::fchown(*fd, uid, gid) }, "fchown")
        }
        Target::Path(path) => {
            let c = path
                .c_string()
                .map_err(|e| throw_io(&ctx, &e, "chown", Some(&path.text()), None))?;
            if follow {
                // SAFETY: `c` is a NUL-terminated path alive across the call.
                (unsafe { libc::chown(c.as_ptr(), uid, gid) }, "chown")
            } else {
                // SAFETY: as above.
                (unsafe { libc::lchown(c.as_ptr(), uid, gid) }, "lchown")
            }
        }
    };
    check(rc).map_err(|e| throw_io(&ctx, &e, syscall, target.path().as_deref(), None))
}

/// A time in seconds (what Node's `toUnixTimestamp` makes) as libuv hands it to the kernel:
/// the nanoseconds cut to whole microseconds (libuv keeps the precision of the platforms that
/// have only microseconds), borrowing a second when the rest is negative. NaN (an invalid
/// Date) gets nanoseconds the kernel refuses (EINVAL, as Node reports it).
fn timespec(seconds: f64) -> libc::timespec {
    if !seconds.is_finite() {
        return libc::timespec {
            tv_sec: 0,
            tv_nsec: -1,
        };
    }
    let mut sec = seconds as libc::time_t;
    let mut nsec = ((seconds - sec as f64) * 1e9) as libc::c_long;
    nsec -= nsec % 1000;
    if nsec < 0 {
        nsec += 1_000_000_000;
        sec -= 1;
    }
    libc::timespec {
        tv_sec: sec,
        tv_nsec: nsec,
    }
}

/// `utimes(pathOrFd, atime, mtime, follow)` in seconds: utimes/lutimes/futimes.
fn utimes<'js>(
    ctx: Ctx<'js>,
    target: Value<'js>,
    atime: f64,
    mtime: f64,
    follow: bool,
) -> Result<()> {
    let target = Target::of(&ctx, &target)?;
    let times = [timespec(atime), timespec(mtime)];
    let (rc, syscall) = match &target {
        // SAFETY: `times` holds two timespecs, as futimens reads; a bad fd fails with EBADF.
        Target::Fd(fd) => (unsafe { libc::futimens(*fd, times.as_ptr()) }, "futime"),
        Target::Path(path) => {
            let syscall = if follow { "utime" } else { "lutime" };
            let c = path
                .c_string()
                .map_err(|e| throw_io(&ctx, &e, syscall, Some(&path.text()), None))?;
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `c` is a NUL-terminated path alive across the call; `times` two timespecs.
            let rc = unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), flags) };
            (rc, syscall)
        }
    };
    check(rc).map_err(|e| throw_io(&ctx, &e, syscall, target.path().as_deref(), None))
}

/// `fchmod(fd, mode)`.
fn fchmod(ctx: Ctx<'_>, fd: i32, mode: u32) -> Result<()> {
    // SAFETY: an integer descriptor; an invalid one fails with EBADF.
    check(unsafe { libc::fchmod(fd, mode as libc::mode_t) })
        .map_err(|e| throw_io(&ctx, &e, "fchmod", None, None))
}

/// `fdatasync(fd)`.
fn fdatasync(ctx: Ctx<'_>, fd: i32) -> Result<()> {
    // SAFETY: an integer descriptor; an invalid one fails with EBADF.
    check(unsafe { libc::fdatasync(fd) }).map_err(|e| throw_io(&ctx, &e, "fdatasync", None, None))
}

/// `mkdtemp(prefix)`: a new directory named `prefix` and six random characters (mode 0700,
/// by the C library's mkdtemp, as libuv); its path as bytes. Errors name `prefixXXXXXX`.
fn mkdtemp<'js>(ctx: Ctx<'js>, prefix: FsPath) -> Result<Value<'js>> {
    let template = prefix.with_suffix(b"XXXXXX");
    let fail = |e: std::io::Error| throw_io(&ctx, &e, "mkdtemp", Some(&template.text()), None);
    let mut bytes = template.c_string().map_err(fail)?.into_bytes_with_nul();
    // SAFETY: `bytes` is a writable NUL-terminated template ending in six X's; mkdtemp only
    // rewrites those X's in place.
    let made = unsafe { libc::mkdtemp(bytes.as_mut_ptr().cast()) };
    if made.is_null() {
        return Err(fail(std::io::Error::last_os_error()));
    }
    bytes.pop();
    wrap_bytes(&ctx, bytes)
}

/// libuv's code for an entry's kind (`UV_DIRENT_*`): 1 file, 2 directory, 3 link, 4 FIFO,
/// 5 socket, 6 character device, 7 block device, 0 unknown.
fn dirent_kind(kind: std::io::Result<std::fs::FileType>) -> i32 {
    match kind {
        Ok(t) if t.is_file() => 1,
        Ok(t) if t.is_dir() => 2,
        Ok(t) if t.is_symlink() => 3,
        Ok(t) if t.is_fifo() => 4,
        Ok(t) if t.is_socket() => 5,
        Ok(t) if t.is_char_device() => 6,
        Ok(t) if t.is_block_device() => 7,
        _ => 0,
    }
}

/// Entries as `[name, kind, name, kind, ...]`: names as strings, or as bytes when `raw` (for
/// the `buffer` and non-UTF-8 encodings, which the JS half converts).
fn entries_to_js<'js>(ctx: &Ctx<'js>, entries: &[(Vec<u8>, i32)], raw: bool) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, (name, kind)) in entries.iter().enumerate() {
        let name = if raw {
            wrap_bytes(ctx, name.clone())?
        } else {
            rquickjs::String::from_str(ctx.clone(), &String::from_utf8_lossy(name))?.into_value()
        };
        out.set(2 * i, name)?;
        out.set(2 * i + 1, *kind)?;
    }
    Ok(out)
}

/// One entry of a directory read: its name's bytes and kind.
fn entry_of(entry: std::fs::DirEntry) -> (Vec<u8>, i32) {
    let kind = dirent_kind(entry.file_type());
    (entry.file_name().into_vec(), kind)
}

/// `scandir(path, raw)`: every entry (not `.`/`..`) with its kind, sorted by name bytes as
/// libuv's scandir sorts them.
fn scandir<'js>(ctx: Ctx<'js>, path: FsPath, raw: bool) -> Result<Array<'js>> {
    let fail = |e: std::io::Error| throw_io(&ctx, &e, "scandir", Some(&path.text()), None);
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(&path).map_err(fail)? {
        entries.push(entry_of(entry.map_err(fail)?));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries_to_js(&ctx, &entries, raw)
}

/// An open directory of `opendir`: entries read on demand, in the directory's own order.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "DirHandle")]
pub struct DirHandle {
    #[qjs(skip_trace)]
    entries: Option<std::fs::ReadDir>,
    #[qjs(skip_trace)]
    path: String,
}

/// `opendir(path)`: a [`DirHandle`].
fn opendir<'js>(ctx: Ctx<'js>, path: FsPath) -> Result<Class<'js, DirHandle>> {
    let entries =
        // (Node's opendir error names no path.)
        std::fs::read_dir(&path).map_err(|e| throw_io(&ctx, &e, "opendir", None, None))?;
    Class::instance(
        ctx,
        DirHandle {
            entries: Some(entries),
            path: path.text(),
        },
    )
}

/// `dirRead(handle, count, raw)`: up to `count` more entries ([`entries_to_js`]), or `null`
/// at the end.
fn dir_read<'js>(
    ctx: Ctx<'js>,
    handle: Class<'js, DirHandle>,
    count: u32,
    raw: bool,
) -> Result<Value<'js>> {
    let mut handle = handle.borrow_mut();
    let handle = &mut *handle;
    let Some(reader) = handle.entries.as_mut() else {
        let e = std::io::Error::from_raw_os_error(libc::EBADF);
        return Err(throw_io(&ctx, &e, "scandir", None, None));
    };
    let mut entries = Vec::new();
    while entries.len() < count.max(1) as usize {
        match reader.next() {
            Some(Ok(entry)) => entries.push(entry_of(entry)),
            Some(Err(e)) => return Err(throw_io(&ctx, &e, "scandir", Some(&handle.path), None)),
            None => break,
        }
    }
    if entries.is_empty() {
        return Ok(Value::new_null(ctx));
    }
    Ok(entries_to_js(&ctx, &entries, raw)?.into_value())
}

/// `dirClose(handle)`: closes the directory (later reads fail with EBADF).
fn dir_close(handle: Class<'_, DirHandle>) {
    handle.borrow_mut().entries = None;
}

/// Adds these natives to the `native.fs` object.
pub fn install<'js>(ctx: &Ctx<'js>, fs: &Object<'js>) -> Result<()> {
    fs.set("statRaw", Function::new(ctx.clone(), stat_raw)?)?;
    fs.set("statfs", Function::new(ctx.clone(), statfs)?)?;
    fs.set("link", Function::new(ctx.clone(), link)?)?;
    fs.set("symlink", Function::new(ctx.clone(), symlink)?)?;
    fs.set("readlink", Function::new(ctx.clone(), readlink)?)?;
    fs.set("chown", Function::new(ctx.clone(), chown)?)?;
    fs.set("utimes", Function::new(ctx.clone(), utimes)?)?;
    fs.set("fchmod", Function::new(ctx.clone(), fchmod)?)?;
    fs.set("fdatasync", Function::new(ctx.clone(), fdatasync)?)?;
    fs.set("mkdtemp", Function::new(ctx.clone(), mkdtemp)?)?;
    fs.set("scandir", Function::new(ctx.clone(), scandir)?)?;
    fs.set("opendir", Function::new(ctx.clone(), opendir)?)?;
    fs.set("dirRead", Function::new(ctx.clone(), dir_read)?)?;
    fs.set("dirClose", Function::new(ctx.clone(), dir_close)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timespecs_keep_microseconds_as_libuv() {
        let t = timespec(1.5);
        assert_eq!((t.tv_sec, t.tv_nsec), (1, 500_000_000));
        let t = timespec(-1.25);
        assert_eq!((t.tv_sec, t.tv_nsec), (-2, 750_000_000));
        // 1.0006 s is 1 s + 599,999.99... ns: truncated, then cut to whole microseconds.
        let t = timespec(1.0006);
        assert_eq!((t.tv_sec, t.tv_nsec), (1, 599_000));
        assert_eq!(timespec(f64::NAN).tv_nsec, -1);
    }

    #[test]
    fn statx_reports_a_fresh_file() {
        let dir = std::env::temp_dir().join(format!("nodebuf-fs-meta-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("f");
        std::fs::write(&file, b"12345").unwrap();
        let s = statx_of(&Target::Path(FsPath::from(file.as_path())), true).unwrap();
        let fields = stat_fields(&s);
        assert_eq!(fields[8], 5);
        assert_eq!(fields[1] as u32 & libc::S_IFMT, libc::S_IFREG);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
