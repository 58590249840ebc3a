//! Native half of `tls`: a TLS session that runs in memory. The JS half (`tls.js`) feeds it the
//! ciphertext its transport socket receives and writes out the ciphertext it produces, so a
//! `TLSSocket` works over a `net.Socket` or any duplex, as Node's TLSWrap does, with no thread
//! and no socket of its own.
//!
//! The protocol is rustls's (TLS 1.2 and 1.3, ring provider). Certificate chains are checked
//! with webpki but never fail the handshake: as Node does with OpenSSL's verify callback, the
//! outcome is recorded (as Node's verify code, e.g. `DEPTH_ZERO_SELF_SIGNED_CERT`) and the JS
//! half decides after the handshake (`rejectUnauthorized`, `authorized`, `authorizationError`).
//! A server session starts with rustls's `Acceptor`, so `SNICallback` can pick the context
//! from the ClientHello asynchronously before the handshake goes on.
//!
//! Boundary rule: the JS half passes Buffers and plain arrays it made itself; each native reads
//! view bytes from the engine's slots and copies them before anything else runs.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};

use rquickjs::class::Trace;
use rquickjs::{Array, Class, Ctx, Exception, Function, JsLifetime, Object, Result, Value};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::{Accepted, Acceptor};
use rustls::{
    AlertDescription, ClientConfig, ClientConnection, DigitallySignedStruct, DistinguishedName,
    Error as TlsError, ServerConfig, SignatureScheme, SupportedProtocolVersion,
};

use crate::bytes::{view_bytes, wrap_bytes};

/// The certificate material and protocol range of one `tls.createSecureContext()`.
struct Material {
    /// `ca` certificates; `None` means Node's default, the bundled Mozilla roots.
    ca: Option<Vec<CertificateDer<'static>>>,
    chain: Vec<CertificateDer<'static>>,
    key: Option<PrivateKeyDer<'static>>,
    /// Lowest and highest protocol as 12 (TLSv1.2) or 13 (TLSv1.3).
    min: u8,
    max: u8,
}

/// A `SecureContext` handle (`tls.createSecureContext().context`).
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "SecureContext")]
pub struct NativeSecureContext {
    #[qjs(skip_trace)]
    material: Arc<Material>,
}

/// Where a session is in its life.
enum State {
    /// A server waiting for the whole ClientHello.
    Accepting(Box<Acceptor>),
    /// A server holding the ClientHello until JS picks a context (`tlsAccept`).
    Hello(Box<Accepted>),
    /// The handshake or the data phase, on either side.
    Open(Box<rustls::Connection>),
    /// A fatal error happened; only the alert (if any) is left to send.
    Failed,
}

/// A TLS session handle (`TLSWrap` in Node's terms).
#[derive(Trace, JsLifetime)]
#[rquickjs::class(rename = "TLSWrap")]
pub struct NativeTlsSession {
    #[qjs(skip_trace)]
    state: State,
    /// The verify code of the peer's chain (None: verified or not checked yet).
    #[qjs(skip_trace)]
    verdict: Arc<Mutex<VerdictCell>>,
    /// Ciphertext waiting to be written (an alert from a failed accept).
    #[qjs(skip_trace)]
    out: Vec<u8>,
    /// Ciphertext that arrived while the ClientHello waits for `tlsAccept`.
    #[qjs(skip_trace)]
    held: Vec<u8>,
    /// Decrypted bytes not yet taken by `tlsRead`.
    #[qjs(skip_trace)]
    plain: Vec<u8>,
    /// The name the client sent (server side) or asked for (client side).
    #[qjs(skip_trace)]
    servername: Option<String>,
    /// Whether the peer sent close_notify.
    #[qjs(skip_trace)]
    peer_closed: bool,
}

/// What the chain check found.
#[derive(Default)]
struct Verdict {
    checked: bool,
    code: Option<&'static str>,
}

// --- protocol versions and cipher names ------------------------------------------------------

fn versions(min: u8, max: u8) -> Vec<&'static SupportedProtocolVersion> {
    let mut out = Vec::new();
    if min <= 13 && max >= 13 {
        out.push(&rustls::version::TLS13);
    }
    if min <= 12 && max >= 12 {
        out.push(&rustls::version::TLS12);
    }
    out
}

