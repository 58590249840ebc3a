// The builtins' JS sources, in a file of their own so build.rs compiles the same list to
// bytecode (see build.rs and `host::builtin_function`).

/// The JS sources of the builtins, by module id. Ids without `internal/` are what
/// `require('id')` / `require('node:id')` reach; `internal/` ids are only for builtins.
pub const SOURCES: &[(&str, &str)] = &[
    ("internal/errors", include_str!("errors.js")),
    ("internal/test/binding", include_str!("internal_binding.js")),
    ("internal/inspect", include_str!("inspect.js")),
    ("internal/cjs", include_str!("../require.js")),
    ("internal/loop", include_str!("../event_loop.js")),
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
    ("events", include_str!("events.js")),
    ("fs", include_str!("fs.js")),
    ("fs/promises", "module.exports = require('fs').promises;"),
    ("os", include_str!("os.js")),
    ("path", include_str!("path.js")),
    ("perf_hooks", include_str!("perf_hooks.js")),
    ("process", include_str!("process.js")),
    ("timers", include_str!("timers.js")),
    ("util", include_str!("util.js")),
    ("vm", include_str!("vm.js")),
    ("internal/messaging", include_str!("messaging.js")),
    ("worker_threads", include_str!("worker_threads.js")),
];
