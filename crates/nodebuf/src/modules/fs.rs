//! Native half of `fs`: synchronous file operations with Node's error shape
//! (`Error: ENOENT: no such file or directory, open 'x'` with `errno`, `code`, `syscall`,
//! `path`, `dest`). Argument validation and the Stats class live in `fs.js`.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom};
use std::mem::ManuallyDrop;
use std::os::unix::fs::{FileExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::io::{FromRawFd, IntoRawFd};

use rquickjs::{Array, Ctx, Error, Exception, Function, Object, Result, Value};

use super::fs_path::FsPath;
use crate::bytes::{with_view_bytes, with_view_bytes_mut, wrap_bytes};
use crate::host::blocking_io::{self, Access, Terminated};
use crate::jsstr::to_utf8_lossy;

/// libuv's code name and description for an OS error number, as Node prints them.
pub fn uv_name(errno: i32) -> (&'static str, &'static str) {
    match errno {
        1 => ("EPERM", "operation not permitted"),
        2 => ("ENOENT", "no such file or directory"),
        3 => ("ESRCH", "no such process"),
        5 => ("EIO", "i/o error"),
        9 => ("EBADF", "bad file descriptor"),
        11 => ("EAGAIN", "resource temporarily unavailable"),
        12 => ("ENOMEM", "not enough memory"),
        13 => ("EACCES", "permission denied"),
        16 => ("EBUSY", "resource busy or locked"),
        17 => ("EEXIST", "file already exists"),
        18 => ("EXDEV", "cross-device link not permitted"),
        19 => ("ENODEV", "no such device"),
        20 => ("ENOTDIR", "not a directory"),
        21 => ("EISDIR", "illegal operation on a directory"),
        22 => ("EINVAL", "invalid argument"),
        23 => ("ENFILE", "file table overflow"),
        24 => ("EMFILE", "too many open files"),
        27 => ("EFBIG", "file too large"),
        28 => ("ENOSPC", "no space left on device"),
        26 => ("ETXTBSY", "text file is busy"),
        29 => ("ESPIPE", "invalid seek"),
        30 => ("EROFS", "read-only file system"),
        31 => ("EMLINK", "too many links"),
        32 => ("EPIPE", "broken pipe"),
        36 => ("ENAMETOOLONG", "name too long"),
        39 => ("ENOTEMPTY", "directory not empty"),
        38 => ("ENOSYS", "function not implemented"),
        40 => ("ELOOP", "too many symbolic links encountered"),
        75 => ("EOVERFLOW", "value too large for defined data type"),
        // (libuv's ENOTSUP is the OS's EOPNOTSUPP, with its "socket" wording.)
        95 => ("ENOTSUP", "operation not supported on socket"),
        _ => ("UNKNOWN", "unknown error"),
    }
}

/// Throws Node's error for a failed system call: message
/// `CODE: description, syscall 'path' -> 'dest'`, enumerable `errno` (negative), `code`,
/// `syscall`, `path`, `dest` in that order.
pub fn throw_io(
    ctx: &Ctx<'_>,
    err: &std::io::Error,
    syscall: &str,
    path: Option<&str>,
    dest: Option<&str>,
) -> Error {
    let errno = err.raw_os_error().unwrap_or(22);
    let (code, description) = uv_name(errno);
    let mut message = format!("{code}: {description}, {syscall}");
    if let Some(path) = path {
        message.push_str(&format!(" '{path}'"));
    }
    if let Some(dest) = dest {
        message.push_str(&format!(" -> '{dest}'"));
    }
    let build = || -> Result<Value<'_>> {
        // Built with the global Error constructor so `message` is non-enumerable, as in Node.
        let ctor: rquickjs::Constructor = ctx.globals().get("Error")?;
        let obj: Object = ctor.construct((message.as_str(),))?;
        obj.set("errno", -errno)?;
        obj.set("code", code)?;
        obj.set("syscall", syscall)?;
        if let Some(path) = path {
            obj.set("path", path)?;
        }
        if let Some(dest) = dest {
            obj.set("dest", dest)?;
        }
        Ok(obj.into_value())
    };
    match build() {
        Ok(value) => ctx.throw(value),
        Err(e) => e,
    }
}

