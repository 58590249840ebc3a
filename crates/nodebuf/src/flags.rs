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
    /// `--zero-fill-buffers`: every new Buffer (even `allocUnsafe`) starts zeroed.
    pub zero_fill_buffers: bool,
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
    /// `-e code` / `-p code`: run `code` instead of a script file.
    pub eval: Option<String>,
    /// `-p`: print the result of `eval` (as `console.log` would).
    pub print: bool,
    /// The flags exactly as given, for `process.execArgv`.
    pub exec_argv: Vec<String>,
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run `script` with `args` under `flags`.
    Run {
        /// The runtime flags.
        flags: Flags,
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

/// Parses `args` (without the program name) the way Node does: flags first, then the script,
/// then the script's own arguments untouched. Unknown flags are an error, as in Node
/// (`node: bad option: --x`).
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut flags = Flags::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if !arg.starts_with('-') || arg == "-" {
            return Ok(Command::Run {
                flags,
                script: arg.clone(),
                args: iter.cloned().collect(),
            });
        }
        if arg == "--" {
            let Some(script) = iter.next() else {
                return Err("missing script".to_string());
            };
            return Ok(Command::Run {
                flags,
                script: script.clone(),
                args: iter.cloned().collect(),
            });
        }
        if matches!(arg.as_str(), "-e" | "--eval" | "-p" | "--print") {
            let Some(code) = iter.next() else {
                return Err(format!("{arg} requires an argument"));
            };
            flags.print = arg == "-p" || arg == "--print";
            flags.eval = Some(code.clone());
            flags.exec_argv.push(arg.clone());
            flags.exec_argv.push(code.clone());
            return Ok(Command::Run {
                flags,
                script: "[eval]".to_string(),
                args: iter.cloned().collect(),
            });
        }
        // Node accepts `_` for `-` inside flag names.
        let name = arg.replace('_', "-");
        if let Some(value) = name.strip_prefix("--max-buffer-memory=") {
            let bytes = value
                .parse::<usize>()
                .map_err(|_| format!("--max-buffer-memory= requires a byte count: {arg}"))?;
            flags.max_buffer_memory = Some(bytes);
            flags.exec_argv.push(arg.clone());
            continue;
        }
        match name.as_str() {
            "-v" | "--version" => return Ok(Command::Version),
            "-h" | "--help" => return Ok(Command::Help),
            "--expose-gc" => flags.expose_gc = true,
            "--expose-internals" => flags.expose_internals = true,
            "--zero-fill-buffers" => flags.zero_fill_buffers = true,
            "--pending-deprecation" => flags.pending_deprecation = true,
            "--no-deprecation" => flags.no_deprecation = true,
            "--no-warnings" => flags.no_warnings = true,
            "--trace-warnings" => flags.trace_warnings = true,
            "--trace-deprecation" => flags.trace_deprecation = true,
            "--throw-deprecation" => flags.throw_deprecation = true,
            _ => return Err(format!("bad option: {arg}")),
        }
        flags.exec_argv.push(arg.clone());
    }
    Err("missing script".to_string())
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
    fn unknown_flags_and_missing_scripts_are_errors() {
        assert!(parse(&strings(&["--bogus", "a.js"])).is_err());
        assert!(parse(&strings(&["--expose-gc"])).is_err());
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
}
