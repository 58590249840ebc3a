//! Node-style command line: `nodebuf [node flags] script.js [script args]`.
//!
//! Flags are the ones a Buffer-using script meets in practice; everything before the script path
//! is a flag for us, everything after it belongs to the script (`process.argv`), as in Node.

/// The runtime switches Node would read from its command line. The Buffer binding reads
/// `zero_fill_buffers` and `pending_deprecation`; warnings code reads the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    /// `--expose-gc`: define a global `gc()` that runs the engine's collector.
    pub expose_gc: bool,
    /// `--expose-internals`: let scripts require `internal/errors` and `internal/test/binding`
    /// (Node's own tests use them).
    pub expose_internals: bool,
    /// `--test-udp-no-try-send`: a dgram send always queues instead of trying the socket first
    /// (Node's test-only switch, which its send-queue tests use).
    pub test_udp_no_try_send: bool,
    /// `--zero-fill-buffers`: every new Buffer (even `allocUnsafe`) starts zeroed.
    pub zero_fill_buffers: bool,
    /// `--dns-result-order=ipv4first|ipv6first|verbatim`: `dns.lookup`'s default order.
    pub dns_result_order: Option<String>,
    /// `--pending-deprecation`: emit pending deprecations (e.g. DEP0005 for `Buffer()` everywhere).
    pub pending_deprecation: bool,
    /// `--no-deprecation`: silence DeprecationWarnings.
    pub no_deprecation: bool,
    /// `--no-warnings`: silence all process warnings on stderr.
    pub no_warnings: bool,
    /// `--trace-warnings`: print the stack with each warning.
    pub trace_warnings: bool,
    /// `--trace-deprecation`: print the stack with each DeprecationWarning.
    pub trace_deprecation: bool,
    /// `--throw-deprecation`: DeprecationWarnings throw instead of printing.
    pub throw_deprecation: bool,
    /// `--max-buffer-memory=BYTES`: a byte budget for the stores nodebuf owns (Buffers, pool
    /// slabs, SharedArrayBuffers) across all threads; an allocation past it throws
    /// `RangeError: Array buffer allocation failed`, as one the OS refuses. nodebuf's own flag
    /// (Node has none: V8 counts such memory as external).
    pub max_buffer_memory: Option<usize>,
    /// `--trace-retention[=json|PATH]`: record every view made from JS and print the retention
    /// report at exit (`text` on stderr, `json` on stderr, or JSON written to PATH).
    pub trace_retention: Option<String>,
    /// `--trace-retention-threshold=BYTES`: the smallest store the report lists (default 1 MiB).
    pub trace_retention_threshold: Option<u64>,
    /// `--trace-overlap`: warn once per pair of creation sites when views partially overlap.
    pub trace_overlap: bool,
    /// `--throw-overlap`: a partially overlapping view throws instead of warning.
    pub throw_overlap: bool,
    /// `--abort-on-uncaught-exception`: an exception no capture callback takes aborts the
    /// process (V8's report, then a trap) instead of reaching 'uncaughtException'.
    pub abort_on_uncaught_exception: bool,
    /// `--env-file=PATH` (repeatable, also `--env-file PATH`): dotenv files read into
    /// `process.env` before any script code runs, as Node v20 does (a variable already set
    /// keeps its value; a later file wins over an earlier one).
    pub env_files: Vec<String>,
    /// `-e code` / `-p code`: run `code` instead of a script file.
    pub eval: Option<String>,
    /// `-p`: print the result of `eval` (as `console.log` would).
    pub print: bool,
    /// `-i` / `--interactive`, or no script with stdin a terminal: start the REPL (after the
    /// `-e` code, if any) instead of running a script.
    pub interactive: bool,
    /// The script read from stdin (`nodebuf -` or no script at all), run as `[stdin]`.
    pub stdin: Option<String>,
    /// `--input-type=module|commonjs`: how `-e`/`-p` code and a script on stdin run (as an ES
    /// module, or as CommonJS without Node's syntax detection); `None`: detected. A script file
    /// ignores it, as Node's does.
    pub input_type: Option<String>,
    /// `--test`: run the test files named (or found under the working directory) with the
    /// test runner instead of a script.
    pub test: bool,
    /// `--test-only`: run only the tests with the `only` option.
    pub test_only: bool,
    /// `--test-force-exit`: exit once the known tests are done, whatever keeps the loop alive.
    pub test_force_exit: bool,
    /// `--test-reporter` (repeatable): the test reporters by name or module.
    pub test_reporters: Vec<String>,
    /// `--test-reporter-destination` (repeatable): where each reporter writes.
    pub test_reporter_destinations: Vec<String>,
    /// `--test-name-pattern` (repeatable): run only the tests whose name matches one.
    pub test_name_patterns: Vec<String>,
    /// `--test-concurrency`, `--test-timeout` and `--test-shard` (`--test`'s settings), by name
    /// without the dashes, as given.
    pub test_settings: Vec<(String, String)>,
    /// The flags exactly as given, for `process.execArgv`.
    pub exec_argv: Vec<String>,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run `script` with `args` under `flags`.
    Run {
        /// The runtime flags (boxed: they are most of the command's size).
        flags: Box<Flags>,
        /// The script path as given.
        script: String,
        /// Arguments after the script, for `process.argv.slice(2)`.
        args: Vec<String>,
    },
    /// `--version` / `-v`.
    Version,
    /// `--help` / `-h`.
    Help,
}