/// The open options and the access a Node flag string (`r`, `r+`, `w`, `wx`, `w+`, `a`, `ax`,
/// `a+`, ...) asks for.
fn open_options(flags: &str, mode: u32) -> std::io::Result<(OpenOptions, Access)> {
    let mut options = OpenOptions::new();
    let exclusive = flags.contains('x');
    let access = match flags.replace(['x', 's'], "").as_str() {
        "r" => {
            options.read(true);
            Access::Read
        }
        "r+" => {
            options.read(true).write(true);
            Access::ReadWrite
        }
        "w" => {
            options.write(true).create(true).truncate(true);
            Access::Write
        }
        "w+" => {
            options.read(true).write(true).create(true).truncate(true);
            Access::ReadWrite
        }
        "a" => {
            options.append(true).create(true);
            Access::Write
        }
        "a+" => {
            options.read(true).append(true).create(true);
            Access::ReadWrite
        }
        _ => return Err(std::io::Error::from_raw_os_error(22)),
    };
    if exclusive {
        options.create_new(true);
    }
    options.mode(mode);
    Ok((options, access))
}

/// Opens `path` with a Node flag string; a FIFO's open waits stoppably for the other end.
fn open_with(ctx: &Ctx<'_>, path: &FsPath, flags: &str, mode: u32) -> Result<File> {
    let opened = open_options(flags, mode)
        .map(|(options, access)| blocking_io::open(path.as_path(), &options, access));
    match opened {
        Ok(Ok(Ok(file))) => Ok(file),
        Ok(Err(Terminated)) => Err(terminated(ctx)),
        Ok(Ok(Err(e))) | Err(e) => Err(throw_io(ctx, &e, "open", Some(&path.text()), None)),
    }
}

/// The uncatchable exception that ends a terminated worker's JS.
fn terminated(ctx: &Ctx<'_>) -> Error {
    crate::modules::messaging::throw_uncatchable(ctx, "terminated")
}

/// A stoppable call's result as JS sees it: the value, Node's error for `syscall`, or the end
/// of a terminated worker.
fn settle<T>(ctx: &Ctx<'_>, outcome: blocking_io::Stoppable<T>, syscall: &str) -> Result<T> {
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(throw_io(ctx, &e, syscall, None, None)),
        Err(Terminated) => Err(terminated(ctx)),
    }
}

/// Borrows an fd as a `File` without taking ownership (it stays open).
fn borrow_fd(fd: i32) -> ManuallyDrop<File> {
    // SAFETY: the File is never dropped (ManuallyDrop), so the fd is not closed; an invalid fd
    // makes the later syscall fail with EBADF, which we report as Node does.
    ManuallyDrop::new(unsafe { File::from_raw_fd(fd) })
}

/// Waits until `fd` has data (or end of file, or an error the read will report), while
/// staying stoppable: a worker blocked reading a pipe is woken by `worker.terminate()`.
fn wait_readable(ctx: &Ctx<'_>, fd: i32) -> Result<()> {
    blocking_io::wait_ready(fd, libc::POLLIN).map_err(|Terminated| terminated(ctx))
}

fn read_all<'js>(ctx: &Ctx<'js>, target: &Value<'js>) -> Result<Vec<u8>> {
    if let Some(fd) = target.as_int() {
        let mut file = borrow_fd(fd);
        return settle(ctx, blocking_io::read_to_end(&mut file), "read");
    }
    let path = FsPath::of(ctx, target)?;
    let mut file = open_with(ctx, &path, "r", 0o666)?;
    settle(ctx, blocking_io::read_to_end(&mut file), "read")
}

fn read_file<'js>(ctx: Ctx<'js>, target: Value<'js>) -> Result<Value<'js>> {
    let bytes = read_all(&ctx, &target)?;
    wrap_bytes(&ctx, bytes)
}

