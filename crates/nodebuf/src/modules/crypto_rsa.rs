//! RSA paddings as OpenSSL applies them for Node: EMSA-PSS with its own MGF1 digest and
//! salt-length rules (RSA-PSS keys restrict digest and minimum salt), EME-OAEP with any label
//! bytes, PKCS#1 v1.5 signatures (DigestInfo prefix) and encryption, type-1 "private
//! encryption" and raw RSA, on the rsa crate's raw operations (`hazmat`, blinded private
//! operation). The rsa crate's own PSS and OAEP take one digest for both hash and MGF1 and
//! labels as UTF-8 text, which Node's API does not restrict; the padding steps (RFC 8017
//! §7.1, §9.1) are therefore here, each a few lines over RustCrypto's digests.
//!
//! Every failure is the [`OsslError`] (plus OpenSSL's queued errors) Node reports.

use digest::DynDigest;
use rsa::traits::PublicKeyParts;
use rsa::{BigUint, RsaPrivateKey, RsaPublicKey};
use subtle::{ConditionallySelectable, ConstantTimeEq};

use super::crypto_keys::{ossl, OsslError, PssParams};

const RSA_LIB: &str = "rsa routines";
const PROVIDER: &str = "Provider routines";
/// Input longer than the modulus.
pub const GREATER_THAN_MOD_LEN: OsslError = ossl(
    "0200006C",
    RSA_LIB,
    "data greater than mod len",
    "ERR_OSSL_RSA_DATA_GREATER_THAN_MOD_LEN",
);
/// Input not below the modulus.
pub const TOO_LARGE_FOR_MODULUS: OsslError = ossl(
    "02000084",
    RSA_LIB,
    "data too large for modulus",
    "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_MODULUS",
);
/// A message too long for the padding.
pub const TOO_LARGE_FOR_KEY: OsslError = ossl(
    "0200006E",
    RSA_LIB,
    "data too large for key size",
    "ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE",
);
/// Raw RSA given fewer bytes than the modulus.
pub const TOO_SMALL_FOR_KEY: OsslError = ossl(
    "0200007A",
    RSA_LIB,
    "data too small for key size",
    "ERR_OSSL_RSA_DATA_TOO_SMALL_FOR_KEY_SIZE",
);
/// A bad OAEP block.
pub const OAEP_DECODING: OsslError = ossl(
    "02000079",
    RSA_LIB,
    "oaep decoding error",
    "ERR_OSSL_RSA_OAEP_DECODING_ERROR",
);
/// A bad PKCS#1 v1.5 block.
pub const INVALID_PADDING: OsslError = ossl(
    "0200008A",
    RSA_LIB,
    "invalid padding",
    "ERR_OSSL_RSA_INVALID_PADDING",
);
/// A type-1 block (`publicDecrypt`) whose top byte is 0 but whose type byte is not 1.
pub const BLOCK_TYPE_IS_NOT_01: OsslError = ossl(
    "0200006A",
    RSA_LIB,
    "block type is not 01",
    "ERR_OSSL_RSA_BLOCK_TYPE_IS_NOT_01",
);
/// A type-1 block whose filler has a byte other than 0xff before the separator.
pub const BAD_FIXED_HEADER_DECRYPT: OsslError = ossl(
    "02000066",
    RSA_LIB,
    "bad fixed header decrypt",
    "ERR_OSSL_RSA_BAD_FIXED_HEADER_DECRYPT",
);
/// A type-1 block whose filler runs to the end with no 0 separator.
pub const NULL_BEFORE_BLOCK_MISSING: OsslError = ossl(
    "02000071",
    RSA_LIB,
    "null before block missing",
    "ERR_OSSL_RSA_NULL_BEFORE_BLOCK_MISSING",
);
/// A type-1 block with fewer than 8 filler bytes.
pub const BAD_PAD_BYTE_COUNT: OsslError = ossl(
    "02000067",
    RSA_LIB,
    "bad pad byte count",
    "ERR_OSSL_RSA_BAD_PAD_BYTE_COUNT",
);
/// A DigestInfo that does not fit the modulus.
pub const DIGEST_TOO_BIG: OsslError = ossl(
    "02000070",
    RSA_LIB,
    "digest too big for rsa key",
    "ERR_OSSL_RSA_DIGEST_TOO_BIG_FOR_RSA_KEY",
);
/// A digest an RSA-PSS key's parameters do not allow.
pub const DIGEST_NOT_ALLOWED: OsslError = ossl(
    "1C8000AE",
    PROVIDER,
    "digest not allowed",
    "ERR_OSSL_DIGEST_NOT_ALLOWED",
);
/// A salt below an RSA-PSS key's minimum.
pub const SALTLEN_TOO_SMALL: OsslError = ossl(
    "1C8000AC",
    PROVIDER,
    "pss saltlen too small",
    "ERR_OSSL_PSS_SALTLEN_TOO_SMALL",
);
/// PKCS#1 v1.5 asked of an RSA-PSS key.
pub const ILLEGAL_PADDING: OsslError = ossl(
    "1C8000A5",
    PROVIDER,
    "illegal or unsupported padding mode",
    "ERR_OSSL_ILLEGAL_OR_UNSUPPORTED_PADDING_MODE",
);