/// Every command-line option with its one-line help, in the order `--help` prints them. One
/// row per option: add a row here when adding a flag to [`parse`] (a test checks that each row
/// parses).
pub const HELP: &[(&str, &str)] = &[
    (
        "-e, --eval <code>",
        "run <code> as a script (the builtin modules are globals)",
    ),
    ("-p, --print <code>", "like --eval, then print the result"),
    (
        "-i, --interactive",
        "start the REPL even if stdin is not a terminal (after --eval code)",
    ),
    (
        "--input-type=<type>",
        "run --eval code and stdin as \"module\" or \"commonjs\" (default: detected)",
    ),
    (
        "-v, --version",
        "print nodebuf's version, the Node API level and the engine",
    ),
    ("-h, --help", "print this help"),
    (
        "--expose-gc",
        "define gc(), which runs the engine's garbage collector",
    ),
    (
        "--expose-internals",
        "let scripts require internal/errors and internal/test/binding",
    ),
    (
        "--test-udp-no-try-send",
        "make every dgram send wait in the send queue (for tests)",
    ),
    (
        "--dns-result-order=<order>",
        "dns.lookup's default order: ipv4first, ipv6first or verbatim",
    ),
    (
        "--zero-fill-buffers",
        "zero every new Buffer, allocUnsafe included",
    ),
    (
        "--pending-deprecation",
        "emit pending deprecation warnings (DEP0005 for Buffer())",
    ),
    ("--no-deprecation", "silence deprecation warnings"),
    ("--no-warnings", "silence all process warnings"),
    ("--trace-warnings", "print a stack trace with each warning"),
    (
        "--trace-deprecation",
        "print a stack trace with each deprecation warning",
    ),
    (
        "--throw-deprecation",
        "throw deprecations instead of warning",
    ),
    (
        "--env-file=<path>",
        "read the dotenv file <path> into process.env before the script runs (repeatable)",
    ),
    (
        "--max-buffer-memory=<bytes>",
        "at most <bytes> of Buffer/SharedArrayBuffer stores in all threads (past it: RangeError)",
    ),
    (
        "--trace-retention[=json|<path>]",
        "report at exit which live stores JS-made views keep alive, by site (stderr or <path>)",
    ),
    (
        "--trace-retention-threshold=<bytes>",
        "smallest store in the retention report (default 1048576)",
    ),
    (
        "--trace-overlap",
        "warn once per pair of sites when two live views partially overlap",
    ),
    (
        "--throw-overlap",
        "a partially overlapping view throws ERR_BUFFER_VIEW_OVERLAP",
    ),
    (
        "--abort-on-uncaught-exception",
        "abort (trap) on an uncaught exception no capture callback or domain takes",
    ),
    (
        "--gc-interval=<n>, --stress-compaction",
        "V8 flags, accepted for compatibility: no effect (no generational or compacting collector)",
    ),
    (
        "--test",
        "run the test files named (or found under the working directory) with node:test",
    ),
    ("--test-only", "run only the tests with the `only` option"),
    (
        "--test-reporter <name>",
        "a node:test reporter: spec, tap, dot, junit or a module (repeatable)",
    ),
    (
        "--test-reporter-destination <path>",
        "where the matching reporter writes: stdout, stderr or a file (repeatable)",
    ),
    (
        "--test-name-pattern <regexp>",
        "run only the tests whose name matches (repeatable)",
    ),
    (
        "--test-concurrency <n>",
        "how many test files --test runs at once",
    ),
    (
        "--test-timeout <ms>",
        "fail a test still running after <ms> milliseconds",
    ),
    (
        "--test-shard <index>/<total>",
        "run only one shard of the test files --test finds",
    ),
    (
        "--test-force-exit",
        "exit once the known tests have finished",
    ),
    (
        "--no-concurrent-array-buffer-sweeping",
        "V8 flag, accepted for compatibility: no effect (stores are always freed at once)",
    ),
];