fn read_file_utf8<'js>(ctx: Ctx<'js>, target: Value<'js>) -> Result<String> {
    let bytes = read_all(&ctx, &target)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The bytes to write: a view's bytes or a string's UTF-8.
fn data_bytes<'js>(ctx: &Ctx<'js>, data: &Value<'js>) -> Result<Vec<u8>> {
    match with_view_bytes(ctx, data, |b| b.to_vec()) {
        Some(bytes) => Ok(bytes),
        None => Ok(to_utf8_lossy(ctx, data)?.into_bytes()),
    }
}

fn write_file<'js>(
    ctx: Ctx<'js>,
    target: Value<'js>,
    data: Value<'js>,
    flag: String,
    mode: u32,
) -> Result<()> {
    let bytes = data_bytes(&ctx, &data)?;
    if let Some(fd) = target.as_int() {
        return settle(
            &ctx,
            blocking_io::write_all(&borrow_fd(fd), &bytes),
            "write",
        );
    }
    let path = FsPath::of(&ctx, &target)?;
    let file = open_with(&ctx, &path, &flag, mode)?;
    settle(&ctx, blocking_io::write_all(&file, &bytes), "write")
}

fn open(ctx: Ctx<'_>, path: FsPath, flags: String, mode: u32) -> Result<i32> {
    Ok(open_with(&ctx, &path, &flags, mode)?.into_raw_fd())
}

fn close(ctx: Ctx<'_>, fd: i32) -> Result<()> {
    // Probe first so an unknown fd is EBADF rather than closing nothing.
    let file = borrow_fd(fd);
    if let Err(e) = file.metadata() {
        return Err(throw_io(&ctx, &e, "close", None, None));
    }
    drop(ManuallyDrop::into_inner(file));
    Ok(())
}

/// Node's C++ aborts the process (`Assertion failed: Buffer::IsWithinBounds`) when the range
/// its JS computed from a view's (possibly lying) `byteLength` property lies outside the view's
/// real bytes; nodebuf throws this RangeError instead and touches nothing.
fn out_of_bounds(ctx: &Ctx<'_>) -> Error {
    nodebuf_js::throw_node_error(ctx, &nodebuf_core::NodeError::out_of_buffer_bounds(None))
}

fn not_a_view(ctx: &Ctx<'_>) -> Error {
    Exception::throw_type(ctx, "buffer must be an ArrayBufferView")
}

/// `fs.readSync`'s binding: reads into `buffer[offset..offset + length]` of the view's real
/// bytes (resolved from the engine's slots, never its properties).
fn read<'js>(
    ctx: Ctx<'js>,
    fd: i32,
    buffer: Value<'js>,
    offset: f64,
    length: f64,
    position: Value<'js>,
) -> Result<usize> {
    let position = position.as_number().filter(|p| *p >= 0.0).map(|p| p as u64);
    // Before the bytes are resolved: waiting runs no JS, but may end the thread.
    wait_readable(&ctx, fd)?;
    let result = with_view_bytes_mut(&ctx, &buffer, |bytes| {
        let len = bytes.len() as f64;
        if offset < 0.0 || length < 0.0 || offset >= len || offset + length > len {
            return None;
        }
        let target = &mut bytes[offset as usize..(offset + length) as usize];
        let mut file = borrow_fd(fd);
        Some(match position {
            Some(pos) => file.read_at(target, pos),
            None => file.read(target),
        })
    });
    match result {
        Some(Some(Ok(n))) => Ok(n),
        Some(Some(Err(e))) => Err(throw_io(&ctx, &e, "read", None, None)),
        Some(None) => Err(out_of_bounds(&ctx)),
        None => Err(not_a_view(&ctx)),
    }
}