/// Each suite rustls has: its IANA number, OpenSSL's name and the standard name.
const SUITES: &[(u16, &str, &str)] = &[
    (0x1301, "TLS_AES_128_GCM_SHA256", "TLS_AES_128_GCM_SHA256"),
    (0x1302, "TLS_AES_256_GCM_SHA384", "TLS_AES_256_GCM_SHA384"),
    (
        0x1303,
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_CHACHA20_POLY1305_SHA256",
    ),
    (
        0xc02b,
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    ),
    (
        0xc02c,
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    ),
    (
        0xc02f,
        "ECDHE-RSA-AES128-GCM-SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    ),
    (
        0xc030,
        "ECDHE-RSA-AES256-GCM-SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    ),
    (
        0xcca9,
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    ),
    (
        0xcca8,
        "ECDHE-RSA-CHACHA20-POLY1305",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    ),
];

/// rustls's ring provider. It is deprecated only for lacking post-quantum key exchange, which
/// Node v20 (OpenSSL 3.0) does not offer either; aws-lc-rs needs cmake, absent here.
#[allow(deprecated)]
fn provider() -> Arc<CryptoProvider> {
    use rustls::crypto::ring::cipher_suite as suite;
    let mut provider = rustls::crypto::ring::default_provider();
    // Node's DEFAULT_CIPHERS order (a client's order is what servers honour by default).
    provider.cipher_suites = vec![
        suite::TLS13_AES_256_GCM_SHA384,
        suite::TLS13_CHACHA20_POLY1305_SHA256,
        suite::TLS13_AES_128_GCM_SHA256,
        suite::TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        suite::TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        suite::TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        suite::TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        suite::TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        suite::TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    ];
    Arc::new(provider)
}

// --- errors ------------------------------------------------------------------------------

/// OpenSSL's reason text for an alert the peer sent.
fn alert_reason(alert: AlertDescription) -> String {
    let text = match alert {
        AlertDescription::CloseNotify => "sslv3 alert close notify",
        AlertDescription::UnexpectedMessage => "sslv3 alert unexpected message",
        AlertDescription::BadRecordMac => "sslv3 alert bad record mac",
        AlertDescription::HandshakeFailure => "sslv3 alert handshake failure",
        AlertDescription::BadCertificate => "sslv3 alert bad certificate",
        AlertDescription::UnsupportedCertificate => "sslv3 alert unsupported certificate",
        AlertDescription::CertificateRevoked => "sslv3 alert certificate revoked",
        AlertDescription::CertificateExpired => "sslv3 alert certificate expired",
        AlertDescription::CertificateUnknown => "sslv3 alert certificate unknown",
        AlertDescription::IllegalParameter => "sslv3 alert illegal parameter",
        AlertDescription::UnknownCA => "tlsv1 alert unknown ca",
        AlertDescription::AccessDenied => "tlsv1 alert access denied",
        AlertDescription::DecodeError => "tlsv1 alert decode error",
        AlertDescription::DecryptError => "tlsv1 alert decrypt error",
        AlertDescription::ProtocolVersion => "tlsv1 alert protocol version",
        AlertDescription::InsufficientSecurity => "tlsv1 alert insufficient security",
        AlertDescription::InternalError => "tlsv1 alert internal error",
        AlertDescription::InappropriateFallback => "tlsv1 alert inappropriate fallback",
        AlertDescription::UserCanceled => "tlsv1 alert user cancelled",
        AlertDescription::MissingExtension => "tlsv13 alert missing extension",
        AlertDescription::UnsupportedExtension => "tlsv1 alert unsupported extension",
        AlertDescription::UnrecognisedName => "tlsv1 unrecognized name",
        AlertDescription::BadCertificateStatusResponse => "tlsv1 bad certificate status response",
        AlertDescription::UnknownPSKIdentity => "tlsv1 alert unknown psk identity",
        AlertDescription::CertificateRequired => "tlsv13 alert certificate required",
        AlertDescription::NoApplicationProtocol => "tlsv1 alert no application protocol",
        other => return format!("tlsv1 alert unknown ({})", u8::from(other)),
    };
    text.to_string()
}

/// Node's view of a TLS failure: OpenSSL's reason text and, for a received alert, its number.
fn failure(err: &TlsError) -> (String, i32) {
    use rustls::InvalidMessage;
    let reason = match err {
        TlsError::AlertReceived(alert) => {
            return (alert_reason(*alert), i32::from(u8::from(*alert)))
        }
        TlsError::NoApplicationProtocol => "no application protocol".to_string(),
        TlsError::PeerIncompatible(_) => "unsupported protocol".to_string(),
        TlsError::NoCertificatesPresented => "peer did not return a certificate".to_string(),
        TlsError::InvalidMessage(
            InvalidMessage::InvalidContentType | InvalidMessage::UnknownProtocolVersion,
        ) => "wrong version number".to_string(),
        TlsError::InvalidMessage(InvalidMessage::MessageTooLarge) => {
            "packet length too long".to_string()
        }
        TlsError::DecryptError => "decryption failed or bad record mac".to_string(),
        TlsError::InappropriateMessage { .. } | TlsError::InappropriateHandshakeMessage { .. } => {
            "unexpected message".to_string()
        }
        other => other.to_string().to_ascii_lowercase(),
    };
    (reason, -1)
}

/// `[reason, alertNumber]` for JS to build Node's `ERR_SSL_*` error.
fn failure_value<'js>(ctx: &Ctx<'js>, err: &TlsError) -> Result<Value<'js>> {
    let (reason, alert) = failure(err);
    let out = Array::new(ctx.clone())?;
    out.set(0, reason)?;
    out.set(1, alert)?;
    Ok(out.into_value())
}

/// Ends a session on a fatal error: the alert rustls queued for the peer goes to the output
/// (`tlsTakeOutput`), the session stays failed, and JS gets `[reason, alertNumber]`.
fn fail_session<'js>(
    ctx: &Ctx<'js>,
    s: &mut NativeTlsSession,
    err: &TlsError,
) -> Result<Value<'js>> {
    if let State::Open(conn) = &mut s.state {
        while conn.wants_write() {
            if conn.write_tls(&mut s.out).is_err() {
                break;
            }
        }
    }
    s.state = State::Failed;
    failure_value(ctx, err)
}

// --- chain checks ------------------------------------------------------------------------