/// OpenSSL's queued errors under the reported one.
pub const RSA_LIB_STACK: &[&str] = &["error:1C880004:Provider routines::RSA lib"];
/// What a failed decryption queues.
pub const DECRYPT_STACK: &[&str] = &["error:1C8000A2:Provider routines::failed to decrypt"];
/// What a bad PKCS#1 v1.5 block queues.
pub const PADDING_STACK: &[&str] = &[
    "error:1C880004:Provider routines::RSA lib",
    "error:02000072:rsa routines::padding check failed",
];

/// A failure: the error and what OpenSSL queued before it.
pub type Failure = (OsslError, &'static [&'static str]);
type Outcome<T> = std::result::Result<T, Failure>;

/// A digest for PSS/OAEP: a fresh instance per use.
pub type MakeDigest<'a> = &'a dyn Fn() -> Box<dyn DynDigest + Send + Sync>;

fn hash(make: MakeDigest<'_>, parts: &[&[u8]]) -> Vec<u8> {
    let mut d = make();
    for part in parts {
        d.update(part);
    }
    d.finalize().into_vec()
}

/// XORs MGF1(seed) into `out` (RFC 8017 B.2.1).
fn mgf1_xor(make: MakeDigest<'_>, seed: &[u8], out: &mut [u8]) {
    let mut counter: u32 = 0;
    let mut done = 0;
    while done < out.len() {
        let block = hash(make, &[seed, &counter.to_be_bytes()]);
        for (o, b) in out[done..].iter_mut().zip(block.iter()) {
            *o ^= b;
        }
        done += block.len();
        counter += 1;
    }
}

fn random(len: usize) -> Vec<u8> {
    use rand_core::RngCore;
    let mut bytes = vec![0u8; len];
    rand_core::OsRng.fill_bytes(&mut bytes);
    bytes
}

fn left_pad(mut bytes: Vec<u8>, len: usize) -> Vec<u8> {
    if bytes.len() < len {
        let mut out = vec![0u8; len - bytes.len()];
        out.append(&mut bytes);
        bytes = out;
    }
    bytes
}

/// The public operation on `data` (`len <= k`, below n), `k` bytes out.
pub fn raw_public(
    public: &RsaPublicKey,
    data: &[u8],
    stack: &'static [&'static str],
) -> Outcome<Vec<u8>> {
    let k = public.size();
    if data.len() > k {
        return Err((GREATER_THAN_MOD_LEN, stack));
    }
    let m = BigUint::from_bytes_be(data);
    if &m >= public.n() {
        return Err((TOO_LARGE_FOR_MODULUS, stack));
    }
    let c = rsa::hazmat::rsa_encrypt(public, &m).map_err(|_| (TOO_LARGE_FOR_MODULUS, stack))?;
    Ok(left_pad(c.to_bytes_be(), k))
}