/// `fs.writeSync`'s binding: a string, or `buffer[offset..offset + length]` of a view's real
/// bytes (`length` undefined: to the end).
fn write<'js>(
    ctx: Ctx<'js>,
    fd: i32,
    data: Value<'js>,
    offset: f64,
    length: Value<'js>,
    position: Value<'js>,
) -> Result<usize> {
    let position = position.as_number().filter(|p| *p >= 0.0).map(|p| p as u64);
    let bytes = if data.is_string() {
        to_utf8_lossy(&ctx, &data)?.into_bytes()
    } else {
        let range = with_view_bytes(&ctx, &data, |b| {
            let len = b.len() as f64;
            let count = length.as_number().unwrap_or(len - offset);
            if offset < 0.0 || count < 0.0 || offset + count > len {
                return None;
            }
            Some(b[offset as usize..(offset + count) as usize].to_vec())
        });
        match range {
            Some(Some(bytes)) => bytes,
            Some(None) => return Err(out_of_bounds(&ctx)),
            None => return Err(not_a_view(&ctx)),
        }
    };
    settle(
        &ctx,
        blocking_io::write(&borrow_fd(fd), &bytes, position),
        "write",
    )
}

/// `fs.readvSync`'s binding: fills each view of `buffers` in turn (its real bytes) until the
/// file ends; an empty list is the system's EINVAL, as for Node's readv.
fn readv<'js>(ctx: Ctx<'js>, fd: i32, buffers: Array<'js>, position: Value<'js>) -> Result<usize> {
    let mut position = position.as_number().filter(|p| *p >= 0.0).map(|p| p as u64);
    if buffers.is_empty() {
        let e = std::io::Error::from_raw_os_error(22);
        return Err(throw_io(&ctx, &e, "read", None, None));
    }
    let mut total = 0;
    for i in 0..buffers.len() {
        // Each view is resolved after it is read from the list, and used before any more JS.
        let view: Value<'js> = buffers.get(i)?;
        let result = with_view_bytes_mut(&ctx, &view, |bytes| {
            let mut file = borrow_fd(fd);
            let n = match position {
                Some(pos) => file.read_at(bytes, pos),
                None => file.read(bytes),
            };
            n.map(|n| (n, bytes.len()))
        });
        match result {
            Some(Ok((n, len))) => {
                total += n;
                if let Some(pos) = position.as_mut() {
                    *pos += n as u64;
                }
                if n < len {
                    break;
                }
            }
            Some(Err(e)) => return Err(throw_io(&ctx, &e, "read", None, None)),
            None => return Err(not_a_view(&ctx)),
        }
    }
    Ok(total)
}

/// `fs.writevSync`'s binding: writes the real bytes of each view of `buffers`, in order.
fn writev<'js>(ctx: Ctx<'js>, fd: i32, buffers: Array<'js>, position: Value<'js>) -> Result<usize> {
    let position = position.as_number().filter(|p| *p >= 0.0).map(|p| p as u64);
    let mut bytes = Vec::new();
    for i in 0..buffers.len() {
        let view: Value<'js> = buffers.get(i)?;
        with_view_bytes(&ctx, &view, |b| bytes.extend_from_slice(b))
            .ok_or_else(|| not_a_view(&ctx))?;
    }
    settle(
        &ctx,
        blocking_io::write(&borrow_fd(fd), &bytes, position),
        "write",
    )
}

fn unlink(ctx: Ctx<'_>, path: FsPath) -> Result<()> {
    std::fs::remove_file(&path).map_err(|e| throw_io(&ctx, &e, "unlink", Some(&path.text()), None))
}

fn exists(path: FsPath) -> bool {
    std::fs::metadata(path).is_ok()
}

