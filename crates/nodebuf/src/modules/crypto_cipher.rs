//! Native half of `crypto.createCipheriv` / `createDecipheriv`: AES-128/192/256 in CBC, ECB,
//! CTR and GCM, and ChaCha20-Poly1305, streaming as OpenSSL's EVP interface streams for Node
//! v20 (block modes hold back partial blocks, and the last block when decrypting with padding;
//! the AEADs return data on every `update` and settle the tag at `final`).
//!
//! The primitives are RustCrypto's: `aes`, the `cbc`/`ecb`/`ctr` modes, `chacha20`, and the
//! `ghash`/`poly1305` universal hashes. The AEADs are composed from them here (CTR keystream +
//! GHASH for GCM, ChaCha20 + Poly1305 per RFC 8439) rather than through the `aes-gcm` and
//! `chacha20poly1305` crates, because those only seal whole messages and take fixed nonce sizes,
//! while Node streams and accepts any GCM IV length; the unit tests check the composition against
//! those crates.
//!
//! Boundary rule: the JS half converts every argument; each native reads view bytes from the
//! engine's slots and finishes with them before anything else runs.

use aes::cipher::{
    BlockDecryptMut, BlockEncrypt, BlockEncryptMut, KeyInit, KeyIvInit, StreamCipher,
    StreamCipherSeek,
};
use aes::{Aes128, Aes192, Aes256};
use rquickjs::class::Trace;
use rquickjs::{Class, Ctx, Exception, Function, JsLifetime, Object, Result, Value};
use universal_hash::UniversalHash;

use crate::bytes::{with_view_bytes, wrap_bytes};

/// The cipher families this runner has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cbc,
    Ecb,
    Ctr,
    Gcm,
    ChaCha20Poly1305,
}

/// Every cipher name `createCipheriv` accepts (lower case; OpenSSL's aliases included), with
/// its family and key length; `getCiphers()` lists the `listed` spellings.
const CIPHERS: &[(&str, Kind, usize)] = &[
    ("aes-128-cbc", Kind::Cbc, 16),
    ("aes-192-cbc", Kind::Cbc, 24),
    ("aes-256-cbc", Kind::Cbc, 32),
    ("aes128", Kind::Cbc, 16),
    ("aes192", Kind::Cbc, 24),
    ("aes256", Kind::Cbc, 32),
    ("aes-128-ecb", Kind::Ecb, 16),
    ("aes-192-ecb", Kind::Ecb, 24),
    ("aes-256-ecb", Kind::Ecb, 32),
    ("aes-128-ctr", Kind::Ctr, 16),
    ("aes-192-ctr", Kind::Ctr, 24),
    ("aes-256-ctr", Kind::Ctr, 32),
    ("aes-128-gcm", Kind::Gcm, 16),
    ("aes-192-gcm", Kind::Gcm, 24),
    ("aes-256-gcm", Kind::Gcm, 32),
    ("id-aes128-gcm", Kind::Gcm, 16),
    ("id-aes192-gcm", Kind::Gcm, 24),
    ("id-aes256-gcm", Kind::Gcm, 32),
    ("chacha20-poly1305", Kind::ChaCha20Poly1305, 32),
];

/// What `getCiphers()` lists for the ciphers above (Node's spelling and order).
const LISTED: &[&str] = &[
    "aes-128-cbc",
    "aes-128-ctr",
    "aes-128-ecb",
    "aes-128-gcm",
    "aes-192-cbc",
    "aes-192-ctr",
    "aes-192-ecb",
    "aes-192-gcm",
    "aes-256-cbc",
    "aes-256-ctr",
    "aes-256-ecb",
    "aes-256-gcm",
    "aes128",
    "aes192",
    "aes256",
    "chacha20-poly1305",
    "id-aes128-GCM",
    "id-aes192-GCM",
    "id-aes256-GCM",
];