/// The private operation on `data` (blinded, result checked), `k` bytes out.
pub fn raw_private(
    private: &RsaPrivateKey,
    data: &[u8],
    stack: &'static [&'static str],
) -> Outcome<Vec<u8>> {
    let k = private.size();
    if data.len() > k {
        return Err((GREATER_THAN_MOD_LEN, stack));
    }
    let c = BigUint::from_bytes_be(data);
    if &c >= private.n() {
        return Err((TOO_LARGE_FOR_MODULUS, stack));
    }
    let m = rsa::hazmat::rsa_decrypt_and_check(private, Some(&mut rand_core::OsRng), &c)
        .map_err(|_| (TOO_LARGE_FOR_MODULUS, stack))?;
    Ok(left_pad(m.to_bytes_be(), k))
}

// --- PSS ---------------------------------------------------------------------------------

/// Node's salt-length constants.
pub const SALTLEN_DIGEST: i32 = -1;
/// RSA_PSS_SALTLEN_MAX_SIGN / RSA_PSS_SALTLEN_AUTO.
pub const SALTLEN_MAX_OR_AUTO: i32 = -2;
/// The salt length was not given.
pub const SALTLEN_DEFAULT: i32 = -100;

/// What a PSS operation uses: digests, the salt length asked for and the key's restrictions.
pub struct PssRequest<'a> {
    /// The message digest's Node name.
    pub digest_name: &'a str,
    /// Makes the message digest.
    pub digest: MakeDigest<'a>,
    /// Makes MGF1's digest.
    pub mgf1: MakeDigest<'a>,
    /// The salt length argument (one of the constants above, or a length).
    pub salt: i32,
    /// The key's RSA-PSS parameters, if it has any.
    pub params: Option<&'a PssParams>,
}

fn em_bits(key_bits: usize) -> usize {
    key_bits - 1
}

impl PssRequest<'_> {
    fn check_digest(&self) -> Outcome<()> {
        match self.params {
            Some(p) if p.hash != self.digest_name => Err((DIGEST_NOT_ALLOWED, &[])),
            _ => Ok(()),
        }
    }

    /// The salt length to sign with.
    fn sign_salt(&self, key_bits: usize, h_len: usize) -> Outcome<usize> {
        let em_len = em_bits(key_bits).div_ceil(8);
        let max = em_len
            .checked_sub(h_len + 2)
            .ok_or((TOO_LARGE_FOR_KEY, RSA_LIB_STACK))?;
        let salt = match self.salt {
            SALTLEN_DEFAULT => self.params.map(|p| p.salt_len as usize).unwrap_or(max),
            SALTLEN_DIGEST => h_len,
            SALTLEN_MAX_OR_AUTO => max,
            n if n >= 0 => n as usize,
            _ => return Err((TOO_LARGE_FOR_KEY, RSA_LIB_STACK)),
        };
        if let Some(p) = self.params {
            if salt < p.salt_len as usize {
                return Err((SALTLEN_TOO_SMALL, &[]));
            }
        }
        if salt > max {
            return Err((TOO_LARGE_FOR_KEY, RSA_LIB_STACK));
        }
        Ok(salt)
    }
}

/// Signs the digest `m_hash` with EMSA-PSS.
pub fn pss_sign(private: &RsaPrivateKey, m_hash: &[u8], req: &PssRequest<'_>) -> Outcome<Vec<u8>> {
    req.check_digest()?;
    let bits = private.n().bits();
    let h_len = m_hash.len();
    let s_len = req.sign_salt(bits, h_len)?;
    let em_bits = em_bits(bits);
    let em_len = em_bits.div_ceil(8);
    let salt = random(s_len);
    let h = hash(req.digest, &[&[0u8; 8], m_hash, &salt]);
    let mut em = vec![0u8; em_len];
    let db_len = em_len - h_len - 1;
    em[db_len - s_len - 1] = 1;
    em[db_len - s_len..db_len].copy_from_slice(&salt);
    mgf1_xor(req.mgf1, &h, &mut em[..db_len]);
    em[0] &= 0xff >> (8 * em_len - em_bits);
    em[db_len..em_len - 1].copy_from_slice(&h);
    em[em_len - 1] = 0xbc;
    raw_private(private, &em, RSA_LIB_STACK)
}

