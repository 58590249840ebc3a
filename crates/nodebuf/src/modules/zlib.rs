//! Native half of `zlib`: one streaming codec state per JS handle (deflate/inflate/gzip/gunzip/
//! raw/unzip on zlib-rs through its zlib C API, brotli encode/decode on the `brotli` crate), with
//! the operations Node's zlib binding has: init, write(flush) into a caller's output window,
//! params, reset, close, and crc32. The JS half (`zlib.js`) builds Node's classes on top.
//!
//! Handles live in a per-thread table keyed by a number; the JS side frees them on close(), and
//! an unclosed handle is freed when the engine collects its owner object (a [`HandleOwner`] the
//! JS handle holds), synchronously during the collection as Node's weak handles are.

use std::cell::RefCell;
use std::collections::HashMap;

use brotli::enc::encode::{BrotliEncoderOperation, BrotliEncoderStateStruct};
use brotli::enc::StandardAlloc;
use brotli::{BrotliDecompressStream, BrotliResult, BrotliState, HeapAlloc, HuffmanCode};
use libz_rs_sys as z;
use rquickjs::class::Trace;
use rquickjs::function::Rest;
use rquickjs::{Array, Class, Ctx, Function, JsLifetime, Object, Result, Value};

use crate::bytes::{with_view_bytes, with_view_bytes_mut};

/// Node's zlib modes (`zlib.constants.DEFLATE` ... `BROTLI_ENCODE`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Deflate = 1,
    Inflate = 2,
    Gzip = 3,
    Gunzip = 4,
    DeflateRaw = 5,
    InflateRaw = 6,
    Unzip = 7,
    BrotliDecode = 8,
    BrotliEncode = 9,
}

impl Mode {
    fn from_i32(n: i32) -> Option<Mode> {
        Some(match n {
            1 => Mode::Deflate,
            2 => Mode::Inflate,
            3 => Mode::Gzip,
            4 => Mode::Gunzip,
            5 => Mode::DeflateRaw,
            6 => Mode::InflateRaw,
            7 => Mode::Unzip,
            8 => Mode::BrotliDecode,
            9 => Mode::BrotliEncode,
            _ => return None,
        })
    }

    fn deflates(self) -> bool {
        matches!(self, Mode::Deflate | Mode::Gzip | Mode::DeflateRaw)
    }
}

/// A zlib stream; the z_stream is boxed because zlib keeps a pointer back to it.
struct ZlibCodec {
    strm: Box<z::z_stream>,
    mode: Mode,
    initialised: bool,
    dictionary: Vec<u8>,
    level: i32,
    strategy: i32,
    window_bits: i32,
    mem_level: i32,
    /// UNZIP: how many bytes of the gzip magic have been seen (Node switches to GUNZIP on it).
    gzip_magic_seen: u8,
    /// Opened as UNZIP (a reset forgets the detected gzip format).
    created_as_unzip: bool,
}

/// Error details of the last failed write, as Node reports them.
struct CodecError {
    message: String,
    errno: i32,
    code: String,
}

enum Codec {
    Zlib(ZlibCodec),
    BrotliEnc(Box<BrotliEncoderStateStruct<StandardAlloc>>),
    BrotliDec(Box<BrotliState<HeapAlloc<u8>, HeapAlloc<u32>, HeapAlloc<HuffmanCode>>>),
}

struct Handle {
    codec: Codec,
    error: Option<CodecError>,
}

thread_local! {
    static HANDLES: RefCell<(u32, HashMap<u32, Handle>)> = RefCell::new((0, HashMap::new()));
}

fn zlib_code_name(err: i32) -> &'static str {
    match err {
        z::Z_OK => "Z_OK",
        z::Z_STREAM_END => "Z_STREAM_END",
        z::Z_NEED_DICT => "Z_NEED_DICT",
        z::Z_ERRNO => "Z_ERRNO",
        z::Z_STREAM_ERROR => "Z_STREAM_ERROR",
        z::Z_DATA_ERROR => "Z_DATA_ERROR",
        z::Z_MEM_ERROR => "Z_MEM_ERROR",
        z::Z_BUF_ERROR => "Z_BUF_ERROR",
        z::Z_VERSION_ERROR => "Z_VERSION_ERROR",
        _ => "Z_UNKNOWN",
    }
}