/// `nodebuf --help`: what nodebuf is, its usage, and one line per option of [`HELP`].
pub fn help_text() -> String {
    let mut out = String::from(
        "nodebuf runs Node.js v20 scripts (CommonJS and ES modules) on the QuickJS engine with \
         nodebuf's Rust\nimplementation of Buffer, printing what node prints.\n\n\
         Usage: nodebuf [options] [script.js | script.mjs | -] [arguments]\n\
         \x20      nodebuf [options] -e|-p <code> [arguments]\n\
         \x20      (no script, or -, reads the script from stdin; from a terminal, or with -i, \
         starts the REPL)\n\nOptions:\n",
    );
    let width = HELP.iter().map(|(names, _)| names.len()).max().unwrap_or(0);
    for (names, text) in HELP {
        out.push_str(&format!("  {names:<width$}  {text}\n"));
    }
    out.push_str("\nEnvironment: NODEBUF_* variables are read by the test tools only.\n");
    out
}

/// `nodebuf --version`: nodebuf's own version, the Node version whose API it implements (what
/// `process.version` reports to scripts) and the engine's version.
pub fn version_text(node_version: &str, engine_version: &str) -> String {
    format!(
        "nodebuf {} (Node {node_version} API, QuickJS-ng {engine_version})",
        env!("CARGO_PKG_VERSION")
    )
}