/// Verifies an EMSA-PSS signature over the digest `m_hash`; `false` for any mismatch.
pub fn pss_verify(
    public: &RsaPublicKey,
    m_hash: &[u8],
    sig: &[u8],
    req: &PssRequest<'_>,
) -> Outcome<bool> {
    req.check_digest()?;
    let k = public.size();
    if sig.len() != k {
        return Ok(false);
    }
    let Ok(m) = raw_public(public, sig, &[]) else {
        return Ok(false);
    };
    let bits = public.n().bits();
    let em_bits = em_bits(bits);
    let em_len = em_bits.div_ceil(8);
    let h_len = m_hash.len();
    if m[..k - em_len].iter().any(|b| *b != 0) || em_len < h_len + 2 {
        return Ok(false);
    }
    let mut em = m[k - em_len..].to_vec();
    if em[em_len - 1] != 0xbc || em[0] & !(0xff >> (8 * em_len - em_bits)) != 0 {
        return Ok(false);
    }
    let db_len = em_len - h_len - 1;
    let h = em[db_len..em_len - 1].to_vec();
    mgf1_xor(req.mgf1, &h, &mut em[..db_len]);
    em[0] &= 0xff >> (8 * em_len - em_bits);
    let Some(one) = em[..db_len].iter().position(|b| *b != 0) else {
        return Ok(false);
    };
    if em[one] != 1 {
        return Ok(false);
    }
    let salt = &em[one + 1..db_len];
    let wanted = match req.salt {
        SALTLEN_DIGEST => Some(h_len),
        SALTLEN_MAX_OR_AUTO | SALTLEN_DEFAULT => None,
        n if n >= 0 => Some(n as usize),
        _ => None,
    };
    if wanted.is_some_and(|w| w != salt.len()) {
        return Ok(false);
    }
    if req.params.is_some_and(|p| salt.len() < p.salt_len as usize) {
        return Ok(false);
    }
    let h2 = hash(req.digest, &[&[0u8; 8], m_hash, salt]);
    Ok(bool::from(h2.ct_eq(&h)))
}

// --- PKCS#1 v1.5 signatures ----------------------------------------------------------------

/// Signs `digest_info` (DigestInfo prefix + digest) with EMSA-PKCS1-v1_5.
pub fn pkcs1_sign(private: &RsaPrivateKey, digest_info: &[u8]) -> Outcome<Vec<u8>> {
    let k = private.size();
    if digest_info.len() + 11 > k {
        return Err((DIGEST_TOO_BIG, RSA_LIB_STACK));
    }
    raw_private(private, &type1_block(k, digest_info), RSA_LIB_STACK)
}

fn type1_block(k: usize, data: &[u8]) -> Vec<u8> {
    let mut em = vec![0xffu8; k];
    em[0] = 0;
    em[1] = 1;
    em[k - data.len() - 1] = 0;
    em[k - data.len()..].copy_from_slice(data);
    em
}

/// Verifies an EMSA-PKCS1-v1_5 signature: the block must be exactly the expected one.
pub fn pkcs1_verify(public: &RsaPublicKey, digest_info: &[u8], sig: &[u8]) -> bool {
    let k = public.size();
    if sig.len() != k || digest_info.len() + 11 > k {
        return false;
    }
    match raw_public(public, sig, &[]) {
        Ok(em) => bool::from(em.ct_eq(&type1_block(k, digest_info))),
        Err(_) => false,
    }
}