/// Owns a handle id for the JS object that holds it: when the engine collects that object, the
/// handle's codec state is freed (Node's zlib handles are weak in the same way).
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "ZlibHandle")]
pub struct HandleOwner {
    #[qjs(skip_trace)]
    id: u32,
}

impl Drop for HandleOwner {
    fn drop(&mut self) {
        release(self.id);
    }
}

thread_local! {
    /// Ids whose owner was collected while the table was in use; freed at the next chance.
    static ORPHANS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Frees handle `id` now, or as soon as the table is free (a collection can run while a native
/// call has the table borrowed).
fn release(id: u32) {
    let freed = HANDLES.with(|h| h.try_borrow_mut().map(|mut h| h.1.remove(&id)));
    match freed {
        Ok(handle) => drop(handle),
        Err(_) => ORPHANS.with(|o| o.borrow_mut().push(id)),
    }
}

/// Frees the handles whose owners were collected while the table was borrowed.
fn free_orphans() {
    let ids: Vec<u32> = ORPHANS.with(|o| std::mem::take(&mut *o.borrow_mut()));
    for id in ids {
        release(id);
    }
}

impl ZlibCodec {
    fn new(
        mode: Mode,
        level: i32,
        window_bits: i32,
        mem_level: i32,
        strategy: i32,
        dictionary: Vec<u8>,
    ) -> Self {
        ZlibCodec {
            strm: Box::default(),
            mode,
            initialised: false,
            dictionary,
            level,
            strategy,
            window_bits,
            mem_level,
            gzip_magic_seen: 0,
            created_as_unzip: mode == Mode::Unzip,
        }
    }

    /// The windowBits zlib is given for this mode (gzip +16, auto-detect +32, raw negative).
    fn effective_window_bits(&self) -> i32 {
        match self.mode {
            Mode::Gzip | Mode::Gunzip => self.window_bits + 16,
            Mode::Unzip => self.window_bits + 32,
            Mode::DeflateRaw | Mode::InflateRaw => -self.window_bits,
            _ => self.window_bits,
        }
    }

    /// deflateInit2/inflateInit2 plus the dictionary for modes that take it up front.
    fn init(&mut self) -> std::result::Result<(), CodecError> {
        let version = z::zlibVersion();
        let size = std::mem::size_of::<z::z_stream>() as i32;
        let wb = self.effective_window_bits();
        // SAFETY: `strm` is a zeroed, boxed z_stream that outlives the state zlib attaches to it
        // (freed by `end` in Drop); `version`/`size` describe the same library's struct.
        let err = unsafe {
            if self.mode.deflates() {
                z::deflateInit2_(
                    &mut *self.strm,
                    self.level,
                    z::Z_DEFLATED,
                    wb,
                    self.mem_level,
                    self.strategy,
                    version,
                    size,
                )
            } else {
                z::inflateInit2_(&mut *self.strm, wb, version, size)
            }
        };
        if err != z::Z_OK {
            return Err(CodecError {
                message: "Init error".into(),
                errno: err,
                code: zlib_code_name(err).into(),
            });
        }
        self.initialised = true;
        self.set_dictionary()
    }

    fn set_dictionary(&mut self) -> std::result::Result<(), CodecError> {
        if self.dictionary.is_empty() {
            return Ok(());
        }
        // SAFETY: the stream is initialised; the dictionary slice is valid for the call.
        let err = unsafe {
            match self.mode {
                Mode::Deflate | Mode::DeflateRaw => z::deflateSetDictionary(
                    &mut *self.strm,
                    self.dictionary.as_ptr(),
                    self.dictionary.len() as u32,
                ),
                Mode::InflateRaw => z::inflateSetDictionary(
                    &mut *self.strm,
                    self.dictionary.as_ptr(),
                    self.dictionary.len() as u32,
                ),
                _ => z::Z_OK,
            }
        };
        if err != z::Z_OK {
            return Err(CodecError {
                message: "Failed to set dictionary".into(),
                errno: err,
                code: zlib_code_name(err).into(),
            });
        }
        Ok(())
    }

    fn reset(&mut self) -> std::result::Result<(), CodecError> {
        self.gzip_magic_seen = 0;
        if self.created_as_unzip {
            self.mode = Mode::Unzip;
        }
        if !self.initialised {
            return Ok(());
        }
        // SAFETY: the stream is initialised.
        let err = unsafe {
            if self.mode.deflates() {
                z::deflateReset(&mut *self.strm)
            } else {
                z::inflateReset(&mut *self.strm)
            }
        };
        if err != z::Z_OK {
            return Err(CodecError {
                message: "Failed to reset stream".into(),
                errno: err,
                code: zlib_code_name(err).into(),
            });
        }
        self.set_dictionary()
    }

    fn message_or(&self, fallback: &str) -> String {
        if self.strm.msg.is_null() {
            return fallback.to_string();
        }
        // SAFETY: zlib sets `msg` to a static NUL-terminated string.
        unsafe { std::ffi::CStr::from_ptr(self.strm.msg) }
            .to_string_lossy()
            .into_owned()
    }

    /// One Node `write`: runs the codec over `input` into `output`; returns (consumed, produced).
    fn write(
        &mut self,
        flush: i32,
        input: &[u8],
        output: &mut [u8],
    ) -> (usize, usize, Option<CodecError>) {
        self.strm.next_in = input.as_ptr();
        self.strm.avail_in = input.len() as u32;
        self.strm.next_out = output.as_mut_ptr();
        self.strm.avail_out = output.len() as u32;
        let mut err;
        // SAFETY: next_in/next_out point into `input`/`output`, valid and unaliased for this call;
        // zlib reads at most avail_in and writes at most avail_out bytes.
        unsafe {
            if self.mode.deflates() {
                err = z::deflate(&mut *self.strm, flush);
            } else {
                if self.mode == Mode::Unzip && !input.is_empty() {
                    // Node's UNZIP watches for the gzip magic to treat the input as gzip members.
                    let mut i = 0;
                    while self.gzip_magic_seen < 2 && i < input.len() {
                        let want = if self.gzip_magic_seen == 0 {
                            0x1f
                        } else {
                            0x8b
                        };
                        if input[i] == want {
                            self.gzip_magic_seen += 1;
                            i += 1;
                        } else {
                            self.gzip_magic_seen = 3;
                        }
                    }
                    if self.gzip_magic_seen == 2 {
                        self.mode = Mode::Gunzip;
                    }
                }
                err = z::inflate(&mut *self.strm, flush);
                if self.mode != Mode::InflateRaw
                    && err == z::Z_NEED_DICT
                    && !self.dictionary.is_empty()
                {
                    err = z::inflateSetDictionary(
                        &mut *self.strm,
                        self.dictionary.as_ptr(),
                        self.dictionary.len() as u32,
                    );
                    if err == z::Z_OK {
                        err = z::inflate(&mut *self.strm, flush);
                    } else if err == z::Z_DATA_ERROR {
                        err = z::Z_NEED_DICT;
                    }
                }
                while self.strm.avail_in > 0
                    && self.mode == Mode::Gunzip
                    && err == z::Z_STREAM_END
                    && *self.strm.next_in != 0
                {
                    // More bytes after a gzip member: another member (or garbage, which errors).
                    z::inflateReset(&mut *self.strm);
                    err = z::inflate(&mut *self.strm, flush);
                }
            }
        }
        let consumed = input.len() - self.strm.avail_in as usize;
        let produced = output.len() - self.strm.avail_out as usize;
        let error = match err {
            z::Z_OK | z::Z_BUF_ERROR => {
                if self.strm.avail_out != 0 && flush == z::Z_FINISH {
                    Some(CodecError {
                        message: "unexpected end of file".into(),
                        errno: z::Z_BUF_ERROR,
                        code: "Z_BUF_ERROR".into(),
                    })
                } else {
                    None
                }
            }
            z::Z_STREAM_END => None,
            z::Z_NEED_DICT => Some(CodecError {
                message: if self.dictionary.is_empty() {
                    "Missing dictionary"
                } else {
                    "Bad dictionary"
                }
                .into(),
                errno: err,
                code: "Z_NEED_DICT".into(),
            }),
            _ => Some(CodecError {
                message: self.message_or("Zlib error"),
                errno: err,
                code: zlib_code_name(err).into(),
            }),
        };
        (consumed, produced, error)
    }

    fn params(&mut self, level: i32, strategy: i32) -> std::result::Result<(), CodecError> {
        self.level = level;
        self.strategy = strategy;
        if !self.mode.deflates() {
            return Ok(());
        }
        // SAFETY: the stream is initialised (params is only reachable after init).
        let err = unsafe { z::deflateParams(&mut *self.strm, level, strategy) };
        if err != z::Z_OK && err != z::Z_BUF_ERROR {
            return Err(CodecError {
                message: "Failed to set parameters".into(),
                errno: err,
                code: zlib_code_name(err).into(),
            });
        }
        Ok(())
    }
}

impl Drop for ZlibCodec {
    fn drop(&mut self) {
        if self.initialised {
            // SAFETY: initialised exactly once and ended exactly once, here.
            unsafe {
                if self.mode.deflates() {
                    z::deflateEnd(&mut *self.strm);
                } else {
                    z::inflateEnd(&mut *self.strm);
                }
            }
        }
    }
}

/// Brotli decoder error names as Node spells them in `code` (`ERR_` + the name after
/// `BROTLI_DECODER`).
fn brotli_error_code(errno: i32) -> &'static str {
    match errno {
        -1 => "ERR__ERROR_FORMAT_EXUBERANT_NIBBLE",
        -2 => "ERR__ERROR_FORMAT_RESERVED",
        -3 => "ERR__ERROR_FORMAT_EXUBERANT_META_NIBBLE",
        -4 => "ERR__ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET",
        -5 => "ERR__ERROR_FORMAT_SIMPLE_HUFFMAN_SAME",
        -6 => "ERR__ERROR_FORMAT_CL_SPACE",
        -7 => "ERR__ERROR_FORMAT_HUFFMAN_SPACE",
        -8 => "ERR__ERROR_FORMAT_CONTEXT_MAP_REPEAT",
        -9 => "ERR__ERROR_FORMAT_BLOCK_LENGTH_1",
        -10 => "ERR__ERROR_FORMAT_BLOCK_LENGTH_2",
        -11 => "ERR__ERROR_FORMAT_TRANSFORM",
        -12 => "ERR__ERROR_FORMAT_DICTIONARY",
        -13 => "ERR__ERROR_FORMAT_WINDOW_BITS",
        -14 => "ERR__ERROR_FORMAT_PADDING_1",
        -15 => "ERR__ERROR_FORMAT_PADDING_2",
        -16 => "ERR__ERROR_FORMAT_DISTANCE",
        -19 => "ERR__ERROR_DICTIONARY_NOT_SET",
        -20 => "ERR__ERROR_INVALID_ARGUMENTS",
        -21 => "ERR__ERROR_ALLOC_CONTEXT_MODES",
        -22 => "ERR__ERROR_ALLOC_TREE_GROUPS",
        -25 => "ERR__ERROR_ALLOC_CONTEXT_MAP",
        -26 => "ERR__ERROR_ALLOC_RING_BUFFER_1",
        -27 => "ERR__ERROR_ALLOC_RING_BUFFER_2",
        -30 => "ERR__ERROR_ALLOC_BLOCK_TYPE_TREES",
        _ => "ERR__ERROR_UNREACHABLE",
    }
}

fn new_brotli_decoder() -> Box<BrotliState<HeapAlloc<u8>, HeapAlloc<u32>, HeapAlloc<HuffmanCode>>> {
    Box::new(BrotliState::new(
        HeapAlloc::default(),
        HeapAlloc::default(),
        HeapAlloc::default(),
    ))
}

fn brotli_write_encode(
    enc: &mut BrotliEncoderStateStruct<StandardAlloc>,
    op: i32,
    input: &[u8],
    output: &mut [u8],
) -> (usize, usize, Option<CodecError>) {
    let op = match op {
        1 => BrotliEncoderOperation::BROTLI_OPERATION_FLUSH,
        2 => BrotliEncoderOperation::BROTLI_OPERATION_FINISH,
        3 => BrotliEncoderOperation::BROTLI_OPERATION_EMIT_METADATA,
        _ => BrotliEncoderOperation::BROTLI_OPERATION_PROCESS,
    };
    let mut avail_in = input.len();
    let mut in_off = 0;
    let mut avail_out = output.len();
    let mut out_off = 0;
    let mut total = None;
    let ok = enc.compress_stream(
        op,
        &mut avail_in,
        input,
        &mut in_off,
        &mut avail_out,
        output,
        &mut out_off,
        &mut total,
        &mut |_, _, _, _| (),
    );
    let error = if ok {
        None
    } else {
        Some(CodecError {
            message: "Compression failed".into(),
            errno: -1,
            code: "ERR_BROTLI_COMPRESSION_FAILED".into(),
        })
    };
    (in_off, out_off, error)
}

fn brotli_write_decode(
    dec: &mut BrotliState<HeapAlloc<u8>, HeapAlloc<u32>, HeapAlloc<HuffmanCode>>,
    op: i32,
    input: &[u8],
    output: &mut [u8],
) -> (usize, usize, Option<CodecError>) {
    let mut avail_in = input.len();
    let mut in_off = 0;
    let mut avail_out = output.len();
    let mut out_off = 0;
    let mut total = 0;
    let result = BrotliDecompressStream(
        &mut avail_in,
        &mut in_off,
        input,
        &mut avail_out,
        &mut out_off,
        output,
        &mut total,
        dec,
    );
    let error = match result {
        BrotliResult::ResultFailure => {
            let errno = dec.error_code as i32;
            Some(CodecError {
                message: "Decompression failed".into(),
                errno,
                code: brotli_error_code(errno).into(),
            })
        }
        BrotliResult::NeedsMoreInput if op == 2 && avail_in == 0 && avail_out != 0 => {
            Some(CodecError {
                message: "unexpected end of file".into(),
                errno: z::Z_BUF_ERROR,
                code: "Z_BUF_ERROR".into(),
            })
        }
        _ => None,
    };
    (in_off, out_off, error)
}

fn set_brotli_params(enc: &mut BrotliEncoderStateStruct<StandardAlloc>, params: &[u32]) -> bool {
    use brotli::enc::encode::BrotliEncoderParameter as P;
    for (key, &value) in params.iter().enumerate() {
        if value == u32::MAX {
            continue;
        }
        let p = match key {
            0 => P::BROTLI_PARAM_MODE,
            1 => P::BROTLI_PARAM_QUALITY,
            2 => P::BROTLI_PARAM_LGWIN,
            3 => P::BROTLI_PARAM_LGBLOCK,
            4 => P::BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING,
            5 => P::BROTLI_PARAM_SIZE_HINT,
            6 => P::BROTLI_PARAM_LARGE_WINDOW,
            7 | 8 => continue,
            _ => return false,
        };
        if !enc.set_parameter(p, value) {
            return false;
        }
    }
    true
}

fn int_arg(args: &Rest<Value<'_>>, i: usize) -> i32 {
    args.0
        .get(i)
        .and_then(|v| v.as_number())
        .map_or(0, |n| n as i32)
}

fn size_arg(args: &Rest<Value<'_>>, i: usize) -> usize {
    args.0
        .get(i)
        .and_then(|v| v.as_number())
        .filter(|n| *n > 0.0)
        .map_or(0, |n| n as usize)
}

fn with_handle<R>(id: u32, f: impl FnOnce(&mut Handle) -> R) -> Option<R> {
    HANDLES.with(|h| h.borrow_mut().1.get_mut(&id).map(f))
}

/// `init(mode, level, windowBits, memLevel, strategy, dictionary, brotliParams)` -> handle id,
/// or -1 when the codec refuses the parameters (Node's ERR_ZLIB_INITIALIZATION_FAILED).
fn init<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<i32> {
    free_orphans();
    let mode = int_arg(&args, 0);
    let level = int_arg(&args, 1);
    let window_bits = int_arg(&args, 2);
    let mem_level = int_arg(&args, 3);
    let strategy = int_arg(&args, 4);
    let dictionary = args
        .0
        .get(5)
        .cloned()
        .unwrap_or_else(|| Value::new_undefined(ctx.clone()));
    let brotli_params = args
        .0
        .get(6)
        .cloned()
        .unwrap_or_else(|| Value::new_undefined(ctx.clone()));
    let Some(mode) = Mode::from_i32(mode) else {
        return Ok(-1);
    };
    let dictionary = with_view_bytes(&ctx, &dictionary, |b| b.to_vec()).unwrap_or_default();
    let params: Vec<u32> = with_view_bytes(&ctx, &brotli_params, |b| {
        b.chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    })
    .unwrap_or_default();
    let codec = match mode {
        Mode::BrotliEncode => {
            let mut enc = Box::new(BrotliEncoderStateStruct::new(StandardAlloc::default()));
            if !set_brotli_params(&mut enc, &params) {
                return Ok(-1);
            }
            Codec::BrotliEnc(enc)
        }
        Mode::BrotliDecode => {
            // Decoder parameters (ring-buffer reallocation, large window) change nothing here.
            Codec::BrotliDec(new_brotli_decoder())
        }
        _ => {
            let mut c = ZlibCodec::new(mode, level, window_bits, mem_level, strategy, dictionary);
            if c.init().is_err() {
                return Ok(-1);
            }
            Codec::Zlib(c)
        }
    };
    Ok(HANDLES.with(|h| {
        let mut h = h.borrow_mut();
        h.0 = h.0.wrapping_add(1);
        let id = h.0;
        h.1.insert(id, Handle { codec, error: None });
        id as i32
    }))
}

/// `write(id, flush, input, inOff, inLen, output, outOff, outLen)` -> [availOutAfter,
/// availInAfter, failed]; the error (if failed) is read with `lastError(id)`.
fn write<'js>(ctx: Ctx<'js>, args: Rest<Value<'js>>) -> Result<Array<'js>> {
    // The JS half passes numbers where numbers go; anything else counts as 0.
    let id = int_arg(&args, 0) as u32;
    let flush = int_arg(&args, 1);
    let undefined = Value::new_undefined(ctx.clone());
    let input = args.0.get(2).unwrap_or(&undefined);
    let in_off = size_arg(&args, 3);
    let in_len = size_arg(&args, 4);
    let output = args.0.get(5).unwrap_or(&undefined);
    let out_off = size_arg(&args, 6);
    let out_len = size_arg(&args, 7);
    // Coerced arguments above; resolve the bytes (no JS runs from here to the last use).
    let input_bytes = with_view_bytes(&ctx, input, |b| {
        let end = in_off.saturating_add(in_len).min(b.len());
        b[in_off.min(end)..end].to_vec()
    })
    .unwrap_or_default();
    let outcome = with_view_bytes_mut(&ctx, output, |out| {
        let end = out_off.saturating_add(out_len).min(out.len());
        let window = &mut out[out_off.min(end)..end];
        with_handle(id, |handle| {
            let (consumed, produced, error) = match &mut handle.codec {
                Codec::Zlib(c) => c.write(flush, &input_bytes, window),
                Codec::BrotliEnc(e) => brotli_write_encode(e, flush, &input_bytes, window),
                Codec::BrotliDec(d) => brotli_write_decode(d, flush, &input_bytes, window),
            };
            let failed = error.is_some();
            handle.error = error;
            (
                window.len() - produced,
                input_bytes.len() - consumed,
                failed,
            )
        })
    })
    .flatten();
    let result = Array::new(ctx.clone())?;
    match outcome {
        Some((avail_out, avail_in, failed)) => {
            result.set(0, avail_out as f64)?;
            result.set(1, avail_in as f64)?;
            result.set(2, failed)?;
        }
        None => {
            result.set(0, out_len as f64)?;
            result.set(1, in_len as f64)?;
            result.set(2, true)?;
            with_handle(id, |h| {
                h.error = Some(CodecError {
                    message: "Zlib error".into(),
                    errno: z::Z_STREAM_ERROR,
                    code: "Z_STREAM_ERROR".into(),
                })
            });
        }
    }
    Ok(result)
}

/// `lastError(id)` -> [message, errno, code] of the last failed write/params/reset, or null.
fn last_error<'js>(ctx: Ctx<'js>, id: u32) -> Result<Value<'js>> {
    let err = with_handle(id, |h| {
        h.error
            .as_ref()
            .map(|e| (e.message.clone(), e.errno, e.code.clone()))
    })
    .flatten();
    match err {
        Some((message, errno, code)) => {
            let arr = Array::new(ctx.clone())?;
            arr.set(0, message)?;
            arr.set(1, errno)?;
            arr.set(2, code)?;
            Ok(arr.into_value())
        }
        None => Ok(Value::new_null(ctx)),
    }
}

