//! Native half of `fs.watch`: an inotify instance per watcher, whose readability the net
//! poller reports to the owning thread (`net::register_readable`), read here into Node's
//! `(eventType, filename)` pairs as libuv forms them on Linux: 'change' for a modification or
//! an attribute change alone, 'rename' for anything else (create, delete, move, and an
//! attribute change of a subdirectory, which carries the directory bit); the filename is the
//! entry's name, or the watched path's base name for an event on the path itself. A recursive
//! watcher adds a watch for every subdirectory, now and as they appear, and names entries
//! relative to the watched directory.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::CString;
use std::os::fd::{FromRawFd, OwnedFd, RawFd};

use rquickjs::{Array, Ctx, Function, Object, Result, Value};

use super::net;

/// What libuv asks inotify for.
const MASK: u32 = libc::IN_ATTRIB
    | libc::IN_CREATE
    | libc::IN_MODIFY
    | libc::IN_DELETE
    | libc::IN_DELETE_SELF
    | libc::IN_MOVE_SELF
    | libc::IN_MOVED_FROM
    | libc::IN_MOVED_TO;

/// One watcher: its inotify descriptor (owned by the poller's entry) and, per inotify watch,
/// the directory it covers relative to the watched path ("" for the path itself).
struct Watch {
    fd: RawFd,
    dirs: HashMap<i32, String>,
    root: String,
    recursive: bool,
}

thread_local! {
    static WATCHES: RefCell<HashMap<usize, Watch>> = RefCell::new(HashMap::new());
}

/// Adds an inotify watch of `path` to `fd`: its descriptor, or the OS error number.
fn add_watch(fd: RawFd, path: &str) -> std::result::Result<i32, i32> {
    let c = CString::new(path.as_bytes()).map_err(|_| libc::ENOENT)?;
    // SAFETY: `c` is a NUL-terminated path alive across the call; `fd` an inotify instance.
    let wd = unsafe { libc::inotify_add_watch(fd, c.as_ptr(), MASK) };
    if wd < 0 {
        Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL))
    } else {
        Ok(wd)
    }
}

impl Watch {
    /// Watches `relative` (a directory under the root) and every directory below it.
    fn add_tree(&mut self, relative: &str) {
        let full = if relative.is_empty() {
            self.root.clone()
        } else {
            format!("{}/{relative}", self.root)
        };
        if !relative.is_empty() {
            match add_watch(self.fd, &full) {
                Ok(wd) => {
                    self.dirs.insert(wd, relative.to_owned());
                }
                Err(_) => return,
            }
        }
        let Ok(entries) = std::fs::read_dir(&full) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                let name = entry.file_name().to_string_lossy().into_owned();
                let child = if relative.is_empty() {
                    name
                } else {
                    format!("{relative}/{name}")
                };
                self.add_tree(&child);
            }
        }
    }

    /// Reads every queued inotify event: `(isRename, filename)` pairs.
    fn drain(&mut self) -> Vec<(bool, String)> {
        let mut out = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            // SAFETY: `buf` is writable for its length; `fd` is this watcher's open instance.
            let n = unsafe { libc::read(self.fd, buf.as_mut_ptr().cast(), buf.len()) };
            if n <= 0 {
                break;
            }
            let mut at = 0usize;
            let header = std::mem::size_of::<libc::inotify_event>();
            while at + header <= n as usize {
                // SAFETY: the kernel wrote whole events; `at..at + header` lies within the `n`
                // bytes read. The read is unaligned-safe.
                let event: libc::inotify_event =
                    unsafe { std::ptr::read_unaligned(buf.as_ptr().add(at).cast()) };
                let name_start = at + header;
                let name_end = (name_start + event.len as usize).min(n as usize);
                let raw_name = &buf[name_start..name_end];
                let name_len = raw_name
                    .iter()
                    .position(|&b| b == 0)
                    .unwrap_or(raw_name.len());
                let name = String::from_utf8_lossy(&raw_name[..name_len]).into_owned();
                at = name_end;
                self.note(&event, name, &mut out);
            }
        }
        out
    }

    fn note(&mut self, event: &libc::inotify_event, name: String, out: &mut Vec<(bool, String)>) {
        if event.mask & (libc::IN_IGNORED | libc::IN_Q_OVERFLOW) != 0 {
            if event.mask & libc::IN_IGNORED != 0 {
                self.dirs.remove(&event.wd);
            }
            return;
        }
        let Some(dir) = self.dirs.get(&event.wd).cloned() else {
            return;
        };
        let rename = event.mask & !(libc::IN_ATTRIB | libc::IN_MODIFY) != 0;
        let filename = if name.is_empty() {
            if dir.is_empty() {
                std::path::Path::new(&self.root)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            } else {
                dir.clone()
            }
        } else if dir.is_empty() {
            name
        } else {
            format!("{dir}/{name}")
        };
        if self.recursive
            && !filename.is_empty()
            && event.mask & (libc::IN_CREATE | libc::IN_MOVED_TO) != 0
            && event.mask & libc::IN_ISDIR != 0
        {
            self.add_tree(&filename);
        }
        out.push((rename, filename));
    }
}

/// `watchStart(path, recursive)`: the watcher's id (its poller id), or a negative errno.
fn watch_start(path: String, recursive: bool) -> f64 {
    // SAFETY: no pointers; returns a new descriptor or -1.
    let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
    if fd < 0 {
        return -f64::from(
            std::io::Error::last_os_error()
                .raw_os_error()
                .unwrap_or(libc::EMFILE),
        );
    }
    // SAFETY: `fd` was just created and nothing else owns it.
    let owned = unsafe { OwnedFd::from_raw_fd(fd) };
    let wd = match add_watch(fd, &path) {
        Ok(wd) => wd,
        Err(errno) => return -f64::from(errno),
    };
    let mut watch = Watch {
        fd,
        dirs: HashMap::from([(wd, String::new())]),
        root: path,
        recursive,
    };
    if recursive {
        watch.add_tree("");
    }
    match net::register_readable(owned) {
        Ok(id) => {
            WATCHES.with(|w| w.borrow_mut().insert(id, watch));
            id as f64
        }
        Err(errno) => -f64::from(errno),
    }
}

/// `watchRead(id)`: the events queued since the last read, as `[eventType, filename, ...]`.
fn watch_read<'js>(ctx: Ctx<'js>, id: f64) -> Result<Value<'js>> {
    let events = WATCHES.with(|w| {
        w.borrow_mut()
            .get_mut(&(id as usize))
            .map(Watch::drain)
            .unwrap_or_default()
    });
    let out = Array::new(ctx)?;
    for (i, (rename, filename)) in events.into_iter().enumerate() {
        out.set(2 * i, if rename { "rename" } else { "change" })?;
        out.set(2 * i + 1, filename)?;
    }
    Ok(out.into_value())
}

/// `watchClose(id)`: stops the watcher and closes its inotify instance.
fn watch_close(id: f64) {
    if WATCHES
        .with(|w| w.borrow_mut().remove(&(id as usize)))
        .is_some()
    {
        net::release(id as usize);
    }
}

/// Adds these natives to the `native.fs` object.
pub fn install<'js>(ctx: &Ctx<'js>, fs: &Object<'js>) -> Result<()> {
    fs.set("watchStart", Function::new(ctx.clone(), watch_start)?)?;
    fs.set("watchRead", Function::new(ctx.clone(), watch_read)?)?;
    fs.set("watchClose", Function::new(ctx.clone(), watch_close)?)?;
    Ok(())
}