/// Node's verify code for a chain webpki refused (None: the chain is trusted).
fn check_chain(
    end_entity: &CertificateDer<'_>,
    intermediates: &[CertificateDer<'_>],
    anchors: &[rustls::pki_types::TrustAnchor<'_>],
    trusted: &[CertificateDer<'_>],
    now: UnixTime,
    server: bool,
) -> Option<&'static str> {
    let algorithms = provider().signature_verification_algorithms.all;
    let Ok(ee) = webpki::EndEntityCert::try_from(end_entity) else {
        return check_v1_chain(end_entity, intermediates, trusted, now, 0);
    };
    let usage = if server {
        webpki::KeyUsage::server_auth()
    } else {
        webpki::KeyUsage::client_auth()
    };
    let result = ee.verify_for_usage(algorithms, anchors, intermediates, now, usage, None, None);
    match result {
        Ok(_) => None,
        Err(webpki::Error::CertExpired { .. }) => Some("CERT_HAS_EXPIRED"),
        Err(webpki::Error::CertNotValidYet { .. }) => Some("CERT_NOT_YET_VALID"),
        Err(webpki::Error::InvalidSignatureForPublicKey) => Some("CERT_SIGNATURE_FAILURE"),
        // A v1 issuer is no webpki trust anchor; the fallback finds it (or gives the same code).
        Err(webpki::Error::UnknownIssuer | webpki::Error::UnsupportedCertVersion) => {
            check_v1_chain(end_entity, intermediates, trusted, now, 0)
        }
        Err(_) => Some("UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
    }
}

/// The chain check for certificates webpki refuses to read (X.509 v1, which OpenSSL accepts):
/// validity at `now`, then an issuer among the trusted certificates (done) or the peer's
/// intermediates (checked in turn) whose subject names the issuer and whose key verifies the
/// signature.
fn check_v1_chain(
    cert: &[u8],
    intermediates: &[CertificateDer<'_>],
    trusted: &[CertificateDer<'_>],
    now: UnixTime,
    depth: usize,
) -> Option<&'static str> {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let Ok((_, parsed)) = X509Certificate::from_der(cert) else {
        return Some("UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY");
    };
    let now = now.as_secs() as i64;
    if parsed.validity().not_after.timestamp() < now {
        return Some("CERT_HAS_EXPIRED");
    }
    if parsed.validity().not_before.timestamp() > now {
        return Some("CERT_NOT_YET_VALID");
    }
    let issued_by = |issuer: &[u8]| {
        X509Certificate::from_der(issuer).is_ok_and(|(_, i)| {
            i.subject().as_raw() == parsed.issuer().as_raw()
                && parsed.verify_signature(Some(i.public_key())).is_ok()
        })
    };
    if trusted.iter().any(|t| issued_by(t.as_ref())) {
        return None;
    }
    if depth < 8 {
        if let Some(next) = intermediates.iter().find(|i| issued_by(i.as_ref())) {
            if next.as_ref() != cert {
                return check_v1_chain(
                    next.as_ref(),
                    intermediates,
                    trusted,
                    now_time(now),
                    depth + 1,
                );
            }
        }
    }
    if depth == 0 {
        Some(unknown_issuer_code(cert, intermediates))
    } else if parsed.subject().as_raw() == parsed.issuer().as_raw() {
        Some("SELF_SIGNED_CERT_IN_CHAIN")
    } else {
        Some("UNABLE_TO_GET_ISSUER_CERT_LOCALLY")
    }
}

fn now_time(secs: i64) -> UnixTime {
    UnixTime::since_unix_epoch(std::time::Duration::from_secs(secs.max(0) as u64))
}

/// Verifies a handshake signature with the peer certificate's key. webpki's path refuses
/// X.509 v1 certificates; for those the key is read with x509-parser and checked with the same
/// ring algorithms (only the first one for the scheme in TLS 1.3, as rustls does).
fn verify_handshake(
    message: &[u8],
    cert: &CertificateDer<'_>,
    dss: &DigitallySignedStruct,
    provider: &CryptoProvider,
    tls13: bool,
) -> std::result::Result<HandshakeSignatureValid, TlsError> {
    use rustls::pki_types::SignatureVerificationAlgorithm;
    let algs = &provider.signature_verification_algorithms;
    let standard = if tls13 {
        verify_tls13_signature(message, cert, dss, algs)
    } else {
        verify_tls12_signature(message, cert, dss, algs)
    };
    match standard {
        Err(TlsError::InvalidCertificate(_)) => {}
        other => return other,
    }
    let Ok((_, parsed)) = x509_parser::parse_x509_certificate(cert.as_ref()) else {
        return Err(TlsError::InvalidCertificate(
            rustls::CertificateError::BadEncoding,
        ));
    };
    let key = parsed.public_key().subject_public_key.data.as_ref();
    let candidates: &[&dyn SignatureVerificationAlgorithm] = algs
        .mapping
        .iter()
        .find(|(scheme, _)| *scheme == dss.scheme)
        .map(|(_, list)| *list)
        .unwrap_or(&[]);
    let candidates = if tls13 {
        &candidates[..candidates.len().min(1)]
    } else {
        candidates
    };
    if candidates
        .iter()
        .any(|alg| alg.verify_signature(key, message, dss.signature()).is_ok())
    {
        Ok(HandshakeSignatureValid::assertion())
    } else {
        Err(TlsError::InvalidCertificate(
            rustls::CertificateError::BadSignature,
        ))
    }
}

/// OpenSSL's code for a chain with no trusted issuer: a lone self-signed certificate, a chain
/// ending in an (untrusted) self-signed root, a lone leaf, or a chain missing its issuer.
fn unknown_issuer_code(end_entity: &[u8], intermediates: &[CertificateDer<'_>]) -> &'static str {
    let self_issued = |der: &[u8]| {
        use x509_parser::prelude::{FromDer, X509Certificate};
        X509Certificate::from_der(der)
            .map(|(_, c)| c.subject().as_raw() == c.issuer().as_raw())
            .unwrap_or(false)
    };
    match intermediates.last() {
        None if self_issued(end_entity) => "DEPTH_ZERO_SELF_SIGNED_CERT",
        None => "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        Some(last) if self_issued(last) => "SELF_SIGNED_CERT_IN_CHAIN",
        Some(_) => "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    }
}

/// Checks the peer's chain against `ca` (or the Mozilla roots), records the outcome in
/// `verdict`, and lets the handshake go on whatever it found (Node decides afterwards).
#[derive(Debug)]
struct RecordingVerifier {
    anchors: Vec<rustls::pki_types::TrustAnchor<'static>>,
    trusted: Vec<CertificateDer<'static>>,
    hints: Vec<DistinguishedName>,
    verdict: Arc<Mutex<VerdictCell>>,
    provider: Arc<CryptoProvider>,
    /// Server side: ask for a client certificate; fail the handshake without one.
    offer: bool,
    mandatory: bool,
}

/// `Verdict` behind a Debug impl (the verifier traits require Debug).
#[derive(Default)]
struct VerdictCell(Verdict);

impl std::fmt::Debug for VerdictCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Verdict")
    }
}

/// Node's default trust store: the bundled Mozilla roots plus the certificates in the PEM file
/// `NODE_EXTRA_CA_CERTS` names (read once, as Node reads it at start-up; an unreadable file
/// adds nothing).
fn default_roots() -> &'static [CertificateDer<'static>] {
    static ROOTS: std::sync::OnceLock<Vec<CertificateDer<'static>>> = std::sync::OnceLock::new();
    ROOTS.get_or_init(|| {
        let mut roots = webpki_root_certs::TLS_SERVER_ROOT_CERTS.to_vec();
        if let Some(path) = std::env::var_os("NODE_EXTRA_CA_CERTS") {
            if let Ok(pem) = std::fs::read(path) {
                roots.extend(CertificateDer::pem_slice_iter(&pem).filter_map(|c| c.ok()));
            }
        }
        roots
    })
}

impl RecordingVerifier {
    fn new(ca: Option<&[CertificateDer<'static>]>, verdict: Arc<Mutex<VerdictCell>>) -> Self {
        let source: &[CertificateDer<'_>] = match ca {
            Some(ca) => ca,
            None => default_roots(),
        };
        let mut anchors = Vec::new();
        let mut hints = Vec::new();
        for der in source {
            if let Ok(anchor) = webpki::anchor_from_trusted_cert(der) {
                hints.push(DistinguishedName::in_sequence(anchor.subject.as_ref()));
                anchors.push(anchor.to_owned());
            }
        }
        RecordingVerifier {
            anchors,
            trusted: source.iter().map(|c| c.clone().into_owned()).collect(),
            hints,
            verdict,
            provider: provider(),
            offer: false,
            mandatory: false,
        }
    }

    fn record(&self, code: Option<&'static str>) {
        let mut cell = self.verdict.lock().unwrap_or_else(|e| e.into_inner());
        cell.0 = Verdict {
            checked: true,
            code,
        };
    }
}

/// The handshake-signature half both of rustls's verifier traits ask for, written once: the
/// server-certificate and the client-certificate verifier check signatures the same way.
macro_rules! handshake_signature_methods {
    () => {
        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
            verify_handshake(message, cert, dss, &self.provider, false)
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> std::result::Result<HandshakeSignatureValid, TlsError> {
            verify_handshake(message, cert, dss, &self.provider, true)
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.provider
                .signature_verification_algorithms
                .supported_schemes()
        }
    };
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, TlsError> {
        self.record(check_chain(
            end_entity,
            intermediates,
            &self.anchors,
            &self.trusted,
            now,
            true,
        ));
        Ok(ServerCertVerified::assertion())
    }

    handshake_signature_methods!();
}

impl ClientCertVerifier for RecordingVerifier {
    fn offer_client_auth(&self) -> bool {
        self.offer
    }

    fn client_auth_mandatory(&self) -> bool {
        self.mandatory
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &self.hints
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> std::result::Result<ClientCertVerified, TlsError> {
        self.record(check_chain(
            end_entity,
            intermediates,
            &self.anchors,
            &self.trusted,
            now,
            false,
        ));
        Ok(ClientCertVerified::assertion())
    }

    handshake_signature_methods!();
}

// --- secure contexts ---------------------------------------------------------------------

/// The Buffers of a JS array (built by the JS half), or an empty list for null/undefined.
fn buffers<'js>(ctx: &Ctx<'js>, list: &Value<'js>) -> Result<Vec<Vec<u8>>> {
    if list.is_null() || list.is_undefined() {
        return Ok(Vec::new());
    }
    let Some(array) = list.as_array() else {
        return Err(Exception::throw_type(ctx, "expected an array of Buffers"));
    };
    let mut out = Vec::with_capacity(array.len());
    for item in array.iter::<Value>() {
        let item = item?;
        out.push(
            view_bytes(ctx, &item)
                .ok_or_else(|| Exception::throw_type(ctx, "expected a Buffer"))?,
        );
    }
    Ok(out)
}

fn is_pem(bytes: &[u8]) -> bool {
    bytes.windows(10).any(|w| w == b"-----BEGIN")
}

/// Certificates from PEM (every block) or one DER certificate.
fn certificates(input: &[u8]) -> std::result::Result<Vec<CertificateDer<'static>>, &'static str> {
    if is_pem(input) {
        let certs: std::result::Result<Vec<_>, _> = CertificateDer::pem_slice_iter(input).collect();
        match certs {
            Ok(certs) if !certs.is_empty() => Ok(certs),
            _ => Err("PEM routines::no start line"),
        }
    } else if input.first() == Some(&0x30) {
        Ok(vec![CertificateDer::from(input.to_vec())])
    } else {
        Err("PEM routines::no start line")
    }
}

/// A private key from PEM (PKCS#8, PKCS#1 or SEC1) or DER.
fn private_key(input: &[u8]) -> std::result::Result<PrivateKeyDer<'static>, &'static str> {
    if is_pem(input) {
        PrivateKeyDer::from_pem_slice(input).map_err(|_| "DECODER routines::unsupported")
    } else {
        PrivateKeyDer::try_from(input.to_vec()).map_err(|_| "DECODER routines::unsupported")
    }
}

/// `tlsContextNew(caList | null, certList | null, keyList | null, min, max)`: a SecureContext,
/// or `[reason]` (OpenSSL's `library::reason` text) when the material does not parse or the
/// key does not match the certificate.
fn context_new<'js>(
    ctx: Ctx<'js>,
    ca: Value<'js>,
    cert: Value<'js>,
    key: Value<'js>,
    min: i32,
    max: i32,
) -> Result<Value<'js>> {
    let ca_given = !(ca.is_null() || ca.is_undefined());
    let (ca, cert, key) = (
        buffers(&ctx, &ca)?,
        buffers(&ctx, &cert)?,
        buffers(&ctx, &key)?,
    );
    let built = (|| {
        let mut roots = Vec::new();
        for item in &ca {
            roots.extend(certificates(item)?);
        }
        let mut chain = Vec::new();
        if let Some(first) = cert.first() {
            chain = certificates(first)?;
        }
        let key = match key.first() {
            Some(k) => Some(private_key(k)?),
            None => None,
        };
        if let (Some(k), Some(leaf)) = (&key, chain.first()) {
            let signing = provider()
                .key_provider
                .load_private_key(k.clone_key())
                .map_err(|_| "DECODER routines::unsupported")?;
            let spki = signing.public_key();
            let leaf_spki = x509_parser::parse_x509_certificate(leaf.as_ref())
                .map(|(_, c)| c.public_key().raw.to_vec())
                .unwrap_or_default();
            if let Some(spki) = spki {
                if spki.as_ref() != leaf_spki.as_slice() {
                    return Err("x509 certificate routines::key values mismatch");
                }
            }
        }
        Ok(Material {
            ca: if ca_given { Some(roots) } else { None },
            chain,
            key,
            min: min.clamp(12, 13) as u8,
            max: max.clamp(12, 13) as u8,
        })
    })();
    match built {
        Ok(material) => Ok(Class::instance(
            ctx,
            NativeSecureContext {
                material: Arc::new(material),
            },
        )?
        .into_value()),
        Err(reason) => {
            let out = Array::new(ctx.clone())?;
            out.set(0, reason)?;
            Ok(out.into_value())
        }
    }
}

/// The chain and key as rustls's single-certificate resolver. Built directly rather than through
/// `with_single_cert`, whose key check reads the certificate with webpki and so refuses X.509 v1
/// certificates (OpenSSL takes them); `tlsContextNew` has checked that the key matches.
fn certified_key(
    chain: &[CertificateDer<'static>],
    key: &PrivateKeyDer<'static>,
) -> std::result::Result<Arc<rustls::sign::SingleCertAndKey>, TlsError> {
    let signing = provider().key_provider.load_private_key(key.clone_key())?;
    let certified = rustls::sign::CertifiedKey::new(chain.to_vec(), signing);
    Ok(Arc::new(rustls::sign::SingleCertAndKey::from(certified)))
}

fn alpn_list<'js>(ctx: &Ctx<'js>, list: &Value<'js>) -> Result<Vec<Vec<u8>>> {
    buffers(ctx, list)
}

// --- sessions ----------------------------------------------------------------------------

fn new_session(
    state: State,
    servername: Option<String>,
    verdict: Arc<Mutex<VerdictCell>>,
) -> NativeTlsSession {
    NativeTlsSession {
        state,
        verdict,
        out: Vec::new(),
        held: Vec::new(),
        plain: Vec::new(),
        servername,
        peer_closed: false,
    }
}

/// `tlsClient(context, servername | null, alpnList)`: a client session (the ClientHello is
/// waiting in `tlsTakeOutput`), or `[reason]`.
fn client_new<'js>(
    ctx: Ctx<'js>,
    context: Class<'js, NativeSecureContext>,
    servername: Option<String>,
    alpn: Value<'js>,
) -> Result<Value<'js>> {
    let alpn = alpn_list(&ctx, &alpn)?;
    let material = context.borrow().material.clone();
    let verdict = Arc::new(Mutex::new(VerdictCell::default()));
    let verifier = RecordingVerifier::new(material.ca.as_deref(), verdict.clone());
    let built = (|| {
        let builder = ClientConfig::builder_with_provider(provider())
            .with_protocol_versions(&versions(material.min, material.max))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier));
        let mut config = match (&material.key, material.chain.is_empty()) {
            (Some(key), false) => {
                builder.with_client_cert_resolver(certified_key(&material.chain, key)?)
            }
            _ => builder.with_no_client_auth(),
        };
        config.alpn_protocols = alpn;
        // An IP address (or no name) sends no SNI, as OpenSSL under Node.
        let name = match servername.as_deref() {
            Some(n) if !n.is_empty() && n.parse::<std::net::IpAddr>().is_err() => {
                ServerName::try_from(n.to_string()).unwrap_or(ServerName::IpAddress(
                    std::net::Ipv4Addr::UNSPECIFIED.into(),
                ))
            }
            Some(n) => match n.parse::<std::net::IpAddr>() {
                Ok(ip) => ServerName::IpAddress(ip.into()),
                Err(_) => ServerName::IpAddress(std::net::Ipv4Addr::UNSPECIFIED.into()),
            },
            None => ServerName::IpAddress(std::net::Ipv4Addr::UNSPECIFIED.into()),
        };
        let mut conn = ClientConnection::new(Arc::new(config), name)?;
        conn.set_buffer_limit(None);
        Ok::<_, TlsError>(conn)
    })();
    match built {
        Ok(conn) => {
            let session = new_session(
                State::Open(Box::new(rustls::Connection::Client(conn))),
                servername,
                verdict,
            );
            Ok(Class::instance(ctx, session)?.into_value())
        }
        Err(err) => failure_value(&ctx, &err),
    }
}

