//! A path argument of the fs natives, as Node hands it to the system call: a JS string's UTF-8
//! (lone surrogates as U+FFFD, as Node encodes them), or a Buffer's or Uint8Array's bytes
//! exactly. A path that is not UTF-8 (a file named by bytes another program wrote) reaches the
//! kernel byte for byte; decoding it to text first replaced its invalid bytes with U+FFFD and
//! opened, made or removed a different file.

use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use rquickjs::{Ctx, FromJs, Value};

use crate::bytes::with_view_bytes;
use crate::jsstr::to_utf8_lossy;

/// A path's bytes, and the text Node's error messages show for it.
pub struct FsPath {
    bytes: Vec<u8>,
}

impl FsPath {
    /// The path `value` names: a view's bytes, else `String(value)` as UTF-8.
    pub fn of<'js>(ctx: &Ctx<'js>, value: &Value<'js>) -> rquickjs::Result<Self> {
        let bytes = match with_view_bytes(ctx, value, <[u8]>::to_vec) {
            Some(bytes) => bytes,
            None => to_utf8_lossy(ctx, value)?.into_bytes(),
        };
        Ok(Self { bytes })
    }

    /// The path for the standard library's calls.
    pub fn as_path(&self) -> &Path {
        Path::new(OsStr::from_bytes(&self.bytes))
    }

    /// The path as error messages and `err.path` show it (invalid UTF-8 as U+FFFD, as Node's
    /// `ENOENT: ..., open '...'` does).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// This path with `suffix` appended (mkdtemp's template).
    pub fn with_suffix(&self, suffix: &[u8]) -> Self {
        let mut bytes = self.bytes.clone();
        bytes.extend_from_slice(suffix);
        Self { bytes }
    }

    /// The path as the C string a system call takes; an interior NUL fails as ENOENT would
    /// (the JS half refuses NULs before any call).
    pub fn c_string(&self) -> std::io::Result<CString> {
        CString::new(self.bytes.as_slice())
            .map_err(|_| std::io::Error::from_raw_os_error(libc::ENOENT))
    }
}

impl From<&Path> for FsPath {
    fn from(path: &Path) -> Self {
        Self {
            bytes: path.as_os_str().as_bytes().to_vec(),
        }
    }
}

impl AsRef<Path> for FsPath {
    fn as_ref(&self) -> &Path {
        self.as_path()
    }
}

impl<'js> FromJs<'js> for FsPath {
    fn from_js(ctx: &Ctx<'js>, value: Value<'js>) -> rquickjs::Result<Self> {
        Self::of(ctx, &value)
    }
}
