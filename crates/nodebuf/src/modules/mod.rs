//! Node's builtin modules, one file per module: `name.rs` holds the native half (if any),
//! `name.js` the JS half. [`SOURCES`] maps each module id (`fs`, `internal/inspect`, ...) to its
//! JS source; the bootstrap loads them lazily on first `require`.

pub mod child_process;
pub mod crypto;
pub mod encoding;
pub mod fs;
pub mod messaging;
pub mod os;
pub mod process;
pub mod retention;
pub mod string_decoder;
pub mod url;
pub mod vm;
pub mod worker_threads;

/// The JS sources of the builtins, by module id. Ids without `internal/` are what
/// `require('id')` / `require('node:id')` reach; `internal/` ids are only for builtins.
pub const SOURCES: &[(&str, &str)] = &[
    ("internal/errors", include_str!("errors.js")),
    ("internal/test/binding", include_str!("internal_binding.js")),
    ("internal/inspect", include_str!("inspect.js")),
    ("internal/cjs", include_str!("../require.js")),
    ("internal/loop", include_str!("../event_loop.js")),
    ("internal/esm", include_str!("../esm.js")),
    ("internal/url_legacy", include_str!("url_legacy.js")),
    ("url", include_str!("url.js")),
    ("internal/clone", include_str!("structured_clone.js")),
    ("internal/encoding", include_str!("encoding.js")),
    ("internal/warnings", include_str!("warnings.js")),
    ("assert", include_str!("assert.js")),
    ("module", "module.exports = require('internal/cjs').Module;"),
    (
        "timers/promises",
        "module.exports = require('timers').promises;",
    ),
    ("internal/comparisons", include_str!("comparisons.js")),
    (
        "assert/strict",
        "module.exports = require('assert').strict;",
    ),
    ("child_process", include_str!("child_process.js")),
    ("console", include_str!("console.js")),
    ("crypto", include_str!("crypto.js")),
    ("events", include_str!("events.js")),
    ("internal/event_target", include_str!("event_target.js")),
    (
        "internal/abort_controller",
        include_str!("abort_controller.js"),
    ),
    ("fs", include_str!("fs.js")),
    ("fs/promises", "module.exports = require('fs').promises;"),
    ("os", include_str!("os.js")),
    ("path", include_str!("path.js")),
    ("perf_hooks", include_str!("perf_hooks.js")),
    ("process", include_str!("process.js")),
    ("querystring", include_str!("querystring.js")),
    ("string_decoder", include_str!("string_decoder.js")),
    ("timers", include_str!("timers.js")),
    ("util", include_str!("util.js")),
    ("vm", include_str!("vm.js")),
    ("internal/messaging", include_str!("messaging.js")),
    ("worker_threads", include_str!("worker_threads.js")),
    (
        "internal/retention_tracer",
        include_str!("../../../../packages/nodebuf-trace-retention/tracer.js"),
    ),
    ("nodebuf:retention", include_str!("retention.js")),
];