/// `tlsServer()`: a server session waiting for the ClientHello.
fn server_new(ctx: Ctx<'_>) -> Result<Class<'_, NativeTlsSession>> {
    let verdict = Arc::new(Mutex::new(VerdictCell::default()));
    Class::instance(
        ctx,
        new_session(State::Accepting(Box::default()), None, verdict),
    )
}

/// Feeds ciphertext to a running connection, keeping what it decrypts.
fn feed_open(
    conn: &mut rustls::Connection,
    mut input: &[u8],
    plain: &mut Vec<u8>,
    peer_closed: &mut bool,
) -> std::result::Result<(), TlsError> {
    loop {
        if !input.is_empty() {
            // read_tls takes at most one buffer's worth; the loop hands it the rest.
            conn.read_tls(&mut input)
                .map_err(|e| TlsError::General(e.to_string()))?;
        }
        let state = conn.process_new_packets()?;
        let available = state.plaintext_bytes_to_read();
        if available > 0 {
            let start = plain.len();
            plain.resize(start + available, 0);
            let read = conn.reader().read(&mut plain[start..]).unwrap_or(0);
            plain.truncate(start + read);
        }
        if state.peer_has_closed() {
            *peer_closed = true;
        }
        if input.is_empty() {
            return Ok(());
        }
    }
}

/// `tlsFeed(session, view)`: hands the session ciphertext from the transport. `null` when all
/// went well (decrypted bytes wait in `tlsRead`, replies in `tlsTakeOutput`), or
/// `[reason, alertNumber]` for a fatal error (the alert to send, if any, waits in
/// `tlsTakeOutput`).
fn feed<'js>(
    ctx: Ctx<'js>,
    session: Class<'js, NativeTlsSession>,
    view: Value<'js>,
) -> Result<Value<'js>> {
    let input = view_bytes(&ctx, &view)
        .ok_or_else(|| Exception::throw_type(&ctx, "data must be an ArrayBufferView"))?;
    let mut guard = session.borrow_mut();
    let s = &mut *guard;
    let outcome = match &mut s.state {
        State::Accepting(acceptor) => {
            let mut rest = input.as_slice();
            let mut result = Ok(());
            while !rest.is_empty() {
                if let Err(e) = acceptor.read_tls(&mut rest) {
                    result = Err(TlsError::General(e.to_string()));
                    break;
                }
                match acceptor.accept() {
                    Ok(None) => {}
                    Ok(Some(accepted)) => {
                        s.servername = accepted.client_hello().server_name().map(str::to_string);
                        s.held.extend_from_slice(rest);
                        s.state = State::Hello(Box::new(accepted));
                        break;
                    }
                    Err((err, mut alert)) => {
                        let _ = alert.write_all(&mut s.out);
                        result = Err(err);
                        break;
                    }
                }
            }
            result
        }
        State::Hello(_) => {
            s.held.extend_from_slice(&input);
            Ok(())
        }
        State::Open(conn) => feed_open(conn, &input, &mut s.plain, &mut s.peer_closed),
        State::Failed => Ok(()),
    };
    match outcome {
        Ok(()) => Ok(Value::new_null(ctx)),
        Err(err) => fail_session(&ctx, s, &err),
    }
}