/// One 16-byte block step of CBC or ECB in one direction.
trait BlockStep {
    fn step(&mut self, block: &mut [u8; 16]);
}

struct Encrypting<T>(T);
struct Decrypting<T>(T);

impl<T: BlockEncryptMut<BlockSize = aes::cipher::consts::U16>> BlockStep for Encrypting<T> {
    fn step(&mut self, block: &mut [u8; 16]) {
        self.0.encrypt_block_mut(block.into());
    }
}

impl<T: BlockDecryptMut<BlockSize = aes::cipher::consts::U16>> BlockStep for Decrypting<T> {
    fn step(&mut self, block: &mut [u8; 16]) {
        self.0.decrypt_block_mut(block.into());
    }
}

/// A keystream XORed over data (CTR, GCM's counter mode, ChaCha20).
trait Keystream {
    fn apply(&mut self, data: &mut [u8]);
}

impl<T: StreamCipher> Keystream for T {
    fn apply(&mut self, data: &mut [u8]) {
        self.apply_keystream(data);
    }
}

/// An AES key schedule of any size: one block encryption (GCM's H and E(K, J0)).
enum AesKey {
    A128(Aes128),
    A192(Aes192),
    A256(Aes256),
}

impl AesKey {
    fn new(key: &[u8]) -> AesKey {
        match key.len() {
            16 => AesKey::A128(Aes128::new_from_slice(key).expect("16-byte key")),
            24 => AesKey::A192(Aes192::new_from_slice(key).expect("24-byte key")),
            _ => AesKey::A256(Aes256::new_from_slice(key).expect("32-byte key")),
        }
    }

    fn encrypt(&self, block: &mut [u8; 16]) {
        match self {
            AesKey::A128(k) => k.encrypt_block(block.into()),
            AesKey::A192(k) => k.encrypt_block(block.into()),
            AesKey::A256(k) => k.encrypt_block(block.into()),
        }
    }

    /// CTR over this key with a 32-bit big-endian counter (GCM's inc32) from `counter`.
    fn ctr32(&self, key: &[u8], counter: &[u8; 16]) -> Box<dyn Keystream> {
        match self {
            AesKey::A128(_) => {
                Box::new(ctr::Ctr32BE::<Aes128>::new_from_slices(key, counter).expect("sizes"))
            }
            AesKey::A192(_) => {
                Box::new(ctr::Ctr32BE::<Aes192>::new_from_slices(key, counter).expect("sizes"))
            }
            AesKey::A256(_) => {
                Box::new(ctr::Ctr32BE::<Aes256>::new_from_slices(key, counter).expect("sizes"))
            }
        }
    }
}

/// A universal hash fed in arbitrary pieces, each section zero-padded to 16 bytes (GHASH in
/// GCM, Poly1305 in RFC 8439's AEAD).
struct PaddedMac<M: UniversalHash> {
    mac: M,
    partial: Vec<u8>,
}

impl<M: UniversalHash> PaddedMac<M> {
    fn new(mac: M) -> Self {
        PaddedMac {
            mac,
            partial: Vec::with_capacity(16),
        }
    }

    fn absorb(&mut self, mut data: &[u8]) {
        if !self.partial.is_empty() {
            let take = (16 - self.partial.len()).min(data.len());
            self.partial.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.partial.len() < 16 {
                return;
            }
            self.mac.update_padded(&self.partial);
            self.partial.clear();
        }
        let whole = data.len() / 16 * 16;
        self.mac.update_padded(&data[..whole]);
        self.partial.extend_from_slice(&data[whole..]);
    }

    /// Ends a section: a partial block is padded with zeros.
    fn end_section(&mut self) {
        if !self.partial.is_empty() {
            self.mac.update_padded(&self.partial);
            self.partial.clear();
        }
    }

    fn finish(mut self, lengths: [u8; 16]) -> [u8; 16] {
        self.end_section();
        self.mac.update_padded(&lengths);
        let mut tag = [0u8; 16];
        tag.copy_from_slice(&self.mac.finalize());
        tag
    }
}

