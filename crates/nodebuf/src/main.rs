//! `nodebuf [flags] script.js [args]`: runs a Node-style CommonJS script on QuickJS with
//! nodebuf's Buffer, printing what Node v20 prints.

mod bytes;
mod flags;
mod host;
mod jsstr;
mod modules;

use flags::Command;

/// `nodebuf --help`.
const HELP: &str = "\
Usage: nodebuf [options] script.js [arguments]
       nodebuf [options] -e|-p code

Node options:
  --expose-gc                 define gc()
  --expose-internals          let scripts require internal/errors, internal/test/binding
  --zero-fill-buffers         every new Buffer starts zeroed
  --pending-deprecation       emit pending deprecations (DEP0005 everywhere)
  --no-deprecation            silence DeprecationWarnings
  --no-warnings               silence all process warnings
  --trace-warnings            print the stack with each warning
  --trace-deprecation         print the stack with each DeprecationWarning
  --throw-deprecation         DeprecationWarnings throw
  -e, --eval code             run code
  -p, --print code            run code and print the result
  -v, --version               print the Node version nodebuf follows
  -h, --help                  this text

Buffer tracing (nodebuf only; also require('nodebuf:retention')):
  --trace-retention[=json|PATH]
                              record every view made from JS (slice, subarray,
                              Buffer.from(arrayBuffer), typed arrays and DataViews over a
                              buffer, pool slices) and print at exit which live stores they
                              keep alive, by creation site: text on stderr, `json` on stderr,
                              or JSON written to PATH
  --trace-retention-threshold=BYTES
                              smallest store in the report (default 1048576)
  --trace-overlap             warn once per pair of creation sites when two live views of
                              one store partially overlap
  --throw-overlap             make a partial overlap an error thrown at the call
";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match flags::parse(&args) {
        Ok(Command::Version) => {
            println!("{}", modules::process::NODE_VERSION);
            0
        }
        Ok(Command::Help) => {
            print!("{HELP}");
            0
        }
        Ok(Command::Run {
            flags,
            script,
            args,
        }) => run(flags, script, args),
        Err(message) => {
            eprintln!("nodebuf: {message}");
            9
        }
    };
    std::process::exit(code);
}

fn run(flags: flags::Flags, script: String, args: Vec<String>) -> i32 {
    let absolute = if flags.eval.is_some() {
        Ok(std::path::PathBuf::from(&script))
    } else {
        std::path::absolute(&script)
    };
    let absolute = absolute
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or(script);
    let worker = std::thread::Builder::new()
        .name("main".into())
        .stack_size(host::THREAD_STACK_BYTES)
        .spawn(move || host::run(&flags, &absolute, &args));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(code)) => code,
        _ => {
            eprintln!("nodebuf: the JS thread failed");
            70
        }
    }
}