/// `tlsHello(session)`: `[servername | null, alpnList]` once a server session has the whole
/// ClientHello (for SNICallback and ALPN), else `null`.
fn hello<'js>(ctx: Ctx<'js>, session: Class<'js, NativeTlsSession>) -> Result<Value<'js>> {
    let guard = session.borrow();
    let State::Hello(accepted) = &guard.state else {
        return Ok(Value::new_null(ctx));
    };
    let hello = accepted.client_hello();
    let out = Array::new(ctx.clone())?;
    out.set(0, hello.server_name())?;
    let alpn = Array::new(ctx.clone())?;
    if let Some(protocols) = hello.alpn() {
        for (i, p) in protocols.enumerate() {
            alpn.set(i, String::from_utf8_lossy(p).into_owned())?;
        }
    }
    out.set(1, alpn)?;
    Ok(out.into_value())
}

/// `tlsAccept(session, context, alpnList, requestCert, rejectUnauthorized, caContext)`: goes on
/// with the handshake using `context`'s certificate (client certificates are checked against
/// `caContext`'s `ca`). `null`, or `[reason, alertNumber]`.
fn accept<'js>(
    ctx: Ctx<'js>,
    session: Class<'js, NativeTlsSession>,
    context: Class<'js, NativeSecureContext>,
    alpn: Value<'js>,
    request_cert: bool,
    reject_unauthorized: bool,
    ca_context: Class<'js, NativeSecureContext>,
) -> Result<Value<'js>> {
    let alpn = alpn_list(&ctx, &alpn)?;
    let material = context.borrow().material.clone();
    let ca_material = ca_context.borrow().material.clone();
    let mut guard = session.borrow_mut();
    let s = &mut *guard;
    let State::Hello(_) = &s.state else {
        return Ok(Value::new_null(ctx));
    };
    let State::Hello(accepted) = std::mem::replace(&mut s.state, State::Failed) else {
        unreachable!("checked above")
    };
    let mut verifier = RecordingVerifier::new(
        Some(ca_material.ca.as_deref().unwrap_or(&[])),
        s.verdict.clone(),
    );
    verifier.offer = request_cert;
    verifier.mandatory = request_cert && reject_unauthorized;
    let config = (|| {
        let builder = ServerConfig::builder_with_provider(provider())
            .with_protocol_versions(&versions(material.min, material.max))?;
        let builder = if request_cert {
            builder.with_client_cert_verifier(Arc::new(verifier))
        } else {
            builder.with_no_client_auth()
        };
        let Some(key) = &material.key else {
            return Err(TlsError::General("no suitable signature algorithm".into()));
        };
        let mut config = builder.with_cert_resolver(certified_key(&material.chain, key)?);
        config.alpn_protocols = alpn;
        Ok(config)
    })();
    let config = match config {
        Ok(c) => c,
        Err(err) => return failure_value(&ctx, &err),
    };
    match accepted.into_connection(Arc::new(config)) {
        Ok(mut conn) => {
            conn.set_buffer_limit(None);
            let mut conn = rustls::Connection::Server(conn);
            let held = std::mem::take(&mut s.held);
            let result = feed_open(&mut conn, &held, &mut s.plain, &mut s.peer_closed);
            s.state = State::Open(Box::new(conn));
            match result {
                Ok(()) => Ok(Value::new_null(ctx)),
                Err(err) => fail_session(&ctx, s, &err),
            }
        }
        Err((err, mut alert)) => {
            let _ = alert.write_all(&mut s.out);
            failure_value(&ctx, &err)
        }
    }
}