/// The authenticator of an AEAD.
enum Authenticator {
    /// GHASH plus E(K, J0), XORed into the tag.
    Gcm(PaddedMac<ghash::GHash>, [u8; 16]),
    Poly(Box<PaddedMac<poly1305::Poly1305>>),
}

/// A running AEAD: keystream, authenticator, and the lengths the tag covers.
struct Aead {
    stream: Box<dyn Keystream>,
    auth: Authenticator,
    aad_len: u64,
    data_len: u64,
    /// AAD is accepted until the first data.
    in_data: bool,
}

impl Aead {
    fn gcm(key: &[u8], iv: &[u8]) -> Aead {
        let aes = AesKey::new(key);
        let mut h = [0u8; 16];
        aes.encrypt(&mut h);
        let j0: [u8; 16] = if iv.len() == 12 {
            let mut j = [0u8; 16];
            j[..12].copy_from_slice(iv);
            j[15] = 1;
            j
        } else {
            let mut g = PaddedMac::new(ghash::GHash::new(&h.into()));
            g.absorb(iv);
            let mut lengths = [0u8; 16];
            lengths[8..].copy_from_slice(&((iv.len() as u64) * 8).to_be_bytes());
            g.finish(lengths)
        };
        let mut ek_j0 = j0;
        aes.encrypt(&mut ek_j0);
        let mut counter = j0;
        let next = u32::from_be_bytes(counter[12..].try_into().expect("4 bytes")).wrapping_add(1);
        counter[12..].copy_from_slice(&next.to_be_bytes());
        Aead {
            stream: aes.ctr32(key, &counter),
            auth: Authenticator::Gcm(PaddedMac::new(ghash::GHash::new(&h.into())), ek_j0),
            aad_len: 0,
            data_len: 0,
            in_data: false,
        }
    }

    fn chacha(key: &[u8], iv: &[u8]) -> Aead {
        let mut stream =
            chacha20::ChaCha20::new_from_slices(key, iv).expect("32-byte key, 12-byte nonce");
        let mut block0 = [0u8; 64];
        stream.apply_keystream(&mut block0);
        stream.seek(64u64);
        let mac = poly1305::Poly1305::new_from_slice(&block0[..32]).expect("32-byte key");
        Aead {
            stream: Box::new(stream),
            auth: Authenticator::Poly(Box::new(PaddedMac::new(mac))),
            aad_len: 0,
            data_len: 0,
            in_data: false,
        }
    }

    fn absorb(&mut self, data: &[u8]) {
        match &mut self.auth {
            Authenticator::Gcm(g, _) => g.absorb(data),
            Authenticator::Poly(p) => p.absorb(data),
        }
    }

    fn add_aad(&mut self, aad: &[u8]) {
        self.absorb(aad);
        self.aad_len += aad.len() as u64;
    }

    /// Encrypts or decrypts `data` in place; the authenticator sees the ciphertext.
    fn process(&mut self, data: &mut [u8], encrypt: bool) {
        if !self.in_data {
            self.in_data = true;
            match &mut self.auth {
                Authenticator::Gcm(g, _) => g.end_section(),
                Authenticator::Poly(p) => p.end_section(),
            }
        }
        if !encrypt {
            self.absorb(data);
        }
        self.stream.apply(data);
        if encrypt {
            self.absorb(data);
        }
        self.data_len += data.len() as u64;
    }

