// The builtins' JS sources, in a file of their own so build.rs compiles the same list to
// bytecode (see build.rs and `host::builtin_function`).

/// The JS sources of the builtins, by module id. Ids without `internal/` are what
/// `require('id')` / `require('node:id')` reach; `internal/` ids are only for builtins.
pub const SOURCES: &[(&str, &str)] = &[
    ("internal/call_site", include_str!("call_site.js")),
    ("internal/errors", include_str!("errors.js")),
    ("internal/test/binding", include_str!("internal_binding.js")),
    ("internal/inspect", include_str!("inspect.js")),
    // Node's name for it, reachable with --expose-internals (getStringWidth and friends).
    (
        "internal/util/inspect",
        "module.exports = require('internal/inspect');",
    ),
    ("internal/cjs", include_str!("../require.js")),
    ("internal/loop", include_str!("../event_loop.js")),
    ("internal/clone", include_str!("structured_clone.js")),
    ("internal/encoding", include_str!("encoding.js")),
    ("internal/warnings", include_str!("warnings.js")),
    ("internal/intl", include_str!("intl.js")),
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
    ("internal/esm", include_str!("../esm.js")),
    ("internal/url_legacy", include_str!("url_legacy.js")),
    ("url", include_str!("url.js")),
    ("internal/url", include_str!("internal_url.js")),
    ("crypto", include_str!("crypto.js")),
    ("internal/event_target", include_str!("event_target.js")),
    (
        "internal/abort_controller",
        include_str!("abort_controller.js"),
    ),
    ("querystring", include_str!("querystring.js")),
    ("string_decoder", include_str!("string_decoder.js")),
    ("internal/streams/errors", include_str!("streams/errors.js")),
    ("internal/streams/abort", include_str!("streams/abort.js")),
    ("internal/streams/utils", include_str!("streams/utils.js")),
    (
        "internal/streams/destroy",
        include_str!("streams/destroy.js"),
    ),
    ("internal/streams/legacy", include_str!("streams/legacy.js")),
    (
        "internal/streams/decoder",
        include_str!("streams/decoder.js"),
    ),
    (
        "internal/streams/readable",
        include_str!("streams/readable.js"),
    ),
    (
        "internal/streams/writable",
        include_str!("streams/writable.js"),
    ),
    ("internal/streams/duplex", include_str!("streams/duplex.js")),
    (
        "internal/streams/end-of-stream",
        include_str!("streams/end-of-stream.js"),
    ),
    (
        "internal/streams/add-abort-signal",
        include_str!("streams/add-abort-signal.js"),
    ),
    (
        "internal/streams/pipeline",
        include_str!("streams/pipeline.js"),
    ),
    (
        "internal/streams/duplexify",
        include_str!("streams/duplexify.js"),
    ),
    (
        "internal/streams/duplexpair",
        include_str!("streams/duplexpair.js"),
    ),
    (
        "internal/streams/operators",
        include_str!("streams/operators.js"),
    ),
    (
        "internal/streams/compose",
        include_str!("streams/compose.js"),
    ),
    (
        "internal/streams/fs-streams",
        include_str!("streams/fs-streams.js"),
    ),
    ("internal/streams/stdio", include_str!("streams/stdio.js")),
    ("stream", include_str!("streams/stream.js")),
    ("stream/consumers", include_str!("streams/consumers.js")),
    (
        "stream/promises",
        "module.exports = require('stream').promises;",
    ),
    (
        "_stream_readable",
        "module.exports = require('stream').Readable;",
    ),
    (
        "_stream_writable",
        "module.exports = require('stream').Writable;",
    ),
    (
        "_stream_duplex",
        "module.exports = require('stream').Duplex;",
    ),
    (
        "_stream_transform",
        "module.exports = require('stream').Transform;",
    ),
    (
        "_stream_passthrough",
        "module.exports = require('stream').PassThrough;",
    ),
    ("zlib", include_str!("zlib.js")),
    ("net", include_str!("net.js")),
    (
        "internal/js_stream_socket",
        include_str!("js_stream_socket.js"),
    ),
    ("internal/http/parser", include_str!("http_parser.js")),
    ("internal/http/common", include_str!("http_common.js")),
    ("internal/http/incoming", include_str!("http_incoming.js")),
    ("internal/http/outgoing", include_str!("http_outgoing.js")),
    ("internal/http/agent", include_str!("http_agent.js")),
    ("internal/http/server", include_str!("http_server.js")),
    ("internal/http/client", include_str!("http_client.js")),
    ("http", include_str!("http.js")),
    (
        "internal/retention_tracer",
        include_str!("../../../../packages/nodebuf-trace-retention/tracer.js"),
    ),
    ("nodebuf:retention", include_str!("retention.js")),
    ("stream/web", include_str!("streams/web.js")),
    ("internal/readline/interface", include_str!("readline.js")),
    ("internal/readline/keys", include_str!("readline_keys.js")),
    ("internal/readline/utils", include_str!("readline_utils.js")),
    (
        "internal/readline/terminal",
        include_str!("readline_terminal.js"),
    ),
    ("readline", include_str!("readline_public.js")),
    ("internal/async_context", include_str!("async_context.js")),
    ("async_hooks", include_str!("async_hooks.js")),
    ("tty", include_str!("tty.js")),
    ("readline/promises", include_str!("readline_promises.js")),
    (
        "internal/streams/web-adapters",
        include_str!("streams/web-adapters.js"),
    ),
    (
        "internal/streams/web-brands",
        include_str!("streams/web-brands.js"),
    ),
];