/// `privateEncrypt` with PKCS#1 padding: a type-1 block around `data`.
pub fn private_encrypt(private: &RsaPrivateKey, data: &[u8]) -> Outcome<Vec<u8>> {
    let k = private.size();
    if data.len() + 11 > k {
        return Err((TOO_LARGE_FOR_KEY, RSA_LIB_STACK));
    }
    raw_private(private, &type1_block(k, data), RSA_LIB_STACK)
}

/// `publicDecrypt` with PKCS#1 padding: the data inside a type-1 block. A malformed block fails
/// with the reason OpenSSL gives for its first fault, in OpenSSL's order: a top byte other than
/// 0 (invalid padding), a type byte other than 1 (block type is not 01), a filler byte other
/// than 0xff (bad fixed header decrypt), no 0 separator (null before block missing), fewer
/// than 8 filler bytes (bad pad byte count).
pub fn public_decrypt(public: &RsaPublicKey, data: &[u8]) -> Outcome<Vec<u8>> {
    let em = raw_public(public, data, RSA_LIB_STACK)?;
    let fail = |reason| Err((reason, PADDING_STACK));
    if em.len() < 11 || em[0] != 0 {
        return fail(INVALID_PADDING);
    }
    if em[1] != 1 {
        return fail(BLOCK_TYPE_IS_NOT_01);
    }
    let Some(end) = em[2..].iter().position(|b| *b != 0xff).map(|i| i + 2) else {
        return fail(NULL_BEFORE_BLOCK_MISSING);
    };
    if em[end] != 0 {
        return fail(BAD_FIXED_HEADER_DECRYPT);
    }
    if end < 10 {
        return fail(BAD_PAD_BYTE_COUNT);
    }
    Ok(em[end + 1..].to_vec())
}

// --- encryption --------------------------------------------------------------------------

/// `publicEncrypt` with PKCS#1 v1.5 padding (type 2, random non-zero filler).
pub fn pkcs1_encrypt(public: &RsaPublicKey, data: &[u8]) -> Outcome<Vec<u8>> {
    let k = public.size();
    if data.len() + 11 > k {
        return Err((TOO_LARGE_FOR_KEY, &[]));
    }
    let mut em = vec![0u8; k];
    em[1] = 2;
    for b in em[2..k - data.len() - 1].iter_mut() {
        while *b == 0 {
            *b = random(1)[0];
        }
    }
    em[k - data.len()..].copy_from_slice(data);
    raw_public(public, &em, &[])
}

/// `publicEncrypt` with OAEP.
pub fn oaep_encrypt(
    public: &RsaPublicKey,
    data: &[u8],
    digest: MakeDigest<'_>,
    label: &[u8],
) -> Outcome<Vec<u8>> {
    let k = public.size();
    let l_hash = hash(digest, &[label]);
    let h_len = l_hash.len();
    if k < 2 * h_len + 2 || data.len() > k - 2 * h_len - 2 {
        return Err((TOO_LARGE_FOR_KEY, &[]));
    }
    let mut em = vec![0u8; k];
    let (seed, db) = em[1..].split_at_mut(h_len);
    db[..h_len].copy_from_slice(&l_hash);
    let db_len = db.len();
    db[db_len - data.len() - 1] = 1;
    db[db_len - data.len()..].copy_from_slice(data);
    seed.copy_from_slice(&random(h_len));
    mgf1_xor(digest, seed, db);
    mgf1_xor(digest, db, seed);
    raw_public(public, &em, &[])
}