    fn tag(self) -> [u8; 16] {
        match self.auth {
            Authenticator::Gcm(g, ek_j0) => {
                let mut lengths = [0u8; 16];
                lengths[..8].copy_from_slice(&(self.aad_len * 8).to_be_bytes());
                lengths[8..].copy_from_slice(&(self.data_len * 8).to_be_bytes());
                let mut tag = g.finish(lengths);
                tag.iter_mut().zip(ek_j0).for_each(|(t, e)| *t ^= e);
                tag
            }
            Authenticator::Poly(p) => {
                let mut lengths = [0u8; 16];
                lengths[..8].copy_from_slice(&self.aad_len.to_le_bytes());
                lengths[8..].copy_from_slice(&self.data_len.to_le_bytes());
                p.finish(lengths)
            }
        }
    }
}

/// The running state of one cipher object.
enum Engine {
    Block {
        step: Box<dyn BlockStep>,
        pending: Vec<u8>,
    },
    Stream(Box<dyn Keystream>),
    Aead(Box<Aead>),
}

/// A `Cipheriv` / `Decipheriv` handle.
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "CipherBase")]
pub struct NativeCipher {
    #[qjs(skip_trace)]
    engine: Option<Engine>,
    #[qjs(skip_trace)]
    encrypt: bool,
    #[qjs(skip_trace)]
    padding: bool,
    #[qjs(skip_trace)]
    kind: Kind,
    /// The tag length (`authTagLength`, default 16) of an AEAD.
    #[qjs(skip_trace)]
    tag_len: usize,
    /// Whether `authTagLength` was given.
    #[qjs(skip_trace)]
    tag_len_given: bool,
    /// Encrypting: the tag once `final` ran. Decrypting: the tag `setAuthTag` gave.
    #[qjs(skip_trace)]
    tag: Option<Vec<u8>>,
}

/// Errors the JS half turns into Node's.
const UNKNOWN_CIPHER: i32 = 0;
const INVALID_KEYLEN: i32 = 1;
const INVALID_IV: i32 = 2;
const INVALID_TAG_LEN: i32 = 3;
const WRONG_FINAL_BLOCK_LENGTH: i32 = 4;
const BAD_DECRYPT: i32 = 5;
const UNABLE_TO_AUTHENTICATE: i32 = 6;
const FINALIZED: i32 = 7;

fn lookup(name: &str) -> Option<(Kind, usize)> {
    let lower = name.to_ascii_lowercase();
    CIPHERS
        .iter()
        .find(|(n, _, _)| *n == lower)
        .map(|&(_, kind, len)| (kind, len))
}

/// Whether `len` is a GCM tag length OpenSSL accepts.
fn gcm_tag_len_ok(len: usize) -> bool {
    matches!(len, 4 | 8 | 12..=16)
}

fn block_engine<C>(kind: Kind, key: &[u8], iv: &[u8], encrypt: bool) -> Box<dyn BlockStep>
where
    C: aes::cipher::BlockCipher
        + aes::cipher::BlockEncrypt
        + aes::cipher::BlockDecrypt
        + KeyInit
        + aes::cipher::BlockSizeUser<BlockSize = aes::cipher::consts::U16>
        + 'static,
{
    match (kind, encrypt) {
        (Kind::Cbc, true) => Box::new(Encrypting(
            cbc::Encryptor::<C>::new_from_slices(key, iv).expect("sizes"),
        )),
        (Kind::Cbc, false) => Box::new(Decrypting(
            cbc::Decryptor::<C>::new_from_slices(key, iv).expect("sizes"),
        )),
        (_, true) => Box::new(Encrypting(
            ecb::Encryptor::<C>::new_from_slice(key).expect("size"),
        )),
        (_, false) => Box::new(Decrypting(
            ecb::Decryptor::<C>::new_from_slice(key).expect("size"),
        )),
    }
}