fn record(id: u32, result: std::result::Result<(), CodecError>) -> bool {
    match result {
        Ok(()) => true,
        Err(e) => {
            with_handle(id, |h| h.error = Some(e));
            false
        }
    }
}

/// `params(id, level, strategy)` -> false when zlib refused (error via lastError).
fn params(id: u32, level: i32, strategy: i32) -> bool {
    let r = with_handle(id, |h| match &mut h.codec {
        Codec::Zlib(c) => c.params(level, strategy),
        _ => Ok(()),
    });
    record(id, r.unwrap_or(Ok(())))
}

/// `reset(id)`: back to a fresh stream with the same options (and dictionary).
fn reset(id: u32) -> bool {
    let r = with_handle(id, |h| {
        h.error = None;
        match &mut h.codec {
            Codec::Zlib(c) => c.reset(),
            Codec::BrotliDec(d) => {
                *d = new_brotli_decoder();
                Ok(())
            }
            Codec::BrotliEnc(_) => Ok(()),
        }
    });
    record(id, r.unwrap_or(Ok(())))
}

/// `close(id)`: frees the codec state (later calls on the id do nothing).
fn close(id: u32) {
    release(id);
    free_orphans();
}

/// `owner(id)`: the object whose collection frees handle `id` (see [`HandleOwner`]).
fn owner<'js>(ctx: Ctx<'js>, id: u32) -> Result<Class<'js, HandleOwner>> {
    Class::instance(ctx, HandleOwner { id })
}

