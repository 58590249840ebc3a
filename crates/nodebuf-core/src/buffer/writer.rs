//! Filling a new Buffer front to back without zeroing it first, soundly: [`Buffer::from_writer`]
//! hands the closure a [`ByteWriter`], an append-only cursor over the uninitialized bytes. It
//! never exposes a reference to bytes not yet written, and whatever the closure leaves unwritten
//! is zeroed before the Buffer exists, so no path shows uninitialized memory.

use std::io;

use super::Buffer;
use crate::memory::retention::Site;
use crate::NodeError;

/// An append-only cursor over the bytes of a Buffer being made (see [`Buffer::from_writer`]).
pub struct ByteWriter {
    dst: *mut u8,
    len: usize,
    pos: usize,
}

impl ByteWriter {
    /// Bytes written so far.
    pub fn written(&self) -> usize {
        self.pos
    }

    /// Bytes still to write.
    pub fn remaining(&self) -> usize {
        self.len - self.pos
    }

    /// Appends one byte; returns false (writing nothing) when the Buffer is full.
    pub fn push(&mut self, byte: u8) -> bool {
        if self.pos == self.len {
            return false;
        }
        // SAFETY: pos < len, so the byte is inside the destination, which this writer alone
        // may touch while it lives.
        unsafe { self.dst.add(self.pos).write(byte) };
        self.pos += 1;
        true
    }

    /// Appends as much of `bytes` as fits; returns how many were written.
    pub fn extend_from_slice(&mut self, bytes: &[u8]) -> usize {
        let n = bytes.len().min(self.remaining());
        // SAFETY: `pos + n <= len`; the destination is exclusively ours and cannot overlap a
        // caller's live slice (no reference to it has ever been handed out).
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.dst.add(self.pos), n) };
        self.pos += n;
        n
    }

    /// Appends `count` copies of `byte` (as many as fit); returns how many were written.
    pub fn fill(&mut self, byte: u8, count: usize) -> usize {
        let n = count.min(self.remaining());
        // SAFETY: as in `extend_from_slice`.
        unsafe { self.dst.add(self.pos).write_bytes(byte, n) };
        self.pos += n;
        n
    }
}

impl io::Write for ByteWriter {
    /// Writes what fits; `Ok(0)` once the Buffer is full.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        Ok(self.extend_from_slice(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Buffer {
    /// A Buffer of `len` bytes written front to back by `fill` through a [`ByteWriter`], allocated
    /// as `allocUnsafe` would be (pooled when small) and not zeroed first; bytes `fill` leaves
    /// unwritten are zero. Returns the Buffer and `fill`'s result. If `fill` panics, no Buffer is
    /// made and nothing it wrote is ever handed out.
    #[track_caller]
    pub fn from_writer<R>(
        len: usize,
        fill: impl FnOnce(&mut ByteWriter) -> R,
    ) -> Result<(Buffer, R), NodeError> {
        let mut result = None;
        // SAFETY: the closure initializes all `len` bytes: the writer covers `0..pos` and the tail
        // `pos..len` is zeroed. It reads none of them. `fill` cannot reach the destination except
        // through the writer (pool bytes are lent exclusively, a fresh store is unreachable).
        let buf = unsafe {
            Buffer::alloc_written(len, Site::caller(), true, |dst| {
                let mut writer = ByteWriter { dst, len, pos: 0 };
                result = Some(fill(&mut writer));
                dst.add(writer.pos).write_bytes(0, len - writer.pos);
            })
        }?;
        match result {
            Some(result) => Ok((buf, result)),
            // `alloc_written` runs the closure exactly once before returning Ok.
            None => Err(NodeError::internal(
                "from_writer: the fill closure did not run",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn writes_in_order_and_zeroes_the_rest() {
        for len in [0usize, 5, 3000, 100_000] {
            let (buf, written) = Buffer::from_writer(len, |w| {
                w.push(1);
                w.extend_from_slice(&[2, 3]);
                w.fill(9, 2);
                let _ = w.write(&[7; 10]).unwrap();
                w.written()
            })
            .unwrap();
            let expected: Vec<u8> = [1, 2, 3, 9, 9]
                .into_iter()
                .chain([7; 10])
                .chain(std::iter::repeat(0))
                .take(len)
                .collect();
            assert_eq!(buf.to_vec().unwrap(), expected);
            assert_eq!(written, len.min(15));
        }
    }

    #[test]
    fn a_full_writer_refuses_more() {
        let (buf, ()) = Buffer::from_writer(2, |w| {
            assert!(w.push(1));
            assert_eq!(w.extend_from_slice(&[2, 3, 4]), 1);
            assert!(!w.push(5));
            assert_eq!(w.fill(1, 10), 0);
            assert_eq!(w.remaining(), 0);
        })
        .unwrap();
        assert_eq!(buf.to_vec().unwrap(), vec![1, 2]);
    }

    #[test]
    fn a_panicking_writer_exposes_nothing() {
        for len in [64usize, 50_000] {
            let r = std::panic::catch_unwind(|| {
                Buffer::from_writer(len, |w| {
                    w.fill(0xEE, len / 2);
                    panic!("stop");
                })
            });
            assert!(r.is_err());
            let next = Buffer::alloc_unsafe(len).unwrap();
            assert!(next.to_vec().unwrap().iter().all(|&b| b == 0));
        }
    }
}