fn new_engine(kind: Kind, key: &[u8], iv: &[u8], encrypt: bool) -> Engine {
    match kind {
        Kind::Cbc | Kind::Ecb => Engine::Block {
            step: match key.len() {
                16 => block_engine::<Aes128>(kind, key, iv, encrypt),
                24 => block_engine::<Aes192>(kind, key, iv, encrypt),
                _ => block_engine::<Aes256>(kind, key, iv, encrypt),
            },
            pending: Vec::with_capacity(32),
        },
        Kind::Ctr => Engine::Stream(match key.len() {
            16 => Box::new(ctr::Ctr128BE::<Aes128>::new_from_slices(key, iv).expect("sizes")),
            24 => Box::new(ctr::Ctr128BE::<Aes192>::new_from_slices(key, iv).expect("sizes")),
            _ => Box::new(ctr::Ctr128BE::<Aes256>::new_from_slices(key, iv).expect("sizes")),
        }),
        Kind::Gcm => Engine::Aead(Box::new(Aead::gcm(key, iv))),
        Kind::ChaCha20Poly1305 => Engine::Aead(Box::new(Aead::chacha(key, iv))),
    }
}

/// Checks the IV length for `kind` (`None`: no IV given).
fn iv_ok(kind: Kind, iv: Option<&[u8]>) -> bool {
    match (kind, iv) {
        (Kind::Ecb, None) => true,
        (Kind::Ecb, Some(iv)) => iv.is_empty(),
        (Kind::Cbc | Kind::Ctr, Some(iv)) => iv.len() == 16,
        (Kind::Gcm, Some(iv)) => !iv.is_empty(),
        (Kind::ChaCha20Poly1305, Some(iv)) => iv.len() == 12,
        (_, None) => false,
    }
}

/// `cipherNew(name, keyView, ivView | null, encrypt, authTagLength)` (authTagLength < 0: not
/// given): a handle, or an error number (0 unknown cipher, 1 key length, 2 IV, 3 tag length).
fn cipher_new<'js>(
    ctx: Ctx<'js>,
    name: String,
    key: Value<'js>,
    iv: Value<'js>,
    encrypt: bool,
    tag_len: f64,
) -> Result<Value<'js>> {
    let Some((kind, key_len)) = lookup(&name) else {
        return Ok(Value::new_int(ctx, UNKNOWN_CIPHER));
    };
    let tag_len_given = tag_len >= 0.0;
    let tag_len = if tag_len_given { tag_len as usize } else { 16 };
    let tag_ok = !tag_len_given
        || match kind {
            Kind::Gcm => gcm_tag_len_ok(tag_len),
            Kind::ChaCha20Poly1305 => (1..=16).contains(&tag_len),
            _ => true,
        };
    // Node checks the IV, then the tag length, then the key length.
    let outcome = with_view_bytes(&ctx, &key, |key| {
        let build = |iv: Option<&[u8]>| {
            if !iv_ok(kind, iv) {
                return Err(INVALID_IV);
            }
            if !tag_ok {
                return Err(INVALID_TAG_LEN);
            }
            if key.len() != key_len {
                return Err(INVALID_KEYLEN);
            }
            Ok(new_engine(kind, key, iv.unwrap_or(&[]), encrypt))
        };
        if iv.is_null() {
            build(None)
        } else {
            with_view_bytes(&ctx, &iv, |iv| build(Some(iv))).unwrap_or(Err(INVALID_IV))
        }
    })
    .ok_or_else(|| Exception::throw_type(&ctx, "key must be an ArrayBuffer or ArrayBufferView"))?;
    let engine = match outcome {
        Ok(engine) => engine,
        Err(code) => return Ok(Value::new_int(ctx, code)),
    };
    let cipher = NativeCipher {
        engine: Some(engine),
        encrypt,
        padding: true,
        kind,
        tag_len,
        tag_len_given,
        tag: None,
    };
    Ok(Class::instance(ctx, cipher)?.into_value())
}

/// Runs whole blocks of `pending` through `step`, keeping what OpenSSL keeps back: a partial
/// block, and when decrypting with padding the last whole block too (it may hold the padding).
fn drain_blocks(step: &mut dyn BlockStep, pending: &mut Vec<u8>, hold_last: bool) -> Vec<u8> {
    let mut whole = pending.len() / 16 * 16;
    if hold_last && whole == pending.len() && whole > 0 {
        whole -= 16;
    }
    let mut out: Vec<u8> = pending.drain(..whole).collect();
    for chunk in out.chunks_exact_mut(16) {
        step.step(chunk.try_into().expect("16 bytes"));
    }
    out
}