/// `mkdirSync`; with `recursive` returns the first directory created (or undefined).
fn mkdir<'js>(ctx: Ctx<'js>, path: FsPath, recursive: bool, mode: u32) -> Result<Value<'js>> {
    if !recursive {
        let mut builder = std::fs::DirBuilder::new();
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, mode);
        builder
            .create(&path)
            .map_err(|e| throw_io(&ctx, &e, "mkdir", Some(&path.text()), None))?;
        return Ok(Value::new_undefined(ctx));
    }
    let target = path.as_path();
    let mut first: Option<std::path::PathBuf> = None;
    let mut probe = Some(target);
    while let Some(dir) = probe {
        if dir.as_os_str().is_empty() || dir.exists() {
            break;
        }
        first = Some(dir.to_path_buf());
        probe = dir.parent();
    }
    if let Ok(meta) = std::fs::metadata(target) {
        if !meta.is_dir() {
            let e = std::io::Error::from_raw_os_error(17);
            return Err(throw_io(&ctx, &e, "mkdir", Some(&path.text()), None));
        }
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, mode);
    builder
        .create(&path)
        .map_err(|e| throw_io(&ctx, &e, "mkdir", Some(&path.text()), None))?;
    match first {
        Some(dir) => {
            let abs = std::path::absolute(&dir).unwrap_or(dir);
            Ok(rquickjs::String::from_str(ctx, &abs.to_string_lossy())?.into_value())
        }
        None => Ok(Value::new_undefined(ctx)),
    }
}

/// Kind of a path, following symlinks: 0 missing, 1 file, 2 directory, 3 other.
fn kind(path: FsPath) -> i32 {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => 1,
        Ok(m) if m.is_dir() => 2,
        Ok(_) => 3,
        Err(_) => 0,
    }
}

fn rmdir(ctx: Ctx<'_>, path: FsPath, recursive: bool) -> Result<()> {
    let result = if recursive {
        std::fs::remove_dir_all(&path)
    } else {
        std::fs::remove_dir(&path)
    };
    result.map_err(|e| throw_io(&ctx, &e, "rmdir", Some(&path.text()), None))
}

fn rename(ctx: Ctx<'_>, from: FsPath, to: FsPath) -> Result<()> {
    std::fs::rename(&from, &to)
        .map_err(|e| throw_io(&ctx, &e, "rename", Some(&from.text()), Some(&to.text())))
}

/// `copyFile(from, to, mode)` as libuv does it: COPYFILE_EXCL (1) fails on an existing `to`
/// (EEXIST), COPYFILE_FICLONE (2) tries a copy-on-write clone first and copies the bytes when
/// the file system has none, COPYFILE_FICLONE_FORCE (4) fails then (ENOTSUP and the like, the
/// half-made `to` removed). `to` gets `from`'s permissions.
fn copy_file(ctx: Ctx<'_>, from: FsPath, to: FsPath, mode: i32) -> Result<()> {
    use std::os::unix::io::AsRawFd;
    let fail =
        |e: std::io::Error| throw_io(&ctx, &e, "copyfile", Some(&from.text()), Some(&to.text()));
    if mode == 0 {
        return std::fs::copy(&from, &to).map(|_| ()).map_err(fail);
    }
    let mut source = std::fs::File::open(&from).map_err(fail)?;
    let permissions = source.metadata().map_err(fail)?.permissions();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).mode(permissions.mode());
    if mode & 1 != 0 {
        options.create_new(true);
    } else {
        options.create(true).truncate(true);
    }
    let mut target = options.open(&to).map_err(fail)?;
    if mode & 6 != 0 {
        // SAFETY: both descriptors are open files owned by `source` and `target` for the call.
        let cloned =
            unsafe { libc::ioctl(target.as_raw_fd(), libc::FICLONE, source.as_raw_fd()) } == 0;
        if cloned {
            return Ok(());
        }
        let err = std::io::Error::last_os_error();
        if mode & 4 != 0 {
            drop(target);
            let _ = std::fs::remove_file(&to);
            return Err(fail(err));
        }
    }
    std::io::copy(&mut source, &mut target).map_err(fail)?;
    std::fs::set_permissions(&to, permissions).map_err(fail)?;
    Ok(())
}