/// `tlsRead(session)`: the decrypted bytes so far as a Buffer, or `null`.
fn read<'js>(ctx: Ctx<'js>, session: Class<'js, NativeTlsSession>) -> Result<Value<'js>> {
    let plain = std::mem::take(&mut session.borrow_mut().plain);
    if plain.is_empty() {
        return Ok(Value::new_null(ctx));
    }
    wrap_bytes(&ctx, plain)
}

/// `tlsTakeOutput(session)`: the ciphertext to send to the peer as a Buffer, or `null`.
fn take_output<'js>(ctx: Ctx<'js>, session: Class<'js, NativeTlsSession>) -> Result<Value<'js>> {
    let out = {
        let mut guard = session.borrow_mut();
        let s = &mut *guard;
        let mut out = std::mem::take(&mut s.out);
        if let State::Open(conn) = &mut s.state {
            while conn.wants_write() {
                if conn.write_tls(&mut out).is_err() {
                    break;
                }
            }
        }
        out
    };
    if out.is_empty() {
        return Ok(Value::new_null(ctx));
    }
    wrap_bytes(&ctx, out)
}

/// `tlsWrite(session, view)`: encrypts `view` (held until the handshake is done); false when
/// the session is not open.
fn write<'js>(
    ctx: Ctx<'js>,
    session: Class<'js, NativeTlsSession>,
    view: Value<'js>,
) -> Result<bool> {
    let data = view_bytes(&ctx, &view)
        .ok_or_else(|| Exception::throw_type(&ctx, "data must be an ArrayBufferView"))?;
    let mut guard = session.borrow_mut();
    let State::Open(conn) = &mut guard.state else {
        return Ok(false);
    };
    Ok(conn.writer().write_all(&data).is_ok())
}