/// `cipherUpdate(handle, view)`: the output for this input as a Buffer, or 7 once finalized.
fn cipher_update<'js>(
    ctx: Ctx<'js>,
    cipher: Class<'js, NativeCipher>,
    data: Value<'js>,
) -> Result<Value<'js>> {
    let out = {
        let mut guard = cipher.borrow_mut();
        let cipher = &mut *guard;
        let (encrypt, padding) = (cipher.encrypt, cipher.padding);
        let Some(engine) = cipher.engine.as_mut() else {
            return Ok(Value::new_int(ctx, FINALIZED));
        };
        with_view_bytes(&ctx, &data, |bytes| match engine {
            Engine::Block { step, pending } => {
                pending.extend_from_slice(bytes);
                drain_blocks(step.as_mut(), pending, !encrypt && padding)
            }
            Engine::Stream(stream) => {
                let mut out = bytes.to_vec();
                stream.apply(&mut out);
                out
            }
            Engine::Aead(aead) => {
                let mut out = bytes.to_vec();
                aead.process(&mut out, encrypt);
                out
            }
        })
        .ok_or_else(|| Exception::throw_type(&ctx, "data must be an ArrayBufferView"))?
    };
    wrap_bytes(&ctx, out)
}

/// `cipherFinal(handle)`: the last output as a Buffer, or an error number (4 wrong final block
/// length, 5 bad decrypt, 6 unable to authenticate, 7 finalized already).
fn cipher_final<'js>(ctx: Ctx<'js>, cipher: Class<'js, NativeCipher>) -> Result<Value<'js>> {
    let result = {
        let mut guard = cipher.borrow_mut();
        let cipher = &mut *guard;
        let Some(engine) = cipher.engine.take() else {
            return Ok(Value::new_int(ctx, FINALIZED));
        };
        match engine {
            Engine::Block {
                mut step,
                mut pending,
            } => finish_blocks(step.as_mut(), &mut pending, cipher.encrypt, cipher.padding),
            Engine::Stream(_) => Ok(Vec::new()),
            Engine::Aead(aead) => {
                let tag = (*aead).tag();
                if cipher.encrypt {
                    cipher.tag = Some(tag[..cipher.tag_len].to_vec());
                    Ok(Vec::new())
                } else {
                    match &cipher.tag {
                        Some(expected)
                            if bool::from(subtle::ConstantTimeEq::ct_eq(
                                &tag[..expected.len()],
                                &expected[..],
                            )) =>
                        {
                            Ok(Vec::new())
                        }
                        _ => Err(UNABLE_TO_AUTHENTICATE),
                    }
                }
            }
        }
    };
    match result {
        Ok(out) => wrap_bytes(&ctx, out),
        Err(code) => Ok(Value::new_int(ctx, code)),
    }
}

/// The end of a CBC/ECB stream: padding added (encrypting) or checked and removed
/// (decrypting), or OpenSSL's error number.
fn finish_blocks(
    step: &mut dyn BlockStep,
    pending: &mut Vec<u8>,
    encrypt: bool,
    padding: bool,
) -> std::result::Result<Vec<u8>, i32> {
    if !padding {
        if !pending.is_empty() {
            return Err(WRONG_FINAL_BLOCK_LENGTH);
        }
        return Ok(Vec::new());
    }
    if encrypt {
        let fill = 16 - pending.len();
        pending.resize(16, fill as u8);
        return Ok(drain_blocks(step, pending, false));
    }
    if pending.len() != 16 {
        return Err(WRONG_FINAL_BLOCK_LENGTH);
    }
    let mut block: [u8; 16] = pending[..].try_into().expect("16 bytes");
    step.step(&mut block);
    let n = block[15] as usize;
    if n == 0 || n > 16 || block[16 - n..].iter().any(|&b| b as usize != n) {
        return Err(BAD_DECRYPT);
    }
    Ok(block[..16 - n].to_vec())
}