/// `privateDecrypt` with OAEP; every malformed block is the same error, found in time that
/// does not depend on where the block is wrong.
pub fn oaep_decrypt(
    private: &RsaPrivateKey,
    data: &[u8],
    digest: MakeDigest<'_>,
    label: &[u8],
) -> Outcome<Vec<u8>> {
    let k = private.size();
    let l_hash = hash(digest, &[label]);
    let h_len = l_hash.len();
    let bad = (OAEP_DECODING, &[] as &[&str]);
    if data.len() > k {
        return Err((GREATER_THAN_MOD_LEN, DECRYPT_STACK));
    }
    if k < 2 * h_len + 2 {
        return Err(bad);
    }
    let mut em = raw_private(private, data, DECRYPT_STACK)?;
    let first_zero = em[0].ct_eq(&0);
    let (seed, db) = em[1..].split_at_mut(h_len);
    mgf1_xor(digest, db, seed);
    mgf1_xor(digest, seed, db);
    let hash_ok = db[..h_len].ct_eq(&l_hash);
    // Find the 0x01 separator after the zero padding without branching on the bytes.
    let mut found = subtle::Choice::from(0);
    let mut index = 0u32;
    let mut invalid = subtle::Choice::from(0);
    for (i, b) in db[h_len..].iter().enumerate() {
        let is_one = b.ct_eq(&1);
        let is_zero = b.ct_eq(&0);
        let first = is_one & !found;
        index.conditional_assign(&(i as u32), first);
        found |= is_one;
        invalid |= !found & !is_zero & !is_one;
    }
    if !bool::from(first_zero & hash_ok & found & !invalid) {
        return Err(bad);
    }
    Ok(db[h_len + index as usize + 1..].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha256() -> Box<dyn DynDigest + Send + Sync> {
        Box::new(sha2::Sha256::default())
    }

    fn sha1() -> Box<dyn DynDigest + Send + Sync> {
        Box::new(sha1::Sha1::default())
    }

    #[test]
    fn paddings_round_trip_and_match_the_rsa_crate() {
        let key = RsaPrivateKey::new(&mut rand_core::OsRng, 1024).unwrap();
        let public = key.to_public_key();
        let msg = b"some message";
        // OAEP: our encryption decrypts with the rsa crate, and the other way.
        let ct = oaep_encrypt(&public, msg, &sha256, b"").unwrap();
        assert_eq!(
            key.decrypt(rsa::Oaep::new::<sha2::Sha256>(), &ct).unwrap(),
            msg
        );
        let ct = public
            .encrypt(&mut rand_core::OsRng, rsa::Oaep::new::<sha2::Sha256>(), msg)
            .unwrap();
        assert_eq!(oaep_decrypt(&key, &ct, &sha256, b"").unwrap(), msg);
        assert!(oaep_decrypt(&key, &ct, &sha256, b"label").is_err());
        let labelled = oaep_encrypt(&public, msg, &sha1, &[0xff, 0]).unwrap();
        assert_eq!(
            oaep_decrypt(&key, &labelled, &sha1, &[0xff, 0]).unwrap(),
            msg
        );
        // PSS: our signature verifies with the rsa crate (same digest for MGF1).
        let digest = hash(&sha256, &[msg]);
        let req = PssRequest {
            digest_name: "sha256",
            digest: &sha256,
            mgf1: &sha256,
            salt: 32,
            params: None,
        };
        let sig = pss_sign(&key, &digest, &req).unwrap();
        assert!(public
            .verify(rsa::Pss::new_with_salt::<sha2::Sha256>(32), &digest, &sig)
            .is_ok());
        assert!(pss_verify(&public, &digest, &sig, &req).unwrap());
        let theirs = key
            .sign_with_rng(
                &mut rand_core::OsRng,
                rsa::Pss::new_with_salt::<sha2::Sha256>(10),
                &digest,
            )
            .unwrap();
        let auto = PssRequest {
            salt: SALTLEN_MAX_OR_AUTO,
            ..req
        };
        assert!(pss_verify(&public, &digest, &theirs, &auto).unwrap());
        // PKCS#1 v1.5 encryption decrypts with the rsa crate.
        let ct = pkcs1_encrypt(&public, msg).unwrap();
        assert_eq!(key.decrypt(rsa::Pkcs1v15Encrypt, &ct).unwrap(), msg);
        assert_eq!(
            public_decrypt(&public, &private_encrypt(&key, msg).unwrap()).unwrap(),
            msg
        );
    }
}
