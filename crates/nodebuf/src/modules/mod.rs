//! Node's builtin modules, one file per module: `name.rs` holds the native half (if any),
//! `name.js` the JS half. [`SOURCES`] maps each module id (`fs`, `internal/inspect`, ...) to its
//! JS source; the bootstrap loads them lazily on first `require`.

pub mod async_context;
pub mod child_process;
pub mod child_process_ipc;
mod child_process_sync;
pub mod constants;
pub mod credentials;
pub mod crypto;
pub mod crypto_asym;
pub mod crypto_cipher;
pub mod crypto_dh;
mod crypto_dh_groups;
pub mod crypto_kdf;
pub mod crypto_keys;
pub mod crypto_prime;
pub mod crypto_rsa;
pub mod dgram;
pub mod dns;
mod dns_wire;
pub mod encoding;
pub mod fs;
pub mod fs_meta;
pub mod fs_path;
pub mod fs_watch;
pub mod inspect_plain;
pub mod internal_binding;
pub mod intl;
pub mod messaging;
pub mod net;
pub mod os;
pub mod path;
pub mod plain_data;
pub mod process;
pub mod report;
pub mod retention;
pub mod signals;
pub mod stdin;
pub mod string_decoder;
pub mod structured_clone;
pub mod tls;
pub mod tty;
pub mod url;
pub mod v8;
pub mod vm;
pub mod vm_contexts;
pub mod wasm;
pub mod worker_threads;
pub mod x509;
pub mod zlib;

mod sources;
pub use sources::{wrapped, SOURCES, THREAD_GLOBALS};