/// `tlsEnd(session)`: queues close_notify.
fn end(session: Class<'_, NativeTlsSession>) {
    if let State::Open(conn) = &mut session.borrow_mut().state {
        conn.send_close_notify();
    }
}

/// Status bits for `tlsStatus`.
const HANDSHAKING: i32 = 1;
const HELLO_READY: i32 = 2;
const PEER_CLOSED: i32 = 4;
const FAILED: i32 = 8;

/// `tlsStatus(session)`: HANDSHAKING | HELLO_READY | PEER_CLOSED | FAILED bits.
fn status(session: Class<'_, NativeTlsSession>) -> i32 {
    let s = session.borrow();
    let mut bits = if s.peer_closed { PEER_CLOSED } else { 0 };
    bits |= match &s.state {
        State::Accepting(_) => HANDSHAKING,
        State::Hello(_) => HANDSHAKING | HELLO_READY,
        State::Open(conn) if conn.is_handshaking() => HANDSHAKING,
        State::Open(_) => 0,
        State::Failed => FAILED,
    };
    bits
}

/// `tlsInfo(session)`: `{ protocol, cipher: [name, standardName], alpn, servername,
/// verifyError, peerCertificates }` for the JS getters.
fn info<'js>(ctx: Ctx<'js>, session: Class<'js, NativeTlsSession>) -> Result<Object<'js>> {
    let s = session.borrow();
    let out = Object::new(ctx.clone())?;
    out.set("servername", s.servername.clone())?;
    {
        let cell = s.verdict.lock().unwrap_or_else(|e| e.into_inner());
        out.set("verified", cell.0.checked)?;
        out.set("verifyError", cell.0.code)?;
    }
    if let State::Open(conn) = &s.state {
        let protocol = conn.protocol_version().map(|v| match v {
            rustls::ProtocolVersion::TLSv1_3 => "TLSv1.3",
            rustls::ProtocolVersion::TLSv1_2 => "TLSv1.2",
            _ => "unknown",
        });
        out.set("protocol", protocol)?;
        if let Some(suite) = conn.negotiated_cipher_suite() {
            let id = u16::from(suite.suite());
            if let Some((_, name, standard)) = SUITES.iter().find(|(n, _, _)| *n == id) {
                out.set("cipher", vec![*name, *standard])?;
            }
        }
        out.set(
            "alpn",
            conn.alpn_protocol()
                .map(|p| String::from_utf8_lossy(p).into_owned()),
        )?;
        let certs = Array::new(ctx.clone())?;
        if let Some(chain) = conn.peer_certificates() {
            for (i, der) in chain.iter().enumerate() {
                certs.set(i, wrap_bytes(&ctx, der.as_ref().to_vec())?)?;
            }
        }
        out.set("peerCertificates", certs)?;
    }
    Ok(out)
}