/// `cipherSetAutoPadding(handle, on)`: `false` once finalized.
fn cipher_set_auto_padding(cipher: Class<'_, NativeCipher>, on: bool) -> bool {
    let mut cipher = cipher.borrow_mut();
    if cipher.engine.is_none() {
        return false;
    }
    cipher.padding = on;
    true
}

/// `cipherSetAAD(handle, view)`: `false` when not an AEAD, finalized, or data already went in.
fn cipher_set_aad<'js>(
    ctx: Ctx<'js>,
    cipher: Class<'js, NativeCipher>,
    aad: Value<'js>,
) -> Result<bool> {
    let mut cipher = cipher.borrow_mut();
    let Some(Engine::Aead(aead)) = cipher.engine.as_mut() else {
        return Ok(false);
    };
    if aead.in_data {
        return Ok(false);
    }
    with_view_bytes(&ctx, &aad, |bytes| aead.add_aad(bytes))
        .ok_or_else(|| Exception::throw_type(&ctx, "buffer must be an ArrayBufferView"))?;
    Ok(true)
}

/// `cipherGetAuthTag(handle)`: the tag after `final` on an encrypting AEAD, else `undefined`.
fn cipher_get_auth_tag<'js>(ctx: Ctx<'js>, cipher: Class<'js, NativeCipher>) -> Result<Value<'js>> {
    let tag = {
        let cipher = cipher.borrow();
        if !cipher.encrypt {
            None
        } else {
            cipher.tag.clone()
        }
    };
    match tag {
        Some(tag) => wrap_bytes(&ctx, tag),
        None => Ok(Value::new_undefined(ctx)),
    }
}

/// `cipherSetAuthTag(handle, view)`: 0 done, 1 invalid state, 3 invalid tag length.
fn cipher_set_auth_tag<'js>(
    ctx: Ctx<'js>,
    cipher: Class<'js, NativeCipher>,
    tag: Value<'js>,
) -> Result<i32> {
    let mut cipher = cipher.borrow_mut();
    if cipher.encrypt || cipher.tag.is_some() || !matches!(cipher.engine, Some(Engine::Aead(_))) {
        return Ok(1);
    }
    let bytes = with_view_bytes(&ctx, &tag, |b| b.to_vec())
        .ok_or_else(|| Exception::throw_type(&ctx, "buffer must be an ArrayBufferView"))?;
    let ok = if cipher.tag_len_given || cipher.kind == Kind::ChaCha20Poly1305 {
        bytes.len() == cipher.tag_len
    } else {
        gcm_tag_len_ok(bytes.len())
    };
    if !ok {
        return Ok(INVALID_TAG_LEN);
    }
    cipher.tag = Some(bytes);
    Ok(0)
}

/// Gives the handles a constructor named `CipherBase`, so they inspect as Node's do.
fn name_handles<'js>(ctx: &Ctx<'js>) -> Result<()> {
    if let Some(proto) = Class::<NativeCipher>::prototype(ctx)? {
        let refuse = Function::new(ctx.clone(), |ctx: Ctx<'js>| -> Result<()> {
            Err(Exception::throw_type(&ctx, "Illegal constructor"))
        })?
        .with_name("CipherBase")?;
        refuse.set("prototype", proto.clone())?;
        proto.set("constructor", refuse)?;
    }
    Ok(())
}

