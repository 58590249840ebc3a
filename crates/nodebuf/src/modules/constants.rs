//! The host's constants as Node publishes them (`os.constants`, `fs.constants` and the legacy
//! `constants` module built from both): errno and signal numbers, dlopen flags and file-system
//! flags taken from the C library, libuv's own values (priorities, dirent kinds, copyfile and
//! symlink flags) spelled out. Built on request (`native.systemConstants()`), not at start-up.

use rquickjs::object::Property;
use rquickjs::{Ctx, Function, Object, Result};

/// A list of `(name, value)` pairs for names the libc crate defines.
macro_rules! libc_table {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as i64)),*]
    };
}

/// `os.constants.dlopen`, in Node's order.
const DLOPEN: &[(&str, i64)] =
    libc_table![RTLD_LAZY, RTLD_NOW, RTLD_GLOBAL, RTLD_LOCAL, RTLD_DEEPBIND];

/// `os.constants.errno`, in Node's (alphabetical) order.
const ERRNO: &[(&str, i64)] = libc_table![
    E2BIG,
    EACCES,
    EADDRINUSE,
    EADDRNOTAVAIL,
    EAFNOSUPPORT,
    EAGAIN,
    EALREADY,
    EBADF,
    EBADMSG,
    EBUSY,
    ECANCELED,
    ECHILD,
    ECONNABORTED,
    ECONNREFUSED,
    ECONNRESET,
    EDEADLK,
    EDESTADDRREQ,
    EDOM,
    EDQUOT,
    EEXIST,
    EFAULT,
    EFBIG,
    EHOSTUNREACH,
    EIDRM,
    EILSEQ,
    EINPROGRESS,
    EINTR,
    EINVAL,
    EIO,
    EISCONN,
    EISDIR,
    ELOOP,
    EMFILE,
    EMLINK,
    EMSGSIZE,
    EMULTIHOP,
    ENAMETOOLONG,
    ENETDOWN,
    ENETRESET,
    ENETUNREACH,
    ENFILE,
    ENOBUFS,
    ENODATA,
    ENODEV,
    ENOENT,
    ENOEXEC,
    ENOLCK,
    ENOLINK,
    ENOMEM,
    ENOMSG,
    ENOPROTOOPT,
    ENOSPC,
    ENOSR,
    ENOSTR,
    ENOSYS,
    ENOTCONN,
    ENOTDIR,
    ENOTEMPTY,
    ENOTSOCK,
    ENOTSUP,
    ENOTTY,
    ENXIO,
    EOPNOTSUPP,
    EOVERFLOW,
    EPERM,
    EPIPE,
    EPROTO,
    EPROTONOSUPPORT,
    EPROTOTYPE,
    ERANGE,
    EROFS,
    ESPIPE,
    ESRCH,
    ESTALE,
    ETIME,
    ETIMEDOUT,
    ETXTBSY,
    EWOULDBLOCK,
    EXDEV,
];

/// `os.constants.signals`, in Node's (numeric, aliases after their signal) order.
const SIGNALS: &[(&str, i64)] = libc_table![
    SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGIOT, SIGBUS, SIGFPE, SIGKILL, SIGUSR1,
    SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGSTKFLT, SIGCONT, SIGSTOP, SIGTSTP,
    SIGTTIN, SIGTTOU, SIGURG, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGWINCH, SIGIO, SIGPOLL,
    SIGPWR, SIGSYS,
];

/// `os.constants.priority`: libuv's names for nice values.
const PRIORITY: &[(&str, i64)] = &[
    ("PRIORITY_LOW", 19),
    ("PRIORITY_BELOW_NORMAL", 10),
    ("PRIORITY_NORMAL", 0),
    ("PRIORITY_ABOVE_NORMAL", -7),
    ("PRIORITY_HIGH", -14),
    ("PRIORITY_HIGHEST", -20),
];

/// libuv's directory-entry kinds (`UV_DIRENT_*`).
const DIRENT: &[(&str, i64)] = &[
    ("UV_DIRENT_UNKNOWN", 0),
    ("UV_DIRENT_FILE", 1),
    ("UV_DIRENT_DIR", 2),
    ("UV_DIRENT_LINK", 3),
    ("UV_DIRENT_FIFO", 4),
    ("UV_DIRENT_SOCKET", 5),
    ("UV_DIRENT_CHAR", 6),
    ("UV_DIRENT_BLOCK", 7),
];

/// `fs.constants`, in Node's order: libuv's and Node's own values between the C library's.
fn fs_table() -> Vec<(&'static str, i64)> {
    let mut out: Vec<(&str, i64)> = vec![("UV_FS_SYMLINK_DIR", 1), ("UV_FS_SYMLINK_JUNCTION", 2)];
    out.extend_from_slice(libc_table![O_RDONLY, O_WRONLY, O_RDWR]);
    out.extend_from_slice(DIRENT);
    out.extend_from_slice(&[
        ("EXTENSIONLESS_FORMAT_JAVASCRIPT", 0),
        ("EXTENSIONLESS_FORMAT_WASM", 1),
    ]);
    out.extend_from_slice(libc_table![
        S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK, O_CREAT, O_EXCL
    ]);
    // Windows-only mapping flag, 0 elsewhere.
    out.push(("UV_FS_O_FILEMAP", 0));
    out.extend_from_slice(libc_table![
        O_NOCTTY,
        O_TRUNC,
        O_APPEND,
        O_DIRECTORY,
        O_NOATIME,
        O_NOFOLLOW,
        O_SYNC,
        O_DSYNC,
        O_DIRECT,
        O_NONBLOCK,
        S_IRWXU,
        S_IRUSR,
        S_IWUSR,
        S_IXUSR,
        S_IRWXG,
        S_IRGRP,
        S_IWGRP,
        S_IXGRP,
        S_IRWXO,
        S_IROTH,
        S_IWOTH,
        S_IXOTH,
        F_OK,
        R_OK,
        W_OK,
        X_OK,
    ]);
    out.extend_from_slice(&[
        ("UV_FS_COPYFILE_EXCL", 1),
        ("COPYFILE_EXCL", 1),
        ("UV_FS_COPYFILE_FICLONE", 2),
        ("COPYFILE_FICLONE", 2),
        ("UV_FS_COPYFILE_FICLONE_FORCE", 4),
        ("COPYFILE_FICLONE_FORCE", 4),
    ]);
    out
}

/// A null-prototype object of `table`'s pairs, in order, each read-only (enumerable, neither
/// writable nor configurable), as Node defines its constants.
fn table_object<'js>(ctx: &Ctx<'js>, table: &[(&str, i64)]) -> Result<Object<'js>> {
    let object = Object::new(ctx.clone())?;
    object.set_prototype(None)?;
    for &(name, value) in table {
        object.prop(name, Property::from(value as f64).enumerable())?;
    }
    Ok(object)
}

/// `{ dlopen, errno, signals, priority, fs }`: fresh null-prototype tables of read-only values.
fn system_constants<'js>(ctx: Ctx<'js>) -> Result<Object<'js>> {
    let out = Object::new(ctx.clone())?;
    out.set("dlopen", table_object(&ctx, DLOPEN)?)?;
    out.set("errno", table_object(&ctx, ERRNO)?)?;
    out.set("signals", table_object(&ctx, SIGNALS)?)?;
    out.set("priority", table_object(&ctx, PRIORITY)?)?;
    out.set("fs", table_object(&ctx, &fs_table())?)?;
    Ok(out)
}

/// Adds `native.systemConstants()` to the binding object.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    native.set(
        "systemConstants",
        Function::new(ctx.clone(), system_constants)?,
    )?;
    Ok(())
}