/// `crc32(data, value)`: zlib's CRC-32 of the bytes, continuing from `value`.
fn crc32<'js>(ctx: Ctx<'js>, data: Value<'js>, value: u32) -> Result<f64> {
    let crc = with_view_bytes(&ctx, &data, |b| {
        // SAFETY: the slice is valid for reads of its length for the call.
        unsafe { z::crc32_z(value as _, b.as_ptr(), b.len()) }
    })
    .unwrap_or(value as _);
    Ok(crc as u32 as f64)
}

/// Adds `native.zlib` with the functions above.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    let zlib = Object::new(ctx.clone())?;
    zlib.set("init", Function::new(ctx.clone(), init)?)?;
    zlib.set("write", Function::new(ctx.clone(), write)?)?;
    zlib.set("lastError", Function::new(ctx.clone(), last_error)?)?;
    zlib.set("params", Function::new(ctx.clone(), params)?)?;
    zlib.set("reset", Function::new(ctx.clone(), reset)?)?;
    zlib.set("close", Function::new(ctx.clone(), close)?)?;
    zlib.set("owner", Function::new(ctx.clone(), owner)?)?;
    zlib.set("crc32", Function::new(ctx.clone(), crc32)?)?;
    native.set("zlib", zlib)?;
    Ok(())
}