/// Adds the `cryptoCipher*` natives.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    name_handles(ctx)?;
    native.set("cryptoCipherNew", Function::new(ctx.clone(), cipher_new)?)?;
    native.set(
        "cryptoCipherUpdate",
        Function::new(ctx.clone(), cipher_update)?,
    )?;
    native.set(
        "cryptoCipherFinal",
        Function::new(ctx.clone(), cipher_final)?,
    )?;
    native.set(
        "cryptoCipherSetAutoPadding",
        Function::new(ctx.clone(), cipher_set_auto_padding)?,
    )?;
    native.set(
        "cryptoCipherSetAAD",
        Function::new(ctx.clone(), cipher_set_aad)?,
    )?;
    native.set(
        "cryptoCipherGetAuthTag",
        Function::new(ctx.clone(), cipher_get_auth_tag)?,
    )?;
    native.set(
        "cryptoCipherSetAuthTag",
        Function::new(ctx.clone(), cipher_set_auth_tag)?,
    )?;
    native.set("cryptoCiphers", LISTED.to_vec())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use aes_gcm::aead::AeadInPlace;

    fn seal(
        kind: Kind,
        key: &[u8],
        iv: &[u8],
        aad: &[u8],
        data: &[u8],
        pieces: usize,
    ) -> (Vec<u8>, [u8; 16]) {
        let mut aead = match kind {
            Kind::Gcm => Aead::gcm(key, iv),
            _ => Aead::chacha(key, iv),
        };
        for part in aad.chunks(aad.len().max(1).div_ceil(pieces)) {
            aead.add_aad(part);
        }
        let mut out = data.to_vec();
        let step = out.len().max(1).div_ceil(pieces);
        for part in out.chunks_mut(step) {
            aead.process(part, true);
        }
        (out, aead.tag())
    }

    /// Seals `data` through our composition in each number of `pieces` and compares the
    /// ciphertext and tag with the reference AEAD crate's one-shot result.
    fn assert_seal_matches<A: aes_gcm::aead::KeyInit + AeadInPlace>(
        kind: Kind,
        key: &[u8; 32],
        aad: &[u8],
        data: &[u8],
        pieces: &[usize],
    ) {
        let iv = [9u8; 12];
        for &n in pieces {
            let (ct, tag) = seal(kind, key, &iv, aad, data, n);
            let mut expected = data.to_vec();
            let reference = A::new_from_slice(key).unwrap();
            let t = reference
                .encrypt_in_place_detached(
                    aes_gcm::Nonce::<A::NonceSize>::from_slice(&iv),
                    aad,
                    &mut expected,
                )
                .unwrap();
            assert_eq!(ct, expected);
            assert_eq!(tag[..], t[..]);
        }
    }

    #[test]
    fn gcm_composition_matches_the_aes_gcm_crate() {
        let aad: Vec<u8> = (0..37).collect();
        let data: Vec<u8> = (0..100u8).map(|i| i.wrapping_mul(31)).collect();
        assert_seal_matches::<aes_gcm::Aes256Gcm>(Kind::Gcm, &[7; 32], &aad, &data, &[1, 3, 7]);
    }

    #[test]
    fn chacha_composition_matches_the_chacha20poly1305_crate() {
        let aad: Vec<u8> = (0..21).collect();
        let data: Vec<u8> = (0..77u8).collect();
        assert_seal_matches::<chacha20poly1305::ChaCha20Poly1305>(
            Kind::ChaCha20Poly1305,
            &[3; 32],
            &aad,
            &data,
            &[1, 4],
        );
    }

    #[test]
    fn decrypting_with_padding_holds_back_the_last_block() {
        let mut pending = vec![0u8; 32];
        let mut step = Encrypting(ecb::Encryptor::<Aes128>::new_from_slice(&[0; 16]).unwrap());
        assert_eq!(drain_blocks(&mut step, &mut pending, true).len(), 16);
        assert_eq!(pending.len(), 16);
        assert_eq!(
            finish_blocks(&mut step, &mut vec![1, 2, 3], false, true),
            Err(WRONG_FINAL_BLOCK_LENGTH)
        );
    }
}