/// Parses `args` (without the program name) the way Node does: flags first, then the script,
/// then the script's own arguments untouched. Unknown flags are an error, as in Node
/// (`node: bad option: --x`).
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut flags = Flags::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if flags.test && !arg.starts_with('-') {
            // Under --test every operand is a test file (they stay in `process.argv`).
            let mut files = vec![arg.clone()];
            for rest in iter.by_ref() {
                if rest.starts_with('-') && rest.len() > 1 {
                    let parsed = parse_test_flag(&mut flags, rest, &mut std::iter::empty());
                    if !parsed? {
                        return Err(format!("bad option: {rest}"));
                    }
                    flags.exec_argv.push(rest.clone());
                } else {
                    files.push(rest.clone());
                }
            }
            return Ok(Command::Run {
                flags: Box::new(flags),
                script: files.remove(0),
                args: files,
            });
        }
        if !arg.starts_with('-') || arg == "-" {
            return Ok(Command::Run {
                flags: Box::new(flags),
                script: arg.clone(),
                args: iter.cloned().collect(),
            });
        }
        if arg == "--" {
            let Some(script) = iter.next() else {
                return Err("missing script".to_string());
            };
            return Ok(Command::Run {
                flags: Box::new(flags),
                script: script.clone(),
                args: iter.cloned().collect(),
            });
        }
        // (`-pe` is Node's `-p -e`.)
        if matches!(arg.as_str(), "-e" | "--eval" | "-p" | "--print" | "-pe") {
            let Some(code) = iter.next() else {
                return Err(format!("{arg} requires an argument"));
            };
            flags.print = matches!(arg.as_str(), "-p" | "--print" | "-pe");
            flags.eval = Some(code.clone());
            flags.exec_argv.push(arg.clone());
            flags.exec_argv.push(code.clone());
            return Ok(Command::Run {
                flags: Box::new(flags),
                script: "[eval]".to_string(),
                args: iter.cloned().collect(),
            });
        }
        {
            let mut rest = iter.clone();
            let before = rest.len();
            if parse_test_flag(&mut flags, arg, &mut rest)? {
                flags.exec_argv.push(arg.clone());
                if rest.len() < before {
                    if let Some(value) = iter.next() {
                        flags.exec_argv.push(value.clone());
                    }
                }
                continue;
            }
        }
        // Node accepts `_` for `-` inside flag names (not inside values).
        let (name, value) = match arg.split_once('=') {
            Some((name, value)) => (name.replace('_', "-"), Some(value)),
            None => (arg.replace('_', "-"), None),
        };
        match (name.as_str(), value) {
            ("--trace-retention", value) => {
                flags.trace_retention = Some(value.unwrap_or("text").to_string());
                flags.exec_argv.push(arg.clone());
                continue;
            }
            ("--trace-retention-threshold", Some(value)) => {
                let bytes = value.parse::<u64>().map_err(|_| {
                    format!("invalid value for --trace-retention-threshold: {value}")
                })?;
                flags.trace_retention_threshold = Some(bytes);
                flags.exec_argv.push(arg.clone());
                continue;
            }
            ("--input-type", value) => {
                let value = match value {
                    Some(v) => v.to_string(),
                    None => {
                        let Some(v) = iter.next() else {
                            return Err(format!("{arg} requires an argument"));
                        };
                        flags.exec_argv.push(arg.clone());
                        flags.exec_argv.push(v.clone());
                        v.clone()
                    }
                };
                if value != "module" && value != "commonjs" {
                    return Err("--input-type must be \"module\" or \"commonjs\"".to_string());
                }
                if arg.contains('=') {
                    flags.exec_argv.push(arg.clone());
                }
                flags.input_type = Some(value);
                continue;
            }
            ("--env-file", Some(value)) => {
                flags.env_files.push(value.to_string());
                flags.exec_argv.push(arg.clone());
                continue;
            }
            ("--env-file", None) => {
                let Some(path) = iter.next() else {
                    return Err(format!("{arg} requires an argument"));
                };
                flags.env_files.push(path.clone());
                flags.exec_argv.push(arg.clone());
                flags.exec_argv.push(path.clone());
                continue;
            }
            ("--dns-result-order", Some(value)) => {
                if !["ipv4first", "ipv6first", "verbatim"].contains(&value) {
                    return Err(format!("bad option: {arg}"));
                }
                flags.dns_result_order = Some(value.to_string());
                flags.exec_argv.push(arg.clone());
                continue;
            }
            ("--max-buffer-memory", Some(value)) => {
                let bytes = value
                    .parse::<usize>()
                    .map_err(|_| format!("--max-buffer-memory= requires a byte count: {arg}"))?;
                flags.max_buffer_memory = Some(bytes);
                flags.exec_argv.push(arg.clone());
                continue;
            }
            // V8 collector tuning (Node's tests pass it to stress V8's GC): the engine here
            // collects by reference counting plus its cycle collector, which has no such knob.
            ("--gc-interval", Some(value)) => {
                value
                    .parse::<u64>()
                    .map_err(|_| format!("--gc-interval= requires a count: {arg}"))?;
                flags.exec_argv.push(arg.clone());
                continue;
            }
            (_, Some(_)) => return Err(format!("bad option: {arg}")),
            _ => {}
        }
        match name.as_str() {
            "-v" | "--version" => return Ok(Command::Version),
            "-h" | "--help" => return Ok(Command::Help),
            "-i" | "--interactive" => flags.interactive = true,
            "--expose-gc" => flags.expose_gc = true,
            "--expose-internals" => flags.expose_internals = true,
            "--test-udp-no-try-send" => flags.test_udp_no_try_send = true,
            "--zero-fill-buffers" => flags.zero_fill_buffers = true,
            "--pending-deprecation" => flags.pending_deprecation = true,
            "--no-deprecation" => flags.no_deprecation = true,
            "--no-warnings" => flags.no_warnings = true,
            "--trace-warnings" => flags.trace_warnings = true,
            "--trace-deprecation" => flags.trace_deprecation = true,
            "--throw-deprecation" => flags.throw_deprecation = true,
            "--trace-overlap" => flags.trace_overlap = true,
            "--throw-overlap" => flags.throw_overlap = true,
            "--abort-on-uncaught-exception" => flags.abort_on_uncaught_exception = true,
            // A V8 flag (Node's tests pass it): ArrayBuffer stores are already freed when they
            // are collected, never by a concurrent sweeper, so there is nothing to switch off.
            "--no-concurrent-array-buffer-sweeping" => {}
            // V8 flag (Node's tests pass it): there is no compacting collector to stress.
            "--stress-compaction" => {}
            _ => return Err(format!("bad option: {arg}")),
        }
        flags.exec_argv.push(arg.clone());
    }
    // No script: read it from stdin, as `node` does (`process.argv` then has no script entry).
    Ok(Command::Run {
        flags: Box::new(flags),
        script: String::new(),
        args: Vec::new(),
    })
}