/// `tlsContextInfo(context)`: `{ ca: [Buffer...] | null, cert: Buffer | null }` (DER), for the
/// issuer chain getPeerCertificate(true) shows and getCertificate().
fn context_info<'js>(
    ctx: Ctx<'js>,
    context: Class<'js, NativeSecureContext>,
) -> Result<Object<'js>> {
    let material = context.borrow().material.clone();
    let out = Object::new(ctx.clone())?;
    let ca = Array::new(ctx.clone())?;
    for (i, der) in material
        .ca
        .as_deref()
        .unwrap_or(default_roots())
        .iter()
        .enumerate()
    {
        ca.set(i, wrap_bytes(&ctx, der.as_ref().to_vec())?)?;
    }
    out.set("ca", ca)?;
    match material.chain.first() {
        Some(der) => out.set("cert", wrap_bytes(&ctx, der.as_ref().to_vec())?)?,
        None => out.set("cert", Value::new_null(ctx.clone()))?,
    }
    Ok(out)
}

/// `tlsRootCertificates()`: the bundled Mozilla roots as DER Buffers (the JS half armours
/// them as PEM for `tls.rootCertificates`).
fn root_certificates<'js>(ctx: Ctx<'js>) -> Result<Array<'js>> {
    let out = Array::new(ctx.clone())?;
    for (i, der) in webpki_root_certs::TLS_SERVER_ROOT_CERTS.iter().enumerate() {
        out.set(i, wrap_bytes(&ctx, der.as_ref().to_vec())?)?;
    }
    Ok(out)
}

/// Adds the `tls*` natives.
pub fn install<'js>(ctx: &Ctx<'js>, native: &Object<'js>) -> Result<()> {
    crate::modules::crypto::name_handles::<NativeSecureContext>(ctx, "SecureContext")?;
    crate::modules::crypto::name_handles::<NativeTlsSession>(ctx, "TLSWrap")?;
    native.set("tlsContextNew", Function::new(ctx.clone(), context_new)?)?;
    native.set("tlsContextInfo", Function::new(ctx.clone(), context_info)?)?;
    native.set("tlsClient", Function::new(ctx.clone(), client_new)?)?;
    native.set("tlsServer", Function::new(ctx.clone(), server_new)?)?;
    native.set("tlsFeed", Function::new(ctx.clone(), feed)?)?;
    native.set("tlsHello", Function::new(ctx.clone(), hello)?)?;
    native.set("tlsAccept", Function::new(ctx.clone(), accept)?)?;
    native.set("tlsRead", Function::new(ctx.clone(), read)?)?;
    native.set("tlsTakeOutput", Function::new(ctx.clone(), take_output)?)?;
    native.set("tlsWrite", Function::new(ctx.clone(), write)?)?;
    native.set("tlsEnd", Function::new(ctx.clone(), end)?)?;
    native.set("tlsStatus", Function::new(ctx.clone(), status)?)?;
    native.set("tlsInfo", Function::new(ctx.clone(), info)?)?;
    native.set(
        "tlsRootCertificates",
        Function::new(ctx.clone(), root_certificates)?,
    )?;
    let ciphers: Vec<String> = SUITES
        .iter()
        .map(|(_, name, _)| name.to_ascii_lowercase())
        .collect();
    native.set("tlsCiphers", ciphers)?;
    Ok(())
}