/// `realpath(path)`: the resolved path's bytes (the JS half decodes them per `encoding`).
fn realpath<'js>(ctx: Ctx<'js>, path: FsPath) -> Result<Value<'js>> {
    let resolved = std::fs::canonicalize(&path)
        .map_err(|e| throw_io(&ctx, &e, "realpath", Some(&path.text()), None))?;
    wrap_bytes(
        &ctx,
        std::os::unix::ffi::OsStringExt::into_vec(resolved.into_os_string()),
    )
}

/// `access(path, mode)`: the kernel's `access(2)` for `mode` (F_OK, or R_OK/W_OK/X_OK bits).
fn access(ctx: Ctx<'_>, path: FsPath, mode: i32) -> Result<()> {
    let fail = |e: std::io::Error| throw_io(&ctx, &e, "access", Some(&path.text()), None);
    let c_path = path.c_string().map_err(fail)?;
    // SAFETY: a NUL-terminated path that lives across the call; access(2) only reads it.
    if unsafe { libc::access(c_path.as_ptr(), mode) } == 0 {
        Ok(())
    } else {
        Err(fail(std::io::Error::last_os_error()))
    }
}

fn chmod(ctx: Ctx<'_>, path: FsPath, mode: u32) -> Result<()> {
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| throw_io(&ctx, &e, "chmod", Some(&path.text()), None))
}

fn ftruncate(ctx: Ctx<'_>, fd: i32, len: f64) -> Result<()> {
    let file = borrow_fd(fd);
    file.set_len(len.max(0.0) as u64)
        .map_err(|e| throw_io(&ctx, &e, "ftruncate", None, None))
}

fn fsync(ctx: Ctx<'_>, fd: i32) -> Result<()> {
    let file = borrow_fd(fd);
    file.sync_all()
        .map_err(|e| throw_io(&ctx, &e, "fsync", None, None))
}

fn seek_end(fd: i32) -> f64 {
    let mut file = borrow_fd(fd);
    file.seek(SeekFrom::Current(0))
        .map(|p| p as f64)
        .unwrap_or(-1.0)
}

/// Adds the `fs*` functions to the `native` binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let fs = Object::new(ctx.clone())?;
    fs.set("readFile", Function::new(ctx.clone(), read_file)?)?;
    fs.set("readFileUtf8", Function::new(ctx.clone(), read_file_utf8)?)?;
    fs.set("writeFile", Function::new(ctx.clone(), write_file)?)?;
    fs.set("open", Function::new(ctx.clone(), open)?)?;
    fs.set("close", Function::new(ctx.clone(), close)?)?;
    fs.set("read", Function::new(ctx.clone(), read)?)?;
    fs.set("write", Function::new(ctx.clone(), write)?)?;
    fs.set("readv", Function::new(ctx.clone(), readv)?)?;
    fs.set("writev", Function::new(ctx.clone(), writev)?)?;
    fs.set("unlink", Function::new(ctx.clone(), unlink)?)?;
    fs.set("exists", Function::new(ctx.clone(), exists)?)?;
    fs.set("mkdir", Function::new(ctx.clone(), mkdir)?)?;
    fs.set("kind", Function::new(ctx.clone(), kind)?)?;
    fs.set("rmdir", Function::new(ctx.clone(), rmdir)?)?;
    fs.set("rename", Function::new(ctx.clone(), rename)?)?;
    fs.set("copyFile", Function::new(ctx.clone(), copy_file)?)?;
    fs.set("realpath", Function::new(ctx.clone(), realpath)?)?;
    fs.set("access", Function::new(ctx.clone(), access)?)?;
    fs.set("chmod", Function::new(ctx.clone(), chmod)?)?;
    fs.set("ftruncate", Function::new(ctx.clone(), ftruncate)?)?;
    fs.set("fsync", Function::new(ctx.clone(), fsync)?)?;
    fs.set("tell", Function::new(ctx.clone(), seek_end)?)?;
    super::fs_meta::install(ctx, &fs)?;
    super::fs_watch::install(ctx, &fs)?;
    native.set("fs", fs)?;
    Ok(())
}