/// The test runner's flags: true when `arg` was one (a value flag takes its value after `=` or
/// from `rest`). Under `--test` they may also follow the files.
fn parse_test_flag(
    flags: &mut Flags,
    arg: &str,
    rest: &mut dyn Iterator<Item = &String>,
) -> Result<bool, String> {
    let (name, inline) = match arg.split_once('=') {
        Some((name, value)) => (name.replace('_', "-"), Some(value.to_string())),
        None => (arg.replace('_', "-"), None),
    };
    let list = match name.as_str() {
        "--test" | "--test-only" | "--test-force-exit" => {
            if inline.is_some() {
                return Err(format!("bad option: {arg}"));
            }
            match name.as_str() {
                "--test" => flags.test = true,
                "--test-only" => flags.test_only = true,
                _ => flags.test_force_exit = true,
            }
            return Ok(true);
        }
        "--test-reporter" => &mut flags.test_reporters,
        "--test-reporter-destination" => &mut flags.test_reporter_destinations,
        "--test-name-pattern" => &mut flags.test_name_patterns,
        "--test-concurrency" | "--test-timeout" | "--test-shard" => {
            let value = match inline {
                Some(value) => value,
                None => rest
                    .next()
                    .cloned()
                    .ok_or_else(|| format!("{arg} requires an argument"))?,
            };
            let key = name.trim_start_matches("--test-").to_string();
            flags.test_settings.retain(|(k, _)| *k != key);
            flags.test_settings.push((key, value));
            return Ok(true);
        }
        _ => return Ok(false),
    };
    let value = match inline {
        Some(value) => value,
        None => rest
            .next()
            .cloned()
            .ok_or_else(|| format!("{arg} requires an argument"))?,
    };
    list.push(value);
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_before_the_script_args_after() {
        let cmd = parse(&strings(&[
            "--expose-gc",
            "--no_warnings",
            "a.js",
            "--expose-gc",
            "x",
        ]));
        let Ok(Command::Run {
            flags,
            script,
            args,
        }) = cmd
        else {
            panic!("expected a run command");
        };
        assert!(flags.expose_gc && flags.no_warnings && !flags.zero_fill_buffers);
        assert_eq!(script, "a.js");
        assert_eq!(args, strings(&["--expose-gc", "x"]));
        assert_eq!(flags.exec_argv, strings(&["--expose-gc", "--no_warnings"]));
    }

    #[test]
    fn tracing_flags_take_values() {
        let Ok(Command::Run { flags, .. }) = parse(&strings(&[
            "--trace-retention=/tmp/a_b.json",
            "--trace-retention-threshold=4096",
            "--trace-overlap",
            "a.js",
        ])) else {
            panic!("expected a run command");
        };
        assert_eq!(flags.trace_retention.as_deref(), Some("/tmp/a_b.json"));
        assert_eq!(flags.trace_retention_threshold, Some(4096));
        assert!(flags.trace_overlap && !flags.throw_overlap);
        let Ok(Command::Run { flags, .. }) = parse(&strings(&["--trace_retention", "a.js"])) else {
            panic!("expected a run command");
        };
        assert_eq!(flags.trace_retention.as_deref(), Some("text"));
        assert!(parse(&strings(&["--trace-retention-threshold=x", "a.js"])).is_err());
        assert!(parse(&strings(&["--expose-gc=1", "a.js"])).is_err());
    }

    #[test]
    fn unknown_flags_and_missing_scripts_are_errors() {
        assert!(parse(&strings(&["--bogus", "a.js"])).is_err());
        assert!(matches!(
            parse(&strings(&["--expose-gc"])),
            Ok(Command::Run { script, .. }) if script.is_empty()
        ));
        assert_eq!(parse(&strings(&["-v"])), Ok(Command::Version));
        assert!(parse(&strings(&["--max-buffer-memory=1k", "a.js"])).is_err());
    }

    #[test]
    fn a_buffer_memory_budget_in_bytes() {
        let Ok(Command::Run { flags, .. }) = parse(&strings(&["--max_buffer_memory=4096", "a.js"]))
        else {
            panic!("expected a run command");
        };
        assert_eq!(flags.max_buffer_memory, Some(4096));
    }

    #[test]
    fn test_runner_flags_take_values_and_files() {
        let Ok(Command::Run {
            flags,
            script,
            args,
        }) = parse(&strings(&[
            "--test-reporter",
            "spec",
            "--test-reporter=dot",
            "--test-reporter-destination=stdout",
            "--test-name-pattern",
            "/a/",
            "a.js",
            "--test-only",
        ]))
        else {
            panic!("expected a run command");
        };
        assert_eq!(flags.test_reporters, strings(&["spec", "dot"]));
        assert_eq!(flags.test_reporter_destinations, strings(&["stdout"]));
        assert_eq!(flags.test_name_patterns, strings(&["/a/"]));
        assert!(!flags.test_only && !flags.test);
        assert_eq!(script, "a.js");
        assert_eq!(args, strings(&["--test-only"]));
        // Under --test every operand is a file, and flags may follow them.
        let Ok(Command::Run {
            flags,
            script,
            args,
        }) = parse(&strings(&["--test", "a.js", "--test-only", "b.js"]))
        else {
            panic!("expected a run command");
        };
        assert!(flags.test && flags.test_only);
        assert_eq!((script.as_str(), args), ("a.js", strings(&["b.js"])));
        assert!(parse(&strings(&["--test-reporter"])).is_err());
        assert!(parse(&strings(&["--test=1", "a.js"])).is_err());
    }

    #[test]
    fn input_type_takes_module_or_commonjs() {
        for args in [
            &["--input-type=module", "-e", "1"][..],
            &["--input-type", "commonjs", "-e", "1"],
        ] {
            let Ok(Command::Run { flags, .. }) = parse(&strings(args)) else {
                panic!("{args:?}");
            };
            assert_eq!(
                flags.input_type.as_deref(),
                Some(args[args.len() - 3].trim_start_matches("--input-type="))
            );
            assert_eq!(flags.exec_argv, strings(args));
        }
        let err = parse(&strings(&["--input-type=foo", "-e", "1"])).unwrap_err();
        assert_eq!(err, "--input-type must be \"module\" or \"commonjs\"");
    }

    #[test]
    fn every_help_row_is_a_flag_the_parser_knows() {
        for (names, _) in HELP {
            for name in names.split(", ") {
                let flag = name.split(' ').next().unwrap_or(name);
                // `--x[=a|b]` is shown with its optional value; `--x=<n>` takes a number.
                let flag = flag
                    .split('[')
                    .next()
                    .unwrap_or(flag)
                    .replace("=<bytes>", "=1")
                    .replace("=<path>", "=.env")
                    .replace("=<n>", "=1")
                    .replace("=<type>", "=module")
                    .replace("=<order>", "=verbatim");
                let mut args = vec![flag.to_string()];
                if name.contains(" <") {
                    args.push("1".to_string());
                }
                args.push("a.js".to_string());
                assert!(
                    parse(&args).is_ok(),
                    "{flag} is in HELP but parse rejects it"
                );
            }
        }
        let text = help_text();
        assert!(text.contains("--zero-fill-buffers") && text.contains("QuickJS"));
    }
}
